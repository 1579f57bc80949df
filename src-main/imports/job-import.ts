import { JOB_IMPORT_FIELDS } from '../../src-shared/api';
import { recordAudit } from '../services/shared/audit';
import type { CompiledMapping } from './mapping';
import { auditRows, onceEach, runUpdate, settle, startPlan, summarise, tooLong, type RowChange } from './org-common';
import { JobIndex, loadPeople, type PeopleData } from './people-data';
import { changedFields, rowNumberOf, timeOrderedId, type ImportKindHandler, type PlannedImport } from './pipeline';
import type { Table } from './read-table';

type JobValues = { title: string; level: string | null; family: string | null; description: string | null };

export function planJobImport(table: Table, m: CompiledMapping, data: PeopleData, newId = timeOrderedId) {
  const { issues, issue } = startPlan(m, ['title']);
  const changes: RowChange<JobValues>[] = [];
  if (issues.length) return { issues, changes };
  const index = new JobIndex(data.jobs, newId);
  const stored = new Map(data.jobs.map((j) => [j.id, j]));
  const once = onceEach(issue, 'title', 'job');
  table.rows.forEach((cells, i) => {
    const row = rowNumberOf(table, i);
    const title = m.get('title', cells);
    if (!title) return void issue(row, 'title', `${m.label('title')} is empty${m.emptyReason('title', cells)}.`);
    const level = m.has('level') ? m.get('level', cells) || null : null;
    const family = m.has('family') ? m.get('family', cells) || null : undefined;
    const description = m.has('description') ? m.get('description', cells) || null : undefined;
    tooLong(issue, row, 'title', title, 200);
    tooLong(issue, row, 'level', level, 40);
    tooLong(issue, row, 'family', family, 200);
    tooLong(issue, row, 'description', description, 5000);
    const found = m.has('level') ? index.exact(title, level) : undefined;
    const id = found ? found.id : settle(issue, row, 'title', index.resolve(title, m.has('level') ? level : null, family ?? null));
    if (!id) return;
    once(id, row);
    const job = stored.get(id);
    const created = index.created.find((j) => j.id === id);
    const before: JobValues = job ? { title: job.title, level: job.level, family: job.family, description: job.description } : { title: created!.title, level: created!.level, family: null, description: null };
    const values = { ...before };
    if (family !== undefined) values.family = family;
    if (description !== undefined) values.description = description;
    changes.push({ id, row, isNew: !job, version: job?.version ?? 1, before, values, changed: job ? changedFields(before, values, ['family', 'description']) : ['title', 'level', 'family', 'description'] });
  });
  return { issues, changes };
}

export const jobImport: ImportKindHandler = {
  fields: JOB_IMPORT_FIELDS,
  plan(ctx, table, m): PlannedImport {
    const { issues, changes } = planJobImport(table, m, loadPeople(ctx.store.raw, { employees: false }));
    issues.sort((a, b) => a.row - b.row);
    return {
      issues,
      summary: summarise(changes),
      creates: [],
      async write(ctx, job) {
        const db = ctx.store.raw;
        const insert = db.prepare(`INSERT INTO job (id, title, family, level, description, archived, created_at, updated_at, version) VALUES (@id, @title, @family, @level, @description, 0, @now, @now, 1)`);
        const update = db.prepare(`UPDATE job SET family = @family, description = @description, updated_at = @now, version = version + 1 WHERE id = @id AND version = @version`);
        for (const c of changes) {
          if (c.isNew) insert.run({ id: c.id, ...c.values, now: ctx.now });
          else if (c.changed.length) runUpdate(update, { id: c.id, ...c.values, version: c.version, now: ctx.now }, `Job "${c.before.title}"`);
        }
        await recordAudit(ctx, auditRows('job', changes, job.fileName));
      },
    };
  },
};
