import { Navigate, Route, Routes } from 'react-router-dom';
import { defineUiArea } from '../../app/area-module';
import { GuidelinesPage } from './GuidelinesPage';
import { SessionPage } from './SessionPage';
import { SessionsPage } from './SessionsPage';

/** Calibration sessions (nine-box, rating bins, grid, dashboard, presenter mode) and the distribution guidelines they are held to. */
export const area = defineUiArea({
  key: 'calibration',
  links: [
    { to: '/calibration', label: 'Sessions', exact: true },
    { to: '/calibration/guidelines', label: 'Guidelines' },
  ],
  element: (
    <Routes>
      <Route index element={<SessionsPage />} />
      <Route path="sessions/:id" element={<SessionPage />} />
      <Route path="guidelines" element={<GuidelinesPage />} />
      <Route path="*" element={<Navigate to="/calibration" replace />} />
    </Routes>
  ),
});
