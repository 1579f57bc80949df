// The succession chart at scale: 2,000 positions with 5,000 nominations. The chart's data through the
// router against a raw-SQL floor, the shared layout, every export with the size of the file it makes,
// and panning and zooming the chart in Chromium (frame times, cards in the DOM).
import path from 'node:path';
import Database from 'better-sqlite3';
import { createAppHost, type AppHost } from '../../src-main/app-host';
import { random } from '../../src-main/services/shared/demo';
import { layoutTree, scopeTree } from '../../src-shared/domain/succession';
import type { ChartData } from '../../src-shared/api/succession';
import { CHROMIUM, hasChromium, openInBrowser } from './browser-host';
import type { BenchRow } from './run';
import { median, time } from './timing';

const POSITIONS = 2_000;
const NOMINATIONS = 5_000;
const round = (v: number) => Math.round(v * 100) / 100;
const kb = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`);

export async function benchSuccession(dir: string): Promise<BenchRow[]> {
  const file = path.join(dir, 'succession.sqlite');
  const app = await createAppHost(file, { validateOutput: false });
  const rows: BenchRow[] = [];
  try {
    const dataset = await buildDataset(app);
    rows.push(await measureChartData(app, file, dataset));
    rows.push(await measureChartOpening(app, dataset));
    const chart = await call<ChartData>(app, 'succession.getChart', {});
    const tree = scopeTree(chart.positions);
    const layoutMs = await time(20, () => layoutTree(tree.nodes));
    rows.push({ name: `succession: chart layout (${chart.positions.length.toLocaleString('en')} positions, tidy tree, pure function)`, medianMs: round(layoutMs), floorMs: null, ratio: null, budgetMs: 200 });
    for (const [label, input, budget] of [
      ['SVG', { format: 'svg' }, 500],
      ['PNG 4,000 px wide', { format: 'png', pngWidth: 4000 }, 2000],
      ['PDF tiled on A4', { format: 'pdf', pdfLayout: 'tiled', paper: 'A4' }, 3000],
      ['PDF fitted to one A3 page', { format: 'pdf', pdfLayout: 'fit', paper: 'A3' }, 3000],
      ['PPTX', { format: 'pptx' }, 3000],
    ] as const) {
      rows.push(await measureExport(app, label, input, budget, dataset));
    }
    const workbook = await measureExport(app, 'XLSX of the plans', null, 3000, dataset);
    rows.push(workbook);
  } finally {
    await app.close();
  }
  rows.push(...(await benchChartInBrowser(file)));
  return rows;
}

async function call<T>(app: AppHost, method: string, input: unknown): Promise<T> {
  const result = await app.call(method as never, input as never);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.data as T;
}

/**
 * The demo organisation at about 2,000 positions, then key positions and nominations added until there
 * are 5,000 nominations (each plan two to six successors, drawn from the whole organisation).
 */
export async function buildDataset(app: AppHost) {
  await call(app, 'admin.loadDemoOrganisation', { employees: Math.round(POSITIONS * 0.975) });
  const db = app.store().raw;
  const positions = db.prepare(`SELECT id FROM position WHERE archived = 0`).all() as { id: string }[];
  const people = db.prepare(`SELECT e.id, e.position_id AS positionId FROM employee e WHERE e.status = 'active'`).all() as { id: string; positionId: string | null }[];
  const levels = (db.prepare(`SELECT id FROM readiness_level WHERE archived = 0 ORDER BY sort_order`).all() as { id: string }[]).map((r) => r.id);
  const rng = random(99);
  const now = new Date().toISOString();
  let nominations = (db.prepare(`SELECT count(*) AS n FROM succession_nomination WHERE archived = 0`).get() as { n: number }).n;
  const insertPlan = db.prepare(`INSERT INTO succession_plan (id, created_at, updated_at, version, position_id) VALUES (?, ?, ?, 1, ?)`);
  const insertDetails = db.prepare(`INSERT OR IGNORE INTO key_position (id, created_at, updated_at, version) VALUES (?, ?, ?, 1)`);
  const insertNomination = db.prepare(`INSERT INTO succession_nomination (id, created_at, updated_at, version, plan_id, employee_id, rank, readiness_id, emergency) VALUES (?, ?, ?, 1, ?, ?, ?, ?, 0)`);
  const planOf = db.prepare(`SELECT id FROM succession_plan WHERE position_id = ? AND archived = 0`);
  db.transaction(() => {
    for (const { id } of positions) {
      if (nominations >= NOMINATIONS) break;
      let plan = planOf.get(id) as { id: string } | undefined;
      if (!plan) {
        db.prepare(`UPDATE position SET is_key = 1 WHERE id = ?`).run(id);
        insertDetails.run(id, now, now);
        plan = { id: rng.uuid() };
        insertPlan.run(plan.id, now, now, id);
      }
      const taken = new Set((db.prepare(`SELECT employee_id AS e FROM succession_nomination WHERE plan_id = ? AND archived = 0`).all(plan.id) as { e: string }[]).map((r) => r.e));
      for (let k = 0, count = 2 + rng.int(5); k < count && nominations < NOMINATIONS; k++) {
        const person = rng.pick(people);
        if (person.positionId === id || taken.has(person.id)) continue;
        taken.add(person.id);
        insertNomination.run(rng.uuid(), now, now, plan.id, person.id, taken.size, levels[rng.int(levels.length)]);
        nominations++;
      }
    }
  })();
  const counted = db.prepare(`SELECT (SELECT count(*) FROM position WHERE archived = 0) AS positions, (SELECT count(*) FROM succession_nomination WHERE archived = 0) AS nominations, (SELECT count(*) FROM position WHERE is_key = 1) AS keys`).get() as { positions: number; nominations: number; keys: number };
  return counted;
}

async function measureChartData(app: AppHost, file: string, dataset: { positions: number; nominations: number }): Promise<BenchRow> {
  const service = await time(20, () => call(app, 'succession.getChart', {}));
  const floorDb = new Database(file, { readonly: true });
  const positions = floorDb.prepare(`SELECT p.id, p.title, p.reports_to_id, p.is_key, e.id AS incumbent, e.first_name, e.last_name FROM position p LEFT JOIN employee e ON e.position_id = p.id WHERE p.archived = 0`);
  const nominations = floorDb.prepare(`SELECT n.plan_id, n.employee_id, n.rank, n.readiness_id, e.first_name, e.last_name FROM succession_nomination n JOIN employee e ON e.id = n.employee_id WHERE n.archived = 0`);
  const floor = await time(20, () => (positions.all(), nominations.all()));
  floorDb.close();
  return {
    name: `succession: chart data via router (${dataset.positions.toLocaleString('en')} positions, ${dataset.nominations.toLocaleString('en')} nominations)`,
    medianMs: round(service), floorMs: round(floor), ratio: round(service / floor), budgetMs: 150,
    note: 'floor: raw positions with incumbents, and nominations with names',
  };
}

/** What the chart on screen reads to open (two levels from the top, hidden counts from the whole tree), against the whole chart. */
async function measureChartOpening(app: AppHost, dataset: { positions: number; nominations: number }): Promise<BenchRow> {
  const opened = await call<{ positions: unknown[] }>(app, 'succession.getChartNodes', {});
  const ms = await time(20, () => call(app, 'succession.getChartNodes', {}));
  const bytes = JSON.stringify(opened).length;
  return {
    name: `succession: the chart's opening read via router (${dataset.positions.toLocaleString('en')} positions in all)`,
    medianMs: round(ms), floorMs: null, ratio: null, budgetMs: 150,
    note: `${opened.positions.length} positions, ${kb(bytes)} (reporting structure cached while the file is unchanged)`,
  };
}

