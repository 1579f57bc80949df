import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, goTo, test, type HostFixture } from './fixtures';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Picks an option of a Mantine Select / MultiSelect by typing into it. */
async function choose(page: Page, field: Locator, option: string | RegExp) {
  await field.click();
  if (typeof option === 'string' && (await field.isEditable())) await field.fill(option);
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).first().click();
}

const answer = (page: Page, question: string) => page.getByTestId('response-form').locator(`[data-question="${question}"]`);

async function chooseFile(page: Page, file: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('response-file').click();
  await (await chooser).setFiles(file);
}

/** A department with a unique name and 8–12 active people (so some are left for the import). */
function smallDepartment(host: HostFixture) {
  return host.query<{ id: string; name: string; n: number }>(`
    SELECT d.id, d.name, count(e.id) AS n FROM department d JOIN employee e ON e.department_id = d.id AND e.archived = 0 AND e.status <> 'terminated'
    WHERE (SELECT count(*) FROM department d2 WHERE d2.name = d.name) = 1
      AND NOT EXISTS (SELECT 1 FROM department c WHERE c.parent_id = d.id)
    GROUP BY d.id HAVING n BETWEEN 8 AND 12 ORDER BY n LIMIT 1`)[0];
}

test('build a questionnaire, distribute it, type in and import responses, and see the results', async ({ page, seededHost: host }) => {
  const dept = smallDepartment(host);
  await page.goto(host.url);

  // An answer group for the choice question.
  await goTo(page, '/reviews/questionnaires/answer-groups');
  await page.getByTestId('new-answer-group').click();
  const groupForm = page.getByTestId('answer-group-form');
  await groupForm.getByLabel('Name').fill('Yes or no');
  await groupForm.getByRole('textbox', { name: 'Option 1' }).fill('No');
  await groupForm.getByRole('textbox', { name: 'Points 1' }).fill('0');
  await groupForm.getByRole('textbox', { name: 'Option 2' }).fill('Yes');
  await groupForm.getByRole('textbox', { name: 'Points 2' }).fill('1');
  await groupForm.getByRole('button', { name: 'Save answer group' }).click();
  await expect(page.getByText('Yes or no', { exact: true }).first()).toBeVisible();
  await expect.poll(() => host.query(`SELECT name FROM answer_group WHERE name = 'Yes or no'`)).toHaveLength(1);
  await page.screenshot({ path: 'test-results/questionnaire-answer-groups.png' });

  // The questionnaire: a scale, a choice, and a number question shown only to managers.
  await goTo(page, '/reviews/questionnaires');
  await page.getByTestId('new-questionnaire').click();
  const builder = page.getByTestId('questionnaire-builder');
  await builder.getByRole('textbox', { name: 'Name' }).fill('Team pulse');
  await builder.getByRole('switch', { name: /Anonymous/ }).uncheck();
  await builder.getByRole('textbox', { name: 'Section 1' }).fill('Work');
  await page.getByTestId('question-1').getByRole('textbox', { name: 'Question' }).fill('I enjoy my work');
  await builder.getByRole('button', { name: 'Add question to section 1' }).click();
  const q2 = page.getByTestId('question-2');
  await q2.getByRole('textbox', { name: 'Question' }).fill('Do you manage people?');
  await q2.getByRole('textbox', { name: 'Code' }).fill('MGR');
  await choose(page, q2.getByRole('textbox', { name: 'Type' }), 'Single choice');
  await choose(page, q2.getByRole('textbox', { name: 'Answer group' }), /^Yes or no/);
  await builder.getByRole('button', { name: 'Add question to section 1' }).click();
  const q3 = page.getByTestId('question-3');
  await q3.getByRole('textbox', { name: 'Question' }).fill('How many people report to you?');
  await choose(page, q3.getByRole('textbox', { name: 'Type' }), 'Number');
  await choose(page, q3.getByRole('textbox', { name: 'Show only when' }), 'Do you manage people?');
  await choose(page, q3.getByRole('textbox', { name: 'answer is' }), 'Yes');
  await builder.getByRole('button', { name: 'Add result group' }).click();
  await builder.getByRole('textbox', { name: 'Result 1 to' }).fill('3');
  await builder.getByRole('textbox', { name: 'Result 1 text' }).fill('Needs attention');
  await builder.getByRole('button', { name: 'Add result group' }).click();
  await builder.getByRole('textbox', { name: 'Result 2 from' }).fill('4');
  await builder.getByRole('textbox', { name: 'Result 2 to' }).fill('6');
  await builder.getByRole('textbox', { name: 'Result 2 text' }).fill('Engaged');
  await page.screenshot({ path: 'test-results/questionnaire-builder.png', fullPage: true });
  await page.getByTestId('save-questionnaire').click();
  await expect(page.getByRole('heading', { name: 'Team pulse' })).toBeVisible();
  const [stored] = host.query<{ id: string; sections: string; anonymous: number }>(`SELECT id, sections, anonymous FROM questionnaire WHERE name = 'Team pulse'`);
  expect(stored.anonymous).toBe(0);
  const questions = JSON.parse(stored.sections)[0].questions;
  expect(questions.map((q: { type: string }) => q.type)).toEqual(['scale', 'single', 'number']);
  expect(questions[2].condition).toEqual({ questionId: questions[1].id, optionId: questions[1].options[1].id });

  // Distribute to one small department.
  await page.getByRole('tab', { name: 'Distribute' }).click();
  await choose(page, page.getByRole('textbox', { name: 'Departments (with their sub-departments)' }), new RegExp(`^${escape(dept.name)}$`));
  await page.getByTestId('distribute').click();
  await expect(page.getByTestId('questionnaire-status')).toHaveText('Open');
  await expect.poll(() => host.query(`SELECT count(*) AS n FROM questionnaire_invitation WHERE questionnaire_id = ?`, stored.id)).toEqual([{ n: dept.n }]);

  // Type in five responses; the manager's follow-up question appears only after "Yes".
  await page.getByRole('tab', { name: 'Respond' }).click();
  for (let i = 0; i < 5; i++) {
    await page.getByTestId('respondent').click();
    await page.getByRole('option').first().click();
    await answer(page, 'I enjoy my work').getByRole('radio', { name: String(i === 0 ? 5 : 3), exact: true }).check();
    await expect(answer(page, 'How many people report to you?')).toHaveCount(0);
    await answer(page, 'Do you manage people?').getByRole('radio', { name: i === 0 ? 'Yes' : 'No' }).check();
    if (i === 0) {
      await expect(answer(page, 'How many people report to you?')).toBeVisible();
      await page.getByTestId('submit-response').click();
      await expect(answer(page, 'How many people report to you?').getByRole('alert')).toHaveText('This question needs an answer.');
      expect(host.query(`SELECT count(*) AS n FROM questionnaire_response WHERE questionnaire_id = ?`, stored.id)).toEqual([{ n: 0 }]);
      await answer(page, 'How many people report to you?').getByRole('textbox').fill('4');
      await page.screenshot({ path: 'test-results/questionnaire-respond.png', fullPage: true });
    }
    await page.getByTestId('submit-response').click();
    await expect(page.getByTestId('response-stored')).toContainText(i === 0 ? 'Result: Engaged' : 'Result: Needs attention');
    await expect.poll(() => host.query(`SELECT count(*) AS n FROM questionnaire_response WHERE questionnaire_id = ?`, stored.id)).toEqual([{ n: i + 1 }]);
  }

  // Import the rest: a file with an unknown person and an unknown option is refused whole.
  const waiting = host.query<{ number: string }>(`SELECT e.employee_number AS number FROM questionnaire_invitation i JOIN employee e ON e.id = i.employee_id
    WHERE i.questionnaire_id = ? AND i.responded_at IS NULL ORDER BY e.employee_number`, stored.id);
  const header = 'Employee number,I enjoy my work,MGR,How many people report to you?';
  const bad = path.join(host.dir, 'responses.csv');
  fs.writeFileSync(bad, [header, `${waiting[0].number},4,No,`, 'NOBODY,4,No,', `${waiting[1].number},4,Maybe,`].join('\n'));
  await page.getByRole('tab', { name: 'Import responses' }).click();
  await chooseFile(page, bad);
  const issues = page.getByTestId('response-import-issues');
  await expect(issues.getByRole('row', { name: /3\s*Employee number\s*No employee has the number "NOBODY"/ })).toBeVisible();
  await expect(issues.getByRole('row', { name: /4\s*MGR\s*"Maybe" is not an option/ })).toBeVisible();
  await expect(page.getByTestId('response-import-commit')).toBeDisabled();
  await page.screenshot({ path: 'test-results/questionnaire-import.png', fullPage: true });
  expect(host.query(`SELECT count(*) AS n FROM questionnaire_response WHERE questionnaire_id = ?`, stored.id)).toEqual([{ n: 5 }]);

  const fixed = path.join(host.dir, 'responses-fixed.csv');
  fs.writeFileSync(fixed, [header, ...waiting.map((w, i) => `${w.number},${i % 2 ? 2 : 4},No,`)].join('\n'));
  await chooseFile(page, fixed);
  await expect(page.getByTestId('response-import-ready')).toContainText(`${waiting.length} responses ready`);
  await page.getByTestId('response-import-commit').click();
  await expect(page.getByTestId('response-import-result')).toContainText(`${waiting.length} responses stored`);
  expect(host.query(`SELECT count(*) AS n FROM questionnaire_response WHERE questionnaire_id = ? AND source = 'import'`, stored.id)).toEqual([{ n: waiting.length }]);

  // Results: everyone responded; the department's score and the per-question bars show.
  await page.getByRole('tab', { name: 'Results' }).click();
  await expect(page.getByTestId('response-rate')).toHaveText('100%');
  const row = page.getByTestId('department-results').locator(`[data-department="${dept.name}"]`);
  await expect(row).toContainText(`${dept.n}`);
  await expect(row.getByTestId('department-score')).not.toContainText('Hidden');
  // Scores worked out by hand: the scale (1–5) and the choice (No 0, Yes 1) give 1 to 6 points, scored 0–100.
  // Typed: one 5 + Yes (100), four 3 + No (40 each); imported: 4 + No (60) and 2 + No (20) alternating.
  const imported = waiting.length;
  const total = 100 + 4 * 40 + 60 * Math.ceil(imported / 2) + 20 * Math.floor(imported / 2);
  await expect(page.getByTestId('overall-score')).toHaveText(String(Math.round((total / dept.n) * 100) / 100));
  await expect(page.locator('[data-question="Do you manage people?"]')).toContainText(`Yes1 · ${Math.round((100 / dept.n) * 100) / 100}%`);
  await page.screenshot({ path: 'test-results/questionnaire-results.png', fullPage: true });
});

