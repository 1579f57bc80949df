// The chart as one SVG document: vector cards and connectors, text as text (searchable, editable in
// Inkscape), photos embedded. Also the source the PNG is rendered from.
import { markerPath } from '../../../src-shared/domain/succession';
import { BASELINE, FONT_FAMILY } from './fonts';
import { textAsPaths } from './glyphs';
import { cardPrimitives, edgePrimitives, LEGEND_HEIGHT, legendPrimitives, type Primitive, type Scene } from './scene';

export const HEADER_HEIGHT = 64;
const MIN_WIDTH = 980;
const SIDE = 24;

export interface SvgOptions {
  photos: boolean;
  photoData: Map<string, Buffer>;
  /** For the PNG: text as glyph outlines, and text smaller than this many pixels at `pixelScale` left out (unreadable anyway). */
  raster?: { pixelScale: number; minTextPx: number };
}

export function svgSize(scene: Scene): { width: number; height: number } {
  return { width: Math.ceil(Math.max(scene.layout.width, MIN_WIDTH)), height: Math.ceil(HEADER_HEIGHT + scene.layout.height + LEGEND_HEIGHT + 12) };
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const n = (value: number) => String(Math.round(value * 100) / 100);

/** One primitive as SVG markup. */
export function primitiveSvg(p: Primitive, photoData: Map<string, Buffer>, raster?: SvgOptions['raster']): string {
  switch (p.kind) {
    case 'rect':
      return `<rect x="${n(p.x)}" y="${n(p.y)}" width="${n(p.w)}" height="${n(p.h)}" rx="${n(p.r)}" fill="${p.fill ?? 'none'}"${p.stroke ? ` stroke="${p.stroke}" stroke-width="${n(p.strokeWidth ?? 1)}"` : ''}/>`;
    case 'circle':
      return `<circle cx="${n(p.cx)}" cy="${n(p.cy)}" r="${n(p.r)}" fill="${p.fill}"${p.stroke ? ` stroke="${p.stroke}"` : ''}/>`;
    case 'text': {
      if (raster) {
        if (p.size * raster.pixelScale < raster.minTextPx) return '';
        return textAsPaths(p.text, p.x, p.y, { size: p.size, weight: p.bold ? 'bold' : 'regular', italic: p.italic }, p.colour, p.anchor);
      }
      const anchor = p.anchor && p.anchor !== 'start' ? ` text-anchor="${p.anchor}"` : '';
      const style = `${p.bold ? ' font-weight="700"' : ''}${p.italic ? ' font-style="italic"' : ''}`;
      return `<text x="${n(p.x)}" y="${n(p.y + p.size * BASELINE)}" font-size="${n(p.size)}" fill="${p.colour}"${anchor}${style}>${escape(p.text)}</text>`;
    }
    case 'marker':
      return `<path d="${markerPath(p.shape, p.cx, p.cy, p.r)}" fill="${p.fill}"/>`;
    case 'line':
      return `<polyline points="${p.points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}" fill="none" stroke="${p.colour}" stroke-width="${n(p.width)}" stroke-linejoin="round"/>`;
    case 'photo': {
      const data = photoData.get(p.employeeId);
      if (!data) return '';
      return `<image x="${n(p.x)}" y="${n(p.y)}" width="${n(p.size)}" height="${n(p.size)}" preserveAspectRatio="xMidYMid slice" clip-path="url(#photo-clip)" xlink:href="data:image/png;base64,${data.toString('base64')}"/>`;
    }
  }
}

export function chartSvg(scene: Scene, options: SvgOptions): string {
  const { width, height } = svgSize(scene);
  const draw = (list: Primitive[]) => list.map((p) => primitiveSvg(p, options.photoData, options.raster)).join('');
  const parts: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escape(FONT_FAMILY)}">`,
    `<title>${escape(`${scene.title} — ${scene.subtitle}`)}</title>`,
    `<defs><clipPath id="photo-clip" clipPathUnits="objectBoundingBox"><circle cx="0.5" cy="0.5" r="0.5"/></clipPath></defs>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    draw([
      { kind: 'text', x: SIDE, y: 14, text: scene.title, size: 20, bold: true, colour: '#1f2933' },
      { kind: 'text', x: SIDE, y: 40, text: scene.subtitle, size: 11, colour: '#5f6b7a' },
    ]),
    `<g transform="translate(0,${HEADER_HEIGHT})">`,
    `<g class="connectors">${draw(edgePrimitives(scene.layout))}</g>`,
    ...scene.layout.nodes.map((node) => `<g class="position" id="position-${node.id}">${draw(cardPrimitives(scene.cards.get(node.id)!, node, { photos: options.photos }))}</g>`),
    `</g>`,
    draw(legendPrimitives(scene.data.readiness, SIDE, HEADER_HEIGHT + scene.layout.height + 6, width - 2 * SIDE)),
    `</svg>`,
  ];
  return parts.join('\n');
}
