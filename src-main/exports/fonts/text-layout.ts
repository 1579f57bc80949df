// Lays out text in any script for the file exports: splits it into runs of one face (Latin, Arabic,
// CJK…), wraps it into lines at Unicode line-break opportunities (UAX #14), orders each line's runs
// visually with the Unicode bidirectional algorithm (UAX #9), and measures everything with the very
// fonts that are embedded. Drawing is left to the writer: the PDF writer shapes each run's text with
// its face (fontkit, through pdfkit); SVG/PNG writers can do the same with faceFont().
import bidiFactory, { type EmbeddingLevels } from 'bidi-js';
import LineBreaker from 'linebreak';
import { faceFont, faceFor } from './faces';
import type { FontStyle } from './font-files';

export interface TextStyle extends FontStyle {
  /** Font size in points. */
  size: number;
  /** Extra space after each character, in points (as PDF's Tc and pdfkit's characterSpacing). */
  characterSpacing?: number;
}

export interface LayoutOptions {
  /** Wrap within this width (points). Without it every paragraph is one line. */
  width?: number;
  /** Keep at most this many lines; when text is left over, the last line ends in "…". */
  maxLines?: number;
}

/** A stretch of a line in one face and one direction, placed left to right. */
export interface PlacedRun {
  face: string;
  /**
   * The text to shape with `face`. Shaping reverses a right-to-left script by itself (fontkit lays out
   * Arabic and Hebrew runs visually), so such runs hold logical text; a right-to-left run with no
   * right-to-left letters (brackets, dashes between Arabic words) is already reversed here.
   */
  text: string;
  /** Offset from the start of the line, in points. */
  x: number;
  width: number;
  rtl: boolean;
}

export interface TextLine {
  runs: PlacedRun[];
  width: number;
}

export interface TextLayout {
  lines: TextLine[];
  /** The widest line. */
  width: number;
  /** Lines × line height. */
  height: number;
  /** Some text did not fit in maxLines and was cut with "…". */
  truncated: boolean;
}

/** Line height and the baseline's distance from a line's top, as multiples of the font size. */
export const LINE_HEIGHT = 1.25;
export const BASELINE = 0.8;

export const lineHeight = (size: number) => size * LINE_HEIGHT;

const ELLIPSIS = '…';
const bidi = bidiFactory();
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Bidi controls, zero-width spaces, the BOM and soft hyphens: they steer layout and are never drawn. */
const INVISIBLE_CLASS = '[\\u200B\\u200E\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF\\u00AD]';
const INVISIBLE = new RegExp(INVISIBLE_CLASS, 'g');
const INVISIBLE_CHARACTER = new RegExp(`^${INVISIBLE_CLASS}$`);

export function layoutText(text: string, style: TextStyle, options: LayoutOptions = {}): TextLayout {
  const singleLine = options.maxLines === 1;
  const paragraphs = clean(text, singleLine).split('\n');
  const maxLines = options.maxLines ?? Infinity;
  const lines: TextLine[] = [];
  let truncated = false;
  for (let p = 0; p < paragraphs.length && !truncated; p++) {
    const paragraph = paragraphs[p];
    // Levels are resolved once for the whole paragraph (UAX #9), then each line is reordered on its own.
    const levels = bidi.getEmbeddingLevels(paragraph);
    // A single line does not wrap: it is cut where it overflows, as a cell with text-overflow: ellipsis.
    const ranges = options.width === undefined || singleLine ? [{ start: 0, end: paragraph.length }] : wrap(paragraph, style, options.width);
    for (let i = 0; i < ranges.length; i++) {
      const { start } = ranges[i];
      let { end } = ranges[i];
      const last = lines.length === maxLines - 1;
      const leftOver = i < ranges.length - 1 || p < paragraphs.length - 1;
      const tooWide = options.width !== undefined && singleLine && measure(paragraph.slice(start, end), style) > options.width;
      if ((last && leftOver) || tooWide) {
        // The last line shows as much of the rest of the paragraph as fits before the "…".
        end = start + longestFittingPrefix(paragraph.slice(start), style, options.width ?? Infinity, ELLIPSIS).trimEnd().length;
        truncated = true;
      }
      lines.push(placeLine(paragraph, levels, { start, end }, truncated, style));
      if (truncated) break;
    }
  }
  const width = Math.max(0, ...lines.map((line) => line.width));
  return { lines, width, height: lines.length * lineHeight(style.size), truncated };
}

