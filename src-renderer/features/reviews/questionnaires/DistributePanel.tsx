import { Alert, Badge, Button, Card, MultiSelect, ScrollArea, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { RATER_LABELS, type Questionnaire } from '../../../../src-shared/api';
import { useApi, useApiMutation } from '../../../api/hooks';
import { dayOf, ErrorAlert, errorText } from '../shared';
import { EmployeeMultiPicker } from '../../shared/EmployeePicker';

/** Sends the questionnaire to departments (with their sub-departments), jobs or named people: one invitation each. */
export function DistributePanel({ questionnaire: q }: { questionnaire: Questionnaire }) {
  const departments = useApi('people.listDepartments', {});
  const jobs = useApi('people.listJobs', {});
  const distribute = useApiMutation('reviews.distributeQuestionnaire');
  const [departmentIds, setDepartmentIds] = useState<string[]>([]);
  const [jobIds, setJobIds] = useState<string[]>([]);
  const [employeeIds, setEmployeeIds] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setError(null);
    try {
      const result = await distribute.mutateAsync({ id: q.id, version: q.version, population: { departmentIds, jobIds, employeeIds } });
      notifications.show({ color: 'teal', message: `${result.invited} ${result.invited === 1 ? 'person' : 'people'} invited.` });
      setDepartmentIds([]), setJobIds([]), setEmployeeIds([]);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Stack>
      {q.status === 'closed' ? <Alert color="gray">The questionnaire is closed; it cannot be sent to anyone else.</Alert> : (
        <Card withBorder>
          <Text size="sm" c="dimmed" mb="xs">
            {q.status === 'draft' ? 'Distributing opens the questionnaire and freezes its questions.' : 'Adding a population invites only the people not invited yet.'} Terminated and archived people are left out.
          </Text>
          <SimpleGrid cols={3}>
            <MultiSelect label="Departments (with their sub-departments)" data={(departments.data?.rows ?? []).map((d) => ({ value: d.id, label: d.name }))} value={departmentIds} onChange={setDepartmentIds} searchable limit={100} />
            <MultiSelect label="Jobs" data={(jobs.data?.rows ?? []).map((j) => ({ value: j.id, label: j.level ? `${j.title} (${j.level})` : j.title }))} value={jobIds} onChange={setJobIds} searchable limit={100} />
            <EmployeeMultiPicker label="People" value={employeeIds} onChange={setEmployeeIds} />
          </SimpleGrid>
          <Button mt="md" onClick={submit} loading={distribute.isPending} data-testid="distribute">{q.status === 'draft' ? 'Distribute and open' : 'Invite these people too'}</Button>
          <ErrorAlert error={error} testId="distribute-error" />
        </Card>
      )}
      <InvitationsTable questionnaire={q} />
    </Stack>
  );
}

/** Everyone invited and whether they responded (with their relationship to the subject, for a 360). */
export function InvitationsTable({ questionnaire: q }: { questionnaire: Questionnaire }) {
  const invitations = useApi('reviews.listInvitations', { questionnaireId: q.id });
  const rows = invitations.data?.rows ?? [];
  const is360 = q.kind === 'feedback_360';
  return (
    <Card withBorder p={0}>
      <Text fw={600} p="sm">{rows.length} invited · {rows.filter((r) => r.responded).length} responded</Text>
      <ScrollArea.Autosize mah={480}>
        <Table fz="sm" striped data-testid="invitations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Person</Table.Th><Table.Th>Number</Table.Th>{is360 && <Table.Th>Relationship</Table.Th>}<Table.Th>Department</Table.Th><Table.Th>Invited</Table.Th><Table.Th>Response</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.employeeName}</Table.Td><Table.Td>{r.employeeNumber}</Table.Td>
                {is360 && <Table.Td>{r.relationship ? RATER_LABELS[r.relationship] : '—'}</Table.Td>}
                <Table.Td>{r.departmentName ?? '—'}</Table.Td><Table.Td>{dayOf(r.invitedAt)}</Table.Td>
                <Table.Td>{r.responded ? <Badge color="teal" variant="light">Responded{r.respondedAt ? ` ${dayOf(r.respondedAt)}` : ''}</Badge> : <Badge color="gray" variant="light">Waiting</Badge>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Card>
  );
}
