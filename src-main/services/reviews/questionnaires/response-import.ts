import { RESPONSE_INFORMATION_HEADERS, type ImportIssue, type Input, type Questionnaire, type QuestionnaireQuestion, type ResponseImportPreview } from '../../../../src-shared/api';
import { isRealDate } from '../../../../src-shared/domain/dates';
import { checkAnswers, type Answer } from '../../../../src-shared/domain/questionnaires';
import { suggestMapping } from '../../../imports/mapping';
import { readTable, type Table } from '../../../imports/read-table';
import { importFailed } from '../../../imports/request';
import type { ServiceContext } from '../../context';
import { recordAudit } from '../../shared/audit';
import { allQuestions, getQuestionnaire } from './definitions';
import { auditResponse, INVITATION_COLUMNS, statusRefusal, storeResponse, type InvitationRow } from './responses';

/*
 * Responses from a CSV or XLSX file: one row per respondent, an employee number column, and one
 * column per question (header = the question's text or code). Multiple choice answers are option
 * labels separated by ";". The file is stored whole or not at all.
 */

const PERSON_FIELD = { key: 'employeeNumber', label: 'Employee number', aliases: ['employee no', 'employee', 'number', 'emp no', 'person'] };
const isInformation = (header: string) => RESPONSE_INFORMATION_HEADERS.some((h) => h.toLowerCase() === header.trim().toLowerCase());

interface PlannedResponse {
  invitation: InvitationRow;
  answers: Map<string, Answer>;
}

interface ImportPlan {
  columns: ResponseImportPreview['columns'];
  responses: PlannedResponse[];
  issues: ImportIssue[];
}

type ResponseFile = Input<'reviews.previewResponseImport'>;

/** Matches the headers: the person column and one column per question (by code, then text). */
function matchColumns(table: Table, questions: QuestionnaireQuestion[]) {
  const person = suggestMapping(table.headers, [PERSON_FIELD]).employeeNumber;
  const byQuestion = suggestMapping(table.headers.filter((h) => h !== person && !isInformation(h)), questions.map((q) => ({ key: q.id, label: q.text, aliases: q.code ? [q.code] : [] })));
  const questionOfHeader = new Map(Object.entries(byQuestion).map(([questionId, header]) => [header, questions.find((q) => q.id === questionId)!]));
  return { person, questionOfHeader };
}

/** One cell as an answer to its question, or the problem with it. */
export function parseCell(q: QuestionnaireQuestion, cell: string): { answer: Answer } | { problem: string } {
  const text = cell.trim();
  if (text === '') return { answer: null };
  const optionId = (label: string) => q.options.find((o) => o.label.toLowerCase() === label.toLowerCase())?.id;
  const unknown = (label: string) => ({ problem: `"${label}" is not an option of this question (options: ${q.options.map((o) => o.label).join(', ')}).` });
  switch (q.type) {
    case 'single': {
      const id = optionId(text);
      return id ? { answer: id } : unknown(text);
    }
    case 'multiple': {
      const labels = text.split(';').map((l) => l.trim()).filter(Boolean);
      const missing = labels.find((l) => !optionId(l));
      return missing ? unknown(missing) : { answer: labels.map((l) => optionId(l)!) };
    }
    case 'scale':
    case 'number': {
      const value = Number(text);
      if (!Number.isFinite(value)) return { problem: `"${text}" is not a number.` };
      return { answer: value };
    }
    case 'date':
      return isRealDate(text) ? { answer: text } : { problem: `"${text}" is not a date; use YYYY-MM-DD.` };
    case 'text':
      return { answer: text };
  }
}

