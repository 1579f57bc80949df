import { describe, expect, it } from 'vitest';
import { addPending, emptyOverlay, groupErrors, mergeRows, removePending } from '../../src-renderer/grid/overlay';
import type { GridRow } from '../../src-renderer/grid/types';

const base: GridRow[] = [
  { id: 'a', version: 1, name: 'Ann' },
  { id: 'b', version: 1, name: 'Bob' },
];
const layers = () => {
  const { saved, pending, created, appended, removed } = emptyOverlay();
  return { saved, pending, created, appended, removed };
};

describe('mergeRows', () => {
  it('returns the base array untouched when there is nothing local', () => {
    expect(mergeRows(base, layers())).toBe(base);
  });

  it('uses saved rows unless the parent already has a newer version', () => {
    const l = layers();
    l.saved.set('a', { id: 'a', version: 2, name: 'Anna' });
    const merged = mergeRows(base, l);
    expect(merged[0].name).toBe('Anna');
    expect(merged[1]).toBe(base[1]);
    const newer = [{ id: 'a', version: 3, name: 'Annie' }, base[1]];
    expect(mergeRows(newer, l)[0].name).toBe('Annie');
  });

  it('shows pending values, hides removed rows and places created rows', () => {
    const l = layers();
    l.pending.set('b', { name: 'Bobby' });
    l.removed.add('a');
    l.created.push({ id: 'n1', version: 1, name: 'Top' });
    l.appended.push({ id: 'n2', version: 1, name: 'Bottom' });
    expect(mergeRows(base, l).map((r) => r.name)).toEqual(['Top', 'Bobby', 'Bottom']);
    // Once the parent has a created row, the parent's position wins.
    expect(mergeRows([...base, { id: 'n1', version: 1, name: 'Top' }], l).map((r) => r.id)).toEqual(['b', 'n1', 'n2']);
  });
});

describe('pending values', () => {
  it('keeps a value a later request replaced', () => {
    const first = { rowKey: 'a', values: { name: 'x' } };
    const second = { rowKey: 'a', values: { name: 'y' } };
    const pending = addPending(addPending(new Map(), [first]), [second]);
    expect(removePending(pending, [first]).get('a')).toEqual({ name: 'y' });
    expect(removePending(pending, [second]).has('a')).toBe(false);
  });
});

describe('groupErrors', () => {
  it('groups cell and row errors by row key', () => {
    const grouped = groupErrors([
      { rowKey: 'a', field: 'name', message: 'Required' },
      { rowKey: 'a', message: 'Conflict' },
      { rowKey: 'b', message: 'Gone' },
    ]);
    expect(grouped.get('a')).toEqual({ message: 'Conflict', cells: { name: 'Required' } });
    expect(grouped.get('b')).toEqual({ message: 'Gone', cells: {} });
  });
});
