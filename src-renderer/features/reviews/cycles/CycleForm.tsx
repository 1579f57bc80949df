import { Button, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { ReviewCycle } from '../../../../src-shared/api';
import { useApi, useApiMutation } from '../../../api/hooks';
import { usePeopleReferences } from '../../people/options';
import { ConflictNotice, type FieldSpecs } from '../../shared/ConflictNotice';
import { useVersionedForm } from '../../shared/useVersionedForm';
import { ErrorAlert, errorText } from '../shared';
import { EmployeeMultiPicker, useEmployeeNames } from '../../shared/EmployeePicker';
import { DateInput } from '../../shared/DateInput';

const year = new Date().getFullYear();

/** Creates a cycle as a draft, or edits one (only drafts may change scale, template or population). */
export function CycleFormModal({ opened, cycle, onClose, onSaved }: { opened: boolean; cycle?: ReviewCycle; onClose: () => void; onSaved?: (cycle: ReviewCycle) => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={cycle ? `Edit “${cycle.name}”` : 'New review cycle'} size="xl">
      {opened && <CycleForm cycle={cycle} onClose={onClose} onSaved={onSaved} />}
    </Modal>
  );
}

interface CycleDraft {
  name: string;
  periodStart: string;
  periodEnd: string;
  selfReviewDue: string;
  managerReviewDue: string;
  dueDate: string;
  ratingScaleId: string | null;
  templateId: string | null;
  departmentIds: string[];
  jobIds: string[];
  employeeIds: string[];
}

const toCycleDraft = (cycle: ReviewCycle | undefined): CycleDraft => ({
  name: cycle?.name ?? '',
  periodStart: cycle?.periodStart ?? `${year}-01-01`,
  periodEnd: cycle?.periodEnd ?? `${year}-12-31`,
  selfReviewDue: cycle?.selfReviewDue ?? '',
  managerReviewDue: cycle?.managerReviewDue ?? '',
  dueDate: cycle?.dueDate ?? '',
  ratingScaleId: cycle?.ratingScaleId ?? null,
  templateId: cycle?.templateId ?? null,
  departmentIds: cycle?.population.departmentIds ?? [],
  jobIds: cycle?.population.jobIds ?? [],
  employeeIds: cycle?.population.employeeIds ?? [],
});

function CycleForm({ cycle, onClose, onSaved }: { cycle?: ReviewCycle; onClose: () => void; onSaved?: (cycle: ReviewCycle) => void }) {
  const scales = useApi('reviews.listRatingScales', {});
  const templates = useApi('reviews.listTemplates', {});
  const refs = usePeopleReferences();
  const [error, setError] = useState<string | null>(null);
  const save = useApiMutation('reviews.saveCycle');
  const locked = cycle !== undefined && cycle.status !== 'draft';
  const names = (options: { value: string; label: string }[]) => (ids: string[] | string | null) =>
    (Array.isArray(ids) ? ids : ids ? [ids] : []).map((id) => options.find((o) => o.value === id)?.label ?? id).join(', ');
  const byId = (rows: { id: string; name: string }[] | undefined) => names((rows ?? []).map((r) => ({ value: r.id, label: r.name })));
  const fields: FieldSpecs<CycleDraft> = {
    name: 'Name', periodStart: 'Period start', periodEnd: 'Period end', selfReviewDue: 'Self-reviews due', managerReviewDue: 'Manager reviews due', dueDate: 'Reviews due',
    ratingScaleId: { label: 'Rating scale', format: byId(scales.data?.rows) },
    templateId: { label: 'Template', format: byId(templates.data?.rows) },
    departmentIds: { label: 'Departments', format: names(refs.departments) },
    jobIds: { label: 'Jobs', format: names(refs.jobs) },
    employeeIds: { label: 'People', format: (ids) => (Array.isArray(ids) ? ids : []).map(employeeName).join(', ') },
  };
  const form = useVersionedForm({
    record: cycle,
    toValues: toCycleDraft,
    save: (draft, target) =>
      save.mutateAsync({
        id: target?.id,
        version: target?.version,
        name: draft.name,
        periodStart: draft.periodStart,
        periodEnd: draft.periodEnd,
        selfReviewDue: draft.selfReviewDue || null,
        managerReviewDue: draft.managerReviewDue || null,
        dueDate: draft.dueDate,
        ratingScaleId: draft.ratingScaleId!,
        templateId: draft.templateId!,
        population: { departmentIds: draft.departmentIds, jobIds: draft.jobIds, employeeIds: draft.employeeIds },
      }),
    onSaved: (saved) => {
      notifications.show({ color: 'teal', message: `Cycle “${saved.name}” saved${saved.status === 'draft' ? ' as a draft' : ''}.` });
      onSaved?.(saved);
      onClose();
    },
    onError: (e) => setError(errorText(e)),
  });
  const { name, periodStart, periodEnd, selfReviewDue, managerReviewDue, dueDate, ratingScaleId, templateId, departmentIds, jobIds, employeeIds } = form.values;
  const theirPeople = form.conflict?.fields.filter((f) => f.key === 'employeeIds').flatMap((f) => (Array.isArray(f.theirs) ? (f.theirs as string[]) : [])) ?? [];
  const employeeName = useEmployeeNames([...employeeIds, ...theirPeople]);
  const setter = <K extends keyof CycleDraft>(key: K) => (value: CycleDraft[K]) => form.set(key, value);
  const [setName, setPeriodStart, setPeriodEnd, setSelfReviewDue, setManagerReviewDue, setDueDate] = (['name', 'periodStart', 'periodEnd', 'selfReviewDue', 'managerReviewDue', 'dueDate'] as const).map((key) => setter(key));
  const [setRatingScaleId, setTemplateId] = (['ratingScaleId', 'templateId'] as const).map((key) => setter(key));
  const [setDepartmentIds, setJobIds, setEmployeeIds] = (['departmentIds', 'jobIds', 'employeeIds'] as const).map((key) => setter(key));

  const submit = async () => {
    setError(null);
    if (!ratingScaleId) return setError('Choose a rating scale.');
    if (!templateId) return setError('Choose a template.');
    if (!dueDate) return setError('Set the date the reviews are due.');
    await form.submit();
  };

  const option = (rows: { id: string; name: string }[] | undefined) => (rows ?? []).map((r) => ({ value: r.id, label: r.name }));
  return (
    <Stack data-testid="cycle-form">
      <ConflictNotice conflict={form.conflict} what="cycle" fields={fields} />
      <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} required placeholder="2025 annual review" />
      <SimpleGrid cols={2}>
        <DateInput label="Period start" value={periodStart} onChange={(e) => setPeriodStart(e.currentTarget.value)} required />
        <DateInput label="Period end" value={periodEnd} onChange={(e) => setPeriodEnd(e.currentTarget.value)} required />
      </SimpleGrid>
      <SimpleGrid cols={3}>
        <DateInput label="Self-reviews due" value={selfReviewDue} onChange={(e) => setSelfReviewDue(e.currentTarget.value)} />
        <DateInput label="Manager reviews due" value={managerReviewDue} onChange={(e) => setManagerReviewDue(e.currentTarget.value)} />
        <DateInput label="Reviews due" value={dueDate} onChange={(e) => setDueDate(e.currentTarget.value)} required description="Complete after this date counts as late" />
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <Select label="Rating scale" data={option(scales.data?.rows)} value={ratingScaleId} onChange={setRatingScaleId} disabled={locked} required searchable />
        <Select label="Template" data={option(templates.data?.rows)} value={templateId} onChange={setTemplateId} disabled={locked} required searchable />
      </SimpleGrid>
      <Stack gap={4}>
        <Text fw={500} size="sm">Who is reviewed</Text>
        <Text size="xs" c="dimmed">Active people in any chosen department (with its sub-departments), with any chosen job, or chosen by name.</Text>
        <MultiSelect label="Departments" data={refs.departments} value={departmentIds} onChange={setDepartmentIds} searchable disabled={locked} limit={100} />
        <MultiSelect label="Jobs" data={refs.jobs} value={jobIds} onChange={setJobIds} searchable disabled={locked} limit={100} />
        <EmployeeMultiPicker label="People" value={employeeIds} onChange={setEmployeeIds} disabled={locked} />
      </Stack>
      <ErrorAlert error={error} testId="cycle-form-error" />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>Cancel</Button>
        <Button onClick={() => void submit()} loading={form.saving}>{cycle && cycle.status !== 'draft' ? 'Save' : 'Save draft'}</Button>
      </Group>
    </Stack>
  );
}
