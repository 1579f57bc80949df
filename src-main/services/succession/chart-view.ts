// The chart on screen reads only what it shows: a few levels from the top (or from a focused
// position), the direct reports of the positions the user expands, and the paths down to search
// hits and vacancy chains. Each position says how many reports it has and how many positions lie
// below it, so a collapsed card can say "+N" without its subtree being loaded. Search, "where is
// this person" and vacancy chains are answered here over the whole organisation.
import type { ChartNode, ChartNodes, ChartNodesInput, ChartPersonPlaces, ChartPosition, ChartSearchHit } from '../../../src-shared/api/succession';
import { CHART_OPEN_LEVELS } from '../../../src-shared/api/succession';
import { vacancyChain, type VacancyChain } from '../../../src-shared/domain/succession';
import { AppError } from '../../../src-shared/errors';
import type { ServiceContext } from '../context';
import { chartPositions } from './chart';
import { PERSON_NAME, readinessLevels } from './common';

/** The reporting lines of every active position: ids only, so cheap at any size. */
interface Structure {
  parentOf: Map<string, string | null>;
  childrenOf: Map<string, string[]>;
  roots: string[];
  /** Positions below each position (reachable from a root; positions in a reporting loop count nothing). */
  below: Map<string, number>;
}

/*
 * The structure is kept between calls while the database is unchanged: no write on this connection
 * (total_changes()) and none by another (data_version), as the import planner does. Expanding,
 * searching and revealing then cost only the positions they return.
 */
let cached: { db: object; state: string; structure: Structure } | null = null;

function structure(ctx: ServiceContext): Structure {
  const db = ctx.store.raw;
  const { n } = db.prepare('SELECT total_changes() AS n').get() as { n: number };
  const state = `${n}:${db.pragma('data_version', { simple: true })}`;
  if (cached && cached.db === db && cached.state === state) return cached.structure;
  cached = { db, state, structure: readStructure(ctx) };
  return cached.structure;
}

function readStructure(ctx: ServiceContext): Structure {
  const rows = ctx.store.raw.prepare(`SELECT id, reports_to_id AS up FROM position WHERE archived = 0`).raw().all() as [string, string | null][];
  const known = new Set(rows.map((row) => row[0]));
  const parentOf = new Map<string, string | null>();
  const childrenOf = new Map<string, string[]>();
  const roots: string[] = [];
  // The same rule as the chart's reportsMap: a position whose manager is unknown (or itself) is a root.
  for (const [id, up] of rows) {
    const parent = up && up !== id && known.has(up) ? up : null;
    parentOf.set(id, parent);
    if (!parent) roots.push(id);
    else {
      const list = childrenOf.get(parent);
      if (list) list.push(id);
      else childrenOf.set(parent, [id]);
    }
  }
  // Breadth-first from the roots, then counts summed bottom-up.
  const order: string[] = [...roots];
  for (let k = 0; k < order.length; k++) for (const child of childrenOf.get(order[k]) ?? []) order.push(child);
  const below = new Map<string, number>();
  for (let k = order.length - 1; k >= 0; k--) {
    const id = order[k];
    let count = 0;
    for (const child of childrenOf.get(id) ?? []) count += 1 + (below.get(child) ?? 0);
    below.set(id, count);
  }
  return { parentOf, childrenOf, roots, below };
}

