// A4 report documents: title block, running footer with page numbers, and collection into a Buffer.
import PDFDocument from 'pdfkit';
import { INK, MUTED, RULE } from './colours';

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
  return new PDFDocument({
    size: 'A4',
    layout,
    margins: { top: MARGIN, bottom: MARGIN + FOOTER_GAP, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: `${meta.title} — ${meta.organisation}`, Author: 'Canopy', Creator: 'Canopy', CreationDate: new Date(meta.generatedAt) },
  });
}

export const contentWidth = (doc: Pdf) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
export const contentBottom = (doc: Pdf) => doc.page.height - doc.page.margins.bottom;

/** Organisation and title on the left, as-of and generated time on the right, a rule below. */
export function drawTitleBlock(doc: Pdf, meta: ReportMeta): void {
  const left = doc.page.margins.left;
  const top = doc.page.margins.top;
  const width = contentWidth(doc);
  doc.font('Helvetica').fontSize(9).fillColor(MUTED).text(meta.organisation.toUpperCase(), left, top, { width: width * 0.65, characterSpacing: 0.6 });
  doc.font('Helvetica-Bold').fontSize(18).fillColor(INK).text(meta.title, left, top + 14, { width: width * 0.65 });
  let bottom = doc.y;
  if (meta.subtitle) {
    doc.font('Helvetica').fontSize(11).fillColor(INK).text(meta.subtitle, left, bottom + 2, { width: width * 0.65 });
    bottom = doc.y;
  }
  doc.font('Helvetica').fontSize(9).fillColor(MUTED);
  doc.text(`As of ${meta.asOf}`, left, top + 2, { width, align: 'right' });
  doc.text(`Generated ${formatTimestamp(meta.generatedAt)}`, left, top + 15, { width, align: 'right' });
  const ruleY = Math.max(bottom, top + 30) + 8;
  doc.moveTo(left, ruleY).lineTo(left + width, ruleY).lineWidth(0.75).strokeColor(RULE).stroke();
  doc.x = left;
  doc.y = ruleY + 14;
}

/** A section heading; starts a new page when there is no room for it and a few lines below. */
export function drawHeading(doc: Pdf, text: string, roomBelow = 80): void {
  if (doc.y + 18 + roomBelow > contentBottom(doc)) doc.addPage();
  doc.font('Helvetica-Bold').fontSize(12).fillColor(INK).text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
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
    drawFooter(doc, `${meta.organisation} · ${meta.title}`, `Page ${page - start + 1} of ${count}`);
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

function drawFooter(doc: Pdf, left: string, right: string): void {
  const bottomMargin = doc.page.margins.bottom;
  // Text below the bottom margin would otherwise start a new page.
  doc.page.margins.bottom = 0;
  const x = doc.page.margins.left;
  const width = contentWidth(doc);
  const y = doc.page.height - MARGIN - 8;
  doc.moveTo(x, y - 6).lineTo(x + width, y - 6).lineWidth(0.5).strokeColor(RULE).stroke();
  doc.font('Helvetica').fontSize(8).fillColor(MUTED);
  doc.text(left, x, y, { width: width * 0.75, lineBreak: false });
  doc.text(right, x, y, { width, align: 'right', lineBreak: false });
  doc.page.margins.bottom = bottomMargin;
}

/** "2025-03-14 09:05" in the local time zone of the machine that exports. */
function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
