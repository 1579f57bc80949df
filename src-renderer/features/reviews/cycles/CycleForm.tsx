import { Button, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { ReviewCycle } from '../../../../src-shared/api';
import { useApi, useApiMutation } from '../../../api/hooks';
import { usePeopleReferences } from '../../people/options';
import { ErrorAlert, errorText } from '../shared';

const year = new Date().getFullYear();

/** Creates a cycle as a draft, or edits one (only drafts may change scale, template or population). */
export function CycleFormModal({ opened, cycle, onClose, onSaved }: { opened: boolean; cycle?: ReviewCycle; onClose: () => void; onSaved?: (cycle: ReviewCycle) => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={cycle ? `Edit “${cycle.name}”` : 'New review cycle'} size="xl">
      {opened && <CycleForm cycle={cycle} onClose={onClose} onSaved={onSaved} />}
    </Modal>
  );
}

function CycleForm({ cycle, onClose, onSaved }: { cycle?: ReviewCycle; onClose: () => void; onSaved?: (cycle: ReviewCycle) => void }) {
  const scales = useApi('reviews.listRatingScales', {});
  const templates = useApi('reviews.listTemplates', {});
  const refs = usePeopleReferences();
  const [name, setName] = useState(cycle?.name ?? '');
  const [periodStart, setPeriodStart] = useState(cycle?.periodStart ?? `${year}-01-01`);
  const [periodEnd, setPeriodEnd] = useState(cycle?.periodEnd ?? `${year}-12-31`);
  const [selfReviewDue, setSelfReviewDue] = useState(cycle?.selfReviewDue ?? '');
  const [managerReviewDue, setManagerReviewDue] = useState(cycle?.managerReviewDue ?? '');
  const [dueDate, setDueDate] = useState(cycle?.dueDate ?? '');
  const [ratingScaleId, setRatingScaleId] = useState<string | null>(cycle?.ratingScaleId ?? null);
  const [templateId, setTemplateId] = useState<string | null>(cycle?.templateId ?? null);
  const [departmentIds, setDepartmentIds] = useState<string[]>(cycle?.population.departmentIds ?? []);
  const [jobIds, setJobIds] = useState<string[]>(cycle?.population.jobIds ?? []);
  const [employeeIds, setEmployeeIds] = useState<string[]>(cycle?.population.employeeIds ?? []);
  const [error, setError] = useState<string | null>(null);
  const save = useApiMutation('reviews.saveCycle');
  const locked = cycle !== undefined && cycle.status !== 'draft';

  const submit = async () => {
    setError(null);
    if (!ratingScaleId) return setError('Choose a rating scale.');
    if (!templateId) return setError('Choose a template.');
    if (!dueDate) return setError('Set the date the reviews are due.');
    try {
      const saved = await save.mutateAsync({
        id: cycle?.id,
        version: cycle?.version,
        name,
        periodStart,
        periodEnd,
        selfReviewDue: selfReviewDue || null,
        managerReviewDue: managerReviewDue || null,
        dueDate,
        ratingScaleId,
        templateId,
        population: { departmentIds, jobIds, employeeIds },
      });
      notifications.show({ color: 'teal', message: `Cycle “${saved.name}” saved${saved.status === 'draft' ? ' as a draft' : ''}.` });
      onSaved?.(saved);
      onClose();
    } catch (e) {
      setError(errorText(e));
    }
  };

  const option = (rows: { id: string; name: string }[] | undefined) => (rows ?? []).map((r) => ({ value: r.id, label: r.name }));
  return (
    <Stack data-testid="cycle-form">
      <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} required placeholder="2025 annual review" />
      <SimpleGrid cols={2}>
        <TextInput label="Period start" type="date" value={periodStart} onChange={(e) => setPeriodStart(e.currentTarget.value)} required />
        <TextInput label="Period end" type="date" value={periodEnd} onChange={(e) => setPeriodEnd(e.currentTarget.value)} required />
      </SimpleGrid>
      <SimpleGrid cols={3}>
        <TextInput label="Self-reviews due" type="date" value={selfReviewDue} onChange={(e) => setSelfReviewDue(e.currentTarget.value)} />
        <TextInput label="Manager reviews due" type="date" value={managerReviewDue} onChange={(e) => setManagerReviewDue(e.currentTarget.value)} />
        <TextInput label="Reviews due" type="date" value={dueDate} onChange={(e) => setDueDate(e.currentTarget.value)} required description="Complete after this date counts as late" />
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
        <MultiSelect label="People" data={refs.employees} value={employeeIds} onChange={setEmployeeIds} searchable disabled={locked} limit={50} />
      </Stack>
      <ErrorAlert error={error} testId="cycle-form-error" />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>Cancel</Button>
        <Button onClick={() => void submit()} loading={save.isPending}>{cycle && cycle.status !== 'draft' ? 'Save' : 'Save draft'}</Button>
      </Group>
    </Stack>
  );
}
