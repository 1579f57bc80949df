// The session's results workbook: every person with the original and the calibrated values side
// by side, the history of moves on the second sheet, and the distribution against the guidelines.
import ExcelJS from 'exceljs';
import type { ExportedFile } from '../../src-shared/api';
import { LOSS_LABELS, SESSION_STATUS_LABELS, type CalibrationMember } from '../../src-shared/api/calibration';
import { boxIndex, boxOf, levelOfRating } from '../../src-shared/domain/calibration';
import type { ServiceContext } from '../services/context';
import { reportFileName, sessionReport, type SessionReport } from '../services/calibration/report';
import { addTableSheet, type Cell } from './table';

const MOVEMENT_TEXT = { up: 'Up', down: 'Down', same: 'Unchanged', placed: 'First rating' } as const;

export async function exportSessionXlsx(ctx: ServiceContext, sessionId: string): Promise<ExportedFile> {
  const report = sessionReport(ctx, sessionId);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Canopy';
  addResultsSheet(workbook, report);
  addHistorySheet(workbook, report);
  addDistributionSheet(workbook, report);
  const buffer = await workbook.xlsx.writeBuffer();
  return { fileName: reportFileName(report, 'xlsx'), mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', contentBase64: Buffer.from(buffer).toString('base64') };
}

const RESULT_HEADERS = [
  'Employee number', 'Employee', 'Department', 'Manager', 'Job', 'Job level', 'Review status',
  'Original rating', 'Original level', 'Calibrated rating', 'Calibrated level', 'Change', 'Potential', 'Box',
  'Risk of loss', 'Impact of loss', 'Discussed', 'Comment',
];

function addResultsSheet(workbook: ExcelJS.Workbook, report: SessionReport): void {
  const { session } = report;
  const { levels, settings } = session;
  const label = (value: number | null) => (value === null ? null : levels.find((l) => l.value === value)?.label ?? null);
  const potentialLabel = (value: number | null) => (value === null ? null : settings.potentialLevels.find((l) => l.value === value)?.label ?? null);
  const boxName = (m: CalibrationMember) => {
    const box = boxOf(settings, levels, settings.potentialLevels, m.performance, m.potential);
    return box ? settings.boxes[boxIndex(settings, box.column, box.row)].name : null;
  };
  const rows: Cell[][] = report.members.map((m) => [
    m.employeeNumber, m.employeeName, m.departmentName, m.managerName, m.jobTitle, m.jobLevel, m.reviewStatus.replace(/_/g, ' '),
    m.originalRating, levelOfRating(levels, m.originalRating)?.label ?? null, m.performance, label(m.performance),
    m.movement ? MOVEMENT_TEXT[m.movement] : 'Not rated', potentialLabel(m.potential), boxName(m),
    m.riskOfLoss ? LOSS_LABELS[m.riskOfLoss] : null, m.impactOfLoss ? LOSS_LABELS[m.impactOfLoss] : null, m.discussed ? 'Yes' : 'No', m.comment,
  ]);
  const sheet = addTableSheet(workbook, 'Results', RESULT_HEADERS, rows);
  // Original and calibrated side by side, told apart at a glance.
  for (const column of [8, 9]) sheet.getColumn(column).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF1F3F5' } };
  for (const column of [10, 11]) sheet.getColumn(column).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6FCF5' } };
  sheet.getRow(1).fill = { type: 'pattern', pattern: 'none' };
  sheet.addRow([]);
  sheet.addRow(['Session', session.name]);
  sheet.addRow(['Cycle', session.cycleName]);
  sheet.addRow(['Date', session.date]);
  sheet.addRow(['Status', SESSION_STATUS_LABELS[session.status] + (session.finalisedAt ? ` ${session.finalisedAt.slice(0, 10)} by ${session.finalisedBy}` : '')]);
  if (session.acknowledgement) sheet.addRow(['Finalised outside the guidelines because', session.acknowledgement]);
}

const HISTORY_HEADERS = ['When', 'Who', 'Employee', 'What', 'Performance from', 'Performance to', 'Potential from', 'Potential to', 'Reason code', 'Reason', 'Comment', 'Undone'];

function addHistorySheet(workbook: ExcelJS.Workbook, report: SessionReport): void {
  const { levels, settings } = report.session;
  const label = (list: { value: number; label: string }[], value: number | null) => (value === null ? null : list.find((l) => l.value === value)?.label ?? String(value));
  const what = { move: 'Moved', added: 'Added to the session', removed: 'Removed from the session' };
  const rows: Cell[][] = [...report.history].reverse().map((c) => [
    c.at.replace('T', ' ').slice(0, 16), c.actor, c.employeeName, what[c.kind],
    label(levels, c.performanceFrom), label(levels, c.performanceTo), label(settings.potentialLevels, c.potentialFrom), label(settings.potentialLevels, c.potentialTo),
    c.reasonCode, c.reasonLabel, c.comment, c.undoneAt ? `${c.undoneAt.replace('T', ' ').slice(0, 16)} by ${c.undoneBy}` : null,
  ]);
  addTableSheet(workbook, 'Change history', HISTORY_HEADERS, rows);
}

function addDistributionSheet(workbook: ExcelJS.Workbook, report: SessionReport): void {
  const { distribution } = report;
  const rows: Cell[][] = distribution.levels.map((level, i) => [level.value, level.label, distribution.original[i], distribution.calibrated[i],
    distribution.population ? Math.round((distribution.calibrated[i] / distribution.population) * 1000) / 10 : 0]);
  const sheet = addTableSheet(workbook, 'Distribution', ['Level', 'Label', 'Before calibration', 'Calibrated', 'Calibrated %'], rows);
  sheet.addRow([]);
  sheet.addRow(['Placed', null, null, distribution.population]);
  sheet.addRow(['Holding area (no rating)', null, null, distribution.holding]);
  if (distribution.evaluation && report.session.guidelines) {
    sheet.addRow([]);
    sheet.addRow([`Guidelines: ${report.session.guidelines.name} (${report.session.guidelines.mode})`]).font = { bold: true };
    sheet.addRow(['Guideline', null, 'Target', 'Actual', 'Actual %', 'Status']).font = { bold: true };
    for (const rule of distribution.evaluation.rules) {
      sheet.addRow([rule.label, null, rule.target, rule.actual, rule.actualPercent, rule.status === 'within' ? 'Within' : `${rule.status === 'over' ? 'Over' : 'Under'} by ${rule.outsideBy}`]);
    }
  }
}
