// The session as slides, one per view — the nine-box, the rating bins and the distribution
// chart — drawn as native PowerPoint shapes and text (every box, bar and name can be clicked
// and edited), never as a picture. Boxes and bars come from the layouts the screen draws.
import PptxGenJS from 'pptxgenjs';
import type { ExportedFile } from '../../src-shared/api';
import type { CalibrationMember } from '../../src-shared/api/calibration';
import { bandLabel, distributionChartLayout, nineBoxLayout, type RuleStatus } from '../../src-shared/domain/calibration';
import type { ServiceContext } from '../services/context';
import { reportFileName, sessionReport, type SessionReport } from '../services/calibration/report';
import { faceFor } from './fonts/faces';
import { measureText } from './fonts/text-layout';

type Slide = PptxGenJS.Slide;
type Run = PptxGenJS.TextProps;

/** The primary Noto face; runs in other scripts name their own Noto family (see `runs`). */
const FONT = 'Noto Sans';
const INK = '1F2933';
const MUTED = '6B7785';
const RULE = 'D5DBE1';
const BAR = '0B7285';
const STATUS: Record<RuleStatus, string> = { within: '2B8A3E', over: 'C92A2A', under: 'E8590C' };
const WIDTH = 13.333;
const LEFT = 0.4;
const NAME_LINE = 0.15;

