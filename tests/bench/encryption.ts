// The cost of encryption, measured fairly on a shared machine: the same demo organisation in an
// unencrypted file and in an encrypted copy of it (made by Admin's "encrypt this file"), and every
// measure run on both in turn (plain, encrypted, encrypted, plain, …), so a busy moment slows both.
import fs from 'node:fs';
import path from 'node:path';
import { createAppHost, type AppHost } from '../../src-main/app-host';
import type { Input, Method } from '../../src-shared/api';
import type { BenchRow } from './run';
import { median } from './timing';

import { EMPLOYEES } from './size';
const PASSPHRASE = 'bench passphrase for an encrypted file';
const RUNS = 20;

export async function benchEncryptionOverhead(dir: string): Promise<BenchRow[]> {
  const plainFile = path.join(dir, 'overhead-plain.sqlite');
  const encryptedFile = path.join(dir, 'overhead-encrypted.sqlite');
  const seed = await createAppHost(plainFile, { validateOutput: false });
  await ok(seed, 'admin.loadDemoOrganisation', { employees: EMPLOYEES });
  await seed.close();
  fs.copyFileSync(plainFile, encryptedFile);
  const encrypting = await createAppHost(encryptedFile, { validateOutput: false });
  const started = performance.now();
  const { unencryptedOriginal } = await ok(encrypting, 'admin.encryptDatabase', { passphrase: PASSPHRASE });
  const encryptMs = performance.now() - started;
  await ok(encrypting, 'admin.deleteUnencryptedOriginal', { path: unencryptedOriginal });
  await encrypting.close();

  const plain = await createAppHost(plainFile, { validateOutput: false });
  const encrypted = await createAppHost(encryptedFile, { validateOutput: false, passphrase: PASSPHRASE });
  try {
    const department = (await ok(plain, 'people.listDepartments', {})).rows.find((d) => d.name === 'Engineering')!;
    const reads: [string, (app: AppHost) => Promise<unknown>][] = [
      ['people grid page (100 rows, by name, one department and below)', (app) => ok(app, 'people.listEmployees', { limit: 100, sort: { field: 'name' }, departmentId: department.id, includeSubdepartments: true })],
      [`every employee for the people grid (${EMPLOYEES} rows)`, (app) => ok(app, 'people.listEmployees', { limit: 100_000 })],
      ['skills: org-wide gap summary', (app) => ok(app, 'skills.getOrgGapSummary', { asOf: '2026-06-30', limit: 10 })],
      ['insights: skill KPIs', (app) => ok(app, 'insights.getSkillKpis', {})],
      ['insights: performance KPIs (goals and reviews)', (app) => ok(app, 'insights.getPerformanceKpis', {})],
      ['audit log: newest 1,000 events', (app) => ok(app, 'admin.listAuditEvents', { limit: 1000 })],
    ];
    let next = 0;
    const write: [string, (app: AppHost) => Promise<unknown>] = [
      'save 50 new employees in one batch (with their audit events)',
      (app) => ok(app, 'people.saveEmployees', { rows: Array.from({ length: 50 }, () => newEmployee(next++)) }),
    ];
    const rows = [];
    for (const [name, task] of [...reads, write]) rows.push(await interleaved(name, plain, encrypted, task, RUNS));
    const backup = (app: AppHost) => ok(app, 'admin.backupDatabase', { path: path.join(dir, app === plain ? 'backup-plain.sqlite' : 'backup-encrypted.sqlite') });
    rows.push(await interleaved(`back up the whole file (${Math.round(fs.statSync(plainFile).size / 1e6)} MB; encrypted: VACUUM INTO on a worker)`, plain, encrypted, backup, 3));
    rows.push({ name: 'encryption overhead (interleaved): encrypt this file (copy, rekey, check every table, swap)', medianMs: round(encryptMs), floorMs: null, ratio: null, budgetMs: null, note: 'once' });
    return rows;
  } finally {
    await plain.close();
    await encrypted.close();
  }
}

/** The same task on both files in turn, the order swapped every run; the plain median is the floor, the budget plain + 15 %. */
async function interleaved(name: string, plain: AppHost, encrypted: AppHost, task: (app: AppHost) => Promise<unknown>, runs: number): Promise<BenchRow> {
  for (let i = 0; i < 2; i++) (await task(plain), await task(encrypted));
  const times = { plain: [] as number[], encrypted: [] as number[] };
  for (let run = 0; run < runs; run++) {
    const order = run % 2 === 0 ? (['plain', 'encrypted'] as const) : (['encrypted', 'plain'] as const);
    for (const which of order) {
      const start = performance.now();
      await task(which === 'plain' ? plain : encrypted);
      times[which].push(performance.now() - start);
    }
  }
  const [p, e] = [median(times.plain), median(times.encrypted)];
  const overhead = Math.round((e / p - 1) * 100);
  return {
    name: `encryption overhead (interleaved): ${name}`,
    medianMs: round(e),
    floorMs: round(p),
    ratio: round(e / p),
    budgetMs: round(p * 1.15),
    note: `${overhead >= 0 ? '+' : ''}${overhead} % against the unencrypted file (goal ≤ 15 %)`,
  };
}

const round = (value: number) => Math.round(value * 100) / 100;

function newEmployee(n: number) {
  return { values: { employeeNumber: `BENCH${String(n).padStart(6, '0')}`, firstName: 'Bench', lastName: `Person ${n}`, hireDate: '2024-01-15', status: 'active' as const } };
}

async function ok<M extends Method>(app: AppHost, method: M, input: Input<M>) {
  const result = await app.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.data as import('../../src-shared/api').Output<M>;
}
