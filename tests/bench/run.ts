// `npm run bench [-- --employees 50000] [--json FILE]`: speed and memory on the demo organisation at
// scale (10,000 employees unless --employees or BENCH_EMPLOYEES say otherwise).
// Prints one row per measure: median ms, a raw better-sqlite3 floor from the same run,
// their ratio and the budget. Measures, never fails: these machines are shared and noisy.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createAppHost } from '../../src-main/app-host';
import { buildEmployeeQuery, planEmployeePage } from '../../src-main/services/people/employees';
import { generateDemoOrganisation } from '../../src-main/services/people/demo';
import { benchBrowserGrid } from './browser-grid';
import { benchReviews } from './reviews';
import { benchSkills } from './skills';
import { EMPLOYEES, SIZE } from './size';
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

async function benchPeoplePage(dir: string) {
  const dbPath = path.join(dir, 'bench.sqlite');
  const app = await createAppHost(dbPath, { validateOutput: false });
  await benchDemoLoad(app);
  const raw = app.store().raw;
  const { id: departmentId } = raw.prepare(`SELECT id FROM department WHERE name = 'Engineering'`).get() as { id: string };
  const query = { limit: 100, sort: { field: 'name' }, departmentId, includeSubdepartments: true };
  const viaRouter = await time(50, async () => {
    const result = await app.call('people.listEmployees', query);
    if (!result.ok) throw new Error(result.error.message);
  });
  // The same count and page by hand on a read-only connection, read the way the service chooses.
  const floorDb = new Database(dbPath, { readonly: true });
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

async function benchImport(dir: string) {
  const org = generateDemoOrganisation(EMPLOYEES, 7);
  const deptName = new Map(org.departments.map((d) => [d.id, d.name]));
  const job = new Map(org.jobs.map((j) => [j.id, j]));
  const number = new Map(org.employees.map((e) => [e.id, e.employeeNumber]));
  const header = 'Employee number,First name,Last name,Email,Hire date,Status,Manager number,Department,Job title,Job level,Location';
  const lines = org.employees.map((e) =>
    [e.employeeNumber, e.firstName, e.lastName, e.email, e.hireDate, e.status === 'on_leave' ? 'On leave' : e.status, e.managerId ? number.get(e.managerId) : '', deptName.get(e.departmentId), job.get(e.jobId)!.title, job.get(e.jobId)!.level, e.location].join(','),
  );
  const contentBase64 = Buffer.from([header, ...lines].join('\n')).toString('base64');
  const samples: number[] = [];
  const floors: number[] = [];
  for (let run = 0; run < 3; run++) {
    const app = await createAppHost(path.join(dir, `import-${run}.sqlite`), { validateOutput: false });
    const start = performance.now();
    const preview = await app.call('admin.previewImport', { kind: 'employees', fileName: 'people.csv', contentBase64 });
    if (!preview.ok) throw new Error(preview.error.message);
    const done = await app.call('admin.commitImport', { kind: 'employees', fileName: 'people.csv', contentBase64, mapping: (preview.data as { mapping: Record<string, string> }).mapping });
    if (!done.ok) throw new Error(done.error.message);
    samples.push(performance.now() - start);
    await app.close();
    floors.push(rawInsertFloor(path.join(dir, `import-${run}.sqlite`), org));
  }
  record(`import ${EMPLOYEES}-employee CSV (preview + commit, all-or-nothing)`, median(samples), median(floors), 5000, 'floor: raw prepared INSERTs of the same rows in one transaction');
}

/** The least any import could cost: the employee rows inserted by raw prepared statements. */
function rawInsertFloor(file: string, org: ReturnType<typeof generateDemoOrganisation>): number {
  const db = new Database(file);
  db.exec('DELETE FROM audit_event; DELETE FROM employee; DELETE FROM position; DELETE FROM department; DELETE FROM job;');
  const insert = db.prepare(`INSERT INTO employee (id, employee_number, first_name, last_name, email, hire_date, status, location, archived, created_at, updated_at, version)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 'now', 'now', 1)`);
  const start = performance.now();
  db.transaction(() => {
    for (const e of org.employees) insert.run(e.id, e.employeeNumber, e.firstName, e.lastName, e.email, e.hireDate, e.status, e.location);
  })();
  const elapsed = performance.now() - start;
  db.close();
  return elapsed;
}

async function main() {
  const jsonIndex = process.argv.indexOf('--json');
  const jsonFile = jsonIndex > 0 ? process.argv[jsonIndex + 1] : null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canopy-bench-'));
  try {
    console.log(`Canopy benchmarks · ${EMPLOYEES.toLocaleString('en')} employees · ${os.cpus().length} cores · load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} · Node ${process.version}`);
    const dbPath = await benchPeoplePage(dir);
    await benchImport(dir);
    for (const row of await benchBrowserGrid(dbPath)) rows.push(row);
    for (const row of await benchSkills(dir)) rows.push(row);
    for (const row of await benchReviews(dir)) rows.push(row);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  printTable(rows);
  if (jsonFile) fs.writeFileSync(jsonFile, JSON.stringify(rows.map(({ name, medianMs, floorMs, ratio, budgetMs }) => ({ name, medianMs, floorMs, ratio, budgetMs })), null, 2));
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
