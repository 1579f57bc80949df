// Chart and plan exports, made in the main process: the chart's data in the asked scope, drawn by
// the writers in src-main/exports/succession, handed back as a file.
import type { ExportedFile, Input } from '../../../src-shared/api';
import type { ServiceContext } from '../context';
import { chartPdf } from '../../exports/succession/pdf';
import { pngTarget, renderPng } from '../../exports/succession/png';
import { chartPptx } from '../../exports/succession/pptx';
import { buildScene } from '../../exports/succession/scene';
import { chartSvg, svgSize } from '../../exports/succession/svg';
import { plansXlsx } from '../../exports/succession/xlsx';
import { getChart } from './chart';
import { listKeyPositions } from './key-positions';
import { listNominations } from './nominations';
import { listPlans } from './plans';
import { listPoolMembers, listPoolPositions } from './pools';
import { readinessLevels } from './common';
import { photoBytes } from './photos';

const MIME = {
  svg: 'image/svg+xml',
  png: 'image/png',
  pdf: 'application/pdf',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const fileName = (stem: string, extension: keyof typeof MIME, date: string) =>
  `${stem.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80)} ${date}.${extension}`;
const file = (name: string, extension: keyof typeof MIME, bytes: Buffer | string): ExportedFile => ({
  fileName: name, mimeType: MIME[extension], contentBase64: Buffer.from(bytes).toString('base64'),
});

export async function exportChart(ctx: ServiceContext, input: Input<'succession.exportChart'>): Promise<ExportedFile> {
  const data = await getChart(ctx);
  const scene = buildScene(data, input, ctx.now);
  const photoData = input.photos
    ? photoBytes(ctx, scene.layout.nodes.flatMap((node) => { const id = scene.cards.get(node.id)!.incumbentId; return id && scene.cards.get(node.id)!.hasPhoto ? [id] : []; }))
    : new Map<string, Buffer>();
  const root = input.scope.rootId ? data.positions.find((p) => p.id === input.scope.rootId)?.title : null;
  const name = fileName(`Succession chart${root ? ` - ${root}` : ''}`, input.format, ctx.now.slice(0, 10));
  switch (input.format) {
    case 'svg':
      return file(name, 'svg', chartSvg(scene, { photos: input.photos, photoData }));
    case 'png': {
      const size = svgSize(scene);
      const target = pngTarget(size, input);
      const svg = chartSvg(scene, { photos: input.photos, photoData, raster: { pixelScale: target.width / size.width, minTextPx: 2.5 } });
      return file(name, 'png', renderPng(svg, target.width));
    }
    case 'pdf': {
      const { pdf } = await chartPdf(scene, { layout: input.pdfLayout ?? 'tiled', paper: input.paper ?? 'A4', photos: input.photos, photoData, generatedAt: ctx.now });
      return file(name, 'pdf', pdf);
    }
    case 'pptx': {
      const { pptx } = await chartPptx(scene, { photos: input.photos, photoData, generatedAt: ctx.now });
      return file(name, 'pptx', pptx);
    }
  }
}

export async function exportPlans(ctx: ServiceContext): Promise<ExportedFile> {
  const bytes = await plansXlsx({
    readiness: readinessLevels(ctx),
    plans: await listPlans(ctx),
    keyPositions: await listKeyPositions(ctx),
    nominations: await listNominations(ctx, {}),
    members: await listPoolMembers(ctx, {}),
    poolPositions: await listPoolPositions(ctx, {}),
  });
  return file(fileName('Succession plans', 'xlsx', ctx.now.slice(0, 10)), 'xlsx', bytes);
}
