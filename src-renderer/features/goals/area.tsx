import { Navigate, Route, Routes } from 'react-router-dom';
import { defineUiArea } from '../../app/area-module';
import { AlignmentTreePage } from './AlignmentTreePage';
import { GoalsPage } from './GoalsPage';
import { GoalLibraryPage } from './library/GoalLibraryPage';

export const area = defineUiArea({
  key: 'goals',
  links: [
    { to: '/goals', label: 'Goals', exact: true },
    { to: '/goals/alignment', label: 'Alignment tree' },
    { to: '/goals/library', label: 'Goal library' },
  ],
  element: (
    <Routes>
      <Route index element={<GoalsPage />} />
      <Route path="alignment" element={<AlignmentTreePage />} />
      <Route path="library" element={<GoalLibraryPage />} />
      <Route path="*" element={<Navigate to="/goals" replace />} />
    </Routes>
  ),
});
