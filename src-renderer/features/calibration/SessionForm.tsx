import { ActionIcon, Alert, Button, ColorInput, Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { EMPTY_POPULATION, type CalibrationSession, type SessionPopulation, type SessionSettings } from '../../../src-shared/api/calibration';
import { defaultBands, defaultBoxes, defaultSessionSettings } from '../../../src-shared/domain/calibration';
import { todayIso } from '../../../src-shared/domain/dates';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { usePeopleReferences } from '../people/options';
import { errorText } from '../reviews/shared';
import { EmployeeMultiPicker, EmployeePicker } from '../shared/EmployeePicker';
import { DateInput } from '../shared/DateInput';

interface Draft {
  name: string;
  cycleId: string | null;
  date: string;
  location: string;
  facilitatorId: string | null;
  reviewerIds: string[];
  population: SessionPopulation;
  guidelineSetId: string | null;
  settings: SessionSettings | null;
}

const fromSession = (s: CalibrationSession): Draft => ({
  name: s.name, cycleId: s.cycleId, date: s.date, location: s.location ?? '', facilitatorId: s.facilitatorId, reviewerIds: s.reviewerIds,
  population: s.population, guidelineSetId: s.guidelineSetId, settings: s.settings,
});
const EMPTY: Draft = { name: '', cycleId: null, date: todayIso(), location: '', facilitatorId: null, reviewerIds: [], population: EMPTY_POPULATION, guidelineSetId: null, settings: null };

/**
 * A session's set-up: the cycle and the meeting, who is in the room, whose ratings are
 * calibrated, the guidelines, and the nine-box (size, bands, box names and colours), the potential
 * scale and the reason codes. Once the session has started its cycle, people and grid are fixed.
 */
export function SessionFormModal({ opened, session, onClose }: { opened: boolean; session?: CalibrationSession; onClose(): void }) {
  const navigate = useNavigate();
  const refs = usePeopleReferences();
  const cycles = useApi('reviews.listCycles', {});
  const sets = useApi('calibration.listGuidelineSets', {});
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (opened) (setDraft(session ? fromSession(session) : EMPTY), setError(null));
  }, [opened, session]);
  const started = session !== undefined && session.status !== 'draft';
  const cycle = cycles.data?.rows.find((c) => c.id === draft.cycleId);
  const levelCount = cycle?.levels.length ?? session?.levels.length ?? 5;
  const settings = draft.settings ?? defaultSessionSettings(levelCount);
  const cycleOptions = (cycles.data?.rows ?? []).filter((c) => c.status === 'active' || c.id === session?.cycleId).map((c) => ({ value: c.id, label: c.name }));
  const setOptions = (sets.data?.rows ?? []).filter((s) => !cycle || s.ratingScaleId === cycle.ratingScaleId).map((s) => ({ value: s.id, label: `${s.name} (${s.mode})` }));
  const jobs = useApi('people.listJobs', {});
  const jobLevels = useMemo(() => [...new Set((jobs.data?.rows ?? []).map((j) => j.level).filter((l): l is string => Boolean(l)))].sort(), [jobs.data]);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setPopulation = (patch: Partial<SessionPopulation>) => setDraft((d) => ({ ...d, population: { ...d.population, ...patch } }));
  const setSettings = (patch: Partial<SessionSettings>) => setDraft((d) => ({ ...d, settings: { ...(d.settings ?? settings), ...patch } }));
  const save = async () => {
    if (!draft.cycleId) return setError('Choose the review cycle whose ratings are calibrated.');
    setSaving(true);
    setError(null);
    try {
      const saved = await call('calibration.saveSession', {
        ...(session ? { id: session.id, version: session.version } : {}),
        name: draft.name, cycleId: draft.cycleId, date: draft.date, location: draft.location || null, facilitatorId: draft.facilitatorId,
        reviewerIds: draft.reviewerIds, population: draft.population, guidelineSetId: draft.guidelineSetId, settings,
      });
      onClose();
      if (!session) navigate(`/calibration/sessions/${saved.id}`);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={session ? `Edit “${session.name}”` : 'New calibration session'} size="xl" data-testid="session-form">
      <Tabs defaultValue="meeting">
        <Tabs.List>
          <Tabs.Tab value="meeting">Meeting</Tabs.Tab>
          <Tabs.Tab value="people">People</Tabs.Tab>
          <Tabs.Tab value="grid">Nine-box and reasons</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="meeting" pt="md">
          <Stack gap="sm">
            <TextInput label="Name" value={draft.name} onChange={(e) => set({ name: e.currentTarget.value })} required data-testid="session-name" />
            <Group grow>
              <Select label="Review cycle" description="Only running cycles have ratings to calibrate" data={cycleOptions} value={draft.cycleId} disabled={started}
                onChange={(cycleId) => set({ cycleId, guidelineSetId: null, settings: null })} required data-testid="session-cycle" />
              <DateInput label="Date" value={draft.date} onChange={(e) => set({ date: e.currentTarget.value })} required />
              <TextInput label="Location" value={draft.location} onChange={(e) => set({ location: e.currentTarget.value })} />
            </Group>
            <Group grow>
              <EmployeePicker label="Facilitator" description="Usually HR" value={draft.facilitatorId} onChange={(facilitatorId) => set({ facilitatorId })} clearable />
              <EmployeeMultiPicker label="Reviewers" description="The managers in the room" value={draft.reviewerIds} onChange={(reviewerIds) => set({ reviewerIds })} />
            </Group>
            <Select label="Distribution guidelines" description="Guideline sets on the cycle's rating scale" data={setOptions} value={draft.guidelineSetId} onChange={(guidelineSetId) => set({ guidelineSetId })} clearable data-testid="session-guidelines" />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="people" pt="md">
          <Stack gap="sm">
            <Text size="sm" c="dimmed">People with a review in the cycle who match any of these join the session (a department brings its sub-departments, a manager their whole team). {started ? 'The session has started: add and remove people from the session page.' : ''}</Text>
            <MultiSelect label="Departments" data={refs.departments} value={draft.population.departmentIds} onChange={(departmentIds) => setPopulation({ departmentIds })} searchable disabled={started} data-testid="population-departments" />
            <EmployeeMultiPicker label="Managers" value={draft.population.managerIds} onChange={(managerIds) => setPopulation({ managerIds })} disabled={started} />
            <Group grow>
              <MultiSelect label="Jobs" data={refs.jobs} value={draft.population.jobIds} onChange={(jobIds) => setPopulation({ jobIds })} searchable disabled={started} />
              <MultiSelect label="Job levels" data={jobLevels} value={draft.population.jobLevels} onChange={(levels) => setPopulation({ jobLevels: levels })} disabled={started} />
            </Group>
            <EmployeeMultiPicker label="People by name" value={draft.population.employeeIds} onChange={(employeeIds) => setPopulation({ employeeIds })} disabled={started} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="grid" pt="md">
          <GridSettings settings={settings} levelCount={levelCount} shapeFixed={started} onChange={setSettings} />
        </Tabs.Panel>
      </Tabs>
      {error && <Alert color="red" mt="sm" role="alert" data-testid="session-form-error">{error}</Alert>}
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>Cancel</Button>
        <Button onClick={() => void save()} loading={saving} data-testid="save-session">{session ? 'Save' : 'Create session'}</Button>
      </Group>
    </Modal>
  );
}

