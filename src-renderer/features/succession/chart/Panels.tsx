// The chart's side panel: one position (its key details, bench, successors, "what if they leave"),
// or one person (everywhere they are nominated).
import { ActionIcon, Alert, Anchor, Badge, Button, Checkbox, CloseButton, Divider, Group, NumberInput, SegmentedControl, Select, Stack, Text, Textarea, TextInput, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { LEVEL_LABELS, type ChartPersonPlaces, type ChartPosition, type Level, type Nomination, type ReadinessLevel } from '../../../../src-shared/api/succession';
import { planStrength, readinessCounts, readinessIndex, readinessStyle, STRENGTH_COLOURS, STRENGTH_LABELS, STRENGTH_RULE, strengthBand, type VacancyChain } from '../../../../src-shared/domain/succession';
import { call } from '../../../api/client';
import { useApi } from '../../../api/hooks';
import { LEVEL_OPTIONS, useSuccessionReferences } from '../options';
import { Marker } from './ChartCard';
import { EmployeePicker } from '../../shared/EmployeePicker';

/** What the panels need of the chart: the readiness scale. */
type Scale = { readiness: ReadinessLevel[] };

const failed = (error: unknown) => notifications.show({ color: 'red', title: 'Not saved', message: (error as Error).message });

async function run(action: () => Promise<unknown>, done?: string): Promise<boolean> {
  try {
    await action();
    if (done) notifications.show({ color: 'teal', message: done });
    return true;
  } catch (error) {
    failed(error);
    return false;
  }
}

export function PositionPanel(props: {
  position: ChartPosition;
  data: Scale;
  chain: VacancyChain | null;
  onChain: (readyLevels: number) => void;
  onFocus: () => void;
  onSelectPerson: (id: string) => void;
  onReveal: (id: string) => void;
  onClose: () => void;
}) {
  const { position, data } = props;
  const [readyLevels, setReadyLevels] = useState('1');
  const incumbent = position.incumbent;
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Title order={2} size="h4" data-testid="panel-title">{position.title}</Title>
          <Text size="sm" c="dimmed">{position.departmentName} · {position.jobTitle}</Text>
        </div>
        <CloseButton aria-label="Close the panel" onClick={props.onClose} />
      </Group>
      <Group gap="xs">
        {position.isKey && <Badge color={position.criticality ? { high: 'red', medium: 'orange', low: 'gray' }[position.criticality] : 'gray'}>Key · {LEVEL_LABELS[position.criticality ?? 'medium']} criticality</Badge>}
        {incumbent?.riskOfLoss && <Badge variant="light" color={incumbent.riskOfLoss === 'high' ? 'red' : 'yellow'}>Risk of loss: {LEVEL_LABELS[incumbent.riskOfLoss]}</Badge>}
        {incumbent?.impactOfLoss && <Badge variant="light" color={incumbent.impactOfLoss === 'high' ? 'red' : 'gray'}>Impact: {LEVEL_LABELS[incumbent.impactOfLoss]}</Badge>}
      </Group>
      <Text size="sm">
        Incumbent: {incumbent ? <Anchor component={Link} to={`/people/employees/${incumbent.id}`}>{incumbent.name}</Anchor> : <Text span c="dimmed" fs="italic">vacant</Text>}
        {incumbent && <> · <Anchor component="button" size="sm" onClick={() => props.onSelectPerson(incumbent.id)}>where nominated</Anchor></>}
      </Text>
      <Group gap="xs">
        <Button size="xs" variant="default" onClick={props.onFocus} data-testid="panel-focus">Focus on this subtree</Button>
      </Group>
      {incumbent && (
        <Stack gap={4}>
          <Group gap="xs" align="flex-end">
            <Select size="xs" label="Counting as ready" w={200} value={readyLevels} onChange={(v) => setReadyLevels(v ?? '1')} allowDeselect={false}
              data={[{ value: '1', label: data.readiness[0]?.label ?? 'Ready now' }, ...(data.readiness[1] ? [{ value: '2', label: `${data.readiness[0].label} or ${data.readiness[1].label.toLowerCase()}` }] : [])]} />
            <Button size="xs" onClick={() => props.onChain(Number(readyLevels))} data-testid="panel-chain">What if {incumbent.name.split(' ')[0]} leaves?</Button>
          </Group>
          {props.chain && <ChainSteps chain={props.chain} data={data} onReveal={props.onReveal} />}
        </Stack>
      )}
      <Divider />
      <KeySection position={position} />
      {(position.isKey || position.planId) && <BenchSection position={position} data={data} onSelectPerson={props.onSelectPerson} />}
    </Stack>
  );
}

