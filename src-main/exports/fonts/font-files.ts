// Where the export fonts are, and which files make up a font style. The files are Noto fonts made by
// scripts/build-fonts.mjs (see resources/fonts/README.md for what each covers).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type FontWeight = 'regular' | 'bold';

export interface FontStyle {
  weight?: FontWeight;
  italic?: boolean;
}

/** The primary face of each style, whose metrics the layout uses: Noto Sans covers Latin, Greek and Cyrillic. */
const PRIMARY = { regular: 'NotoSans-Regular', bold: 'NotoSans-Bold', italic: 'NotoSans-Italic' } as const;

/** The other scripts, tried in this order for what the primary face lacks. */
const FALLBACK_FAMILIES = ['NotoSansArabic', 'NotoSansHebrew', 'NotoSansDevanagari', 'NotoSansThai', 'NotoSansArmenian', 'NotoSansGeorgian'];
const CJK_FILES = ['Han', 'Hangul'];

const FILE_EXTENSIONS: Record<string, string> = { NotoSansCJKsc: 'otf' };

/**
 * The faces to try, in order, for a style. A face is named by its file's base name (also the name it is
 * registered under in a PDF). There is no italic outside Latin/Greek/Cyrillic: such text falls back to
 * the regular faces, as word processors do.
 */
export function faceChain(style: FontStyle = {}): string[] {
  const weight = style.weight ?? 'regular';
  const suffix = weight === 'bold' ? 'Bold' : 'Regular';
  const scripts = [...FALLBACK_FAMILIES.map((family) => `${family}-${suffix}`), ...CJK_FILES.map((part) => `NotoSansCJKsc-${suffix}-${part}`)];
  if (style.italic) return [PRIMARY.italic, weight === 'bold' ? PRIMARY.bold : PRIMARY.regular, ...scripts];
  return [PRIMARY[weight], ...scripts];
}

/** Every face a document may use (for registering them up front). */
export const ALL_FACES = [...new Set([...faceChain({ weight: 'regular' }), ...faceChain({ weight: 'bold' }), PRIMARY.italic])];

export function faceFile(face: string): string {
  const family = face.split('-')[0];
  return path.join(fontsDirectory(), `${face}.${FILE_EXTENSIONS[family] ?? 'ttf'}`);
}

let directory: string | undefined;

/** resources/fonts wherever the app runs (see locateFonts); looked up once. */
export function fontsDirectory(): string {
  directory ??= locateFonts({
    override: process.env.CANOPY_FONTS_DIR,
    resourcesPath: (process as { resourcesPath?: string }).resourcesPath,
    moduleDir: path.dirname(fileURLToPath(import.meta.url)),
  });
  return directory;
}

/**
 * The first folder holding the fonts of: `override` (CANOPY_FONTS_DIR); `<resourcesPath>/fonts` in a
 * packaged Electron app (electron-builder's extraResources; in development Electron's own resources
 * folder has none); else resources/fonts in the repository, found by walking up from this module
 * (src-main/exports/fonts under tsx and Vitest, out/main when built).
 */
export function locateFonts(where: { override?: string; resourcesPath?: string; moduleDir: string }): string {
  const marker = `${PRIMARY.regular}.ttf`;
  const candidates = [
    where.override,
    where.resourcesPath && path.join(where.resourcesPath, 'fonts'),
    ...ancestors(where.moduleDir).map((dir) => path.join(dir, 'resources', 'fonts')),
  ].filter((dir): dir is string => Boolean(dir));
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, marker)));
  if (!found) throw new Error(`The export fonts are missing: no ${marker} in ${candidates.join(', ')}.`);
  return found;
}

function ancestors(dir: string): string[] {
  const all = [dir];
  while (path.dirname(all[all.length - 1]) !== all[all.length - 1]) all.push(path.dirname(all[all.length - 1]));
  return all;
}
