import { Navigate, Route, Routes } from 'react-router-dom';
import { defineUiArea } from '../../app/area-module';
import { InsightsPage } from './InsightsPage';

export const area = defineUiArea({
  key: 'insights',
  element: (
    <Routes>
      <Route index element={<InsightsPage />} />
      <Route path="*" element={<Navigate to="/insights" replace />} />
    </Routes>
  ),
});
