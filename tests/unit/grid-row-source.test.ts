import { describe, expect, it } from 'vitest';
import { isUnloaded, RowSourceModel, WINDOW_BLOCK } from '../../src-renderer/grid/rowSource';
import type { GridRow, RowSource, RowWindowRequest } from '../../src-renderer/grid/types';

/** A row source over an array kept in the source's order; `rows` may be changed to play a change elsewhere. */
function fakeSource(count: number) {
  const server = {
    rows: Array.from({ length: count }, (_, i): GridRow => ({ id: `r${i}`, version: 1, name: `Name ${String(i).padStart(5, '0')}` })),
    requests: [] as RowWindowRequest[],
    changed: () => {},
  };
  const source: RowSource = {
    key: 'fake',
    load: async (request) => {
      server.requests.push(request);
      const filtered = request.search ? server.rows.filter((row) => String(row.name).includes(request.search!)) : server.rows;
      return { rows: filtered.slice(request.offset, request.offset + request.limit), total: filtered.length };
    },
    subscribe: (onChange) => {
      server.changed = onChange;
      return () => (server.changed = () => {});
    },
  };
  return { server, source };
}

const ids = (rows: GridRow[]) => rows.map((row) => row.id);
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

describe('grid row source', () => {
  it('loads a table of at most 2,000 rows whole, in windows of at most 500', async () => {
    const { server, source } = fakeSource(1_234);
    const model = new RowSourceModel(source);
    await model.start({});
    expect(model.state.get()).toMatchObject({ mode: 'whole', total: 1_234 });
    expect(ids(model.state.get().rows)).toEqual(server.rows.map((row) => row.id));
    expect(server.requests.map((r) => [r.offset, r.limit])).toEqual([[0, 500], [500, 500], [1000, 500]]);
  });

  it('reads a larger table by window: placeholders until the rows in view and around them are loaded', async () => {
    const { server, source } = fakeSource(5_000);
    const model = new RowSourceModel(source);
    await model.start({});
    const state = model.state.get();
    expect(state).toMatchObject({ mode: 'windowed', total: 5_000, baseTotal: 5_000 });
    expect(state.rows).toHaveLength(5_000);
    expect(ids(state.rows.slice(0, WINDOW_BLOCK))).toEqual(ids(server.rows.slice(0, WINDOW_BLOCK)));
    expect(isUnloaded(state.rows[WINDOW_BLOCK])).toBe(true);

    await model.ensureLoaded(4_990, 4_999);
    const rows = model.state.get().rows;
    expect(rows[4_999].id).toBe('r4999');
    expect(rows.filter((row) => !isUnloaded(row))).toHaveLength(2 * WINDOW_BLOCK);
    expect(model.indexOf(rows[4_999])).toBe(4_999);
    expect(model.indexOf(rows[1_000])).toBe(1_000);

    model.want(2_000, 2_020);
    await settle();
    // The rows in view and 150 either side: blocks 9 and 10 (1,800–2,199).
    expect(model.state.get().rows.slice(1_850, 2_170).every((row) => !isUnloaded(row))).toBe(true);
    model.dispose();
  });

  it('sends the view to the source and lays the rows out anew when it changes', async () => {
    const { server, source } = fakeSource(5_000);
    const model = new RowSourceModel(source);
    await model.start({});
    model.setView({ search: '0001', searchFields: ['name'] });
    await settle();
    const state = model.state.get();
    expect(state.total).toBe(11); // "0001" is in Name 00001 and Name 00010–00019
    expect(ids(state.rows)).toEqual(['r1', ...Array.from({ length: 10 }, (_, i) => `r${10 + i}`)]);
    expect(state.baseTotal).toBe(5_000);
    expect(server.requests.at(-1)).toMatchObject({ search: '0001', offset: 0 });
    model.dispose();
  });

  it('after a change elsewhere, loaded rows take new values in place; rows read later join the rows shown, never twice', async () => {
    const { server, source } = fakeSource(5_000);
    const model = new RowSourceModel(source);
    await model.start({});
    // r150 is renamed and now sorts first: in the source every row before it moves down one.
    const moved = { ...server.rows[150], version: 2, name: 'Aaron' };
    server.rows = [moved, ...server.rows.filter((row) => row.id !== 'r150')];
    server.changed();
    await settle();
    let state = model.state.get();
    expect(state.stale).toBe(true);
    expect(state.rows[150]).toEqual(moved);
    expect(state.rows[0].id).toBe('r0');

    await model.ensureLoaded(200, 599);
    state = model.state.get();
    expect(ids(state.rows.slice(199, 600))).toEqual(Array.from({ length: 401 }, (_, i) => `r${199 + i}`));
    expect(new Set(ids(state.rows.filter((row) => !isUnloaded(row)))).size).toBe(600);

    model.reload();
    await settle();
    state = model.state.get();
    expect(state.stale).toBe(false);
    expect(ids(state.rows.slice(0, 3))).toEqual(['r150', 'r0', 'r1']);
    model.dispose();
  });

  it('a change elsewhere re-reads only the rows around the screen (and the row being edited); the others load again when needed', async () => {
    const { server, source } = fakeSource(5_000);
    const model = new RowSourceModel(source);
    await model.start({});
    await model.ensureLoaded(2_000, 2_100);
    await model.ensureLoaded(4_990, 4_999);
    model.keepLoaded(() => ['r4995']);
    model.want(0, 20);
    await settle();
    server.requests.length = 0;
    server.rows = server.rows.map((row) => ({ ...row, version: 2 }));
    server.changed();
    await settle();
    const rows = model.state.get().rows;
    expect(server.requests.map((r) => r.offset).sort((a, b) => a - b)).toEqual([0, 0, 4_800]);
    expect(rows[10].version).toBe(2);
    expect(rows[4_995].version).toBe(2);
    expect(isUnloaded(rows[2_050])).toBe(true);
    await model.ensureLoaded(2_050, 2_050);
    expect(model.state.get().rows[2_050]).toMatchObject({ id: 'r2050', version: 2 });
    model.dispose();
  });
});
