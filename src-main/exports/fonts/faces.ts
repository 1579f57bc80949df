// The font files, read and parsed once per process, and which face draws a character.
import fs from 'node:fs';
import * as fontkit from 'fontkit';
import { faceChain, faceFile, type FontStyle } from './font-files';

const bytes = new Map<string, Buffer>();
const fonts = new Map<string, fontkit.Font>();

/** The file's bytes, for embedding (pdfkit registers a font from a Buffer). */
export function faceBytes(face: string): Buffer {
  let data = bytes.get(face);
  if (!data) {
    data = fs.readFileSync(faceFile(face));
    bytes.set(face, data);
  }
  return data;
}

/** The parsed font, for measuring and shaping. */
export function faceFont(face: string): fontkit.Font {
  let font = fonts.get(face);
  if (!font) {
    font = fontkit.create(faceBytes(face)) as fontkit.Font;
    fonts.set(face, font);
  }
  return font;
}

// Common (spaces, digits, punctuation) and Inherited (combining marks, joiners) characters belong to no
// one script: they stay in the face of the text around them when it has them.
const NEUTRAL = /^[\p{Script=Common}\p{Script=Inherited}]$/u;

const chains = new Map<string, string[]>();
const choices = new Map<string, string>();

/**
 * The face that draws a character in a style: the face before it when the character is neutral and that
 * face has it, else the first face of the style's chain that has it, else the primary face (which shows
 * its "missing glyph" box: an emoji, or a script no bundled font covers).
 */
export function faceFor(codePoint: number, style: FontStyle, previous: string | null): string {
  const character = String.fromCodePoint(codePoint);
  if (previous && NEUTRAL.test(character) && faceFont(previous).hasGlyphForCodePoint(codePoint)) return previous;
  const key = `${style.weight ?? 'regular'}${style.italic ? 'i' : ''}:${codePoint}`;
  let face = choices.get(key);
  if (!face) {
    const chain = chainFor(style);
    face = chain.find((candidate) => faceFont(candidate).hasGlyphForCodePoint(codePoint)) ?? chain[0];
    choices.set(key, face);
  }
  return face;
}

function chainFor(style: FontStyle): string[] {
  const key = `${style.weight ?? 'regular'}${style.italic ? 'i' : ''}`;
  let chain = chains.get(key);
  if (!chain) {
    chain = faceChain(style);
    chains.set(key, chain);
  }
  return chain;
}
