// The chart as a PowerPoint deck of native, editable shapes: each position one rounded box holding its
// text (title, incumbent, successors with readiness markers), connectors as line shapes, photos as
// pictures; one slide per subtree (the PDF's pagination), an index slide and links between slides.
import PptxGenJS from 'pptxgenjs';
import {
  CARD, CONNECTOR, CRITICALITY_COLOURS, INK, KEY_FILL, MUTED, paginate, readinessStyle, RULE, STRENGTH_COLOURS, STRENGTH_RULE, fitScale,
  type CardModel, type ChartLayout, type ChartPage, type MarkerShape, type PlacedNode,
} from '../../../src-shared/domain/succession';
import { PPTX_FONT } from './fonts';
import { deflateZip } from './zip';
import type { Scene } from './scene';

const SLIDE = { width: 13.333, height: 7.5 };
const MARGIN = 0.35;
const HEADER = 0.7;
const FOOTER = 0.45;
/** Slides keep cards at least this large (text about 6 pt and up). */
const MIN_SCALE = 0.55;
const GLYPH: Record<MarkerShape, string> = { circle: '●', diamond: '♦', triangle: '▲', square: '■' };
const hex = (colour: string) => colour.replace('#', '').toUpperCase();

export interface PptxOptions {
  photos: boolean;
  photoData: Map<string, Buffer>;
  generatedAt: string;
}

/** The area a slide gives the chart, in points (the layout's units). */
export const slideFrame = () => ({ width: (SLIDE.width - 2 * MARGIN) * 72, height: (SLIDE.height - 2 * MARGIN - HEADER - FOOTER) * 72, minScale: MIN_SCALE });

export async function chartPptx(scene: Scene, options: PptxOptions): Promise<{ pptx: Buffer; slides: number }> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = `${scene.title} — ${scene.subtitle}`;
  pptx.author = 'Canopy';
  pptx.company = 'Canopy';
  pptx.theme = { headFontFace: PPTX_FONT, bodyFontFace: PPTX_FONT };
  const pages = paginate(scene.tree.nodes, slideFrame());
  const slideOf = (pageIndex: number) => pageIndex + 2;
  drawIndexSlide(pptx, scene, pages, slideOf);
  for (const page of pages) drawPageSlide(pptx, scene, page, slideOf, options);
  const buffer = await deflateZip((await pptx.write({ outputType: 'nodebuffer' })) as Buffer);
  return { pptx: buffer, slides: pages.length + 1 };
}

function drawIndexSlide(pptx: PptxGenJS, scene: Scene, pages: ChartPage[], slideOf: (index: number) => number): void {
  const slide = pptx.addSlide();
  header(slide, scene.title, `${scene.subtitle} · ${pages.length} chart slide${pages.length === 1 ? '' : 's'}`);
  const depth = new Map<number, number>();
  for (const page of pages) depth.set(page.index, page.continuedFrom ? (depth.get(page.continuedFrom.pageIndex) ?? 0) + 1 : 0);
  // Two columns of links; a very large chart lists its first slides and says how many follow.
  const perColumn = 24;
  const shown = pages.slice(0, perColumn * 2);
  shown.forEach((page, k) => {
    const column = Math.floor(k / perColumn);
    const row = k % perColumn;
    const root = scene.data.positions.find((position) => position.id === page.rootId)!;
    const indent = Math.min(depth.get(page.index)!, 6) * 0.15;
    const label = `${slideOf(page.index)}   ${root.title}${page.part ? ` (part ${page.part.number}/${page.part.of})` : ''}${root.incumbent ? ` — ${root.incumbent.name}` : ''}`;
    slide.addText(label, {
      x: MARGIN + column * 6.4 + indent, y: MARGIN + HEADER + row * 0.24, w: 6.2 - indent, h: 0.24, fontFace: PPTX_FONT, fontSize: 10, color: hex(INK),
      margin: 0, valign: 'middle', fit: 'none', hyperlink: { slide: slideOf(page.index), tooltip: `Go to slide ${slideOf(page.index)}` },
    });
  });
  if (pages.length > shown.length) {
    slide.addText(`… and ${pages.length - shown.length} more slides`, { x: MARGIN, y: SLIDE.height - MARGIN - FOOTER, w: 6, h: 0.3, fontFace: PPTX_FONT, fontSize: 10, italic: true, color: hex(MUTED), margin: 0 });
  }
}

