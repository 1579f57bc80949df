// What every chart export draws: the chart's data in the chosen scope, laid out by the shared pure
// function, each card as drawing primitives (boxes, text already fitted, readiness markers, photos),
// connectors, a title block and a legend. SVG, PNG and PDF draw these primitives; PPTX draws the
// same layout and cards as native shapes.
import type { ChartData, ChartExportInput, ReadinessLevel } from '../../../src-shared/api/succession';
import {
  CARD, CARD_FILL, cardModel, CONNECTOR, CRITICALITY_COLOURS, INK, KEY_FILL, MUTED, readinessStyle, RULE, STRENGTH_COLOURS, STRENGTH_RULE,
  layoutTree, scopeTree, ScopeError, type CardModel, type ChartLayout, type MarkerShape, type PlacedNode, type ScopedTree,
} from '../../../src-shared/domain/succession';
import { AppError } from '../../../src-shared/errors';
import { fitText, measureText, wrapText } from './fonts';

export type Primitive =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; r: number; fill: string | null; stroke: string | null; strokeWidth?: number }
  | { kind: 'circle'; cx: number; cy: number; r: number; fill: string; stroke?: string }
  | { kind: 'text'; x: number; y: number; text: string; size: number; bold?: boolean; italic?: boolean; colour: string; anchor?: 'start' | 'end' | 'middle'; goToPage?: number }
  | { kind: 'marker'; shape: MarkerShape; cx: number; cy: number; r: number; fill: string }
  | { kind: 'line'; points: [number, number][]; colour: string; width: number }
  | { kind: 'photo'; x: number; y: number; size: number; employeeId: string };

export interface Scene {
  data: ChartData;
  tree: ScopedTree;
  layout: ChartLayout;
  cards: Map<string, CardModel>;
  title: string;
  subtitle: string;
}

/** The top of a line of text whose capital letters are centred in a box (baseline at 0.8 of the size, caps 0.72 high). */
const centredTop = (boxTop: number, boxHeight: number, size: number) => boxTop + boxHeight / 2 + 0.36 * size - 0.8 * size;

const TONE: Record<'danger' | 'warning' | 'muted', string> = { danger: '#c92a2a', warning: '#d9480f', muted: MUTED };

/** The chart in the export's scope, refused with a clear message when the scope is empty or unknown. */
export function buildScene(data: ChartData, input: Pick<ChartExportInput, 'scope'>, generatedAt: string): Scene {
  if (data.positions.length === 0) throw new AppError('VALIDATION', 'There are no positions to chart yet: add positions (People → Positions) first. No file was made.');
  let tree: ScopedTree;
  try {
    tree = scopeTree(data.positions, { rootId: input.scope.rootId, levels: input.scope.levels, collapsedIds: input.scope.collapsedIds });
  } catch (error) {
    if (error instanceof ScopeError) throw new AppError('VALIDATION', `${error.message} No file was made.`, [{ path: ['scope', 'rootId'], field: 'rootId', message: error.message }]);
    throw error;
  }
  if (tree.nodes.length === 0) throw new AppError('VALIDATION', 'The chosen scope matches no positions. No file was made.');
  const byId = new Map(data.positions.map((position) => [position.id, position]));
  const cards = new Map(tree.nodes.map((node) => [node.id, cardModel(byId.get(node.id)!, data.readiness, tree.hidden.get(node.id) ?? 0)]));
  const root = input.scope.rootId ? byId.get(input.scope.rootId) : undefined;
  const keyCount = tree.nodes.filter((node) => byId.get(node.id)!.isKey).length;
  const scopeText = root ? `${root.title}${root.departmentName ? ` · ${root.departmentName}` : ''} and below` : 'Whole organisation';
  const levels = input.scope.levels ? ` · ${input.scope.levels} level${input.scope.levels === 1 ? '' : 's'} down` : '';
  return {
    data,
    tree,
    layout: layoutTree(tree.nodes),
    cards,
    title: 'Succession chart',
    subtitle: `${scopeText}${levels} · ${tree.nodes.length.toLocaleString('en')} position${tree.nodes.length === 1 ? '' : 's'}, ${keyCount} key · ${generatedAt.slice(0, 10)}`,
  };
}

