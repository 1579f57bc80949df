import { Alert, Button, Group, Modal, Select, SimpleGrid, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import type { Employee } from '../../../src-shared/api';
import { localToday } from '../../../src-shared/domain/organisation';
import { ApiCallError, call } from '../../api/client';
import { STATUS_OPTIONS, usePeopleReferences } from './options';

type Values = Record<string, string | null>;
const EMPTY: Values = { employeeNumber: '', firstName: '', lastName: '', email: '', hireDate: '', status: 'active', departmentId: null, jobId: null, positionId: null, managerId: null, location: '', terminationDate: '' };

/** Create an employee, or edit one (then `employee` is given and its version is sent). */
export function EmployeeFormModal({ opened, onClose, onCreated, employee }: { opened: boolean; onClose(): void; onCreated?(id: string): void; employee?: Employee }) {
  const refs = usePeopleReferences();
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // When a change of department, job, manager or position takes effect (edits only; a new person starts on their hire date).
  const [effectiveDate, setEffectiveDate] = useState(localToday);
  useEffect(() => {
    if (!opened) return;
    setValues(employee ? Object.fromEntries(Object.keys(EMPTY).map((k) => [k, (employee as unknown as Values)[k] ?? (k.endsWith('Id') ? null : '')])) : EMPTY);
    setEffectiveDate(localToday());
    setErrors({});
    setFormError(null);
  }, [opened, employee]);

  const set = (key: string) => (value: string | null) => setValues((v) => ({ ...v, [key]: value }));
  // Only a terminated employee has a termination date.
  const setStatus = (status: string | null) => setValues((v) => ({ ...v, status, ...(status === 'terminated' ? {} : { terminationDate: '' }) }));
  const text = (key: string) => ({ value: values[key] ?? '', onChange: (e: React.ChangeEvent<HTMLInputElement>) => set(key)(e.currentTarget.value), error: errors[key], name: key });

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setSaving(true);
    const cleaned = { ...Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === '' ? null : v])), ...(employee && effectiveDate ? { effectiveDate } : {}) };
    try {
      const { rows } = await call('people.saveEmployees', { rows: [{ id: employee?.id, version: employee?.version, values: cleaned }] });
      notifications.show({ color: 'teal', message: `${rows[0].firstName} ${rows[0].lastName} ${employee ? 'saved' : 'created'}.` });
      onClose();
      onCreated?.(rows[0].id);
    } catch (error) {
      const apiError = error as ApiCallError;
      setErrors(Object.fromEntries(apiError.issues?.filter((i) => i.field).map((i) => [i.field!, i.message]) ?? []));
      setFormError(apiError.message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={employee ? 'Edit employee' : 'New employee'} size="lg">
      <form onSubmit={submit} noValidate data-testid="employee-form">
        {formError && <Alert color="red" mb="sm" data-testid="form-error">{formError}</Alert>}
        <SimpleGrid cols={2}>
          <TextInput label="Employee number" required {...text('employeeNumber')} />
          <TextInput label="Email" type="email" {...text('email')} />
          <TextInput label="First name" required {...text('firstName')} />
          <TextInput label="Last name" required {...text('lastName')} />
          <TextInput label="Hire date" type="date" required {...text('hireDate')} />
          <Select label="Status" data={STATUS_OPTIONS} value={values.status} onChange={setStatus} error={errors.status} allowDeselect={false} />
          {values.status === 'terminated' && (
            <TextInput label="Termination date" description="The last day of employment" type="date" required max={localToday()} {...text('terminationDate')} />
          )}
          <Select label="Department" data={refs.departments} searchable clearable limit={100} value={values.departmentId} onChange={set('departmentId')} error={errors.departmentId} />
          <Select label="Job" data={refs.jobs} searchable clearable limit={100} value={values.jobId} onChange={set('jobId')} error={errors.jobId} />
          <Select label="Position" data={refs.positions} searchable clearable limit={100} value={values.positionId} onChange={set('positionId')} error={errors.positionId} />
          <Select label="Manager" data={refs.employees.filter((o) => o.value !== employee?.id)} searchable clearable limit={100} value={values.managerId} onChange={set('managerId')} error={errors.managerId} />
          <TextInput label="Location" {...text('location')} />
          {employee && (
            <TextInput
              label="Changes take effect"
              description="For a new department, job, manager or position"
              type="date"
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
          <Button type="submit" loading={saving}>{employee ? 'Save' : 'Create employee'}</Button>
        </Group>
      </form>
    </Modal>
  );
}
