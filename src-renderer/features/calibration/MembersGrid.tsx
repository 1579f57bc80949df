import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMemo, useRef, useState } from 'react';
import { LOSS_LABELS, LOSS_LEVELS, type CalibrationMember, type CalibrationSession } from '../../../src-shared/api/calibration';
import { call } from '../../api/client';
import { DataGrid, type GridColumn, type GridRow, type RowChange, type SaveResult } from '../../grid';
import { exportGrid, toFailedSave } from '../shared/grid-adapters';
import { levelOptions, matches, originalText, type MemberFilter } from './model';

const YES_NO = [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }];
const LOSS = LOSS_LEVELS.map((value) => ({ value, label: LOSS_LABELS[value] }));
const MOVEMENT = { up: 'Up', down: 'Down', same: '', placed: 'First rating' } as const;
const RATING_FIELDS = ['performance', 'potential'];

function columns(session: CalibrationSession, readOnly: boolean): GridColumn[] {
  const ro = (c: GridColumn): GridColumn => ({ ...c, editable: false });
  const rw = (c: GridColumn): GridColumn => ({ ...c, editable: !readOnly });
  return [
    ro({ id: 'employeeName', header: 'Employee', kind: 'text', width: 190, pinned: true }),
    ro({ id: 'employeeNumber', header: 'No.', kind: 'text', width: 90 }),
    ro({ id: 'departmentName', header: 'Department', kind: 'text', width: 160 }),
    ro({ id: 'managerName', header: 'Manager', kind: 'text', width: 150 }),
    ro({ id: 'jobTitle', header: 'Job', kind: 'text', width: 160 }),
    ro({ id: 'jobLevel', header: 'Job level', kind: 'text', width: 80 }),
    ro({ id: 'original', header: 'Review rating', kind: 'text', width: 160 }),
    rw({ id: 'performance', header: 'Calibrated', kind: 'select', width: 170, options: levelOptions(session.levels) }),
    ro({ id: 'change', header: 'Change', kind: 'text', width: 90 }),
    rw({ id: 'potential', header: 'Potential', kind: 'select', width: 120, options: levelOptions(session.settings.potentialLevels) }),
    rw({ id: 'riskOfLoss', header: 'Risk of loss', kind: 'select', width: 110, options: LOSS }),
    rw({ id: 'impactOfLoss', header: 'Impact of loss', kind: 'select', width: 120, options: LOSS }),
    rw({ id: 'discussed', header: 'Discussed', kind: 'select', width: 100, options: YES_NO }),
    rw({ id: 'comment', header: 'Comment', kind: 'text', width: 280 }),
    rw({ id: 'privateNote', header: 'Private note', kind: 'text', width: 220, hiddenByDefault: true }),
  ];
}

const toRow = (session: CalibrationSession, m: CalibrationMember): GridRow => ({
  ...m,
  original: originalText(session, m),
  performance: m.performance === null ? null : String(m.performance),
  potential: m.potential === null ? null : String(m.potential),
  change: m.movement ? MOVEMENT[m.movement] : '',
  discussed: m.discussed ? 'yes' : 'no',
}) as unknown as GridRow;

/** Grid values back to the API's: numbers for levels, a boolean for "discussed", null for cleared cells. */
function toValues(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(values)) {
    if (field === 'performance' || field === 'potential') out[field] = value === null || value === '' ? null : Number(value);
    else if (field === 'discussed') out[field] = value === 'yes';
    else out[field] = value === '' ? null : value;
  }
  return out;
}

type Reason = { reasonCode: string; comment: string };

/**
 * Every field of every person in the shared grid: sortable, filterable, pasted into. A change of
 * performance or potential (typed, pasted or undone) asks once for the reason of the whole batch.
 */
export function MembersGrid({ session, members, filter, mode }: { session: CalibrationSession; members: CalibrationMember[]; filter: MemberFilter; mode: 'highlight' | 'filter' }) {
  const readOnly = session.status === 'finalised';
  const cols = useMemo(() => columns(session, readOnly), [session, readOnly]);
  const rows = useMemo(() => (mode === 'filter' ? members.filter((m) => matches(filter, m)) : members).map((m) => toRow(session, m)), [members, session, filter, mode]);
  const [asking, setAsking] = useState<{ count: number } | null>(null);
  const answer = useRef<((reason: Reason | null) => void) | null>(null);
  const askReason = (count: number) => new Promise<Reason | null>((resolve) => {
    answer.current = resolve;
    setAsking({ count });
  });
  const onSave = async (changes: RowChange[]): Promise<SaveResult> => {
    const moving = changes.filter((c) => RATING_FIELDS.some((f) => f in c.values)).length;
    const reason = moving ? await askReason(moving) : null;
    if (moving && !reason) return { ok: false, message: 'Not saved: a change of rating needs a reason and a comment.', errors: [] };
    try {
      const result = await call('calibration.saveMembers', {
        sessionId: session.id,
        rows: changes.map((c) => ({ id: c.id!, version: c.version, values: toValues(c.values) })),
        ...(reason ? { reason } : {}),
      });
      return { ok: true, rows: result.rows.map((m) => toRow(session, m)) };
    } catch (error) {
      return toFailedSave(error, changes);
    }
  };
  return (
    <>
      <DataGrid
        gridId="calibration-members"
        columns={cols}
        rows={rows}
        onSave={onSave}
        onExport={(format, visible, visibleColumns) => exportGrid(`${session.name} people`, format, visible, visibleColumns)}
      />
      <ReasonModal
        count={asking?.count ?? 0}
        reasons={session.settings.reasonCodes}
        opened={asking !== null}
        onAnswer={(reason) => {
          answer.current?.(reason);
          answer.current = null;
          setAsking(null);
        }}
      />
    </>
  );
}

function ReasonModal({ opened, count, reasons, onAnswer }: { opened: boolean; count: number; reasons: { code: string; label: string }[]; onAnswer(reason: Reason | null): void }) {
  const [code, setCode] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const ready = code !== null && comment.trim().length > 0;
  return (
    <Modal opened={opened} onClose={() => onAnswer(null)} title="Why do these ratings move?" data-testid="grid-reason">
      <Stack gap="sm">
        <Text size="sm">{count === 1 ? 'One person’s rating changes.' : `${count} people’s ratings change.`} The reason and comment go into the session’s history for each.</Text>
        <Select label="Reason" data={reasons.map((r) => ({ value: r.code, label: `${r.code} · ${r.label}` }))} value={code} onChange={setCode} required />
        <Textarea label="Comment" value={comment} onChange={(e) => setComment(e.currentTarget.value)} autosize minRows={2} required />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onAnswer(null)}>Cancel</Button>
          <Button disabled={!ready} onClick={() => (onAnswer({ reasonCode: code!, comment: comment.trim() }), setComment(''))}>Save the changes</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