function planImport(ctx: ServiceContext, questionnaire: Questionnaire, table: Table): ImportPlan {
  const questions = allQuestions(questionnaire);
  const { person, questionOfHeader } = matchColumns(table, questions);
  const issues: ImportIssue[] = [];
  const columns = table.headers.map((header) => ({ header, questionText: questionOfHeader.get(header)?.text ?? null, person: header === person }));
  if (!person) issues.push({ row: 1, column: 'Employee number', message: 'The file needs an "Employee number" column saying who each row is from.' });
  for (const c of columns) if (c.header && !c.person && !c.questionText && !isInformation(c.header)) issues.push({ row: 1, column: c.header, message: 'Not a question of this questionnaire (use the question’s text or code as the header).' });
  const refusal = statusRefusal(questionnaire);
  if (refusal) issues.push({ row: 1, column: person ?? 'Employee number', message: refusal });
  if (issues.length) return { columns, responses: [], issues };

  const db = ctx.store.raw;
  const employees = new Map((db.prepare(`SELECT id, employee_number AS number FROM employee`).all() as { id: string; number: string }[]).map((e) => [e.number.toLowerCase(), e.id]));
  const invitations = new Map((db.prepare(`SELECT ${INVITATION_COLUMNS} FROM questionnaire_invitation WHERE questionnaire_id = ?`).all(questionnaire.id) as InvitationRow[]).map((i) => [i.employeeId, i]));
  const personIndex = table.headers.indexOf(person!);
  const seen = new Map<string, number>();
  const textOf = new Map(questions.map((q) => [q.id, q.text]));
  const headerOf = new Map([...questionOfHeader].map(([header, q]) => [q.id, header]));
  const responses: PlannedResponse[] = [];
  table.rows.forEach((cells, index) => {
    const row = index + 2;
    const rowIssue = (column: string, message: string) => issues.push({ row, column, message });
    const number = (cells[personIndex] ?? '').trim();
    const employeeId = employees.get(number.toLowerCase());
    const invitation = employeeId ? invitations.get(employeeId) : undefined;
    if (!number) return rowIssue(person!, 'The employee number is missing.');
    if (!employeeId) return rowIssue(person!, `No employee has the number "${number}".`);
    if (!invitation) return rowIssue(person!, `Employee ${number} was not invited to this questionnaire.`);
    if (invitation.respondedAt) return rowIssue(person!, `Employee ${number} has already responded.`);
    if (seen.has(employeeId)) return rowIssue(person!, `Employee ${number} is also on row ${seen.get(employeeId)}; one response per person.`);
    seen.set(employeeId, row);
    const answers = new Map<string, Answer>();
    let cellProblems = false;
    table.headers.forEach((header, c) => {
      const q = questionOfHeader.get(header);
      if (!q) return;
      const parsed = parseCell(q, cells[c] ?? '');
      if ('problem' in parsed) (cellProblems = true), rowIssue(header, parsed.problem);
      else if (parsed.answer !== null) answers.set(q.id, parsed.answer);
    });
    if (cellProblems) return;
    for (const p of checkAnswers(questions, answers)) rowIssue(headerOf.get(p.questionId) ?? textOf.get(p.questionId) ?? p.questionId, p.message);
    responses.push({ invitation, answers });
  });
  return { columns, responses, issues };
}

async function loadPlan(ctx: ServiceContext, input: ResponseFile) {
  const questionnaire = getQuestionnaire(ctx, input.questionnaireId);
  const table = await readTable(input.fileName, input.contentBase64);
  return { questionnaire, table, plan: planImport(ctx, questionnaire, table) };
}

export async function previewResponseImport(ctx: ServiceContext, input: ResponseFile): Promise<ResponseImportPreview> {
  const { table, plan } = await loadPlan(ctx, input);
  return {
    headers: table.headers,
    columns: plan.columns,
    rowCount: table.rows.length,
    sampleRows: table.rows.slice(0, 10),
    issues: plan.issues.slice(0, 1000),
    responses: plan.issues.length ? 0 : plan.responses.length,
  };
}

export async function commitResponseImport(ctx: ServiceContext, input: ResponseFile): Promise<{ created: number }> {
  const { questionnaire, plan } = await loadPlan(ctx, input);
  if (plan.issues.length) throw importFailed(plan.issues);
  if (plan.responses.length === 0) throw importFailed([{ row: 2, column: 'Employee number', message: 'The file has no responses' }]);
  for (const r of plan.responses) storeResponse(ctx, questionnaire, r.invitation, r.answers, 'import');
  await recordAudit(ctx, [
    { entity: 'questionnaire', entityId: questionnaire.id, action: 'import', after: { file: input.fileName, responses: plan.responses.length } },
    ...plan.responses.map((r) => auditResponse(questionnaire, r.invitation, r.answers, 'import')),
  ]);
  return { created: plan.responses.length };
}