/**
 * A value set into a sentence ("Performance review: {name}"): isolated (UAX #9 FSI … PDI) so that it
 * reads in its own direction without reordering the sentence around it. The sentence's own direction
 * comes from its first strong letter outside isolates: left to right for this English UI's templates,
 * while a value drawn alone (an Arabic name in a cell) takes its own.
 */
export const isolate = (value: string) => `\u2068${value}\u2069`;

/** The width of the text on one line, in points. */
export function measureText(text: string, style: TextStyle): number {
  return Math.max(0, ...clean(text, false).split('\n').map((paragraph) => measure(paragraph, style)));
}

// ---- Preparing text -------------------------------------------------------------------------------

/** NFC (precomposed letters look best), tabs as spaces, one kind of line break (none when single-line). */
function clean(text: string, singleLine: boolean): string {
  const normalised = text.normalize('NFC').replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n').replace(/\t/g, ' ');
  return singleLine ? normalised.replace(/\n+/g, ' ') : normalised;
}

// ---- Wrapping -------------------------------------------------------------------------------------

/** A line as a stretch of its paragraph, [start, end). */
interface Range {
  start: number;
  end: number;
}

/**
 * Greedy wrapping at the break opportunities of UAX #14 (spaces, between ideographs, after hyphens);
 * a word wider than the line breaks between graphemes. Spaces at a line's end hang outside it.
 */
function wrap(paragraph: string, style: TextStyle, width: number): Range[] {
  const lines: Range[] = [];
  const trimmed = (start: number, end: number) => ({ start, end: start + paragraph.slice(start, end).trimEnd().length });
  const fits = (start: number, end: number) => measure(paragraph.slice(start, end).trimEnd(), style) <= width;
  let start = 0;
  let end = 0;
  for (const breakAt of breakPositions(paragraph)) {
    if (end === start || fits(start, breakAt)) {
      end = breakAt;
    } else {
      lines.push(trimmed(start, end));
      start = end;
      end = breakAt;
    }
    while (!fits(start, end) && graphemeCount(paragraph.slice(start, end).trimEnd()) > 1) {
      const head = longestFittingPrefix(paragraph.slice(start, end), style, width, '').length;
      lines.push({ start, end: start + head });
      start += head;
    }
  }
  lines.push(trimmed(start, end));
  return lines;
}

function breakPositions(paragraph: string): number[] {
  const breaker = new LineBreaker(paragraph);
  const positions: number[] = [];
  for (let next = breaker.nextBreak(); next; next = breaker.nextBreak()) positions.push(next.position);
  return positions;
}

/** The longest prefix, whole graphemes only (at least one), that fits the width with `suffix` after it. */
function longestFittingPrefix(text: string, style: TextStyle, width: number, suffix: string): string {
  const ends = [...graphemes.segment(text)].map((g) => g.index + g.segment.length);
  let low = 0;
  let high = ends.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (measure(text.slice(0, ends[middle]).trimEnd() + suffix, style) <= width) low = middle;
    else high = middle - 1;
  }
  return text.slice(0, ends[low]);
}

const graphemeCount = (text: string) => [...graphemes.segment(text)].length;

// ---- Runs -----------------------------------------------------------------------------------------

interface LogicalRun {
  face: string;
  start: number;
  end: number;
}

/** Splits text (in logical order) into maximal runs that one face draws. */
function faceRuns(text: string, style: TextStyle): LogicalRun[] {
  const runs: LogicalRun[] = [];
  let previous: string | null = null;
  for (let index = 0; index < text.length; ) {
    const codePoint = text.codePointAt(index)!;
    const length = codePoint > 0xffff ? 2 : 1;
    // An invisible control (the end of an isolated name…) joins the run it is in, whatever its font
    // has, and the neutral characters after it choose their face afresh.
    const invisible = INVISIBLE_CHARACTER.test(String.fromCodePoint(codePoint));
    const face: string = invisible && previous ? previous : faceFor(codePoint, style, invisible ? null : previous);
    const last = runs[runs.length - 1];
    if (last && last.face === face) last.end = index + length;
    else runs.push({ face, start: index, end: index + length });
    previous = invisible ? null : face;
    index += length;
  }
  return runs;
}

