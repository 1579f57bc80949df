// Import benchmarks: the employees file as CSV and as XLSX (preview + commit into an empty
// database), and the same CSV imported again over the stored rows (all unchanged).
// Part of `npm run bench`; alone: `tsx tests/bench/imports.ts` (BENCH_EMPLOYEES sets the size).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { createAppHost } from '../../src-main/app-host';
import type { ImportMapping } from '../../src-shared/api';
import { generateDemoOrganisation } from '../../src-main/services/people/demo';
import { median } from './timing';

export interface ImportBenchRow {
  name: string;
  medianMs: number | null;
  floorMs: number | null;
  ratio: number | null;
  budgetMs: number | null;
  note?: string;
}

type Org = ReturnType<typeof generateDemoOrganisation>;
const HEADER = ['Employee number', 'First name', 'Last name', 'Email', 'Hire date', 'Status', 'Manager number', 'Department', 'Job title', 'Job level', 'Location'];

function employeeRows(org: Org): string[][] {
  const deptName = new Map(org.departments.map((d) => [d.id, d.name]));
  const job = new Map(org.jobs.map((j) => [j.id, j]));
  const number = new Map(org.employees.map((e) => [e.id, e.employeeNumber]));
  return org.employees.map((e) => [
    e.employeeNumber, e.firstName, e.lastName, e.email, e.hireDate, e.status === 'on_leave' ? 'On leave' : e.status, e.managerId ? number.get(e.managerId)! : '',
    deptName.get(e.departmentId)!, job.get(e.jobId)!.title, job.get(e.jobId)!.level, e.location,
  ]);
}

async function xlsxOf(rows: string[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Employees');
  sheet.addRow(HEADER);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

/** Preview then commit, as the import page does; returns the time of both, and the database file. */
async function timedImport(file: string, fileName: string, contentBase64: string): Promise<number> {
  const app = await createAppHost(file, { validateOutput: false });
  try {
    const start = performance.now();
    const preview = await app.call('admin.previewImport', { kind: 'employees', fileName, contentBase64 });
    if (!preview.ok) throw new Error(preview.error.message);
    const done = await app.call('admin.commitImport', { kind: 'employees', fileName, contentBase64, mapping: (preview.data as { mapping: ImportMapping }).mapping });
    if (!done.ok) throw new Error(done.error.message);
    return performance.now() - start;
  } finally {
    await app.close();
  }
}

/** The least any import could cost: the employee rows inserted by raw prepared statements in one transaction. */
function rawInsertFloor(file: string, org: Org): number {
  const db = new Database(file);
  db.exec('DELETE FROM audit_event; DELETE FROM employee_assignment; DELETE FROM employee; DELETE FROM position; DELETE FROM department; DELETE FROM job;');
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

export async function benchImports(dir: string, employees: number, runs = 3): Promise<ImportBenchRow[]> {
  const org = generateDemoOrganisation(employees, 7);
  const rows = employeeRows(org);
  const csv = Buffer.from([HEADER, ...rows].map((r) => r.join(',')).join('\n')).toString('base64');
  const xlsx = await xlsxOf(rows);
  const csvTimes: number[] = [];
  const again: number[] = [];
  const xlsxTimes: number[] = [];
  const floors: number[] = [];
  for (let run = 0; run < runs; run++) {
    const file = path.join(dir, `import-${run}.sqlite`);
    csvTimes.push(await timedImport(file, 'people.csv', csv));
    again.push(await timedImport(file, 'people.csv', csv));
    floors.push(rawInsertFloor(file, org));
    xlsxTimes.push(await timedImport(path.join(dir, `import-xlsx-${run}.sqlite`), 'people.xlsx', xlsx));
  }
  const round = (v: number) => Math.round(v * 100) / 100;
  const row = (name: string, value: number, floor: number, budgetMs: number | null, note: string): ImportBenchRow => ({
    name, medianMs: round(value), floorMs: round(floor), ratio: round(value / floor), budgetMs, note,
  });
  const floor = median(floors);
  const budget = Math.round((10_000 * employees) / 50_000);
  return [
    row(`import ${employees}-employee CSV (preview + commit, all-or-nothing)`, median(csvTimes), floor, budget, 'floor: raw prepared INSERTs of the same rows in one transaction'),
    row(`import ${employees}-employee CSV again, every row unchanged (preview + commit)`, median(again), floor, budget, 'floor: as above'),
    row(`import ${employees}-employee XLSX (preview + commit)`, median(xlsxTimes), median(csvTimes), null, 'floor: the same rows as CSV (per-row cost of XLSX vs CSV)'),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const employees = Number(process.env.BENCH_EMPLOYEES ?? 10_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canopy-bench-imports-'));
  benchImports(dir, employees)
    .then((rows) => {
      for (const r of rows) console.log(`${r.name}: median ${r.medianMs} ms, floor ${r.floorMs} ms, ratio ${r.ratio}×, budget ${r.budgetMs ?? '—'} ms (${r.note})`);
    })
    .finally(() => fs.rmSync(dir, { recursive: true, force: true }));
}
