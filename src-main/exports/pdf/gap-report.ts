// PDF exports of the skill gap views: one person against a job, the organisation summary,
// and a department heatmap. The data comes from the gap services, exactly as the screens show it.
import type { GapRow, Input, OrgGapSummary, PersonGap } from '../../../src-shared/api';
import { validationError } from '../../../src-shared/errors';
import type { ServiceContext } from '../../services/context';
import { fullName } from '../../services/shared/lookups';
import { getHeatmap, getOrgGapSummary, getPersonGap } from '../../services/skills/gaps';
import { MUTED } from './colours';
import { createReport, drawHeading, drawTitleBlock, finishReport, type Layout, type Pdf, type ReportMeta } from './document';
import { drawHeatmapGrid, drawHeatmapLegend } from './heatmap-grid';
import { writeTable, type Column } from './table';
import { isolate } from '../fonts/text-layout';
import { drawText } from './text';
import { drawFigures, drawGapBar, drawProgress, formatGap, formatPercent } from './widgets';

type GapReportInput = Input<'skills.exportGapReport'>;

const TOP_ROWS = 12;

export async function exportGapReport(ctx: ServiceContext, input: GapReportInput) {
  switch (input.report) {
    case 'person':
      return personReport(ctx, input);
    case 'organisation':
      return organisationReport(ctx, input);
    case 'heatmap':
      return heatmapReport(ctx, input);
  }
}

// ---- Person ----------------------------------------------------------------------------------

async function personReport(ctx: ServiceContext, input: GapReportInput) {
  if (!input.employeeId) throw validationError('Choose a person for the person gap report.', [{ path: ['employeeId'], message: 'Required for the person report.' }]);
  const gap = await getPersonGap(ctx, { employeeId: input.employeeId, jobId: input.jobId, asOf: input.asOf });
  const person = employeeFacts(ctx, input.employeeId);
  const meta = reportMeta(ctx, `Skill gap: ${isolate(person.name)}`, gap.asOf, personSubtitle(person, gap, input.jobId));
  return render(meta, 'portrait', `Skill gap ${person.name}`, (doc) => {
    const met = gap.rows.filter((row) => row.met).length;
    drawFigures(doc, [
      { label: 'Coverage', value: formatPercent(gap.coverage), note: `${met} of ${gap.rows.length} requirements met` },
      { label: 'Weighted match', value: formatPercent(gap.match), note: 'Partial levels count partly, by weight' },
      { label: 'Largest gap', value: gap.rows.length ? formatGap(gap.rows[0].gap) : '—', note: gap.rows[0]?.gap ? gap.rows[0].skillName : 'Every requirement met' },
    ]);
    drawHeading(doc, gap.jobTitle ? `Requirements of ${isolate(gap.jobTitle)}, largest gap first` : 'Requirements');
    writeTable(doc, PERSON_COLUMNS, gap.rows, gap.jobId ? 'This job has no skill requirements yet.' : 'No job assigned: choose a job to compare with.');
  });
}

const levelText = (level: number | null, label: string | null) => (level === null ? 'not rated' : label ? `${level} · ${isolate(label)}` : String(level));

const PERSON_COLUMNS: Column<GapRow>[] = [
  { header: 'Skill', share: 3.2, text: (row) => row.skillName },
  { header: 'Weight', share: 1, align: 'right', text: (row) => String(row.weight) },
  { header: 'Required', share: 1.8, text: (row) => levelText(row.requiredLevel, row.requiredLabel) },
  { header: 'Current', share: 1.8, text: (row) => levelText(row.currentLevel, row.currentLabel) },
  { header: 'Gap', share: 1.8, draw: (doc, row, box) => drawGapBar(doc, row.gap, box) },
];

interface EmployeeFacts {
  name: string;
  jobTitle: string | null;
  departmentName: string | null;
}

function employeeFacts(ctx: ServiceContext, employeeId: string): EmployeeFacts {
  const row = ctx.store.raw
    .prepare(
      `SELECT e.first_name AS firstName, e.last_name AS lastName, j.title AS jobTitle, d.name AS departmentName
         FROM employee e LEFT JOIN job j ON j.id = e.job_id LEFT JOIN department d ON d.id = e.department_id
        WHERE e.id = ?`,
    )
    .get(employeeId) as { firstName: string; lastName: string; jobTitle: string | null; departmentName: string | null };
  return { name: fullName(row.firstName, row.lastName), jobTitle: row.jobTitle, departmentName: row.departmentName };
}

function personSubtitle(person: EmployeeFacts, gap: PersonGap, whatIfJobId: string | undefined): string {
  const department = person.departmentName ? ` · ${isolate(person.departmentName)}` : '';
  if (whatIfJobId) return `What-if: against ${isolate(gap.jobTitle ?? 'another job')} (own job: ${isolate(person.jobTitle ?? 'none')})${department}`;
  return `${isolate(person.jobTitle ?? 'No job assigned')}${department}`;
}

// ---- Organisation ------------------------------------------------------------------------------

