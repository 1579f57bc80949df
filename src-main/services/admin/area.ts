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
  outsideTransaction: ['admin.openDatabase', 'admin.backupDatabase'],
});