function ChainSteps({ chain, data, onReveal }: { chain: VacancyChain; data: Scale; onReveal: (id: string) => void }) {
  const label = new Map(data.readiness.map((r) => [r.id, r.shortLabel]));
  return (
    <Stack gap={4} data-testid="chain-steps">
      {chain.steps.map((step, k) => (
        <Group key={step.positionId} gap={6} wrap="nowrap" align="flex-start">
          <Badge size="sm" circle mt={2} color={step.successor ? 'cyan' : 'red'} style={{ flex: 'none' }}>{k + 1}</Badge>
          <Text size="sm">
          <Anchor component="button" size="sm" onClick={() => onReveal(step.positionId)}>{step.title}</Anchor>
          {' '}— {step.leaver ? `${step.leaver.name} leaves` : 'vacant'};{' '}
          {step.successor
            ? <>{step.successor.name} moves up ({label.get(step.successor.readinessId)}{step.successor.kind === 'external' ? ', external hire' : ''})</>
            : <Text span c="red" fw={600}>no ready successor</Text>}
          {step.skipped.length > 0 && <Text span c="dimmed"> · passed over: {step.skipped.map((s) => `${s.name} (${s.reason === 'left' ? 'left' : 'already moved'})`).join(', ')}</Text>}
          </Text>
        </Group>
      ))}
      <Text size="xs" c="dimmed">
        {chain.end === 'no-ready-successor' ? 'The chain ends at a position no one is ready for (marked red on the chart).' : chain.end === 'external' ? 'The chain ends with an external hire.' : 'The last successor holds no position, so the chain ends there.'}
      </Text>
    </Stack>
  );
}

/** Mark as key, or edit criticality, vacancy risk, reason and leaving date. */
function KeySection({ position }: { position: ChartPosition }) {
  const keyPositions = useApi('succession.listKeyPositions', { ids: [position.id] });
  const row = keyPositions.data?.rows.find((r) => r.id === position.id);
  const [draft, setDraft] = useState<{ criticality: Level; vacancyRisk: Level; reason: string; plannedLeaveDate: string } | null>(null);
  const values = draft ?? { criticality: row?.criticality ?? 'medium', vacancyRisk: row?.vacancyRisk ?? 'medium', reason: row?.reason ?? '', plannedLeaveDate: row?.plannedLeaveDate ?? '' };
  if (!position.isKey) {
    return (
      <Stack gap={4}>
        <Text size="sm" c="dimmed">Not a key position.</Text>
        <Button size="xs" variant="light" w="fit-content" data-testid="panel-mark-key"
          onClick={() => void run(() => call('succession.saveKeyPositions', { rows: [{ values: { positionId: position.id, criticality: 'medium', vacancyRisk: 'medium' } }] }), `${position.title} is now a key position.`)}>
          Mark as key position
        </Button>
      </Stack>
    );
  }
  const save = () => run(async () => {
    await call('succession.saveKeyPositions', {
      rows: [{ id: position.id, version: row?.version || undefined, values: { positionId: position.id, criticality: values.criticality, vacancyRisk: values.vacancyRisk, reason: values.reason || null, plannedLeaveDate: values.plannedLeaveDate || null } }],
    });
    setDraft(null);
  }, 'Key position saved.');
  return (
    <Stack gap={6} data-testid="panel-key">
      <Group grow>
        <Select size="xs" label="Criticality" data={LEVEL_OPTIONS} value={values.criticality} allowDeselect={false} onChange={(v) => setDraft({ ...values, criticality: v as Level })} />
        <Select size="xs" label="Vacancy risk" data={LEVEL_OPTIONS} value={values.vacancyRisk} allowDeselect={false} onChange={(v) => setDraft({ ...values, vacancyRisk: v as Level })} />
      </Group>
      <Textarea size="xs" label="Why it is key" autosize minRows={1} maxRows={4} value={values.reason} onChange={(e) => setDraft({ ...values, reason: e.currentTarget.value })} />
      <TextInput size="xs" type="date" label="Incumbent plans to leave on" value={values.plannedLeaveDate} onChange={(e) => setDraft({ ...values, plannedLeaveDate: e.currentTarget.value })} />
      <Group gap="xs">
        <Button size="xs" disabled={!draft} onClick={() => void save()}>Save details</Button>
        {draft && <Button size="xs" variant="subtle" onClick={() => setDraft(null)}>Discard</Button>}
        <Button size="xs" variant="subtle" color="red" ml="auto" onClick={() => void run(() => call('succession.unmarkKeyPositions', { ids: [position.id] }), 'Unmarked: its plan is kept for when it is key again.')}>Unmark key</Button>
      </Group>
    </Stack>
  );
}

