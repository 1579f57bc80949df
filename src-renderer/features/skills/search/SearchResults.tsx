import { Anchor, Group, Progress, ScrollArea, Table, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import type { Output, SkillSearchInput } from '../../../../src-shared/api';
import { formatPercent } from '../gaps/GapBar';
import { useSkillReferences } from '../shared/useSkillReferences';

type Result = Output<'skills.searchBySkills'>;

/** Ranked people with their match and, per criterion, the level they hold and whether it is enough. */
export function SearchResults({ result, criteria }: { result: Result; criteria: SkillSearchInput['criteria'] }) {
  const refs = useSkillReferences();
  if (result.rows.length === 0) return <Text c="dimmed">No one matches these filters.</Text>;
  return (
    <ScrollArea>
      <Text size="sm" c="dimmed" mb="xs" data-testid="search-count">
        {result.rows.length === result.total ? `${result.total} people` : `Best ${result.rows.length} of ${result.total} people`}, best match first
      </Text>
      <Table striped highlightOnHover fz="sm" data-testid="search-results">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Job</Table.Th>
            <Table.Th>Department</Table.Th>
            <Table.Th>Location</Table.Th>
            <Table.Th>Match</Table.Th>
            {criteria.map((c) => (
              <Table.Th key={c.skillId}>
                {refs.skillById.get(c.skillId)?.name}
                <Text size="xs" c="dimmed" fw={400}>≥ {refs.levelLabel(c.skillId, c.minLevel)}</Text>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.rows.map((row) => (
            <Table.Tr key={row.employeeId}>
              <Table.Td><Anchor component={Link} to={`/people/employees/${row.employeeId}`} size="sm">{row.name}</Anchor></Table.Td>
              <Table.Td>{row.jobTitle}</Table.Td>
              <Table.Td>{row.departmentName}</Table.Td>
              <Table.Td>{row.location}</Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Progress value={row.match} w={80} color={row.match >= 100 ? 'teal' : row.match >= 60 ? 'yellow' : 'red'} aria-label="Match" />
                  <Text size="xs">{formatPercent(row.match)}</Text>
                </Group>
              </Table.Td>
              {criteria.map((c) => {
                const held = row.levels.find((l) => l.skillId === c.skillId);
                return (
                  <Table.Td key={c.skillId}>
                    <Text size="sm" c={held?.meets ? 'teal.8' : 'red.8'} style={{ whiteSpace: 'nowrap' }}>
                      <span aria-label={held?.meets ? 'meets' : 'below'}>{held?.meets ? '✓' : '✗'}</span>{' '}
                      {held?.level ? refs.levelLabel(c.skillId, held.level) : 'not rated'}
                    </Text>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
