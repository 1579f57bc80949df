// The cycle workbook: every review with its dates and ratings, progress by department, and the
// rating distribution — the same figures as the cycle's report screens.
import ExcelJS from 'exceljs';
import { REVIEW_STATUSES, REVIEW_STATUS_LABELS, type ExportedFile, type ReviewStatus } from '../../src-shared/api';
import { todayIso } from '../../src-shared/domain/dates';
import { nearestLabel, percentOf } from '../../src-shared/domain/review-reports';
import type { ServiceContext } from '../services/context';
import { getCycleFacts, getCycleProgress, getRatingDistribution, type CycleFacts } from '../services/reviews/reports';
import { addTableSheet, type Cell } from './table';

export async function exportCycleWorkbook(ctx: ServiceContext, cycleId: string): Promise<ExportedFile> {
  const cycle = getCycleFacts(ctx, cycleId);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Canopy';
  addTableSheet(workbook, 'Reviews', REVIEW_HEADERS, reviewRows(ctx, cycle));
  await addProgressSheet(ctx, workbook, cycle.id);
  await addDistributionSheet(ctx, workbook, cycle.id);
  const buffer = await workbook.xlsx.writeBuffer();
  const base = `Review cycle ${cycle.name}`.replace(/[^\p{L}\p{N}\- ]+/gu, '').replace(/\s+/g, ' ').trim();
  return {
    fileName: `${base} ${todayIso()}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentBase64: Buffer.from(buffer).toString('base64'),
  };
}

const REVIEW_HEADERS = [
  'Employee number', 'Employee', 'Department', 'Job', 'Manager', 'Status', 'Due date', 'Overdue', 'Started', 'Ready for review', 'Final review',
  'Completed', 'Completed on time', 'Computed rating', 'Override rating', 'Override reason', 'Final rating', 'Final rating label',
];

interface ReviewRow {
  employeeNumber: string; employee: string; department: string | null; job: string | null; manager: string | null; status: ReviewStatus;
  startedAt: string | null; readyAt: string | null; finalAt: string | null; completedAt: string | null;
  computedRating: number | null; overrideRating: number | null; overrideReason: string | null; finalRating: number | null;
}

function reviewRows(ctx: ServiceContext, cycle: CycleFacts): Cell[][] {
  const rows = ctx.store.raw
    .prepare(
      `SELECT e.employee_number AS employeeNumber, e.first_name || ' ' || e.last_name AS employee, d.name AS department, j.title AS job,
              m.first_name || ' ' || m.last_name AS manager, r.status, r.started_at AS startedAt, r.ready_at AS readyAt, r.final_at AS finalAt,
              r.completed_at AS completedAt, r.computed_rating AS computedRating, r.override_rating AS overrideRating,
              r.override_reason AS overrideReason, r.final_rating AS finalRating
         FROM review r JOIN employee e ON e.id = r.employee_id
         LEFT JOIN department d ON d.id = r.department_id LEFT JOIN job j ON j.id = r.job_id LEFT JOIN employee m ON m.id = r.manager_id
        WHERE r.cycle_id = ? ORDER BY d.name, e.last_name, e.first_name`,
    )
    .all(cycle.id) as ReviewRow[];
  const today = todayIso();
  const day = (at: string | null) => at?.slice(0, 10) ?? null;
  return rows.map((r) => [
    r.employeeNumber, r.employee, r.department, r.job, r.manager, REVIEW_STATUS_LABELS[r.status], cycle.dueDate,
    r.status !== 'complete' && cycle.dueDate < today ? 'Yes' : 'No',
    day(r.startedAt), day(r.readyAt), day(r.finalAt), day(r.completedAt),
    r.completedAt ? (day(r.completedAt)! <= cycle.dueDate ? 'Yes' : 'No') : null,
    r.computedRating, r.overrideRating, r.overrideReason, r.finalRating, nearestLabel(cycle.levels, r.finalRating),
  ]);
}

async function addProgressSheet(ctx: ServiceContext, workbook: ExcelJS.Workbook, cycleId: string): Promise<void> {
  const progress = await getCycleProgress(ctx, { cycleId });
  const headers = ['Department', 'Reviews', ...REVIEW_STATUSES.map((s) => REVIEW_STATUS_LABELS[s]), 'Overdue', 'Completion rate %'];
  const rows: Cell[][] = progress.departments.map((d) => [d.departmentName, d.total, ...REVIEW_STATUSES.map((s) => d.byStatus[s]), d.overdue, d.completionRate]);
  const completion = percentOf(progress.byStatus.complete, progress.total);
  rows.push(['All departments', progress.total, ...REVIEW_STATUSES.map((s) => progress.byStatus[s]), progress.overdue, completion]);
  const sheet = addTableSheet(workbook, 'Progress by department', headers, rows);
  sheet.lastRow!.font = { bold: true };
  sheet.addRow([]);
  sheet.addRow(['Completed on time', progress.completedOnTime]);
  sheet.addRow(['Completed late', progress.completedLate]);
}

async function addDistributionSheet(ctx: ServiceContext, workbook: ExcelJS.Workbook, cycleId: string): Promise<void> {
  const distribution = await getRatingDistribution(ctx, { cycleId });
  const rows: Cell[][] = distribution.levels.map((level) => [level.value, level.label, level.count, level.percent]);
  const sheet = addTableSheet(workbook, 'Rating distribution', ['Level', 'Label', 'Reviews', 'Percent of rated'], rows);
  sheet.addRow([]);
  sheet.addRow(['Rated', null, distribution.rated]);
  sheet.addRow(['Unrated', null, distribution.unrated]);
  sheet.addRow(['Average rating', null, distribution.average]);
}
