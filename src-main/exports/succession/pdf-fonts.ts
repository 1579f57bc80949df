// Fonts of the chart PDF. Until the shared Unicode font module is merged, pdfkit's built-in Helvetica.
type Pdf = PDFKit.PDFDocument;

const FACES = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' } as const;

export function registerPdfFonts(_doc: Pdf): void {}

export function pdfFont(doc: Pdf, style: keyof typeof FACES): Pdf {
  return doc.font(FACES[style]);
}

/** The current font's ascent at `size` (pdfkit puts the baseline this far below the y it is given). */
export function pdfAscent(doc: Pdf, size: number): number {
  const font = (doc as unknown as { _font: { ascender: number } })._font;
  return (font.ascender / 1000) * size;
}
