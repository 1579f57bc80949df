// What one card of the succession chart says and where each part goes inside it: the screen and
// every export (SVG, PNG, PDF, PPTX) draw this model, so they show the same thing in the same place.
import type { ChartPosition, Level, ReadinessLevel } from '../../api/succession';
import { planStrength, readinessIndex, strengthBand, type StrengthBand } from './bench';
import { CARD_HEIGHT, CARD_WIDTH } from './layout';

/** Readiness bands: colours that differ in lightness too, and a marker shape per band so they read in greyscale. */
export const READINESS_STYLES = [
  { colour: '#1b7f3b', shape: 'circle' },
  { colour: '#f0a202', shape: 'diamond' },
  { colour: '#d9480f', shape: 'triangle' },
  { colour: '#6b7785', shape: 'square' },
] as const;
export type MarkerShape = (typeof READINESS_STYLES)[number]['shape'];
export const readinessStyle = (band: number) => READINESS_STYLES[Math.min(Math.max(band, 0), READINESS_STYLES.length - 1)];

export const INK = '#1f2933';
export const MUTED = '#5f6b7a';
export const RULE = '#d5dbe1';
export const CARD_FILL = '#ffffff';
export const KEY_FILL = '#f3f8ff';
export const CONNECTOR = '#8a96a3';
export const HIGHLIGHT = '#7048e8';
// Dark enough for white text on the badge and for text on white (WCAG AA, 4.5:1).
export const CRITICALITY_COLOURS: Record<Level, string> = { high: '#c92a2a', medium: '#b35c00', low: '#5f6b7a' };
export const STRENGTH_COLOURS: Record<StrengthBand, string> = { none: '#c92a2a', weak: '#b35c00', moderate: '#3b5bdb', strong: '#1b7f3b' };

/** Geometry inside a card (top-left origin), in chart units. */
export const CARD = {
  width: CARD_WIDTH,
  height: CARD_HEIGHT,
  radius: 8,
  padding: 10,
  photo: { x: 10, y: 10, size: 36 },
  /** Text starts here when a photo (or initials) is shown, else at the padding. */
  textWithPhoto: 54,
  /** Up to two lines. */
  title: { y: 9, size: 11.5, lineHeight: 13.5, lines: 2 },
  incumbent: { y: 38, size: 11 },
  detail: { y: 52, size: 9 },
  rule: { y: 66 },
  successors: { y: 70, size: 10, lineHeight: 14.5, max: 3 },
  footer: { y: 120, size: 9 },
  badge: { width: 34, height: 14 },
} as const;

export interface CardFlag {
  text: string;
  tone: 'danger' | 'warning' | 'muted';
}

export interface CardSuccessor {
  personId: string;
  name: string;
  /** Short readiness label ("Now", "1–2 y"). */
  readiness: string;
  band: number;
  colour: string;
  shape: MarkerShape;
  emergency: boolean;
  external: boolean;
}

export interface CardModel {
  id: string;
  title: string;
  isKey: boolean;
  criticality: Level | null;
  incumbentId: string | null;
  incumbentName: string;
  vacant: boolean;
  initials: string;
  hasPhoto: boolean;
  detail: string;
  flags: CardFlag[];
  successors: CardSuccessor[];
  /** Successors not listed for lack of room. */
  more: number;
  /** Shown for key positions and positions covered by a job plan. */
  bench: { strength: number; band: StrengthBand; label: string } | null;
  /** Reports hidden under this card (collapsed or beyond the scope). */
  hidden: number;
}

const initialsOf = (name: string) =>
  name.split(/\s+/).filter(Boolean).slice(0, 2).map((part) => [...part][0]?.toUpperCase() ?? '').join('');

const RISK_WORD: Record<Level, string> = { high: 'high', medium: 'medium', low: 'low' };

