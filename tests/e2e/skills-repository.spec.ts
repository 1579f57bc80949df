import type { Page } from '@playwright/test';
import { cell, expect, goTo, pasteInto, test, type HostFixture } from './fixtures';

async function createRatingModel(page: Page, name: string, levels: { label: string; factor?: number }[]) {
  await goTo(page, '/skills?tab=models');
  await page.getByTestId('new-rating-model').click();
  const form = page.getByTestId('rating-model-form');
  await form.getByLabel('Name').fill(name);
  const rows = form.getByTestId('rating-level');
  while ((await rows.count()) > levels.length) await form.getByLabel(`Remove level ${await rows.count()}`).click();
  while ((await rows.count()) < levels.length) await form.getByRole('button', { name: 'Add level' }).click();
  for (const [i, level] of levels.entries()) {
    await form.getByLabel(`Level ${i + 1} label`).fill(level.label);
    if (level.factor !== undefined) await form.getByLabel(`Level ${i + 1} factor`).fill(String(level.factor));
  }
  await form.getByRole('button', { name: 'Create rating model' }).click();
  return form;
}

/** Adds a row to a grid and types its cells left to right, Tab between them. */
async function addGridRow(page: Page, grid: string, values: string[]) {
  await page.getByTestId(`grid-${grid}`).getByTestId('grid-add-row').click();
  for (const [i, value] of values.entries()) {
    await page.keyboard.type(value);
    await page.keyboard.press(i === values.length - 1 ? 'Enter' : 'Tab');
  }
}

const idOf = (host: HostFixture, table: string, column: string, value: string) =>
  host.query<{ id: string }>(`SELECT id FROM ${table} WHERE ${column} = ?`, value)[0]?.id;

