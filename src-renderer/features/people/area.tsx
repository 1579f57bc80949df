import { Navigate, Route, Routes } from 'react-router-dom';
import { defineUiArea } from '../../app/area-module';
import { DepartmentsPage } from './DepartmentsPage';
import { EmployeePage } from './EmployeePage';
import { EmployeesPage } from './EmployeesPage';
import { ImportPage } from './ImportPage';
import { JobsPage } from './JobsPage';
import { OrgTreePage } from './OrgTreePage';
import { PositionsPage } from './PositionsPage';

export const area = defineUiArea({
  key: 'people',
  links: [
    { to: '/people/employees', label: 'Employees' },
    { to: '/people/departments', label: 'Departments' },
    { to: '/people/jobs', label: 'Jobs' },
    { to: '/people/positions', label: 'Positions' },
    { to: '/people/org', label: 'Org tree' },
    { to: '/people/import', label: 'Import' },
  ],
  element: (
    <Routes>
      <Route index element={<Navigate to="/people/employees" replace />} />
      <Route path="employees" element={<EmployeesPage />} />
      <Route path="employees/:id" element={<EmployeePage />} />
      <Route path="departments" element={<DepartmentsPage />} />
      <Route path="jobs" element={<JobsPage />} />
      <Route path="positions" element={<PositionsPage />} />
      <Route path="org" element={<OrgTreePage />} />
      <Route path="import" element={<ImportPage key="employees" kind="employees" />} />
      <Route path="*" element={<Navigate to="/people/employees" replace />} />
    </Routes>
  ),
});
