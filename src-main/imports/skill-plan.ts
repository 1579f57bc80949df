import { randomUUID } from 'node:crypto';
import type { ImportIssue } from '../../src-shared/api';
import type { CompiledMapping } from './mapping';
import { idsInLoops, rowNumberOf } from './pipeline';
import type { Table } from './read-table';

export interface ExistingSkills {
  skills: { id: string; name: string; description: string | null; typeId: string; externalId: string | null; parentId: string | null; ratingModelId: string }[];
  types: { id: string; name: string }[];
  models: { id: string; name: string; archived: boolean }[];
}

export interface PlannedSkill {
  id: string;
  isNew: boolean;
  row: number;
  name: string;
  description: string | null;
  typeId: string;
  ratingModelId: string;
  externalId: string | null;
  parentKey: string;
  parentId: string | null;
  /** For a stored skill: whether the file changes anything about it. */
  changed: boolean;
}

export interface SkillImportPlan {
  issues: ImportIssue[];
  skills: PlannedSkill[];
  newTypes: { id: string; name: string }[];
}

const lower = (s: string) => s.trim().toLowerCase();
const DEFAULT_TYPE = 'Skill';

/**
 * Checks a taxonomy file and works out creates and updates. A row matches a stored skill
 * by external id first (so re-importing ESCO updates, never duplicates), else by type and name.
 */
export function planSkillImport(table: Table, m: CompiledMapping, existing: ExistingSkills): SkillImportPlan {
  const plan: SkillImportPlan = { issues: [...m.issues], skills: [], newTypes: [] };
  const issue = (row: number, key: string, message: string) => plan.issues.push({ row, column: m.label(key), message });
  if (!m.has('name')) issue(1, 'name', 'Choose the column that holds the skill name.');
  if (plan.issues.length) return plan;

  const types = new Map(existing.types.map((t) => [lower(t.name), t.id]));
  const activeModels = existing.models.filter((m) => !m.archived);
  const models = new Map(activeModels.map((m) => [lower(m.name), m.id]));
  const defaultModel = activeModels.slice().sort((a, b) => a.name.localeCompare(b.name))[0];
  const byExternal = new Map(existing.skills.filter((s) => s.externalId).map((s) => [s.externalId!, s]));
  const byName = new Map(existing.skills.map((s) => [`${s.typeId}|${lower(s.name)}`, s]));
  const seenExternal = new Map<string, number>();
  const seenName = new Map<string, number>();

  const storedById = new Map(existing.skills.map((s) => [s.id, s]));
  table.rows.forEach((cells, index) => {
    const row = rowNumberOf(table, index);
    const get = (key: string) => m.get(key, cells);
    const name = get('name');
    if (!name) return void issue(row, 'name', 'The skill name is empty.');
    if (name.length > 200) return void issue(row, 'name', 'At most 200 characters.');
    const externalId = get('externalId') || null;
    if (externalId && seenExternal.has(externalId)) return void issue(row, 'externalId', `External id ${externalId} also appears on row ${seenExternal.get(externalId)}.`);
    if (externalId) seenExternal.set(externalId, row);
    const typeId = typeFor(get('skillType') || DEFAULT_TYPE, types, plan);
    const nameKey = `${typeId}|${lower(name)}`;
    if (seenName.has(nameKey)) return void issue(row, 'name', `"${name}" also appears on row ${seenName.get(nameKey)} with the same skill type.`);
    seenName.set(nameKey, row);
    const modelName = get('ratingModel');
    const ratingModelId = modelName ? models.get(lower(modelName)) : defaultModel?.id;
    if (!ratingModelId) return void issue(row, 'ratingModel', modelName ? `No rating model is named "${modelName}".` : 'Create a rating model first: every skill needs one.');
    const stored = (externalId && byExternal.get(externalId)) || byName.get(nameKey);
    if (stored && byName.get(nameKey) && byName.get(nameKey)!.id !== stored.id) return void issue(row, 'name', `Another skill of this type is already named "${name}".`);
    const alt = get('altLabels').split(/\n|\|/).map((s) => s.trim()).filter(Boolean);
    const description = [get('description'), alt.length ? `Also known as: ${alt.join(', ')}.` : ''].filter(Boolean).join('\n\n') || null;
    const skill: PlannedSkill = {
      id: stored?.id ?? randomUUID(), isNew: !stored, row, name, description: description?.slice(0, 5000) ?? null, typeId,
      ratingModelId: modelName || !stored ? ratingModelId : stored.ratingModelId, externalId: externalId ?? stored?.externalId ?? null,
      parentKey: get('parent'), parentId: stored?.parentId ?? null, changed: !stored,
    };
    plan.skills.push(skill);
  });
  resolveParents(plan, existing, issue);
  for (const skill of plan.skills) {
    const s = storedById.get(skill.id);
    if (s) skill.changed = s.name !== skill.name || (s.description ?? null) !== skill.description || s.typeId !== skill.typeId || s.ratingModelId !== skill.ratingModelId || (s.externalId ?? null) !== skill.externalId || (s.parentId ?? null) !== skill.parentId;
  }
  return plan;
}

function typeFor(name: string, types: Map<string, string>, plan: SkillImportPlan): string {
  const key = lower(name);
  if (!types.has(key)) {
    const created = { id: randomUUID(), name: name.slice(0, 100) };
    types.set(key, created.id);
    plan.newTypes.push(created);
  }
  return types.get(key)!;
}

/** Parents are named by external id or name, in the file or already stored; loops are refused. */
function resolveParents(plan: SkillImportPlan, existing: ExistingSkills, issue: (row: number, key: string, message: string) => void) {
  const all = [...existing.skills.map((s) => ({ id: s.id, name: s.name, externalId: s.externalId })), ...plan.skills];
  const byExternal = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const s of all) {
    if (s.externalId && !byExternal.has(s.externalId)) byExternal.set(s.externalId, s.id);
    if (!byName.has(lower(s.name))) byName.set(lower(s.name), s.id);
  }
  const find = (key: string) => byExternal.get(key) ?? byName.get(lower(key));
  const parentOf = new Map(existing.skills.map((s) => [s.id, s.parentId]));
  for (const skill of plan.skills) {
    if (!skill.parentKey) continue;
    const parent = find(skill.parentKey);
    if (!parent) issue(skill.row, 'parent', `No skill "${skill.parentKey}" (by external id or name) in this file or already stored.`);
    else skill.parentId = parent;
    parentOf.set(skill.id, skill.parentId);
  }
  const looping = idsInLoops(parentOf);
  for (const skill of plan.skills) if (looping.has(skill.id)) issue(skill.row, 'parent', `"${skill.name}" would sit under itself (a parent-skill loop).`);
  plan.issues.sort((a, b) => a.row - b.row);
}
