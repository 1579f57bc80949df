import { Grid } from '@mantine/core';
import { useState } from 'react';
import { SECTION_KIND_LABELS } from '../../../../src-shared/api';
import { useApi } from '../../../api/hooks';
import { PageHeader } from '../../shared/PageHeader';
import { EditorList } from '../EditorList';
import { TemplateEditor } from './TemplateEditor';

/** Review templates: weighted sections (goals, competencies, questions) and the steps a review goes through. */
export function TemplatesPage() {
  const [showArchived, setShowArchived] = useState(false);
  const templates = useApi('reviews.listTemplates', { includeArchived: showArchived || undefined });
  const [selected, setSelected] = useState<string | 'new' | null>(null);
  const template = templates.data?.rows.find((t) => t.id === selected);
  return (
    <>
      <PageHeader title="Review templates" description="What a review asks about and how much each part counts towards the overall rating. A cycle copies its template when it is launched." />
      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <EditorList
            testId="template-list"
            rows={templates.data?.rows}
            error={templates.error?.message}
            selectedId={selected}
            onSelect={setSelected}
            onNew={() => setSelected('new')}
            newLabel="New template"
            detail={(t) => t.sections.map((s) => `${s.title || SECTION_KIND_LABELS[s.kind]} ${s.weight}%`).join(' · ')}
            showArchived={showArchived}
            onShowArchived={setShowArchived}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {(selected === 'new' || template) && (
            <TemplateEditor key={template?.id ?? 'new'} template={template} onSaved={setSelected} />
          )}
        </Grid.Col>
      </Grid>
    </>
  );
}
