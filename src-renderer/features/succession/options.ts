import { useMemo } from 'react';
import { LEVEL_LABELS, LEVELS, type PlanHit } from '../../../src-shared/api/succession';
import { MAX_TEXT } from '../../../src-shared/api';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import type { Option, ReferenceLookup } from '../../grid';
import { inChunks } from '../people/options';

export const LEVEL_OPTIONS: Option[] = LEVELS.map((value) => ({ value, label: LEVEL_LABELS[value] }));
export const YES_NO: Option[] = [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }];

/** Readiness levels, external candidates and pools as grid options (plans are looked up: `planLookup`). */
export function useSuccessionReferences() {
  const readiness = useApi('succession.listReadinessLevels', {});
  const externals = useApi('succession.listExternalCandidates', {});
  const pools = useApi('succession.listTalentPools', {});
  return useMemo(
    () => ({
      readinessRows: readiness.data?.rows ?? [],
      readiness: (readiness.data?.rows ?? []).map((r) => ({ value: r.id, label: r.label })),
      externals: (externals.data?.rows ?? []).map((x) => ({ value: x.id, label: `${x.name}${x.organisation ? ` — ${x.organisation}` : ''} (external)` })),
      externalIds: new Set((externals.data?.rows ?? []).map((x) => x.id)),
      pools: (pools.data?.rows ?? []).map((p) => ({ value: p.id, label: p.name })),
    }),
    [readiness.data, externals.data, pools.data],
  );
}

const searchText = (text: string) => text.trim().slice(0, MAX_TEXT);

/**
 * Plans (one per key position: 5,000 at 50,000 people), found where they are rather than listed:
 * a type-ahead over their labels, typed or pasted texts resolved by label, title, job or id, the
 * labels of the plans rows hold. `toOption` says what a column's value is: the plan, or its position.
 */
function plansLookup(kind: string, toOption: (plan: PlanHit) => Option | undefined, of?: 'position'): ReferenceLookup {
  const options = (hits: PlanHit[]) => hits.flatMap((hit) => toOption(hit) ?? []);
  return {
    kind,
    search: async (text, limit) => {
      const found = await call('succession.searchPlans', { query: searchText(text), limit: Math.min(limit, 50), ...(of ? { of } : {}) });
      return { options: options(found.rows), more: found.more };
    },
    resolve: (texts) => inChunks(texts, 5000, async (part) => (await call('succession.resolvePlans', { texts: part.map(searchText) })).matches.map(options)),
    options: (values) => inChunks(values, 2000, async (part) => options((await call('succession.searchPlans', of ? { positionIds: part } : { ids: part })).rows)),
  };
}

/** A column pointing to a plan (a successor's): "Head of Sales · Sales", "Job: Analyst (L2)"; the position's title or the job alone names it too. */
export const planLookup = plansLookup('succession-plan', (plan) => ({ value: plan.id, label: plan.label, aliases: [plan.title] }));

/** The plans page's key-position column: a key position as its plan names it (the positions a plan may be for are those with plans). */
export const planPositionLookup = plansLookup(
  'succession-plan-position',
  (plan) => (plan.positionId ? { value: plan.positionId, label: plan.label, aliases: [plan.title] } : undefined),
  'position',
);
