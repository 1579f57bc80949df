import fs from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { employeeValues, openTestApp, type TestApp } from './helpers';
import { readerText } from './pdf-text';

/**
 * A chief executive with three VPs (names in Czech, Chinese and Arabic), each VP with a team of
 * twelve. On an A4 landscape page the whole tree does not fit at a readable scale, nor does the CEO
 * with one whole team, so the tiled PDF has the CEO with the three VPs (continued elsewhere), then
 * one page per VP with their team stacked in four columns of three: four chart pages and an index.
 */
async function organisation(app: TestApp) {
  const [department] = (await app.ok('people.saveDepartments', { rows: [{ values: { name: 'Group' } }] })).rows;
  const [job] = (await app.ok('people.saveJobs', { rows: [{ values: { title: 'Leader' } }] })).rows;
  const names = [['Ann', 'Lee'], ['Helena', 'Dvořáková'], ['小明', '王'], ['محمد', 'الأحمد']];
  const people = (await app.ok('people.saveEmployees', {
    rows: [
      ...names.map(([firstName, lastName], k) => ({ values: employeeValues(k + 1, { firstName, lastName, jobId: job.id, departmentId: department.id }) })),
      ...Array.from({ length: 36 }, (_, k) => ({ values: employeeValues(100 + k, { firstName: `Member${k + 1}`, lastName: 'Smith', jobId: job.id, departmentId: department.id }) })),
    ],
  })).rows;
  const [ceo] = (await app.ok('people.savePositions', { rows: [{ values: { title: 'Chief Executive', jobId: job.id, departmentId: department.id, incumbentId: people[0].id } }] })).rows;
  const vps = (await app.ok('people.savePositions', {
    rows: [1, 2, 3].map((k) => ({ values: { title: `VP ${k}`, jobId: job.id, departmentId: department.id, reportsToId: ceo.id, incumbentId: people[k].id } })),
  })).rows;
  await app.ok('people.savePositions', {
    rows: Array.from({ length: 36 }, (_, k) => ({ values: { title: `Team member ${String(k + 1).padStart(2, '0')}`, jobId: job.id, departmentId: department.id, reportsToId: vps[Math.floor(k / 12)].id, incumbentId: people[4 + k].id } })),
  });
  const [now, soon] = (await app.ok('succession.listReadinessLevels', {})).rows;
  await app.ok('succession.saveKeyPositions', { rows: [{ values: { positionId: ceo.id, criticality: 'high', vacancyRisk: 'medium' } }] });
  const [external] = (await app.ok('succession.saveExternalCandidates', { rows: [{ values: { name: '王小明', organisation: 'Pacific Data' } }] })).rows;
  await app.ok('succession.nominateSuccessor', { positionId: ceo.id, employeeId: people[1].id, readinessId: now.id });
  await app.ok('succession.nominateSuccessor', { positionId: ceo.id, externalCandidateId: external.id, readinessId: soon.id });
  return { ceo, vps, people };
}

const exportFile = async (app: TestApp, input: Record<string, unknown>) =>
  Buffer.from((await app.ok('succession.exportChart', { scope: {}, photos: false, ...input } as never)).contentBase64, 'base64');

