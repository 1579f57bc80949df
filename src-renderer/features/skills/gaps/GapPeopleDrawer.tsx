import { Alert, Anchor, Drawer, Loader, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useApi } from '../../../api/hooks';
import { useSkillReferences } from '../shared/useSkillReferences';
import { GapTable } from '../shared/GapTable';

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
        <GapTable
          testId="gap-people"
          leadHeaders={['Name', 'Department', 'Job']}
          gapWidth={80}
          rows={rows.map((row) => ({
            key: row.employeeId,
            lead: [
              <Anchor component={Link} to={`/people/employees/${row.employeeId}`} size="sm" style={{ whiteSpace: 'nowrap' }}>{row.name}</Anchor>,
              row.departmentName,
              row.jobTitle,
            ],
            required: refs.levelLabel(drill.skillId, row.requiredLevel),
            current: row.currentLevel === null ? null : refs.levelLabel(drill.skillId, row.currentLevel),
            gap: row.gap,
          }))}
        />
      )}
    </Stack>
  );
}
