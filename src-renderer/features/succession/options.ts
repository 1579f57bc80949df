import { useMemo } from 'react';
import { LEVEL_LABELS, LEVELS } from '../../../src-shared/api/succession';
import { useApi } from '../../api/hooks';
import type { Option } from '../../grid';

export const LEVEL_OPTIONS: Option[] = LEVELS.map((value) => ({ value, label: LEVEL_LABELS[value] }));
export const YES_NO: Option[] = [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }];

/** Readiness levels, plans, external candidates and pools as grid options. */
export function useSuccessionReferences(options: { plans?: boolean } = {}) {
  const readiness = useApi('succession.listReadinessLevels', {});
  // Every plan, for pickers; the chart's panel needs none.
  const plans = useApi('succession.listPlans', {}, { enabled: options.plans ?? true });
  const externals = useApi('succession.listExternalCandidates', {});
  const pools = useApi('succession.listTalentPools', {});
  return useMemo(
    () => ({
      readinessRows: readiness.data?.rows ?? [],
      readiness: (readiness.data?.rows ?? []).map((r) => ({ value: r.id, label: r.label })),
      plans: (plans.data?.rows ?? []).map((p) => ({ value: p.id, label: p.label })),
      externals: (externals.data?.rows ?? []).map((x) => ({ value: x.id, label: `${x.name}${x.organisation ? ` — ${x.organisation}` : ''} (external)` })),
      externalIds: new Set((externals.data?.rows ?? []).map((x) => x.id)),
      pools: (pools.data?.rows ?? []).map((p) => ({ value: p.id, label: p.name })),
    }),
    [readiness.data, plans.data, externals.data, pools.data],
  );
}
