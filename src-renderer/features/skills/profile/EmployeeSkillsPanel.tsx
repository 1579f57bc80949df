import { Alert, Button, Card, Group, Loader, Modal, Select, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { DataGrid } from '../../../grid';
import { exportGrid } from '../../shared/grid-adapters';
import { DateField, useDateField } from '../gaps/DateField';
import { PersonGapCard } from './PersonGapCard';
import { RecordLevelForm } from './RecordLevelForm';
import { SkillHistoryDrawer } from './SkillHistoryDrawer';
import { SOURCE_OPTIONS, useSkillGrid, type RecordDefaults, type SkillSource } from './useSkillGrid';

/** The employee's skill profile on a date, where levels and targets are recorded, and their gap. */
export function EmployeeSkillsPanel({ employeeId }: { employeeId: string }) {
  const asOf = useDateField();
  const recordDate = useDateField();
  const [source, setSource] = useState<SkillSource>('manager');
  const defaults: RecordDefaults = { effectiveDate: recordDate.value, source };
  const grid = useSkillGrid(employeeId, asOf.value, defaults);
  const [adding, { open: openAdd, close: closeAdd }] = useDisclosure(false);
  const [historyOf, setHistoryOf] = useState<string | null>(null);

  const recordControls = (
    <Group gap={6} wrap="nowrap">
      <Text size="xs" c="dimmed">New levels from</Text>
      <DateField field={recordDate} label="Effective date of new levels" size="xs" hiddenLabel testId="record-date" />
      <Text size="xs" c="dimmed">by</Text>
      <Select size="xs" w={120} aria-label="Source of new levels" data={SOURCE_OPTIONS} value={source} allowDeselect={false} onChange={(v) => v && setSource(v as SkillSource)} data-testid="record-source" />
      <Button size="xs" onClick={openAdd} data-testid="add-skill">Add skill</Button>
    </Group>
  );

  return (
    <Stack data-testid="employee-skills">
      <Card withBorder>
        <Group justify="space-between" align="flex-end" mb="xs">
          <Group gap="xs">
            <Title order={4}>Skills</Title>
            {grid.loading && <Loader size="xs" />}
          </Group>
          <DateField field={asOf} label="As of" testId="skills-as-of" />
        </Group>
        {grid.error && <Alert color="red" mb="xs">{grid.error.message}</Alert>}
        <DataGrid
          gridId="employee-skills"
          rowNoun={{ one: 'skill', other: 'skills' }}
          viewKey={`${employeeId}|${asOf.value}`}
          height={420}
          columns={grid.columns}
          rows={grid.rows}
          onSave={grid.onSave}
          onOpenRow={(row) => setHistoryOf(row.id)}
          onExport={(format, rows, columns) => exportGrid('Skills', format, rows, columns)}
          toolbarExtra={recordControls}
        />
        <Text size="xs" c="dimmed" mt={6}>
          A changed level is recorded from the date and source in the toolbar; changing the other cells corrects the entry shown. Open a row (↗) for its history.
        </Text>
      </Card>
      <PersonGapCard employeeId={employeeId} asOf={asOf.value} />
      <Modal opened={adding} onClose={closeAdd} title="Add a skill">
        <RecordLevelForm employeeId={employeeId} defaults={defaults} onRecorded={closeAdd} />
      </Modal>
      <SkillHistoryDrawer employeeId={employeeId} skillId={historyOf} defaults={defaults} onClose={() => setHistoryOf(null)} />
    </Stack>
  );
}