/** The card of one position, with successors ordered by readiness then rank. */
export function cardModel(position: ChartPosition, levels: readonly ReadinessLevel[], hidden = 0): CardModel {
  const band = readinessIndex(levels);
  const byId = new Map(levels.map((level) => [level.id, level]));
  const ordered = [...position.successors].sort((a, b) => (band.get(a.readinessId) ?? 99) - (band.get(b.readinessId) ?? 99) || a.rank - b.rank);
  const successors = ordered.map((successor): CardSuccessor => {
    const place = band.get(successor.readinessId) ?? READINESS_STYLES.length - 1;
    const style = readinessStyle(place);
    return {
      personId: successor.personId, name: successor.name, readiness: byId.get(successor.readinessId)?.shortLabel ?? '?', band: place,
      colour: style.colour, shape: style.shape, emergency: successor.emergency, external: successor.kind === 'external',
    };
  });
  const incumbent = position.incumbent;
  const flags: CardFlag[] = [];
  if (incumbent?.riskOfLoss === 'high' || incumbent?.riskOfLoss === 'medium') flags.push({ text: `Risk ${RISK_WORD[incumbent.riskOfLoss]}`, tone: incumbent.riskOfLoss === 'high' ? 'danger' : 'warning' });
  if (incumbent?.impactOfLoss === 'high') flags.push({ text: 'Impact high', tone: 'danger' });
  if (position.plannedLeaveDate) flags.push({ text: `Leaves ${position.plannedLeaveDate}`, tone: 'warning' });
  if (position.isKey && position.vacancyRisk === 'high' && !flags.length) flags.push({ text: 'Vacancy risk high', tone: 'warning' });
  const strength = planStrength(position.successors, levels);
  const showsBench = position.isKey || position.successors.length > 0;
  const bandName = strengthBand(strength, position.successors.length);
  return {
    id: position.id,
    title: position.title,
    isKey: position.isKey,
    criticality: position.criticality,
    incumbentId: incumbent?.id ?? null,
    incumbentName: incumbent?.name ?? 'Vacant',
    vacant: !incumbent,
    initials: incumbent ? initialsOf(incumbent.name) : '—',
    hasPhoto: Boolean(incumbent?.hasPhoto),
    detail: position.departmentName ?? '',
    flags,
    successors: successors.slice(0, CARD.successors.max),
    more: Math.max(0, successors.length - CARD.successors.max),
    bench: showsBench ? { strength, band: bandName, label: bandName === 'none' ? 'No successors' : `${position.planSource === 'job' ? 'Job bench' : 'Bench'} ${strength}` } : null,
    hidden,
  };
}

/** The outline of a readiness marker centred on (cx, cy) with radius r, as SVG path data (PDF and PPTX use the same points). */
export function markerPath(shape: MarkerShape, cx: number, cy: number, r: number): string {
  const f = (n: number) => Math.round(n * 100) / 100;
  switch (shape) {
    case 'circle':
      return `M${f(cx - r)},${f(cy)}a${f(r)},${f(r)} 0 1,0 ${f(2 * r)},0a${f(r)},${f(r)} 0 1,0 ${f(-2 * r)},0Z`;
    case 'diamond':
      return `M${f(cx)},${f(cy - r * 1.15)}L${f(cx + r * 1.15)},${f(cy)}L${f(cx)},${f(cy + r * 1.15)}L${f(cx - r * 1.15)},${f(cy)}Z`;
    case 'triangle':
      return `M${f(cx)},${f(cy - r * 1.1)}L${f(cx + r * 1.15)},${f(cy + r * 0.9)}L${f(cx - r * 1.15)},${f(cy + r * 0.9)}Z`;
    default:
      return `M${f(cx - r * 0.9)},${f(cy - r * 0.9)}h${f(r * 1.8)}v${f(r * 1.8)}h${f(-r * 1.8)}Z`;
  }
}

/** Polygon points of a marker (for drawing APIs without SVG paths); circles are 16-gons. */
export function markerPoints(shape: MarkerShape, cx: number, cy: number, r: number): [number, number][] {
  switch (shape) {
    case 'circle':
      return Array.from({ length: 16 }, (_, k) => [cx + r * Math.cos((k * Math.PI) / 8), cy + r * Math.sin((k * Math.PI) / 8)] as [number, number]);
    case 'diamond':
      return [[cx, cy - r * 1.15], [cx + r * 1.15, cy], [cx, cy + r * 1.15], [cx - r * 1.15, cy]];
    case 'triangle':
      return [[cx, cy - r * 1.1], [cx + r * 1.15, cy + r * 0.9], [cx - r * 1.15, cy + r * 0.9]];
    default:
      return [[cx - r * 0.9, cy - r * 0.9], [cx + r * 0.9, cy - r * 0.9], [cx + r * 0.9, cy + r * 0.9], [cx - r * 0.9, cy + r * 0.9]];
  }
}
