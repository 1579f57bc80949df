// The chart as a vector PDF: fitted to one page, or tiled across A4/A3 landscape pages split by
// subtree (shared pagination), with an index page and clickable "continued on page N" links.
import PDFDocument from 'pdfkit';
import { fitScale, layoutTree, markerPoints, paginate, RULE, MUTED, INK, type ChartLayout, type ChartPage } from '../../../src-shared/domain/succession';
import { chartPrimitives, legendPrimitives, type Primitive, type Scene } from './scene';
import { fitText } from './fonts';
import { pdfText, registerPdfFonts } from './pdf-fonts';

type Pdf = PDFKit.PDFDocument;
export type Paper = 'A4' | 'A3';
const PAPER: Record<Paper, [number, number]> = { A4: [841.89, 595.28], A3: [1190.55, 841.89] };
const MARGIN = 28;
const HEADER = 40;
const FOOTER = 64;
/** Tiled pages keep cards at least this large (text about 6 pt and up). */
export const MIN_TILE_SCALE = 0.55;

export interface PdfOptions {
  layout: 'fit' | 'tiled';
  paper: Paper;
  photos: boolean;
  photoData: Map<string, Buffer>;
  generatedAt: string;
}

/** The drawing area of a chart page, in points. */
export function chartFrame(paper: Paper) {
  const [width, height] = PAPER[paper];
  return { width: width - 2 * MARGIN, height: height - 2 * MARGIN - HEADER - FOOTER, minScale: MIN_TILE_SCALE };
}

export async function chartPdf(scene: Scene, options: PdfOptions): Promise<{ pdf: Buffer; pages: number }> {
  const doc = new PDFDocument({ size: options.paper, layout: 'landscape', margin: 0, autoFirstPage: false, bufferPages: true, info: { Title: `${scene.title} — ${scene.subtitle}`, Author: 'Canopy', Creator: 'Canopy' } });
  registerPdfFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => (doc.on('end', resolve), doc.on('error', reject)));
  if (options.layout === 'fit') drawFitted(doc, scene, options);
  else drawTiled(doc, scene, options);
  const { count } = doc.bufferedPageRange();
  for (let page = 0; page < count; page++) {
    doc.switchToPage(page);
    drawFooter(doc, scene, options, page + 1, count);
  }
  doc.end();
  await ended;
  return { pdf: Buffer.concat(chunks), pages: count };
}

function newPage(doc: Pdf, number: number): void {
  doc.addPage({ size: doc.options.size, layout: 'landscape', margin: 0 });
  doc.addNamedDestination(`page-${number}`);
}

/** Teams stacked as deep as makes the whole chart largest on the page (a wide chart gets taller columns). */
function fittedLayout(scene: Scene, frame: { width: number; height: number }): ChartLayout {
  let best = scene.layout;
  for (const stackRows of [3, 4, 6, 8, 10, 14, 20, 30]) {
    const trial = layoutTree(scene.tree.nodes, { stackRows });
    if (fitScale(trial, { ...frame, minScale: 0 }) > fitScale(best, { ...frame, minScale: 0 })) best = trial;
  }
  return best;
}

function drawFitted(doc: Pdf, scene: Scene, options: PdfOptions): void {
  newPage(doc, 1);
  drawHeader(doc, scene.title, scene.subtitle, null);
  const frame = chartFrame(options.paper);
  drawLayout(doc, scene, fittedLayout(scene, frame), frame, options, new Map());
}

function drawTiled(doc: Pdf, scene: Scene, options: PdfOptions): void {
  const frame = chartFrame(options.paper);
  const pages = paginate(scene.tree.nodes, frame);
  const rowsPerIndexPage = Math.floor((PAPER[options.paper][1] - 2 * MARGIN - HEADER - FOOTER - 30) / 16);
  const indexPages = Math.max(1, Math.ceil(pages.length / rowsPerIndexPage));
  const pageNumber = (chartPage: number) => indexPages + chartPage + 1;
  drawIndex(doc, scene, pages, indexPages, rowsPerIndexPage, pageNumber);
  for (const page of pages) {
    newPage(doc, pageNumber(page.index));
    const root = scene.data.positions.find((position) => position.id === page.rootId)!;
    const part = page.part ? ` (part ${page.part.number} of ${page.part.of})` : '';
    drawHeader(doc, `${root.title}${part}`, `${scene.title} · ${root.departmentName ?? ''}${root.incumbent ? ` · ${root.incumbent.name}` : ''}`,
      page.continuedFrom ? { text: `‹ Continued from page ${pageNumber(page.continuedFrom.pageIndex)}`, page: pageNumber(page.continuedFrom.pageIndex) } : { text: '‹ Index', page: 1 });
    const continuations = new Map(page.continuations.map((c) => [c.nodeId, pageNumber(c.pageIndex)]));
    drawLayout(doc, scene, page.layout, frame, options, continuations);
  }
}