/** The width of a line, whatever its order: the sum of its face runs. */
function measure(text: string, style: TextStyle): number {
  const visible = text.replace(INVISIBLE, '');
  if (visible === '') return 0;
  const runs = faceRuns(visible, style);
  const spacing = (style.characterSpacing ?? 0) * (visible.length - 1);
  return runs.reduce((sum, run) => sum + shaped(run.face, visible.slice(run.start, run.end)).advance * style.size, 0) + spacing;
}

/** One line: runs of one face and one bidi level, in visual order, with their positions. */
function placeLine(paragraph: string, levels: EmbeddingLevels, range: Range, ellipsis: boolean, style: TextStyle): TextLine {
  const line = paragraph.slice(range.start, range.end) + (ellipsis ? ELLIPSIS : '');
  if (line === '') return { runs: [], width: 0 };
  const base = levels.paragraphs[0]?.level ?? 0;
  const lineLevels = new Uint8Array(line.length);
  lineLevels.set(levels.levels.subarray(range.start, range.end));
  if (ellipsis) lineLevels[line.length - 1] = base;
  const mirrored = bidi.getMirroredCharactersMap(line, lineLevels);
  const text = mirrored.size ? Array.from({ length: line.length }, (_, i) => mirrored.get(i) ?? line[i]).join('') : line;
  const face = faceAt(text, style);
  const order = bidi.getReorderedIndices(text, { levels: lineLevels, paragraphs: [{ start: 0, end: line.length - 1, level: base }] });
  const runs: PlacedRun[] = [];
  let x = 0;
  let i = 0;
  while (i < order.length) {
    // A run continues while the face and level stay the same and the characters are neighbours in
    // logical order (ascending left to right, descending when right to left).
    const level = lineLevels[order[i]];
    const step = level % 2 === 1 ? -1 : 1;
    let j = i + 1;
    while (j < order.length && order[j] === order[j - 1] + step && lineLevels[order[j]] === level && face[order[j]] === face[order[i]]) j++;
    const from = Math.min(order[i], order[j - 1]);
    const to = Math.max(order[i], order[j - 1]) + 1;
    const run = placeRun(face[order[i]], text.slice(from, to), level % 2 === 1, style, x);
    if (run) {
      runs.push(run);
      x += run.width + (style.characterSpacing ?? 0);
    }
    i = j;
  }
  return { runs, width: Math.max(0, x - (runs.length ? style.characterSpacing ?? 0 : 0)) };
}

function placeRun(face: string, logical: string, rtl: boolean, style: TextStyle, x: number): PlacedRun | null {
  let text = logical.replace(INVISIBLE, '');
  if (text === '') return null;
  const shape = shaped(face, text);
  if (rtl && shape.direction === 'ltr') text = [...graphemes.segment(text)].map((g) => g.segment).reverse().join('');
  const width = shape.advance * style.size + (style.characterSpacing ?? 0) * (text.length - 1);
  return { face, text, x, width, rtl };
}

/** The face of every UTF-16 unit of the text (both halves of a surrogate pair alike). */
function faceAt(text: string, style: TextStyle): string[] {
  const faces: string[] = new Array(text.length);
  for (const run of faceRuns(text, style)) faces.fill(run.face, run.start, run.end);
  return faces;
}

// ---- Shaping --------------------------------------------------------------------------------------

interface Shape {
  /** Advance width in ems. */
  advance: number;
  /** The direction fontkit shaped it in (from the script it found). */
  direction: 'ltr' | 'rtl';
}

const shapes = new Map<string, Shape>();
const SHAPE_CACHE_LIMIT = 50_000;

/** The run shaped as a whole with its face's default OpenType features (as the PDF writer draws it). */
function shaped(face: string, text: string): Shape {
  const key = `${face}\u0000${text}`;
  let shape = shapes.get(key);
  if (!shape) {
    const font = faceFont(face);
    const run = font.layout(text, []);
    const advance = run.positions.reduce((sum, position) => sum + position.xAdvance, 0) / font.unitsPerEm;
    shape = { advance, direction: (run as unknown as { direction: 'ltr' | 'rtl' }).direction };
    if (shapes.size >= SHAPE_CACHE_LIMIT) shapes.clear();
    shapes.set(key, shape);
  }
  return shape;
}