describe('chart exports', () => {
  it('SVG parses, with one group per position and names in any script', async () => {
    const app = await openTestApp();
    await organisation(app);
    const svg = (await exportFile(app, { format: 'svg' })).toString('utf8');
    expect(() => new Resvg(svg, { font: { loadSystemFonts: false } })).not.toThrow();
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg.match(/<g class="position"/g)).toHaveLength(40);
    for (const name of ['Helena Dvořáková', '小明 王', 'محمد الأحمد', '王小明 (external)', 'Bench 75']) expect(svg).toContain(name);
  });

  it('PNG has the asked width and the chart’s proportions; an oversized one is refused', async () => {
    const app = await openTestApp();
    await organisation(app);
    const svg = (await exportFile(app, { format: 'svg' })).toString('utf8');
    const [, width, height] = svg.match(/<svg[^>]* width="(\d+)" height="(\d+)"/)!.map(Number);
    const png = await exportFile(app, { format: 'png', pngWidth: 1200 });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1200);
    expect(png.readUInt32BE(20)).toBe(Math.round((1200 * height) / width));
    const huge = await app.fail('succession.exportChart', { format: 'png', scope: {}, photos: false, pngDpi: 600 });
    expect(huge.code).toBe('VALIDATION');
    expect(huge.message).toMatch(/^A PNG of this chart at that size would be [\d,]+ × [\d,]+ pixels; the most is 16,000 pixels on a side and 64 megapixels\./);
  });

  it('PDF tiled on A4 has the index and a page per subtree, names in any script and working links; fitted is one page', async () => {
    const app = await openTestApp();
    await organisation(app);
    const pdf = await exportFile(app, { format: 'pdf', pdfLayout: 'tiled', paper: 'A4' });
    const text = await readerText(pdf);
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(5);
    for (const name of ['Helena Dvořáková', 'Ann Lee', 'Member12 Smith', 'Continued on page 3', 'Continued from page 2']) expect(text).toContain(name);
    expect(text).toMatch(/王/);
    expect(text).toMatch(/محمد/);
    // Index rows and "continued" notes are links to named destinations of the pages.
    expect(pdf.toString('latin1').match(/\/S \/GoTo/g)!.length).toBeGreaterThanOrEqual(4 + 3 + 3);
    const fitted = await exportFile(app, { format: 'pdf', pdfLayout: 'fit', paper: 'A3' });
    expect(fitted.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);
  });

  it('PPTX has an index slide and one slide per subtree, one editable shape per position holding its names, slides linked', async () => {
    const app = await openTestApp();
    const { vps } = await organisation(app);
    const zip = await JSZip.loadAsync(await exportFile(app, { format: 'pptx' }));
    const slides = Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
    expect(slides).toHaveLength(5);
    const top = await zip.file('ppt/slides/slide2.xml')!.async('string');
    const shapes = [...top.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)].map((m) => m[0]);
    const cards = shapes.filter((shape) => /name="Position: /.test(shape));
    expect(cards.map((shape) => shape.match(/name="Position: ([^"]+)"/)![1]).sort()).toEqual(['Chief Executive', 'VP 1', 'VP 2', 'VP 3']);
    const textOf = (shape: string) => [...shape.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('');
    expect(textOf(cards.find((shape) => shape.includes('Position: VP 1'))!)).toContain('Helena Dvořáková');
    expect(textOf(cards.find((shape) => shape.includes('Position: VP 2'))!)).toContain('小明 王');
    expect(textOf(cards.find((shape) => shape.includes('Position: VP 3'))!)).toContain('محمد الأحمد');
    expect(textOf(cards.find((shape) => shape.includes('Position: Chief Executive'))!)).toContain('王小明 (external)');
    // Connectors are line shapes, not a picture; "continued" notes link to the VPs' slides.
    expect(top).toMatch(/prst="line"/);
    expect(top).not.toMatch(/<p:pic>/);
    const links = await zip.file('ppt/slides/_rels/slide2.xml.rels')!.async('string');
    for (const target of ['slide3.xml', 'slide4.xml', 'slide5.xml']) expect(links).toContain(target);
    const team = await zip.file('ppt/slides/slide3.xml')!.async('string');
    expect([...team.matchAll(/name="Position: /g)]).toHaveLength(13);
    expect(vps).toHaveLength(3);
  });

  it('XLSX holds every plan with its successors, readiness and rank, and the bench', async () => {
    const app = await openTestApp();
    await organisation(app);
    const file = await app.ok('succession.exportPlans', {});
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as never);
    const sheet = workbook.getWorksheet('Succession plans')!;
    const rows = (sheet.getSheetValues() as unknown[][]).slice(2).map((row) => row.slice(1));
    expect(rows.map((r) => [r[1], r[6], r[9], r[10], r[12], r[13]])).toEqual([
      ['Chief Executive · Group', 'Ann Lee', 'Helena Dvořáková', 'Internal', 1, 'Ready now'],
      ['Chief Executive · Group', 'Ann Lee', '王小明', 'External', 2, 'Ready in 1–2 years'],
    ]);
    const bench = (workbook.getWorksheet('Bench strength')!.getSheetValues() as unknown[][])[2].slice(1);
    // One ready now (50) and one in 1–2 years (25).
    expect(bench).toEqual(['Chief Executive · Group', 'Ann Lee', 1, 1, 0, 2, 'No', 75, 'Strong']);
  });

  it('refuses an empty chart and a scope that matches nothing, making no file', async () => {
    const app = await openTestApp();
    const empty = await app.fail('succession.exportChart', { format: 'pdf', scope: {}, photos: false });
    expect(empty.message).toBe('There are no positions to chart yet: add positions (People → Positions) first. No file was made.');
    await organisation(app);
    const nowhere = await app.fail('succession.exportChart', { format: 'svg', scope: { rootId: '0b6f7c1e-4a3b-4c2d-9e8f-1a2b3c4d5e6f' }, photos: false });
    expect(nowhere.message).toBe('The chosen position is not in the chart (it may have been archived). No file was made.');
  });

  it('a subtree with a number of levels holds just those positions', async () => {
    const app = await openTestApp();
    const { vps } = await organisation(app);
    const svg = (await exportFile(app, { format: 'svg', scope: { rootId: vps[0].id, levels: 1 } })).toString('utf8');
    expect(svg.match(/<g class="position"/g)).toHaveLength(13);
    const only = (await exportFile(app, { format: 'svg', scope: { levels: 1 } })).toString('utf8');
    expect(only.match(/<g class="position"/g)).toHaveLength(4);
    expect(only).toContain('+12 below');
  });
});

/** A small PNG drawn by resvg (a red square), as a camera would not make it but any decoder reads it. */
const photo = (colour = '#c33') => new Resvg(`<svg xmlns="http://www.w3.org/2000/svg" width="240" height="160"><rect width="240" height="160" fill="${colour}"/></svg>`).render().asPng();
const file = (fileName: string, bytes: Buffer) => ({ fileName, contentBase64: bytes.toString('base64') });

describe('employee photos', () => {
  it('imports images and zips named by employee number, shows them on the chart and in exports', async () => {
    const app = await openTestApp();
    const { people } = await organisation(app);
    expect(await app.ok('succession.importPhotos', { files: [file('t0001.PNG', photo())] })).toEqual({ imported: 1, replaced: 0 });
    const zip = new JSZip();
    zip.file('photos/T0002.png', photo('#3c3'));
    zip.file('photos/T0001.png', photo('#33c'));
    zip.file('__MACOSX/._T0002.png', 'resource fork');
    const zipped = await zip.generateAsync({ type: 'nodebuffer' });
    expect(await app.ok('succession.importPhotos', { files: [file('photos.zip', zipped)] })).toEqual({ imported: 2, replaced: 1 });
    const chart = await app.ok('succession.getChart', {});
    expect(chart.positions.filter((p) => p.incumbent?.hasPhoto).map((p) => p.incumbent!.name).sort()).toEqual(['Ann Lee', 'Helena Dvořáková']);
    const [stored] = (await app.ok('succession.getPhotos', { employeeIds: [people[0].id] })).photos;
    const png = Buffer.from(stored.dataUrl.replace('data:image/png;base64,', ''), 'base64');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([192, 192]);
    expect((await exportFile(app, { format: 'svg', photos: true })).toString().match(/data:image\/png/g)).toHaveLength(2);
    expect((await exportFile(app, { format: 'svg', photos: false })).toString()).not.toContain('data:image/png');
    // A JPEG (a page drawn by poppler) is cropped to the same square.
    expect(await app.ok('succession.importPhotos', { files: [file('T0003.jpeg', fs.readFileSync(new URL('./fixtures/photo.jpg', import.meta.url)))] })).toEqual({ imported: 1, replaced: 0 });
    const [jpeg] = (await app.ok('succession.getPhotos', { employeeIds: [people[2].id] })).photos;
    expect(Buffer.from(jpeg.dataUrl.split(',')[1], 'base64').readUInt32BE(16)).toBe(192);
  });

  it('refuses a file that is not an image, a 200 MB one, and names no employee has; nothing is stored', async () => {
    const app = await openTestApp();
    await organisation(app);
    const refuse = async (files: { fileName: string; contentBase64: string }[], message: string) => {
      const error = await app.fail('succession.importPhotos', { files });
      expect(error.message).toBe(message);
      expect(app.count('employee_photo')).toBe(0);
    };
    await refuse([file('T0001.jpg', Buffer.from('not a picture at all'))], 'T0001.jpg is not a PNG or JPEG image. No photos were stored.');
    await refuse([file('T0001.png', photo()), file('T9999.png', photo())], 'T9999.png: no employee has the number "T9999"; name each photo by employee number (E000123.jpg). No photos were stored.');
    await refuse([file('T0001.png', Buffer.concat([photo(), Buffer.alloc(9 * 1024 * 1024)]))], 'T0001.png is larger than 8 MB; photos are at most 8 MB each. No photos were stored.');
    // 200 MB does not even get past the contract (base64 of at most 40 MB).
    const big = await app.fail('succession.importPhotos', { files: [{ fileName: 'T0001.png', contentBase64: 'A'.repeat(60 * 1024 * 1024) }] });
    expect(big).toMatchObject({ code: 'VALIDATION' });
    expect(big.message).toContain('The file is larger than 40 MB');
    // A dry run checks and stores nothing.
    expect(await app.ok('succession.importPhotos', { files: [file('T0001.png', photo())], dryRun: true })).toEqual({ imported: 1, replaced: 0 });
    expect(app.count('employee_photo')).toBe(0);
  });
});
