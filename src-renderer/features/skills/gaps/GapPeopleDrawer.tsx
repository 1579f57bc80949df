import { Alert, Anchor, Drawer, Loader, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useApi } from '../../../api/hooks';
import { useSkillReferences } from '../shared/useSkillReferences';
import { GapBar } from './GapBar';

/** Whose job requires a skill (optionally within one department), and how far each person is from it. */
export interface GapDrill {
  skillId: string;
  departmentId?: string;
  departmentName?: string;
}

export function GapPeopleDrawer({ drill, asOf, onClose }: { drill: GapDrill | null; asOf: string; onClose: () => void }) {
  const refs = useSkillReferences();
  const skillName = drill ? refs.skillById.get(drill.skillId)?.name ?? 'Skill' : '';
  return (
    <Drawer
      opened={drill !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={<Title order={4}>{skillName}{drill?.departmentName ? ` · ${drill.departmentName}` : ''}</Title>}
    >
      {drill && <GapPeople key={`${drill.skillId}:${drill.departmentId ?? ''}`} drill={drill} asOf={asOf} />}
    </Drawer>
  );
}

function GapPeople({ drill, asOf }: { drill: GapDrill; asOf: string }) {
  const refs = useSkillReferences();
  const [onlyUnmet, setOnlyUnmet] = useState(true);
  const people = useApi('skills.listGapPeople', {
    skillId: drill.skillId,
    onlyUnmet,
    asOf,
    ...(drill.departmentId ? { departmentId: drill.departmentId } : {}),
  });
  const rows = people.data?.rows ?? [];
  return (
    <Stack>
      <Switch label="Only people short of the required level" checked={onlyUnmet} onChange={(e) => setOnlyUnmet(e.currentTarget.checked)} />
      {people.isLoading && <Loader size="sm" />}
      {people.error && <Alert color="red">{people.error.message}</Alert>}
      {people.data && (
        <Text size="sm" c="dimmed">
          {rows.length} {rows.length === 1 ? 'person' : 'people'} as of {asOf}
        </Text>
      )}
      {rows.length > 0 && (
        <Table striped fz="sm" data-testid="gap-people">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Department</Table.Th>
              <Table.Th>Job</Table.Th>
              <Table.Th>Required</Table.Th>
              <Table.Th>Current</Table.Th>
              <Table.Th>Gap</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.employeeId}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Anchor component={Link} to={`/people/employees/${row.employeeId}`} size="sm">{row.name}</Anchor>
                </Table.Td>
                <Table.Td>{row.departmentName}</Table.Td>
                <Table.Td>{row.jobTitle}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{refs.levelLabel(drill.skillId, row.requiredLevel)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{row.currentLevel === null ? <Text span c="dimmed" size="sm">not rated</Text> : refs.levelLabel(drill.skillId, row.currentLevel)}</Table.Td>
                <Table.Td><GapBar gap={row.gap} width={80} /></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
