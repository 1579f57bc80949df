import type { adminArea } from '../../../src-shared/api/admin';
import type { AreaHandlers } from '../../api/types';
import { exportTable } from '../../exports/table';
import { commitImport, exportImportReport, previewImport } from '../../imports';
import { findAuditRecords, listAuditEvents } from './audit-log';
import { backupDatabase, getDatabaseStatus, openDatabase } from './database';
import { loadDemoOrganisation } from './demo';
import { securityHandlers } from './security-handlers';
import { getSettings, updateSettings } from './settings';

export const adminHandlers: AreaHandlers<typeof adminArea.methods> = {
  'admin.getDatabaseStatus': (_input, ctx) => getDatabaseStatus(ctx),
  'admin.backupDatabase': (input, ctx) => backupDatabase(ctx, input.path),
  'admin.openDatabase': (input, ctx) => openDatabase(ctx, input),
  'admin.listAuditEvents': (input, ctx) => listAuditEvents(ctx, input),
  'admin.findAuditRecords': async (input, ctx) => ({ rows: findAuditRecords(ctx, input) }),
  'admin.getSettings': (_input, ctx) => getSettings(ctx),
  'admin.updateSettings': (input, ctx) => updateSettings(ctx, input.actorName),
  'admin.loadDemoOrganisation': (input, ctx) => loadDemoOrganisation(ctx, input),
  'admin.previewImport': (input, ctx) => previewImport(ctx, input),
  'admin.commitImport': (input, ctx) => commitImport(ctx, input),
  'admin.exportTable': async (input) => exportTable(input),
  'admin.exportImportReport': (input, ctx) => exportImportReport(ctx, input),
  ...securityHandlers,
};
