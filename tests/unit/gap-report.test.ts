import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from './helpers';
import { pdfText } from './pdf-text';

const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;

async function demoApp(): Promise<TestApp> {
  const app = await openTestApp();
  await app.ok('admin.loadDemoOrganisation', { employees: 150 });
  return app;
}

async function exportPdf(app: TestApp, input: Parameters<TestApp['ok']>[1] & object) {
  const file = await app.ok('skills.exportGapReport', input as never);
  const pdf = Buffer.from(file.contentBase64, 'base64');
  if (process.env.CANOPY_PDF_OUT) fs.writeFileSync(path.join(process.env.CANOPY_PDF_OUT, file.fileName), pdf);
  return { file, pdf, text: pdfText(pdf) };
}

describe('skills.exportGapReport', () => {
  it('exports the three gap reports as PDFs with their figures and names', async () => {
    const app = await demoApp();
    const raw = app.store().raw;
    const person = raw
      .prepare(
        `SELECT e.id, e.first_name || ' ' || e.last_name AS name, j.title FROM employee e JOIN job j ON j.id = e.job_id
          WHERE EXISTS (SELECT 1 FROM job_skill js WHERE js.job_id = e.job_id) ORDER BY e.employee_number LIMIT 1`,
      )
      .get() as { id: string; name: string; title: string };
    const gap = await app.ok('skills.getPersonGap', { employeeId: person.id, asOf: '2025-06-30' });

    const personal = await exportPdf(app, { report: 'person', employeeId: person.id, asOf: '2025-06-30' });
    expect(personal.file.mimeType).toBe('application/pdf');
    expect(personal.file.fileName).toMatch(/\.pdf$/);
    expect(personal.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(personal.text).toContain(`Skill gap: ${person.name}`);
    expect(personal.text).toContain(person.title);
    expect(personal.text).toContain('COVERAGE');
    expect(personal.text).toContain('As of 2025-06-30');
    expect(personal.text).toContain(gap.rows[0].skillName);
    expect(personal.text).toMatch(/Page 1 of \d+/);

    const organisation = await exportPdf(app, { report: 'organisation', asOf: '2025-06-30' });
    const summary = await app.ok('skills.getOrgGapSummary', { asOf: '2025-06-30', limit: 12 });
    expect(organisation.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(organisation.text).toContain('Skill gap summary');
    expect(organisation.text).toContain('Canopy Group');
    expect(organisation.text).toContain(`${Math.round(summary.coverage)}%`);
    expect(organisation.text).toContain('Largest gaps by skill');
    expect(organisation.text).toContain(summary.topSkills[0].name);

    const engineering = raw.prepare(`SELECT id FROM department WHERE name = 'Engineering'`).get() as { id: string };
    const heatmap = await exportPdf(app, { report: 'heatmap', departmentId: engineering.id, includeSubdepartments: true, asOf: '2025-06-30' });
    const data = await app.ok('skills.getHeatmap', { departmentId: engineering.id, includeSubdepartments: true, asOf: '2025-06-30' });
    expect(heatmap.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(heatmap.text).toContain('Skill heatmap: Engineering');
    expect(heatmap.text).toContain(data.employees.at(-1)!.name);
    expect(pageCount(heatmap.pdf)).toBeGreaterThan(1);
  });

  it('asks for the person or department a report needs', async () => {
    const app = await openTestApp();
    const person = await app.fail('skills.exportGapReport', { report: 'person' });
    expect(person.code).toBe('VALIDATION');
    expect(person.message).toMatch(/person/);
    const heatmap = await app.fail('skills.exportGapReport', { report: 'heatmap' });
    expect(heatmap.code).toBe('VALIDATION');
    expect(heatmap.message).toMatch(/department/);
  });

  it('exports an empty organisation without failing', async () => {
    const app = await openTestApp();
    const { pdf, text } = await exportPdf(app, { report: 'organisation' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(text).toContain('Canopy');
    expect(text).toContain('0 / 0');
  });
});
