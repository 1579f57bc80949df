import { Group, SegmentedControl, Select, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { CalibrationMember } from '../../../src-shared/api/calibration';
import { useApi } from '../../api/hooks';
import { departmentOptions } from '../people/options';
import { filterActive, matches, subtreeOf, type MemberFilter } from './model';

export interface FilterState {
  departmentId: string | null;
  managerId: string | null;
  jobLevel: string | null;
  mode: 'highlight' | 'filter';
}

export const EMPTY_FILTER_STATE: FilterState = { departmentId: null, managerId: null, jobLevel: null, mode: 'highlight' };

/** The filter the boards apply: a department takes its sub-departments with it. */
export function useMemberFilter(state: FilterState): MemberFilter {
  const departments = useApi('people.listDepartments', {}, { enabled: state.departmentId !== null });
  return useMemo(() => ({
    departmentIds: state.departmentId ? subtreeOf(departments.data?.rows ?? [], state.departmentId) : null,
    managerId: state.managerId,
    jobLevel: state.jobLevel,
  }), [state.departmentId, state.managerId, state.jobLevel, departments.data]);
}

/** Highlight or filter the people by department, manager or job level (only those in the session are offered). */
export function FilterBar({ members, state, filter, onChange }: { members: CalibrationMember[]; state: FilterState; filter: MemberFilter; onChange(next: FilterState): void }) {
  // The department tree is read when the list is first opened, not while a large session is loading.
  const [wanted, setWanted] = useState(false);
  const departments = useApi('people.listDepartments', {}, { enabled: wanted || state.departmentId !== null });
  const present = useMemo(() => new Set(members.map((m) => m.departmentId)), [members]);
  const departmentList = useMemo(() => {
    const rows = departments.data?.rows ?? [];
    // A department is offered when someone in the session is in it or below it: walk up from each person's.
    const parentOf = new Map(rows.map((d) => [d.id, d.parentId]));
    const offered = new Set<string>();
    for (const id of present) {
      for (let at: string | null | undefined = id; at && !offered.has(at); at = parentOf.get(at)) offered.add(at);
    }
    return departmentOptions(rows).filter((option) => offered.has(option.value));
  }, [departments.data, present]);
  const managers = useMemo(() => {
    const seen = new Map<string, string>();
    for (const m of members) if (m.managerId && m.managerName) seen.set(m.managerId, m.managerName);
    return [...seen].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
  }, [members]);
  const levels = useMemo(() => [...new Set(members.map((m) => m.jobLevel).filter((l): l is string => Boolean(l)))].sort(), [members]);
  const count = filterActive(filter) ? members.filter((m) => matches(filter, m)).length : null;
  return (
    <Group gap="xs" align="flex-end" data-testid="filter-bar">
      <Select size="xs" label="Department" placeholder="All" data={departmentList} value={state.departmentId} onDropdownOpen={() => setWanted(true)} nothingFoundMessage={departments.isLoading ? 'Loading…' : 'No department'} onChange={(departmentId) => onChange({ ...state, departmentId })} clearable searchable w={220} data-testid="filter-department" />
      <Select size="xs" label="Manager" placeholder="All" data={managers} value={state.managerId} onChange={(managerId) => onChange({ ...state, managerId })} clearable searchable w={190} data-testid="filter-manager" />
      <Select size="xs" label="Job level" placeholder="All" data={levels} value={state.jobLevel} onChange={(jobLevel) => onChange({ ...state, jobLevel })} clearable w={110} data-testid="filter-level" />
      <SegmentedControl size="xs" value={state.mode} onChange={(mode) => onChange({ ...state, mode: mode as FilterState['mode'] })} data={[{ value: 'highlight', label: 'Highlight' }, { value: 'filter', label: 'Filter' }]} />
      {count !== null && <Text size="xs" c="dimmed" mb={6} data-testid="filter-count">{count} of {members.length} match</Text>}
    </Group>
  );
}
