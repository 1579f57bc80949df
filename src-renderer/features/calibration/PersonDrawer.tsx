import { Alert, Anchor, Badge, Button, Divider, Drawer, Group, Progress, Select, Stack, Switch, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { LOSS_LABELS, LOSS_LEVELS, type CalibrationChange, type CalibrationMember, type CalibrationSession, type LossLevel } from '../../../src-shared/api/calibration';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { errorText } from '../reviews/shared';
import { formatRating, labelOf, originalText } from './model';

const LOSS_OPTIONS = LOSS_LEVELS.map((value) => ({ value, label: LOSS_LABELS[value] }));

/**
 * Everything the room asks about one person: the rating before and after (the original struck
 * through), potential, risk and impact of loss, the comment and private note, the moves, the
 * last three cycles' ratings, current goals, the skill gaps and recent journal highlights.
 */
export function PersonDrawer({ session, memberId, onClose }: { session: CalibrationSession; memberId: string | null; onClose(): void }) {
  const card = useApi('calibration.getPersonCard', { sessionId: session.id, memberId: memberId ?? '' }, { enabled: memberId !== null });
  const data = memberId ? card.data : undefined;
  return (
    <Drawer opened={memberId !== null} onClose={onClose} position="right" size="lg" title={data?.member.employeeName ?? 'Loading…'} data-testid="person-drawer">
      {card.error && <Alert color="red">{card.error.message}</Alert>}
      {data && (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {[data.member.jobTitle, data.member.jobLevel, data.member.departmentName].filter(Boolean).join(' · ')}
            {data.member.managerName ? ` · manager ${data.member.managerName}` : ''}
          </Text>
          <Group gap="lg" data-testid="person-rating">
            <div>
              <Text size="xs" c="dimmed">Performance</Text>
              <Text fw={600}>
                {data.member.movement && data.member.movement !== 'same' && data.member.originalRating !== null && (
                  <span className="cal-struck" data-testid="original-struck">{originalText(session, data.member)}</span>
                )}{' '}
                {labelOf(session.levels, data.member.performance) ?? 'Not rated yet'}
                {data.member.movement === 'same' && data.member.originalRating !== null ? ` (review: ${formatRating(data.member.originalRating)})` : ''}
              </Text>
            </div>
            <div>
              <Text size="xs" c="dimmed">Potential</Text>
              <Text fw={600}>{labelOf(session.settings.potentialLevels, data.member.potential) ?? 'Not set'}</Text>
            </div>
            <Badge variant="light">{data.member.reviewStatus.replace(/_/g, ' ')}</Badge>
          </Group>
          <EditDetails session={session} member={data.member} key={`${data.member.id}:${data.member.version}`} />
          <History session={session} changes={data.history} />
          <Divider />
          <Title order={5}>Ratings of the last cycles</Title>
          {data.ratings.length === 0 ? <Text size="sm" c="dimmed">No reviews.</Text> : (
            <Table fz="sm" data-testid="person-ratings">
              <Table.Tbody>
                {data.ratings.map((r) => (
                  <Table.Tr key={r.cycleId}>
                    <Table.Td>{r.cycleName}</Table.Td>
                    <Table.Td>{r.finalRating === null ? 'Not rated' : `${formatRating(r.finalRating)} · ${r.label}`}</Table.Td>
                    <Table.Td>{r.calibrated ? <Badge size="xs" variant="light">calibrated</Badge> : null}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Title order={5}>Current goals</Title>
          {data.goals.length === 0 ? <Text size="sm" c="dimmed">No goals in this period.</Text> : data.goals.map((g) => (
            <div key={g.id}>
              <Group justify="space-between"><Text size="sm">{g.title}</Text><Text size="xs" c="dimmed">{g.status.replace(/_/g, ' ')} · {Math.round(g.progress)} %</Text></Group>
              <Progress value={g.progress} size="sm" />
            </div>
          ))}
          <Title order={5}>Skills</Title>
          <Text size="sm" data-testid="person-skills">
            {data.skills.requirements === 0 ? 'The job has no skill requirements.' : `${data.skills.met} of ${data.skills.requirements} requirements of ${data.skills.jobTitle ?? 'the job'} met (${Math.round(data.skills.coverage)} %).`}
          </Text>
          {data.skills.topGaps.map((gap) => <Text key={gap.skill} size="xs" c="dimmed">{gap.skill}: {gap.current ?? 'not rated'} of {gap.required}</Text>)}
          <Title order={5}>Journal highlights</Title>
          {data.journal.length === 0 ? <Text size="sm" c="dimmed">No shared praise or development points.</Text> : data.journal.map((j, i) => (
            <Text key={i} size="sm"><Badge size="xs" variant="light" color={j.kind === 'praise' ? 'teal' : 'orange'} mr={6}>{j.kind}</Badge>{j.date}: {j.text} <Text span size="xs" c="dimmed">— {j.author}</Text></Text>
          ))}
          <Anchor component={Link} to={`/people/employees/${data.member.employeeId}`} size="sm">Open the employee page</Anchor>
          <RemovePerson session={session} memberId={data.member.id} name={data.member.employeeName} onRemoved={onClose} />
        </Stack>
      )}
    </Drawer>
  );
}

function EditDetails({ session, member }: { session: CalibrationSession; member: CalibrationMember }) {
  const readOnly = session.status === 'finalised';
  const [values, setValues] = useState({ riskOfLoss: member.riskOfLoss, impactOfLoss: member.impactOfLoss, comment: member.comment ?? '', privateNote: member.privateNote ?? '', discussed: member.discussed });
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => setError(null), [member.version]);
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      await call('calibration.saveMembers', { sessionId: session.id, rows: [{ id: member.id, version: member.version, values: { ...values, comment: values.comment.trim() || null, privateNote: values.privateNote.trim() || null } }] });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Stack gap="xs" data-testid="person-details">
      <Group grow>
        <Select label="Risk of loss" data={LOSS_OPTIONS} value={values.riskOfLoss} onChange={(v) => setValues({ ...values, riskOfLoss: v as LossLevel | null })} clearable disabled={readOnly} />
        <Select label="Impact of loss" data={LOSS_OPTIONS} value={values.impactOfLoss} onChange={(v) => setValues({ ...values, impactOfLoss: v as LossLevel | null })} clearable disabled={readOnly} />
      </Group>
      <Textarea label="Comment" value={values.comment} onChange={(e) => setValues({ ...values, comment: e.currentTarget.value })} autosize minRows={2} disabled={readOnly} />
      <Textarea label="Private note (never shown in presenter mode or in exports)" value={values.privateNote} onChange={(e) => setValues({ ...values, privateNote: e.currentTarget.value })} autosize minRows={1} disabled={readOnly} />
      <Group justify="space-between">
        <Switch label="Discussed" checked={values.discussed} onChange={(e) => setValues({ ...values, discussed: e.currentTarget.checked })} disabled={readOnly} data-testid="discussed-switch" />
        {!readOnly && <Button size="xs" onClick={() => void save()} loading={saving} data-testid="save-details">Save</Button>}
      </Group>
      {error && <Alert color="red" role="alert">{error}</Alert>}
    </Stack>
  );
}

function History({ session, changes }: { session: CalibrationSession; changes: CalibrationChange[] }) {
  const moves = changes.filter((c) => c.kind === 'move');
  if (moves.length === 0) return <Text size="sm" c="dimmed">No moves in this session.</Text>;
  return (
    <Stack gap={4} data-testid="person-history">
      <Title order={5}>Moves in this session</Title>
      {moves.map((c) => (
        <Text key={c.id} size="sm" td={c.undoneAt ? 'line-through' : undefined}>
          {changeText(session, c)} — <b>{c.reasonLabel}</b>: {c.comment} <Text span size="xs" c="dimmed">({c.actor}, {c.at.slice(0, 16).replace('T', ' ')}{c.undoneAt ? `, undone by ${c.undoneBy}` : ''})</Text>
        </Text>
      ))}
    </Stack>
  );
}

export function changeText(session: CalibrationSession, change: CalibrationChange): string {
  const parts: string[] = [];
  if (change.performanceFrom !== change.performanceTo) parts.push(`${labelOf(session.levels, change.performanceFrom) ?? 'not rated'} → ${labelOf(session.levels, change.performanceTo)}`);
  if (change.potentialFrom !== change.potentialTo) parts.push(`potential ${labelOf(session.settings.potentialLevels, change.potentialFrom) ?? 'not set'} → ${labelOf(session.settings.potentialLevels, change.potentialTo)}`);
  return parts.join(', ');
}

function RemovePerson({ session, memberId, name, onRemoved }: { session: CalibrationSession; memberId: string; name: string; onRemoved(): void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (session.status === 'finalised') return null;
  const remove = async () => {
    setError(null);
    try {
      await call('calibration.removePeople', { id: session.id, version: session.version, memberIds: [memberId], reason: reason.trim() || null });
      onRemoved();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Stack gap={4}>
      <Divider />
      <Group align="flex-end" wrap="nowrap">
        {session.status !== 'draft' && <TextInput label="Reason for removing" value={reason} onChange={(e) => setReason(e.currentTarget.value)} style={{ flex: 1 }} />}
        <Button variant="light" color="red" onClick={() => void remove()}>Remove {name} from the session</Button>
      </Group>
      {error && <Alert color="red" role="alert">{error}</Alert>}
    </Stack>
  );
}
