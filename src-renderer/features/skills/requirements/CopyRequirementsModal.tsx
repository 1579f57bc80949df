import { Alert, Button, Group, Modal, MultiSelect, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useApi, useApiMutation } from '../../../api/hooks';
import { jobLabel } from '../../people/options';

type Mode = 'merge' | 'replace';

const MODE_HELP: Record<Mode, string> = {
  merge: 'Merge: each target keeps its requirements and gains the source job’s requirements for skills it does not require yet.',
  replace: 'Replace: each target’s requirements become an exact copy of the source job’s; the others are removed.',
};

/** Copies one job's requirements to other jobs, merging or replacing what they have. */
export function CopyRequirementsModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const jobs = useApi('people.listJobs', {});
  const requirements = useApi('skills.listRequirements', {});
  const copy = useApiMutation('skills.copyRequirements');
  const [source, setSource] = useState<string | null>(null);
  const [targets, setTargets] = useState<string[]>([]);
  const [mode, setMode] = useState<Mode>('merge');
  useEffect(() => {
    if (opened) copy.reset();
  }, [opened]);

  const jobOptions = useMemo(
    () => (jobs.data?.rows ?? []).map((j) => ({ value: j.id, label: jobLabel(j) })).sort((a, b) => a.label.localeCompare(b.label)),
    [jobs.data],
  );
  const sourceCount = useMemo(() => (requirements.data?.rows ?? []).filter((r) => r.jobId === source).length, [requirements.data, source]);
  const changed = (apply: () => void) => {
    apply();
    copy.reset();
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Copy requirements" size="lg">
      <Stack gap="sm" data-testid="copy-requirements">
        <Select
          label="Copy from job"
          searchable
          limit={100}
          data={jobOptions}
          value={source}
          onChange={(value) => changed(() => setSource(value))}
          description={source ? `${sourceCount} ${sourceCount === 1 ? 'requirement' : 'requirements'} to copy` : undefined}
        />
        <MultiSelect
          label="To jobs"
          searchable
          limit={100}
          data={jobOptions.filter((o) => o.value !== source)}
          value={targets}
          onChange={(value) => changed(() => setTargets(value))}
        />
        <div>
          <SegmentedControl
            value={mode}
            onChange={(value) => changed(() => setMode(value as Mode))}
            data={[{ value: 'merge', label: 'Merge' }, { value: 'replace', label: 'Replace' }]}
          />
          <Text size="xs" c="dimmed" mt={4}>{MODE_HELP[mode]}</Text>
        </div>
        {copy.error && <Alert color="red" data-testid="copy-error">{copy.error.message}</Alert>}
        {copy.data && (
          <Alert color="teal" data-testid="copy-result">
            {copy.data.requirements} {copy.data.requirements === 1 ? 'requirement' : 'requirements'} written to {copy.data.jobs} {copy.data.jobs === 1 ? 'job' : 'jobs'}.
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{copy.data ? 'Close' : 'Cancel'}</Button>
          <Button
            loading={copy.isPending}
            disabled={!source || targets.length === 0 || !!copy.data}
            onClick={() => source && copy.mutate({ fromJobId: source, toJobIds: targets.filter((t) => t !== source), mode })}
          >
            Copy
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
