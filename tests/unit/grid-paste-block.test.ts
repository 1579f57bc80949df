import { describe, expect, it } from 'vitest';
import { clearWrites, pasteWrites, planWrites, type BatchTarget } from '../../src-renderer/grid/pasteBlock';
import { newDraftRow } from '../../src-renderer/grid/drafts';
import type { GridColumn, GridRow } from '../../src-renderer/grid/types';

const columns: GridColumn[] = [
  { id: 'code', header: 'Code', kind: 'text', editable: false },
  { id: 'name', header: 'Name', kind: 'text', required: true },
  { id: 'salary', header: 'Salary', kind: 'number' },
  {
    id: 'dept',
    header: 'Department',
    kind: 'select',
    options: [
      { value: 'd1', label: 'Engineering' },
      { value: 'd2', label: 'Sales' },
    ],
  },
];

const rows: GridRow[] = [
  { id: 'a', version: 3, code: 'A', name: 'Ann', salary: 10, dept: 'd1' },
  { id: 'b', version: 5, code: 'B', name: 'Bob', salary: 20, dept: 'd2' },
];

let keys = 0;
const target = (overrides: Partial<BatchTarget> = {}): BatchTarget => ({
  rows,
  columns,
  allowAdd: true,
  createKey: () => `new-${++keys}`,
  ...overrides,
});

describe('pasteWrites', () => {
  it('places the block at the selection top-left', () => {
    const writes = pasteWrites([['x', 'y']], { top: 1, bottom: 1, left: 2, right: 2 });
    expect(writes).toEqual([
      { row: 1, col: 2, raw: 'x' },
      { row: 1, col: 3, raw: 'y' },
    ]);
  });

  it('fills a larger selection with a single value', () => {
    const writes = pasteWrites([['7']], { top: 0, bottom: 1, left: 2, right: 2 });
    expect(writes).toHaveLength(2);
    expect(writes.every((w) => w.raw === '7')).toBe(true);
  });
});

describe('planWrites', () => {
  it('builds one change per row with converted values and versions', () => {
    const writes = pasteWrites(
      [
        ['Anna', '11', 'sales'],
        ['Bob', '21', 'Engineering'],
      ],
      { top: 0, bottom: 0, left: 1, right: 1 },
    );
    const plan = planWrites(writes, target());
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.changes).toEqual([
      { rowKey: 'a', id: 'a', version: 3, values: { name: 'Anna', salary: 11, dept: 'd2' } },
      { rowKey: 'b', id: 'b', version: 5, values: { salary: 21, dept: 'd1' } },
    ]);
    expect(plan.edits[0]).toEqual({
      id: 'a',
      before: { name: 'Ann', salary: 10, dept: 'd1' },
      after: { name: 'Anna', salary: 11, dept: 'd2' },
    });
  });

  it('reports every unconvertible cell and sends nothing', () => {
    const writes = pasteWrites([['', 'abc', 'Legal']], { top: 1, bottom: 1, left: 1, right: 1 });
    const plan = planWrites(writes, target());
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.errors.map((e) => [e.rowKey, e.field])).toEqual([
      ['b', 'name'],
      ['b', 'salary'],
      ['b', 'dept'],
    ]);
    expect(plan.rowNumbers.get('b')).toBe(2);
  });

  it('creates rows past the end when adding is allowed', () => {
    const writes = pasteWrites([['Bob'], ['Cy'], ['']], { top: 1, bottom: 1, left: 1, right: 1 });
    const plan = planWrites(writes, target());
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.changes).toHaveLength(1);
    expect(plan.changes[0].id).toBeUndefined();
    expect(plan.changes[0].values).toEqual({ name: 'Cy' });
    expect(plan.rowNumbers.get(plan.changes[0].rowKey)).toBe(3);
  });

  it('refuses a block that runs past the end when adding is not allowed', () => {
    const writes = pasteWrites([['x'], ['y'], ['z']], { top: 0, bottom: 0, left: 1, right: 1 });
    const plan = planWrites(writes, target({ allowAdd: false }));
    expect(plan).toMatchObject({ ok: false, errors: [] });
  });

  it('refuses a block wider than the remaining columns', () => {
    const writes = pasteWrites([['1', 'd1', 'extra']], { top: 0, bottom: 0, left: 2, right: 2 });
    expect(planWrites(writes, target()).ok).toBe(false);
  });

  it('skips read-only cells that are unchanged and rejects changed ones', () => {
    const same = planWrites(pasteWrites([['A', 'Ann']], { top: 0, bottom: 0, left: 0, right: 0 }), target());
    expect(same).toMatchObject({ ok: true, changes: [] });
    const changed = planWrites(pasteWrites([['Z']], { top: 0, bottom: 0, left: 0, right: 0 }), target());
    expect(changed.ok).toBe(false);
  });

  it('turns writes to a draft row into a create with all of its values', () => {
    const draft = { ...newDraftRow(columns), salary: 5 };
    const plan = planWrites([{ row: 0, col: 1, raw: 'Dee' }], target({ rows: [draft, ...rows] }));
    expect(plan.ok && plan.changes[0]).toEqual({ rowKey: draft.id, values: { salary: 5, name: 'Dee' } });
  });

  it('clears only editable cells', () => {
    const writes = clearWrites({ top: 0, bottom: 0, left: 0, right: 2 }, columns);
    expect(writes.map((w) => w.col)).toEqual([1, 2]);
    const plan = planWrites(
      clearWrites({ top: 0, bottom: 1, left: 2, right: 2 }, columns),
      target(),
    );
    expect(plan.ok && plan.changes.map((c) => c.values)).toEqual([{ salary: null }, { salary: null }]);
  });
});
