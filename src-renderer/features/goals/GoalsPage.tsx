import { Button, Group, Select, Switch } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { Goal, Input } from '../../../src-shared/api';
import { isRealDate } from '../../../src-shared/domain/dates';
import { useApi } from '../../api/hooks';
import { DataGrid, type GridColumn, type GridRow, type RowChange } from '../../grid';
import { employeeLookup, usePeopleReferences, YES_NO } from '../people/options';
import { archiveThroughApi, exportGrid, saveThroughApi } from '../shared/grid-adapters';
import { FullHeightPage, PageHeader } from '../shared/PageHeader';
import { AssignToTeamModal } from './AssignToTeamModal';
import { GoalDrawer } from './GoalDrawer';
import { goalLabel, SCOPE_OPTIONS, STATUS_OPTIONS, UNIT_OPTIONS } from './options';
import { DateInput } from '../shared/DateInput';

const year = new Date().getFullYear();
/** A new row only needs a title, a scope and its owner: the rest starts from sensible defaults. */
const NEW_GOAL_DEFAULTS = { periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, unit: 'percent', stretch: false, weight: 0, status: 'not_started' };

/** The grid keeps the owner in two reference columns (employee / department) and the stretch flag as Yes/No. */
function toApiValues(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...values };
  if ('stretch' in out) out.stretch = out.stretch === 'yes';
  if ('employeeId' in out || 'departmentId' in out) {
    out.ownerId = (out.employeeId as string | null | undefined) ?? (out.departmentId as string | null | undefined) ?? null;
  }
  delete out.employeeId;
  delete out.departmentId;
  return out;
}

const toGridRow = (g: Goal): GridRow => ({
  ...g,
  stretch: g.stretch ? 'yes' : 'no',
  employeeId: g.scope === 'individual' ? g.ownerId : null,
  departmentId: g.scope === 'department' ? g.ownerId : null,
}) as unknown as GridRow;

export function GoalsPage() {
  const [scope, setScope] = useState<string | null>(null);
  const [periodFrom, setPeriodFrom] = useState('');
  const [periodTo, setPeriodTo] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [assignOpen, setAssignOpen] = useState(false);
  const filter: Input<'goals.listGoals'> = {
    scope: (scope ?? undefined) as Input<'goals.listGoals'>['scope'],
    periodFrom: isRealDate(periodFrom) ? periodFrom : undefined,
    periodTo: isRealDate(periodTo) ? periodTo : undefined,
    includeArchived: showArchived || undefined,
  };
  const goals = useApi('goals.listGoals', filter);
  const allGoals = useApi('goals.listGoals', {});
  const refs = usePeopleReferences();
  const alignable = useMemo(
    () => (allGoals.data?.rows ?? []).filter((g) => g.scope !== 'individual').map((g) => ({ value: g.id, label: goalLabel(g) })),
    [allGoals.data],
  );
  const columns = useMemo<GridColumn[]>(
    () => [
      { id: 'title', header: 'Title', kind: 'text', width: 260, required: true, pinned: true },
      { id: 'scope', header: 'Scope', kind: 'select', width: 130, options: SCOPE_OPTIONS, required: true },
      { id: 'employeeId', header: 'Employee (individual)', kind: 'reference', width: 220, lookup: employeeLookup, optionNoun: 'employees' },
      { id: 'departmentId', header: 'Department (department)', kind: 'reference', width: 200, options: refs.departments, optionNoun: 'departments' },
      { id: 'alignedToId', header: 'Aligned to', kind: 'reference', width: 260, options: alignable, optionNoun: 'goals' },
      { id: 'periodStart', header: 'Start', kind: 'date', width: 120, required: true },
      { id: 'periodEnd', header: 'End', kind: 'date', width: 120, required: true },
      { id: 'status', header: 'Status', kind: 'select', width: 120, options: STATUS_OPTIONS },
      { id: 'progress', header: 'Progress %', kind: 'number', width: 100, editable: false },
      { id: 'rolledUp', header: 'Rolled up %', kind: 'number', width: 110, editable: false },
      { id: 'weight', header: 'Weight', kind: 'number', width: 90 },
      { id: 'category', header: 'Category', kind: 'text', width: 140 },
      { id: 'unit', header: 'Unit', kind: 'select', width: 110, options: UNIT_OPTIONS },
      { id: 'startValue', header: 'Start value', kind: 'number', width: 100 },
      { id: 'targetValue', header: 'Target', kind: 'number', width: 100 },
      { id: 'actualValue', header: 'Actual', kind: 'number', width: 100 },
      { id: 'stretch', header: 'Stretch', kind: 'select', width: 90, options: YES_NO },
      { id: 'description', header: 'Description', kind: 'text', width: 260, hiddenByDefault: true },
    ],
    [refs.departments, alignable],
  );
  const rows = useMemo(() => (goals.data?.rows ?? []).map(toGridRow), [goals.data]);
  const onSave = async (changes: RowChange[]) => {
    const withDefaults = changes.map((c) => (c.id ? c : { ...c, values: { ...NEW_GOAL_DEFAULTS, ...c.values } }));
    const result = await saveThroughApi('goals.saveGoals', withDefaults, toApiValues);
    return result.ok ? { ok: true as const, rows: (result.rows as unknown as Goal[]).map(toGridRow) } : result;
  };
  return (
    <FullHeightPage
      header={
        <>
          <PageHeader
            title="Goals"
            description="Organisation, department and individual goals. A department goal aligns to an organisation goal; an individual goal to a department or organisation goal. Double-click a row to open it."
            actions={
              <>
                <Button variant="light" onClick={() => setAssignOpen(true)}>Assign to team</Button>
                <Button variant="default" component={Link} to="/goals/alignment">Alignment tree</Button>
              </>
            }
          />
          <Group mb="sm" gap="sm" align="flex-end">
            <Select label="Scope" placeholder="All scopes" data={SCOPE_OPTIONS} value={scope} onChange={setScope} clearable w={170} />
            <DateInput label="Period from" value={periodFrom} onChange={(e) => setPeriodFrom(e.currentTarget.value)} w={160} />
            <DateInput label="Period to" value={periodTo} onChange={(e) => setPeriodTo(e.currentTarget.value)} w={160} />
            <Switch label="Show archived" checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} mb={8} />
          </Group>
        </>
      }
    >
      <DataGrid
        gridId="goals"
        rowNoun={{ one: 'goal', other: 'goals' }}
        viewKey={JSON.stringify(filter)}
        columns={columns}
        rows={rows}
        allowAdd
        onSave={onSave}
        onOpenRow={(row) => setOpenId(row.id)}
        onDelete={(selected) => archiveThroughApi('goals.archiveGoals', selected, 'goal')}
        onExport={(format, visible, cols) => exportGrid('Goals', format, visible, cols)}
      />
      <GoalDrawer goalId={openId} onClose={() => setOpenId(null)} onOpen={setOpenId} />
      <AssignToTeamModal opened={assignOpen} onClose={() => setAssignOpen(false)} goals={allGoals.data?.rows ?? []} departments={refs.departments} />
    </FullHeightPage>
  );
}
