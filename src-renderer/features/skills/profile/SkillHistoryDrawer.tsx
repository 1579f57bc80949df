import { Alert, Drawer, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { SKILL_SOURCE_LABELS } from '../../../../src-shared/api';
import { useApi } from '../../../api/hooks';
import { useSkillReferences } from '../shared/useSkillReferences';
import { RecordLevelForm } from './RecordLevelForm';
import type { RecordDefaults } from './useSkillGrid';

interface SkillHistoryDrawerProps {
  employeeId: string;
  /** The skill whose history is open; null closes the drawer. */
  skillId: string | null;
  defaults: RecordDefaults;
  onClose: () => void;
}

/** One skill of one person: record a level with that skill's own levels, and every entry so far. */
export function SkillHistoryDrawer({ employeeId, skillId, defaults, onClose }: SkillHistoryDrawerProps) {
  const refs = useSkillReferences();
  return (
    <Drawer opened={skillId !== null} onClose={onClose} position="right" size="xl" title={<Title order={4}>{skillId ? refs.skillById.get(skillId)?.name : ''}</Title>}>
      {skillId && (
        <Stack>
          <RecordLevelForm key={skillId} employeeId={employeeId} skillId={skillId} defaults={defaults} />
          <Title order={5}>History</Title>
          <HistoryTable employeeId={employeeId} skillId={skillId} />
        </Stack>
      )}
    </Drawer>
  );
}

function HistoryTable({ employeeId, skillId }: { employeeId: string; skillId: string }) {
  const refs = useSkillReferences();
  const history = useApi('skills.getSkillHistory', { employeeId, skillId });
  if (history.isLoading) return <Loader size="sm" />;
  if (history.error) return <Alert color="red">{history.error.message}</Alert>;
  const rows = [...(history.data?.rows ?? [])].sort(
    (a, b) => b.effectiveDate.localeCompare(a.effectiveDate) || b.recordedAt.localeCompare(a.recordedAt),
  );
  if (rows.length === 0) return <Text c="dimmed" size="sm">No level recorded yet.</Text>;
  return (
    <Table striped fz="sm" data-testid="skill-history" style={{ whiteSpace: 'nowrap' }}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Effective</Table.Th>
          <Table.Th>Level</Table.Th>
          <Table.Th>Source</Table.Th>
          <Table.Th>Verified by</Table.Th>
          <Table.Th>Notes</Table.Th>
          <Table.Th>Recorded</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((entry) => (
          <Table.Tr key={entry.id}>
            <Table.Td>{entry.effectiveDate}</Table.Td>
            <Table.Td>{entry.level === null ? <Text span c="dimmed" size="sm">No longer applies</Text> : refs.levelLabel(skillId, entry.level)}</Table.Td>
            <Table.Td>{SKILL_SOURCE_LABELS[entry.source]}</Table.Td>
            <Table.Td>{entry.verifiedBy}</Table.Td>
            <Table.Td style={{ whiteSpace: 'normal' }}>{entry.notes}</Table.Td>
            <Table.Td>
              <Text size="xs" c="dimmed">{entry.recordedAt.replace('T', ' ').slice(0, 16)} · {entry.recordedBy}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
