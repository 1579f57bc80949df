// Text measuring and fitting for the chart exports, with the shared export fonts (Noto, any script).
// Every format draws the same fitted strings, so a name cut with "…" in the PDF is cut at the same
// place in the SVG, the PNG and the PPTX.
import type * as fontkit from 'fontkit';
import { faceFont } from '../fonts/faces';
import { measureText as measureWithFonts } from '../fonts/text-layout';

/** The family the SVG asks for; the PDF embeds the Noto faces and the PNG draws their glyphs. */
export const FONT_FAMILY = "'Noto Sans', 'Segoe UI', Arial, sans-serif";
/** Slides use a font every PowerPoint and Keynote has; names in other scripts fall back to the system's fonts for them. */
export const PPTX_FONT = 'Arial';
export { BASELINE, LINE_HEIGHT } from '../fonts/text-layout';

export interface TextStyle {
  size: number;
  weight?: 'regular' | 'bold';
  italic?: boolean;
}

/** The face of a style's Latin, Greek and Cyrillic text (Noto Sans). */
export const primaryFace = (style: Pick<TextStyle, 'weight' | 'italic'>) =>
  style.weight === 'bold' ? 'NotoSans-Bold' : style.italic ? 'NotoSans-Italic' : 'NotoSans-Regular';

// Latin, Greek and Cyrillic with neutral characters, and no bidi controls or Arabic-block punctuation.
const SIMPLE = /^(?![\s\S]*[\u0590-\u08FF\u200E\u200F\u202A-\u202E\u2066-\u2069])[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}\p{Script=Inherited}]*$/u;

/**
 * The glyphs of text the primary face draws alone, left to right (most names and titles), or null when
 * the text needs the shared layout (other scripts, right-to-left, fallback faces). Such text is
 * measured by glyph advances and drawn without shaping: thirty times faster than full shaping, which
 * matters at thousands of cards.
 */
export function simpleGlyphs(text: string, style: Pick<TextStyle, 'weight' | 'italic'>): fontkit.Glyph[] | null {
  if (!SIMPLE.test(text)) return null;
  const glyphs = faceFont(primaryFace(style)).glyphsForString(text.normalize('NFC'));
  return glyphs.every((glyph) => glyph.id !== 0) ? glyphs : null;
}

const widths = new Map<string, number>();

/** Width in points with the embedded fonts (memoised: charts repeat titles and departments). */
export function measureText(text: string, style: TextStyle): number {
  const key = `${style.size}|${style.weight ?? ''}|${style.italic ? 'i' : ''}|${text}`;
  let width = widths.get(key);
  if (width === undefined) {
    const glyphs = simpleGlyphs(text, style);
    if (glyphs) {
      const font = faceFont(primaryFace(style));
      width = (glyphs.reduce((sum, glyph) => sum + glyph.advanceWidth, 0) * style.size) / font.unitsPerEm;
    } else width = measureWithFonts(text, style);
    if (widths.size > 200_000) widths.clear();
    widths.set(key, width);
  }
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
