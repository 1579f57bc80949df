// `npm run bench [-- --employees 50000] [--json FILE]`: speed and memory on the demo organisation at
// scale (10,000 employees unless --employees or BENCH_EMPLOYEES say otherwise).
// Prints one row per measure: median ms, a raw better-sqlite3 floor from the same run,
// their ratio and the budget. Measures, never fails: these machines are shared and noisy.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppHost } from '../../src-main/app-host';
import { buildEmployeeWindow } from '../../src-main/services/people/employee-window';
import { searchEmployeesIn } from '../../src-main/services/people/employee-search';
import { buildEmployeeQuery, planEmployeePage } from '../../src-main/services/people/employees';
import { benchBrowserGrid } from './browser-grid';
import { benchCalibration } from './calibration';
import { benchImports } from './imports';
import { benchEncryptionOverhead } from './encryption';
import { benchFiles, type BenchFiles } from './files';
import { benchPages } from './pages';
import { benchReviews } from './reviews';
import { benchSkillHistory, benchSkills } from './skills';
import { EMPLOYEES, SIZE } from './size';
import { benchSuccession } from './succession';
import { median, time } from './timing';

export interface BenchRow {
  name: string;
  medianMs: number | null;
  floorMs: number | null;
  ratio: number | null;
  budgetMs: number | null;
  note?: string;
}

const rows: BenchRow[] = [];

export { median };

function record(name: string, medianMs: number | null, floorMs: number | null, budgetMs: number | null, note?: string) {
  const round = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
  rows.push({ name, medianMs: round(medianMs), floorMs: round(floorMs), ratio: medianMs !== null && floorMs ? round(medianMs / floorMs) : null, budgetMs, note });
}

async function benchPeoplePage(dir: string, files: BenchFiles) {
  const dbPath = path.join(dir, `bench${files.encrypted ? '-encrypted' : ''}.sqlite`);
  const app = await createAppHost(dbPath, files.hostOptions);
  await benchDemoLoad(app);
  const raw = app.store().raw;
  const { id: departmentId } = raw.prepare(`SELECT id FROM department WHERE name = 'Engineering'`).get() as { id: string };
  const query = { limit: 100, sort: { field: 'name' }, departmentId, includeSubdepartments: true };
  const viaRouter = await time(50, async () => {
    const result = await app.call('people.listEmployees', query);
    if (!result.ok) throw new Error(result.error.message);
  });
  // The same count and page by hand on a read-only connection, read the way the service chooses.
  const floorDb = files.openRaw(dbPath, { readonly: true });
  const { sql, params, total } = planEmployeePage(floorDb, query);
  const { countSql } = buildEmployeeQuery(query);
  const page = floorDb.prepare(sql);
  const count = floorDb.prepare(countSql);
  const floor = await time(50, () => {
    count.get(...params);
    page.all(...params);
  });
  floorDb.close();
  record(`people grid page via router (100 rows, by name, dept+subdepts: ${total.toLocaleString('en')} of ${SIZE})`, viaRouter, floor, 15, 'floor: the same count and page SQL, raw');
  await benchAsOfPage(app, dbPath, departmentId, files);
  await benchGridWindows(app, dbPath, files);
  await benchPickerSearch(app, dbPath, files);
  await app.close();
  return dbPath;
}

/** The demo organisation loaded once through the router, as `npm run seed` does: time, CPU and peak memory. */
async function benchDemoLoad(app: Awaited<ReturnType<typeof createAppHost>>) {
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const seeded = await app.call('admin.loadDemoOrganisation', { employees: EMPLOYEES });
  if (!seeded.ok) throw new Error(seeded.error.message);
  const elapsed = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  record(`demo organisation load (${SIZE} employees, one run)`, elapsed, null, EMPLOYEES >= 50_000 ? 120_000 : 20_000,
    `CPU ${Math.round((cpu.user + cpu.system) / 1000).toLocaleString('en')} ms; peak RSS of the bench process ${peakMb} MB; machine load ${os.loadavg()[0].toFixed(1)}`);
}

/**
 * The people grid's row source: the window a user scrolled to the middle of sees (200 rows by
 * name), and one sorted by department label with a quick filter (joins, every row sorted).
 * The floor runs the same SQL on a raw connection.
 */