async function organisationReport(ctx: ServiceContext, input: GapReportInput) {
  const summary = await getOrgGapSummary(ctx, { asOf: input.asOf, limit: TOP_ROWS });
  const meta = reportMeta(ctx, 'Skill gap summary', summary.asOf, 'Every person against the skills their job requires');
  return render(meta, 'portrait', 'Skill gap summary', (doc) => {
    drawFigures(doc, [
      { label: 'Coverage', value: formatPercent(summary.coverage), note: 'Share of requirements met' },
      { label: 'Requirements met', value: `${summary.met.toLocaleString('en')} / ${summary.requirements.toLocaleString('en')}`, note: 'Each person × each required skill' },
      { label: 'Unmet', value: (summary.requirements - summary.met).toLocaleString('en'), note: 'Requirements below the required level' },
    ]);
    drawProgress(doc, summary.coverage, { x: doc.page.margins.left, y: doc.y - 4, width: doc.page.width - 2 * doc.page.margins.left, height: 8 });
    doc.y += 22;
    drawHeading(doc, 'Largest gaps by skill');
    writeTable(doc, SKILL_COLUMNS, summary.topSkills, 'No job requires a skill yet, or every requirement is met.');
    drawHeading(doc, 'Departments with the most unmet requirements');
    writeTable(doc, departmentColumns(departmentLabels(ctx)), summary.topDepartments, 'No department has unmet requirements.');
  });
}

const SKILL_COLUMNS: Column<OrgGapSummary['topSkills'][number]>[] = [
  { header: 'Skill', share: 3.5, text: (row) => row.name },
  { header: 'Required of', share: 1.2, align: 'right', text: (row) => String(row.requirements) },
  { header: 'Short', share: 1, align: 'right', text: (row) => String(row.unmet) },
  { header: 'Average gap', share: 2, draw: (doc, row, box) => drawGapBar(doc, row.averageGap, box) },
];

const departmentColumns = (labels: Map<string, string>): Column<OrgGapSummary['topDepartments'][number]>[] => [
  { header: 'Department', share: 3.5, text: (row) => labels.get(row.departmentId) ?? row.name },
  { header: 'Requirements', share: 1.2, align: 'right', text: (row) => String(row.requirements) },
  { header: 'Unmet', share: 1, align: 'right', text: (row) => String(row.unmet) },
  { header: 'Coverage', share: 2, draw: (doc, row, box) => drawCoverage(doc, row.coverage, box) },
];

function drawCoverage(doc: Pdf, coverage: number, box: { x: number; y: number; width: number; height: number }): void {
  drawProgress(doc, coverage, { x: box.x, y: box.y + (box.height - 6) / 2, width: box.width - 32, height: 6 });
  drawText(doc, formatPercent(coverage), box.x + box.width - 28, box.y + 5, { size: 8, colour: MUTED, width: 28, maxLines: 1 });
}

/** Same-named teams are told apart by their parent below the top, as in the department pickers: "Platform · Engineering". */
function departmentLabels(ctx: ServiceContext): Map<string, string> {
  const rows = ctx.store.raw
    .prepare(`SELECT d.id, d.name, p.name AS parent FROM department d LEFT JOIN department p ON p.id = d.parent_id AND p.parent_id IS NOT NULL`)
    .all() as { id: string; name: string; parent: string | null }[];
  return new Map(rows.map((row) => [row.id, row.parent ? `${isolate(row.name)} · ${isolate(row.parent)}` : row.name]));
}

// ---- Heatmap -------------------------------------------------------------------------------------

async function heatmapReport(ctx: ServiceContext, input: GapReportInput) {
  if (!input.departmentId) throw validationError('Choose a department for the heatmap report.', [{ path: ['departmentId'], message: 'Required for the heatmap report.' }]);
  const data = await getHeatmap(ctx, { departmentId: input.departmentId, includeSubdepartments: input.includeSubdepartments, skillTypeId: input.skillTypeId, asOf: input.asOf });
  const department = departmentLabels(ctx).get(input.departmentId)!;
  const meta = reportMeta(ctx, `Skill heatmap: ${isolate(department)}`, data.asOf, heatmapSubtitle(ctx, input, data.employees.length, data.skills.length));
  return render(meta, 'landscape', `Skill heatmap ${department}`, (doc) => {
    drawHeatmapLegend(doc);
    if (data.cells.length === 0) drawText(doc, 'No one here holds a job with skill requirements.', doc.x, doc.y, { size: 10, italic: true, colour: MUTED });
    else drawHeatmapGrid(doc, data);
  });
}

function heatmapSubtitle(ctx: ServiceContext, input: GapReportInput, people: number, skills: number): string {
  const scope = input.includeSubdepartments ? 'Including sub-departments' : 'This department only';
  const type = input.skillTypeId
    ? (ctx.store.raw.prepare(`SELECT name FROM skill_type WHERE id = ?`).get(input.skillTypeId) as { name: string } | undefined)?.name
    : undefined;
  return [scope, type ? `Skill type: ${isolate(type)}` : 'All skill types', `${people} people × ${skills} skills`].join(' · ');
}

// ---- Shared --------------------------------------------------------------------------------------

function reportMeta(ctx: ServiceContext, title: string, asOf: string, subtitle: string): ReportMeta {
  return { organisation: organisationName(ctx), title, subtitle, asOf, generatedAt: ctx.now };
}

/** The name of the single top-level department (the organisation itself), else the product's name. */
export function organisationName(ctx: ServiceContext): string {
  const roots = ctx.store.raw.prepare(`SELECT name FROM department WHERE parent_id IS NULL AND archived = 0 LIMIT 2`).all() as { name: string }[];
  return roots.length === 1 ? roots[0].name : 'Canopy';
}

async function render(meta: ReportMeta, layout: Layout, fileTitle: string, body: (doc: Pdf) => void) {
  const doc = createReport(meta, layout);
  drawTitleBlock(doc, meta);
  body(doc);
  const pdf = await finishReport(doc, meta);
  const base = `${fileTitle.replace(/[^\p{L}\p{N}\- ]+/gu, '').replace(/\s+/g, ' ').trim() || 'Skill gap report'} ${meta.asOf}`;
  return { fileName: `${base}.pdf`, mimeType: 'application/pdf', contentBase64: pdf.toString('base64') };
}
