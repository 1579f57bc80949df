// Names in any script in the PDF reports: the shared text layout (font per run, line breaks, bidi order)
// and the PDFs themselves, read back as a PDF reader (pdf.js) copies their text.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontsDirectory, locateFonts } from '../../src-main/exports/fonts/font-files';
import { isolate, layoutText, measureText, type TextLayout } from '../../src-main/exports/fonts/text-layout';
import { reviewPdf } from '../../src-main/exports/pdf/review-pdf';
import type { ReviewDetail } from '../../src-shared/api';
import { openTestApp, tempDir, type TestApp } from './helpers';
import { embeddedFonts, readerText } from './pdf-text';
import { CYCLE_ID, LEVELS } from './review-fixtures';

/** Each line as its runs, left to right: [face, text]. */
const runsOf = (layout: TextLayout) => layout.lines.map((line) => line.runs.map((run) => [run.face, run.text]));
const lineTexts = (layout: TextLayout) => layout.lines.map((line) => line.runs.map((run) => run.text).join(''));

describe('the export text layout', () => {
  it('draws each script in a face that has it', () => {
    expect(runsOf(layoutText('Dvořáková Łukasz Ñúñez', { size: 10 }))).toEqual([[['NotoSans-Regular', 'Dvořáková Łukasz Ñúñez']]]);
    expect(runsOf(layoutText('Ψυχογιός Соколова', { size: 10, weight: 'bold' }))).toEqual([[['NotoSans-Bold', 'Ψυχογιός Соколова']]]);
    expect(runsOf(layoutText('王小明', { size: 10 }))).toEqual([[['NotoSansCJKsc-Regular-Han', '王小明']]]);
    expect(runsOf(layoutText('山田太郎', { size: 10, weight: 'bold' }))).toEqual([[['NotoSansCJKsc-Bold-Han', '山田太郎']]]);
    expect(runsOf(layoutText('김민준', { size: 10 }))).toEqual([[['NotoSansCJKsc-Regular-Hangul', '김민준']]]);
    expect(runsOf(layoutText('שרה כהן', { size: 10 }))).toEqual([[['NotoSansHebrew-Regular', 'שרה כהן']]]);
    // Italic exists for Latin only; other scripts fall back to their regular face.
    expect(runsOf(layoutText('Ana 王', { size: 10, italic: true }))).toEqual([[['NotoSans-Italic', 'Ana '], ['NotoSansCJKsc-Regular-Han', '王']]]);
  });

  it('orders right-to-left runs visually, keeping each run in logical order for the shaper', () => {
    // The first strong letter is Arabic, so the line reads right to left: محمد on the right, then
    // "Ali 王" (a left-to-right stretch) to its left. The space after محمد belongs to the Arabic run.
    const mixed = layoutText('محمد Ali 王', { size: 10 });
    expect(runsOf(mixed)).toEqual([[['NotoSans-Regular', 'Ali '], ['NotoSansCJKsc-Regular-Han', '王'], ['NotoSansArabic-Regular', 'محمد ']]]);
    expect(mixed.lines[0].runs.map((run) => run.rtl)).toEqual([false, false, true]);
    // An isolated name leaves the English sentence left to right.
    expect(runsOf(layoutText(`Review: ${isolate('فاطمة الزهراء')} (E1)`, { size: 10 }))).toEqual([
      [['NotoSans-Regular', 'Review: '], ['NotoSansArabic-Regular', 'فاطمة الزهراء'], ['NotoSans-Regular', ' (E1)']],
    ]);
    // Brackets in right-to-left text are mirrored: the logical ")" at the end is drawn leftmost as "(".
    expect(runsOf(layoutText('فاطمة (مديرة)', { size: 10 }))).toEqual([
      [['NotoSans-Regular', '('], ['NotoSansArabic-Regular', 'مديرة'], ['NotoSans-Regular', ')'], ['NotoSansArabic-Regular', 'فاطمة ']],
    ]);
  });

  it('wraps ideographs between characters and Arabic between words, first words on the first line', () => {
    // Noto Sans CJK ideographs are one em wide: four fit in 45 pt at 10 pt, five do not.
    expect(measureText('王小明', { size: 10 })).toBe(30);
    expect(lineTexts(layoutText('王小明是一个很好的同事', { size: 10 }, { width: 45 }))).toEqual(['王小明是', '一个很好', '的同事']);
    const words = layoutText('فاطمة الزهراء', { size: 10 }, { width: measureText('الزهراء', { size: 10 }) + 1 });
    expect(lineTexts(words)).toEqual(['فاطمة', 'الزهراء']);
  });

  it('cuts a line that does not fit with an ellipsis, measured with the same fonts', () => {
    const style = { size: 9 };
    const full = measureText('Dvořáková Łukasz', style);
    expect(layoutText('Dvořáková Łukasz', style, { width: full, maxLines: 1 }).truncated).toBe(false);
    // "…" is wider than "z": the cut that fits exactly in its own width keeps "Łuka".
    const fitted = measureText('Dvořáková Łuka…', style);
    const cut = layoutText('Dvořáková Łukasz', style, { width: fitted, maxLines: 1 });
    expect(cut.truncated).toBe(true);
    expect(lineTexts(cut)).toEqual(['Dvořáková Łuka…']);
    expect(cut.width).toBeCloseTo(fitted, 6);
    expect(lineTexts(layoutText('Dvořáková Łukasz', style, { width: fitted - 0.01, maxLines: 1 }))).toEqual(['Dvořáková Łuk…']);
    // Two lines at most: the rest of the text ends the second line in "…".
    expect(lineTexts(layoutText('王小明是一个很好的同事', { size: 10 }, { width: 45, maxLines: 2 }))).toEqual(['王小明是', '一个很…']);
  });
});

