// Text measuring and fitting for the chart exports. Every format draws the same fitted strings,
// so a name cut with "…" on the PDF is cut at the same place in the SVG, the PNG and the PPTX.
import PDFDocument from 'pdfkit';

/** The family the SVG and PPTX ask for (the PDF and PNG embed or load it). */
export const FONT_FAMILY = "'Noto Sans', 'Segoe UI', Arial, sans-serif";
export const PPTX_FONT = 'Arial';
/** Line box and baseline as multiples of the font size. */
export const BASELINE = 0.8;
export const LINE_HEIGHT = 1.25;

export interface TextStyle {
  size: number;
  weight?: 'regular' | 'bold';
}

let metrics: PDFKit.PDFDocument | null = null;
/** Helvetica's metrics (pdfkit's built-in AFM files) for Latin text; wide scripts count a full em per character. */
function metricsDoc(): PDFKit.PDFDocument {
  metrics ??= new PDFDocument({ autoFirstPage: false });
  return metrics;
}

const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;
const LATIN = /^[\u0000-\u024F\u2000-\u206F\u20AC\u2122]*$/u;

export function measureText(text: string, style: TextStyle): number {
  const doc = metricsDoc();
  doc.font(style.weight === 'bold' ? 'Helvetica-Bold' : 'Helvetica').fontSize(style.size);
  if (LATIN.test(text)) return doc.widthOfString(text);
  let width = 0;
  for (const character of text) width += WIDE.test(character) ? style.size : LATIN.test(character) ? doc.widthOfString(character) : style.size * 0.6;
  return width;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The text, cut with "…" (at a grapheme boundary) when it is wider than `width`. */
export function fitText(text: string, style: TextStyle, width: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (measureText(clean, style) <= width) return clean;
  const parts = [...graphemes.segment(clean)].map((part) => part.segment);
  let low = 0;
  let high = parts.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measureText(`${parts.slice(0, mid).join('').trimEnd()}…`, style) <= width) low = mid;
    else high = mid - 1;
  }
  return `${parts.slice(0, low).join('').trimEnd()}…`;
}

/** Greedy word wrap into at most `maxLines` lines (the last cut with "…" when text is left over). */
export function wrapText(text: string, style: TextStyle, width: number, maxLines = 3): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let current = '';
  for (let k = 0; k < words.length; k++) {
    const trial = current ? `${current} ${words[k]}` : words[k];
    if (measureText(trial, style) <= width || !current) current = trial;
    else {
      lines.push(current);
      current = words[k];
      if (lines.length === maxLines - 1) {
        lines.push(fitText(words.slice(k).join(' '), style, width));
        return lines;
      }
    }
  }
  if (current) lines.push(fitText(current, style, width));
  return lines;
}
