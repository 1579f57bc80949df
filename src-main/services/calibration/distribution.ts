// The session's distribution: people per level before and after calibration, per box of the
// nine-box, the moves so far and the guidelines' verdict; optionally the same per department,
// job level or manager. One grouped query; the arithmetic is the shared domain's.
import type { CalibrationSession, SessionDistribution } from '../../../src-shared/api/calibration';
import { boxIndex, boxOf, evaluateGuidelines, levelIndexOf } from '../../../src-shared/domain/calibration';
import type { ServiceContext } from '../context';
import { nearestLevelSql, ORIGINAL_RATING_SQL, prepared } from './common';

export type SplitBy = 'department' | 'jobLevel' | 'manager';

const SPLITS: Record<SplitBy, { key: string; name: string }> = {
  department: { key: 'r.department_id', name: `coalesce(d.name, 'No department')` },
  jobLevel: { key: 'j.level', name: `coalesce(j.level, 'No job level')` },
  manager: { key: 'r.manager_id', name: `coalesce(mg.first_name || ' ' || mg.last_name, 'No manager')` },
};

interface CountRow {
  performance: number | null;
  original: number | null;
  potential: number | null;
  groupKey: string | null;
  groupName: string | null;
  n: number;
}

/** The grouped counts behind the distribution: one row per (calibrated, original, potential[, group]). */
export function distributionSql(session: Pick<CalibrationSession, 'levels'>, splitBy?: SplitBy): string {
  const original = nearestLevelSql(session.levels, ORIGINAL_RATING_SQL);
  const split = splitBy ? SPLITS[splitBy] : { key: 'NULL', name: 'NULL' };
  return `SELECT coalesce(m.performance, ${original}) AS performance, ${original} AS original, m.potential AS potential,
      ${split.key} AS groupKey, ${split.name} AS groupName, count(*) AS n
    FROM calibration_member m ${splitBy ? 'JOIN review r ON r.id = m.review_id' : ''}
    ${splitBy === 'department' ? 'LEFT JOIN department d ON d.id = r.department_id' : ''}
    ${splitBy === 'jobLevel' ? 'LEFT JOIN job j ON j.id = r.job_id' : ''}
    ${splitBy === 'manager' ? 'LEFT JOIN employee mg ON mg.id = r.manager_id' : ''}
    WHERE m.session_id = @sessionId AND m.archived = 0
    GROUP BY 1, 2, 3, 4`;
}

export function getDistribution(ctx: ServiceContext, session: CalibrationSession, splitBy?: SplitBy): SessionDistribution {
  const rows = prepared(ctx, distributionSql(session, splitBy)).all({ sessionId: session.id }) as CountRow[];
  const { changes } = prepared(ctx, `SELECT count(*) AS changes FROM calibration_change WHERE session_id = ? AND kind = 'move' AND undone_at IS NULL`).get(session.id) as { changes: number };
  const whole = fold(session, rows);
  const groups = new Map<string, CountRow[]>();
  if (splitBy) for (const row of rows) groups.set(row.groupKey ?? '', [...(groups.get(row.groupKey ?? '') ?? []), row]);
  return {
    sessionId: session.id,
    levels: session.levels,
    population: whole.population,
    holding: whole.holding,
    calibrated: whole.calibrated,
    original: whole.original,
    evaluation: whole.evaluation,
    boxes: whole.boxes,
    potentialHolding: whole.potentialHolding,
    moves: { ...whole.moves, changes },
    groups: [...groups.entries()]
      .map(([key, groupRows]) => {
        const group = fold(session, groupRows);
        return { key, name: groupRows[0].groupName ?? '', population: group.population, counts: group.calibrated, evaluation: group.evaluation };
      })
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

function fold(session: CalibrationSession, rows: CountRow[]) {
  const { levels, settings } = session;
  const calibrated = levels.map(() => 0);
  const original = levels.map(() => 0);
  const boxes = Array.from({ length: settings.columns * settings.rows }, () => 0);
  let holding = 0;
  let potentialHolding = 0;
  const moves = { up: 0, down: 0, placed: 0 };
  for (const row of rows) {
    const to = levelIndexOf(levels, row.performance);
    const from = levelIndexOf(levels, row.original);
    if (to >= 0) calibrated[to] += row.n;
    else holding += row.n;
    if (from >= 0) original[from] += row.n;
    if (to >= 0 && from < 0) moves.placed += row.n;
    else if (to > from) moves.up += row.n;
    else if (to >= 0 && to < from) moves.down += row.n;
    const box = boxOf(settings, levels, settings.potentialLevels, row.performance, row.potential);
    if (box) boxes[boxIndex(settings, box.column, box.row)] += row.n;
    else potentialHolding += row.n;
  }
  const population = calibrated.reduce((a, b) => a + b, 0);
  const evaluation = session.guidelines ? evaluateGuidelines(levels, session.guidelines.rules, calibrated) : null;
  return { calibrated, original, boxes, holding, potentialHolding, moves, population, evaluation };
}
