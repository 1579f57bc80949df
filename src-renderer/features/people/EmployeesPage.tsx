import { Button, Group, Select, Switch } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { EmployeeScope } from '../../../src-shared/api';
import { ASSIGNMENT_FIELDS, localToday } from '../../../src-shared/domain/organisation';
import { useApi } from '../../api/hooks';
import { DataGrid, type GridColumn } from '../../grid';
import { archiveThroughApi, exportGrid, saveThroughApi, useApiRowSource } from '../shared/grid-adapters';
import { FullHeightPage, PageHeader } from '../shared/PageHeader';
import { EmployeeFormModal } from './EmployeeFormModal';
import { STATUS_OPTIONS, employeeLookup, positionLookup, usePeopleReferences } from './options';
import { DateInput } from '../shared/DateInput';

export function EmployeesPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [showArchived, setShowArchived] = useState(false);
  const [creating, { open, close }] = useDisclosure(false);
  // When grid edits of department, job, manager or position take effect; today unless changed.
  const [effectiveDate, setEffectiveDate] = useState(localToday);
  const refs = usePeopleReferences();
  const asOf = params.get('asOf');
  const department = params.get('department');
  const query: EmployeeScope = {
    ...(department ? { departmentId: department, includeSubdepartments: true } : {}),
    ...(params.get('status') ? { status: params.get('status') as EmployeeScope['status'] } : {}),
    ...(params.get('location') ? { location: params.get('location')! } : {}),
    ...(showArchived ? { includeArchived: true } : {}),
    ...(asOf ? { asOf } : {}),
  };
  // The grid loads the rows it shows (all of them when there are few); the header only needs the count.
  const source = useApiRowSource('people.listEmployeeWindow', query, { method: 'people.exportEmployees', title: 'Employees' });
  const employees = useApi('people.listEmployeeWindow', { ...query, offset: 0, limit: 1 });
  const locations = useApi('people.listLocations', {});
  const setFilter = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const columns = useMemo<GridColumn[]>(
    () =>
      ([
        { id: 'employeeNumber', header: 'Number', kind: 'text', width: 110, required: true, pinned: true },
        { id: 'firstName', header: 'First name', kind: 'text', width: 130, required: true, pinned: true },
        { id: 'lastName', header: 'Last name', kind: 'text', width: 140, required: true, pinned: true },
        { id: 'email', header: 'Email', kind: 'text', width: 230 },
        { id: 'hireDate', header: 'Hire date', kind: 'date', width: 120, required: true },
        { id: 'status', header: 'Status', kind: 'select', width: 110, options: STATUS_OPTIONS, required: true },
        { id: 'terminationDate', header: 'Termination date', kind: 'date', width: 160 },
        { id: 'departmentId', header: 'Department', kind: 'reference', width: 220, options: refs.departments, optionNoun: 'departments' },
        { id: 'jobId', header: 'Job', kind: 'reference', width: 220, options: refs.jobs, optionNoun: 'jobs' },
        { id: 'positionId', header: 'Position', kind: 'reference', width: 220, lookup: positionLookup, optionNoun: 'positions', hiddenByDefault: true },
        { id: 'managerId', header: 'Manager', kind: 'reference', width: 220, lookup: employeeLookup, optionNoun: 'employees' },
        { id: 'location', header: 'Location', kind: 'text', width: 120 },
      ] satisfies GridColumn[]).map((column) => (asOf ? { ...column, editable: false } : column)),
    [refs.departments, refs.jobs, asOf],
  );
  /** Grid edits of the organisation carry the date they take effect. */
  const withEffectiveDate = (values: Record<string, unknown>) =>
    ASSIGNMENT_FIELDS.some((field) => field in values) ? { ...values, effectiveDate } : values;

  return (
    <FullHeightPage
      header={
        <>
          <PageHeader
            title="Employees"
            description={
              employees.data
                ? `${employees.data.total.toLocaleString()} employees${asOf ? ` employed on ${asOf}, where they were then · read only` : ''}`
                : 'Loading…'
            }
            actions={
              <>
                <Button component={Link} to="/people/import" variant="default">Import…</Button>
                <Button onClick={open} data-testid="new-employee">New employee</Button>
              </>
            }
          />
          <Group mb="sm" gap="sm" align="flex-end">
            <Select label="Department" placeholder="All departments" searchable clearable limit={200} w={280} data={refs.departments} value={query.departmentId ?? null} onChange={(v) => setFilter('department', v)} data-testid="filter-department" />
            <Select label="Status" placeholder="Any status" clearable w={160} data={STATUS_OPTIONS} value={query.status ?? null} onChange={(v) => setFilter('status', v)} />
            <Select label="Location" placeholder="Any location" clearable searchable w={180} data={locations.data?.locations ?? []} value={query.location ?? null} onChange={(v) => setFilter('location', v)} />
            <DateInput
              label="As of"
              title="The organisation as it was on a past day"
              w={170}
              max={localToday()}
              value={asOf ?? ''}
              onChange={(e) => setFilter('asOf', e.currentTarget.value || null)}
              data-testid="employees-as-of"
            />
            {!asOf && (
              <DateInput
                label="Org changes take effect"
                title="When grid edits of department, job, manager or position take effect"
                w={200}
                max={localToday()}
                value={effectiveDate}
                onChange={(e) => setEffectiveDate(e.currentTarget.value || localToday())}
                data-testid="employees-effective-date"
              />
            )}
            <Switch label="Show archived" checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} mb={8} />
          </Group>
        </>
      }
    >
      <DataGrid
        gridId="employees"
        rowNoun={{ one: 'employee', other: 'employees' }}
        viewKey={JSON.stringify(query)}
        columns={columns}
        source={source}
        allowAdd={!asOf}
        onSave={async (changes) =>
          asOf ? { ok: false, message: `This is the organisation as of ${asOf}: clear "As of" to edit.`, errors: [] } : saveThroughApi('people.saveEmployees', changes, withEffectiveDate)
        }
        onDelete={asOf ? undefined : (selected) => archiveThroughApi('people.archiveEmployees', selected, 'employee')}
        onExport={(format, visible, cols) => exportGrid('Employees', format, visible, cols)}
        onOpenRow={(row) => navigate(`/people/employees/${row.id}`)}
      />
      <EmployeeFormModal opened={creating} onClose={close} onCreated={(id) => navigate(`/people/employees/${id}`)} />
    </FullHeightPage>
  );
}
