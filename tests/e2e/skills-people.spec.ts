import type { Page } from '@playwright/test';
import { api, cell, expect, goTo, test, type HostFixture } from './fixtures';

interface Person {
  id: string;
  name: string;
  jobId: string;
  departmentLabel: string;
}

/** An employee with a job in a department without sub-departments, and that department's label in the app. */
function pickPerson(host: HostFixture): Person {
  const [row] = host.query<{ id: string; name: string; job_id: string; department: string; parent: string | null; grandparent: string | null }>(
    `SELECT e.id, e.first_name || ' ' || e.last_name AS name, e.job_id, d.name AS department, p.name AS parent, p.parent_id AS grandparent
       FROM employee e JOIN department d ON d.id = e.department_id LEFT JOIN department p ON p.id = d.parent_id
      WHERE e.job_id IS NOT NULL AND e.archived = 0 AND NOT EXISTS (SELECT 1 FROM department c WHERE c.parent_id = d.id)
      ORDER BY e.employee_number LIMIT 1`,
  );
  // Same rule as departmentOptions: a department below the second level is labelled with its parent.
  const departmentLabel = row.parent && row.grandparent ? `${row.department} · ${row.parent}` : row.department;
  return { id: row.id, name: row.name, jobId: row.job_id, departmentLabel };
}

/** A rating model, a skill type and a skill of our own, required at level 3 by the person's job. */
async function requireNewSkill(page: Page, jobId: string) {
  const model = await api<{ id: string }>(page, 'skills.saveRatingModel', {
    name: 'E2E scale',
    levels: [
      { label: 'Novice', factor: 1 },
      { label: 'Capable', factor: 4 },
      { label: 'Master', factor: 8 },
    ],
  });
  const types = await api<{ rows: { id: string }[] }>(page, 'skills.saveSkillTypes', { rows: [{ values: { name: 'E2E crafts' } }] });
  const skills = await api<{ rows: { id: string }[] }>(page, 'skills.saveSkills', {
    rows: [{ values: { name: 'Quantum knitting', skillTypeId: types.rows[0].id, ratingModelId: model.id } }],
  });
  await api(page, 'skills.saveRequirements', { changes: [{ jobId, skillId: skills.rows[0].id, level: 3, weight: 5 }] });
  return { skillId: skills.rows[0].id };
}

async function pick(page: Page, textbox: ReturnType<Page['getByRole']>, typed: string, option: string) {
  await textbox.fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('record a level on the employee page, see the gap, the heatmap cell and the person in skill search', async ({ page, seededHost: host }) => {
  await page.goto(host.url);
  const person = pickPerson(host);
  const { skillId } = await requireNewSkill(page, person.jobId);

  // Add the skill at the lowest level from the employee page.
  await goTo(page, `/people/employees/${person.id}`);
  const panel = page.getByTestId('employee-skills');
  await panel.getByTestId('add-skill').click();
  const dialog = page.getByRole('dialog', { name: 'Add a skill' });
  await pick(page, dialog.getByRole('textbox', { name: 'Skill', exact: true }), 'Quantum', 'Quantum knitting');
  await dialog.getByRole('textbox', { name: 'Level' }).click();
  await page.getByRole('option', { name: '1 · Novice' }).click();
  await dialog.getByRole('button', { name: 'Record level' }).click();
  await expect(dialog).toBeHidden();

  // Raise it to Capable by keyboard in the grid: one more entry in the history.
  await panel.getByTestId('grid-filter').fill('Quantum');
  await expect(cell(page, 'employee-skills', 0, 'level')).toHaveText('1 · Novice');
  await cell(page, 'employee-skills', 0, 'level').click();
  await page.keyboard.type('Capable');
  await page.keyboard.press('Enter');
  await expect(cell(page, 'employee-skills', 0, 'level')).toHaveText('2 · Capable');
  await expect(cell(page, 'employee-skills', 0, 'requiredLevel')).toHaveText('3 · Master');
  await expect
    .poll(() => host.query(`SELECT level, source FROM employee_skill WHERE employee_id = ? AND skill_id = ? ORDER BY recorded_at`, person.id, skillId))
    .toEqual([{ level: 1, source: 'manager' }, { level: 2, source: 'manager' }]);

  // The gap against their own job: Capable (factor 4) of Master (factor 8) is 4/9 of the scale short.
  const gapRow = page.getByTestId('person-gap-table').getByRole('row', { name: /Quantum knitting/ });
  await expect(gapRow).toContainText('3 · Master');
  await expect(gapRow).toContainText('2 · Capable');
  await expect(gapRow).toContainText('0.44');

  // The same gap in the department heatmap, narrowed to our skill type; its cell leads back to the person.
  await goTo(page, '/skills/gaps');
  await expect(page.getByTestId('org-coverage')).toBeVisible();
  await pick(page, page.getByRole('textbox', { name: 'Department', exact: true }), person.departmentLabel, person.departmentLabel);
  await page.getByRole('textbox', { name: 'Skill type' }).click();
  await page.getByRole('option', { name: 'E2E crafts' }).click();
  const heatCell = page.getByTestId(`heatmap-cell-${person.id}-${skillId}`);
  await expect(heatCell).toHaveAttribute('title', `${person.name} · Quantum knitting: required 3 · Master, current 2 · Capable, gap 0.44`);
  await heatCell.click();
  await expect(page.getByTestId('employee-name')).toHaveText(person.name);

  // Who can knit at least at Capable? Exactly this person, meeting the criterion.
  await goTo(page, '/skills/search');
  await pick(page, page.getByRole('textbox', { name: 'Skill', exact: true }), 'Quantum', 'Quantum knitting');
  await expect(page.getByRole('textbox', { name: 'Minimum level' })).toHaveValue('2 · Capable');
  await page.getByTestId('run-search').click();
  const results = page.getByTestId('search-results');
  await expect(results.getByRole('row')).toHaveCount(2);
  await expect(results.getByRole('row').nth(1)).toContainText(person.name);
  await expect(results.getByRole('row').nth(1)).toContainText('✓ 2 · Capable');
  await expect(results.getByRole('row').nth(1)).toContainText('100%');

  // Save it, and it can be loaded again.
  await page.getByTestId('save-search').click();
  await page.getByTestId('search-name').fill('Knitters');
  await page.getByRole('button', { name: 'Save as new' }).click();
  await expect(page.getByTestId('saved-searches')).toHaveValue('Knitters');
  expect(host.query(`SELECT name FROM saved_skill_search`)).toEqual([{ name: 'Knitters' }]);

  await results.getByRole('link', { name: person.name }).click();
  await expect(page.getByTestId('employee-name')).toHaveText(person.name);
});

test('a search without skills and a search saved without a name show the server’s message and store nothing', async ({ page, seededHost: host }) => {
  await page.goto(host.url);
  await goTo(page, '/skills/search');
  await page.getByTestId('run-search').click();
  await expect(page.getByTestId('search-error')).toContainText('Add at least one skill.');
  await expect(page.getByTestId('search-results')).toHaveCount(0);

  await page.getByTestId('save-search').click();
  await page.getByRole('button', { name: 'Save as new' }).click();
  await expect(page.getByTestId('save-search-error')).toContainText(/required|at least one skill/i);
  expect(host.query(`SELECT count(*) AS n FROM saved_skill_search`)).toEqual([{ n: 0 }]);
});