async function benchGridWindows(app: Awaited<ReturnType<typeof createAppHost>>, dbPath: string, files: BenchFiles) {
  const windows = [
    { name: `people grid window via router (200 rows mid-scroll, by name, ${EMPLOYEES} employees)`, query: { offset: Math.floor(EMPLOYEES / 2), limit: 200 }, budget: 15 },
    // Deep into the list: four fifths down (offset 40,000 of 50,000), by name and by department label.
    { name: `people grid window via router (200 rows at offset ${Math.floor(EMPLOYEES * 0.8)}, by name, ${EMPLOYEES} employees)`, query: { offset: Math.floor(EMPLOYEES * 0.8), limit: 200 }, budget: 50 },
    {
      name: `people grid window via router (200 rows at offset ${Math.floor(EMPLOYEES * 0.8)}, sorted by department, ${EMPLOYEES} employees)`,
      query: { offset: Math.floor(EMPLOYEES * 0.8), limit: 200, sort: { field: 'departmentId' as const } },
      budget: 50,
    },
    {
      name: `people grid window via router (200 rows, sorted by department, quick filter "an", ${EMPLOYEES} employees)`,
      query: { offset: 0, limit: 200, sort: { field: 'departmentId' as const }, search: 'an', searchFields: ['firstName' as const, 'lastName' as const, 'departmentId' as const] },
      budget: null,
    },
  ];
  const floorDb = files.openRaw(dbPath, { readonly: true });
  for (const { name, query, budget } of windows) {
    const viaRouter = await time(30, async () => {
      const result = await app.call('people.listEmployeeWindow', query);
      if (!result.ok) throw new Error(result.error.message);
    });
    const { sql, countSql, params } = buildEmployeeWindow(query);
    const page = floorDb.prepare(sql);
    const count = floorDb.prepare(countSql);
    const floor = await time(30, () => {
      page.all(...params);
      count.get(...params);
    });
    record(name, viaRouter, floor, budget);
  }
  floorDb.close();
}

/**
 * Pickers' type-ahead (people.searchEmployees, 50 hits): broad queries that thousands match (a
 * letter, a common first name, the start of a surname), an exact employee number and "First Last".
 * The floor runs the same search function on a raw read-only connection (no router, no contract).
 */
async function benchPickerSearch(app: Awaited<ReturnType<typeof createAppHost>>, dbPath: string, files: BenchFiles) {
  const number = `E${String(Math.floor(EMPLOYEES * 0.8)).padStart(6, '0')}`;
  const queries = ['a', 'sofia', 'smi', number, 'olivia smith'];
  const floorDb = files.openRaw(dbPath, { readonly: true });
  for (const query of queries) {
    const input = { query, limit: 50 };
    let hits = 0;
    const viaRouter = await time(30, async () => {
      const result = await app.call('people.searchEmployees', input);
      if (!result.ok) throw new Error(result.error.message);
      hits = (result.data as { rows: unknown[] }).rows.length;
    });
    const floor = await time(30, () => searchEmployeesIn(floorDb, input));
    record(`people picker search via router ("${query}", ${hits} hits, ${EMPLOYEES} employees)`, viaRouter, floor, 20, 'floor: the same search on a raw connection');
  }
  floorDb.close();
}

/** The same page as of a past day: each person's history row found by one index seek. */
async function benchAsOfPage(app: Awaited<ReturnType<typeof createAppHost>>, dbPath: string, departmentId: string, files: BenchFiles) {
  const query = { limit: 100, sort: { field: 'name' }, departmentId, includeSubdepartments: true, asOf: '2020-06-30' };
  const viaRouter = await time(20, async () => {
    const result = await app.call('people.listEmployees', query);
    if (!result.ok) throw new Error(result.error.message);
  });
  // The same count and page by hand on a read-only connection, read the way the service chooses.
  const floorDb = files.openRaw(dbPath, { readonly: true });
  const { sql, params, total } = planEmployeePage(floorDb, query);
  const { countSql } = buildEmployeeQuery(query);
  const page = floorDb.prepare(sql);
  const count = floorDb.prepare(countSql);
  const floor = await time(20, () => {
    count.get(...params);
    page.all(...params);
  });
  floorDb.close();
  record(`people grid page as of a past day via router (100 rows, dept+subdepts: ${total.toLocaleString('en')} then, ${EMPLOYEES} employees)`, viaRouter, floor, 100, 'floor: the same count and page SQL, raw');
}

