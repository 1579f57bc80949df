import { describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from './helpers';

const ESCO_HEADER = 'conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,description';
const esco = (rows: string[]) => ({
  kind: 'skills' as const,
  fileName: 'skills_en.csv',
  contentBase64: Buffer.from([ESCO_HEADER, ...rows].join('\n')).toString('base64'),
});
const ROWS = [
  'KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/a1,skill/competence,sector-specific,manage musical staff,"coordinate music staff\nmanage music staff",Assign and manage staff tasks.',
  'KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/a2,knowledge,cross-sector,SQL,structured query language,The computer language SQL.',
  'KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/a3,skill/competence,transversal,work in teams,,Collaborate with others.',
];

async function withModel(app: TestApp) {
  await app.ok('skills.saveRatingModel', { name: 'Proficiency', levels: [{ label: 'Basic', factor: 2 }, { label: 'Expert', factor: 8 }] });
}

describe('skills taxonomy import', () => {
  it('maps ESCO columns by name and imports, creating skill types', async () => {
    const app = await openTestApp();
    await withModel(app);
    const preview = await app.ok('admin.previewImport', esco(ROWS));
    expect(preview.mapping).toMatchObject({ externalId: 'conceptUri', name: 'preferredLabel', altLabels: 'altLabels', skillType: 'skillType', description: 'description' });
    expect(preview.issues).toEqual([]);
    expect(await app.ok('admin.commitImport', { ...esco(ROWS), mapping: preview.mapping })).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const skills = (await app.ok('skills.listSkills', {})).rows;
    expect(skills.find((s) => s.name === 'SQL')).toMatchObject({ externalId: 'http://data.europa.eu/esco/skill/a2', description: expect.stringContaining('structured query language') });
    expect((await app.ok('skills.listSkillTypes', {})).rows.map((t) => t.name).sort()).toEqual(['knowledge', 'skill/competence']);
  });

  it('re-importing updates by external id and never duplicates', async () => {
    const app = await openTestApp();
    await withModel(app);
    const first = await app.ok('admin.previewImport', esco(ROWS));
    await app.ok('admin.commitImport', { ...esco(ROWS), mapping: first.mapping });
    const renamed = ROWS.map((r) => r.replace('The computer language SQL.', 'Querying relational databases.').replace(',SQL,', ',SQL (language),'));
    expect(await app.ok('admin.commitImport', { ...esco(renamed), mapping: first.mapping })).toEqual({ created: 0, updated: 1, unchanged: 2 });
    expect(app.count('skill')).toBe(3);
    const sql = (await app.ok('skills.listSkills', {})).rows.find((s) => s.externalId?.endsWith('a2'))!;
    expect(sql).toMatchObject({ name: 'SQL (language)', description: expect.stringContaining('Querying relational databases.'), version: 2 });
  });

  it('reports bad rows with row, column and problem, and stores nothing', async () => {
    const app = await openTestApp();
    await withModel(app);
    const bad = [...ROWS, 'KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/a2,knowledge,,Duplicate uri,,', 'KnowledgeSkillCompetence,x9,knowledge,,,,no name'];
    const error = await app.fail('admin.commitImport', { ...esco(bad), mapping: (await app.ok('admin.previewImport', esco(bad))).mapping });
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toEqual([
      expect.objectContaining({ row: 5, field: 'conceptUri', message: expect.stringMatching(/also appears on row 3/) }),
      expect.objectContaining({ row: 6, field: 'preferredLabel', message: 'The skill name is empty.' }),
    ]);
    expect(app.count('skill')).toBe(0);
    expect(app.count('skill_type')).toBe(0);
  });

  it('needs a rating model before skills can be imported', async () => {
    const app = await openTestApp();
    const preview = await app.ok('admin.previewImport', esco(ROWS));
    expect(preview.issues[0].message).toMatch(/Create a rating model first/);
  });
});
