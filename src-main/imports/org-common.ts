import type { ImportIssue } from '../../src-shared/api';
import { AppError } from '../../src-shared/errors';
import type { AuditChange } from '../services/shared/audit';
import type { CompiledMapping } from './mapping';
import type { Resolved } from './people-data';
import { pick } from './pipeline';

/*
 * What the department, job and position imports share. A row matches a stored record by
 * what identifies it to a user (a department by code, or by name under its parent; a job by
 * title and level; a position by title and department, then by holder), changes only the
 * mapped fields that differ, and creates the rest.
 */

export interface RowChange<V> {
  id: string;
  row: number;
  isNew: boolean;
  version: number;
  before: V;
  values: V;
  changed: (keyof V & string)[];
}

export type Issue = (row: number, key: string, message: string) => void;

export function startPlan(m: CompiledMapping, required: string[]) {
  const issues: ImportIssue[] = [...m.issues];
  for (const key of required) if (!m.has(key)) issues.push({ row: 1, column: m.label(key), message: `Choose the column that holds the ${m.label(key).toLowerCase()}.` });
  const issue: Issue = (row, key, message) => issues.push({ row, column: m.label(key), message });
  return { issues, issue };
}

export function summarise<V>(changes: RowChange<V>[]) {
  const summary = { create: 0, update: 0, unchanged: 0 };
  for (const c of changes) summary[c.isNew ? 'create' : c.changed.length ? 'update' : 'unchanged']++;
  return summary;
}

export const settle = (issue: Issue, row: number, key: string, result: Resolved): string | null => ('problem' in result ? (issue(row, key, result.problem), null) : result.id);

export function tooLong(issue: Issue, row: number, key: string, value: string | null | undefined, max: number) {
  if (value && value.length > max) issue(row, key, `At most ${max} characters.`);
}

/** Marks the second row that names a record already named by an earlier row. */
export function onceEach(issue: Issue, key: string, what: string) {
  const rowOf = new Map<string, number>();
  return (id: string, row: number) => {
    if (rowOf.has(id)) return void issue(row, key, `This ${what} is also on row ${rowOf.get(id)}.`);
    rowOf.set(id, row);
  };
}

export function auditRows<V extends Record<string, unknown>>(entity: string, changes: RowChange<V>[], fileName: string): AuditChange[] {
  return changes
    .filter((c) => c.isNew || c.changed.length)
    .map((c) =>
      c.isNew
        ? { entity, entityId: c.id, action: 'create' as const, after: { ...c.values, source: fileName } }
        : { entity, entityId: c.id, action: 'update' as const, before: pick(c.before, c.changed), after: { ...pick(c.values, c.changed), source: fileName } },
    );
}

export function runUpdate(statement: { run(values: Record<string, unknown>): { changes: number } }, values: Record<string, unknown>, what: string) {
  if (statement.run(values).changes !== 1) throw new AppError('CONFLICT', `${what} was changed elsewhere while importing. Nothing was imported; preview the file again.`);
}
