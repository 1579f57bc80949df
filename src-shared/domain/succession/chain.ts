// Vacancy chains ("what if they leave") and where a person is nominated: pure functions over the
// chart's data, shared by the chart and the tests.
import { readinessIndex, type ReadinessOrder } from './bench';

export interface ChainCandidate {
  nominationId: string;
  kind: 'employee' | 'external';
  personId: string;
  name: string;
  rank: number;
  readinessId: string;
  /** The position an internal successor holds today (they vacate it by moving up). */
  currentPositionId: string | null;
}

export interface ChainPosition {
  id: string;
  title: string;
  incumbent: { id: string; name: string } | null;
  successors: readonly ChainCandidate[];
}

export interface ChainStep {
  positionId: string;
  title: string;
  /** Who leaves the position: the person asked about, or the successor who moved on from it. */
  leaver: { id: string; name: string } | null;
  /** Who fills it: the best-ranked successor who is ready and has not already moved in this chain; null = no ready successor. */
  successor: ChainCandidate | null;
  /** Ready successors passed over because they already left or moved up earlier in the chain (loops end here). */
  skipped: { personId: string; name: string; reason: 'left' | 'moved' }[];
}

export type ChainEnd =
  /** The last vacated position has no ready successor: the gap leadership must fill. */
  | 'no-ready-successor'
  /** An external candidate fills the last position: nothing further is vacated. */
  | 'external'
  /** The last successor holds no position, so nothing further is vacated. */
  | 'no-position';

export interface VacancyChain {
  steps: ChainStep[];
  end: ChainEnd;
  /** Positions left without a ready successor (the last step's, when the chain ends in a gap). */
  gaps: string[];
}

export interface ChainOptions {
  /** How many readiness levels count as "ready", from the first (1 = ready now only). */
  readyLevels?: number;
}

/**
 * Follows the moves when the holder of `startPositionId` leaves: the best-ranked ready successor
 * moves up, which vacates their own position, whose best ready successor moves up in turn, and so
 * on. Each person moves at most once, so loops (A succeeds B and B succeeds A) end: a successor
 * who already left or moved is passed over and named in `skipped`.
 */
export function vacancyChain(
  positions: readonly ChainPosition[],
  levels: readonly ReadinessOrder[],
  startPositionId: string,
  options: ChainOptions = {},
): VacancyChain {
  const byId = new Map(positions.map((position) => [position.id, position]));
  const start = byId.get(startPositionId);
  if (!start) throw new Error(`No position ${startPositionId} in the chart.`);
  const band = readinessIndex(levels);
  const readyLevels = Math.max(1, options.readyLevels ?? 1);
  const isReady = (candidate: ChainCandidate) => (band.get(candidate.readinessId) ?? Infinity) < readyLevels;
  const left = new Set<string>(start.incumbent ? [start.incumbent.id] : []);
  const moved = new Set<string>();
  const visited = new Set<string>();
  const steps: ChainStep[] = [];
  let current: ChainPosition | undefined = start;
  let leaver = start.incumbent;
  while (current && !visited.has(current.id)) {
    visited.add(current.id);
    const ready: ChainCandidate[] = current.successors.filter(isReady).sort((a, b) => (band.get(a.readinessId)! - band.get(b.readinessId)!) || a.rank - b.rank || a.name.localeCompare(b.name));
    const skipped: ChainStep['skipped'] = [];
    const successor: ChainCandidate | null = ready.find((candidate) => {
      if (left.has(candidate.personId)) return void skipped.push({ personId: candidate.personId, name: candidate.name, reason: 'left' }), false;
      if (moved.has(candidate.personId)) return void skipped.push({ personId: candidate.personId, name: candidate.name, reason: 'moved' }), false;
      return true;
    }) ?? null;
    steps.push({ positionId: current.id, title: current.title, leaver, successor, skipped });
    if (!successor) return { steps, end: 'no-ready-successor', gaps: [current.id] };
    if (successor.kind === 'external') return { steps, end: 'external', gaps: [] };
    moved.add(successor.personId);
    const next: ChainPosition | undefined = successor.currentPositionId ? byId.get(successor.currentPositionId) : undefined;
    if (!next) return { steps, end: 'no-position', gaps: [] };
    leaver = { id: successor.personId, name: successor.name };
    current = next;
  }
  // Only reachable when data names a position twice; each person moving once means it cannot happen.
  return { steps, end: 'no-position', gaps: [] };
}

export interface Nominated {
  positionId: string;
  nominationId: string;
  rank: number;
  readinessId: string;
}

/** Everywhere a person (employee or external candidate) is nominated, in chart order. */
export function nominationsOf(positions: readonly { id: string; successors: readonly { personId: string; nominationId: string; rank: number; readinessId: string }[] }[], personId: string): Nominated[] {
  const found: Nominated[] = [];
  for (const position of positions) {
    for (const successor of position.successors) {
      if (successor.personId === personId) found.push({ positionId: position.id, nominationId: successor.nominationId, rank: successor.rank, readinessId: successor.readinessId });
    }
  }
  return found;
}