function BenchSection({ position, data, onSelectPerson }: { position: ChartPosition; data: Scale; onSelectPerson: (id: string) => void }) {
  const ownPlan = position.planSource === 'position';
  const nominations = useApi('succession.listNominations', { planId: position.planId ?? undefined }, { enabled: Boolean(position.planId) });
  const counts = readinessCounts(position.successors, data.readiness);
  const strength = planStrength(position.successors, data.readiness);
  const band = strengthBand(strength, position.successors.length);
  const rows = (nominations.data?.rows ?? []).filter((n) => ownPlan || n.employeeId !== position.incumbent?.id);
  const order = readinessIndex(data.readiness);
  rows.sort((a, b) => (order.get(a.readinessId) ?? 9) - (order.get(b.readinessId) ?? 9) || a.rank - b.rank);
  return (
    <Stack gap={6}>
      <Group justify="space-between">
        <Title order={3} size="h5">Successors</Title>
        <Tooltip label={STRENGTH_RULE} multiline w={340}>
          <Text size="sm" fw={700} style={{ color: STRENGTH_COLOURS[band], cursor: 'help' }} data-testid="panel-strength">
            Bench {strength} · {STRENGTH_LABELS[band]}
          </Text>
        </Tooltip>
      </Group>
      <Group gap="md" data-testid="panel-counts">
        {data.readiness.map((level, k) => (
          <Text key={level.id} size="sm" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
            <Marker shape={readinessStyle(k).shape} colour={readinessStyle(k).colour} /> {level.shortLabel}: <b>{counts.find((c) => c.readinessId === level.id)?.count ?? 0}</b>
          </Text>
        ))}
      </Group>
      {!ownPlan && position.planId && <Alert p="xs" color="gray">From the plan for this job, shared by everyone in it. <Anchor component={Link} to="/succession/plans" size="sm">Edit on the Plans page.</Anchor></Alert>}
      {rows.map((row) => <SuccessorRow key={row.id} row={row} data={data} editable={ownPlan} onSelectPerson={onSelectPerson} />)}
      {ownPlan && <AddSuccessor position={position} data={data} />}
    </Stack>
  );
}

function SuccessorRow({ row, data, editable, onSelectPerson }: { row: Nomination; data: Scale; editable: boolean; onSelectPerson: (id: string) => void }) {
  const band = readinessIndex(data.readiness).get(row.readinessId) ?? 3;
  const style = readinessStyle(band);
  const save = (values: Record<string, unknown>) => run(() => call('succession.saveNominations', { rows: [{ id: row.id, version: row.version, values }] }));
  return (
    <Stack gap={2} p={6} style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6 }} data-testid="panel-successor">
      <Group gap={6} wrap="nowrap">
        <Marker shape={style.shape} colour={style.colour} size={12} />
        <Anchor component="button" size="sm" fw={600} onClick={() => onSelectPerson(row.employeeId ?? row.externalCandidateId!)} style={{ flex: 1, textAlign: 'left' }}>
          {row.successorName}{row.kind === 'external' ? ' (external)' : ''}
        </Anchor>
        {editable && <ActionIcon size="sm" variant="subtle" color="red" aria-label={`Remove ${row.successorName}`} onClick={() => void run(() => call('succession.archiveNominations', { ids: [row.id] }), `${row.successorName} removed from the plan.`)}>×</ActionIcon>}
      </Group>
      <Text size="xs" c="dimmed">
        {row.currentPositionTitle ?? (row.kind === 'external' ? 'External candidate' : 'No position')}
        {row.skillMatch !== null && ` · skill match ${row.skillMatch}%`}
        {row.latestRatingLabel && ` · rated ${row.latestRatingLabel}`}
        {row.latestPotentialLabel && ` · potential ${row.latestPotentialLabel.toLowerCase()}`}
        {row.riskOfLoss && ` · risk of loss ${LEVEL_LABELS[row.riskOfLoss].toLowerCase()}`}
      </Text>
      {editable ? (
        <Group gap={6} wrap="nowrap">
          <Select size="xs" aria-label={`Readiness of ${row.successorName}`} data={data.readiness.map((r) => ({ value: r.id, label: r.label }))} value={row.readinessId} allowDeselect={false} w={170}
            onChange={(v) => v && v !== row.readinessId && void save({ readinessId: v })} data-testid="panel-successor-readiness" />
          <NumberInput size="xs" aria-label={`Rank of ${row.successorName}`} w={64} min={1} max={99} defaultValue={row.rank}
            onBlur={(e) => { const rank = Number(e.currentTarget.value); if (rank !== row.rank) void save({ rank }); }} />
          <Checkbox size="xs" label="Interim" checked={row.emergency} onChange={(e) => void save({ emergency: e.currentTarget.checked })} />
        </Group>
      ) : (
        <Text size="xs">{data.readiness.find((r) => r.id === row.readinessId)?.label} · rank {row.rank}</Text>
      )}
      {row.developmentActions && <Text size="xs">Development: {row.developmentActions}</Text>}
    </Stack>
  );
}

