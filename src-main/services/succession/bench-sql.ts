// The bench of every plan in SQL, for the grids' sort, filters and exports: successors, ready now,
// the count at each readiness level, emergency cover, plan strength and its band. Built from the
// rule's own constants and the active readiness scale (src-shared/domain/succession/bench.ts), and
// tested against those functions (tests/unit/succession-windows.test.ts), so SQL and screen agree.
import {
  LATER_POINTS_CAP, MAX_STRENGTH, MODERATE_FROM, readinessIndex, STRENGTH_LABELS, STRENGTH_POINTS, STRONG_FROM, type ReadinessOrder,
} from '../../../src-shared/domain/succession';

const q = (text: string) => `'${text.replace(/'/g, "''")}'`;

export interface BenchSql {
  /** `WITH` parts: the scale with each level's points, and the bench of every plan that has successors (materialised once). */
  ctes: string[];
  /** LEFT JOIN of the bench to a plan id (`sp.id`). */
  join: (planId: string) => string;
  /** Each figure of a plan's bench, in SQL over the joined bench (a plan without successors has zeros). */
  successors: string;
  readyNow: string;
  strength: string;
  emergencyLabel: string;
  band: string;
  /** Successors at this readiness level; null for a level not on the active scale (no such column). */
  count: (readinessId: string) => string | null;
}

/**
 * The bench SQL for the active readiness `levels`, under the alias `b`. `counts` are the readiness
 * levels whose counts the query reads (one aggregate each).
 */
export function benchSql(levels: readonly ReadinessOrder[], counts: readonly string[] = []): BenchSql {
  const index = readinessIndex(levels);
  // Each level's place and points: 50 for the first (ready now); later levels by STRENGTH_POINTS.
  const rows = [...index].map(([id, band]) => {
    const now = band === 0 ? STRENGTH_POINTS[0] : 0;
    const later = band === 0 ? 0 : STRENGTH_POINTS[Math.min(band, STRENGTH_POINTS.length - 1)];
    return `(${q(id)}, ${band}, ${now}, ${later})`;
  });
  const scale = `bench_level(id, band, now_points, later_points) AS (${rows.length ? `VALUES ${rows.join(', ')}` : 'SELECT NULL, NULL, NULL, NULL WHERE 0'})`;
  const wanted = [...new Set(counts)].filter((id) => index.has(id));
  const countColumns = wanted.map((id, i) => `, sum(n.readiness_id = ${q(id)}) AS c${i}`).join('');
  const bench = `bench AS MATERIALIZED (SELECT n.plan_id AS plan_id, count(*) AS successors, coalesce(sum(l.band = 0), 0) AS ready_now, max(n.emergency) AS emergency,
      min(${MAX_STRENGTH}, coalesce(sum(l.now_points), 0) + min(${LATER_POINTS_CAP}, coalesce(sum(l.later_points), 0))) AS strength${countColumns}
    FROM succession_nomination n LEFT JOIN bench_level l ON l.id = n.readiness_id WHERE n.archived = 0 GROUP BY n.plan_id)`;
  const successors = 'coalesce(b.successors, 0)';
  const strength = 'coalesce(b.strength, 0)';
  return {
    ctes: [scale, bench],
    join: (planId) => `LEFT JOIN bench b ON b.plan_id = ${planId}`,
    successors,
    readyNow: 'coalesce(b.ready_now, 0)',
    strength,
    emergencyLabel: `(CASE WHEN b.emergency THEN 'Yes' ELSE 'No' END)`,
    // strengthBand, as the label the grid shows.
    band: `(CASE WHEN ${successors} = 0 OR ${strength} <= 0 THEN ${q(STRENGTH_LABELS.none)} WHEN ${strength} >= ${STRONG_FROM} THEN ${q(STRENGTH_LABELS.strong)}
      WHEN ${strength} >= ${MODERATE_FROM} THEN ${q(STRENGTH_LABELS.moderate)} ELSE ${q(STRENGTH_LABELS.weak)} END)`,
    count: (id) => (wanted.includes(id) ? `coalesce(b.c${wanted.indexOf(id)}, 0)` : null),
  };
}
