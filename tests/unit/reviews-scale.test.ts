// The cycle page grid's review window and the set-based questionnaire results, each checked
// against a brute-force computation over every row (the way the page and the service used to work).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REVIEW_GRID_FIELDS, REVIEW_STATUS_LABELS, type Questionnaire, type QuestionnaireResults, type ReviewGridField, type ReviewSummary } from '../../src-shared/api';
import { chosenOptions, hiddenGroups, isShown, MIN_ANONYMOUS_GROUP, percent, resultGroupFor } from '../../src-shared/domain/questionnaires';
import { ratingText } from '../../src-renderer/features/reviews/format';
import { openTestApp, type TestApp } from './helpers';

const average = (values: number[]) => (values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100 : null);
const nocase = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every review of the cycle with the texts the grid shows, and what the default order sorts by. */
async function allRows(app: TestApp, cycleId: string) {
  const cycle = await app.ok('reviews.getCycle', { id: cycleId });
  const { rows } = await app.ok('reviews.listReviews', { cycleId, limit: 20_000 });
  const names = new Map((app.store().raw.prepare(`SELECT id, first_name AS f, last_name AS l FROM employee`).all() as { id: string; f: string; l: string }[]).map((e) => [e.id, e]));
  return rows.map((r: ReviewSummary) => ({
    id: r.id,
    status: r.status,
    overdue: r.overdue,
    name: names.get(r.employeeId)!,
    employeeId: r.employeeId,
    text: {
      employeeName: r.employeeName, employeeNumber: r.employeeNumber, departmentName: r.departmentName, jobTitle: r.jobTitle, managerName: r.managerName,
      status: REVIEW_STATUS_LABELS[r.status], overdueText: r.overdue ? 'Overdue' : null, dueDate: r.dueDate,
      finalText: r.finalRating === null ? null : ratingText(cycle.levels, r.finalRating) + (r.overrideRating !== null ? ' (override)' : ''),
      completedDay: r.completedAt?.slice(0, 10) ?? null,
    } as Record<ReviewGridField, string | null>,
  }));
}

