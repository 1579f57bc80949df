import { Grid } from '@mantine/core';
import { useState } from 'react';
import { useApi } from '../../../api/hooks';
import { PageHeader } from '../../shared/PageHeader';
import { EditorList } from '../EditorList';
import { RatingScaleEditor } from './RatingScaleEditor';

/** Rating scales: labelled numeric levels reviews are rated on. */
export function RatingScalesPage() {
  const [showArchived, setShowArchived] = useState(false);
  const scales = useApi('reviews.listRatingScales', { includeArchived: showArchived || undefined });
  const [selected, setSelected] = useState<string | 'new' | null>(null);
  const scale = scales.data?.rows.find((s) => s.id === selected);
  return (
    <>
      <PageHeader title="Rating scales" description="The levels reviews are rated on: a number for the arithmetic and a label people read. A cycle copies its scale when it is launched." />
      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <EditorList
            testId="scale-list"
            rows={scales.data?.rows}
            error={scales.error?.message}
            selectedId={selected}
            onSelect={setSelected}
            onNew={() => setSelected('new')}
            newLabel="New scale"
            detail={(s) => s.levels.map((l) => `${l.value} ${l.label}`).join(' · ')}
            showArchived={showArchived}
            onShowArchived={setShowArchived}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {(selected === 'new' || scale) && (
            <RatingScaleEditor key={scale?.id ?? 'new'} scale={scale} onSaved={setSelected} />
          )}
        </Grid.Col>
      </Grid>
    </>
  );
}
