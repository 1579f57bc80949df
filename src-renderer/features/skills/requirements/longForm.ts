import type { Input, Requirement } from '../../../../src-shared/api';
import type { CellError, GridRow, RowChange } from '../../../grid';

type RequirementChange = Input<'skills.saveRequirements'>['changes'][number];

/**
 * The newest known state of each requirement, from fetches and saves. A grid
 * change names only the edited fields, but the API needs the job, the skill
 * and the level of every change.
 */
export class RequirementBook {
  private readonly rows = new Map<string, Requirement>();

  /** Fetched rows: kept unless a save already brought a newer version. */
  remember(rows: Requirement[]): void {
    for (const row of rows) {
      const known = this.rows.get(row.id);
      if (!known || row.version >= known.version) this.rows.set(row.id, row);
    }
  }

  /** Rows read back right after a save: the newest there is. */
  saved(rows: Requirement[]): void {
    for (const row of rows) this.rows.set(row.id, row);
  }

  get(id: string): Requirement | undefined {
    return this.rows.get(id);
  }
}

export interface LongFormPlan {
  changes: RequirementChange[];
  /** The grid row behind each change, by index. */
  rowKeys: string[];
  /** Requirement each grid change ends up as: job and skill. */
  results: { jobId: string; skillId: string }[];
  /** New rows that cannot be sent yet: their job, skill or level is missing. */
  missing: CellError[];
}

const REQUIRED_FOR_NEW: [field: 'jobId' | 'skillId' | 'level', message: string][] = [
  ['jobId', 'Choose the job.'],
  ['skillId', 'Choose the skill.'],
  ['level', 'Give the required level.'],
];

const asLevel = (value: unknown) => (value === null || value === undefined ? null : Number(value));
const weightOf = (values: Record<string, unknown>) => ('weight' in values && values.weight !== null ? { weight: Number(values.weight) } : {});

/**
 * Grid changes to requirement changes. A new row creates a requirement; an edit
 * updates one; an edit of the job or skill moves it (the old one is removed).
 */
export function planLongFormSave(rowChanges: RowChange[], book: RequirementBook): LongFormPlan {
  const plan: LongFormPlan = { changes: [], rowKeys: [], results: [], missing: [] };
  const send = (change: RequirementChange, rowKey: string) => (plan.changes.push(change), plan.rowKeys.push(rowKey));
  for (const rowChange of rowChanges) {
    const before = rowChange.id === undefined ? undefined : book.get(rowChange.id);
    const after = { ...before, ...rowChange.values } as Record<string, unknown>;
    if (!before) {
      const absent = REQUIRED_FOR_NEW.filter(([field]) => after[field] === null || after[field] === undefined);
      plan.missing.push(...absent.map(([field, message]) => ({ rowKey: rowChange.rowKey, field, message })));
      if (absent.length > 0) continue;
    }
    const jobId = String(after.jobId);
    const skillId = String(after.skillId);
    const moved = before && (before.jobId !== jobId || before.skillId !== skillId);
    if (before && moved) send({ jobId: before.jobId, skillId: before.skillId, level: null }, rowChange.rowKey);
    const values = moved || !before ? after : rowChange.values;
    send({ jobId, skillId, level: asLevel(after.level), ...weightOf(values) }, rowChange.rowKey);
    plan.results.push({ jobId, skillId });
  }
  return plan;
}

/** The saved rows, in the order of the grid's changes, from a fetch made after the save. */
export function savedRows(rowChanges: RowChange[], plan: LongFormPlan, stored: Requirement[]): Requirement[] {
  const byPair = new Map(stored.map((r) => [`${r.jobId}|${r.skillId}`, r]));
  return rowChanges.map((change, i) => {
    const { jobId, skillId } = plan.results[i];
    const row = byPair.get(`${jobId}|${skillId}`);
    if (!row) throw new Error('A saved requirement could not be read back; reload the page to see what was stored.');
    if (change.id === undefined || row.id === change.id) return row;
    // A moved requirement is a new record; the grid row keeps its id (and a newer version) until the next fetch replaces it.
    return { ...row, id: change.id, version: Math.max(row.version, (change.version ?? 0) + 1) };
  });
}

export function removals(rows: GridRow[], book: RequirementBook): RequirementChange[] {
  return rows.map((row) => {
    const known = book.get(row.id) ?? (row as unknown as Requirement);
    return { jobId: known.jobId, skillId: known.skillId, level: null };
  });
}