describe('PDF reports in any script', () => {
  it('prints a review whose people, job and comments are written in Czech, Chinese, Arabic, Cyrillic, Greek, Korean, Japanese and Hebrew', async () => {
    const file = await reviewPdf(unicodeReview(), { organisation: 'Ελληνική Εταιρεία', generatedAt: '2026-02-10T12:00:00.000Z' });
    const pdf = save(Buffer.from(file.contentBase64, 'base64'), file.fileName);
    expect(file.fileName).toBe('Review محمد علي 2025 annual review.pdf');
    const text = (await readerText(pdf)).normalize('NFKC');
    for (const name of ['Performance review: محمد علي', 'Главный инженер', 'Dvořáková', '王小明', 'Ñúñez', 'Łukasz', '山田太郎', '김민준', 'שרה כהן', 'ΕΛΛΗΝΙΚΉ ΕΤΑΙΡΕΊΑ']) {
      expect(text).toContain(name);
    }
    // pdf.js reads the glyphs of a right-to-left piece from right to left: these read in their logical
    // order only because each word was drawn reversed and the two words right to left.
    expect(text).toContain('“فاطمة الزهراء”');
    expect(text).toContain('Employee sign-off: signed 2026-01-20 by فاطمة الزهراء');
    expectEmbeddedNotoOnly(pdf);
    expectArabicShaped(pdf);
  });

  it('exports the gap reports with names, jobs and skills outside Latin', async () => {
    const app = await openTestApp();
    await app.ok('admin.loadDemoOrganisation', { employees: 150 });
    const engineering = app.store().raw.prepare(`SELECT id FROM department WHERE name = 'Engineering'`).get() as { id: string };
    const heatmap = await app.ok('skills.getHeatmap', { departmentId: engineering.id, includeSubdepartments: true, asOf: '2025-06-30' });
    const [arabic, chinese, czech] = heatmap.employees;
    await rename(app, arabic.id, 'محمد', 'علي');
    await rename(app, chinese.id, '小明', '王');
    await rename(app, czech.id, 'Jana', 'Dvořáková');

    const person = await exportPdf(app, { report: 'person', employeeId: arabic.id, asOf: '2025-06-30' });
    expect(person.text).toContain('Skill gap: محمد علي');
    expectEmbeddedNotoOnly(person.pdf);
    expectArabicShaped(person.pdf);

    const grid = await exportPdf(app, { report: 'heatmap', departmentId: engineering.id, includeSubdepartments: true, asOf: '2025-06-30' });
    for (const name of ['محمد علي', '小明 王', 'Jana Dvořáková']) expect(grid.text).toContain(name);
    expectEmbeddedNotoOnly(grid.pdf);
  });
});

async function exportPdf(app: TestApp, input: Parameters<TestApp['ok']>[1] & object) {
  const file = await app.ok('skills.exportGapReport', input as never);
  const pdf = save(Buffer.from(file.contentBase64, 'base64'), file.fileName);
  return { pdf, text: (await readerText(pdf)).normalize('NFKC') };
}

async function rename(app: TestApp, id: string, firstName: string, lastName: string) {
  const { version } = (await app.ok('people.getEmployee', { id })).employee;
  await app.ok('people.saveEmployees', { rows: [{ id, version, values: { firstName, lastName } }] });
}

/** Set CANOPY_PDF_OUT to a folder to keep the files (to look at them as PNG: pdftoppm -png -r 80). */
function save(pdf: Buffer, fileName: string): Buffer {
  if (process.env.CANOPY_PDF_OUT) fs.writeFileSync(path.join(process.env.CANOPY_PDF_OUT, fileName), pdf);
  return pdf;
}

