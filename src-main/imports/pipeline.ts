import { randomUUID } from 'node:crypto';
import type { ImportField, ImportIssue, ImportPreview } from '../../src-shared/api';
import type { ServiceContext } from '../services/context';
import type { CompiledMapping } from './mapping';
import type { Table } from './read-table';

/** What an import of one kind will do, worked out before anything is written. */
export interface PlannedImport {
  issues: ImportIssue[];
  summary: ImportPreview['summary'];
  creates: ImportPreview['creates'];
  /** Writes the plan; called only when there are no issues, inside the request's transaction. */
  write(ctx: ServiceContext, job: { id: string; fileName: string }): Promise<void>;
}

export interface ImportKindHandler {
  fields: readonly ImportField[];
  plan(ctx: ServiceContext, table: Table, mapping: CompiledMapping): PlannedImport;
}

export const emptyPlan = (issues: ImportIssue[]): PlannedImport => ({
  issues,
  summary: { create: 0, update: 0, unchanged: 0 },
  creates: [],
  write: async () => undefined,
});

/** How the preview names what an import creates: the count and the first few labels. */
export function createdList(entity: ImportPreview['creates'][number]['entity'], labels: string[]): ImportPreview['creates'] {
  return labels.length ? [{ entity, count: labels.length, names: labels.slice(0, 10) }] : [];
}

/** The spreadsheet row number of a data row. */
export const rowNumberOf = (table: Table, index: number) => table.rowNumbers[index] ?? index + 2;

/** Fields of a record whose planned value differs from the stored one. */
export function changedFields<T extends object>(stored: T, planned: T, fields: readonly (keyof T & string)[]): (keyof T & string)[] {
  return fields.filter((f) => (stored[f] ?? null) !== (planned[f] ?? null));
}

/** The named fields of a record (null where absent), e.g. for an audit record's before and after. */
export const pick = <T extends object>(values: T, fields: readonly string[]) =>
  Object.fromEntries(fields.map((f) => [f, (values as Record<string, unknown>)[f] ?? null]));

/** Every id on a cycle of a child → parent map (managers, parent departments…), walking each id once. */
export function idsInLoops(managerOf: Map<string, string | null | undefined>): Set<string> {
  const state = new Map<string, 1 | 2>();
  const looping = new Set<string>();
  for (const start of managerOf.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    let current: string | null | undefined = start;
    while (current && !state.has(current)) {
      state.set(current, 1);
      path.push(current);
      current = managerOf.get(current);
    }
    if (current && state.get(current) === 1) for (let i = path.indexOf(current); i < path.length; i++) looping.add(path[i]);
    for (const id of path) state.set(id, 2);
  }
  return looping;
}

let lastMs = 0;
let sequence = 0;

/**
 * A UUID (version 7) that sorts by creation time: the rows of one import go to the end of
 * the primary-key index instead of landing all over it, which is most of an insert's cost
 * at tens of thousands of rows. Still a UUID, so records from two laptops never collide.
 */
export function timeOrderedId(): string {
  const now = Date.now();
  if (now > lastMs) (lastMs = now), (sequence = 0);
  else if (++sequence > 0xfff) (lastMs += 1), (sequence = 0);
  const time = lastMs.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8)}-7${sequence.toString(16).padStart(3, '0')}-${randomUUID().slice(19)}`;
}
