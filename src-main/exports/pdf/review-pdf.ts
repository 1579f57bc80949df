// The printable review: who and which cycle, every section with its items, each respondent's
// rating and comment, section scores, the overall rating (with any override and its reason)
// and the sign-offs. The data is the review as the review screen shows it (ReviewDetail).
import { REVIEW_STATUS_LABELS, type ExportedFile, type ReviewAnswer, type ReviewDetail, type ReviewItem, type ReviewStepState } from '../../../src-shared/api';
import { nearestLabel } from '../../../src-shared/domain/review-reports';
import { INK, MUTED, RULE } from './colours';
import { contentBottom, contentWidth, createReport, drawHeading, drawTitleBlock, finishReport, type Pdf, type ReportMeta } from './document';
import { isolate } from '../fonts/text-layout';
import { drawText, writeParagraph, type TextOptions } from './text';
import { drawFigures } from './widgets';

type Levels = ReviewDetail['cycle']['levels'];

export interface ReviewPdfOptions {
  organisation: string;
  /** ISO timestamp of the export. */
  generatedAt: string;
}

export async function reviewPdf(detail: ReviewDetail, options: ReviewPdfOptions): Promise<ExportedFile> {
  const { review, cycle } = detail;
  const meta: ReportMeta = {
    organisation: options.organisation,
    title: `Performance review: ${isolate(review.employeeName)}`,
    subtitle: [review.jobTitle ?? 'No job', review.departmentName ?? 'No department'].map(isolate).join(' · '),
    asOf: review.completedAt?.slice(0, 10) ?? options.generatedAt.slice(0, 10),
    generatedAt: options.generatedAt,
  };
  const doc = createReport(meta, 'portrait');
  drawTitleBlock(doc, meta);
  drawFacts(doc, detail);
  drawOverall(doc, detail);
  cycle.sections.forEach((section, index) => drawSection(doc, detail, index, section.title, section.weight));
  drawSignOffs(doc, detail.steps);
  const pdf = await finishReport(doc, meta);
  const base = `Review ${review.employeeName} ${cycle.name}`.replace(/[^\p{L}\p{N}\- ]+/gu, '').replace(/\s+/g, ' ').trim();
  return { fileName: `${base || 'Review'}.pdf`, mimeType: 'application/pdf', contentBase64: pdf.toString('base64') };
}

// ---- Header facts ------------------------------------------------------------------------------

function drawFacts(doc: Pdf, { review, cycle }: ReviewDetail): void {
  const dates = [
    ['Started', review.startedAt], ['Ready for review', review.readyAt], ['Final review', review.finalAt], ['Completed', review.completedAt],
  ].filter(([, at]) => at).map(([label, at]) => `${label} ${at!.slice(0, 10)}`);
  const status = `${REVIEW_STATUS_LABELS[review.status]}${review.overdue ? ' (overdue)' : ''}`;
  const facts: [string, string][] = [
    ['Employee', `${isolate(review.employeeName)} (${isolate(review.employeeNumber)})`],
    ['Job', review.jobTitle ?? '—'],
    ['Department', review.departmentName ?? '—'],
    ['Manager', review.managerName ?? '—'],
    ['Cycle', cycle.name],
    ['Period', `${cycle.periodStart} to ${cycle.periodEnd}`],
    ['Status', [status, `due ${review.dueDate}`, ...dates].join(' · ')],
  ];
  const left = doc.page.margins.left;
  const labelWidth = 90;
  for (const [label, value] of facts) {
    const y = doc.y;
    // The label one point smaller, on the value's baseline.
    const labelBottom = drawText(doc, label, left, y + 0.8, { size: 9, colour: MUTED, width: labelWidth - 6 }).height + y + 0.8;
    drawText(doc, value, left + labelWidth, y, { size: 10, colour: INK, width: contentWidth(doc) - labelWidth });
    doc.y = Math.max(doc.y, labelBottom) + 3;
  }
  doc.x = left;
  doc.y += 10;
}

// ---- Overall rating --------------------------------------------------------------------------

