// The plans grid's in-memory row source: filters and sorts on the text the grid shows (labels of
// references, not ids), empty cells last either way, numbers by value; checked against a
// brute-force reference on random rows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { viewOf } from '../../src-renderer/features/succession/memorySource';
import type { GridColumn, GridRow } from '../../src-renderer/grid';

const columns: GridColumn[] = [
  { id: 'positionId', header: 'Key position', kind: 'reference', options: [{ value: 'p1', label: 'Head of Sales · Sales' }, { value: 'p2', label: 'CFO · Finance' }, { value: 'p3', label: 'head of data · IT' }] },
  { id: 'strength', header: 'Bench strength', kind: 'number' },
  { id: 'notes', header: 'Plan notes', kind: 'text' },
];
const label = (id: unknown) => columns[0].options!.find((o) => o.value === id)?.label ?? '';

const row = fc.record({
  id: fc.uuid(),
  version: fc.constant(1),
  positionId: fc.constantFrom('p1', 'p2', 'p3', null),
  strength: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  notes: fc.option(fc.constantFrom('Ready', 'ready soon', 'Later', ''), { nil: null }),
}) as fc.Arbitrary<GridRow>;

describe('plans grid view', () => {
  it('filters on shown labels ignoring case and sorts with empty cells last, as a brute-force reference', () => {
    fc.assert(fc.property(fc.array(row, { maxLength: 30 }), fc.constantFrom('head', 'SALES', 'fin', ''), fc.boolean(), fc.constantFrom('positionId', 'strength', 'notes'), (rows, typed, desc, field) => {
      const got = viewOf(rows, columns, { filters: [{ field: 'positionId', contains: typed }], sort: { field, desc } });
      const kept = rows.filter((r) => !typed || label(r.positionId).toLowerCase().includes(typed.toLowerCase()));
      expect(new Set(got.map((r) => r.id))).toEqual(new Set(kept.map((r) => r.id)));
      const shown = (r: GridRow) => (field === 'positionId' ? label(r[field]) || null : r[field] === '' ? null : r[field]);
      const values = got.map(shown);
      const firstEmpty = values.findIndex((v) => v === null || v === undefined);
      if (firstEmpty >= 0) expect(values.slice(firstEmpty).every((v) => v === null || v === undefined)).toBe(true);
      const filled = values.filter((v) => v !== null && v !== undefined);
      for (let k = 1; k < filled.length; k++) {
        const [a, b] = [filled[k - 1], filled[k]];
        const order = typeof a === 'number' ? (a as number) - (b as number) : String(a).localeCompare(String(b), undefined, { sensitivity: 'base', numeric: true });
        expect(desc ? order >= 0 : order <= 0).toBe(true);
      }
    }));
  });

  it('searches every column by default', () => {
    const rows = [{ id: 'a', version: 1, positionId: 'p2', strength: 50, notes: null }, { id: 'b', version: 1, positionId: 'p1', strength: 10, notes: 'finance later' }];
    expect(viewOf(rows, columns, { search: 'FINANCE' }).map((r) => r.id)).toEqual(['a', 'b']);
    expect(viewOf(rows, columns, { search: 'fin', searchFields: ['notes'] }).map((r) => r.id)).toEqual(['b']);
  });
});
