// Guideline sets: named distribution guidelines on one rating scale, advisory or enforced.
import type { Input } from '../../../src-shared/api';
import type { GuidelineSet } from '../../../src-shared/api/calibration';
import { guidelineConflict, ruleLabel, type GuidelineRule, type ScaleLevel } from '../../../src-shared/domain/calibration';
import type { ErrorIssue } from '../../../src-shared/errors';
import { GuidelineSetEntity } from '../../store/entities/calibration';
import type { ServiceContext } from '../context';
import { setArchived } from '../shared/batch';
import { saveRecord, type RecordSpec } from '../shared/records';
import { toLevels } from './common';

const SET_SELECT = `SELECT g.id, g.name, g.description, g.rating_scale_id AS ratingScaleId, s.name AS ratingScaleName, s.levels, g.mode, g.rules,
  (SELECT count(*) FROM calibration_session x WHERE x.guideline_set_id = g.id) AS sessionCount,
  g.archived, g.created_at AS createdAt, g.updated_at AS updatedAt, g.version
  FROM calibration_guideline_set g JOIN rating_scale s ON s.id = g.rating_scale_id`;

type SetSqlRow = Omit<GuidelineSet, 'levels' | 'rules' | 'archived'> & { levels: string; rules: string; archived: number };
const toSet = (row: SetSqlRow): GuidelineSet => ({ ...row, levels: toLevels(row.levels), rules: JSON.parse(row.rules) as GuidelineRule[], archived: Boolean(row.archived) });

export function listGuidelineSets(ctx: ServiceContext, includeArchived = false): GuidelineSet[] {
  const rows = ctx.store.raw.prepare(`${SET_SELECT} ${includeArchived ? '' : 'WHERE g.archived = 0'} ORDER BY g.name COLLATE NOCASE`).all() as SetSqlRow[];
  return rows.map(toSet);
}

export function findGuidelineSet(ctx: ServiceContext, id: string): GuidelineSet | undefined {
  const row = ctx.store.raw.prepare(`${SET_SELECT} WHERE g.id = ?`).get(id) as SetSqlRow | undefined;
  return row && toSet(row);
}

/** Problems with rules on a scale: levels it does not have, and rules that cannot all hold (named). */
export function ruleProblems(levels: readonly ScaleLevel[], rules: readonly GuidelineRule[]): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  rules.forEach((rule, index) => {
    for (const field of ['fromLevel', 'toLevel'] as const) {
      if (!levels.some((level) => level.value === rule[field])) {
        const message = `Guideline ${index + 1}: ${rule[field]} is not a level of the rating scale (use one of ${levels.map((l) => `${l.value} (${l.label})`).join(', ')}).`;
        issues.push({ path: ['rules', index, field], field: 'rules', message });
      }
    }
  });
  if (issues.length) return issues;
  const conflict = guidelineConflict(levels, rules);
  if (conflict) {
    const named = conflict.map((index) => `“${ruleLabel(levels, rules[index])}”`).join(', ');
    const message = conflict.length === 1
      ? `The guideline ${named} can never hold.`
      : `These guidelines cannot all hold at once: ${named} — no distribution of 100 % meets them together.`;
    issues.push({ path: ['rules'], field: 'rules', message });
  }
  return issues;
}

type SetInput = Input<'calibration.saveGuidelineSet'>;

const setSpec: RecordSpec<GuidelineSet, SetInput> = {
  table: 'calibration_guideline_set',
  noun: 'guideline set',
  load: findGuidelineSet,
  unique: [{ field: 'name', activeOnly: true }],
  check(ctx, input, before) {
    const scale = ctx.store.raw.prepare(`SELECT levels, archived, name FROM rating_scale WHERE id = ?`).get(input.ratingScaleId) as { levels: string; archived: number; name: string } | undefined;
    if (!scale) return [{ path: ['ratingScaleId'], field: 'ratingScaleId', message: 'The rating scale does not exist (it may have been deleted).' }];
    if (scale.archived && before?.ratingScaleId !== input.ratingScaleId) return [{ path: ['ratingScaleId'], field: 'ratingScaleId', message: `The rating scale “${scale.name}” is archived.` }];
    return ruleProblems(toLevels(scale.levels), input.rules);
  },
  columns: (input) => ({
    name: input.name,
    description: input.description || null,
    rating_scale_id: input.ratingScaleId,
    mode: input.mode,
    rules: JSON.stringify(input.rules.map((rule) => ({
      fromLevel: Math.min(rule.fromLevel, rule.toLevel), toLevel: Math.max(rule.fromLevel, rule.toLevel), operator: rule.operator, percent: rule.percent,
      ...(rule.operator === 'between' ? { percentTo: rule.percentTo } : {}),
    }))),
  }),
};

export const saveGuidelineSet = (ctx: ServiceContext, input: SetInput) => saveRecord(ctx, setSpec, input);

export const archiveGuidelineSets = (ctx: ServiceContext, ids: string[], archived: boolean) => setArchived(GuidelineSetEntity, 'Guideline set', ids, archived, ctx);

