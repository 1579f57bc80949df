import type { peopleArea } from '../../../src-shared/api/people';
import { ID, type Examples } from './ids';

/** One valid input per people method (see api-properties.test.ts): the malformed ones are derived from it. */
export const examples: Examples<typeof peopleArea.methods> = {
  'people.listDepartments': { includeArchived: true },
  'people.saveDepartments': { rows: [{ values: { name: 'X' } }] },
  'people.archiveDepartments': { ids: [ID] },
  'people.listJobs': { includeArchived: false },
  'people.saveJobs': { rows: [{ values: { title: 'X' } }] },
  'people.archiveJobs': { ids: [ID] },
  'people.listPositions': {},
  'people.listPositionWindow': { offset: 0, limit: 100, sort: { field: 'reportsToId', desc: true }, filters: [{ field: 'title', contains: 'a' }], search: 'b' },
  'people.exportPositions': { format: 'xlsx', title: 'Positions', columns: [{ field: 'title', header: 'Title' }], search: 'a' },
  'people.searchPositions': { query: 'Lead', limit: 50 },
  'people.resolvePositions': { texts: ['Sales Lead · Sales', 'Sales Lead'] },
  'people.savePositions': { rows: [{ values: { title: 'X', jobId: ID, departmentId: ID } }] },
  'people.archivePositions': { ids: [ID] },
  'people.listEmployees': { limit: 10, search: 'a' },
  'people.listEmployeeWindow': { offset: 0, limit: 100, sort: { field: 'departmentId', desc: true }, filters: [{ field: 'lastName', contains: 'a' }], search: 'b' },
  'people.exportEmployees': { format: 'csv', title: 'Employees', columns: [{ field: 'employeeNumber', header: 'Number' }], search: 'a' },
  'people.getEmployee': { id: ID },
  'people.searchEmployees': { query: 'E10', limit: 50, includeTerminated: true },
  'people.resolveEmployees': { texts: ['Ann Smith (E100)', 'E10'] },
  'people.saveEmployees': { rows: [{ values: { employeeNumber: 'E1', firstName: 'A', lastName: 'B', hireDate: '2020-01-01', status: 'active' } }] },
  'people.archiveEmployees': { ids: [ID] },
  'people.listLocations': {},
  'people.getOrgTree': {},
};
