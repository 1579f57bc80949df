// Text in the chart PDF: the shared Unicode text layout and embedded Noto faces (any script, Arabic
// shaped and right to left), anchored like SVG's text-anchor.
import { drawText, registerFonts } from '../pdf/text';
import { BASELINE, measureText, primaryFace, simpleGlyphs } from './fonts';

type Pdf = PDFKit.PDFDocument;

export const registerPdfFonts = (doc: Pdf) => registerFonts(doc);

export interface PdfTextOptions {
  size: number;
  bold?: boolean;
  italic?: boolean;
  colour: string;
  anchor?: 'start' | 'end' | 'middle';
}

/** Draws one line with its top at y; returns where it went (for links). */
export function pdfText(doc: Pdf, text: string, x: number, y: number, options: PdfTextOptions): { x: number; width: number } {
  const style = { size: options.size, weight: options.bold ? ('bold' as const) : ('regular' as const), italic: options.italic };
  const width = measureText(text, style);
  const left = options.anchor === 'end' ? x - width : options.anchor === 'middle' ? x - width / 2 : x;
  if (simpleGlyphs(text, style)) {
    // Left-to-right text of the primary face: pdfkit lays it out word by word with its per-document cache.
    doc.font(primaryFace(style)).fontSize(options.size).fillColor(options.colour);
    doc.text(text, left, y + options.size * BASELINE, { lineBreak: false, baseline: 'alphabetic' });
  } else drawText(doc, text, left, y, { ...style, colour: options.colour });
  return { x: left, width };
}
