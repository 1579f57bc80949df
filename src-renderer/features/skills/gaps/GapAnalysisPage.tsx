import { Alert, Button, Loader, Stack } from '@mantine/core';
import { useRef, useState } from 'react';
import { useApi } from '../../../api/hooks';
import { PageHeader } from '../../shared/PageHeader';
import { DateField, useDateField } from './DateField';
import { GapPeopleDrawer, type GapDrill } from './GapPeopleDrawer';
import { HeatmapSection } from './HeatmapSection';
import { OrgSummary, exportSummary } from './OrgSummary';

/** Where the organisation falls short of its jobs' skill requirements, down to each person. */
export function GapAnalysisPage() {
  const asOf = useDateField();
  const summary = useApi('skills.getOrgGapSummary', { asOf: asOf.value, limit: 10 });
  const [drill, setDrill] = useState<GapDrill | null>(null);
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const heatmapRef = useRef<HTMLDivElement>(null);

  function showDepartment(id: string) {
    setDepartmentId(id);
    heatmapRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  return (
    <Stack pb="xl">
      <PageHeader
        title="Gap analysis"
        description="Each person's skill levels against the requirements of their job, on one date."
        actions={
          <>
            <DateField field={asOf} label="As of" testId="gaps-as-of" />
            <Button variant="default" style={{ alignSelf: 'flex-end' }} disabled={!summary.data} onClick={() => summary.data && void exportSummary(summary.data)}>
              Export summary
            </Button>
          </>
        }
      />
      {summary.isLoading && <Loader />}
      {summary.error && <Alert color="red">{summary.error.message}</Alert>}
      {summary.data && <OrgSummary summary={summary.data} onSkill={(skillId) => setDrill({ skillId })} onDepartment={showDepartment} />}
      <div ref={heatmapRef}>
        <HeatmapSection
          asOf={asOf.value}
          departmentId={departmentId}
          onDepartmentChange={setDepartmentId}
          onOpenSkill={(skillId, id, name) => setDrill({ skillId, departmentId: id, departmentName: name })}
        />
      </div>
      <GapPeopleDrawer drill={drill} asOf={asOf.value} onClose={() => setDrill(null)} />
    </Stack>
  );
}