/**
 * Every row on an unencrypted file, then on an encrypted one, and each row's encryption overhead
 * (one round after the other: the machine's load may differ between them); then the interleaved
 * overhead measures, which run plain and encrypted in turn and are the fair comparison.
 * BENCH_FILES=plain,encrypted,overhead (the default) chooses which. BENCH_PARTS (say
 * `imports,skills,reviews`) runs only those parts after the demo load and the people page, which
 * always run; all of them unless set.
 */
const PARTS = process.env.BENCH_PARTS?.split(',').map((name) => name.trim());
const part = (name: 'imports' | 'browser' | 'pages' | 'skills' | 'reviews' | 'calibration' | 'succession') => !PARTS || PARTS.includes(name);

async function main() {
  const jsonIndex = process.argv.indexOf('--json');
  const jsonFile = jsonIndex > 0 ? process.argv[jsonIndex + 1] : null;
  const choices = (process.env.BENCH_FILES ?? 'plain,encrypted,overhead').split(',').map((mode) => mode.trim());
  const modes = choices.filter((mode) => mode === 'plain' || mode === 'encrypted').map((mode) => mode === 'encrypted');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canopy-bench-'));
  try {
    console.log(`Canopy benchmarks · ${EMPLOYEES.toLocaleString('en')} employees · ${os.cpus().length} cores · load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} · Node ${process.version}`);
    for (const encrypted of modes) {
      const files = benchFiles(encrypted);
      const first = rows.length;
      const dbPath = await benchPeoplePage(dir, files);
      // The import, and the calibration session, are measured on plain files only.
      if (!files.encrypted && part('imports')) for (const row of await benchImports(dir, EMPLOYEES)) rows.push(row);
      if (part('browser')) for (const row of await benchBrowserGrid(dbPath, files)) rows.push(row);
      if (part('pages')) for (const row of await benchPages(dbPath, files)) rows.push(row);
      if (part('skills')) for (const row of await benchSkills(dir, files)) rows.push(row);
      if (part('skills')) for (const row of await benchSkillHistory(dbPath, files)) rows.push(row);
      if (part('reviews')) for (const row of await benchReviews(dir, files)) rows.push(row);
      if (!files.encrypted && part('calibration')) for (const row of await benchCalibration(dir)) rows.push(row);
      if (!files.encrypted && part('succession')) for (const row of await benchSuccession(dir)) rows.push(row);
      for (const row of rows.slice(first)) row.name += files.label;
      for (const file of fs.readdirSync(dir)) fs.rmSync(path.join(dir, file), { force: true, recursive: true }); // disk space for the next round
    }
    if (choices.includes('overhead')) rows.push(...(await benchEncryptionOverhead(dir)));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  rows.push(...encryptionOverhead(rows));
  printTable(rows);
  if (jsonFile) fs.writeFileSync(jsonFile, JSON.stringify(rows.map(({ name, medianMs, floorMs, ratio, budgetMs }) => ({ name, medianMs, floorMs, ratio, budgetMs })), null, 2));
}

/** Encrypted median against the plain median of the same row: the "floor" is plain, the budget plain + 15 %. */
function encryptionOverhead(measured: BenchRow[]): BenchRow[] {
  const suffix = benchFiles(true).label;
  return measured.flatMap((plain) => {
    const encrypted = measured.find((row) => row.name === `${plain.name}${suffix}`);
    if (!encrypted || plain.medianMs === null || encrypted.medianMs === null || plain.medianMs === 0) return [];
    const overhead = Math.round((encrypted.medianMs / plain.medianMs - 1) * 100);
    return [{
      name: `encryption overhead: ${plain.name}`,
      medianMs: encrypted.medianMs,
      floorMs: plain.medianMs,
      ratio: Math.round((encrypted.medianMs / plain.medianMs) * 100) / 100,
      budgetMs: Math.round(plain.medianMs * 1.15 * 100) / 100,
      note: `${overhead >= 0 ? '+' : ''}${overhead} % (goal ≤ 15 %)`,
    }];
  });
}

function printTable(table: BenchRow[]) {
  const cells = table.map((r) => [r.name, fmt(r.medianMs), fmt(r.floorMs), r.ratio === null ? '—' : `${r.ratio}×`, fmt(r.budgetMs), r.note ?? '']);
  const head = ['measure', 'median ms', 'floor ms', 'ratio', 'budget ms', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((v, i) => (i === 0 || i === 5 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ');
  console.log(line(head));
  for (const c of cells) console.log(line(c));
}
const fmt = (v: number | null) => (v === null ? '—' : String(v));

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