/** Every font is an embedded Noto face (no Helvetica, which has no glyphs beyond Western Latin). */
function expectEmbeddedNotoOnly(pdf: Buffer) {
  const fonts = embeddedFonts(pdf);
  expect(fonts.length).toBeGreaterThan(0);
  for (const font of fonts) {
    expect(font.name).toMatch(/^Noto/);
    expect(font.unicode.size).toBeGreaterThan(0);
  }
}

/**
 * Arabic letters join, so one letter takes a different glyph at the start, middle and end of a word:
 * the م at the start of محمد and the one in its middle are two glyphs, both read back as U+0645.
 */
function expectArabicShaped(pdf: Buffer) {
  const arabic = embeddedFonts(pdf).find((font) => font.name.startsWith('NotoSansArabic'))!;
  const meem = [...arabic.unicode].filter(([, text]) => text === 'م');
  expect(meem.length).toBeGreaterThanOrEqual(2);
}

function unicodeReview(): ReviewDetail {
  const at = '2026-01-20T10:00:00.000Z';
  return {
    review: {
      id: 'r1', cycleId: CYCLE_ID, cycleName: '2025 annual review', employeeId: 'e1', employeeName: 'محمد علي', employeeNumber: 'E1', managerId: 'm1', managerName: '王小明',
      departmentId: 'd1', departmentName: 'Ñúñez & Łukasz', jobTitle: 'Главный инженер', status: 'final_review', dueDate: '2026-01-31', overdue: false,
      startedAt: at, readyAt: at, finalAt: at, completedAt: null, computedRating: 2.5, overrideRating: 2, finalRating: 2, finalLabel: 'Solid', version: 3,
    },
    cycle: { id: 'c1', name: '2025 annual review', periodStart: '2025-01-01', periodEnd: '2025-12-31', status: 'active', levels: LEVELS, sections: [{ kind: 'goals', title: 'Goals', weight: 100 }], steps: { selfReview: true, peerFeedback: true } },
    items: [{
      key: 'goal:g1', sectionIndex: 0, kind: 'goals', title: 'Ship the Dvořáková migration', description: null, answer: 'rating', required: true, weight: 1,
      goal: { unit: 'percent', startValue: 0, targetValue: 100, actualValue: null, progress: 80, status: 'on_track', stretch: false, periodStart: '2025-01-01', periodEnd: '2025-12-31' }, competency: null,
    }],
    answers: [
      { respondent: 'manager', peerId: null, peerName: null, itemKey: 'goal:g1', rating: 2, comment: 'Worked with 山田太郎 and 김민준 on it.', author: 'Bo', updatedAt: at },
      { respondent: 'self', peerId: null, peerName: null, itemKey: 'goal:g1', rating: 3, comment: 'فاطمة الزهراء', author: 'Ann', updatedAt: at },
      { respondent: 'peer', peerId: 'p1', peerName: 'שרה כהן', itemKey: 'goal:g1', rating: 3, comment: null, author: 'Sara', updatedAt: at },
    ],
    steps: [{ step: 'employee_signoff', peerId: null, peerName: null, status: 'submitted', submittedAt: at, submittedBy: 'فاطمة الزهراء' }],
    sectionScores: [{ sectionIndex: 0, kind: 'goals', title: 'Goals', weight: 100, score: 2 }],
    overrideReason: 'Calibrated down',
    calibration: null,
    snapshotted: false,
  };
}

describe('where the fonts are found', () => {
  const withFonts = (dir: string) => {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'NotoSans-Regular.ttf'), '');
    return dir;
  };

  it('takes the packaged app resources first, else walks up to the repository resources/fonts', () => {
    const root = tempDir();
    const repoFonts = withFonts(path.join(root, 'repo', 'resources', 'fonts'));
    const built = path.join(root, 'repo', 'out', 'main');
    fs.mkdirSync(built, { recursive: true });
    // Development Electron: its own resources folder has no fonts.
    expect(locateFonts({ resourcesPath: path.join(root, 'electron', 'resources'), moduleDir: built })).toBe(repoFonts);
    const packaged = withFonts(path.join(root, 'app', 'resources', 'fonts'));
    expect(locateFonts({ resourcesPath: path.join(root, 'app', 'resources'), moduleDir: built })).toBe(packaged);
    const override = withFonts(path.join(root, 'elsewhere'));
    expect(locateFonts({ override, resourcesPath: path.join(root, 'app', 'resources'), moduleDir: built })).toBe(override);
    expect(() => locateFonts({ moduleDir: path.join(root, 'nowhere') })).toThrow(/export fonts are missing/);
  });

  it('finds the repository fonts from the source tree, as tests and the browser host run', () => {
    expect(fontsDirectory()).toBe(path.resolve('resources', 'fonts'));
  });
});
