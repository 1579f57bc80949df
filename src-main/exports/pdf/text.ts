// Text in the PDF reports, in any script: every string goes through the shared text layout
// (font fallback per run, line breaking, bidi order) and each run is drawn in its embedded Noto face.
// pdfkit subsets each face to the glyphs a document uses.
import type * as fontkit from 'fontkit';
import { faceBytes, faceFont } from '../fonts/faces';
import { ALL_FACES } from '../fonts/font-files';
import { BASELINE, layoutText, lineHeight, measureText, type TextLayout, type TextLine, type TextStyle } from '../fonts/text-layout';
type Pdf = PDFKit.PDFDocument;

export interface TextOptions extends TextStyle {
  colour?: string;
  /** Wrap (and align) within this width; without it each paragraph is one line, left-aligned at x. */
  width?: number;
  align?: 'left' | 'right' | 'center';
  /** At most this many lines, the last cut with "…" when text is left over (1: a single, cut line). */
  maxLines?: number;
}

/** Makes every bundled face available to the document; pdfkit reads and embeds only the faces used. */
export function registerFonts(doc: Pdf): void {
  for (const face of ALL_FACES) doc.registerFont(face, faceBytes(face));
}

/** What pdfkit keeps per document about its fonts (not part of its typed API). */
interface FontInternals {
  _font?: { constructor: EmbeddedFontClass; font?: unknown };
  _fontFamilies?: Record<string, unknown>;
  _fontCount?: number;
}
type EmbeddedFontClass = new (doc: Pdf, font: fontkit.Font, id: string) => unknown;
let embeddedFontClass: EmbeddedFontClass | null | undefined;

/**
 * Selects a face for drawing. pdfkit opens a registered font anew in every document and parses its
 * layout tables again (40–60 ms a face); here documents share the process's parsed fonts (faceFont)
 * through pdfkit's own embedded-font class, learnt from the first font pdfkit opens itself. Should
 * pdfkit's internals differ from what this expects, it falls back to pdfkit's own way.
 */
function useFace(doc: Pdf, face: string): void {
  const internals = doc as unknown as FontInternals;
  const families = internals._fontFamilies;
  if (embeddedFontClass && families && !families[face] && typeof internals._fontCount === 'number') {
    families[face] = new embeddedFontClass(doc, faceFont(face), `F${++internals._fontCount}`);
  }
  doc.font(face);
  if (embeddedFontClass === undefined) {
    const opened = internals._font;
    embeddedFontClass = opened && typeof opened.font === 'object' && families?.[face] === opened ? opened.constructor : null;
  }
}

/** Draws text with its top-left at (x, y), without page breaks; leaves doc.x at x and doc.y below the text. */
export function drawText(doc: Pdf, text: string, x: number, y: number, options: TextOptions): TextLayout {
  const layout = layoutText(text, options, { width: options.width, maxLines: options.maxLines });
  if (options.colour) doc.fillColor(options.colour);
  layout.lines.forEach((line, index) => drawLine(doc, line, x, y + index * lineHeight(options.size), options));
  doc.x = x;
  doc.y = y + layout.height;
  return layout;
}

/**
 * Writes a paragraph from doc.y down, at the left margin (plus indent), wrapped to `width` (the rest of
 * the line by default), continuing on a new page when it reaches the bottom margin, as pdfkit's text does.
 */
export function writeParagraph(doc: Pdf, text: string, options: TextOptions & { indent?: number }): void {
  const x = doc.page.margins.left + (options.indent ?? 0);
  const width = options.width ?? doc.page.width - doc.page.margins.right - x;
  const layout = layoutText(text, options, { width, maxLines: options.maxLines });
  const step = lineHeight(options.size);
  if (options.colour) doc.fillColor(options.colour);
  let y = doc.y;
  for (const line of layout.lines) {
    if (y + step > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      if (options.colour) doc.fillColor(options.colour);
      y = doc.page.margins.top;
    }
    drawLine(doc, line, x, y, { ...options, width });
    y += step;
  }
  doc.x = doc.page.margins.left;
  doc.y = y;
}

/** The width the text takes on one line, in points. */
export function textWidth(text: string, style: TextStyle): number {
  return measureText(text, style);
}

function drawLine(doc: Pdf, line: TextLine, x: number, top: number, options: TextOptions): void {
  const free = options.width === undefined ? 0 : options.width - line.width;
  const start = x + (options.align === 'right' ? free : options.align === 'center' ? free / 2 : 0);
  const baseline = top + options.size * BASELINE;
  for (const run of line.runs) {
    useFace(doc, run.face);
    doc.fontSize(options.size);
    // `features` makes pdfkit shape the run as a whole, as the layout measured it; pdfkit otherwise shapes
    // word by word, which would leave the words of a right-to-left run in logical order.
    doc.text(run.text, start + run.x, baseline, { lineBreak: false, baseline: 'alphabetic', features: [], characterSpacing: options.characterSpacing });
  }
}
