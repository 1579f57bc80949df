// The chart as a PNG: the SVG rendered by resvg (a real SVG renderer, in process), at a chosen
// width or resolution, refused beyond a sane size rather than making a huge file.
import { Resvg } from '@resvg/resvg-js';
import { PNG_MAX_PIXELS, PNG_MAX_SIDE } from '../../../src-shared/api/succession';
import { AppError } from '../../../src-shared/errors';

/** Without a width or resolution: twice the chart's own size (crisp on high-density screens), within the limits. */
const DEFAULT_DPI = 192;

export function pngSize(chart: { width: number; height: number }, request: { pngWidth?: number; pngDpi?: number }): { width: number; height: number } {
  const width = request.pngWidth ?? Math.round((chart.width * (request.pngDpi ?? DEFAULT_DPI)) / 96);
  const height = Math.max(1, Math.round((width * chart.height) / chart.width));
  return { width, height };
}

/** The PNG's pixel size for a request, refused beyond the limits when asked for, shrunk to them by default. */
export function pngTarget(chart: { width: number; height: number }, request: { pngWidth?: number; pngDpi?: number }): { width: number; height: number } {
  let { width, height } = pngSize(chart, request);
  const asked = request.pngWidth !== undefined || request.pngDpi !== undefined;
  if (width > PNG_MAX_SIDE || height > PNG_MAX_SIDE || width * height > PNG_MAX_PIXELS) {
    if (asked) {
      throw new AppError('VALIDATION',
        `A PNG of this chart at that size would be ${width.toLocaleString('en')} × ${height.toLocaleString('en')} pixels; the most is ${PNG_MAX_SIDE.toLocaleString('en')} pixels on a side and ${PNG_MAX_PIXELS / 1_000_000} megapixels. ` +
        'Choose a smaller width or resolution, a subtree or fewer levels, or the PDF (vector, any size). No file was made.',
        [{ path: [request.pngWidth !== undefined ? 'pngWidth' : 'pngDpi'], field: request.pngWidth !== undefined ? 'pngWidth' : 'pngDpi', message: 'Too large for a PNG.' }]);
    }
    // The default size shrinks to fit the limits instead.
    const shrink = Math.min(PNG_MAX_SIDE / width, PNG_MAX_SIDE / height, Math.sqrt(PNG_MAX_PIXELS / (width * height)));
    width = Math.max(1, Math.floor(width * shrink));
    height = Math.max(1, Math.round((width * chart.height) / chart.width));
  }
  return { width, height };
}

/** Renders an SVG whose text is already outlines (see glyphs.ts) at the target width. */
export function renderPng(svg: string, width: number): Buffer {
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: width }, background: '#ffffff', font: { loadSystemFonts: false } });
  return resvg.render().asPng();
}
