import { Navigate, Route, Routes } from 'react-router-dom';
import { defineUiArea } from '../../app/area-module';
import { ChartPage } from './chart/ChartPage';
import { KeyPositionsPage } from './KeyPositionsPage';
import { PlansPage } from './PlansPage';
import { SuccessionSettingsPage } from './SettingsPage';
import { ExternalCandidatesPage, LossRiskPage, TalentPoolsPage } from './SimpleGrids';

export const area = defineUiArea({
  key: 'succession',
  links: [
    { to: '/succession', label: 'Succession chart', exact: true },
    { to: '/succession/key-positions', label: 'Key positions' },
    { to: '/succession/plans', label: 'Plans' },
    { to: '/succession/risk', label: 'Risk of loss' },
    { to: '/succession/pools', label: 'Talent pools' },
    { to: '/succession/candidates', label: 'External candidates' },
    { to: '/succession/settings', label: 'Readiness & photos' },
  ],
  element: (
    <Routes>
      <Route index element={<ChartPage />} />
      <Route path="key-positions" element={<KeyPositionsPage />} />
      <Route path="plans" element={<PlansPage />} />
      <Route path="risk" element={<LossRiskPage />} />
      <Route path="pools" element={<TalentPoolsPage />} />
      <Route path="candidates" element={<ExternalCandidatesPage />} />
      <Route path="settings" element={<SuccessionSettingsPage />} />
      <Route path="*" element={<Navigate to="/succession" replace />} />
    </Routes>
  ),
});
