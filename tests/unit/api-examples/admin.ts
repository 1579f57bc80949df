import type { adminArea } from '../../../src-shared/api/admin';
import type { Examples } from './ids';

const CSV = Buffer.from('Employee number,First name,Last name,Hire date\nE1,Ann,Lee,2020-01-01\n').toString('base64');

/** One valid input per admin method (see api-properties.test.ts): the malformed ones are derived from it. */
export const examples: Examples<typeof adminArea.methods> = {
  'admin.getDatabaseStatus': {},
  'admin.backupDatabase': { path: '/tmp/x.sqlite' },
  'admin.openDatabase': { path: '/tmp/x.sqlite' },
  'admin.listAuditEvents': { limit: 5, actor: 'Ann', from: '2026-01-01T00:00:00.000Z' },
  'admin.findAuditRecords': { search: 'Ann' },
  'admin.getSettings': {},
  'admin.updateSettings': { actorName: 'Ann' },
  'admin.loadDemoOrganisation': { employees: 20 },
  'admin.previewImport': { kind: 'employees', fileName: 'a.csv', contentBase64: CSV },
  'admin.commitImport': { kind: 'employees', fileName: 'a.csv', contentBase64: CSV, mapping: {} },
  'admin.exportImportReport': { kind: 'employees', fileName: 'a.csv', contentBase64: CSV, mapping: {} },
  'admin.exportTable': { format: 'csv', title: 'T', headers: ['a'], rows: [['x']] },
  'admin.getLockState': {},
  'admin.unlockDatabase': { passphrase: 'correct horse battery' },
  'admin.createStartDatabase': { passphrase: 'correct horse battery' },
  'admin.lockDatabase': {},
  'admin.reportActivity': {},
  'admin.setIdleLock': { minutes: 10 },
  'admin.rememberKey': { remember: false },
  'admin.encryptDatabase': { passphrase: 'correct horse battery' },
  'admin.changePassphrase': { current: 'correct horse battery', next: 'battery staple horse' },
  'admin.exportUnencryptedCopy': { path: '/tmp/plain.sqlite', passphrase: 'correct horse battery', understood: true },
  'admin.deleteUnencryptedOriginal': { path: '/tmp/canopy-unencrypted.sqlite' },
};