function AddSuccessor({ position, data }: { position: ChartPosition; data: Scale }) {
  const [kind, setKind] = useState<'employee' | 'external'>('employee');
  const [personId, setPersonId] = useState<string | null>(null);
  const [readinessId, setReadinessId] = useState<string | null>(data.readiness[0]?.id ?? null);
  const succession = useSuccessionReferences();
  const add = async () => {
    if (!personId || !readinessId) return;
    const ok = await run(() => call('succession.nominateSuccessor', {
      positionId: position.id, readinessId, ...(kind === 'employee' ? { employeeId: personId } : { externalCandidateId: personId }),
    }), 'Successor nominated.');
    if (ok) setPersonId(null);
  };
  return (
    <Stack gap={6} mt="xs" data-testid="panel-add-successor">
      <Text size="sm" fw={600}>Nominate a successor</Text>
      <SegmentedControl size="xs" value={kind} onChange={(v) => (setKind(v as 'employee' | 'external'), setPersonId(null))} data={[{ value: 'employee', label: 'Employee' }, { value: 'external', label: 'External candidate' }]} />
      {kind === 'employee'
        ? <EmployeePicker size="xs" placeholder="Search employees" aria-label="Successor" exclude={position.incumbent ? [position.incumbent.id] : undefined} value={personId} onChange={(id) => setPersonId(id)} data-testid="panel-successor-select" />
        : <Select size="xs" searchable limit={50} placeholder="Choose a candidate" aria-label="Successor" data={succession.externals} value={personId} onChange={setPersonId}
          nothingFoundMessage="No external candidates yet: add them on the External candidates page." data-testid="panel-successor-select" />}
      <Group gap={6}>
        <Select size="xs" aria-label="Readiness" data={succession.readiness} value={readinessId} onChange={setReadinessId} allowDeselect={false} w={190} data-testid="panel-readiness-select" />
        <Button size="xs" disabled={!personId || !readinessId} onClick={() => void add()} data-testid="panel-nominate">Nominate</Button>
      </Group>
    </Stack>
  );
}

export function PersonPanel({ personId, places, readiness, onReveal, onClose }: {
  personId: string; places: ChartPersonPlaces | null; readiness: ReadinessLevel[]; onReveal: (id: string) => void; onClose: () => void;
}) {
  const label = new Map(readiness.map((r) => [r.id, r.label]));
  if (!places) return <Stack gap="sm" data-testid="person-panel"><Group justify="space-between"><Text size="sm" c="dimmed">Loading…</Text><CloseButton aria-label="Close the panel" onClick={onClose} /></Group></Stack>;
  const found = places.nominations;
  const external = places.kind === 'external';
  return (
    <Stack gap="sm" data-testid="person-panel">
      <Group justify="space-between" wrap="nowrap">
        <div>
          <Title order={2} size="h4">{places.name ?? 'This person'}</Title>
          <Text size="sm" c="dimmed">{external ? 'External candidate' : places.holds ? `Holds ${places.holds.title}` : 'Holds no position on the chart'}</Text>
        </div>
        <CloseButton aria-label="Close the panel" onClick={onClose} />
      </Group>
      {!external && <Anchor component={Link} to={`/people/employees/${personId}`} size="sm">Open their page</Anchor>}
      <Text size="sm" fw={600}>Nominated for {found.length} position{found.length === 1 ? '' : 's'} (highlighted on the chart)</Text>
      {found.length === 0 && <Text size="sm" c="dimmed">Not nominated as anyone's successor.</Text>}
      {found.map((nomination) => (
        <Text key={nomination.nominationId + nomination.positionId} size="sm" data-testid="person-nomination">
          <Anchor component="button" size="sm" onClick={() => onReveal(nomination.positionId)}>{nomination.title}</Anchor>
          <Text span c="dimmed"> · {nomination.departmentName} · rank {nomination.rank} · {label.get(nomination.readinessId)}</Text>
        </Text>
      ))}
    </Stack>
  );
}
