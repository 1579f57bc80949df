import { Loader, Select, type ComboboxItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import type { Option, ReferenceLookup } from '../../grid';

/*
 * A form's pick of one record among too many to list (positions of a 50,000-person organisation):
 * a type-ahead over a grid lookup (src-renderer/grid/types.ts ReferenceLookup), the current
 * value's label fetched by id. People have their own picker (EmployeePicker) with richer rows.
 */

const LIMIT = 50;
const MORE = '__more__';

interface Props {
  lookup: ReferenceLookup;
  label: string;
  value: string | null;
  onChange(value: string | null): void;
  placeholder?: string;
  error?: ReactNode;
  clearable?: boolean;
  name?: string;
  w?: number;
  'data-testid'?: string;
}

/** The labels of `ids` through `lookup` (for a form's own value, or a conflict's "theirs"). */
export function useLookupLabels(lookup: ReferenceLookup, ids: (string | null | undefined)[]): (id: string | null) => string {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))].sort();
  const found = useQuery({
    queryKey: ['lookup-labels', lookup.kind, wanted],
    queryFn: () => lookup.options(wanted),
    enabled: wanted.length > 0,
    placeholderData: keepPreviousData,
  });
  return useMemo(() => {
    const labels = new Map((found.data ?? []).map((option) => [option.value, option.label]));
    return (id: string | null) => (id ? (labels.get(id) ?? '') : '');
  }, [found.data]);
}

export function LookupSelect({ lookup, value, onChange, ...props }: Props) {
  const [search, setSearch] = useState('');
  // Nothing is searched until the list is opened: a page showing a picker asks only for its value's label.
  const [opened, setOpened] = useState(false);
  const labelOf = useLookupLabels(lookup, [value]);
  const current = value ? labelOf(value) : '';
  // Mantine shows the chosen label in the box: that is not a new search.
  const typed = search === current ? '' : search.trim();
  const [query] = useDebouncedValue(typed, 150);
  const found = useQuery({
    queryKey: ['lookup-search', lookup.kind, query],
    queryFn: () => lookup.search(query, LIMIT),
    enabled: opened,
    placeholderData: keepPreviousData,
  });
  const data = useMemo<ComboboxItem[]>(() => {
    const options: Option[] = found.data?.options ?? [];
    const items: ComboboxItem[] = options.map((o) => ({ value: o.value, label: o.label }));
    if (value && current && !items.some((item) => item.value === value)) items.push({ value, label: current });
    if (found.data?.more) items.push({ value: MORE, label: 'More match: type more of the name', disabled: true });
    return items;
  }, [found.data, value, current]);
  const searching = opened && (found.isFetching || query !== typed);
  return (
    <Select
      {...props}
      searchable
      data={data}
      value={value}
      onChange={(next) => next !== MORE && onChange(next)}
      searchValue={search}
      onSearchChange={setSearch}
      onDropdownOpen={() => setOpened(true)}
      // The main process has filtered and ranked already.
      filter={({ options }) => options}
      nothingFoundMessage={searching ? 'Searching…' : 'Nothing matches'}
      rightSection={searching ? <Loader size={14} /> : undefined}
    />
  );
}