function drawPageSlide(pptx: PptxGenJS, scene: Scene, page: ChartPage, slideOf: (index: number) => number, options: PptxOptions): void {
  const slide = pptx.addSlide();
  const root = scene.data.positions.find((position) => position.id === page.rootId)!;
  const part = page.part ? ` (part ${page.part.number} of ${page.part.of})` : '';
  header(slide, `${root.title}${part}`, `${scene.title} · ${root.departmentName ?? ''}${root.incumbent ? ` · ${root.incumbent.name}` : ''}`);
  const back = page.continuedFrom ? { text: `‹ Continued from slide ${slideOf(page.continuedFrom.pageIndex)}`, slide: slideOf(page.continuedFrom.pageIndex) } : { text: '‹ Index', slide: 1 };
  slide.addText(back.text, { x: SLIDE.width - MARGIN - 3, y: MARGIN, w: 3, h: 0.3, align: 'right', fontFace: PPTX_FONT, fontSize: 10, bold: true, color: '364FC7', margin: 0, hyperlink: { slide: back.slide } });
  const frame = slideFrame();
  const scale = fitScale(page.layout, { ...frame, minScale: 0 });
  const toInch = (units: number) => (units * scale) / 72;
  const left = MARGIN + ((frame.width - page.layout.width * scale) / 72) / 2;
  const top = MARGIN + HEADER;
  drawConnectors(pptx, slide, page.layout, (x) => left + toInch(x), (y) => top + toInch(y), toInch(1.2));
  const continuations = new Map(page.continuations.map((c) => [c.nodeId, slideOf(c.pageIndex)]));
  for (const node of page.layout.nodes) {
    drawCard(pptx, slide, scene.cards.get(node.id)!, node, { x: left + toInch(node.x), y: top + toInch(node.y), scale }, options, continuations.get(node.id));
  }
  legend(slide, scene);
}

function header(slide: PptxGenJS.Slide, title: string, subtitle: string): void {
  slide.addText(title, { x: MARGIN, y: MARGIN - 0.05, w: SLIDE.width - 2 * MARGIN - 3.2, h: 0.4, fontFace: PPTX_FONT, fontSize: 20, bold: true, color: hex(INK), margin: 0, fit: 'shrink' });
  slide.addText(subtitle, { x: MARGIN, y: MARGIN + 0.33, w: SLIDE.width - 2 * MARGIN - 3.2, h: 0.25, fontFace: PPTX_FONT, fontSize: 10, color: hex(MUTED), margin: 0 });
}

/** Elbow connectors as straight line shapes, one per segment. */
function drawConnectors(pptx: PptxGenJS, slide: PptxGenJS.Slide, layout: ChartLayout, x: (u: number) => number, y: (u: number) => number, width: number): void {
  for (const edge of layout.edges) {
    for (let k = 1; k < edge.points.length; k++) {
      const [x1, y1] = edge.points[k - 1];
      const [x2, y2] = edge.points[k];
      slide.addShape(pptx.ShapeType.line, {
        x: x(Math.min(x1, x2)), y: y(Math.min(y1, y2)), w: Math.abs(x(x2) - x(x1)), h: Math.abs(y(y2) - y(y1)),
        line: { color: hex(CONNECTOR), width: Math.max(0.5, width * 72) },
      });
    }
  }
}

