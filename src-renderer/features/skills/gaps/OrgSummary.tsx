import { Anchor, Button, Card, Group, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import type { OrgGapSummary } from '../../../../src-shared/api';
import { usePeopleReferences } from '../../people/options';
import { exportGapPdf } from './exportPdf';
import { exportXlsx } from './exportXlsx';
import { GapBar, formatGap, formatPercent } from './GapBar';

interface OrgSummaryProps {
  summary: OrgGapSummary;
  onSkill: (skillId: string) => void;
  onDepartment: (departmentId: string) => void;
}

/** Coverage of every job requirement in the organisation, and where the largest gaps are. */
export function OrgSummary({ summary, onSkill, onDepartment }: OrgSummaryProps) {
  // Same-named teams are told apart by their parent, as in the department pickers.
  const { departments } = usePeopleReferences();
  const labels = useMemo(() => new Map(departments.map((d) => [d.value, d.label])), [departments]);
  return (
    <Stack data-testid="org-gap-summary">
      <Card withBorder>
        <Group align="center" gap="xl">
          <Stack gap={0}>
            <Text size="xs" c="dimmed">Coverage</Text>
            <Text fz={28} fw={700} data-testid="org-coverage">{formatPercent(summary.coverage)}</Text>
          </Stack>
          <Stack gap={4} style={{ flex: 1 }}>
            <Progress value={summary.coverage} color="teal" size="lg" aria-label="Requirements met" />
            <Text size="sm" c="dimmed">
              {summary.met.toLocaleString()} of {summary.requirements.toLocaleString()} requirements met (each person × each skill their job requires)
            </Text>
          </Stack>
          <Button variant="default" onClick={() => void exportGapPdf({ report: 'organisation', asOf: summary.asOf })} data-testid="org-gap-pdf">
            Export PDF
          </Button>
        </Group>
      </Card>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card withBorder>
          <Title order={5} mb="xs">Largest gaps by skill</Title>
          <Table fz="sm" highlightOnHover data-testid="top-skills">
            <Table.Thead>
              <Table.Tr><Table.Th>Skill</Table.Th><Table.Th>Required of</Table.Th><Table.Th>Short</Table.Th><Table.Th>Average gap</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {summary.topSkills.map((skill) => (
                <Table.Tr key={skill.skillId}>
                  <Table.Td><Anchor component="button" size="sm" ta="left" onClick={() => onSkill(skill.skillId)}>{skill.name}</Anchor></Table.Td>
                  <Table.Td>{skill.requirements}</Table.Td>
                  <Table.Td>{skill.unmet}</Table.Td>
                  <Table.Td><GapBar gap={skill.averageGap} width={90} /></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {summary.topSkills.length === 0 && <Text size="sm" c="dimmed">No job requires a skill yet.</Text>}
        </Card>
        <Card withBorder>
          <Title order={5} mb="xs">Departments with the most unmet requirements</Title>
          <Table fz="sm" highlightOnHover data-testid="top-departments">
            <Table.Thead>
              <Table.Tr><Table.Th>Department</Table.Th><Table.Th>Requirements</Table.Th><Table.Th>Unmet</Table.Th><Table.Th>Coverage</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {summary.topDepartments.map((department) => (
                <Table.Tr key={department.departmentId}>
                  <Table.Td>
                    <Anchor component="button" size="sm" ta="left" title="Show this department in the heatmap" onClick={() => onDepartment(department.departmentId)}>
                      {labels.get(department.departmentId) ?? department.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{department.requirements}</Table.Td>
                  <Table.Td>{department.unmet}</Table.Td>
                  <Table.Td>{formatPercent(department.coverage)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {summary.topDepartments.length === 0 && <Text size="sm" c="dimmed">No department has requirements yet.</Text>}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}

/** Both tables in one sheet: a skill row has an average gap, a department row a coverage. */
export function exportSummary(summary: OrgGapSummary) {
  const metShare = (requirements: number, unmet: number) => (requirements ? Math.round((100 * (requirements - unmet)) / requirements) : 100);
  return exportXlsx(
    `Skill gap summary ${summary.asOf}`,
    ['Group', 'Name', 'Requirements', 'Unmet', 'Met %', 'Average gap (0–1)'],
    [
      ['Organisation', 'All', summary.requirements, summary.requirements - summary.met, Math.round(summary.coverage), null],
      ...summary.topSkills.map((s) => ['Skill', s.name, s.requirements, s.unmet, metShare(s.requirements, s.unmet), Number(formatGap(s.averageGap))]),
      ...summary.topDepartments.map((d) => ['Department', d.name, d.requirements, d.unmet, Math.round(d.coverage), null]),
    ],
  );
}
