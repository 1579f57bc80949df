import { Alert, Anchor, Button, Card, Group, Loader, NumberInput, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useApi, useApiMutation } from '../../api/hooks';
import { AREAS } from '../../app/areas';

export function HomePage() {
  const status = useApi('admin.getDatabaseStatus', {});
  if (status.isLoading) return <Loader />;
  if (status.error) return <Alert color="red" title="Canopy cannot read its database">{status.error.message}</Alert>;
  return status.data!.isEmpty ? <Welcome /> : <Overview counts={status.data!.counts} />;
}

/** First run on an empty file: three ways to start. */
function Welcome() {
  const navigate = useNavigate();
  const [size, setSize] = useState<number | string>(500);
  const load = useApiMutation('admin.loadDemoOrganisation');
  async function loadDemo() {
    try {
      const counts = await load.mutateAsync({ employees: Number(size) || 500 });
      notifications.show({ color: 'teal', message: `Demo organisation loaded: ${counts.employees} employees in ${counts.departments} departments.` });
      navigate('/people/employees');
    } catch (error) {
      notifications.show({ color: 'red', message: (error as Error).message });
    }
  }
  return (
    <Stack maw={980}>
      <Title order={1} size="h2">Welcome to Canopy</Title>
      <Text c="dimmed">This database is empty. How would you like to start?</Text>
      <SimpleGrid cols={3} data-testid="welcome">
        <Card withBorder>
          <Title order={4}>Start empty</Title>
          <Text size="sm" my="sm">Build your organisation by hand: departments, jobs, positions, then people.</Text>
          <Button variant="default" component={Link} to="/people/departments">Start with departments</Button>
        </Card>
        <Card withBorder>
          <Title order={4}>Load the demo organisation</Title>
          <Text size="sm" my="sm">A realistic fictional company to explore every screen. Only for empty databases.</Text>
          <Group align="flex-end">
            <NumberInput label="Employees" value={size} onChange={setSize} min={10} max={50000} step={100} w={120} />
            <Button onClick={loadDemo} loading={load.isPending} data-testid="load-demo">Load demo</Button>
          </Group>
        </Card>
        <Card withBorder>
          <Title order={4}>Import a file</Title>
          <Text size="sm" my="sm">Bring employees, with their departments, jobs and positions, from CSV or Excel.</Text>
          <Button variant="default" component={Link} to="/people/import">Import employees</Button>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}

function Overview({ counts }: { counts: Record<'departments' | 'jobs' | 'positions' | 'employees', number> }) {
  const tiles = [
    { label: 'Employees', value: counts.employees, to: '/people/employees' },
    { label: 'Departments', value: counts.departments, to: '/people/departments' },
    { label: 'Jobs', value: counts.jobs, to: '/people/jobs' },
    { label: 'Positions', value: counts.positions, to: '/people/positions' },
  ];
  const notBuilt = AREAS.filter((area) => !area.built).map((area) => area.label.toLowerCase());
  return (
    <Stack maw={980}>
      <Title order={1} size="h2">Organisation</Title>
      <SimpleGrid cols={4}>
        {tiles.map((tile) => (
          <Card key={tile.label} withBorder component={Link} to={tile.to}>
            <Text size="sm" c="dimmed">{tile.label}</Text>
            <Text fz={28} fw={700}>{tile.value.toLocaleString()}</Text>
          </Card>
        ))}
      </SimpleGrid>
      <InFlight />
      {notBuilt.length > 0 && (
        <Text size="sm" c="dimmed">
          Not built yet: {notBuilt.join(', ')}; their pages say what they will cover.
        </Text>
      )}
    </Stack>
  );
}

/** What is running now: active review cycles and open questionnaires, each with how far along it is. */
function InFlight() {
  const cycles = useApi('reviews.listCycles', {});
  const questionnaires = useApi('reviews.listQuestionnaires', {});
  const active = (cycles.data?.rows ?? []).filter((c) => c.status === 'active');
  const open = (questionnaires.data?.rows ?? []).filter((q) => q.status === 'open');
  if (!active.length && !open.length) return null;
  return (
    <Card withBorder data-testid="in-flight">
      <Title order={4} mb="xs">In progress</Title>
      <Stack gap="sm">
        {active.map((cycle) => (
          <Progressing key={cycle.id} to={`/reviews/cycles/${cycle.id}`} title={cycle.name} detail={`review cycle · due ${cycle.dueDate}`} done={cycle.completeCount} total={cycle.reviewCount} unit="complete" />
        ))}
        {open.map((q) => (
          <Progressing key={q.id} to={`/reviews/questionnaires/${q.id}`} title={q.name} detail={q.anonymous ? 'anonymous questionnaire' : 'questionnaire'} done={q.responded} total={q.invited} unit="responded" />
        ))}
      </Stack>
    </Card>
  );
}

function Progressing({ to, title, detail, done, total, unit }: { to: string; title: string; detail: string; done: number; total: number; unit: string }) {
  const percent = total ? Math.round((done / total) * 100) : 0;
  return (
    <Group justify="space-between" wrap="nowrap">
      <div>
        <Anchor component={Link} to={to} fw={500}>{title}</Anchor>
        <Text size="xs" c="dimmed">{detail}</Text>
      </div>
      <Group gap="xs" wrap="nowrap" w={380} justify="flex-end">
        <Progress value={percent} w={160} aria-label={`${title}: ${percent}% done`} />
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{done.toLocaleString()} of {total.toLocaleString()} {unit}</Text>
      </Group>
    </Group>
  );
}