/** The primitives of one card at its place; `goToPage` makes the "continued" note a link (PDF). */
export function cardPrimitives(card: CardModel, node: PlacedNode, options: { photos: boolean; continuedOnPage?: number }): Primitive[] {
  const { x, y } = node;
  const out: Primitive[] = [];
  const keyColour = card.criticality ? CRITICALITY_COLOURS[card.criticality] : INK;
  out.push({ kind: 'rect', x, y, w: CARD.width, h: CARD.height, r: CARD.radius, fill: card.isKey ? KEY_FILL : CARD_FILL, stroke: card.isKey ? keyColour : RULE, strokeWidth: card.isKey ? 1.5 : 1 });
  const textX = x + (options.photos ? CARD.textWithPhoto : CARD.padding);
  const right = x + CARD.width - CARD.padding;
  if (options.photos) {
    const { x: px, y: py, size } = CARD.photo;
    if (card.hasPhoto && card.incumbentId) out.push({ kind: 'photo', x: x + px, y: y + py, size, employeeId: card.incumbentId });
    else {
      out.push({ kind: 'circle', cx: x + px + size / 2, cy: y + py + size / 2, r: size / 2, fill: '#e9ecef', stroke: RULE });
      out.push({ kind: 'text', x: x + px + size / 2, y: centredTop(y + py, size, 11), text: card.initials, size: 11, bold: true, colour: MUTED, anchor: 'middle' });
    }
  }
  let titleRight = right;
  if (card.isKey) {
    const bx = right - CARD.badge.width;
    out.push({ kind: 'rect', x: bx, y: y + 10, w: CARD.badge.width, h: CARD.badge.height, r: 3, fill: keyColour, stroke: null });
    out.push({ kind: 'text', x: bx + CARD.badge.width / 2, y: centredTop(y + 10, CARD.badge.height, 8.5), text: 'KEY', size: 8.5, bold: true, colour: '#ffffff', anchor: 'middle' });
    titleRight = bx - 4;
  }
  const titleStyle = { size: CARD.title.size, weight: 'bold' as const };
  const titleLines = wrapText(card.title, titleStyle, titleRight - textX, CARD.title.lines);
  titleLines.forEach((line, k) => out.push({ kind: 'text', x: textX, y: y + CARD.title.y + k * CARD.title.lineHeight, text: line, size: CARD.title.size, bold: true, colour: INK }));
  // A one-line title moves the name and department up to it.
  const lift = (CARD.title.lines - titleLines.length) * CARD.title.lineHeight;
  const nameStyle = { size: CARD.incumbent.size };
  out.push({ kind: 'text', x: textX, y: y + CARD.incumbent.y - lift, text: fitText(card.incumbentName, nameStyle, right - textX), size: CARD.incumbent.size, italic: card.vacant, colour: card.vacant ? MUTED : INK });
  if (card.detail) out.push({ kind: 'text', x: textX, y: y + CARD.detail.y - lift, text: fitText(card.detail, { size: CARD.detail.size }, right - textX), size: CARD.detail.size, colour: MUTED });

  if (card.isKey || card.successors.length) {
    out.push({ kind: 'line', points: [[x + CARD.padding, y + CARD.rule.y], [x + CARD.width - CARD.padding, y + CARD.rule.y]], colour: RULE, width: 0.75 });
    const size = CARD.successors.size;
    if (card.successors.length === 0) {
      out.push({ kind: 'text', x: x + CARD.padding, y: y + CARD.successors.y + 1, text: 'No successors nominated', size, italic: true, colour: TONE.danger });
    }
    card.successors.forEach((successor, k) => {
      const top = y + CARD.successors.y + k * CARD.successors.lineHeight;
      out.push({ kind: 'marker', shape: successor.shape, cx: x + CARD.padding + 5, cy: top + 5.8, r: 4.2, fill: successor.colour });
      const label = successor.emergency ? `Interim · ${successor.readiness}` : successor.readiness;
      const labelWidth = measureText(label, { size: 9, weight: 'bold' });
      out.push({ kind: 'text', x: right, y: top + 1.5, text: label, size: 9, bold: true, colour: successor.colour === '#f0a202' ? '#a86b00' : successor.colour, anchor: 'end' });
      const name = successor.external ? `${successor.name} (external)` : successor.name;
      out.push({ kind: 'text', x: x + CARD.padding + 14, y: top + 1, text: fitText(name, { size }, right - labelWidth - 6 - (x + CARD.padding + 14)), size, colour: INK });
    });
  }
  const footerY = y + CARD.footer.y;
  const notes = [...(card.more ? [`+${card.more} more`] : []), ...card.flags.map((flag) => flag.text)];
  let footerRight = right;
  if (card.bench) {
    const benchText = card.bench.label;
    out.push({ kind: 'text', x: right, y: footerY, text: benchText, size: CARD.footer.size, bold: true, colour: STRENGTH_COLOURS[card.bench.band], anchor: 'end' });
    footerRight = right - measureText(benchText, { size: CARD.footer.size, weight: 'bold' }) - 8;
  }
  if (notes.length) {
    const tone = card.flags.some((flag) => flag.tone === 'danger') ? TONE.danger : card.flags.length ? TONE.warning : MUTED;
    out.push({ kind: 'text', x: x + CARD.padding, y: footerY, text: fitText(notes.join(' · '), { size: CARD.footer.size }, footerRight - x - CARD.padding), size: CARD.footer.size, colour: tone });
  }
  if (options.continuedOnPage !== undefined) {
    const label = `Continued on page ${options.continuedOnPage} ›`;
    const w = measureText(label, { size: 9, weight: 'bold' }) + 14;
    const bx = x + (CARD.width - w) / 2;
    out.push({ kind: 'rect', x: bx, y: y + CARD.height + 4, w, h: 16, r: 8, fill: '#edf2ff', stroke: '#4c6ef5', strokeWidth: 0.75 });
    out.push({ kind: 'text', x: x + CARD.width / 2, y: centredTop(y + CARD.height + 4, 16, 9), text: label, size: 9, bold: true, colour: '#364fc7', anchor: 'middle', goToPage: options.continuedOnPage });
  } else if (card.hidden > 0) {
    const label = `+${card.hidden.toLocaleString('en')} below`;
    const w = measureText(label, { size: 8.5 }) + 12;
    out.push({ kind: 'rect', x: x + (CARD.width - w) / 2, y: y + CARD.height - 7, w, h: 14, r: 7, fill: '#f1f3f5', stroke: RULE, strokeWidth: 0.75 });
    out.push({ kind: 'text', x: x + CARD.width / 2, y: centredTop(y + CARD.height - 7, 14, 8.5), text: label, size: 8.5, colour: MUTED, anchor: 'middle' });
  }
  return out;
}

