import { Alert, Anchor, Badge, Breadcrumbs, Button, Card, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { Link, useParams } from 'react-router-dom';
import { EMPLOYEE_STATUS_LABELS, type AssignmentStep } from '../../../src-shared/api';
import { ASSIGNMENT_FIELD_LABELS } from '../../../src-shared/domain/organisation';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { AuditChanges, localDateTime } from '../admin/AuditChanges';
import { EmployeeGoalsPanel } from '../goals/EmployeeGoalsPanel';
import { JournalPanel } from '../reviews/journal/JournalPanel';
import { EmployeeReviewsPanel } from '../reviews/review/EmployeeReviewsPanel';
import { EmployeeSkillsPanel } from '../skills/profile/EmployeeSkillsPanel';
import { EmployeeSuccessionPanel } from '../succession/EmployeeSuccessionPanel';
import { EmployeeFormModal } from './EmployeeFormModal';

export function EmployeePage() {
  const { id = '' } = useParams();
  const detail = useApi('people.getEmployee', { id });
  const changes = useApi('admin.listAuditEvents', { entity: 'employee', entityId: id, limit: 10 });
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
          <Button onClick={open} data-testid="employee-edit">Edit</Button>
        </Group>
      </Group>
      <Card withBorder>
        <SimpleGrid cols={3}>
          {field('Employee number', e.employeeNumber)}
          {field('Email', e.email)}
          {field('Hire date', e.hireDate)}
          {(e.status === 'terminated' || e.terminationDate) && field('Termination date', e.terminationDate ?? 'not recorded')}
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
        <OrganisationHistory steps={info.history} />
      </Card>
      <Card withBorder>
        <Group justify="space-between" mb="xs">
          <Title order={4}>Recent changes</Title>
          <Anchor component={Link} to={`/admin/audit?entity=employee&entityId=${e.id}`} size="sm" data-testid="employee-audit-link">
            All changes in the audit log{changes.data ? ` (${changes.data.total})` : ''}
          </Anchor>
        </Group>
        <Table striped fz="sm" data-testid="employee-changes">
          <Table.Thead><Table.Tr><Table.Th w={150}>When</Table.Th><Table.Th w={140}>Who</Table.Th><Table.Th w={100}>Action</Table.Th><Table.Th>What</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {(changes.data?.rows ?? []).map((event) => (
              <Table.Tr key={event.id}>
                <Table.Td>{localDateTime(event.at)}</Table.Td>
                <Table.Td>{event.actor}</Table.Td>
                <Table.Td>{event.actionLabel}</Table.Td>
                <Table.Td><AuditChanges changes={event.changes} /></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <EmployeeFormModal opened={editing} onClose={close} employee={e} />
    </Stack>
  );
}

/** Where the person was over time, newest first, the references that changed in bold. */
function OrganisationHistory({ steps }: { steps: AssignmentStep[] }) {
  const cell = (step: AssignmentStep, field: AssignmentStep['changed'][number], value: string | null) => (
    <Table.Td fw={step.changed.includes(field) ? 700 : undefined}>{value ?? '—'}</Table.Td>
  );
  return (
    <>
      <Title order={4} mb={2}>Organisation history</Title>
      <Text size="sm" c="dimmed" mb="xs">Department, job, manager and position from the day each change took effect.</Text>
      <Table striped fz="sm" data-testid="organisation-history">
        <Table.Thead>
          <Table.Tr><Table.Th>From</Table.Th><Table.Th>Change</Table.Th><Table.Th>Department</Table.Th><Table.Th>Job</Table.Th><Table.Th>Manager</Table.Th><Table.Th>Position</Table.Th><Table.Th>Recorded</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...steps].reverse().map((step) => (
            <Table.Tr key={`${step.effectiveDate}-${step.recordedAt}`}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{step.effectiveDate}</Table.Td>
              <Table.Td>{step.changed.length === 0 ? 'Hired' : step.changed.map((f) => ASSIGNMENT_FIELD_LABELS[f]).join(', ')}</Table.Td>
              {cell(step, 'departmentId', step.departmentName)}
              {cell(step, 'jobId', step.jobTitle)}
              {cell(step, 'managerId', step.managerName)}
              {cell(step, 'positionId', step.positionTitle)}
              <Table.Td><Text size="xs" c="dimmed">{localDateTime(step.recordedAt)} · {step.recordedBy}</Text></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
