import { Navigate, Route, Routes } from 'react-router-dom';
import { defineUiArea } from '../../app/area-module';
import { ImportPage } from '../people/ImportPage';
import { GapAnalysisPage } from './gaps/GapAnalysisPage';
import { SkillsRepositoryPage } from './repository/SkillsRepositoryPage';
import { RequirementsPage } from './requirements/RequirementsPage';
import { SkillSearchPage } from './search/SkillSearchPage';

export const area = defineUiArea({
  key: 'skills',
  links: [
    { to: '/skills', label: 'Repository', exact: true },
    { to: '/skills/requirements', label: 'Job requirements' },
    { to: '/skills/gaps', label: 'Gap analysis' },
    { to: '/skills/search', label: 'Skill search' },
    { to: '/skills/import', label: 'Import taxonomy' },
  ],
  element: (
    <Routes>
      <Route index element={<SkillsRepositoryPage />} />
      <Route path="requirements" element={<RequirementsPage />} />
      <Route path="gaps" element={<GapAnalysisPage />} />
      <Route path="search" element={<SkillSearchPage />} />
      <Route path="import" element={<ImportPage key="skills" kind="skills" />} />
      <Route path="*" element={<Navigate to="/skills" replace />} />
    </Routes>
  ),
});
