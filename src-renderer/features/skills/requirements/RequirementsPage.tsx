import { Button, Tabs } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useSearchParams } from 'react-router-dom';
import { FullHeightPage, PageHeader } from '../../shared/PageHeader';
import { CopyRequirementsModal } from './CopyRequirementsModal';
import { RequirementsGrid } from './RequirementsGrid';
import { SkillMatrix } from './SkillMatrix';

const FILL = { flex: 1, minHeight: 0 };

/** Which skills each job requires and at what level: as a matrix, or as a long list. */
export function RequirementsPage() {
  const [params, setParams] = useSearchParams();
  const [copying, { open, close }] = useDisclosure(false);
  const tab = params.get('tab') === 'list' ? 'list' : 'matrix';
  return (
    <FullHeightPage
      header={
        <PageHeader
          title="Job requirements"
          description="The level of each skill a job requires. Gap analysis compares people's levels with the requirements of their job."
          actions={<Button variant="default" onClick={open} data-testid="copy-requirements-open">Copy requirements…</Button>}
        />
      }
    >
      <Tabs
        value={tab}
        onChange={(value) => setParams({ tab: value ?? 'matrix' }, { replace: true })}
        keepMounted={false}
        style={{ height: '100%', display: 'flex', flexDirection: 'column' }}
      >
        <Tabs.List mb="sm">
          <Tabs.Tab value="matrix">Matrix</Tabs.Tab>
          <Tabs.Tab value="list">Long form</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="matrix" style={FILL}>
          <SkillMatrix />
        </Tabs.Panel>
        <Tabs.Panel value="list" style={FILL}>
          <RequirementsGrid />
        </Tabs.Panel>
      </Tabs>
      <CopyRequirementsModal opened={copying} onClose={close} />
    </FullHeightPage>
  );
}
