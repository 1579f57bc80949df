import zlib from 'node:zlib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text of a pdfkit PDF, page by page, one line per baseline, in the order it is drawn (visual order:
 * a right-to-left run reads reversed). Glyphs of embedded fonts are read back through each font's
 * ToUnicode map, as a PDF reader copies text; standard-font text is read as its bytes. Pieces drawn on one
 * baseline join directly when one starts where the other ends, else with a space.
 */
export function pdfText(pdf: Buffer): string {
  const objects = readObjects(pdf);
  const fonts = fontResources(objects);
  return pageContents(objects)
    .flatMap((content) => joinLines(textPieces(content, fonts)))
    .join('\n');
}

/**
 * The text as a PDF reader copies it: pdf.js (Firefox's reader) extracts each page, one line per baseline.
 * pdf.js puts each right-to-left piece back in logical order (drawn glyphs of محمد read "محمد" only
 * when they were drawn right to left), so a right-to-left run that was drawn in the wrong order reads
 * reversed here.
 */
export async function readerText(pdf: Buffer): Promise<string> {
  const document = await getDocument({ data: new Uint8Array(pdf), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const lines: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    let baseline: number | null = null;
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item)) continue;
      const y = item.transform[5];
      if (baseline === null || Math.abs(y - baseline) > 0.5) lines.push(item.str);
      else lines[lines.length - 1] += item.str;
      baseline = y;
    }
  }
  await document.destroy();
  return lines.join('\n');
}

export interface EmbeddedFont {
  /** The font's PostScript name, without pdfkit's subset prefix. */
  name: string;
  /** Glyph id → the text it stands for (its ToUnicode entry). */
  unicode: Map<number, string>;
}

/** The fonts a PDF embeds, with what each glyph reads as; standard (non-embedded) fonts are listed with no glyphs. */
export function embeddedFonts(pdf: Buffer): EmbeddedFont[] {
  const objects = readObjects(pdf);
  return [...objects.values()]
    .filter((o) => /\/Type\s*\/Font\b/.test(o.dictionary) && !/\/CIDFontType/.test(o.dictionary))
    .map((o) => ({
      name: o.dictionary.match(/\/BaseFont\s*\/(?:[A-Z]{6}\+)?(\S+)/)![1],
      unicode: fontInfo(objects, o.dictionary).unicode ?? new Map(),
    }));
}

interface PdfObject {
  dictionary: string;
  stream: Buffer | null;
}

interface FontInfo {
  /** Glyph id → text; absent for standard fonts. */
  unicode: Map<number, string> | null;
  /** Glyph id → advance in thousandths of an em. */
  widths: Map<number, number>;
}

interface Piece {
  baseline: number;
  x: number;
  end: number;
  text: string;
}

/** Every object; a stream is cut by its /Length (font programs may hold any bytes) and inflated. */
function readObjects(pdf: Buffer): Map<string, PdfObject> {
  const objects = new Map<string, PdfObject>();
  const source = pdf.toString('latin1');
  const header = /(\d+) 0 obj\s*/g;
  for (let match = header.exec(source); match; match = header.exec(source)) {
    const bodyStart = header.lastIndex;
    const streamAt = source.indexOf('stream', bodyStart);
    const endAt = source.indexOf('endobj', bodyStart);
    if (streamAt === -1 || endAt < streamAt) {
      objects.set(match[1], { dictionary: source.slice(bodyStart, endAt), stream: null });
      header.lastIndex = endAt;
      continue;
    }
    const dictionary = source.slice(bodyStart, streamAt);
    const dataStart = streamAt + (source[streamAt + 6] === '\r' ? 8 : 7);
    const length = Number(dictionary.match(/\/Length\s+(\d+)/)![1]);
    const bytes = pdf.subarray(dataStart, dataStart + length);
    objects.set(match[1], { dictionary, stream: /\/FlateDecode/.test(dictionary) ? zlib.inflateSync(bytes) : bytes });
    header.lastIndex = source.indexOf('endobj', dataStart + length);
  }
  return objects;
}

