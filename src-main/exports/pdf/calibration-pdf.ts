// The session hand-out: the nine-box with everyone's name in their box, the distribution
// chart against the guidelines, and the ratings that moved. Boxes and bars come from the same
// layout functions the screen draws (src-shared/domain/calibration).
import type { ExportedFile } from '../../../src-shared/api';
import { bandLabel, distributionChartLayout, levelOfRating, nineBoxLayout, type RuleStatus } from '../../../src-shared/domain/calibration';
import type { ServiceContext } from '../../services/context';
import { reportFileName, sessionReport, type SessionReport } from '../../services/calibration/report';
import { INK, MUTED, RULE, TRACK } from './colours';
import { contentBottom, contentWidth, createReport, drawHeading, drawTitleBlock, finishReport, type Pdf, type ReportMeta } from './document';
import { writeTable } from './table';
import { drawText, textWidth } from './text';

export const STATUS_COLOURS: Record<RuleStatus, string> = { within: '#2b8a3e', over: '#c92a2a', under: '#e8590c' };
const BAR = '#0b7285';

export async function exportSessionPdf(ctx: ServiceContext, sessionId: string): Promise<ExportedFile> {
  const report = sessionReport(ctx, sessionId);
  const { session } = report;
  const meta: ReportMeta = {
    organisation: report.organisation,
    title: `Calibration: ${session.name}`,
    subtitle: `${session.cycleName} · ${session.date}${session.location ? ` · ${session.location}` : ''} · ${statusText(report)}`,
    asOf: session.finalisedAt?.slice(0, 10) ?? report.generatedAt.slice(0, 10),
    generatedAt: report.generatedAt,
  };
  const doc = createReport(meta, 'landscape');
  drawTitleBlock(doc, meta);
  drawGuidelineStrip(doc, report);
  drawNineBox(doc, report);
  doc.addPage();
  drawHeading(doc, 'Distribution of calibrated ratings');
  drawDistribution(doc, report);
  drawMoves(doc, report);
  const pdf = await finishReport(doc, meta);
  return { fileName: reportFileName(report, 'pdf'), mimeType: 'application/pdf', contentBase64: pdf.toString('base64') };
}

function statusText({ session }: SessionReport): string {
  if (session.status === 'finalised') return `finalised ${session.finalisedAt?.slice(0, 10)} by ${session.finalisedBy}`;
  return session.status === 'draft' ? 'draft' : 'in session';
}

/** One chip per guideline: its label and the actual count, green when met, red or orange when not. */
function drawGuidelineStrip(doc: Pdf, { session, distribution }: SessionReport): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const note = { size: 8, colour: MUTED, width, maxLines: 1 };
  if (!distribution.evaluation || !session.guidelines) {
    drawText(doc, 'No distribution guidelines for this session.', left, doc.y, note);
    doc.y += 6;
    return;
  }
  drawText(doc, `Guidelines “${session.guidelines.name}” (${session.guidelines.mode}) · ${distribution.population} people placed${distribution.holding ? `, ${distribution.holding} in the holding area` : ''}`, left, doc.y, note);
  let x = left;
  let y = doc.y + 3;
  for (const rule of distribution.evaluation.rules) {
    const verdict = rule.status === 'within' ? 'within' : `${rule.status} by ${rule.outsideBy}`;
    const text = `${rule.label}: ${rule.actual} (${rule.actualPercent} %), ${rule.target} · ${verdict}`;
    const chip = textWidth(text, { size: 7.5, weight: 'bold' }) + 12;
    if (x + chip > left + width) (x = left, y += 16);
    doc.roundedRect(x, y, chip, 13, 3).fillColor(STATUS_COLOURS[rule.status]).fill();
    drawText(doc, text, x + 6, y + 2.5, { size: 7.5, weight: 'bold', colour: '#ffffff' });
    x += chip + 5;
  }
  doc.x = left;
  doc.y = y + 20;
}

