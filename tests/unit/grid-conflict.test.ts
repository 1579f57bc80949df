import { describe, expect, it } from 'vitest';
import { OwnVersions, describeConflict, type GridConflict } from '../../src-renderer/grid/conflict';
import { emptyOverlay } from '../../src-renderer/grid/overlay';
import { INITIAL_STATUS, Saver } from '../../src-renderer/grid/saver';
import { Store } from '../../src-renderer/grid/store';
import type { GridColumn, GridRow, RowChange, SaveResult } from '../../src-renderer/grid/types';

const columns: GridColumn[] = [
  { id: 'number', header: 'Number', kind: 'text' },
  { id: 'name', header: 'Name', kind: 'text' },
  { id: 'city', header: 'City', kind: 'text' },
];

/** A little server with version checks, standing in for the API behind `onSave`. */
class VersionedServer {
  readonly rows = new Map<string, GridRow>();
  readonly sent: RowChange[][] = [];
  constructor(rows: GridRow[]) {
    for (const row of rows) this.rows.set(row.id, row);
  }
  /** Another window saves the record. */
  saveElsewhere(id: string, values: Record<string, unknown>): void {
    const row = this.rows.get(id)!;
    this.rows.set(id, { ...row, ...values, version: row.version + 1 });
  }
  async save(changes: RowChange[]): Promise<SaveResult> {
    this.sent.push(changes);
    const stale = changes.find((c) => c.id !== undefined && this.rows.get(c.id)!.version !== c.version);
    if (stale) return { ok: false, message: 'Changed elsewhere', errors: [], conflict: true };
    return {
      ok: true,
      rows: changes.map((change) => {
        const row = this.rows.get(change.id!)!;
        const next = { ...row, ...change.values, version: row.version + 1 };
        this.rows.set(row.id, next);
        return next;
      }),
    };
  }
}

function setup() {
  const server = new VersionedServer([{ id: 'a', version: 1, number: 'E1', name: 'Ann', city: 'Oslo' }]);
  const overlay = new Store(emptyOverlay());
  const status = new Store(INITIAL_STATUS);
  // What the parent passes in: refreshed from the server, as a change event would.
  let known = [...server.rows.values()];
  const saver = new Saver(overlay, status, () => ({
    onSave: (changes) => server.save(changes),
    rowById: (id) => known.find((row) => row.id === id),
    rowNumber: () => 1,
    header: (field) => field,
  }));
  const reload = () => (known = [...server.rows.values()]);
  return { server, overlay, status, saver, reload, latest: (id: string) => known.find((row) => row.id === id) };
}

const edit = (field: string, value: unknown, version: number): RowChange => ({ rowKey: 'a', id: 'a', version, values: { [field]: value } });