/** One warm-up and five timed exports through the router; the note gives the file's size. */
async function measureExport(app: AppHost, label: string, input: Record<string, unknown> | null, budgetMs: number, dataset: { positions: number; nominations: number }): Promise<BenchRow> {
  const run = () => (input ? call<{ contentBase64: string }>(app, 'succession.exportChart', { scope: {}, photos: true, ...input }) : call<{ contentBase64: string }>(app, 'succession.exportPlans', {}));
  const first = await run();
  const samples: number[] = [];
  for (let k = 0; k < 5; k++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  const bytes = Buffer.from(first.contentBase64, 'base64');
  const extra = input?.format === 'pdf' ? pagesNote(bytes) : input?.format === 'png' ? `, ${bytes.readUInt32BE(16)} × ${bytes.readUInt32BE(20)} px` : '';
  return {
    name: `succession: export ${label} (whole chart, ${dataset.positions.toLocaleString('en')} positions, from the data)`,
    medianMs: round(median(samples)), floorMs: null, ratio: null, budgetMs, note: `file ${kb(bytes.length)}${extra}`,
  };
}

/** Expands the whole chart, then pans and zooms it with the mouse, timing frames; counts the cards in the DOM. */
export async function benchChartInBrowser(dbPath: string): Promise<BenchRow[]> {
  const name = 'succession chart in Chromium: pan and zoom the whole expanded chart';
  if (!hasChromium()) return [{ name, medianMs: null, floorMs: null, ratio: null, budgetMs: 16.7, note: `skipped: no Chromium at ${CHROMIUM}` }];
  const session = await openInBrowser(dbPath, { width: 1440, height: 900 });
  const { page } = session;
  try {
    await page.evaluate('window.location.hash = "#/succession"');
    await page.getByTestId('chart-expand-all').click();
    await page.locator('[data-chart-card]').first().waitFor();
    const box = (await page.getByTestId('chart-viewport').boundingBox())!;
    // Frame times while dragging across the chart and zooming in and out with the wheel.
    await page.evaluate(`(() => {
      window.__frames = []; window.__maxCards = 0; let last = performance.now();
      const tick = (t) => { window.__frames.push(t - last); last = t;
        window.__maxCards = Math.max(window.__maxCards, document.querySelectorAll('[data-chart-card]').length);
        if (!window.__stop) requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    })()`);
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    // From the whole chart (boxes on the canvas) zoom in on its middle step by step, past the point where
    // cards replace boxes (the most cards in view), drag across, then zoom back out.
    await page.getByTestId('chart-fit').click();
    // A wide chart fits as a strip along the top: zoom in on it there.
    await page.mouse.move(cx, box.y + 30);
    for (let step = 0; step < 17; step++) {
      await page.mouse.wheel(0, -120);
      await page.waitForTimeout(60);
    }
    await page.mouse.down();
    for (let step = 0; step < 120; step++) await page.mouse.move(cx - step * 8, cy - (step % 40) * 3);
    await page.mouse.up();
    await page.mouse.move(cx, cy);
    for (let step = 0; step < 3; step++) await page.mouse.wheel(0, -120);
    await page.mouse.down();
    for (let step = 0; step < 120; step++) await page.mouse.move(cx + step * 8, cy + (step % 40) * 3);
    await page.mouse.up();
    for (let step = 0; step < 20; step++) await page.mouse.wheel(0, 120);
    const result = (await page.evaluate(`(() => { window.__stop = true; const f = window.__frames.slice(2).sort((a, b) => a - b);
      return { median: f[Math.floor(f.length / 2)], p95: f[Math.floor(f.length * 0.95)], frames: f.length, maxCards: window.__maxCards }; })()`)) as { median: number; p95: number; frames: number; maxCards: number };
    return [
      { name: `${name}: frame time while dragging and zooming`, medianMs: round(result.median), floorMs: null, ratio: null, budgetMs: 16.7, note: `p95 ${round(result.p95)} ms over ${result.frames} frames` },
      { name: `${name}: most cards in the DOM at once`, medianMs: null, floorMs: null, ratio: null, budgetMs: null, note: `${result.maxCards} cards (budget ~500)` },
    ];
  } finally {
    await session.close();
  }
}

function pagesNote(pdf: Buffer): string {
  const pages = pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
  return `, ${pages} page${pages === 1 ? '' : 's'}`;
}
