export * from './database';
export * from './settings';
export * from './audit-log';
export { loadDemoOrganisation } from './demo-organisation';
export { previewImport, commitImport, exportImportReport } from '../../imports';
export { exportTable } from '../../exports/table';