/** The index: every page with the position it starts at, indented under the page it continues. */
function drawIndex(doc: Pdf, scene: Scene, pages: ChartPage[], indexPages: number, perPage: number, pageNumber: (index: number) => number): void {
  const depth = new Map<number, number>();
  for (const page of pages) depth.set(page.index, page.continuedFrom ? (depth.get(page.continuedFrom.pageIndex) ?? 0) + 1 : 0);
  const [paperWidth] = PAPER[doc.options.size as Paper];
  for (let k = 0; k < indexPages; k++) {
    newPage(doc, k + 1);
    drawHeader(doc, k === 0 ? scene.title : `${scene.title} — index (continued)`, `${scene.subtitle} · ${pages.length} chart pages`, null);
    let y = MARGIN + HEADER + 8;
    text(doc, { kind: 'text', x: MARGIN, y, text: 'Page', size: 9, bold: true, colour: MUTED });
    text(doc, { kind: 'text', x: MARGIN + 44, y, text: 'Starts at', size: 9, bold: true, colour: MUTED });
    y += 16;
    for (const page of pages.slice(k * perPage, (k + 1) * perPage)) {
      const root = scene.data.positions.find((position) => position.id === page.rootId)!;
      const indent = Math.min(depth.get(page.index)!, 8) * 14;
      const number = pageNumber(page.index);
      const label = `${root.title}${page.part ? ` (part ${page.part.number} of ${page.part.of})` : ''}${root.incumbent ? ` — ${root.incumbent.name}` : ' — vacant'}${root.departmentName ? ` · ${root.departmentName}` : ''}`;
      text(doc, { kind: 'text', x: MARGIN, y, text: String(number), size: 10, bold: true, colour: '#364fc7' });
      text(doc, { kind: 'text', x: MARGIN + 44 + indent, y, text: fitText(label, { size: 10 }, paperWidth - 2 * MARGIN - 60 - indent), size: 10, colour: INK });
      doc.goTo(MARGIN, y, paperWidth - 2 * MARGIN, 14, `page-${number}`);
      y += 16;
    }
  }
}

function drawHeader(doc: Pdf, title: string, subtitle: string, back: { text: string; page: number } | null): void {
  const [width] = PAPER[doc.options.size as Paper];
  text(doc, { kind: 'text', x: MARGIN, y: MARGIN - 4, text: fitText(title, { size: 16, weight: 'bold' }, width - 2 * MARGIN - 170), size: 16, bold: true, colour: INK });
  text(doc, { kind: 'text', x: MARGIN, y: MARGIN + 18, text: fitText(subtitle, { size: 9 }, width - 2 * MARGIN - 170), size: 9, colour: MUTED });
  if (back) {
    text(doc, { kind: 'text', x: width - MARGIN, y: MARGIN, text: back.text, size: 10, bold: true, colour: '#364fc7', anchor: 'end' });
    doc.goTo(width - MARGIN - 170, MARGIN - 2, 170, 16, `page-${back.page}`);
  }
  doc.moveTo(MARGIN, MARGIN + HEADER - 6).lineTo(width - MARGIN, MARGIN + HEADER - 6).lineWidth(0.5).strokeColor(RULE).stroke();
}

function drawFooter(doc: Pdf, scene: Scene, options: PdfOptions, page: number, pages: number): void {
  const [width, height] = PAPER[options.paper];
  for (const p of legendPrimitives(scene.data.readiness, MARGIN, height - MARGIN - FOOTER + 6, width - 2 * MARGIN)) drawPrimitive(doc, p, options);
  text(doc, { kind: 'text', x: MARGIN, y: height - MARGIN + 4, text: `Canopy · ${scene.title} · generated ${options.generatedAt.slice(0, 16).replace('T', ' ')} UTC`, size: 8, colour: MUTED });
  text(doc, { kind: 'text', x: width - MARGIN, y: height - MARGIN + 4, text: `Page ${page} of ${pages}`, size: 8, colour: MUTED, anchor: 'end' });
}

/** A layout scaled (never up) and centred into the chart frame below the header. */
function drawLayout(doc: Pdf, scene: Scene, layout: ChartLayout, frame: { width: number; height: number }, options: PdfOptions, continuations: Map<string, number>): void {
  const scale = fitScale(layout, { ...frame, minScale: 0 });
  const x = MARGIN + (frame.width - layout.width * scale) / 2;
  const y = MARGIN + HEADER;
  doc.save();
  doc.translate(x, y).scale(scale);
  for (const p of chartPrimitives(scene, layout, { photos: options.photos, continuations })) drawPrimitive(doc, p, options);
  doc.restore();
}

function drawPrimitive(doc: Pdf, p: Primitive, options: Pick<PdfOptions, 'photoData'>): void {
  switch (p.kind) {
    case 'rect':
      doc.roundedRect(p.x, p.y, p.w, p.h, p.r).lineWidth(p.strokeWidth ?? 1);
      if (p.fill && p.stroke) doc.fillAndStroke(p.fill, p.stroke);
      else if (p.fill) doc.fill(p.fill);
      else if (p.stroke) doc.stroke(p.stroke);
      return;
    case 'circle':
      doc.circle(p.cx, p.cy, p.r).lineWidth(0.75);
      if (p.stroke) doc.fillAndStroke(p.fill, p.stroke);
      else doc.fill(p.fill);
      return;
    case 'text':
      return text(doc, p);
    case 'marker':
      doc.polygon(...markerPoints(p.shape, p.cx, p.cy, p.r)).fill(p.fill);
      return;
    case 'line': {
      const [first, ...rest] = p.points;
      doc.moveTo(first[0], first[1]);
      for (const [px, py] of rest) doc.lineTo(px, py);
      doc.lineWidth(p.width).lineJoin('round').strokeColor(p.colour).stroke();
      return;
    }
    case 'photo': {
      const data = options.photoData.get(p.employeeId);
      if (!data) return;
      doc.save();
      doc.circle(p.x + p.size / 2, p.y + p.size / 2, p.size / 2).clip();
      doc.image(data, p.x, p.y, { width: p.size, height: p.size });
      doc.restore();
      return;
    }
  }
}

/** Text with its top at p.y (baseline at 0.8 of the size, as in the SVG), anchored like SVG's text-anchor. */
function text(doc: Pdf, p: Extract<Primitive, { kind: 'text' }>): void {
  const { x, width } = pdfText(doc, p.text, p.x, p.y, p);
  if (p.goToPage !== undefined) doc.goTo(x - 6, p.y - 3, width + 12, p.size + 6, `page-${p.goToPage}`);
}
