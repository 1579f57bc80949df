import { Alert, Button, Group, Modal, Select, SimpleGrid, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { EMPLOYEE_STATUS_LABELS, type Employee } from '../../../src-shared/api';
import { localToday } from '../../../src-shared/domain/organisation';
import { ApiCallError, call } from '../../api/client';
import { ConflictNotice, type FieldSpecs } from '../shared/ConflictNotice';
import { EmployeePicker, useEmployeeNames } from '../shared/EmployeePicker';
import { useVersionedForm } from '../shared/useVersionedForm';
import { LookupSelect, useLookupLabels } from '../shared/LookupSelect';
import { STATUS_OPTIONS, positionLookup, usePeopleReferences } from './options';
import { DateInput } from '../shared/DateInput';

type Values = Record<string, string | null>;
const EMPTY: Values = { employeeNumber: '', firstName: '', lastName: '', email: '', hireDate: '', status: 'active', terminationDate: '', departmentId: null, jobId: null, positionId: null, managerId: null, location: '' };

const toValues = (employee: Employee | undefined): Values =>
  employee ? Object.fromEntries(Object.keys(EMPTY).map((k) => [k, (employee as unknown as Values)[k] ?? (k.endsWith('Id') ? null : '')])) : EMPTY;

interface Props {
  opened: boolean;
  onClose(): void;
  onCreated?(id: string): void;
  /** The employee to edit (the newest copy): the form keeps the version it opened and sends it. */
  employee?: Employee;
}

/** Create an employee, or edit one. */
export function EmployeeFormModal({ opened, onClose, onCreated, employee }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={employee ? 'Edit employee' : 'New employee'} size="lg">
      {opened && <EmployeeForm onClose={onClose} onCreated={onCreated} employee={employee} />}
    </Modal>
  );
}

function EmployeeForm({ onClose, onCreated, employee }: Omit<Props, 'opened'>) {
  const refs = usePeopleReferences();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  // When a change of department, job, manager or position takes effect (edits only; a new person starts on their hire date).
  const [effectiveDate, setEffectiveDate] = useState(localToday);
  const label = (options: { value: string; label: string }[]) => (id: string | null) => options.find((o) => o.value === id)?.label ?? '';
  const fields: FieldSpecs<Values> = {
    employeeNumber: 'Employee number', firstName: 'First name', lastName: 'Last name', email: 'Email', hireDate: 'Hire date',
    status: { label: 'Status', format: (v) => (v ? EMPLOYEE_STATUS_LABELS[v as Employee['status']] ?? v : '') },
    terminationDate: 'Termination date',
    departmentId: { label: 'Department', format: label(refs.departments) },
    jobId: { label: 'Job', format: label(refs.jobs) },
    positionId: { label: 'Position', format: (id) => positionName(id) },
    managerId: { label: 'Manager', format: (id) => managerName(id) },
    location: 'Location',
  };
  const form = useVersionedForm({
    record: employee,
    toValues,
    save: async (values, target) => {
      setErrors({});
      setFormError(null);
      const cleaned = { ...Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === '' ? null : v])), ...(target && effectiveDate ? { effectiveDate } : {}) };
      const { rows } = await call('people.saveEmployees', { rows: [{ id: target?.id, version: target?.version, values: cleaned }] });
      return rows[0];
    },
    onSaved: (saved) => {
      notifications.show({ color: 'teal', message: `${saved.firstName} ${saved.lastName} ${employee ? 'saved' : 'created'}.` });
      onClose();
      onCreated?.(saved.id);
    },
    onError: (error) => {
      const apiError = error as ApiCallError;
      setErrors(Object.fromEntries(apiError.issues?.filter((i) => i.field).map((i) => [i.field!, i.message]) ?? []));
      setFormError(apiError.message);
    },
  });
  const { values } = form;
  const managerName = useEmployeeNames([values.managerId, ...(form.conflict?.fields.filter((f) => f.key === 'managerId').map((f) => f.theirs as string | null) ?? [])]);
  const positionName = useLookupLabels(positionLookup, [values.positionId, ...(form.conflict?.fields.filter((f) => f.key === 'positionId').map((f) => f.theirs as string | null) ?? [])]);
  const set = (key: string) => (value: string | null) => form.set(key, value);
  // Only a terminated employee has a termination date.
  const setStatus = (status: string | null) => {
    form.set('status', status);
    if (status !== 'terminated') form.set('terminationDate', '');
  };
  const text = (key: string) => ({ value: values[key] ?? '', onChange: (e: React.ChangeEvent<HTMLInputElement>) => set(key)(e.currentTarget.value), error: errors[key], name: key });

  return (
    <form onSubmit={(event) => (event.preventDefault(), void form.submit())} noValidate data-testid="employee-form">
      {formError && <Alert color="red" mb="sm" data-testid="form-error">{formError}</Alert>}
      <ConflictNotice conflict={form.conflict} what="employee" fields={fields} />
      <SimpleGrid cols={2} mt={form.conflict ? 'sm' : undefined}>
        <TextInput label="Employee number" required {...text('employeeNumber')} />
        <TextInput label="Email" type="email" {...text('email')} />
        <TextInput label="First name" required {...text('firstName')} />
        <TextInput label="Last name" required {...text('lastName')} />
        <DateInput label="Hire date" required {...text('hireDate')} />
        <Select label="Status" data={STATUS_OPTIONS} value={values.status} onChange={setStatus} error={errors.status} allowDeselect={false} />
        {values.status === 'terminated' && (
          <DateInput label="Termination date" description="The last day of employment" required max={localToday()} {...text('terminationDate')} />
        )}
        <Select label="Department" data={refs.departments} searchable clearable limit={100} value={values.departmentId} onChange={set('departmentId')} error={errors.departmentId} />
        <Select label="Job" data={refs.jobs} searchable clearable limit={100} value={values.jobId} onChange={set('jobId')} error={errors.jobId} />
        <LookupSelect label="Position" lookup={positionLookup} placeholder="Search by title or department" clearable value={values.positionId} onChange={set('positionId')} error={errors.positionId} name="positionId" />
        <EmployeePicker label="Manager" exclude={employee ? [employee.id] : undefined} clearable value={values.managerId} onChange={set('managerId')} error={errors.managerId} name="managerId" />
        <TextInput label="Location" {...text('location')} />
        {employee && (
          <DateInput
            label="Changes take effect"
            description="For a new department, job, manager or position"
            max={localToday()}
            value={effectiveDate}
            onChange={(e) => setEffectiveDate(e.currentTarget.value)}
            error={errors.effectiveDate}
            name="effectiveDate"
          />
        )}
      </SimpleGrid>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>Cancel</Button>
        <Button type="submit" loading={form.saving}>{employee ? 'Save' : 'Create employee'}</Button>
      </Group>
    </form>
  );
}
