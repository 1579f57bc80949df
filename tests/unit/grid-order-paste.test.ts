import { describe, expect, it } from 'vitest';
import { keepOrder } from '../../src-renderer/grid/order';
import { planWrites, pasteWrites } from '../../src-renderer/grid/pasteBlock';
import { describePaste, summarizePaste } from '../../src-renderer/grid/pasteQuestion';
import type { GridColumn, GridRow } from '../../src-renderer/grid/types';

const row = (id: string, name: string): GridRow => ({ id, version: 1, name });
const ids = (rows: GridRow[]) => rows.map((r) => r.id);
const none = { top: [], bottom: [] };

describe('rows keep their place after edits', () => {
  const shown = ['a', 'b', 'c', 'd'];

  it('keeps the shown order when an edited row would now sort elsewhere', () => {
    const all = [row('a', 'Adams'), row('b', 'Young'), row('c', 'Clark'), row('d', 'Davis')];
    const sorted = [all[0], all[2], all[3], all[1]];
    const kept = keepOrder(shown, sorted, all, none);
    expect(ids(kept)).toEqual(['a', 'b', 'c', 'd']);
    // Rows carry their new values.
    expect(kept[1].name).toBe('Young');
  });

  it('keeps a row that no longer passes the filter, and drops rows that are gone', () => {
    const all = [row('a', 'Adams'), row('b', 'Baker'), row('d', 'Davis')];
    const filtered = [all[0], all[2]];
    expect(ids(keepOrder(shown, filtered, all, none))).toEqual(['a', 'b', 'd']);
  });

  it('keeps rows this grid created where they were added, and puts rows added elsewhere after their neighbour in view order', () => {
    const all = [row('a', 'A'), row('b', 'B'), row('c', 'C'), row('d', 'D'), row('new', 'N'), row('pasted', 'P'), row('other', 'O'), row('first', '0')];
    const sorted = [all[7], all[4], all[0], all[6], all[1], all[5], all[2], all[3]];
    const result = keepOrder(shown, sorted, all, { top: [all[4]], bottom: [all[5]] });
    expect(ids(result)).toEqual(['new', 'first', 'a', 'other', 'b', 'c', 'd', 'pasted']);
  });

  it('returns the view’s own array when nothing moved', () => {
    const all = [row('a', 'A'), row('b', 'B')];
    expect(keepOrder(['a', 'b'], all, all, none)).toBe(all);
  });
});

describe('asking before a paste changes rows outside the selection', () => {
  const columns: GridColumn[] = [
    { id: 'name', header: 'Name', kind: 'text' },
    { id: 'status', header: 'Status', kind: 'text' },
  ];
  const rows: GridRow[] = [
    { id: '__draft:1', version: 0, name: null, status: null },
    { id: 'e1', version: 1, name: 'Ann', status: 'active' },
    { id: 'e2', version: 1, name: 'Bob', status: 'active' },
  ];
  const noun = { one: 'employee', other: 'employees' };

  it('counts the existing records and the cells that really change, and the records created', () => {
    // Pasted into the new row at the top: the block runs over both existing rows and one past the end.
    const block = [['New', 'active'], ['Ann', 'active'], ['Bea', 'on_leave'], ['Cy', 'active']];
    const selection = { top: 0, left: 0, bottom: 0, right: 0 };
    const plan = planWrites(pasteWrites(block, selection), { rows, columns, allowAdd: true });
    if (!plan.ok) throw new Error(plan.message);
    // Ann is unchanged; Bob gets two new values; the new row and the row past the end are created.
    expect(summarizePaste(plan, selection)).toEqual({ outsideRecords: 1, outsideCells: 2, created: 2 });
    expect(describePaste(summarizePaste(plan, selection), noun)).toBe(
      'This paste changes 1 existing employee (2 cells) outside the selected rows and adds 2 new employees.',
    );
  });

  it('does not count rows the user selected', () => {
    const selection = { top: 1, left: 0, bottom: 2, right: 1 };
    const plan = planWrites(pasteWrites([['X', 'a'], ['Y', 'b']], selection), { rows, columns, allowAdd: true });
    if (!plan.ok) throw new Error(plan.message);
    expect(summarizePaste(plan, selection)).toEqual({ outsideRecords: 0, outsideCells: 0, created: 0 });
  });

  it('writes large numbers the way people read them', () => {
    expect(describePaste({ outsideRecords: 499, outsideCells: 2994, created: 1 }, noun)).toBe(
      'This paste changes 499 existing employees (2,994 cells) outside the selected rows and adds 1 new employee.',
    );
  });
});
