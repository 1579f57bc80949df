import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../src-shared/errors';
import { assertFolderExists, assertFolderWritable, assertUsablePath } from '../../store/file-access';
import type { ServiceContext } from '../context';

export const sameFile = (a: string, b: string) => a === b || (fs.existsSync(a) && fs.existsSync(b) && fs.realpathSync(a) === fs.realpathSync(b));

/** A file Canopy writes that must not exist yet (an unencrypted copy never replaces anything). */
export function assertNewFileTarget(target: string, openDatabase: string): string {
  assertUsablePath(target);
  const destination = path.resolve(target);
  if (sameFile(destination, openDatabase)) throw new AppError('VALIDATION', 'Choose a different file than the open database.');
  assertFolderExists(path.dirname(destination));
  assertFolderWritable(path.dirname(destination), destination, 'write');
  if (fs.existsSync(destination)) throw new AppError('VALIDATION', `${path.basename(destination)} already exists. Choose a new file name; Canopy does not replace it.`);
  return destination;
}

/** Progress events for the UI, at most one per percent. */
export function progressReporter(ctx: ServiceContext, jobId: string, label: string) {
  let lastPercent = -1;
  return (copied: number, total: number) => {
    const percent = total === 0 ? 100 : Math.floor((copied / total) * 100);
    if (percent === lastPercent) return;
    lastPercent = percent;
    ctx.emit({ type: 'progress', jobId, label, done: copied, total });
  };
}
