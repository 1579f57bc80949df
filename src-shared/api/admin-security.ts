import { z } from 'zod';
import { AppError, type ApiErrorBody } from '../errors';
import { empty, read, sentenceIssue, write } from './common';

/**
 * The admin area's methods for encrypted files: the lock screen's (the only methods answered while a
 * file is locked, see `LOCK_FREE_METHODS`) and the Admin page's encryption panel.
 */

export const filePath = z.string().trim().min(1, 'Choose a file.').max(4096);

export const MIN_NEW_PASSPHRASE_LENGTH = 8;
/** Passphrases are taken as typed: spaces count, nothing is trimmed. */
export const passphrase = z.string().min(1, 'Enter the passphrase.').max(1024, 'At most 1024 characters.');
export const newPassphrase = z
  .string()
  .min(MIN_NEW_PASSPHRASE_LENGTH, `Use at least ${MIN_NEW_PASSPHRASE_LENGTH} characters: a few unrelated words are easy to remember and hard to guess.`)
  .max(1024, 'At most 1024 characters.');

export const IDLE_LOCK_MINUTES = { min: 1, max: 480, default: 15 } as const;

export const lockState = z.strictObject({
  /** `new`: the file does not exist yet and waits for its passphrase (first start). */
  state: z.enum(['unlocked', 'locked', 'new']),
  path: z.string(),
  fileName: z.string(),
  encrypted: z.boolean(),
  /** The desktop app with an OS keychain: the key may be remembered on this computer. */
  canRemember: z.boolean(),
  remembered: z.boolean(),
  /** Seconds before another passphrase may be tried, after several wrong ones. */
  retryInSeconds: z.number().int().min(0),
  /** Minutes without use before an encrypted file locks. */
  idleLockMinutes: z.number().int(),
  /** The unencrypted original kept after "encrypt this file", until the user deletes it. */
  unencryptedOriginal: z.string().nullable(),
});
export type LockState = z.infer<typeof lockState>;

const startChoice = z
  .strictObject({ passphrase: newPassphrase.optional(), unencrypted: z.literal(true).optional() })
  .superRefine((choice, ctx) => {
    if ((choice.passphrase === undefined) === (choice.unencrypted === undefined)) {
      ctx.addIssue(sentenceIssue(['passphrase'], 'Choose a passphrase, or create the file unencrypted.'));
    }
  });

export const securityMethods = {
  'admin.getLockState': read(empty, lockState, ['admin']),
  'admin.unlockDatabase': write(z.strictObject({ passphrase, remember: z.boolean().optional() }), lockState, []),
  'admin.createStartDatabase': write(startChoice, lockState, ['*']),
  'admin.lockDatabase': write(empty, lockState, []),
  /** The page tells that someone is using it (at most once a minute), so the file does not lock under them. */
  'admin.reportActivity': read(empty, lockState, []),
  'admin.setIdleLock': write(z.strictObject({ minutes: z.number().int().min(IDLE_LOCK_MINUTES.min).max(IDLE_LOCK_MINUTES.max) }), lockState, ['admin']),
  'admin.rememberKey': write(z.strictObject({ remember: z.boolean() }), lockState, ['admin']),
  'admin.encryptDatabase': write(z.strictObject({ passphrase: newPassphrase }), z.strictObject({ path: z.string(), unencryptedOriginal: z.string() }), ['admin']),
  'admin.changePassphrase': write(z.strictObject({ current: passphrase, next: newPassphrase }), z.strictObject({ path: z.string() }), ['admin']),
  'admin.exportUnencryptedCopy': write(
    z.strictObject({
      path: filePath,
      passphrase,
      understood: z.literal(true, { message: 'Confirm that you understand the copy is not protected.' }),
    }),
    z.strictObject({ path: z.string(), sizeBytes: z.number().int() }),
    ['admin'],
  ),
  'admin.deleteUnencryptedOriginal': write(z.strictObject({ path: filePath }), z.strictObject({ deleted: z.string() }), ['admin']),
};

/** Answered while the file is locked (or not created yet); every other method is refused then. */
export const LOCK_FREE_METHODS = ['admin.getLockState', 'admin.unlockDatabase', 'admin.createStartDatabase', 'admin.lockDatabase', 'admin.reportActivity'] as const;
export type LockFreeMethod = (typeof LOCK_FREE_METHODS)[number];
export const isLockFreeMethod = (method: string): method is LockFreeMethod => (LOCK_FREE_METHODS as readonly string[]).includes(method);

/** The answer to any other method while locked; the page shows the lock screen when it sees it. */
export function lockedError(fileName: string, state: 'locked' | 'new'): AppError {
  const message = state === 'new' ? `${fileName} has not been created yet: choose its passphrase first.` : `${fileName} is locked. Enter its passphrase to go on.`;
  return new AppError('FORBIDDEN', message, [{ path: ['locked'], message }]);
}
export const isLockedError = (error: ApiErrorBody) => error.code === 'FORBIDDEN' && error.issues?.[0]?.path[0] === 'locked';
