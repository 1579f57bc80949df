import { Button, Group, Switch, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import type { GoalLibraryItem } from '../../../../src-shared/api';
import { useApi } from '../../../api/hooks';
import { DataGrid, type GridColumn, type GridRow, type RowChange } from '../../../grid';
import { usePeopleReferences, YES_NO } from '../../people/options';
import { archiveThroughApi, exportGrid, saveThroughApi } from '../../shared/grid-adapters';
import { FullHeightPage, PageHeader } from '../../shared/PageHeader';
import { UNIT_OPTIONS } from '../options';
import { UseLibraryGoalModal } from './UseLibraryGoalModal';

/** A new item only needs a title: the rest starts from sensible defaults. */
const NEW_ITEM_DEFAULTS = { unit: 'percent', stretch: false, suggestedWeight: 0 };

const toGridRow = (item: GoalLibraryItem): GridRow => ({ ...item, stretch: item.stretch ? 'yes' : 'no' }) as unknown as GridRow;
const toApiValues = (values: Record<string, unknown>) => ('stretch' in values ? { ...values, stretch: values.stretch === 'yes' } : values);

const COLUMNS: GridColumn[] = [
  { id: 'title', header: 'Title', kind: 'text', width: 320, required: true },
  { id: 'category', header: 'Category', kind: 'text', width: 130 },
  { id: 'unit', header: 'Unit', kind: 'select', width: 110, options: UNIT_OPTIONS, required: true },
  { id: 'targetValue', header: 'Target', kind: 'number', width: 110 },
  { id: 'stretch', header: 'Stretch', kind: 'select', width: 90, options: YES_NO },
  { id: 'suggestedWeight', header: 'Suggested weight', kind: 'number', width: 160 },
  { id: 'timesUsed', header: 'Times used', kind: 'number', width: 120, editable: false },
  { id: 'description', header: 'Description', kind: 'text', width: 380 },
];

/** Goals worth reusing: maintained in a grid, copied into individual goals with "Use this goal". */
export function GoalLibraryPage() {
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search, 250);
  const [showArchived, setShowArchived] = useState(false);
  const [using, setUsing] = useState<{ itemId: string | null } | null>(null);
  const library = useApi('goals.listGoalLibrary', { search: debouncedSearch.trim() || undefined, includeArchived: showArchived || undefined });
  const allItems = useApi('goals.listGoalLibrary', {});
  const goals = useApi('goals.listGoals', {});
  const refs = usePeopleReferences();
  const rows = useMemo(() => (library.data?.rows ?? []).map(toGridRow), [library.data]);

  const onSave = async (changes: RowChange[]) => {
    const withDefaults = changes.map((c) => (c.id ? c : { ...c, values: { ...NEW_ITEM_DEFAULTS, ...c.values } }));
    const result = await saveThroughApi('goals.saveGoalLibrary', withDefaults, toApiValues);
    return result.ok ? { ok: true as const, rows: (result.rows as unknown as GoalLibraryItem[]).map(toGridRow) } : result;
  };
  return (
    <FullHeightPage
      header={
        <>
          <PageHeader
            title="Goal library"
            description="Goals worth reusing. Edit them in the grid; open a row (↗) or use the button to copy one into individual goals for chosen people or a whole department."
            actions={<Button onClick={() => setUsing({ itemId: null })} data-testid="use-library-goal-open">Use a library goal</Button>}
          />
          <Group mb="sm" gap="sm" align="flex-end">
            <TextInput label="Search" placeholder="Title, category or description" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={280} />
            <Switch label="Show archived" checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} mb={8} />
          </Group>
        </>
      }
    >
      <DataGrid
        gridId="goal-library"
        rowNoun={{ one: 'library goal', other: 'library goals' }}
        viewKey={`${debouncedSearch}|${showArchived}`}
        columns={COLUMNS}
        rows={rows}
        allowAdd
        onSave={onSave}
        onOpenRow={(row) => setUsing({ itemId: row.id })}
        onDelete={(selected) => archiveThroughApi('goals.archiveGoalLibrary', selected, 'library goal')}
        onExport={(format, visible, cols) => exportGrid('Goal library', format, visible, cols)}
      />
      <UseLibraryGoalModal
        opened={using !== null}
        onClose={() => setUsing(null)}
        itemId={using?.itemId ?? null}
        items={allItems.data?.rows ?? []}
        goals={goals.data?.rows ?? []}
        departments={refs.departments}
      />
    </FullHeightPage>
  );
}
