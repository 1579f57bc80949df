import { adminArea } from '../../../src-shared/api/admin';
import { defineMainArea } from '../../area';
import { adminEntities } from '../../store/entities/admin';
import { AuditVocabulary0008 } from '../../store/migrations/0008-audit-vocabulary';
import { adminHandlers } from './handlers';

export const adminMain = defineMainArea({
  contract: adminArea,
  handlers: adminHandlers,
  entities: adminEntities,
  migrations: [AuditVocabulary0008],
  outsideTransaction: [
    'admin.openDatabase',
    'admin.backupDatabase',
    // Encryption replaces or copies the file, and locking closes it: none of them can run inside a transaction on it.
    'admin.unlockDatabase',
    'admin.createStartDatabase',
    'admin.lockDatabase',
    'admin.encryptDatabase',
    'admin.changePassphrase',
    'admin.exportUnencryptedCopy',
    'admin.deleteUnencryptedOriginal',
  ],
});
