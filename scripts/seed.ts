// `npm run seed -- --employees 500 [--seed 42] [--db PATH]`: loads the demo organisation
// into an empty database file (the default one unless --db / CANOPY_DB say otherwise).
import { createAppHost } from '../src-main/app-host';
import { databasePathFromArgs } from '../src-main/store/data-source-path';

function numberFlag(name: string, fallback: number): number {
  const args = process.argv.slice(2);
  const index = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (index < 0) return fallback;
  const raw = args[index].includes('=') ? args[index].split('=')[1] : args[index + 1];
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new Error(`--${name} needs a whole number, got "${raw}".`);
  return value;
}

async function main() {
  const dbPath = databasePathFromArgs(process.argv.slice(2));
  const app = await createAppHost(dbPath);
  const started = Date.now();
  const result = await app.call('admin.loadDemoOrganisation', { employees: numberFlag('employees', 500), seed: numberFlag('seed', 42) });
  await app.close();
  if (!result.ok) {
    console.error(`Not seeded: ${result.error.message}`);
    process.exit(1);
  }
  const c = result.data as Record<string, number>;
  console.log(`Seeded ${dbPath} in ${Date.now() - started} ms (peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB): ${c.employees} employees, ${c.departments} departments, ${c.jobs} jobs, ${c.positions} positions.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
