import { Alert, Button, Card, Group, Loader, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Heatmap as HeatmapData } from '../../../../src-shared/api';
import { useApi } from '../../../api/hooks';
import { usePeopleReferences } from '../../people/options';
import { useSkillReferences } from '../shared/useSkillReferences';
import { exportGapPdf } from './exportPdf';
import { exportXlsx } from './exportXlsx';
import { formatGap } from './GapBar';
import { Heatmap, HeatmapLegend } from './Heatmap';

interface HeatmapSectionProps {
  asOf: string;
  departmentId: string | null;
  onDepartmentChange: (departmentId: string | null) => void;
  onOpenSkill: (skillId: string, departmentId: string, departmentName: string) => void;
}

/** A department's people against the skills their jobs require. */
export function HeatmapSection({ asOf, departmentId, onDepartmentChange, onOpenSkill }: HeatmapSectionProps) {
  const navigate = useNavigate();
  const people = usePeopleReferences();
  const refs = useSkillReferences();
  const [includeSub, setIncludeSub] = useState(true);
  const [skillTypeId, setSkillTypeId] = useState<string | null>(null);
  const heatmap = useApi(
    'skills.getHeatmap',
    { departmentId: departmentId ?? '', includeSubdepartments: includeSub, asOf, ...(skillTypeId ? { skillTypeId } : {}) },
    { enabled: departmentId !== null },
  );
  const departmentName = people.departments.find((d) => d.value === departmentId)?.label ?? '';

  return (
    <Card withBorder>
      <Group justify="space-between" align="flex-end" mb="sm">
        <Title order={4}>Department heatmap</Title>
        <Group align="flex-end">
          <Select
            label="Department"
            placeholder="Pick a department"
            searchable
            limit={200}
            w={300}
            data={people.departments}
            value={departmentId}
            onChange={onDepartmentChange}
            data-testid="heatmap-department"
          />
          <Switch label="Include sub-departments" checked={includeSub} onChange={(e) => setIncludeSub(e.currentTarget.checked)} mb={8} />
          <Select label="Skill type" placeholder="All skill types" clearable w={200} data={refs.skillTypeOptions} value={skillTypeId} onChange={setSkillTypeId} />
          <Button variant="default" disabled={!heatmap.data} onClick={() => heatmap.data && void exportHeatmap(heatmap.data, departmentName)}>
            Export XLSX
          </Button>
          <Button
            variant="default"
            disabled={!heatmap.data || departmentId === null}
            onClick={() =>
              departmentId !== null &&
              void exportGapPdf({ report: 'heatmap', departmentId, includeSubdepartments: includeSub, asOf, ...(skillTypeId ? { skillTypeId } : {}) })
            }
            data-testid="heatmap-pdf"
          >
            Export PDF
          </Button>
        </Group>
      </Group>
      {departmentId === null && <Text c="dimmed" size="sm">Pick a department, or click one in the table above.</Text>}
      {heatmap.isLoading && <Loader size="sm" />}
      {heatmap.error && <Alert color="red">{heatmap.error.message}</Alert>}
      {heatmap.data && heatmap.data.cells.length === 0 && (
        <Text c="dimmed" size="sm">No one here holds a job with skill requirements{skillTypeId ? ' of this type' : ''}.</Text>
      )}
      {heatmap.data && heatmap.data.cells.length > 0 && (
        <Stack gap="xs">
          <Heatmap
            data={heatmap.data}
            height={Math.min(560, 150 + 24 * heatmap.data.employees.length + 16)}
            levelLabel={refs.levelLabel}
            onOpenPerson={(id) => navigate(`/people/employees/${id}`)}
            onOpenSkill={(skillId) => onOpenSkill(skillId, departmentId!, departmentName)}
          />
          <Group justify="space-between">
            <HeatmapLegend />
            <Text size="xs" c="dimmed">Click a cell for the person, a skill name for who is short of it; arrows and Enter work too.</Text>
          </Group>
        </Stack>
      )}
    </Card>
  );
}

function exportHeatmap(data: HeatmapData, departmentName: string) {
  const gaps = new Map(data.cells.map((cell) => [`${cell.employeeId}|${cell.skillId}`, Number(formatGap(cell.gap))]));
  return exportXlsx(
    `Skill gaps ${departmentName} ${data.asOf}`,
    ['Employee', 'Job', ...data.skills.map((skill) => skill.name)],
    data.employees.map((employee) => [
      employee.name,
      employee.jobTitle,
      ...data.skills.map((skill) => gaps.get(`${employee.id}|${skill.id}`) ?? null),
    ]),
  );
}
