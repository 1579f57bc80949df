import { Alert, Anchor, Badge, Breadcrumbs, Button, Card, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { Link, useParams } from 'react-router-dom';
import { EMPLOYEE_STATUS_LABELS } from '../../../src-shared/api';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { EmployeeGoalsPanel } from '../goals/EmployeeGoalsPanel';
import { JournalPanel } from '../reviews/journal/JournalPanel';
import { EmployeeReviewsPanel } from '../reviews/review/EmployeeReviewsPanel';
import { EmployeeSkillsPanel } from '../skills/profile/EmployeeSkillsPanel';
import { EmployeeSuccessionPanel } from '../succession/EmployeeSuccessionPanel';
import { EmployeeFormModal } from './EmployeeFormModal';

export function EmployeePage() {
  const { id = '' } = useParams();
  const detail = useApi('people.getEmployee', { id });
  const history = useApi('admin.listAuditEvents', { entityId: id, limit: 50 });
  const [editing, { open, close }] = useDisclosure(false);
  if (detail.isLoading) return <Loader />;
  if (detail.error) return <Alert color="red">{detail.error.message}</Alert>;
  const { employee: e, ...info } = detail.data!;

  async function toggleArchive() {
    try {
      await call('people.archiveEmployees', { ids: [e.id], archived: !e.archived });
      notifications.show({ color: 'teal', message: e.archived ? 'Employee restored.' : 'Employee archived.' });
    } catch (error) {
      notifications.show({ color: 'red', message: (error as Error).message });
    }
  }

  const field = (label: string, value: React.ReactNode) => (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text>{value || '—'}</Text>
    </div>
  );
  return (
    <Stack maw={1000}>
      <Breadcrumbs>
        <Anchor component={Link} to="/people/employees">Employees</Anchor>
        {info.reportingChain.slice().reverse().map((m) => (
          <Anchor key={m.id} component={Link} to={`/people/employees/${m.id}`}>{m.name}</Anchor>
        ))}
        <Text>{e.firstName} {e.lastName}</Text>
      </Breadcrumbs>
      <Group justify="space-between">
        <Group>
          <Title order={1} size="h2" data-testid="employee-name">{e.firstName} {e.lastName}</Title>
          <Badge color={e.status === 'active' ? 'teal' : e.status === 'on_leave' ? 'yellow' : 'gray'}>{EMPLOYEE_STATUS_LABELS[e.status]}</Badge>
          {e.archived && <Badge color="gray" variant="outline">Archived</Badge>}
        </Group>
        <Group>
          <Button variant="default" onClick={toggleArchive}>{e.archived ? 'Restore' : 'Archive'}</Button>
          <Button onClick={open}>Edit</Button>
        </Group>
      </Group>
      <Card withBorder>
        <SimpleGrid cols={3}>
          {field('Employee number', e.employeeNumber)}
          {field('Email', e.email)}
          {field('Hire date', e.hireDate)}
          {field('Department', info.departmentName)}
          {field('Job', info.jobTitle)}
          {field('Position', info.positionTitle)}
          {field('Manager', e.managerId ? <Anchor component={Link} to={`/people/employees/${e.managerId}`}>{info.managerName}</Anchor> : null)}
          {field('Location', e.location)}
          {field('Record version', `${e.version} · updated ${e.updatedAt.slice(0, 10)}`)}
        </SimpleGrid>
      </Card>
      <Card withBorder>
        <Title order={4} mb="xs">Direct reports ({info.directReports.length})</Title>
        {info.directReports.length === 0 ? <Text c="dimmed" size="sm">No one reports to {e.firstName}.</Text> : (
          <Stack gap={4}>
            {info.directReports.map((r) => (
              <Text key={r.id} size="sm"><Anchor component={Link} to={`/people/employees/${r.id}`}>{r.name}</Anchor> <Text span c="dimmed">{r.jobTitle}</Text></Text>
            ))}
          </Stack>
        )}
      </Card>
      <Card withBorder>
        <EmployeeSkillsPanel employeeId={e.id} />
      </Card>
      <Card withBorder>
        <EmployeeGoalsPanel employeeId={e.id} />
      </Card>
      <Card withBorder>
        <EmployeeReviewsPanel employeeId={e.id} />
      </Card>
      <Card withBorder>
        <JournalPanel employeeId={e.id} />
      </Card>
      <Card withBorder>
        <EmployeeSuccessionPanel employeeId={e.id} />
      </Card>
      <Card withBorder>
        <Title order={4} mb="xs">Change history</Title>
        <Table striped fz="sm">
          <Table.Thead><Table.Tr><Table.Th>When</Table.Th><Table.Th>Who</Table.Th><Table.Th>What</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {(history.data?.rows ?? []).map((event) => (
              <Table.Tr key={event.id}>
                <Table.Td>{event.at.replace('T', ' ').slice(0, 16)}</Table.Td>
                <Table.Td>{event.actor}</Table.Td>
                <Table.Td>{event.action}{describeChange(event.before, event.after)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <EmployeeFormModal opened={editing} onClose={close} employee={e} />
    </Stack>
  );
}

/** "firstName: Ann → Anna" for the fields that changed. */
function describeChange(before: string | null, after: string | null): string {
  if (!before || !after) return '';
  const a = JSON.parse(before) as Record<string, unknown>;
  const b = JSON.parse(after) as Record<string, unknown>;
  const skip = new Set(['updatedAt', 'version', 'createdAt', 'id']);
  const changes = Object.keys(b).filter((k) => !skip.has(k) && k in a && a[k] !== b[k]).map((k) => `${k}: ${a[k] ?? '—'} → ${b[k] ?? '—'}`);
  return changes.length ? ` · ${changes.join('; ')}` : '';
}
