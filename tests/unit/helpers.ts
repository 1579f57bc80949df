import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { Input, Method, Output } from '../../src-shared/api';
import { createAppHost, type AppHost } from '../../src-main/app-host';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canopy-test-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A real app host on a fresh SQLite file in a temp folder, closed after the test. */
export async function openTestApp(file = path.join(tempDir(), 'test.sqlite')): Promise<TestApp> {
  const app = await createAppHost(file, { validateOutput: true });
  cleanups.push(() => app.close());
  return Object.assign(app, {
    async ok<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
      const response = await app.call(method, input);
      if (!response.ok) throw new Error(`${method} failed: ${JSON.stringify(response.error)}`);
      return response.data as Output<M>;
    },
    async fail<M extends Method>(method: M, input: unknown) {
      const response = await app.call(method, input);
      if (response.ok) throw new Error(`${method} unexpectedly succeeded`);
      return response.error;
    },
    count(table: string): number {
      return (app.store().raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    },
  });
}

export type TestApp = AppHost & {
  ok<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
  fail<M extends Method>(method: M, input: unknown): Promise<{ code: string; message: string; issues?: { row?: number; field?: string; message: string }[] }>;
  count(table: string): number;
};

export const employeeValues = (n: number, extra: Record<string, unknown> = {}) => ({
  employeeNumber: `T${String(n).padStart(4, '0')}`,
  firstName: `First${n}`,
  lastName: `Last${n}`,
  hireDate: '2022-03-01',
  status: 'active' as const,
  ...extra,
});
