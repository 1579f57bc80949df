import { notifications } from '@mantine/notifications';
import { useMemo } from 'react';
import { SKILL_SOURCES, SKILL_SOURCE_LABELS, type EmployeeSkill, type Input } from '../../../../src-shared/api';
import { ApiCallError, call } from '../../../api/client';
import { useApi } from '../../../api/hooks';
import type { CellError, GridColumn, GridRow, Option, RowChange, SaveResult } from '../../../grid';
import { useSkillReferences, type SkillReferences } from '../shared/useSkillReferences';
import { levelCell, levelCellOptions, parseLevelCell, rowLevelOptions } from './levelCells';

export type SkillSource = (typeof SKILL_SOURCES)[number];
export const SOURCE_OPTIONS: Option[] = SKILL_SOURCES.map((value) => ({ value, label: SKILL_SOURCE_LABELS[value] }));

/** The effective date and source given to levels recorded from the grid. */
export interface RecordDefaults {
  effectiveDate: string;
  source: SkillSource;
}

/** One skill of the employee as the grid shows it: levels as their labels, the row id is the skill id. */
interface SkillRow extends GridRow {
  skillId: string;
  level: string | null;
  effectiveDate: string | null;
  source: SkillSource | null;
  verifiedBy: string | null;
  notes: string | null;
  targetLevel: string | null;
  targetDueDate: string | null;
  requiredLevel: string | null;
}

type LevelRecord = Input<'skills.recordLevels'>['rows'][number];
type TargetChange = Input<'skills.setTargets'>['rows'][number];

const ENTRY_FIELDS = ['level', 'effectiveDate', 'source', 'verifiedBy', 'notes'];
const TARGET_FIELDS = ['targetLevel', 'targetDueDate'];
const touches = (values: Record<string, unknown>, fields: string[]) => fields.some((field) => field in values);

/** Rows, columns and the save handler of the employee's skills grid. */
export function useSkillGrid(employeeId: string, asOf: string, defaults: RecordDefaults) {
  const refs = useSkillReferences();
  const list = useApi('skills.listEmployeeSkills', { employeeId, asOf });
  // The fetch time serves as the rows' version: a refetch always replaces what a save showed.
  const fetchedAt = list.dataUpdatedAt;
  const rows = useMemo(
    () => (list.data?.rows ?? []).map((row) => toGridRow(refs, row, fetchedAt)).sort((a, b) => skillName(refs, a).localeCompare(skillName(refs, b))),
    [list.data, refs, fetchedAt],
  );
  // What each row holds now: fetched, then updated by saves until the next fetch.
  const latest = useMemo(() => new Map(rows.map((row) => [row.id, row])), [rows]);

  const columns = useMemo<GridColumn[]>(() => {
    const levels = levelCellOptions(refs, rows.map((row) => row.skillId));
    // The picker offers, and a paste may take, only the levels of the row's own skill.
    const ownLevels = rowLevelOptions(refs);
    const levelsOfRow = (row: GridRow) => ownLevels(String(row.skillId));
    return [
      { id: 'skillId', header: 'Skill', kind: 'reference', width: 220, editable: false, options: refs.skillOptions, optionNoun: 'skills' },
      { id: 'level', header: 'Current level', kind: 'select', width: 170, options: levels, optionsFor: levelsOfRow, optionNoun: 'levels' },
      { id: 'effectiveDate', header: 'Effective', kind: 'date', width: 110 },
      { id: 'source', header: 'Source', kind: 'select', width: 110, options: SOURCE_OPTIONS },
      { id: 'verifiedBy', header: 'Verified by', kind: 'text', width: 140 },
      { id: 'notes', header: 'Notes', kind: 'text', width: 220 },
      { id: 'targetLevel', header: 'Target level', kind: 'select', width: 170, options: levels, optionsFor: levelsOfRow, optionNoun: 'levels' },
      { id: 'targetDueDate', header: 'Target due', kind: 'date', width: 110 },
      { id: 'requiredLevel', header: 'Required by job', kind: 'text', width: 170, editable: false },
    ];
  }, [refs, rows]);

  async function onSave(changes: RowChange[]): Promise<SaveResult> {
    const plan = planSave(refs, employeeId, defaults, changes, (id) => latest.get(id));
    if (plan.errors.length > 0) return { ok: false, message: 'Nothing was saved: fix the marked cells.', errors: plan.errors };
    try {
      if (plan.records.length > 0) await call('skills.recordLevels', { rows: plan.records.map((r) => r.record) });
    } catch (error) {
      return failed(error, plan.records.map((r) => r.rowKey), { level: 'level' });
    }
    try {
      if (plan.targets.length > 0) await call('skills.setTargets', { rows: plan.targets.map((t) => t.target) });
    } catch (error) {
      return failed(error, plan.targets.map((t) => t.rowKey), { level: 'targetLevel', dueDate: 'targetDueDate' });
    }
    for (const row of plan.rows) latest.set(row.id, row);
    warnIfAfterAsOf(plan.records.map((r) => r.record), asOf);
    return { ok: true, rows: plan.rows };
  }

  return { rows: rows as GridRow[], columns, onSave, loading: list.isLoading || refs.loading, error: list.error };
}