function drawNineBox(doc: Pdf, report: SessionReport): void {
  const { session, byBox, unplaced, distribution } = report;
  const { settings, levels } = session;
  const left = doc.page.margins.left;
  const top = doc.y;
  const height = contentBottom(doc) - top - 14;
  const layout = nineBoxLayout(settings, { width: contentWidth(doc), height, labelSize: 12, gap: 4 });
  for (const box of layout.boxes) {
    const style = settings.boxes[box.index];
    const people = byBox[box.index];
    const x = left + box.x;
    const y = top + box.y;
    doc.rect(x, y, box.width, box.height).fillColor(style.colour).fill();
    doc.rect(x, y, box.width, box.height).lineWidth(0.5).strokeColor(RULE).stroke();
    drawText(doc, style.name, x + 5, y + 4, { size: 9, weight: 'bold', colour: INK, width: box.width - 10, maxLines: 1 });
    const share = distribution.population ? Math.round((people.length / distribution.population) * 100) : 0;
    drawText(doc, `${people.length} ${people.length === 1 ? 'person' : 'people'} · ${share} %`, x + 5, y + 15, { size: 7.5, colour: MUTED, width: box.width - 10, maxLines: 1 });
    drawNames(doc, people.map((p) => p.employeeName), { x: x + 5, y: y + 26, width: box.width - 10, height: box.height - 30 });
  }
  for (const label of layout.columnLabels) {
    drawText(doc, bandLabel(levels, settings.performanceBands, label.column), left + label.x, top + label.y + 2, { size: 7.5, colour: INK, width: label.width, align: 'center', maxLines: 1 });
  }
  drawText(doc, 'Performance →', left + layout.performanceAxis.x, top + layout.performanceAxis.y + 1, { size: 8, weight: 'bold', colour: INK, width: layout.performanceAxis.width, align: 'center', maxLines: 1 });
  for (const label of layout.rowLabels) {
    rotated(doc, bandLabel(settings.potentialLevels, settings.potentialBands, label.row), left + label.x, top + label.y, label.height, 7.5, false);
  }
  rotated(doc, 'Potential →', left + layout.potentialAxis.x, top + layout.potentialAxis.y, layout.potentialAxis.height, 8, true);
  doc.x = left;
  doc.y = top + height + 2;
  if (unplaced.length) {
    drawText(doc, `Not on the grid yet (no rating or no potential): ${unplaced.length} — ${unplaced.slice(0, 12).map((p) => p.employeeName).join(', ')}${unplaced.length > 12 ? ' …' : ''}`, left, doc.y, { size: 8, colour: MUTED, width: contentWidth(doc), maxLines: 1 });
  }
}

/** Names in as many columns as fit, the last line saying how many more when they do not all fit. */
function drawNames(doc: Pdf, names: string[], area: { x: number; y: number; width: number; height: number }): void {
  const lineHeight = 8.6;
  const columns = Math.max(1, Math.floor(area.width / 105));
  const lines = Math.max(0, Math.floor(area.height / lineHeight));
  const capacity = lines * columns;
  const shown = names.length > capacity ? names.slice(0, Math.max(0, capacity - 1)) : names;
  const columnWidth = area.width / columns;
  shown.forEach((name, i) => {
    const column = Math.floor(i / lines);
    drawText(doc, name, area.x + column * columnWidth, area.y + (i % lines) * lineHeight, { size: 7, colour: INK, width: columnWidth - 4, maxLines: 1 });
  });
  if (shown.length < names.length && capacity > 0) {
    const i = shown.length;
    drawText(doc, `+ ${names.length - shown.length} more`, area.x + Math.floor(i / lines) * columnWidth, area.y + (i % lines) * lineHeight, { size: 7, weight: 'bold', colour: INK, width: columnWidth - 4, maxLines: 1 });
  }
}

/** Text turned to read upwards, centred along `length` from (x, y) downwards. */
function rotated(doc: Pdf, text: string, x: number, y: number, length: number, size: number, bold: boolean): void {
  doc.save();
  doc.rotate(-90, { origin: [x, y + length] });
  drawText(doc, text, x, y + length, { size, weight: bold ? 'bold' : 'regular', colour: INK, width: length, align: 'center', maxLines: 1 });
  doc.restore();
}