const ref = (text: string, key: string) => text.match(new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`))?.[1];

/** Resource name (F1, F2…) → what its glyphs read as. pdfkit names fonts once per document. */
function fontResources(objects: Map<string, PdfObject>): Map<string, FontInfo> {
  const fonts = new Map<string, FontInfo>();
  for (const { dictionary } of objects.values()) {
    for (const block of dictionary.matchAll(/\/Font\s*<<([^>]*)>>/g)) {
      for (const [, name, id] of block[1].matchAll(/\/(\S+)\s+(\d+)\s+0\s+R/g)) fonts.set(name, fontInfo(objects, objects.get(id)!.dictionary));
    }
  }
  return fonts;
}

function fontInfo(objects: Map<string, PdfObject>, dictionary: string): FontInfo {
  const toUnicode = ref(dictionary, 'ToUnicode');
  const descendant = dictionary.match(/\/DescendantFonts\s*\[\s*(\d+)\s+0\s+R/)?.[1];
  if (!toUnicode || !descendant) return { unicode: null, widths: new Map() };
  const widths = new Map<number, number>();
  const w = objects.get(descendant)!.dictionary.match(/\/W\s*\[\s*(\d+)\s*\[([^\]]*)\]/);
  if (w) w[2].trim().split(/\s+/).forEach((value, i) => widths.set(Number(w[1]) + i, Number(value)));
  return { unicode: readCMap(objects.get(toUnicode)!.stream!.toString('latin1')), widths };
}

/** The bfchar and bfrange entries of a ToUnicode CMap (the forms pdfkit writes). */
function readCMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  // pdfkit writes a ligature's text as several UTF-16 values in one entry: <0066 0066>.
  const utf16 = (hex: string) => Buffer.from(hex.replace(/\s+/g, ''), 'hex').swap16().toString('utf16le');
  for (const [, body] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, start, , list, single] of body.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(?:\[([^\]]*)\]|<([0-9a-fA-F]+)>)/g)) {
      const first = parseInt(start, 16);
      if (list !== undefined) [...list.matchAll(/<([0-9a-fA-F\s]*)>/g)].forEach((hex, i) => map.set(first + i, utf16(hex[1])));
      else map.set(first, utf16(single));
    }
  }
  for (const [, body] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, text] of body.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]*)>/g)) map.set(parseInt(code, 16), utf16(text));
  }
  return map;
}

/** The decompressed content streams of the pages, in page order. */
function pageContents(objects: Map<string, PdfObject>): string[] {
  const root = [...objects.values()].find((o) => /\/Type\s*\/Pages\b/.test(o.dictionary) && !/\/Parent\b/.test(o.dictionary))!;
  const pages: string[] = [];
  const visit = (dictionary: string) => {
    const kids = dictionary.match(/\/Kids\s*\[([^\]]*)\]/);
    if (kids) for (const [, id] of kids[1].matchAll(/(\d+)\s+0\s+R/g)) visit(objects.get(id)!.dictionary);
    else pages.push(objects.get(ref(dictionary, 'Contents')!)!.stream!.toString('latin1'));
  };
  visit(root.dictionary);
  return pages;
}

/** Each BT…ET block as one piece: where it starts, where its last glyph ends, what it reads. */
function textPieces(content: string, fonts: Map<string, FontInfo>): Piece[] {
  const pieces: Piece[] = [];
  for (const [, block] of content.matchAll(/\bBT\b([\s\S]*?)\bET\b/g)) {
    let font: FontInfo | undefined;
    let size = 0;
    let spacing = 0;
    let x = 0;
    let piece: Piece | null = null;
    for (const op of block.matchAll(/([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) Tm|\/(\S+) ([-\d.]+) Tf|([-\d.]+) Tc|\[([^\]]*)\]\s*TJ/g)) {
      if (op[1] !== undefined) {
        x = Number(op[5]);
        piece ??= { baseline: Number(op[6]), x, end: x, text: '' };
      } else if (op[7] !== undefined) {
        font = fonts.get(op[7]);
        size = Number(op[8]);
      } else if (op[9] !== undefined) {
        spacing = Number(op[9]);
      } else if (piece && font) {
        for (const [, hex, adjust] of op[10].matchAll(/<([0-9a-fA-F]*)>\s*([-\d.]+)?/g)) {
          const codes = font.unicode ? (hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)) : [...Buffer.from(hex, 'hex')];
          for (const code of codes) {
            piece.text += font.unicode ? (font.unicode.get(code) ?? '') : String.fromCharCode(code);
            x += ((font.widths.get(code) ?? 500) * size) / 1000 + spacing;
          }
          x -= (Number(adjust ?? 0) * size) / 1000;
        }
        piece.end = x;
      }
    }
    if (piece) pieces.push(piece);
  }
  return pieces;
}

/** Pieces on one baseline make a line; lines top to bottom as drawn. */
function joinLines(pieces: Piece[]): string[] {
  const lines: string[] = [];
  let previous: Piece | null = null;
  for (const piece of pieces) {
    if (previous && Math.abs(piece.baseline - previous.baseline) < 0.5) {
      lines[lines.length - 1] += Math.abs(piece.x - previous.end) < 1 ? piece.text : ` ${piece.text}`;
    } else {
      lines.push(piece.text);
    }
    previous = piece;
  }
  return lines;
}
