// Fonts for resvg: the bundled export fonts when the app has them (resources/fonts), else the system's.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResvgRenderOptions } from '@resvg/resvg-js';

let cached: ResvgRenderOptions['font'] | undefined;

export function rasterFonts(): ResvgRenderOptions['font'] {
  if (cached) return cached;
  const dir = findFontsDir();
  const files = dir ? fs.readdirSync(dir).filter((name) => /\.(ttf|otf)$/i.test(name)).map((name) => path.join(dir, name)) : [];
  cached = files.length
    ? { loadSystemFonts: false, fontFiles: files, defaultFontFamily: 'Noto Sans', sansSerifFamily: 'Noto Sans' }
    : { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' };
  return cached;
}

function findFontsDir(): string | null {
  const candidates = [process.env.CANOPY_FONTS_DIR, (process as { resourcesPath?: string }).resourcesPath && path.join((process as { resourcesPath?: string }).resourcesPath!, 'fonts')];
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    candidates.push(path.join(dir, 'resources', 'fonts'));
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return candidates.find((candidate): candidate is string => Boolean(candidate) && fs.existsSync(path.join(candidate!, 'NotoSans-Regular.ttf'))) ?? null;
}