test('the anonymous demo survey hides departments with fewer than 5 responses', async ({ page, seededHost: host }) => {
  const [survey] = host.query<{ id: string }>(`SELECT id FROM questionnaire WHERE anonymous = 1 AND kind = 'engagement' AND status = 'closed'`);
  const [pulse] = host.query<{ id: string }>(`SELECT id FROM questionnaire WHERE anonymous = 1 AND kind = 'engagement' AND status = 'open'`);
  const departments = host.query<{ name: string; n: number }>(`
    SELECT d.name, count(r.id) AS n FROM questionnaire_response r JOIN department d ON d.id = r.department_id
    WHERE r.questionnaire_id = ? AND (SELECT count(*) FROM department d2 WHERE d2.name = d.name) = 1 GROUP BY d.id ORDER BY n`, survey.id);
  const small = departments.find((d) => d.n > 0 && d.n < 5)!;
  const large = departments.at(-1)!;
  expect(small).toBeDefined();
  await page.goto(host.url);
  await goTo(page, '/reviews/questionnaires');
  await expect(page.getByTestId('questionnaire-list')).toContainText('Engagement survey');
  await page.screenshot({ path: 'test-results/questionnaire-list.png' });
  await goTo(page, `/reviews/questionnaires/${survey.id}/results`);
  await expect(page.getByTestId('anonymity-note')).toBeVisible();
  const rows = page.getByTestId('department-results');
  await expect(rows.locator(`[data-department="${small.name}"]`).getByTestId('department-score')).toHaveText('Hidden: fewer than 5 responses');
  await expect(rows.locator(`[data-department="${large.name}"]`).getByTestId('department-score')).not.toContainText('Hidden');
  await expect(page.getByTestId('question-result').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/questionnaire-anonymous.png', fullPage: true });

  // The pulse still takes responses: only participation shows, no figure that one more response would move.
  await goTo(page, `/reviews/questionnaires/${pulse.id}/results`);
  await expect(page.getByTestId('results-sealed')).toContainText('Results show once the questionnaire is closed');
  await expect(page.getByTestId('overall-score')).toHaveText('—');
  await expect(page.getByTestId('question-result')).toHaveCount(0);
  await expect(page.getByTestId('department-results').getByTestId('department-score').first()).toHaveText('Shown when closed');
  await page.screenshot({ path: 'test-results/questionnaire-sealed.png', fullPage: true });
});

/** Picks a person in a searchable people Select by typing their employee number. */
async function choosePerson(page: Page, field: Locator, employeeNumber: string) {
  await field.click();
  await field.fill(employeeNumber);
  await page.getByRole('option', { name: new RegExp(`\\(${escape(employeeNumber)}\\)$`) }).first().click();
}

/** A current employee with a current manager, 3–4 current direct reports and a peer (same manager): a 360 subject. */
function subjectWithTeam(host: HostFixture) {
  const current = (e: string) => `${e}.archived = 0 AND ${e}.status <> 'terminated'`;
  const [subject] = host.query<{ id: string; number: string; peerNumber: string; reports: number }>(`
    SELECT s.id, s.employee_number AS number, count(r.id) AS reports,
      (SELECT min(p.employee_number) FROM employee p WHERE p.manager_id = s.manager_id AND p.id <> s.id AND ${current('p')}) AS peerNumber
    FROM employee s JOIN employee m ON m.id = s.manager_id AND ${current('m')}
    JOIN employee r ON r.manager_id = s.id AND ${current('r')}
    WHERE ${current('s')}
    GROUP BY s.id HAVING reports BETWEEN 3 AND 4 AND peerNumber IS NOT NULL ORDER BY s.employee_number LIMIT 1`);
  return subject;
}

test('a 360 about one person: raters by relationship, typed-in responses, results by relationship with small groups hidden', async ({ page, seededHost: host }) => {
  const subject = subjectWithTeam(host);
  await page.goto(host.url);
  await goTo(page, '/reviews/questionnaires');
  await page.getByTestId('new-questionnaire').click();
  const builder = page.getByTestId('questionnaire-builder');
  await builder.getByRole('textbox', { name: 'Name' }).fill('360 feedback e2e');
  await choose(page, builder.getByRole('textbox', { name: 'Kind' }), '360 feedback');
  await choosePerson(page, builder.getByRole('textbox', { name: /About/ }), subject.number);
  await expect(builder.getByRole('switch', { name: /Anonymous/ })).toBeChecked();
  await builder.getByRole('textbox', { name: 'Section 1' }).fill('Working together');
  await page.getByTestId('question-1').getByRole('textbox', { name: 'Question' }).fill('Communicates clearly');
  await page.screenshot({ path: 'test-results/questionnaire-360-builder.png', fullPage: true });
  await page.getByTestId('save-questionnaire').click();
  await expect(page.getByRole('heading', { name: '360 feedback e2e' })).toBeVisible();
  await expect(page.getByTestId('questionnaire-subject')).toContainText('About');
  const [stored] = host.query<{ id: string; subject: string; kind: string }>(`SELECT id, subject_employee_id AS subject, kind FROM questionnaire WHERE name = '360 feedback e2e'`);
  expect(stored).toMatchObject({ subject: subject.id, kind: 'feedback_360' });

  // Raters: the subject's manager, direct reports and self in one click, plus a peer picked by hand.
  await page.getByRole('tab', { name: 'Raters' }).click();
  await page.getByTestId('add-close-raters').click();
  const pending = page.getByTestId('pending-raters');
  await expect(pending.getByRole('row')).toHaveCount(1 + 2 + subject.reports);
  await expect(pending).toContainText('Self');
  await expect(pending).toContainText('Manager');
  await choosePerson(page, page.getByRole('textbox', { name: 'Person' }), subject.peerNumber);
  await page.getByRole('button', { name: 'Add rater' }).click();
  await expect(pending.getByRole('row')).toHaveCount(1 + 3 + subject.reports);
  await page.screenshot({ path: 'test-results/questionnaire-360-raters.png', fullPage: true });
  await page.getByTestId('invite-raters').click();
  await expect(page.getByTestId('questionnaire-status')).toHaveText('Open');
  await expect.poll(() => host.query(`SELECT relationship, count(*) AS n FROM questionnaire_invitation WHERE questionnaire_id = ? GROUP BY relationship ORDER BY relationship`, stored.id))
    .toEqual([{ relationship: 'direct_report', n: subject.reports }, { relationship: 'manager', n: 1 }, { relationship: 'peer', n: 1 }, { relationship: 'self', n: 1 }]);
  await expect(page.getByTestId('invitations')).toContainText('Direct report');

  // Everyone answers.
  await page.getByRole('tab', { name: 'Respond' }).click();
  const raters = 3 + subject.reports;
  for (let i = 0; i < raters; i++) {
    await page.getByTestId('respondent').click();
    await page.getByRole('option').first().click();
    await answer(page, 'Communicates clearly').getByRole('radio', { name: String(2 + (i % 3)), exact: true }).check();
    await page.getByTestId('submit-response').click();
    await expect(page.getByTestId('response-stored')).toContainText('kept without the link to the person');
    await expect.poll(() => host.query(`SELECT count(*) AS n FROM questionnaire_response WHERE questionnaire_id = ?`, stored.id)).toEqual([{ n: i + 1 }]);
  }
  // Stored by relationship, never by person.
  expect(host.query(`SELECT count(invitation_id) AS linked, count(relationship) AS grouped FROM questionnaire_response WHERE questionnaire_id = ?`, stored.id))
    .toEqual([{ linked: 0, grouped: raters }]);

  // Anonymous results show once it is closed; then self and manager show, and the direct reports and the lone peer are too few and are hidden, with the reason.
  await page.getByRole('tab', { name: 'Results' }).click();
  await expect(page.getByTestId('results-sealed')).toBeVisible();
  await page.getByRole('button', { name: 'Close questionnaire' }).click();
  await expect(page.getByTestId('questionnaire-status')).toHaveText('Closed');
  const groups = page.getByTestId('relationship-results');
  const [self] = host.query<{ score: number }>(`SELECT score FROM questionnaire_response WHERE questionnaire_id = ? AND relationship = 'self'`, stored.id);
  await expect(groups.locator('[data-relationship="self"]').getByTestId('relationship-score')).toContainText(String(self.score));
  await expect(groups.locator('[data-relationship="manager"]').getByTestId('relationship-score')).not.toContainText('Hidden');
  await expect(groups.locator('[data-relationship="direct_report"]').getByTestId('relationship-responded')).toHaveText(String(subject.reports));
  await expect(groups.locator('[data-relationship="direct_report"]').getByTestId('relationship-score')).toHaveText('Hidden: fewer than 5 responses');
  await expect(groups.locator('[data-relationship="peer"]').getByTestId('relationship-score')).toHaveText('Hidden: fewer than 5 responses');
  await expect(page.getByTestId('anonymity-note')).toContainText('self and manager are shown as given');
  const perQuestion = page.getByTestId('relationship-questions').locator('[data-question="Communicates clearly"]');
  await expect(perQuestion.locator('[data-relationship="direct_report"]')).toHaveText('hidden');
  await page.screenshot({ path: 'test-results/questionnaire-360-results.png', fullPage: true });
});
