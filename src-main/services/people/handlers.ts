import type { peopleArea } from '../../../src-shared/api/people';
import type { AreaHandlers } from '../../api/types';
import { archiveDepartments, listDepartments, saveDepartments } from './departments';
import { resolveEmployees } from './employee-resolve';
import { searchEmployees } from './employee-search';
import { exportEmployees, listEmployeeWindow } from './employee-window';
import { archiveEmployees, getEmployee, listEmployees, listLocations, saveEmployees } from './employees';
import { archiveJobs, listJobs, saveJobs } from './jobs';
import { getOrgTree } from './org-tree';
import { resolvePositions, searchPositions } from './position-search';
import { exportPositions, listPositionWindow } from './position-window';
import { archivePositions, listPositions, savePositions } from './positions';

export const peopleHandlers: AreaHandlers<typeof peopleArea.methods> = {
  'people.listDepartments': async (input, ctx) => ({ rows: await listDepartments(ctx, input.includeArchived) }),
  'people.saveDepartments': async (input, ctx) => ({ rows: await saveDepartments(ctx, input.rows) }),
  'people.archiveDepartments': async (input, ctx) => ({ count: await archiveDepartments(ctx, input.ids, input.archived ?? true) }),
  'people.listJobs': async (input, ctx) => ({ rows: await listJobs(ctx, input.includeArchived) }),
  'people.saveJobs': async (input, ctx) => ({ rows: await saveJobs(ctx, input.rows) }),
  'people.archiveJobs': async (input, ctx) => ({ count: await archiveJobs(ctx, input.ids, input.archived ?? true) }),
  'people.listPositions': async (input, ctx) => ({ rows: await listPositions(ctx, input.includeArchived) }),
  'people.listPositionWindow': async (input, ctx) => listPositionWindow(ctx, input),
  'people.exportPositions': (input, ctx) => exportPositions(ctx, input),
  'people.searchPositions': async (input, ctx) => searchPositions(ctx, input),
  'people.resolvePositions': async (input, ctx) => ({ matches: resolvePositions(ctx, input.texts) }),
  'people.savePositions': async (input, ctx) => ({ rows: await savePositions(ctx, input.rows) }),
  'people.archivePositions': async (input, ctx) => ({ count: await archivePositions(ctx, input.ids, input.archived ?? true) }),
  'people.listEmployees': (input, ctx) => listEmployees(ctx, input),
  'people.listEmployeeWindow': async (input, ctx) => listEmployeeWindow(ctx, input),
  'people.exportEmployees': (input, ctx) => exportEmployees(ctx, input),
  'people.getEmployee': (input, ctx) => getEmployee(ctx, input.id),
  'people.searchEmployees': async (input, ctx) => searchEmployees(ctx, input),
  'people.resolveEmployees': async (input, ctx) => ({ matches: resolveEmployees(ctx, input.texts) }),
  'people.saveEmployees': async (input, ctx) => ({ rows: await saveEmployees(ctx, input.rows) }),
  'people.archiveEmployees': async (input, ctx) => ({ count: await archiveEmployees(ctx, input.ids, input.archived ?? true) }),
  'people.listLocations': async (_input, ctx) => ({ locations: await listLocations(ctx) }),
  'people.getOrgTree': async (input, ctx) => ({ nodes: await getOrgTree(ctx, input.asOf) }),
};