export async function exportSessionPptx(ctx: ServiceContext, sessionId: string): Promise<ExportedFile> {
  const report = sessionReport(ctx, sessionId);
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.author = 'Canopy';
  pptx.company = report.organisation;
  pptx.title = `Calibration: ${report.session.name}`;
  nineBoxSlide(pptx, report);
  binsSlide(pptx, report);
  distributionSlide(pptx, report);
  const buffer = (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
  return { fileName: reportFileName(report, 'pptx'), mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', contentBase64: Buffer.from(buffer).toString('base64') };
}

/** Noto family names as Office and LibreOffice know them, from the shared font module's face names. */
function familyOf(face: string): string {
  const base = face.split('-')[0];
  return base === 'NotoSansCJKsc' ? 'Noto Sans CJK SC' : base.replace(/([a-z])([A-Z])/g, '$1 $2');
}

/**
 * Text as runs of one font each, in reading order, chosen character by character by the same
 * fallback chain the PDF uses: a slide names "Noto Sans CJK SC" for 王小明 and "Noto Sans" for
 * Dvořáková, so PowerPoint and LibreOffice draw every script with a font that has it.
 */
function runs(text: string, options: PptxGenJS.TextPropsOptions = {}, bold = false): Run[] {
  const out: Run[] = [];
  let face: string | null = null;
  for (const character of text) {
    const next = faceFor(character.codePointAt(0)!, { weight: bold ? 'bold' : 'regular' }, face);
    if (next === face && out.length) out[out.length - 1].text += character;
    else out.push({ text: character, options: { ...options, bold, fontFace: familyOf(next) } });
    face = next;
  }
  return out.length ? out : [{ text: '', options: { ...options, bold } }];
}

/** Several lines of runs, each line ending in a break. */
function linesOf(items: { text: string; options?: PptxGenJS.TextPropsOptions; bold?: boolean }[]): Run[] {
  return items.flatMap((item, i) => {
    const line = runs(item.text, item.options, item.bold);
    if (i < items.length - 1) line[line.length - 1].options = { ...line[line.length - 1].options, breakLine: true };
    return line;
  });
}

/** Width of one line of text in inches, measured with the embedded fonts' metrics. */
const inches = (text: string, size: number, bold = false) => measureText(text, { size, weight: bold ? 'bold' : 'regular' }) / 72;

/** The text cut with "…" to fit `width` inches on one line. */
function fit(text: string, width: number, size: number): string {
  if (inches(text, size) <= width) return text;
  const characters = [...text];
  while (characters.length > 1 && inches(`${characters.join('')}…`, size) > width) characters.pop();
  return `${characters.join('').trimEnd()}…`;
}

function header(slide: Slide, report: SessionReport, title: string): void {
  const { session, distribution } = report;
  slide.addText(title, { x: LEFT, y: 0.15, w: WIDTH - 2 * LEFT, h: 0.5, fontFace: FONT, fontSize: 22, bold: true, color: INK, objectName: 'Title' });
  const facts = [session.name, session.cycleName, session.date, `${distribution.population} people placed`, distribution.holding ? `${distribution.holding} in the holding area` : null, session.status === 'finalised' ? 'finalised' : null];
  slide.addText(runs(facts.filter(Boolean).join(' · ')), { x: LEFT, y: 0.62, w: WIDTH - 2 * LEFT, h: 0.3, fontFace: FONT, fontSize: 11, color: MUTED, objectName: 'Subtitle' });
}

/** The guidelines as coloured chips (green within, red over, orange under), one editable shape each. */
function guidelineChips(slide: Slide, pptx: PptxGenJS, report: SessionReport, y: number): number {
  const evaluation = report.distribution.evaluation;
  if (!evaluation || !report.session.guidelines) return y;
  let x = LEFT;
  for (const rule of evaluation.rules) {
    const text = `${rule.label}: ${rule.actual} (${rule.actualPercent} %) · ${rule.status === 'within' ? 'within' : `${rule.status} by ${rule.outsideBy}`}`;
    const w = Math.min(6, 0.25 + inches(text, 9, true));
    if (x + w > WIDTH - LEFT) (x = LEFT, y += 0.34);
    slide.addText(runs(text, {}, true), { shape: pptx.ShapeType.roundRect, rectRadius: 0.05, x, y, w, h: 0.28, fontFace: FONT, fontSize: 9, bold: true, color: 'FFFFFF', fill: { color: STATUS[rule.status] }, align: 'center', valign: 'middle', objectName: `Guideline: ${rule.label}` });
    x += w + 0.08;
  }
  return y + 0.38;
}

/** Names in columns inside an area, one text box per column; the last line says how many more. */
function nameColumns(slide: Slide, names: string[], area: { x: number; y: number; w: number; h: number }, fontSize: number, objectName: string): void {
  const lines = Math.max(0, Math.floor(area.h / (NAME_LINE * (fontSize / 8))));
  const columns = Math.max(1, Math.floor(area.w / 1.45));
  const capacity = lines * columns;
  if (capacity === 0 || names.length === 0) return;
  const shown = names.length > capacity ? [...names.slice(0, capacity - 1), `+ ${names.length - capacity + 1} more`] : names;
  const columnWidth = area.w / columns;
  for (let c = 0; c * lines < shown.length; c++) {
    const chunk = shown.slice(c * lines, (c + 1) * lines).map((name) => ({ text: fit(name, columnWidth - 0.06, fontSize) }));
    slide.addText(linesOf(chunk), {
      x: area.x + c * columnWidth, y: area.y, w: columnWidth, h: Math.min(area.h, chunk.length * NAME_LINE * (fontSize / 8) + 0.05),
      fontFace: FONT, fontSize, color: INK, valign: 'top', margin: 1, lineSpacingMultiple: 0.95, objectName: `${objectName} ${c + 1}`,
    });
  }
}

function nineBoxSlide(pptx: PptxGenJS, report: SessionReport): void {
  const slide = pptx.addSlide();
  const { session, byBox, distribution } = report;
  const { settings, levels } = session;
  header(slide, report, 'Nine-box');
  const top = guidelineChips(slide, pptx, report, 1.0);
  const area = { x: LEFT, y: top, w: WIDTH - 2 * LEFT, h: 7.3 - top };
  const layout = nineBoxLayout(settings, { width: area.w, height: area.h, labelSize: 0.22, gap: 0.06 });
  for (const box of layout.boxes) {
    const style = settings.boxes[box.index];
    const people = byBox[box.index];
    const share = distribution.population ? Math.round((people.length / distribution.population) * 100) : 0;
    const x = area.x + box.x;
    const y = area.y + box.y;
    slide.addText(linesOf([
      { text: style.name, options: { fontSize: 12 }, bold: true },
      { text: `${people.length} ${people.length === 1 ? 'person' : 'people'} · ${share} %`, options: { fontSize: 9, color: MUTED } },
    ]), { shape: pptx.ShapeType.rect, x, y, w: box.width, h: box.height, fill: { color: style.colour.slice(1) }, line: { color: RULE, width: 0.75 }, fontFace: FONT, color: INK, valign: 'top', margin: 4, objectName: `Box: ${style.name}` });
    nameColumns(slide, people.map((p) => p.employeeName), { x: x + 0.05, y: y + 0.45, w: box.width - 0.1, h: box.height - 0.5 }, 8, `People: ${style.name}`);
  }
  for (const label of layout.columnLabels) {
    slide.addText(runs(bandLabel(levels, settings.performanceBands, label.column)), { x: area.x + label.x, y: area.y + label.y, w: label.width, h: label.height, fontFace: FONT, fontSize: 9, color: INK, align: 'center', objectName: `Performance band ${label.column + 1}` });
  }
  slide.addText('Performance →', { x: area.x + layout.performanceAxis.x, y: area.y + layout.performanceAxis.y, w: layout.performanceAxis.width, h: layout.performanceAxis.height, fontFace: FONT, fontSize: 10, bold: true, color: INK, align: 'center', objectName: 'Performance axis' });
  for (const label of layout.rowLabels) {
    rotatedText(slide, bandLabel(settings.potentialLevels, settings.potentialBands, label.row), area.x + label.x, area.y + label.y, label.width, label.height, 9, false, `Potential band ${label.row + 1}`);
  }
  rotatedText(slide, 'Potential →', area.x + layout.potentialAxis.x, area.y + layout.potentialAxis.y, layout.potentialAxis.width, layout.potentialAxis.height, 10, true, 'Potential axis');
}

/** A text box turned to read upwards, filling the tall thin area (x, y, w, h) it is drawn in. */
function rotatedText(slide: Slide, text: string, x: number, y: number, w: number, h: number, fontSize: number, bold: boolean, objectName: string): void {
  // A shape rotates about its centre: lay it out as wide as the area is tall, centred on the area.
  slide.addText(runs(text, {}, bold), { x: x + w / 2 - h / 2, y: y + h / 2 - w / 2, w: h, h: w, rotate: 270, fontFace: FONT, fontSize, bold, color: INK, align: 'center', valign: 'middle', objectName });
}

function binsSlide(pptx: PptxGenJS, report: SessionReport): void {
  const slide = pptx.addSlide();
  const { session, byLevel, distribution } = report;
  header(slide, report, 'Rating bins');
  const top = guidelineChips(slide, pptx, report, 1.0);
  const gap = 0.08;
  const count = session.levels.length;
  const w = (WIDTH - 2 * LEFT - gap * (count - 1)) / count;
  session.levels.forEach((level, i) => {
    const people: CalibrationMember[] = byLevel[i];
    const x = LEFT + i * (w + gap);
    const share = distribution.population ? Math.round((people.length / distribution.population) * 1000) / 10 : 0;
    slide.addText(linesOf([
      { text: `${level.value} · ${level.label}`, options: { fontSize: 12 }, bold: true },
      { text: `${people.length} ${people.length === 1 ? 'person' : 'people'} · ${share} %`, options: { fontSize: 9 } },
    ]), { shape: pptx.ShapeType.rect, x, y: top, w, h: 0.62, fill: { color: 'E6FCF5' }, line: { color: RULE, width: 0.75 }, fontFace: FONT, color: INK, valign: 'middle', align: 'center', objectName: `Bin: ${level.label}` });
    slide.addShape(pptx.ShapeType.rect, { x, y: top + 0.66, w, h: 7.3 - top - 0.66, fill: { color: 'F8F9FA' }, line: { color: RULE, width: 0.5 }, objectName: `Bin area: ${level.label}` });
    nameColumns(slide, people.map((p) => p.employeeName), { x: x + 0.04, y: top + 0.72, w: w - 0.08, h: 7.3 - top - 0.8 }, 8, `People: ${level.label}`);
  });
}

function distributionSlide(pptx: PptxGenJS, report: SessionReport): void {
  const slide = pptx.addSlide();
  const { session, distribution } = report;
  header(slide, report, 'Distribution against the guidelines');
  const area = { x: LEFT, y: 1.15, w: 8.3, h: 5.6 };
  const chart = distributionChartLayout(session.levels.length, distribution.calibrated, distribution.original, distribution.evaluation, { width: area.w, height: area.h, labelSize: 0.4 });
  for (const tick of chart.ticks) {
    slide.addShape(pptx.ShapeType.line, { x: area.x + chart.plot.x, y: area.y + tick.y, w: chart.plot.width, h: 0, line: { color: 'E9ECEF', width: 0.75 }, objectName: `Grid line ${tick.value}` });
    slide.addText(String(tick.value), { x: area.x, y: area.y + tick.y - 0.12, w: chart.plot.x - 0.05, h: 0.24, fontFace: FONT, fontSize: 9, color: MUTED, align: 'right', objectName: `Axis ${tick.value}` });
  }
  for (const target of chart.targets) {
    slide.addShape(pptx.ShapeType.rect, { x: area.x + target.x, y: area.y + target.y, w: target.width, h: target.height, fill: { color: STATUS[target.status], transparency: 80 }, line: { color: STATUS[target.status], width: 1, dashType: 'dash' }, objectName: `Guideline band ${target.ruleIndex + 1}` });
  }
  chart.originalBars.forEach((bar) => {
    if (bar.height <= 0) return;
    slide.addShape(pptx.ShapeType.rect, { x: area.x + bar.x, y: area.y + bar.y, w: bar.width, h: bar.height, fill: { color: 'FFFFFF', transparency: 100 }, line: { color: MUTED, width: 1 }, objectName: `Before: ${session.levels[bar.levelIndex].label}` });
  });
  chart.bars.forEach((bar) => {
    const level = session.levels[bar.levelIndex];
    if (bar.height > 0) slide.addShape(pptx.ShapeType.rect, { x: area.x + bar.x, y: area.y + bar.y, w: bar.width, h: bar.height, fill: { color: BAR }, line: { color: BAR, width: 0.5 }, objectName: `Bar: ${level.label}` });
    slide.addText(String(bar.count), { x: area.x + bar.x - 0.15, y: area.y + bar.y - 0.28, w: bar.width + 0.3, h: 0.26, fontFace: FONT, fontSize: 11, bold: true, color: INK, align: 'center', objectName: `Count: ${level.label}` });
  });
  for (const label of chart.labels) {
    const level = session.levels[label.levelIndex];
    slide.addText(runs(`${level.value} · ${level.label}`), { x: area.x + label.x, y: area.y + label.y, w: label.width, h: label.height, fontFace: FONT, fontSize: 10, color: INK, align: 'center', valign: 'top', objectName: `Level: ${level.label}` });
  }
  slide.addShape(pptx.ShapeType.rect, { x: area.x + chart.plot.x, y: 6.95, w: 0.2, h: 0.16, fill: { color: BAR }, objectName: 'Legend calibrated swatch' });
  slide.addText('Calibrated', { x: area.x + chart.plot.x + 0.25, y: 6.88, w: 1.2, h: 0.3, fontFace: FONT, fontSize: 9, color: INK, objectName: 'Legend calibrated' });
  slide.addShape(pptx.ShapeType.rect, { x: area.x + chart.plot.x + 1.4, y: 6.95, w: 0.2, h: 0.16, fill: { color: 'FFFFFF' }, line: { color: MUTED, width: 1 }, objectName: 'Legend before swatch' });
  slide.addText('Before calibration', { x: area.x + chart.plot.x + 1.65, y: 6.88, w: 1.8, h: 0.3, fontFace: FONT, fontSize: 9, color: INK, objectName: 'Legend before' });
  slide.addShape(pptx.ShapeType.rect, { x: area.x + chart.plot.x + 3.4, y: 6.95, w: 0.2, h: 0.16, fill: { color: STATUS.within, transparency: 80 }, line: { color: STATUS.within, width: 1, dashType: 'dash' }, objectName: 'Legend guideline swatch' });
  slide.addText('Head counts a guideline allows', { x: area.x + chart.plot.x + 3.65, y: 6.88, w: 3, h: 0.3, fontFace: FONT, fontSize: 9, color: INK, objectName: 'Legend guideline' });
  guidelineTable(slide, report);
}

function guidelineTable(slide: Slide, { session, distribution }: SessionReport): void {
  const x = 9.0;
  if (!distribution.evaluation || !session.guidelines) {
    slide.addText('No distribution guidelines for this session.', { x, y: 1.2, w: 3.9, h: 0.4, fontFace: FONT, fontSize: 11, color: MUTED, objectName: 'Guidelines' });
    return;
  }
  slide.addText(runs(`${session.guidelines.name} (${session.guidelines.mode})`, {}, true), { x, y: 1.15, w: 3.9, h: 0.35, fontFace: FONT, fontSize: 12, bold: true, color: INK, objectName: 'Guidelines title' });
  const head = ['Guideline', 'Target', 'Actual'].map((text) => ({ text, options: { bold: true, color: INK, fill: { color: 'F1F3F5' } } }));
  // Table cells take one font each: the label's first run decides (guideline labels are the scale's words).
  const rows = distribution.evaluation.rules.map((rule) => [
    { text: rule.label, options: { fontFace: runs(rule.label)[0].options?.fontFace ?? FONT } },
    { text: rule.target, options: {} },
    { text: `${rule.actual} (${rule.actualPercent} %)`, options: { bold: true, color: STATUS[rule.status] } },
  ]);
  slide.addTable([head, ...rows], { x, y: 1.55, w: 3.9, colW: [1.7, 1.2, 1.0], fontFace: FONT, fontSize: 9, color: INK, border: { type: 'solid', pt: 0.5, color: RULE }, objectName: 'Guidelines table' } as PptxGenJS.TableProps);
}
