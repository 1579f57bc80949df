import { Switch, Tabs } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { FullHeightPage, PageHeader } from '../../shared/PageHeader';
import { RatingModelsTab } from './RatingModelsTab';
import { SkillsTab } from './SkillsTab';
import { SkillTypesTab } from './SkillTypesTab';

const TABS = ['skills', 'types', 'models'] as const;
type Tab = (typeof TABS)[number];
const FILL = { flex: 1, minHeight: 0 };

/** The skill repository: skills, their types and the rating models they are rated on. */
export function SkillsRepositoryPage() {
  const [params, setParams] = useSearchParams();
  const [showArchived, setShowArchived] = useState(false);
  const tab: Tab = TABS.find((t) => t === params.get('tab')) ?? 'skills';
  return (
    <FullHeightPage
      header={
        <PageHeader
          title="Skill repository"
          description="The skills Canopy knows, grouped by type and rated on a rating model. Job requirements, employee levels and gap analysis all refer to them."
          actions={<Switch label="Show archived" checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} />}
        />
      }
    >
      <Tabs
        value={tab}
        onChange={(value) => setParams({ tab: value ?? 'skills' }, { replace: true })}
        keepMounted={false}
        style={{ height: '100%', display: 'flex', flexDirection: 'column' }}
      >
        <Tabs.List mb="sm">
          <Tabs.Tab value="skills">Skills</Tabs.Tab>
          <Tabs.Tab value="types">Skill types</Tabs.Tab>
          <Tabs.Tab value="models">Rating models</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="skills" style={FILL}>
          <SkillsTab showArchived={showArchived} />
        </Tabs.Panel>
        <Tabs.Panel value="types" style={FILL}>
          <SkillTypesTab showArchived={showArchived} />
        </Tabs.Panel>
        <Tabs.Panel value="models" style={FILL}>
          <RatingModelsTab showArchived={showArchived} />
        </Tabs.Panel>
      </Tabs>
    </FullHeightPage>
  );
}
