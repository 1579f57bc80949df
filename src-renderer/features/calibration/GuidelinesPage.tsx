import { ActionIcon, Alert, Badge, Button, Card, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { GuidelineSet } from '../../../src-shared/api/calibration';
import { GUIDELINE_OPERATORS, guidelineConflict, guidelineCounts, OPERATOR_SYMBOLS, ruleLabel, type GuidelineOperator, type GuidelineRule } from '../../../src-shared/domain/calibration';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { errorText } from '../reviews/shared';
import { PageHeader } from '../shared/PageHeader';

/** Distribution guideline sets: shares of the population per rating level or group of levels, advisory or enforced. */
export function GuidelinesPage() {
  const [showArchived, setShowArchived] = useState(false);
  const sets = useApi('calibration.listGuidelineSets', { includeArchived: showArchived || undefined });
  const [editing, setEditing] = useState<GuidelineSet | 'new' | null>(null);
  return (
    <Stack data-testid="guidelines-page">
      <PageHeader
        title="Distribution guidelines"
        description="How a calibrated population should spread over the rating levels. Advisory: finalising outside needs an acknowledgement with a reason. Enforced: finalising outside is refused."
        actions={<>
          <Switch label="Show archived" checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} />
          <Button onClick={() => setEditing('new')} data-testid="new-guidelines">New guideline set</Button>
        </>}
      />
      {sets.error && <Alert color="red">{sets.error.message}</Alert>}
      {(sets.data?.rows ?? []).map((set) => (
        <Card withBorder key={set.id} data-testid="guideline-set">
          <Group justify="space-between">
            <Group gap="xs">
              <Text fw={600}>{set.name}</Text>
              <Badge color={set.mode === 'enforced' ? 'red' : 'blue'} variant="light">{set.mode}</Badge>
              {set.archived && <Badge color="gray">archived</Badge>}
              <Text size="xs" c="dimmed">{set.ratingScaleName} · used by {set.sessionCount} session{set.sessionCount === 1 ? '' : 's'}</Text>
            </Group>
            <Group gap="xs">
              <Button size="xs" variant="default" onClick={() => setEditing(set)}>Edit</Button>
              <Button size="xs" variant="subtle" color="gray" onClick={() => void call('calibration.archiveGuidelineSets', { ids: [set.id], archived: !set.archived })}>{set.archived ? 'Restore' : 'Archive'}</Button>
            </Group>
          </Group>
          {set.description && <Text size="sm" c="dimmed">{set.description}</Text>}
          <Group gap={6} mt={6}>{set.rules.map((rule, i) => <Badge key={i} variant="outline" style={{ textTransform: 'none' }}>{ruleLabel(set.levels, rule)}</Badge>)}</Group>
        </Card>
      ))}
      <GuidelineSetModal set={editing} onClose={() => setEditing(null)} />
    </Stack>
  );
}

const OPERATOR_OPTIONS = GUIDELINE_OPERATORS.map((value) => ({ value, label: OPERATOR_SYMBOLS[value] }));

