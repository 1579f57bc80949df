import type { securityMethods } from '../../../src-shared/api/admin-security';
import type { AreaHandlers } from '../../api/types';
import { changePassphrase, deleteUnencryptedOriginal, encryptDatabase, exportUnencryptedCopy, lockFreeHandlers, rememberKey, sessionOf, setIdleLock } from './encryption';

/** The admin area's encryption methods (see src-shared/api/admin-security.ts). */
export const securityHandlers: AreaHandlers<typeof securityMethods> = {
  'admin.getLockState': (input, ctx) => lockFreeHandlers['admin.getLockState'](input, sessionOf(ctx)),
  'admin.unlockDatabase': (input, ctx) => lockFreeHandlers['admin.unlockDatabase'](input, sessionOf(ctx)),
  'admin.createStartDatabase': (input, ctx) => lockFreeHandlers['admin.createStartDatabase'](input, sessionOf(ctx)),
  'admin.lockDatabase': (input, ctx) => lockFreeHandlers['admin.lockDatabase'](input, sessionOf(ctx)),
  'admin.reportActivity': (input, ctx) => lockFreeHandlers['admin.reportActivity'](input, sessionOf(ctx)),
  'admin.setIdleLock': (input, ctx) => setIdleLock(ctx, input.minutes),
  'admin.rememberKey': (input, ctx) => rememberKey(ctx, input.remember),
  'admin.encryptDatabase': (input, ctx) => encryptDatabase(ctx, input.passphrase),
  'admin.changePassphrase': (input, ctx) => changePassphrase(ctx, input.current, input.next),
  'admin.exportUnencryptedCopy': (input, ctx) => exportUnencryptedCopy(ctx, input.path, input.passphrase),
  'admin.deleteUnencryptedOriginal': (input, ctx) => deleteUnencryptedOriginal(ctx, input.path),
};
