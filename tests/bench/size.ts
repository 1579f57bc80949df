// How many employees the benchmarks generate: `npm run bench -- --employees 50000`, or
// BENCH_EMPLOYEES=50000, else 10,000. Budgets that differ by size are chosen here too.

function employeesFromArgs(): number | undefined {
  const args = process.argv.slice(2);
  const index = args.findIndex((a) => a === '--employees' || a.startsWith('--employees='));
  if (index < 0) return undefined;
  const raw = args[index].includes('=') ? args[index].split('=')[1] : args[index + 1];
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 100) throw new Error(`--employees needs a whole number of at least 100, got "${raw}".`);
  return value;
}

export const EMPLOYEES = employeesFromArgs() ?? Number(process.env.BENCH_EMPLOYEES ?? 10_000);

/** "10k", "50k": for names of rows. */
export const SIZE = EMPLOYEES % 1000 === 0 ? `${EMPLOYEES / 1000}k` : String(EMPLOYEES);