function drawOverall(doc: Pdf, detail: ReviewDetail): void {
  const { review, cycle } = detail;
  const scale = cycle.levels.map((level) => `${formatNumber(level.value)} ${isolate(level.label)}`).join(' · ');
  drawFigures(doc, [
    { label: 'Computed rating', value: formatNumber(review.computedRating), note: nearestLabel(cycle.levels, review.computedRating) ?? 'Not rated yet' },
    { label: 'Override', value: formatNumber(review.overrideRating), note: review.overrideRating === null ? 'None' : nearestLabel(cycle.levels, review.overrideRating) ?? '' },
    { label: 'Final rating', value: formatNumber(review.finalRating), note: review.finalLabel ?? 'Not rated yet' },
  ]);
  if (review.overrideRating !== null) paragraph(doc, `Reason for the override: ${isolate(detail.overrideReason ?? '—')}`, { size: 10, colour: INK });
  const calibrated = calibrationNote(detail);
  if (calibrated) paragraph(doc, calibrated, { size: 10, colour: INK });
  paragraph(doc, `Scale: ${scale}`, { size: 8, colour: MUTED });
  drawSectionScores(doc, detail);
  doc.y += 6;
}

/** How calibration changed the final rating, with the rating before it, so the record shows both. */
export function calibrationNote({ calibration, cycle }: ReviewDetail): string | null {
  if (!calibration) return null;
  const before = calibration.ratingBefore === null ? 'not rated' : `${formatNumber(calibration.ratingBefore)} ${nearestLabel(cycle.levels, calibration.ratingBefore) ?? ''}`.trim();
  const when = calibration.calibratedAt.slice(0, 10);
  const outcome = calibration.changed ? `Rating before calibration: ${before}` : `Confirmed at calibration (rating before: ${before})`;
  return `${outcome} · ${isolate(calibration.sessionName)}, ${when}, by ${isolate(calibration.calibratedBy)}${calibration.sessionFinalised ? '' : ' (session reopened)'}.`;
}

function drawSectionScores(doc: Pdf, detail: ReviewDetail): void {
  const weighted = detail.sectionScores.filter((s) => s.weight > 0);
  if (weighted.length === 0) return;
  const text = weighted.map((s) => `${isolate(s.title)} (${formatNumber(s.weight)}%): ${formatNumber(s.score)}`).join(' · ');
  paragraph(doc, `Section scores: ${text}`, { size: 9, colour: INK });
}

// ---- Sections and items ------------------------------------------------------------------------

function drawSection(doc: Pdf, detail: ReviewDetail, index: number, title: string, weight: number): void {
  const score = detail.sectionScores.find((s) => s.sectionIndex === index)?.score ?? null;
  drawHeading(doc, `${isolate(title)} · weight ${formatNumber(weight)}% · score ${formatNumber(score)}`);
  const items = detail.items.filter((item) => item.sectionIndex === index);
  if (items.length === 0) paragraph(doc, 'Nothing to rate in this section.', { size: 9, colour: MUTED, italic: true });
  for (const item of items) drawItem(doc, item, detail.answers.filter((a) => a.itemKey === item.key), detail.cycle.levels);
}

function drawItem(doc: Pdf, item: ReviewItem, answers: ReviewAnswer[], levels: Levels): void {
  if (doc.y + 50 > contentBottom(doc)) doc.addPage();
  const weight = item.kind === 'questions' ? '' : ` (weight ${formatNumber(item.weight)})`;
  paragraph(doc, `${isolate(item.title)}${weight}${item.required ? '' : ' · optional'}`, { size: 10, colour: INK, weight: 'bold' });
  if (item.description) paragraph(doc, item.description, { size: 9, colour: MUTED });
  const facts = itemFacts(item);
  if (facts) paragraph(doc, facts, { size: 9, colour: MUTED });
  if (answers.length === 0) paragraph(doc, 'No answers.', { size: 9, colour: MUTED, italic: true, indent: 12 });
  for (const answer of [...answers].sort(byRespondent)) paragraph(doc, answerText(answer, item, levels), { size: 9, colour: INK, indent: 12 });
  const y = doc.y + 2;
  doc.moveTo(doc.page.margins.left, y).lineTo(doc.page.margins.left + contentWidth(doc), y).lineWidth(0.5).strokeColor(RULE).stroke();
  doc.y = y + 6;
}

