// Text as glyph outlines, for the PNG: the SVG handed to resvg carries paths instead of <text>, drawn
// with the same embedded Noto faces, runs and bidi order as the PDF (shared text layout) and shaped by
// fontkit. resvg's own text engine is far slower (about 0.2 ms a character), and outlines also spare
// it a font search.
import { faceFont } from '../fonts/faces';
import { BASELINE, layoutText } from '../fonts/text-layout';
import { primaryFace, simpleGlyphs, type TextStyle } from './fonts';
import type * as fontkit from 'fontkit';

interface GlyphShape {
  /** The first point of the outline (font units, y up); null for an empty glyph (a space). */
  first: [number, number] | null;
  /** The rest of the outline in relative commands, so it can be placed by moving only its first point. */
  rest: string;
}

const shapes = new Map<string, GlyphShape>();

type Command = { command: string; args: number[] };

function glyphShape(face: string, glyph: { id: number; path: { commands: Command[] } }): GlyphShape {
  const key = `${face}|${glyph.id}`;
  let shape = shapes.get(key);
  if (shape) return shape;
  let first: [number, number] | null = null;
  let cx = 0;
  let cy = 0;
  let sx = 0;
  let sy = 0;
  const out: string[] = [];
  const r = (n: number) => Math.round(n);
  for (const { command, args } of glyph.path.commands) {
    if (command === 'moveTo') {
      const [x, y] = args;
      if (!first) first = [r(x), r(y)];
      else out.push(`m${r(x) - r(cx)} ${r(y) - r(cy)}`);
      cx = sx = x;
      cy = sy = y;
    } else if (command === 'lineTo') {
      out.push(`l${r(args[0]) - r(cx)} ${r(args[1]) - r(cy)}`);
      [cx, cy] = args;
    } else if (command === 'quadraticCurveTo') {
      out.push(`q${r(args[0]) - r(cx)} ${r(args[1]) - r(cy)} ${r(args[2]) - r(cx)} ${r(args[3]) - r(cy)}`);
      [cx, cy] = [args[2], args[3]];
    } else if (command === 'bezierCurveTo') {
      out.push(`c${r(args[0]) - r(cx)} ${r(args[1]) - r(cy)} ${r(args[2]) - r(cx)} ${r(args[3]) - r(cy)} ${r(args[4]) - r(cx)} ${r(args[5]) - r(cy)}`);
      [cx, cy] = [args[4], args[5]];
    } else if (command === 'closePath') {
      out.push('z');
      cx = sx;
      cy = sy;
    }
  }
  shape = { first, rest: out.join('') };
  shapes.set(key, shape);
  return shape;
}

/**
 * SVG path elements drawing one line of text with its top at `y` and its start (per `anchor`) at `x`,
 * in the shared layout's faces and order. One path per run of one face.
 */
export function textAsPaths(text: string, x: number, y: number, style: TextStyle, colour: string, anchor: 'start' | 'end' | 'middle' = 'start'): string {
  const simple = simpleGlyphs(text, style);
  if (simple) return simplePath(simple, primaryFace(style), x, y, style, colour, anchor);
  const layout = layoutText(text, { size: style.size, weight: style.weight, italic: style.italic }, { maxLines: 1 });
  const line = layout.lines[0];
  if (!line) return '';
  const left = anchor === 'end' ? x - line.width : anchor === 'middle' ? x - line.width / 2 : x;
  const baseline = y + style.size * BASELINE;
  const parts: string[] = [];
  for (const run of line.runs) {
    const font = faceFont(run.face);
    const scale = style.size / font.unitsPerEm;
    const shaped = font.layout(run.text);
    let pen = 0;
    const d: string[] = [];
    shaped.glyphs.forEach((glyph, k) => {
      const position = shaped.positions[k];
      const shape = glyphShape(run.face, glyph as unknown as { id: number; path: { commands: Command[] } });
      if (shape.first) d.push(`M${Math.round(pen + position.xOffset) + shape.first[0]} ${Math.round(position.yOffset) + shape.first[1]}${shape.rest}`);
      pen += position.xAdvance;
    });
    if (d.length) {
      const tx = Math.round((left + run.x) * 100) / 100;
      parts.push(`<path fill="${colour}" transform="translate(${tx},${Math.round(baseline * 100) / 100}) scale(${+scale.toFixed(6)},${-scale.toFixed(6)})" d="${d.join('')}"/>`);
    }
  }
  return parts.join('');
}

/** Text of the primary face alone, placed by glyph advances (as it was measured). */
function simplePath(glyphs: fontkit.Glyph[], face: string, x: number, y: number, style: TextStyle, colour: string, anchor: 'start' | 'end' | 'middle'): string {
  const font = faceFont(face);
  const scale = style.size / font.unitsPerEm;
  const advance = glyphs.reduce((sum, glyph) => sum + glyph.advanceWidth, 0);
  const left = anchor === 'end' ? x - advance * scale : anchor === 'middle' ? x - (advance * scale) / 2 : x;
  let pen = 0;
  const d: string[] = [];
  for (const glyph of glyphs) {
    const shape = glyphShape(face, glyph as unknown as { id: number; path: { commands: Command[] } });
    if (shape.first) d.push(`M${Math.round(pen) + shape.first[0]} ${shape.first[1]}${shape.rest}`);
    pen += glyph.advanceWidth;
  }
  if (!d.length) return '';
  const baseline = y + style.size * BASELINE;
  return `<path fill="${colour}" transform="translate(${Math.round(left * 100) / 100},${Math.round(baseline * 100) / 100}) scale(${+scale.toFixed(6)},${-scale.toFixed(6)})" d="${d.join('')}"/>`;
}
