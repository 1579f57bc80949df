import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { calibrationOrg, REASON, salesSession } from './calibration-fixtures';
import { openTestApp, type TestApp } from './helpers';
import { pdfText } from './pdf-text';

/** A running session whose people include Anna Dvořáková and 王小明 Wang, with three moves. */
async function sessionWithMoves(app: TestApp) {
  const org = await calibrationOrg(app);
  await app.ok('people.saveEmployees', {
    rows: [
      { id: org.anna.id, version: org.anna.version, values: { lastName: 'Dvořáková' } },
      { id: org.ben.id, version: org.ben.version, values: { firstName: '王小明', lastName: 'Wang' } },
    ],
  });
  const draft = await app.ok('calibration.saveSession', salesSession(org));
  const session = await app.ok('calibration.startSession', { id: draft.id, version: draft.version });
  const { rows } = await app.ok('calibration.listMembers', { sessionId: session.id });
  const byFirst = Object.fromEntries(rows.map((m) => [m.employeeName.split(' ')[0], m]));
  const move = (who: string, values: { performance?: number; potential?: number }) =>
    app.ok('calibration.movePerson', { sessionId: session.id, memberId: byFirst[who].id, version: byFirst[who].version, ...values, ...REASON });
  await move('Anna', { performance: 4, potential: 3 });
  await move('王小明', { potential: 3 });
  await move('Chloe', { potential: 1 });
  return { org, session };
}

const decode = (file: { contentBase64: string }) => Buffer.from(file.contentBase64, 'base64');

describe('calibration exports', () => {
  it('the PDF holds the nine-box with names in their boxes, the guidelines and the moves, in any script', async () => {
    const app = await openTestApp();
    const { session } = await sessionWithMoves(app);
    const file = await app.ok('calibration.exportPdf', { id: session.id });
    expect(file).toMatchObject({ fileName: 'Calibration Sales 2025 2026-01-20.pdf', mimeType: 'application/pdf' });
    const text = pdfText(decode(file));
    for (const expected of [
      'Calibration: Sales 2025', '2025 annual review · 2026-01-20 · Room 3 · in session', 'Consistent star', '2 people · 33 %', 'Anna Dvořáková', '王小明 Wang',
      'Talent risk', 'Chloe Clark', 'Performance →', 'Potential →', 'Outstanding ≤ 20 %: 1 (16.7 %), at most 1 of 6 · within',
      'Distribution of calibrated ratings', 'Ratings changed in calibration (1)', 'Evidence not reflected in the review', 'Not on the grid yet (no rating or no potential): 4 — Dan Dunn, Eva Evans, Finn Fox, Maria Lopez',
    ]) expect(text).toContain(expected);
  });

  it('the PPTX has one slide per view of native shapes and text, each box and bar named, no pictures', async () => {
    const app = await openTestApp();
    const { session } = await sessionWithMoves(app);
    const file = await app.ok('calibration.exportPptx', { id: session.id });
    expect(file.fileName).toBe('Calibration Sales 2025 2026-01-20.pptx');
    const zip = await JSZip.loadAsync(decode(file));
    const slides = Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name)).sort();
    expect(slides).toEqual(['ppt/slides/slide1.xml', 'ppt/slides/slide2.xml', 'ppt/slides/slide3.xml']);
    const [nineBox, bins, chart] = await Promise.all(slides.map((name) => zip.file(name)!.async('string')));
    expect(Object.values(zip.files).filter((entry) => !entry.dir && entry.name.startsWith('ppt/media/'))).toEqual([]);
    for (const xml of [nineBox, bins, chart]) expect(xml).not.toContain('<p:pic>');
    const shapeNames = (xml: string) => [...xml.matchAll(/<p:cNvPr id="\d+" name="([^"]+)"/g)].map((m) => m[1]);
    expect(shapeNames(nineBox)).toEqual(expect.arrayContaining(['Box: Consistent star', 'Box: Talent risk', 'People: Consistent star 1', 'People: Talent risk 1', 'Performance axis', 'Potential axis', 'Guideline: Outstanding ≤ 20 %']));
    expect(nineBox).toContain('<a:t>Anna Dvořáková</a:t>');
    expect(nineBox).toMatch(/<a:latin typeface="Noto Sans CJK SC"[^>]*\/>.*?<\/a:rPr><a:t>王小明 ?<\/a:t>/);
    expect(nineBox).toContain('<a:t>Consistent star</a:t>');
    expect(shapeNames(bins)).toEqual(expect.arrayContaining(['Bin: Unsatisfactory', 'Bin: Outstanding', 'People: Exceeds 1']));
    expect(shapeNames(chart)).toEqual(expect.arrayContaining(['Bar: Exceeds', 'Bar: Meets', 'Before: Meets', 'Guideline band 1', 'Guidelines table']));
    // Editable text, not a picture of it: the count above the Exceeds bar (Maria, Eva, Anna).
    expect(chart).toMatch(/name="Count: Exceeds".*?<a:t>3<\/a:t>/s);
  });

  it('the XLSX puts original and calibrated values side by side and the history on the second sheet', async () => {
    const app = await openTestApp();
    const { session } = await sessionWithMoves(app);
    const file = await app.ok('calibration.exportXlsx', { id: session.id });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(decode(file) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Results', 'Change history', 'Distribution']);
    const results = workbook.getWorksheet('Results')!;
    const headers = (results.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(7, 14)).toEqual(['Original rating', 'Original level', 'Calibrated rating', 'Calibrated level', 'Change', 'Potential', 'Box']);
    const rowOf = (name: string) => {
      for (let r = 2; r <= results.rowCount; r++) if (results.getRow(r).getCell(2).value === name) return (results.getRow(r).values as unknown[]).slice(1);
      throw new Error(`no row for ${name}`);
    };
    expect(rowOf('Anna Dvořáková').slice(7, 14)).toEqual([3.47, 'Meets', 4, 'Exceeds', 'Up', 'High', 'Consistent star']);
    expect(rowOf('Finn Fox').slice(7, 12)).toEqual([undefined, undefined, undefined, undefined, 'Not rated']);
    const history = workbook.getWorksheet('Change history')!;
    expect((history.getRow(2).values as unknown[]).slice(3, 10)).toEqual(['Anna Dvořáková', 'Moved', 'Meets', 'Exceeds', undefined, 'High', 'EVIDENCE']);
    expect(history.rowCount).toBe(4);
    const distribution = workbook.getWorksheet('Distribution')!;
    expect((distribution.getRow(5).values as unknown[]).slice(1)).toEqual([4, 'Exceeds', 2, 3, 50]);
  });
});