describe('versions of grid edits', () => {
  it('moves along this window’s own saves only', () => {
    const own = new OwnVersions();
    own.record('a', 1, 2);
    own.record('a', 2, 3);
    expect(own.advance('a', 1)).toBe(3);
    expect(own.advance('a', 5)).toBe(5);
    expect(own.advance('b', 1)).toBe(1);
  });

  it('lets two quick edits of one row, both started on version 1, save one after the other', async () => {
    const { server, saver } = setup();
    await Promise.all([
      saver.save({ changes: [edit('name', 'Anna', 1)], edits: [], rowNumbers: new Map() }),
      saver.save({ changes: [edit('city', 'Bergen', 1)], edits: [], rowNumbers: new Map() }),
    ]);
    expect(server.sent.map((batch) => batch[0].version)).toEqual([1, 2]);
    expect(server.rows.get('a')).toMatchObject({ name: 'Anna', city: 'Bergen', version: 3 });
  });

  it('holds an edit started before another window saved the record, and saves it on their version only when asked', async () => {
    const { server, status, saver, reload, latest } = setup();
    server.saveElsewhere('a', { city: 'Tromsø' });
    reload();
    await saver.save({ changes: [edit('city', 'Bergen', 1)], edits: [{ id: 'a', before: { city: 'Oslo' }, after: { city: 'Bergen' } }], rowNumbers: new Map() });
    expect(server.rows.get('a')).toMatchObject({ city: 'Tromsø', version: 2 });
    const [conflict] = status.get().conflicts;
    expect(conflict.changes).toEqual([edit('city', 'Bergen', 1)]);
    expect(describeConflict(conflict, { latest, columns, rowNumber: () => 4 })).toEqual({
      stale: ['a'],
      missing: [],
      loading: false,
      cells: [{ id: 'a', field: 'city', header: 'City', record: 'Row 4 · E1', theirs: 'Tromsø', mine: 'Bergen' }],
    });

    await saver.keepMine(conflict.key);
    expect(status.get().conflicts).toEqual([]);
    expect(server.sent.at(-1)).toEqual([edit('city', 'Bergen', 2)]);
    expect(server.rows.get('a')).toMatchObject({ city: 'Bergen', version: 3 });
    // Undo puts back theirs, the value this window overwrote.
    expect(status.get().undo.past.at(-1)?.edits).toEqual([{ id: 'a', before: { city: 'Tromsø' }, after: { city: 'Bergen' }, version: 3 }]);
  });

  it('gives up my values when I keep theirs', async () => {
    const { server, status, saver, reload } = setup();
    server.saveElsewhere('a', { name: 'Annie' });
    reload();
    await saver.save({ changes: [edit('name', 'Anna', 1)], edits: [], rowNumbers: new Map() });
    saver.discardConflict(status.get().conflicts[0].key);
    expect(status.get().conflicts).toEqual([]);
    expect(server.sent).toHaveLength(1);
    expect(server.rows.get('a')).toMatchObject({ name: 'Annie', version: 2 });
  });

  it('makes undo conflict, not overwrite, when the record was saved elsewhere after my edit', async () => {
    const { server, status, saver, reload } = setup();
    await saver.save({ changes: [edit('city', 'Bergen', 1)], edits: [{ id: 'a', before: { city: 'Oslo' }, after: { city: 'Bergen' } }], rowNumbers: new Map() });
    server.saveElsewhere('a', { city: 'Narvik' });
    reload();
    await saver.step('undo');
    expect(server.rows.get('a')).toMatchObject({ city: 'Narvik', version: 3 });
    expect(status.get().conflicts).toHaveLength(1);
    // Keeping theirs drops the step that no longer applies.
    saver.discardConflict(status.get().conflicts[0].key);
    expect(status.get().undo.past).toEqual([]);
  });

  it('undoes and redoes my own edits from the versions they produced', async () => {
    const { server, saver } = setup();
    await saver.save({ changes: [edit('city', 'Bergen', 1)], edits: [{ id: 'a', before: { city: 'Oslo' }, after: { city: 'Bergen' } }], rowNumbers: new Map() });
    await saver.step('undo');
    await saver.step('redo');
    await saver.step('undo');
    expect(server.sent.map((batch) => [batch[0].version, batch[0].values.city])).toEqual([[1, 'Bergen'], [2, 'Oslo'], [3, 'Bergen'], [4, 'Oslo']]);
    expect(server.rows.get('a')).toMatchObject({ city: 'Oslo', version: 5 });
  });

  it('waits for the newer version before offering the choice, and names records no longer listed', () => {
    const conflict: GridConflict = { key: 1, message: '', changes: [edit('name', 'X', 1)] };
    const row: GridRow = { id: 'a', version: 1, number: 'E1', name: 'Ann' };
    expect(describeConflict(conflict, { latest: () => row, columns, rowNumber: () => 1 }).loading).toBe(true);
    expect(describeConflict(conflict, { latest: () => undefined, columns, rowNumber: () => undefined })).toMatchObject({ missing: ['a'], loading: false });
  });
});
