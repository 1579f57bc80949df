import { Alert, Button, Card, Group, Loader, NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useApi, useApiMutation } from '../../api/hooks';

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
      <Title order={2}>Welcome to Canopy</Title>
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
  return (
    <Stack maw={980}>
      <Title order={2}>Organisation</Title>
      <SimpleGrid cols={4}>
        {tiles.map((tile) => (
          <Card key={tile.label} withBorder component={Link} to={tile.to}>
            <Text size="sm" c="dimmed">{tile.label}</Text>
            <Text fz={28} fw={700}>{tile.value.toLocaleString()}</Text>
          </Card>
        ))}
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        Reviews, calibration, careers, succession and learning are not built yet; their pages say what they will cover.
      </Text>
    </Stack>
  );
}
