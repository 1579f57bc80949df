import { AppError } from '../../../src-shared/errors';
import { todayIso } from '../../../src-shared/domain/dates';
import type { ServiceContext } from '../context';
import { recordAudit } from '../shared/audit';
import { createDemoRun } from '../shared/demo';
import { withDerivedTablesRebuilt } from '../shared/bulk-load';

/** Loads the demo organisation into an empty database (it never mixes with real data): every area's part, in area order. */
export async function loadDemoOrganisation(ctx: ServiceContext, input: { employees?: number; seed?: number }) {
  const { n } = ctx.store.raw.prepare(`SELECT (SELECT count(*) FROM employee) + (SELECT count(*) FROM department) + (SELECT count(*) FROM skill) + (SELECT count(*) FROM goal) AS n`).get() as { n: number };
  if (n > 0) throw new AppError('CONFLICT', 'The demo organisation can only be loaded into an empty database. Open or create an empty file first.');
  const demo = createDemoRun({ db: ctx.store.raw, seed: input.seed ?? 42, employees: input.employees ?? 500, today: todayIso(), now: ctx.now, actor: ctx.actor });
  // Into an empty file: the derived tables are built once at the end rather than row by row.
  const counts = withDerivedTablesRebuilt(ctx.store.raw, () => {
    let made: Record<string, number> = {};
    for (const part of ctx.registry.demoParts) made = { ...made, ...part(demo) };
    return made;
  });
  await recordAudit(ctx, [{ entity: 'database', entityId: ctx.store.path, action: 'load-demo', after: counts }]);
  return { departments: counts.departments, jobs: counts.jobs, positions: counts.positions, employees: counts.employees };
}
