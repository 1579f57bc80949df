import { Loader, MultiSelect, Select, Text, type ComboboxItem, type ComboboxLikeRenderOptionInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import type { EmployeeHit } from '../../../src-shared/api';
import { employeeLabel } from '../../../src-shared/domain/people-labels';
import { useApi } from '../../api/hooks';

/*
 * The one way a form or dialog picks people: a type-ahead over `people.searchEmployees` (ranked by
 * the main process, first 50), so no picker loads the organisation. The current value's label is
 * looked up by id.
 */

const LIMIT = 50;
const MORE = '__more__';

interface PickerProps {
  label?: string;
  description?: string;
  placeholder?: string;
  disabled?: boolean;
  required?: boolean;
  clearable?: boolean;
  error?: ReactNode;
  /** People who may not be picked here (e.g. the employee themself as their own manager). */
  exclude?: readonly string[];
  includeTerminated?: boolean;
  w?: number | string;
  style?: CSSProperties;
  size?: 'xs' | 'sm' | 'md';
  name?: string;
  'data-testid'?: string;
  'aria-label'?: string;
}

type Option = ComboboxItem & { hit?: EmployeeHit };

const toOption = (hit: EmployeeHit): Option => ({ value: hit.id, label: employeeLabel(hit), hit });

/**
 * The people matching what the user typed, plus the chosen ones (their labels fetched by id), as
 * options; a last, disabled option says when more people match than are shown.
 */
function useEmployeeOptions(chosen: readonly string[], search: string, chosenLabels: readonly string[], props: PickerProps & { multiple?: boolean }) {
  // Typing a selected person's label back (Mantine puts it in the box) is not a new search.
  const typed = chosenLabels.includes(search) ? '' : search.trim();
  const [query] = useDebouncedValue(typed, 150);
  const hits = useApi('people.searchEmployees', { query, limit: LIMIT, includeTerminated: props.includeTerminated }, { placeholderData: keepPreviousData, enabled: !props.disabled });
  const chosenHits = useApi('people.searchEmployees', { ids: [...chosen] }, { enabled: chosen.length > 0, placeholderData: keepPreviousData });
  // People picked in this session keep their label while the next search runs.
  const known = useRef(new Map<string, EmployeeHit>());
  const options = useMemo(() => {
    for (const hit of [...(chosenHits.data?.rows ?? []), ...(hits.data?.rows ?? [])]) known.current.set(hit.id, hit);
    const excluded = new Set(props.exclude ?? []);
    const found: Option[] = (hits.data?.rows ?? []).filter((h) => !excluded.has(h.id)).map(toOption);
    const inList = new Set(found.map((o) => o.value));
    // A multi-select names its chips from the options (hidden from the list once picked); a single
    // select keeps its chosen label by itself once it has seen it, so it lists it only before a search.
    const listChosen = props.multiple || !typed;
    const selected = chosen.flatMap((id) => (!listChosen || inList.has(id) || !known.current.has(id) ? [] : [toOption(known.current.get(id)!)]));
    const more: Option[] = hits.data?.more ? [{ value: MORE, label: `More people match: type more of the name, number or email`, disabled: true }] : [];
    return [...found, ...selected, ...more];
  }, [hits.data, chosenHits.data, chosen, props.exclude, props.multiple, typed]);
  const searching = hits.isFetching || query !== typed;
  const nothingFound = searching ? 'Searching…' : typed ? 'No one matches' : 'No people yet';
  return { options, searching, nothingFound };
}

function renderOption({ option }: ComboboxLikeRenderOptionInput<ComboboxItem>) {
  const hit = (option as Option).hit;
  if (!hit) return <Text size="xs" c="dimmed">{option.label}</Text>;
  const where = [hit.jobTitle, hit.departmentName].filter(Boolean).join(' · ');
  return (
    <div>
      <Text size="sm">
        {option.label}
        {(hit.archived || hit.status === 'terminated') && <Text span size="xs" c="dimmed" aria-hidden> ({hit.archived ? 'archived' : 'left'})</Text>}
      </Text>
      {where && <Text size="xs" c="dimmed" aria-hidden>{where}</Text>}
    </div>
  );
}

const common = (props: PickerProps, searching: boolean, nothingFound: string) => ({
  label: props.label,
  description: props.description,
  placeholder: props.placeholder ?? 'Search by name, number or email',
  disabled: props.disabled,
  required: props.required,
  error: props.error,
  w: props.w,
  style: props.style,
  size: props.size,
  name: props.name,
  'data-testid': props['data-testid'],
  'aria-label': props['aria-label'],
  searchable: true,
  // The main process has filtered and ranked already.
  filter: ({ options }: { options: unknown[] }) => options as never,
  renderOption,
  nothingFoundMessage: nothingFound,
  rightSection: searching ? <Loader size={14} /> : undefined,
});

/** Picks one person (or none, when clearable). */
export function EmployeePicker(props: PickerProps & { value: string | null; onChange(value: string | null, person?: EmployeeHit): void }) {
  const [search, setSearch] = useState('');
  const chosen = useMemo(() => (props.value ? [props.value] : []), [props.value]);
  const labels = useChosenLabels(chosen);
  const { options, searching, nothingFound } = useEmployeeOptions(chosen, search, labels, props);
  return (
    <Select
      {...common(props, searching, nothingFound)}
      data={options}
      value={props.value}
      onChange={(value, option) => value !== MORE && props.onChange(value, (option as Option | undefined)?.hit)}
      searchValue={search}
      onSearchChange={setSearch}
      clearable={props.clearable}
    />
  );
}

/** Picks any number of people. */
export function EmployeeMultiPicker(props: PickerProps & { value: string[]; onChange(value: string[]): void; maxValues?: number }) {
  const [search, setSearch] = useState('');
  const { options, searching, nothingFound } = useEmployeeOptions(props.value, search, [], { ...props, multiple: true });
  return (
    <MultiSelect
      {...common(props, searching, nothingFound)}
      data={options}
      value={props.value}
      onChange={(value) => props.onChange(value.filter((v) => v !== MORE))}
      searchValue={search}
      onSearchChange={setSearch}
      clearable={props.clearable}
      hidePickedOptions
      maxValues={props.maxValues}
    />
  );
}

/** Labels of the chosen people (already cached by the option query). */
function useChosenLabels(ids: readonly string[]): string[] {
  const chosen = useApi('people.searchEmployees', { ids: [...ids] }, { enabled: ids.length > 0, placeholderData: keepPreviousData });
  return useMemo(() => (chosen.data?.rows ?? []).map(employeeLabel), [chosen.data]);
}

/**
 * A function naming people by id, for texts that mention them (conflict notices, summaries):
 * looks up just the ids given.
 */
export function useEmployeeNames(ids: readonly (string | null | undefined)[]): (id: unknown) => string {
  const wanted = useMemo(() => [...new Set(ids.filter((id): id is string => typeof id === 'string' && id.length > 0))].sort().slice(0, 2000), [ids]);
  const found = useApi('people.searchEmployees', { ids: wanted }, { enabled: wanted.length > 0, placeholderData: keepPreviousData });
  const byId = useMemo(() => new Map((found.data?.rows ?? []).map((hit) => [hit.id, employeeLabel(hit)])), [found.data]);
  return (id: unknown) => (typeof id === 'string' ? byId.get(id) ?? '' : '');
}
