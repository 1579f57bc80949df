// What the calibration screens compute from the people of a session: who sits in which box and
// bin, the counts the guidelines judge (with moves still being saved laid over), and labels.
import type { CalibrationMember, CalibrationSession } from '../../../src-shared/api/calibration';
import { boxIndex, boxOf, evaluateGuidelines, levelIndexOf, type GuidelineEvaluation, type ScaleLevel } from '../../../src-shared/domain/calibration';

export interface Placement {
  performance: number | null;
  potential: number | null;
}

/** The people as the room sees them: moves confirmed but not yet saved are laid over the stored ones. */
export function withPending(members: CalibrationMember[], pending: ReadonlyMap<string, Placement>): CalibrationMember[] {
  if (pending.size === 0) return members;
  return members.map((m) => {
    const to = pending.get(m.id);
    return to ? { ...m, ...to } : m;
  });
}

export interface Board {
  /** Per box (row by row from the lowest potential), sorted by name. */
  boxes: CalibrationMember[][];
  /** Per performance level, lowest first. */
  bins: CalibrationMember[][];
  /** No box yet: no performance or no potential. */
  boxHolding: CalibrationMember[];
  /** No performance rating yet. */
  binHolding: CalibrationMember[];
  countsByLevel: number[];
  evaluation: GuidelineEvaluation | null;
}

export function buildBoard(session: CalibrationSession, members: CalibrationMember[]): Board {
  const { settings, levels } = session;
  const boxes: CalibrationMember[][] = Array.from({ length: settings.columns * settings.rows }, () => []);
  const bins: CalibrationMember[][] = levels.map(() => []);
  const boxHolding: CalibrationMember[] = [];
  const binHolding: CalibrationMember[] = [];
  for (const member of members) {
    const box = boxOf(settings, levels, settings.potentialLevels, member.performance, member.potential);
    if (box) boxes[boxIndex(settings, box.column, box.row)].push(member);
    else boxHolding.push(member);
    const level = levelIndexOf(levels, member.performance);
    if (level >= 0) bins[level].push(member);
    else binHolding.push(member);
  }
  const countsByLevel = bins.map((bin) => bin.length);
  return { boxes, bins, boxHolding, binHolding, countsByLevel, evaluation: session.guidelines ? evaluateGuidelines(levels, session.guidelines.rules, countsByLevel) : null };
}

export const labelOf = (levels: readonly ScaleLevel[], value: number | null | undefined) =>
  value === null || value === undefined ? null : levels.find((level) => level.value === value)?.label ?? String(value);

export const formatRating = (value: number) => String(Math.round(value * 100) / 100);

/** "3.47 · Meets" — a review rating with the level it counts at. */
export function originalText(session: CalibrationSession, member: Pick<CalibrationMember, 'originalRating' | 'originalLevel'>): string {
  if (member.originalRating === null) return 'Not rated';
  return `${formatRating(member.originalRating)} · ${labelOf(session.levels, member.originalLevel)}`;
}

export const levelOptions = (levels: readonly ScaleLevel[]) => levels.map((level) => ({ value: String(level.value), label: `${level.value} · ${level.label}` }));

export interface MemberFilter {
  departmentIds: Set<string> | null;
  managerId: string | null;
  jobLevel: string | null;
}

export const NO_FILTER: MemberFilter = { departmentIds: null, managerId: null, jobLevel: null };
export const filterActive = (filter: MemberFilter) => Boolean(filter.departmentIds || filter.managerId || filter.jobLevel);

export function matches(filter: MemberFilter, member: CalibrationMember): boolean {
  if (filter.departmentIds && !(member.departmentId && filter.departmentIds.has(member.departmentId))) return false;
  if (filter.managerId && member.managerId !== filter.managerId) return false;
  if (filter.jobLevel && member.jobLevel !== filter.jobLevel) return false;
  return true;
}

/** A department and every department below it. */
export function subtreeOf(departments: { id: string; parentId: string | null }[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const d of departments) if (d.parentId) children.set(d.parentId, [...(children.get(d.parentId) ?? []), d.id]);
  const found = new Set<string>();
  const walk = (id: string) => {
    found.add(id);
    for (const child of children.get(id) ?? []) if (!found.has(child)) walk(child);
  };
  walk(rootId);
  return found;
}

export const STATUS_COLOURS = { within: 'teal', over: 'red', under: 'orange' } as const;