test('define a rating model, a skill type and a skill, then require the skill of a job by keyboard', async ({ page, host }) => {
  await page.goto(host.url);
  await goTo(page, '/people/jobs');
  await addGridRow(page, 'jobs', ['Data Engineer']);
  await addGridRow(page, 'jobs', ['Analyst']);
  await expect.poll(() => host.query(`SELECT count(*) AS n FROM job`)).toEqual([{ n: 2 }]);

  await createRatingModel(page, 'Proficiency', [{ label: 'Basic' }, { label: 'Proficient' }, { label: 'Expert' }]);
  const card = page.getByLabel('Rating model Proficiency');
  await expect(card).toContainText('Proficient');
  expect(host.query(`SELECT l.value, l.label, l.factor FROM rating_level l JOIN rating_model m ON m.id = l.rating_model_id WHERE m.name = 'Proficiency' ORDER BY l.value`)).toEqual([
    { value: 1, label: 'Basic', factor: 0 },
    { value: 2, label: 'Proficient', factor: 5 },
    { value: 3, label: 'Expert', factor: 9 },
  ]);

  await page.getByRole('tab', { name: 'Skill types' }).click();
  await addGridRow(page, 'skill-types', ['Technical']);
  await expect.poll(() => host.query(`SELECT name FROM skill_type`)).toEqual([{ name: 'Technical' }]);

  await page.getByRole('tab', { name: 'Skills' }).click();
  await addGridRow(page, 'skills', ['SQL', 'Technical', 'Proficiency']);
  await expect
    .poll(() => host.query(`SELECT s.name, t.name AS type, m.name AS model FROM skill s JOIN skill_type t ON t.id = s.skill_type_id JOIN rating_model m ON m.id = s.rating_model_id`))
    .toEqual([{ name: 'SQL', type: 'Technical', model: 'Proficiency' }]);
  const skillId = idOf(host, 'skill', 'name', 'SQL');

  await goTo(page, '/skills/requirements');
  await expect(page.getByTestId('matrix-caption')).toHaveText('2 jobs × 1 skill shown');
  const engineerRow = (await cell(page, 'skill-matrix', 0, 'title').textContent()) === 'Data Engineer' ? 0 : 1;
  await cell(page, 'skill-matrix', engineerRow, skillId).click();
  await page.keyboard.press('Enter');
  await page.keyboard.type('Profi');
  await expect(page.getByRole('option', { name: '2 · Proficient' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect
    .poll(() => host.query(`SELECT j.title, r.level, r.weight FROM job_skill r JOIN job j ON j.id = r.job_id`))
    .toEqual([{ title: 'Data Engineer', level: 2, weight: 1 }]);
  await expect(cell(page, 'skill-matrix', engineerRow, skillId)).toHaveText('2 · Proficient');

  // The long form shows the same requirement; its weight is edited there.
  await page.getByRole('tab', { name: 'Long form' }).click();
  await expect(cell(page, 'requirements', 0, 'levelName')).toHaveText('2 · Proficient');
  await cell(page, 'requirements', 0, 'weight').click();
  await page.keyboard.type('4');
  await page.keyboard.press('Enter');
  await expect.poll(() => host.query(`SELECT level, weight FROM job_skill`)).toEqual([{ level: 2, weight: 4 }]);

  // A level the skill's rating model does not have is refused where it was typed.
  await cell(page, 'requirements', 0, 'level').click();
  await page.keyboard.type('9');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('grid-error-report')).toContainText('Level 9 is not in the rating model of "SQL" (it has 3 levels).');
  await expect(cell(page, 'requirements', 0, 'level')).toHaveAttribute('aria-invalid', 'true');
  expect(host.query(`SELECT level, weight FROM job_skill`)).toEqual([{ level: 2, weight: 4 }]);

  // Copy the engineer's requirements to the analyst.
  await page.getByTestId('copy-requirements-open').click();
  const dialog = page.getByTestId('copy-requirements');
  await dialog.getByRole('textbox', { name: 'Copy from job' }).fill('Data');
  await page.getByRole('option', { name: 'Data Engineer' }).click();
  await dialog.getByRole('textbox', { name: 'To jobs' }).fill('Anal');
  await page.getByRole('option', { name: 'Analyst' }).click();
  await dialog.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(dialog.getByTestId('copy-result')).toHaveText('1 requirement written to 1 job.');
  expect(host.query(`SELECT j.title, r.level, r.weight FROM job_skill r JOIN job j ON j.id = r.job_id ORDER BY j.title`)).toEqual([
    { title: 'Analyst', level: 2, weight: 4 },
    { title: 'Data Engineer', level: 2, weight: 4 },
  ]);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // A pasted column of levels is one batch; deleting a row removes its requirement.
  await expect(page.getByTestId('grid-requirements').getByTestId('grid-row-count')).toHaveText('2 rows');
  await expect(cell(page, 'requirements', 0, 'jobId')).toHaveText('Analyst');
  await cell(page, 'requirements', 0, 'level').click();
  await pasteInto(page, '3\n1');
  await expect(page.getByTestId('grid-paste-question')).toContainText('changes 1 existing requirement (1 cell)');
  await page.getByRole('button', { name: 'Apply paste' }).click();
  await expect
    .poll(() => host.query(`SELECT j.title, r.level FROM job_skill r JOIN job j ON j.id = r.job_id ORDER BY j.title`))
    .toEqual([{ title: 'Analyst', level: 3 }, { title: 'Data Engineer', level: 1 }]);
  await cell(page, 'requirements', 0, 'jobId').click();
  await page.getByTestId('grid-requirements').getByTestId('grid-delete').click();
  await page.getByTestId('grid-delete-confirm').click();
  await expect.poll(() => host.query(`SELECT j.title FROM job_skill r JOIN job j ON j.id = r.job_id`)).toEqual([{ title: 'Data Engineer' }]);
});

test('bad input is refused with the server’s message and nothing is stored', async ({ page, host }) => {
  await page.goto(host.url);
  const form = await createRatingModel(page, 'Broken scale', [{ label: 'Low', factor: 3 }, { label: 'High', factor: 3 }]);
  await expect(form.getByTestId('form-error')).toContainText('Levels 1 and 2 both have factor 3');
  await expect(form.getByLabel('Level 2 factor')).toHaveAttribute('aria-invalid', 'true');
  expect(host.query(`SELECT count(*) AS n FROM rating_model`)).toEqual([{ n: 0 }]);

  // Fixed in the same form, it saves.
  await form.getByLabel('Level 2 factor').fill('7');
  await form.getByRole('button', { name: 'Create rating model' }).click();
  await expect(form).toBeHidden();
  expect(host.query(`SELECT count(*) AS n FROM rating_model`)).toEqual([{ n: 1 }]);

  await page.getByRole('tab', { name: 'Skill types' }).click();
  await addGridRow(page, 'skill-types', ['Languages']);
  await expect.poll(() => host.query(`SELECT count(*) AS n FROM skill_type`)).toEqual([{ n: 1 }]);
  await page.getByRole('tab', { name: 'Skills' }).click();
  await addGridRow(page, 'skills', ['German', 'Languages', 'Broken scale']);
  await expect.poll(() => host.query(`SELECT count(*) AS n FROM skill`)).toEqual([{ n: 1 }]);
  await addGridRow(page, 'skills', ['german', 'Languages', 'Broken scale']);
  await expect(page.getByTestId('grid-skills').getByText('A skill named "german" already exists in this skill type.').first()).toBeVisible();
  expect(host.query(`SELECT name FROM skill`)).toEqual([{ name: 'German' }]);
});