const skillName = (refs: SkillReferences, row: SkillRow) => refs.skillById.get(row.skillId)?.name ?? '';

function toGridRow(refs: SkillReferences, row: EmployeeSkill, version: number): SkillRow {
  return {
    id: row.skillId,
    version,
    skillId: row.skillId,
    level: levelCell(refs, row.skillId, row.level),
    effectiveDate: row.effectiveDate,
    source: row.source,
    verifiedBy: row.verifiedBy,
    notes: row.notes,
    targetLevel: levelCell(refs, row.skillId, row.targetLevel),
    targetDueDate: row.targetDueDate,
    requiredLevel: levelCell(refs, row.skillId, row.requiredLevel),
  };
}

interface SavePlan {
  records: { rowKey: string; record: LevelRecord }[];
  targets: { rowKey: string; target: TargetChange }[];
  errors: CellError[];
  /** The rows as they read once saved. */
  rows: SkillRow[];
}

/**
 * Turns grid edits into history entries and targets. A new level is recorded from the toolbar's
 * date and source and starts a fresh entry; changing only the date, source, verifier or notes
 * records the shown level again with those corrections.
 */
function planSave(
  refs: SkillReferences,
  employeeId: string,
  defaults: RecordDefaults,
  changes: RowChange[],
  current: (id: string) => SkillRow | undefined,
): SavePlan {
  const plan: SavePlan = { records: [], targets: [], errors: [], rows: [] };
  for (const change of changes) {
    const row = change.id ? current(change.id) : undefined;
    if (!row) {
      plan.errors.push({ rowKey: change.rowKey, message: 'Use “Add skill” to add a skill to this profile.' });
      continue;
    }
    const values = change.values;
    const next: SkillRow = { ...row, ...(values as Partial<SkillRow>), version: Date.now() };
    if (touches(values, ENTRY_FIELDS)) planEntry(refs, employeeId, defaults, change, row, next, plan);
    if (touches(values, TARGET_FIELDS)) planTarget(refs, employeeId, change, next, plan);
    plan.rows.push(next);
  }
  return plan;
}

function planEntry(refs: SkillReferences, employeeId: string, defaults: RecordDefaults, change: RowChange, row: SkillRow, next: SkillRow, plan: SavePlan) {
  const values = change.values;
  const parsed = parseLevelCell(refs, row.skillId, next.level);
  if (!parsed.ok) return void plan.errors.push({ rowKey: change.rowKey, field: 'level', message: parsed.message });
  const newLevel = 'level' in values;
  if (!newLevel && row.effectiveDate === null) {
    const field = ENTRY_FIELDS.find((f) => f in values);
    return void plan.errors.push({ rowKey: change.rowKey, field, message: 'Record a level for this skill first.' });
  }
  const kept = <K extends 'verifiedBy' | 'notes'>(field: K) => (field in values ? next[field] : newLevel ? null : row[field]);
  const record: LevelRecord = {
    employeeId,
    skillId: row.skillId,
    level: parsed.level,
    effectiveDate: (values.effectiveDate as string | null) ?? (newLevel ? defaults.effectiveDate : row.effectiveDate!),
    source: (values.source as SkillSource | null) ?? (newLevel ? defaults.source : row.source ?? defaults.source),
    verifiedBy: kept('verifiedBy'),
    notes: kept('notes'),
  };
  Object.assign(next, { effectiveDate: record.effectiveDate, source: record.source, verifiedBy: record.verifiedBy, notes: record.notes });
  plan.records.push({ rowKey: change.rowKey, record });
}

function planTarget(refs: SkillReferences, employeeId: string, change: RowChange, next: SkillRow, plan: SavePlan) {
  const parsed = parseLevelCell(refs, next.skillId, next.targetLevel);
  if (!parsed.ok) return void plan.errors.push({ rowKey: change.rowKey, field: 'targetLevel', message: parsed.message });
  if (parsed.level === null && next.targetDueDate) {
    return void plan.errors.push({ rowKey: change.rowKey, field: 'targetDueDate', message: 'Set a target level before its due date.' });
  }
  plan.targets.push({ rowKey: change.rowKey, target: { employeeId, skillId: next.skillId, level: parsed.level, dueDate: next.targetDueDate } });
}

/** Maps the server's issues (`rows.<n>.<field>`) back onto the grid's rows and columns. */
function failed(error: unknown, rowKeys: string[], fieldNames: Record<string, string>): SaveResult {
  if (!(error instanceof ApiCallError)) return { ok: false, message: String(error), errors: [] };
  const errors = error.issues.flatMap((issue): CellError[] => {
    const [list, index, field] = issue.path;
    const rowKey = list === 'rows' && typeof index === 'number' ? rowKeys[index] : undefined;
    if (!rowKey) return [];
    return [{ rowKey, field: typeof field === 'string' ? fieldNames[field] ?? field : undefined, message: issue.message }];
  });
  return { ok: false, message: error.message, errors };
}

function warnIfAfterAsOf(records: LevelRecord[], asOf: string) {
  const later = records.find((record) => record.effectiveDate > asOf);
  if (!later) return;
  notifications.show({
    color: 'yellow',
    message: `Recorded from ${later.effectiveDate}, after the “As of” date ${asOf}: the profile shows it from that day on.`,
  });
}