function itemFacts(item: ReviewItem): string | null {
  if (item.goal) {
    const g = item.goal;
    const target = g.targetValue === null ? '' : ` · target ${formatNumber(g.targetValue)} ${isolate(g.unit)}`;
    const actual = g.actualValue === null ? '' : ` · actual ${formatNumber(g.actualValue)}`;
    return `Goal ${g.periodStart} to ${g.periodEnd} · ${g.status.replace(/_/g, ' ')} · progress ${Math.round(g.progress)}%${target}${actual}${g.stretch ? ' · stretch' : ''}`;
  }
  if (item.competency) return `Required level ${item.competency.requiredLevel ?? '—'} · current level ${item.competency.currentLevel ?? 'not rated'}`;
  return null;
}

const RESPONDENT_ORDER = { self: 0, manager: 1, peer: 2 } as const;
const byRespondent = (a: ReviewAnswer, b: ReviewAnswer) => RESPONDENT_ORDER[a.respondent] - RESPONDENT_ORDER[b.respondent] || (a.peerName ?? '').localeCompare(b.peerName ?? '');

function answerText(answer: ReviewAnswer, item: ReviewItem, levels: Levels): string {
  const who = answer.respondent === 'self' ? 'Self' : answer.respondent === 'manager' ? 'Manager' : `Peer${answer.peerName ? ` (${isolate(answer.peerName)})` : ''}`;
  const rating = item.answer === 'rating' ? (answer.rating === null ? 'not rated' : `${formatNumber(answer.rating)} · ${isolate(nearestLabel(levels, answer.rating) ?? '')}`) : null;
  return [`${who}:`, rating, answer.comment ? `“${isolate(answer.comment)}”` : null].filter(Boolean).join(' ');
}

// ---- Sign-offs -----------------------------------------------------------------------------------

const STEP_LABELS: Record<ReviewStepState['step'], string> = {
  self: 'Self-review', manager: 'Manager review', peer: 'Peer feedback', employee_signoff: 'Employee sign-off', manager_signoff: 'Manager sign-off',
};

const SIGN_OFFS: ReviewStepState['step'][] = ['employee_signoff', 'manager_signoff'];

/** Every step the review went through, then both sign-offs (shown unsigned until they happen). */
function drawSignOffs(doc: Pdf, steps: ReviewStepState[]): void {
  drawHeading(doc, 'Steps and sign-offs', 60);
  const others = steps.filter((s) => !SIGN_OFFS.includes(s.step));
  const signOffs = SIGN_OFFS.map((step) => steps.find((s) => s.step === step) ?? pending(step));
  for (const step of [...others, ...signOffs]) {
    const label = `${STEP_LABELS[step.step]}${step.peerName ? ` (${isolate(step.peerName)})` : ''}`;
    const verb = SIGN_OFFS.includes(step.step) ? 'signed' : 'submitted';
    const state = step.status === 'submitted' ? `${verb} ${step.submittedAt?.slice(0, 10) ?? ''}${step.submittedBy ? ` by ${isolate(step.submittedBy)}` : ''}` : 'not yet';
    paragraph(doc, `${label}: ${state}`, { size: 10, colour: step.status === 'submitted' ? INK : MUTED });
  }
}

const pending = (step: ReviewStepState['step']): ReviewStepState => ({ step, peerId: null, peerName: null, status: 'requested', submittedAt: null, submittedBy: null });

// ---- Text helpers ------------------------------------------------------------------------------

function paragraph(doc: Pdf, text: string, options: TextOptions & { indent?: number }): void {
  writeParagraph(doc, text, options);
  doc.y += 2;
}

/** Whole numbers as they are, others with two decimals; a dash for none. */
function formatNumber(value: number | null): string {
  if (value === null) return '—';
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}