function GuidelineSetModal({ set, onClose }: { set: GuidelineSet | 'new' | null; onClose(): void }) {
  const scales = useApi('reviews.listRatingScales', {});
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [scaleId, setScaleId] = useState<string | null>(null);
  const [mode, setMode] = useState<'advisory' | 'enforced'>('advisory');
  const [rules, setRules] = useState<GuidelineRule[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!set) return;
    const existing = set === 'new' ? null : set;
    setName(existing?.name ?? '');
    setDescription(existing?.description ?? '');
    setScaleId(existing?.ratingScaleId ?? scales.data?.rows[0]?.id ?? null);
    setMode(existing?.mode ?? 'advisory');
    setRules(existing?.rules ?? []);
    setError(null);
  }, [set, scales.data]);
  const scale = scales.data?.rows.find((s) => s.id === scaleId);
  const levels = scale?.levels ?? [];
  const levelOptions = levels.map((l) => ({ value: String(l.value), label: `${l.value} · ${l.label}` }));
  const complete = rules.every((r) => Number.isFinite(r.percent) && (r.operator !== 'between' || Number.isFinite(r.percentTo ?? NaN)));
  const conflict = levels.length && complete ? guidelineConflict(levels, rules) : null;
  const example = levels.length && complete && rules.length ? guidelineCounts(rules, 100) : null;
  const update = (i: number, patch: Partial<GuidelineRule>) => setRules(rules.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const save = async () => {
    setError(null);
    try {
      await call('calibration.saveGuidelineSet', {
        ...(set && set !== 'new' ? { id: set.id, version: set.version } : {}),
        name, description: description || null, ratingScaleId: scaleId ?? '', mode,
        rules: rules.map((r) => ({ fromLevel: r.fromLevel, toLevel: r.toLevel, operator: r.operator, percent: r.percent, ...(r.operator === 'between' ? { percentTo: r.percentTo ?? null } : {}) })),
      });
      onClose();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const top = levels[levels.length - 1]?.value ?? 1;
  return (
    <Modal opened={set !== null} onClose={onClose} title={set === 'new' ? 'New guideline set' : 'Edit guideline set'} size="xl" data-testid="guideline-form">
      <Stack gap="sm">
        <Group grow>
          <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} required data-testid="guideline-name" />
          <Select label="Rating scale" data={(scales.data?.rows ?? []).map((s) => ({ value: s.id, label: s.name }))} value={scaleId} onChange={setScaleId} />
        </Group>
        <Textarea label="Description" value={description} onChange={(e) => setDescription(e.currentTarget.value)} autosize minRows={1} />
        <SegmentedControl value={mode} onChange={(v) => setMode(v as 'advisory' | 'enforced')} data={[{ value: 'advisory', label: 'Advisory (acknowledge to finalise outside)' }, { value: 'enforced', label: 'Enforced (finalise refused outside)' }]} />
        <Text size="sm" fw={500}>Guidelines (a level, or a group of neighbouring levels, as a share of the people placed)</Text>
        {rules.map((rule, i) => (
          <Group key={i} gap="xs" wrap="nowrap" data-testid="guideline-rule">
            <Select size="xs" w={170} data={levelOptions} value={String(rule.fromLevel)} onChange={(v) => v && update(i, { fromLevel: Number(v) })} aria-label={`From level, guideline ${i + 1}`} />
            <Text size="xs">to</Text>
            <Select size="xs" w={170} data={levelOptions} value={String(rule.toLevel)} onChange={(v) => v && update(i, { toLevel: Number(v) })} aria-label={`To level, guideline ${i + 1}`} />
            <Select size="xs" w={100} data={OPERATOR_OPTIONS} value={rule.operator} onChange={(v) => v && update(i, { operator: v as GuidelineOperator, percentTo: v === 'between' ? rule.percentTo ?? rule.percent : null })} aria-label={`Operator, guideline ${i + 1}`} />
            <NumberInput size="xs" w={90} min={0} max={100} value={rule.percent} onChange={(v) => update(i, { percent: Number(v) })} suffix=" %" aria-label={`Percent, guideline ${i + 1}`} />
            {rule.operator === 'between' && <><Text size="xs">and</Text><NumberInput size="xs" w={90} min={0} max={100} value={rule.percentTo ?? undefined} onChange={(v) => update(i, { percentTo: Number(v) })} suffix=" %" aria-label={`Upper percent, guideline ${i + 1}`} /></>}
            {example && <Text size="xs" c="dimmed">of 100 people: {example[i].min === example[i].max ? example[i].min : `${example[i].min}–${example[i].max}`}</Text>}
            <ActionIcon variant="subtle" color="red" onClick={() => setRules(rules.filter((_, j) => j !== i))} aria-label={`Remove guideline ${i + 1}`}>✕</ActionIcon>
          </Group>
        ))}
        <Button size="xs" variant="subtle" w="fit-content" disabled={!levels.length} onClick={() => setRules([...rules, { fromLevel: top, toLevel: top, operator: 'le', percent: 10 }])} data-testid="add-rule">Add a guideline</Button>
        {conflict && (
          <Alert color="orange" data-testid="guideline-conflict">These cannot all hold at once: {conflict.map((i) => `“${ruleLabel(levels, rules[i])}”`).join(', ')}.</Alert>
        )}
        <Text size="xs" c="dimmed">
          Head counts: an upper bound rounds down (≤ 20 % of 7 people allows 1, since 2 would be 28.6 %), a lower bound rounds up (≥ 20 % of 7 needs 2),
          a strict bound moves one further at a whole count, and “=” targets share the seats by largest remainder.
        </Text>
        {error && <Alert color="red" role="alert" data-testid="guideline-error">{error}</Alert>}
        <Group justify="flex-end"><Button variant="default" onClick={onClose}>Cancel</Button><Button onClick={() => void save()} data-testid="save-guidelines">Save</Button></Group>
      </Stack>
    </Modal>
  );
}