function drawDistribution(doc: Pdf, { session, distribution }: SessionReport): void {
  const left = doc.page.margins.left;
  const top = doc.y + 4;
  const width = contentWidth(doc);
  const chart = distributionChartLayout(session.levels.length, distribution.calibrated, distribution.original, distribution.evaluation, { width, height: 230, labelSize: 16 });
  for (const tick of chart.ticks) {
    doc.moveTo(left + chart.plot.x, top + tick.y).lineTo(left + chart.plot.x + chart.plot.width, top + tick.y).lineWidth(0.4).strokeColor(TRACK).stroke();
    drawText(doc, String(tick.value), left, top + tick.y - 4, { size: 7, colour: MUTED, width: chart.plot.x - 4, align: 'right', maxLines: 1 });
  }
  for (const target of chart.targets) {
    doc.save();
    doc.rect(left + target.x, top + target.y, target.width, target.height).fillOpacity(0.18).fillColor(STATUS_COLOURS[target.status]).fill();
    doc.restore();
    doc.rect(left + target.x, top + target.y, target.width, target.height).lineWidth(0.8).dash(3, { space: 2 }).strokeColor(STATUS_COLOURS[target.status]).stroke().undash();
  }
  for (const bar of chart.originalBars) {
    if (bar.height > 0) doc.rect(left + bar.x, top + bar.y, bar.width, bar.height).lineWidth(0.8).strokeColor(MUTED).stroke();
  }
  for (const bar of chart.bars) {
    if (bar.height > 0) doc.rect(left + bar.x, top + bar.y, bar.width, bar.height).fillColor(BAR).fill();
    drawText(doc, String(bar.count), left + bar.x - 6, top + bar.y - 11, { size: 8, weight: 'bold', colour: INK, width: bar.width + 12, align: 'center', maxLines: 1 });
  }
  for (const label of chart.labels) {
    const level = session.levels[label.levelIndex];
    drawText(doc, `${level.value} · ${level.label}`, left + label.x, top + label.y, { size: 8, colour: INK, width: label.width, align: 'center', maxLines: 1 });
  }
  const legendY = top + 232;
  doc.rect(left + chart.plot.x, legendY, 10, 8).fillColor(BAR).fill();
  const legend = { size: 8, colour: INK, maxLines: 1 };
  drawText(doc, 'Calibrated', left + chart.plot.x + 14, legendY - 1, legend);
  doc.rect(left + chart.plot.x + 80, legendY, 10, 8).lineWidth(0.8).strokeColor(MUTED).stroke();
  drawText(doc, 'Before calibration', left + chart.plot.x + 94, legendY - 1, legend);
  doc.rect(left + chart.plot.x + 190, legendY, 10, 8).lineWidth(0.8).dash(3, { space: 2 }).strokeColor(STATUS_COLOURS.within).stroke().undash();
  drawText(doc, 'Guideline: head counts allowed', left + chart.plot.x + 204, legendY - 1, legend);
  doc.x = left;
  doc.y = legendY + 20;
  if (distribution.evaluation) {
    writeTable(doc, [
      { header: 'Guideline', share: 4, text: (rule) => rule.label },
      { header: 'Target', share: 2.5, text: (rule) => rule.target },
      { header: 'Actual', share: 1.5, align: 'right', text: (rule) => `${rule.actual} (${rule.actualPercent} %)` },
      { header: 'Status', share: 1.5, text: (rule) => (rule.status === 'within' ? 'Within' : `${rule.status === 'over' ? 'Over' : 'Under'} by ${rule.outsideBy}`) },
    ], distribution.evaluation.rules);
  }
}

function drawMoves(doc: Pdf, { session, members, history }: SessionReport): void {
  const moved = members.filter((m) => m.movement === 'up' || m.movement === 'down' || m.movement === 'placed');
  drawHeading(doc, `Ratings changed in calibration (${moved.length})`);
  const label = (value: number | null) => (value === null ? '—' : session.levels.find((l) => l.value === value)?.label ?? String(value));
  const reasonOf = new Map<string, string>();
  for (const change of history) if (change.kind === 'move' && !change.undoneAt && !reasonOf.has(change.memberId)) reasonOf.set(change.memberId, change.reasonLabel ?? '');
  writeTable(doc, [
    { header: 'Employee', share: 2.4, text: (m) => m.employeeName },
    { header: 'Department', share: 2, text: (m) => m.departmentName ?? '—' },
    { header: 'Before', share: 2, text: (m) => (m.originalRating === null ? 'Not rated' : `${m.originalRating} · ${levelOfRating(session.levels, m.originalRating)?.label}`) },
    { header: 'Calibrated', share: 2, text: (m) => label(m.performance) },
    { header: 'Change', share: 1, text: (m) => ({ up: 'Up', down: 'Down', placed: 'First rating', same: '' })[m.movement!] },
    { header: 'Reason', share: 3, text: (m) => reasonOf.get(m.id) ?? '' },
  ], moved, 'No rating moved in this session.');
}