/** The positions asked for, each with its count of reports and of positions below. */
export function getChartNodes(ctx: ServiceContext, input: ChartNodesInput): ChartNodes {
  const tree = structure(ctx);
  const include = new Set<string>();
  const addReports = (id: string) => { for (const child of tree.childrenOf.get(id) ?? []) include.add(child); };
  if (input.rootId && !tree.parentOf.has(input.rootId)) throw new AppError('NOT_FOUND', 'The chosen position is not in the chart (it may have been archived).');
  let frontier = input.rootId ? [input.rootId] : tree.roots;
  for (const id of frontier) include.add(id);
  let truncated = false;
  for (let depth = 0; depth < (input.levels ?? CHART_OPEN_LEVELS) && frontier.length; depth++) {
    const next = frontier.flatMap((id) => tree.childrenOf.get(id) ?? []);
    if (input.maxPositions !== undefined && include.size + next.length > input.maxPositions) {
      truncated = next.length > 0;
      break;
    }
    for (const id of next) include.add(id);
    frontier = next;
  }
  for (const id of input.parentIds ?? []) if (tree.parentOf.has(id)) addReports(id);
  for (const id of input.revealIds ?? []) {
    if (!tree.parentOf.has(id)) continue;
    include.add(id);
    const seen = new Set<string>([id]);
    for (let up = tree.parentOf.get(id); up && !seen.has(up); up = tree.parentOf.get(up)) {
      seen.add(up);
      include.add(up);
      addReports(up);
    }
  }
  const positions = chartPositions(ctx, [...include]).map((position): ChartNode => ({
    ...position, reports: tree.childrenOf.get(position.id)?.length ?? 0, below: tree.below.get(position.id) ?? 0,
  }));
  const hasPhotos = Boolean((ctx.store.raw.prepare(`SELECT EXISTS (SELECT 1 FROM employee_photo) AS any`).get() as { any: number }).any);
  return { readiness: readinessLevels(ctx), positions, truncated, hasPhotos };
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const SEARCH_LIMIT = 30;

/**
 * Positions whose "Title · Department — Incumbent" contains the text, and people on the chart
 * (incumbents, internal and external successors) whose name does; at most 30 in all.
 */
export function searchChart(ctx: ServiceContext, query: string): ChartSearchHit[] {
  const db = ctx.store.raw;
  const pattern = `%${escapeLike(query.trim())}%`;
  const positions = db.prepare(`SELECT p.id, p.title || ' · ' || coalesce(d.name, '') || coalesce(' — ' || ${PERSON_NAME('e')}, '') AS label
      FROM position p
      LEFT JOIN department d ON d.id = p.department_id
      LEFT JOIN employee e ON e.position_id = p.id AND e.archived = 0
      WHERE p.archived = 0 AND label LIKE @pattern ESCAPE '\\'
      ORDER BY p.title COLLATE NOCASE, label COLLATE NOCASE LIMIT ${SEARCH_LIMIT}`).all({ pattern }) as { id: string; label: string }[];
  const people = db.prepare(`SELECT id, name FROM (
        SELECT e.id, ${PERSON_NAME('e')} AS name FROM employee e
          WHERE e.archived = 0 AND ${PERSON_NAME('e')} LIKE @pattern ESCAPE '\\'
            AND (EXISTS (SELECT 1 FROM position p WHERE p.id = e.position_id AND p.archived = 0)
              OR EXISTS (SELECT 1 FROM succession_nomination n JOIN succession_plan sp ON sp.id = n.plan_id AND sp.archived = 0 WHERE n.employee_id = e.id AND n.archived = 0))
        UNION ALL
        SELECT x.id, x.name FROM external_candidate x
          WHERE x.name LIKE @pattern ESCAPE '\\'
            AND EXISTS (SELECT 1 FROM succession_nomination n JOIN succession_plan sp ON sp.id = n.plan_id AND sp.archived = 0 WHERE n.external_candidate_id = x.id AND n.archived = 0))
      ORDER BY name COLLATE NOCASE LIMIT ${SEARCH_LIMIT}`).all({ pattern }) as { id: string; name: string }[];
  // Positions first, people after, as many of each as fit (half each when both are many).
  const peopleShown = Math.min(people.length, Math.max(SEARCH_LIMIT - positions.length, SEARCH_LIMIT / 2));
  const hits: ChartSearchHit[] = positions.slice(0, SEARCH_LIMIT - peopleShown).map((p) => ({ kind: 'position', id: p.id, label: p.label }));
  const labels = new Set(hits.map((hit) => hit.label));
  for (const person of people.slice(0, peopleShown)) {
    let label = `Person: ${person.name}`;
    for (let k = 2; labels.has(label); k++) label = `Person: ${person.name} (${k})`;
    labels.add(label);
    hits.push({ kind: 'person', id: person.id, label });
  }
  return hits;
}

/**
 * Where a person is on the chart: the position they hold and every position whose successors
 * name them — a key position's own plan, or, for a job's plan, every position of the job without a
 * plan of its own (except the one they hold), as the chart shows them.
 */
export function getChartPerson(ctx: ServiceContext, personId: string): ChartPersonPlaces {
  const db = ctx.store.raw;
  const employee = db.prepare(`SELECT ${PERSON_NAME('e')} AS name FROM employee e WHERE e.id = ?`).get(personId) as { name: string } | undefined;
  const external = employee ? undefined : db.prepare(`SELECT name FROM external_candidate WHERE id = ?`).get(personId) as { name: string } | undefined;
  const holds = db.prepare(`SELECT p.id AS positionId, p.title FROM employee e JOIN position p ON p.id = e.position_id AND p.archived = 0 WHERE e.id = ? AND e.archived = 0`)
    .get(personId) as { positionId: string; title: string } | undefined;
  const nominated = `FROM succession_nomination n JOIN succession_plan sp ON sp.id = n.plan_id AND sp.archived = 0
    WHERE n.archived = 0 AND (n.employee_id = @person OR n.external_candidate_id = @person)`;
  const nominations = db.prepare(`SELECT positionId, title, departmentName, nominationId, rank, readinessId FROM (
      SELECT p.id AS positionId, p.title, d.name AS departmentName, n.id AS nominationId, n.rank, n.readiness_id AS readinessId
        ${nominated.replace('WHERE', 'JOIN position p ON p.id = sp.position_id AND p.archived = 0 AND p.is_key = 1 LEFT JOIN department d ON d.id = p.department_id WHERE')}
      UNION ALL
      SELECT p.id, p.title, d.name, n.id, n.rank, n.readiness_id
        ${nominated.replace('WHERE', `JOIN position p ON p.job_id = sp.job_id AND p.archived = 0 LEFT JOIN department d ON d.id = p.department_id WHERE
          NOT EXISTS (SELECT 1 FROM succession_plan own WHERE own.position_id = p.id AND own.archived = 0 AND p.is_key = 1)
          AND NOT EXISTS (SELECT 1 FROM employee ie WHERE ie.position_id = p.id AND ie.archived = 0 AND ie.id = @person) AND`)}
    ) ORDER BY title COLLATE NOCASE, departmentName COLLATE NOCASE`).all({ person: personId }) as ChartPersonPlaces['nominations'];
  return {
    personId,
    name: employee?.name ?? external?.name ?? null,
    kind: external ? 'external' : 'employee',
    holds: holds ?? null,
    nominations,
  };
}

/** The vacancy chain from a position, reading the positions it passes through one step at a time. */
export function getVacancyChain(ctx: ServiceContext, positionId: string, readyLevels: number): VacancyChain {
  const levels = readinessLevels(ctx);
  const loaded = new Map<string, ChartPosition>();
  let pending = [positionId];
  for (;;) {
    const found = chartPositions(ctx, pending);
    for (const position of found) loaded.set(position.id, position);
    if (!loaded.has(positionId)) throw new AppError('NOT_FOUND', 'The position is not in the chart (it may have been archived).');
    const chain = vacancyChain([...loaded.values()], levels, positionId, { readyLevels });
    const next = chain.end === 'no-position' ? chain.steps.at(-1)?.successor?.currentPositionId : null;
    if (!next || loaded.has(next) || found.length === 0) return tidyChain(chain);
    pending = [next];
  }
}

/** Successors as the contract names them (the chart's successor objects carry more). */
function tidyChain(chain: VacancyChain): VacancyChain {
  return {
    ...chain,
    steps: chain.steps.map((step) => ({
      ...step,
      leaver: step.leaver && { id: step.leaver.id, name: step.leaver.name },
      successor: step.successor && {
        nominationId: step.successor.nominationId, kind: step.successor.kind, personId: step.successor.personId, name: step.successor.name,
        rank: step.successor.rank, readinessId: step.successor.readinessId, currentPositionId: step.successor.currentPositionId,
      },
    })),
  };
}