function GridSettings({ settings, levelCount, shapeFixed, onChange }: { settings: SessionSettings; levelCount: number; shapeFixed: boolean; onChange(patch: Partial<SessionSettings>): void }) {
  const resize = (columns: number, rows: number) => {
    const potentialCount = settings.potentialLevels.length;
    onChange({
      columns, rows,
      performanceBands: defaultBands(levelCount, Math.min(columns, levelCount)),
      potentialBands: defaultBands(potentialCount, Math.min(rows, potentialCount)),
      boxes: defaultBoxes(columns, rows),
    });
  };
  const setPotentialLevels = (labels: string[]) => {
    const potentialLevels = labels.map((label, i) => ({ value: i + 1, label }));
    const rows = Math.min(settings.rows, potentialLevels.length);
    onChange({ potentialLevels, rows, potentialBands: defaultBands(potentialLevels.length, rows), boxes: rows === settings.rows ? settings.boxes : defaultBoxes(settings.columns, rows) });
  };
  const sizes = [2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) }));
  const rowsTopFirst = Array.from({ length: settings.rows }, (_, i) => settings.rows - 1 - i);
  return (
    <Stack gap="sm">
      {shapeFixed && <Text size="sm" c="dimmed">The session has started: the grid's size and the potential scale are fixed; names, colours and reasons can still change.</Text>}
      <Group grow align="flex-start">
        <Select label="Performance columns" data={sizes.filter((s) => Number(s.value) <= levelCount)} value={String(settings.columns)} onChange={(v) => v && resize(Number(v), settings.rows)} disabled={shapeFixed} />
        <Select label="Potential rows" data={sizes.filter((s) => Number(s.value) <= settings.potentialLevels.length)} value={String(settings.rows)} onChange={(v) => v && resize(settings.columns, Number(v))} disabled={shapeFixed} />
      </Group>
      <Group gap="xs" align="flex-end">
        <Text size="sm" w={210}>Rating levels per column (low → high)</Text>
        {settings.performanceBands.map((n, i) => (
          <NumberInput key={i} w={70} min={1} max={levelCount} value={n} disabled={shapeFixed} aria-label={`Levels in column ${i + 1}`}
            onChange={(v) => onChange({ performanceBands: settings.performanceBands.map((x, j) => (j === i ? Number(v) || 1 : x)) })} />
        ))}
        <Text size="xs" c={settings.performanceBands.reduce((a, b) => a + b, 0) === levelCount ? 'dimmed' : 'red'}>must add up to {levelCount}</Text>
      </Group>
      <Group gap="xs" align="flex-end">
        <Text size="sm" w={210}>Potential levels (low → high)</Text>
        {settings.potentialLevels.map((level, i) => (
          <TextInput key={i} w={110} value={level.label} disabled={shapeFixed} aria-label={`Potential level ${i + 1}`}
            onChange={(e) => setPotentialLevels(settings.potentialLevels.map((l, j) => (j === i ? e.currentTarget.value : l.label)))} />
        ))}
        {!shapeFixed && settings.potentialLevels.length < 5 && <Button size="xs" variant="subtle" onClick={() => setPotentialLevels([...settings.potentialLevels.map((l) => l.label), 'New level'])}>Add</Button>}
        {!shapeFixed && settings.potentialLevels.length > 2 && <Button size="xs" variant="subtle" onClick={() => setPotentialLevels(settings.potentialLevels.slice(0, -1).map((l) => l.label))}>Remove last</Button>}
      </Group>
      <Text size="sm" fw={500}>Boxes (top row = highest potential)</Text>
      <SimpleGrid cols={settings.columns} spacing={6}>
        {rowsTopFirst.flatMap((row) => Array.from({ length: settings.columns }, (_, column) => {
          const index = row * settings.columns + column;
          const box = settings.boxes[index];
          if (!box) return null;
          const update = (patch: Partial<typeof box>) => onChange({ boxes: settings.boxes.map((b, j) => (j === index ? { ...b, ...patch } : b)) });
          return (
            <Stack key={index} gap={2} p={6} style={{ background: box.colour, borderRadius: 4 }}>
              <TextInput size="xs" value={box.name} onChange={(e) => update({ name: e.currentTarget.value })} aria-label={`Name of box ${index + 1}`} />
              <ColorInput size="xs" value={box.colour} onChange={(colour) => update({ colour })} format="hex" aria-label={`Colour of box ${index + 1}`} />
            </Stack>
          );
        }))}
      </SimpleGrid>
      <Text size="sm" fw={500}>Reason codes for moves</Text>
      {settings.reasonCodes.map((reason, i) => (
        <Group key={i} gap="xs" wrap="nowrap">
          <TextInput size="xs" w={130} value={reason.code} aria-label={`Reason code ${i + 1}`} onChange={(e) => onChange({ reasonCodes: settings.reasonCodes.map((r, j) => (j === i ? { ...r, code: e.currentTarget.value } : r)) })} />
          <TextInput size="xs" style={{ flex: 1 }} value={reason.label} aria-label={`Reason ${i + 1}`} onChange={(e) => onChange({ reasonCodes: settings.reasonCodes.map((r, j) => (j === i ? { ...r, label: e.currentTarget.value } : r)) })} />
          <ActionIcon variant="subtle" color="red" aria-label={`Remove reason ${i + 1}`} disabled={settings.reasonCodes.length === 1} onClick={() => onChange({ reasonCodes: settings.reasonCodes.filter((_, j) => j !== i) })}>✕</ActionIcon>
        </Group>
      ))}
      <Button size="xs" variant="subtle" w="fit-content" onClick={() => onChange({ reasonCodes: [...settings.reasonCodes, { code: '', label: '' }] })}>Add a reason code</Button>
    </Stack>
  );
}