/** One card: a single rounded box holding all its text (editable as one shape), its photo and badge beside. */
function drawCard(pptx: PptxGenJS, slide: PptxGenJS.Slide, card: CardModel, node: PlacedNode, at: { x: number; y: number; scale: number }, options: PptxOptions, continuedOn?: number): void {
  const s = at.scale;
  const inch = (units: number) => (units * s) / 72;
  const pt = (size: number) => Math.max(1, Math.round(size * s * 10) / 10);
  const keyColour = card.criticality ? CRITICALITY_COLOURS[card.criticality] : INK;
  const photoSpace = options.photos ? CARD.textWithPhoto : CARD.padding;
  const runs: PptxGenJS.TextProps[] = [
    { text: card.title, options: { bold: true, fontSize: pt(CARD.title.size), color: hex(INK), breakLine: true } },
    { text: card.incumbentName, options: { fontSize: pt(CARD.incumbent.size), italic: card.vacant, color: hex(card.vacant ? MUTED : INK), breakLine: true } },
    { text: card.detail || ' ', options: { fontSize: pt(CARD.detail.size), color: hex(MUTED), breakLine: true, paraSpaceAfter: pt(4) } },
  ];
  if (card.isKey && card.successors.length === 0) runs.push({ text: 'No successors nominated', options: { fontSize: pt(CARD.successors.size), italic: true, color: 'C92A2A', breakLine: true } });
  for (const successor of card.successors) {
    runs.push({ text: `${GLYPH[successor.shape]} `, options: { fontSize: pt(CARD.successors.size), color: hex(successor.colour) } });
    runs.push({ text: `${successor.name}${successor.external ? ' (external)' : ''}`, options: { fontSize: pt(CARD.successors.size), color: hex(INK) } });
    runs.push({ text: ` · ${successor.emergency ? 'Interim · ' : ''}${successor.readiness}`, options: { fontSize: pt(9), bold: true, color: hex(successor.colour === '#f0a202' ? '#a86b00' : successor.colour), breakLine: true } });
  }
  const notes = [...(card.more ? [`+${card.more} more`] : []), ...card.flags.map((flag) => flag.text), ...(card.bench ? [card.bench.label] : []), ...(card.hidden && continuedOn === undefined ? [`+${card.hidden} below`] : [])];
  if (notes.length) runs.push({ text: notes.join(' · '), options: { fontSize: pt(CARD.footer.size), bold: Boolean(card.bench), color: hex(card.bench ? STRENGTH_COLOURS[card.bench.band] : MUTED) } });
  slide.addText(runs, {
    shape: pptx.ShapeType.roundRect, rectRadius: 0.08, x: at.x, y: at.y, w: inch(CARD.width), h: inch(CARD.height),
    fill: { color: hex(card.isKey ? KEY_FILL : '#ffffff') }, line: { color: hex(card.isKey ? keyColour : RULE), width: card.isKey ? 1.25 : 0.75 },
    fontFace: PPTX_FONT, valign: 'top', align: 'left', // pptxgenjs reads a margin array as [left, right, bottom, top].
    margin: [pt(photoSpace), pt(8), pt(4), pt(8)], fit: 'none', objectName: `Position: ${card.title}`,
  });
  if (card.isKey) {
    slide.addText('KEY', {
      // On the card's top edge, like a tab, clear of the text that flows inside the card.
      shape: pptx.ShapeType.roundRect, rectRadius: 0.2, x: at.x + inch(CARD.width - CARD.padding - CARD.badge.width), y: at.y - inch(CARD.badge.height / 2), w: inch(CARD.badge.width), h: inch(CARD.badge.height),
      fill: { color: hex(keyColour) }, line: { color: hex(keyColour), width: 0 }, fontFace: PPTX_FONT, fontSize: pt(8), bold: true, color: 'FFFFFF', align: 'center', valign: 'middle', margin: 0,
    });
  }
  if (options.photos && card.incumbentId) {
    const data = options.photoData.get(card.incumbentId);
    const { x, y, size } = CARD.photo;
    if (data) slide.addImage({ data: `image/png;base64,${data.toString('base64')}`, x: at.x + inch(x), y: at.y + inch(y), w: inch(size), h: inch(size), rounding: true });
    else {
      slide.addText(card.initials, {
        shape: pptx.ShapeType.ellipse, x: at.x + inch(x), y: at.y + inch(y), w: inch(size), h: inch(size), fill: { color: 'E9ECEF' }, line: { color: hex(RULE), width: 0.5 },
        fontFace: PPTX_FONT, fontSize: pt(11), bold: true, color: hex(MUTED), align: 'center', valign: 'middle', margin: 0,
      });
    }
  }
  if (continuedOn !== undefined) {
    slide.addText(`Continued on slide ${continuedOn} ›`, {
      shape: pptx.ShapeType.roundRect, rectRadius: 0.5, x: at.x + inch(CARD.width / 2 - 70), y: at.y + inch(CARD.height + 4), w: inch(140), h: inch(16),
      fill: { color: 'EDF2FF' }, line: { color: '4C6EF5', width: 0.5 }, fontFace: PPTX_FONT, fontSize: pt(9), bold: true, color: '364FC7', align: 'center', valign: 'middle', margin: 0,
      hyperlink: { slide: continuedOn, tooltip: `Go to slide ${continuedOn}` },
    });
  }
}

function legend(slide: PptxGenJS.Slide, scene: Scene): void {
  const runs: PptxGenJS.TextProps[] = [{ text: 'Readiness  ', options: { bold: true, color: hex(INK) } }];
  scene.data.readiness.forEach((level, band) => {
    const style = readinessStyle(band);
    runs.push({ text: `${GLYPH[style.shape]} `, options: { color: hex(style.colour) } });
    runs.push({ text: `${level.label} (${level.shortLabel})     `, options: { color: hex(INK) } });
  });
  runs.push({ text: 'KEY badge: key position, coloured by criticality.', options: { color: hex(INK), breakLine: true } });
  runs.push({ text: STRENGTH_RULE, options: { color: hex(MUTED), fontSize: 7 } });
  slide.addText(runs, { x: MARGIN, y: SLIDE.height - MARGIN - FOOTER + 0.05, w: SLIDE.width - 2 * MARGIN, h: FOOTER, fontFace: PPTX_FONT, fontSize: 9, margin: 0, valign: 'top' });
}
