// A4 report documents: title block, running footer with page numbers, and collection into a Buffer.
import PDFDocument from 'pdfkit';
import { INK, MUTED, RULE } from './colours';
import { isolate } from '../fonts/text-layout';
import { drawText, registerFonts } from './text';

export type Pdf = PDFKit.PDFDocument;
export type Layout = 'portrait' | 'landscape';

export interface ReportMeta {
  /** Who the report is about, e.g. the organisation's name; shown above the title and in the footer. */
  organisation: string;
  title: string;
  subtitle?: string;
  asOf: string;
  /** ISO timestamp of the export. */
  generatedAt: string;
}

export const MARGIN = 40;
const FOOTER_GAP = 24;

export function createReport(meta: ReportMeta, layout: Layout = 'portrait'): Pdf {
  const doc = new PDFDocument({
    size: 'A4',
    layout,
    margins: { top: MARGIN, bottom: MARGIN + FOOTER_GAP, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: `${meta.title} — ${meta.organisation}`, Author: 'Canopy', Creator: 'Canopy', CreationDate: new Date(meta.generatedAt) },
  });
  registerFonts(doc);
  return doc;
}

export const contentWidth = (doc: Pdf) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
export const contentBottom = (doc: Pdf) => doc.page.height - doc.page.margins.bottom;

/** Organisation and title on the left, as-of and generated time on the right, a rule below. */
export function drawTitleBlock(doc: Pdf, meta: ReportMeta): void {
  const left = doc.page.margins.left;
  const top = doc.page.margins.top;
  const width = contentWidth(doc);
  const titleWidth = width * 0.65;
  drawText(doc, meta.organisation.toUpperCase(), left, top, { size: 9, colour: MUTED, width: titleWidth, maxLines: 1, characterSpacing: 0.6 });
  drawText(doc, meta.title, left, top + 14, { size: 18, weight: 'bold', colour: INK, width: titleWidth });
  if (meta.subtitle) drawText(doc, meta.subtitle, left, doc.y + 2, { size: 11, colour: INK, width: titleWidth });
  const bottom = doc.y;
  drawText(doc, `As of ${meta.asOf}`, left, top + 2, { size: 9, colour: MUTED, width, align: 'right', maxLines: 1 });
  drawText(doc, `Generated ${formatTimestamp(meta.generatedAt)}`, left, top + 15, { size: 9, colour: MUTED, width, align: 'right', maxLines: 1 });
  const ruleY = Math.max(bottom, top + 30) + 8;
  doc.moveTo(left, ruleY).lineTo(left + width, ruleY).lineWidth(0.75).strokeColor(RULE).stroke();
  doc.x = left;
  doc.y = ruleY + 14;
}

/** A section heading; starts a new page when there is no room for it and a few lines below. */
export function drawHeading(doc: Pdf, text: string, roomBelow = 80): void {
  if (doc.y + 18 + roomBelow > contentBottom(doc)) doc.addPage();
  drawText(doc, text, doc.page.margins.left, doc.y, { size: 12, weight: 'bold', colour: INK, width: contentWidth(doc) });
  doc.y += 6;
}

/** Writes "organisation · title" and "Page n of m" on every page, then ends the document. */
export async function finishReport(doc: Pdf, meta: ReportMeta): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const { start, count } = doc.bufferedPageRange();
  for (let page = start; page < start + count; page++) {
    doc.switchToPage(page);
    drawFooter(doc, `${isolate(meta.organisation)} · ${meta.title}`, `Page ${page - start + 1} of ${count}`);
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

function drawFooter(doc: Pdf, left: string, right: string): void {
  const x = doc.page.margins.left;
  const width = contentWidth(doc);
  const y = doc.page.height - MARGIN - 8;
  doc.moveTo(x, y - 6).lineTo(x + width, y - 6).lineWidth(0.5).strokeColor(RULE).stroke();
  drawText(doc, left, x, y, { size: 8, colour: MUTED, width: width * 0.75, maxLines: 1 });
  drawText(doc, right, x, y, { size: 8, colour: MUTED, width, align: 'right', maxLines: 1 });
}

/** "2025-03-14 09:05" in the local time zone of the machine that exports. */
function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