describe('the review window', () => {
  it('finds, sorts and counts as a brute-force pass over every review of the cycle does', async () => {
    const app = await openTestApp();
    await app.ok('admin.loadDemoOrganisation', { employees: 300, seed: 7 });
    const cycleId = (app.store().raw.prepare(`SELECT id FROM review_cycle WHERE status = 'active' ORDER BY period_start DESC LIMIT 1`).get() as { id: string }).id;
    const rows = await allRows(app, cycleId);
    expect(rows.length).toBeGreaterThan(100);
    const field = fc.constantFrom(...REVIEW_GRID_FIELDS);
    const needle = fc.constantFrom('a', 'e', 'an', 'ov', '3', 'Meets', 'in', 'over', '2025', 'Zz');
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          sort: fc.option(fc.record({ field, desc: fc.boolean() }), { nil: undefined }),
          filters: fc.array(fc.record({ field, contains: needle }), { maxLength: 2 }),
          search: fc.option(needle, { nil: undefined }),
          status: fc.option(fc.constantFrom('not_started', 'in_progress', 'complete' as const), { nil: undefined }),
          overdue: fc.option(fc.boolean(), { nil: undefined }),
          offset: fc.integer({ min: 0, max: 300 }),
          limit: fc.integer({ min: 1, max: 200 }),
        }),
        async (view) => {
          const has = (text: string | null, n: string) => text !== null && text.toLowerCase().includes(n.toLowerCase());
          const kept = rows.filter((r) => (!view.status || r.status === view.status) && (view.overdue === undefined || r.overdue === view.overdue)
            && view.filters.every((f) => has(r.text[f.field], f.contains)) && (!view.search || REVIEW_GRID_FIELDS.some((f) => has(r.text[f], view.search!))));
          const byName = (a: (typeof rows)[number], b: (typeof rows)[number]) => cmp(nocase(a.name.l), nocase(b.name.l)) || cmp(nocase(a.name.f), nocase(b.name.f)) || cmp(a.employeeId, b.employeeId);
          const sorted = [...kept].sort((a, b) => {
            if (!view.sort) return byName(a, b);
            const [x, y] = [a.text[view.sort.field], b.text[view.sort.field]];
            if ((x === null) !== (y === null)) return x === null ? 1 : -1;
            const c = x === null || y === null ? 0 : cmp(nocase(x), nocase(y));
            return (view.sort.desc ? -c : c) || byName(a, b);
          });
          const window = await app.ok('reviews.listReviewWindow', { cycleId, ...view, status: view.status });
          expect(window.total).toBe(kept.length);
          expect(window.rows.map((r) => r.id)).toEqual(sorted.slice(view.offset, view.offset + view.limit).map((r) => r.id));
          for (const row of window.rows) expect({ overdueText: row.overdueText, finalText: row.finalText, completedDay: row.completedDay }).toEqual(
            (({ overdueText, finalText, completedDay }) => ({ overdueText, finalText, completedDay }))(rows.find((r) => r.id === row.id)!.text));
        },
      ),
      { numRuns: 60 },
    );
    const file = await app.ok('reviews.exportReviews', { cycleId, format: 'csv', title: 'Reviews', columns: [{ field: 'employeeNumber', header: 'No.' }, { field: 'finalText', header: 'Final rating' }], sort: { field: 'employeeNumber' } });
    const lines = Buffer.from(file.contentBase64, 'base64').toString('utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    const expected = [...rows].sort((a, b) => cmp(nocase(a.text.employeeNumber!), nocase(b.text.employeeNumber!)));
    expect(lines.length).toBe(rows.length + 1);
    expect(lines[1]).toBe([expected[0].text.employeeNumber, expected[0].text.finalText ?? ''].map((v) => (/[",]/.test(v!) ? `"${v!.replace(/"/g, '""')}"` : v)).join(','));
  }, 120_000);
});

/** The results as the service worked them out before, reading every response and answer one by one. */
function bruteForceResults(app: TestApp, q: Questionnaire): Pick<QuestionnaireResults, 'hidden' | 'score' | 'averagePoints' | 'departments' | 'questions' | 'resultGroups'> {
  const db = app.store().raw;
  const responses = db.prepare(`SELECT id, department_id AS departmentId, points, score FROM questionnaire_response WHERE questionnaire_id = ? ORDER BY id`).all(q.id) as
    { id: string; departmentId: string | null; points: number | null; score: number | null }[];
  const hidden = !isShown(responses.length, q.anonymous);
  const scores = responses.flatMap((r) => (r.score === null ? [] : [r.score]));
  const points = responses.flatMap((r) => (r.points === null ? [] : [r.points]));
  const invitations = db.prepare(`SELECT i.department_id AS departmentId, coalesce(d.name, 'No department') AS departmentName, count(*) AS invited, count(i.responded_at) AS responded
    FROM questionnaire_invitation i LEFT JOIN department d ON d.id = i.department_id WHERE i.questionnaire_id = ? GROUP BY i.department_id ORDER BY departmentName COLLATE NOCASE`).all(q.id) as
    { departmentId: string | null; departmentName: string; invited: number; responded: number }[];
  const counts = new Map<string, number>();
  const byDepartment = new Map<string, number[]>();
  for (const r of responses) {
    const key = r.departmentId ?? '';
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (r.score !== null) byDepartment.set(key, [...(byDepartment.get(key) ?? []), r.score]);
  }
  const hiddenDepartments = hiddenGroups([...counts].map(([key, count]) => ({ key, count })), q.anonymous);
  const questions = q.sections.flatMap((s) => s.questions.map((question) => ({ question, sectionTitle: s.title })));
  return {
    hidden,
    score: hidden ? null : average(scores),
    averagePoints: hidden ? null : average(points),
    departments: invitations.map((d) => {
      const key = d.departmentId ?? '';
      const isHidden = hiddenDepartments.has(key);
      return { ...d, responseRate: percent(d.responded, d.invited), hidden: isHidden, score: isHidden ? null : average(byDepartment.get(key) ?? []) };
    }),
    questions: hidden ? [] : questions.map(({ question: qq, sectionTitle }) => {
      const answers = db.prepare(`SELECT a.value, a.points FROM questionnaire_answer a JOIN questionnaire_response r ON r.id = a.response_id WHERE r.questionnaire_id = ? AND a.question_id = ? ORDER BY a.response_id`)
        .all(q.id, qq.id) as { value: string; points: number | null }[];
      const base = { questionId: qq.id, sectionTitle, text: qq.text, type: qq.type, answered: answers.length };
      if (!isShown(answers.length, q.anonymous)) return { ...base, hidden: true, averagePoints: null, bars: [], average: null, texts: [] };
      const values = answers.map((a) => JSON.parse(a.value) as string | number | string[]);
      const bar = (label: string, count: number) => ({ label, count, percent: percent(count, answers.length) });
      let bars: { label: string; count: number; percent: number }[] = [];
      if (qq.type === 'single' || qq.type === 'multiple') bars = qq.options.map((o) => bar(o.label, values.filter((v) => chosenOptions(v as string | string[]).includes(o.id)).length));
      if (qq.type === 'scale' && qq.scaleMin !== null && qq.scaleMax !== null) for (let v = qq.scaleMin; v <= qq.scaleMax; v++) bars.push(bar(String(v), values.filter((x) => x === v).length));
      return {
        ...base, hidden: false, averagePoints: average(answers.flatMap((a) => (a.points === null ? [] : [a.points]))), bars,
        average: qq.type === 'number' || qq.type === 'scale' ? average(values.filter((v): v is number => typeof v === 'number')) : null,
        texts: qq.type === 'text' ? values.slice(0, 100).map(String) : [],
      };
    }),
    resultGroups: hidden ? [] : q.resultGroups.map((g) => {
      const count = points.filter((p) => resultGroupFor(p, q.resultGroups) === g).length;
      return { ...g, count, percent: percent(count, points.length) };
    }),
  };
}

/** Equal, numbers within a cent (sums added in another order may round a mean a cent apart at a tie); counts and flags exactly. */
function expectClose(actual: unknown, expected: unknown, path = '$'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (Number.isInteger(expected) && Number.isInteger(actual) && !path.match(/score|average|percent|Rate/i)) expect(actual, path).toBe(expected);
    else expect(Math.abs(actual - expected), path).toBeLessThanOrEqual(0.0100001);
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual) && actual.length, path).toBe(expected.length);
    expected.forEach((e, i) => expectClose((actual as unknown[])[i], e, `${path}[${i}]`));
    return;
  }
  if (expected && typeof expected === 'object') {
    expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(expected).sort());
    for (const [k, v] of Object.entries(expected)) expectClose((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
    return;
  }
  expect(actual, path).toEqual(expected);
}

describe('set-based questionnaire results', () => {
  it('match a brute-force pass over every response and answer, thresholds included, as responses are taken away', async () => {
    const app = await openTestApp();
    await app.ok('admin.loadDemoOrganisation', { employees: 300, seed: 7 });
    const db = app.store().raw;
    const survey = (await app.ok('reviews.listQuestionnaires', {})).rows.find((q) => q.kind === 'engagement' && q.status === 'closed')!;
    await fc.assert(
      fc.asyncProperty(fc.double({ min: 0, max: 0.5, noNaN: true }), fc.boolean(), fc.integer({ min: 0, max: 1_000_000 }), async (share, anonymous, seed) => {
        // Take away a share of the responses (more from some departments than others), and set the anonymity.
        const ids = db.prepare(`SELECT id FROM questionnaire_response WHERE questionnaire_id = ? ORDER BY id`).all(survey.id) as { id: string }[];
        const gone = ids.filter((_, i) => ((i * 7919 + seed) % 1000) / 1000 < share).map((r) => r.id);
        for (const id of gone) {
          db.prepare(`DELETE FROM questionnaire_answer WHERE response_id = ?`).run(id);
          db.prepare(`DELETE FROM questionnaire_response WHERE id = ?`).run(id);
        }
        db.prepare(`UPDATE questionnaire SET anonymous = ? WHERE id = ?`).run(anonymous ? 1 : 0, survey.id);
        const q = await app.ok('reviews.getQuestionnaire', { id: survey.id });
        const results = await app.ok('reviews.getQuestionnaireResults', { id: survey.id });
        const expected = bruteForceResults(app, q);
        expectClose({ hidden: results.hidden, score: results.score, averagePoints: results.averagePoints, departments: results.departments, questions: results.questions, resultGroups: results.resultGroups }, expected);
        if (anonymous) expect(results.departments.filter((d) => !d.hidden).every((d) => d.responded >= MIN_ANONYMOUS_GROUP || d.score === null)).toBe(true);
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