export const edgePrimitives = (layout: ChartLayout): Primitive[] => layout.edges.map((edge) => ({ kind: 'line', points: edge.points, colour: CONNECTOR, width: 1.2 }));

/** Every card and connector of a layout (connectors first, so cards sit on top). */
export function chartPrimitives(scene: Pick<Scene, 'cards'>, layout: ChartLayout, options: { photos: boolean; continuations?: Map<string, number> }): Primitive[] {
  return [
    ...edgePrimitives(layout),
    ...layout.nodes.flatMap((node) => cardPrimitives(scene.cards.get(node.id)!, node, { photos: options.photos, continuedOnPage: options.continuations?.get(node.id) })),
  ];
}

export const LEGEND_HEIGHT = 58;

/** Readiness markers with their labels, what the badge and flags mean, and the bench-strength rule, from (x, y). */
export function legendPrimitives(levels: readonly ReadinessLevel[], x: number, y: number, width: number): Primitive[] {
  const out: Primitive[] = [{ kind: 'line', points: [[x, y], [x + width, y]], colour: RULE, width: 0.75 }];
  let cursor = x;
  out.push({ kind: 'text', x: cursor, y: y + 9, text: 'Readiness', size: 10, bold: true, colour: INK });
  cursor += measureText('Readiness', { size: 10, weight: 'bold' }) + 12;
  levels.forEach((level, band) => {
    const style = readinessStyle(band);
    out.push({ kind: 'marker', shape: style.shape, cx: cursor + 5, cy: y + 15.5, r: 4.5, fill: style.colour });
    const text = `${level.label} (${level.shortLabel})`;
    out.push({ kind: 'text', x: cursor + 14, y: y + 9, text, size: 10, colour: INK });
    cursor += 14 + measureText(text, { size: 10 }) + 18;
  });
  const badge = cursor + 6;
  out.push({ kind: 'rect', x: badge, y: y + 9, w: 30, h: 13, r: 3, fill: CRITICALITY_COLOURS.high, stroke: null });
  out.push({ kind: 'text', x: badge + 15, y: centredTop(y + 9, 13, 8), text: 'KEY', size: 8, bold: true, colour: '#ffffff', anchor: 'middle' });
  out.push({ kind: 'text', x: badge + 36, y: y + 9, text: 'Key position (badge colour: criticality high / medium / low)', size: 10, colour: INK });
  wrapText(`${STRENGTH_RULE} Flags on a card: risk and impact of losing its incumbent, the date they plan to leave.`, { size: 8.5 }, width, 2)
    .forEach((line, k) => out.push({ kind: 'text', x, y: y + 29 + k * 11.5, text: line, size: 8.5, colour: MUTED }));
  return out;
}
