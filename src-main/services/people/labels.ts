import { auditFieldLabel } from '../../../src-shared/domain/audit';
import { AppError } from '../../../src-shared/errors';

/**
 * A refused batch names its first problem's row and field ("Row 2, hireDate: …"); people's
 * messages name the field by its label instead ("Row 2, Hire date: …"). The issues keep the key,
 * which the grid needs to mark the cell.
 * (The prefix is written by services/shared/batch.ts; field labels there would do this for every area.)
 */
export async function withFieldLabels<T>(entity: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw relabelled(entity, error);
  }
}

function relabelled(entity: string, error: unknown): unknown {
  if (!(error instanceof AppError) || error.code !== 'VALIDATION' || !error.issues?.length) return error;
  const { row, field } = error.issues[0];
  const prefix = `Row ${row}, ${field}: `;
  if (!row || !field || !error.message.startsWith(prefix)) return error;
  return new AppError(error.code, `Row ${row}, ${auditFieldLabel(entity, field)}: ${error.message.slice(prefix.length)}`, error.issues);
}
