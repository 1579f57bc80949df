import { ActionIcon, Alert, Badge, Button, Card, Group, Select, Stack, Table, Text } from '@mantine/core';
import { EmployeePicker } from '../../shared/EmployeePicker';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { RATER_LABELS, type EmployeeDetail, type EmployeeHit, type Questionnaire, type RaterRelationship } from '../../../../src-shared/api';
import { useApi, useApiMutation } from '../../../api/hooks';
import { ErrorAlert, errorText } from '../shared';
import { InvitationsTable } from './DistributePanel';

interface PendingRater { employeeId: string; name: string; relationship: RaterRelationship }

const PICKED_RELATIONSHIPS = (['peer', 'other', 'direct_report', 'manager'] as const).map((value) => ({ value, label: RATER_LABELS[value] }));

const nameOf = (e: EmployeeHit) => `${e.firstName} ${e.lastName}`;
const current = (e: EmployeeHit | undefined): e is EmployeeHit => !!e && !e.archived && e.status !== 'terminated';

/** The subject (self), their manager and their current direct reports, as the people records say. */
function closeRaters(subject: EmployeeDetail, close: EmployeeHit[]): PendingRater[] {
  const byId = new Map(close.map((e) => [e.id, e]));
  const manager = subject.employee.managerId ? byId.get(subject.employee.managerId) : undefined;
  const reports = subject.directReports.map((r) => byId.get(r.id)).filter(current);
  const self = subject.employee;
  return [
    { employeeId: self.id, name: `${self.firstName} ${self.lastName}`, relationship: 'self' },
    ...(current(manager) ? [{ employeeId: manager.id, name: nameOf(manager), relationship: 'manager' as const }] : []),
    ...reports.map((e) => ({ employeeId: e.id, name: nameOf(e), relationship: 'direct_report' as const })),
  ];
}

/** 360 feedback: HR lists the raters with their relationship to the subject, then invites them all at once. */
export function RatersPanel({ questionnaire: q }: { questionnaire: Questionnaire }) {
  const subjectDetail = useApi('people.getEmployee', { id: q.subjectEmployeeId ?? '' }, { enabled: !!q.subjectEmployeeId });
  const closeIds = subjectDetail.data ? [subjectDetail.data.employee.managerId, ...subjectDetail.data.directReports.map((r) => r.id)].filter((id): id is string => !!id) : [];
  const close = useApi('people.searchEmployees', { ids: closeIds }, { enabled: closeIds.length > 0 });
  const invitations = useApi('reviews.listInvitations', { questionnaireId: q.id });
  const invite = useApiMutation('reviews.inviteRaters');
  const [pending, setPending] = useState<PendingRater[]>([]);
  const [picked, setPicked] = useState<EmployeeHit | null>(null);
  const [relationship, setRelationship] = useState<RaterRelationship>('peer');
  const [error, setError] = useState<string | null>(null);

  const subject = subjectDetail.data;
  const closeReady = !!subject && (closeIds.length === 0 || !!close.data);
  const taken = new Set([...(invitations.data?.rows ?? []).map((i) => i.employeeId), ...pending.map((p) => p.employeeId)]);
  const add = (raters: PendingRater[]) => (setPending([...pending, ...raters.filter((r) => !taken.has(r.employeeId))]), setError(null));
  const addPicked = () => {
    if (picked) add([{ employeeId: picked.id, name: nameOf(picked), relationship }]);
    setPicked(null);
  };
  const submit = async () => {
    setError(null);
    try {
      const result = await invite.mutateAsync({ id: q.id, version: q.version, raters: pending.map(({ employeeId, relationship: r }) => ({ employeeId, relationship: r })) });
      notifications.show({ color: 'teal', message: `${result.invited} ${result.invited === 1 ? 'rater' : 'raters'} invited.` });
      setPending([]);
    } catch (e) {
      setError(errorText(e));
    }
  };
  const notPickable = [...taken, ...(q.subjectEmployeeId ? [q.subjectEmployeeId] : [])];

  return (
    <Stack>
      {q.status === 'closed' ? <Alert color="gray">The questionnaire is closed; no more raters can be invited.</Alert> : (
        <Card withBorder data-testid="raters">
          <Text size="sm" c="dimmed" mb="xs">
            Feedback about <b>{q.subjectName}</b>. Each rater is invited with their relationship to them; results are grouped by it.
            {q.status === 'draft' && ' Inviting opens the questionnaire and freezes its questions.'}
          </Text>
          <Group>
            <Button variant="light" onClick={() => subject && add(closeRaters(subject, close.data?.rows ?? []))} disabled={!closeReady} data-testid="add-close-raters">
              Add {subject ? `${subject.employee.firstName}'s` : 'the subject’s'} manager, direct reports and self
            </Button>
          </Group>
          <Group align="flex-end" mt="sm">
            <EmployeePicker label="Person" placeholder="Search for a rater" exclude={notPickable} value={picked?.id ?? null} onChange={(_id, person) => setPicked(person ?? null)} w={340} data-testid="rater-person" />
            <Select label="Relationship" data={PICKED_RELATIONSHIPS} value={relationship} onChange={(v) => v && setRelationship(v as RaterRelationship)} allowDeselect={false} w={180} data-testid="rater-relationship" />
            <Button variant="default" onClick={addPicked} disabled={!picked}>Add rater</Button>
          </Group>
          {pending.length > 0 && (
            <Table fz="sm" mt="md" data-testid="pending-raters">
              <Table.Thead><Table.Tr><Table.Th>Rater</Table.Th><Table.Th>Relationship</Table.Th><Table.Th w={40} /></Table.Tr></Table.Thead>
              <Table.Tbody>
                {pending.map((p) => (
                  <Table.Tr key={p.employeeId} data-rater={p.name}>
                    <Table.Td>{p.name}</Table.Td>
                    <Table.Td><Badge variant="light" tt="none">{RATER_LABELS[p.relationship]}</Badge></Table.Td>
                    <Table.Td>
                      <ActionIcon variant="subtle" color="red" aria-label={`Remove ${p.name}`} onClick={() => setPending(pending.filter((x) => x !== p))}>✕</ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Button mt="md" w="fit-content" onClick={submit} loading={invite.isPending} disabled={pending.length === 0} data-testid="invite-raters">
            {pending.length ? `Invite ${pending.length} ${pending.length === 1 ? 'rater' : 'raters'}${q.status === 'draft' ? ' and open' : ''}` : 'Add raters to invite them'}
          </Button>
          <ErrorAlert error={error} testId="raters-error" />
        </Card>
      )}
      <InvitationsTable questionnaire={q} />
    </Stack>
  );
}
