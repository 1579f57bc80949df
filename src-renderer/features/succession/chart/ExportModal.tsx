import { Button, Checkbox, Group, Modal, NumberInput, Radio, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { PNG_MAX_SIDE, type ChartExportInput, type ChartFormat, type ChartPosition } from '../../../../src-shared/api/succession';
import { call } from '../../../api/client';
import { downloadExport } from '../exporting';

const FORMATS: { value: ChartFormat; label: string; hint: string }[] = [
  { value: 'pdf', label: 'PDF', hint: 'Vector, for printing and sharing: one page, or pages split by subtree with an index and links.' },
  { value: 'pptx', label: 'PowerPoint', hint: 'Editable boxes, text and connectors; one slide per subtree, linked from an index slide.' },
  { value: 'svg', label: 'SVG', hint: 'Vector drawing for browsers, Inkscape and design tools.' },
  { value: 'png', label: 'PNG', hint: 'An image at the width or resolution you choose (at most 16,000 px on a side).' },
];

/** Choose what to export (whole chart, the focused subtree, a number of levels) and how; the file is made in the main process. */
export function ExportModal({ opened, onClose, hasPhotos, focus, collapsed, levels }: {
  opened: boolean; onClose: () => void; hasPhotos: boolean; focus?: ChartPosition;
  /** Positions shown closed on screen (their reports left out). */
  collapsed: readonly string[]; levels?: number;
}) {
  const [format, setFormat] = useState<ChartFormat>('pdf');
  const [scope, setScope] = useState<'whole' | 'focus'>(focus ? 'focus' : 'whole');
  const [depth, setDepth] = useState<string>(levels ? String(levels) : '');
  const [asOnScreen, setAsOnScreen] = useState(false);
  const [photos, setPhotos] = useState(true);
  const [pdfLayout, setPdfLayout] = useState<'tiled' | 'fit'>('tiled');
  const [paper, setPaper] = useState<'A4' | 'A3'>('A4');
  const [pngBy, setPngBy] = useState<'width' | 'dpi'>('width');
  const [pngWidth, setPngWidth] = useState<number | string>(4000);
  const [pngDpi, setPngDpi] = useState<number | string>(192);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    const input: ChartExportInput = {
      format,
      photos,
      scope: {
        ...(scope === 'focus' && focus ? { rootId: focus.id } : {}),
        ...(depth ? { levels: Number(depth) } : {}),
        ...(asOnScreen ? { collapsedIds: [...collapsed] } : {}),
      },
      ...(format === 'pdf' ? { pdfLayout, paper } : {}),
      ...(format === 'png' ? (pngBy === 'width' ? { pngWidth: Number(pngWidth) } : { pngDpi: Number(pngDpi) }) : {}),
    };
    setBusy(true);
    const ok = await downloadExport(() => call('succession.exportChart', input));
    setBusy(false);
    if (ok) onClose();
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Export the succession chart" size="lg" data-testid="export-modal">
      <Stack gap="sm">
        <SegmentedControl value={format} onChange={(v) => setFormat(v as ChartFormat)} data={FORMATS.map(({ value, label }) => ({ value, label }))} data-testid="export-format" />
        <Text size="sm" c="dimmed">{FORMATS.find((f) => f.value === format)!.hint}</Text>
        <Radio.Group label="Scope" value={scope} onChange={(v) => setScope(v as 'whole' | 'focus')}>
          <Group mt={4}>
            <Radio value="whole" label="Whole organisation" />
            <Radio value="focus" label={focus ? `${focus.title} and below` : 'Focused subtree (focus a position first)'} disabled={!focus} />
          </Group>
        </Radio.Group>
        <Group align="flex-end">
          <Select label="Levels" w={170} value={depth} onChange={(v) => setDepth(v ?? '')} allowDeselect={false}
            data={[{ value: '', label: 'All levels' }, ...[1, 2, 3, 4, 5, 6].map((n) => ({ value: String(n), label: `${n + 1} levels` }))]} data-testid="export-levels" />
          <Checkbox label="Leave out collapsed positions, as on screen" checked={asOnScreen} onChange={(e) => setAsOnScreen(e.currentTarget.checked)} mb={6} />
        </Group>
        <Checkbox label={hasPhotos ? 'Photos' : 'Photos (none imported yet: initials are shown)'} checked={photos} onChange={(e) => setPhotos(e.currentTarget.checked)} data-testid="export-photos" />
        {format === 'pdf' && (
          <Group>
            <SegmentedControl value={pdfLayout} onChange={(v) => setPdfLayout(v as 'tiled' | 'fit')} data={[{ value: 'tiled', label: 'Pages by subtree' }, { value: 'fit', label: 'Fit to one page' }]} data-testid="export-pdf-layout" />
            <SegmentedControl value={paper} onChange={(v) => setPaper(v as 'A4' | 'A3')} data={['A4', 'A3']} data-testid="export-paper" />
            <Text size="sm" c="dimmed">landscape</Text>
          </Group>
        )}
        {format === 'png' && (
          <Group align="flex-end">
            <SegmentedControl value={pngBy} onChange={(v) => setPngBy(v as 'width' | 'dpi')} data={[{ value: 'width', label: 'Width' }, { value: 'dpi', label: 'Resolution' }]} />
            {pngBy === 'width'
              ? <NumberInput label="Width (px)" w={140} min={100} max={PNG_MAX_SIDE} value={pngWidth} onChange={setPngWidth} data-testid="export-png-width" />
              : <NumberInput label="Resolution (dpi)" w={140} min={24} max={600} value={pngDpi} onChange={setPngDpi} />}
          </Group>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button loading={busy} onClick={() => void run()} data-testid="export-run">Export</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
