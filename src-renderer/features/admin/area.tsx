import { Navigate, Route, Routes } from 'react-router-dom';
import { defineUiArea } from '../../app/area-module';
import { AdminPage } from './AdminPage';
import { AuditLogPage } from './AuditLogPage';

export const area = defineUiArea({
  key: 'admin',
  element: (
    <Routes>
      <Route index element={<AdminPage />} />
      <Route path="audit" element={<AuditLogPage />} />
      <Route path="*" element={<Navigate to="/admin" replace />} />
    </Routes>
  ),
});
