// External candidates: people outside the organisation named as successors.
import type { z } from 'zod';
import { externalCandidateFields, type ExternalCandidate } from '../../../src-shared/api/succession';
import { ExternalCandidateEntity, type ExternalCandidateRow } from '../../store/entities/succession';
import type { ServiceContext } from '../context';
import { saveBatch, setArchived, type BatchSpec, type RowChangeInput } from '../shared/batch';
import { jsonIds } from './common';

type Values = z.infer<typeof externalCandidateFields>;

const SELECT = `SELECT x.id, x.name, x.organisation, x.current_role AS currentRole, x.email, x.notes, x.archived,
    (SELECT count(*) FROM succession_nomination n WHERE n.external_candidate_id = x.id AND n.archived = 0) AS nominations,
    x.created_at AS createdAt, x.updated_at AS updatedAt, x.version
  FROM external_candidate x`;

type Row = Omit<ExternalCandidate, 'archived'> & { archived: number };
const toDto = (row: Row): ExternalCandidate => ({ ...row, archived: Boolean(row.archived) });

export async function listExternalCandidates(ctx: ServiceContext, includeArchived = false): Promise<ExternalCandidate[]> {
  return (ctx.store.raw.prepare(`${SELECT} ${includeArchived ? '' : 'WHERE x.archived = 0'} ORDER BY x.name COLLATE NOCASE`).all() as Row[]).map(toDto);
}

const spec: BatchSpec<ExternalCandidateRow, Values> = {
  entity: ExternalCandidateEntity,
  label: 'External candidate',
  fields: externalCandidateFields,
  toValues: (row) => ({ name: row.name, organisation: row.organisation, currentRole: row.currentRole, email: row.email, notes: row.notes }),
  toColumns: (v) => ({ name: v.name, organisation: v.organisation ?? null, currentRole: v.currentRole ?? null, email: v.email ?? null, notes: v.notes ?? null }),
  check: async () => [],
};

export async function saveExternalCandidates(ctx: ServiceContext, rows: RowChangeInput[]): Promise<ExternalCandidate[]> {
  const saved = await saveBatch(spec, rows, ctx);
  const found = new Map((ctx.store.raw.prepare(`${SELECT} WHERE x.id IN (SELECT value FROM json_each(?))`).all(jsonIds(saved.map((r) => r.id))) as Row[]).map((row) => [row.id, toDto(row)]));
  return saved.map((row) => found.get(row.id)!);
}

export const archiveExternalCandidates = (ctx: ServiceContext, ids: string[], archived = true) =>
  setArchived(ExternalCandidateEntity, 'External candidate', ids, archived, ctx);
