import '@mantine/core/styles.css';
import { MantineProvider } from '@mantine/core';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { DataGrid, type GridColumn, type GridRow } from '../../src-renderer/grid';
import { FakeServer, makeColumns, makeRows, type HarnessState } from './fakeData';

const params = new URLSearchParams(location.search);
const rowCount = Number(params.get('rows') ?? 10000);
const extraColumns = params.has('wide') ? 50 : 0;
const rows: GridRow[] = makeRows(rowCount, extraColumns);
const columns: GridColumn[] = makeColumns(rows, extraColumns);
const server = new FakeServer(rows);
const harness: HarnessState = { server, exports: [], opened: [] };
window.harness = harness;

function App() {
  const [shown, setShown] = useState(rows);
  useEffect(() => {
    harness.reload = () => setShown([...server.db.values()]);
  }, []);
  return (
    <MantineProvider>
      <div style={{ height: '100vh', display: 'flex', flexDirection: 'column', padding: 8, boxSizing: 'border-box' }}>
        <h3 style={{ margin: '0 0 8px', fontFamily: 'sans-serif' }}>Grid harness — {rowCount.toLocaleString()} rows</h3>
        <div style={{ flex: 1, minHeight: 0, border: '1px solid #ddd' }}>
          <DataGrid
            gridId="harness"
            columns={columns}
            rows={shown}
            rowNoun={{ one: 'person', other: 'people' }}
            allowAdd
            onSave={(changes) => server.save(changes)}
            onDelete={(selected) => server.remove(selected)}
            onExport={(format, shown, cols) =>
              harness.exports.push({ format, rows: shown.length, columns: cols.map((c) => c.id) })
            }
            onOpenRow={(row) => harness.opened.push(row.id)}
          />
        </div>
      </div>
    </MantineProvider>
  );
}

const root = createRoot(document.getElementById('root')!);
const started = performance.now();
flushSync(() => root.render(<App />));
harness.firstRenderMs = performance.now() - started;
requestAnimationFrame(() => setTimeout(() => (harness.firstPaintMs = performance.now() - started)));
