import { Alert, Button, Group, Menu, Modal, MultiSelect, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { CalibrationSession, FinaliseSummary } from '../../../src-shared/api/calibration';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { usePeopleReferences } from '../people/options';
import { downloadExport, errorText } from '../reviews/shared';
import type { Board } from './model';
import { changeText } from './PersonDrawer';
import { SessionFormModal } from './SessionForm';
import { EmployeeMultiPicker } from '../shared/EmployeePicker';

type Dialog = 'edit' | 'finalise' | 'reopen' | 'copy' | 'add' | null;

/** Start, finalise, reopen, undo the last move, add people, edit, copy, present and export. */
export function SessionActions({ session, board, onPresent }: { session: CalibrationSession; board: Board; onPresent(): void }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const close = () => setDialog(null);
  const start = async () => {
    setBusy(true);
    try {
      await call('calibration.startSession', { id: session.id, version: session.version });
      notifications.show({ color: 'teal', message: `“${session.name}” has started.` });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Could not start', message: errorText(e) });
    } finally {
      setBusy(false);
    }
  };
  const exporter = (kind: 'Pdf' | 'Pptx' | 'Xlsx') => () => void downloadExport(() => call(`calibration.export${kind}`, { id: session.id }));
  return (
    <Group gap="xs" wrap="nowrap">
      {session.status !== 'finalised' && <UndoButton session={session} />}
      {session.status === 'draft' && <Button size="sm" onClick={() => void start()} loading={busy} data-testid="start-session">Start session</Button>}
      {session.status === 'in_session' && <Button size="sm" onClick={() => setDialog('finalise')} data-testid="finalise-session">Finalise</Button>}
      {session.status === 'finalised' && <Button size="sm" variant="light" color="orange" onClick={() => setDialog('reopen')} data-testid="reopen-session">Reopen</Button>}
      <Button size="sm" variant="default" onClick={onPresent} data-testid="present">Presenter mode</Button>
      <Menu position="bottom-end">
        <Menu.Target><Button size="sm" variant="default" data-testid="export-menu">Export</Button></Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={exporter('Pdf')} data-testid="export-pdf">Nine-box and distribution (PDF)</Menu.Item>
          <Menu.Item onClick={exporter('Pptx')} data-testid="export-pptx">Slides (PPTX, editable)</Menu.Item>
          <Menu.Item onClick={exporter('Xlsx')} data-testid="export-xlsx">Results and history (XLSX)</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Menu position="bottom-end">
        <Menu.Target><Button size="sm" variant="default" data-testid="more-menu">More</Button></Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => setDialog('edit')} disabled={session.status === 'finalised'} data-testid="edit-session">Edit set-up</Menu.Item>
          <Menu.Item onClick={() => setDialog('add')} disabled={session.status === 'finalised'} data-testid="add-people">Add people</Menu.Item>
          <Menu.Item onClick={() => setDialog('copy')} data-testid="copy-session">Copy session</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {/* Mounted when opened: the set-up and add-people forms load every employee for their pickers. */}
      {dialog === 'edit' && <SessionFormModal opened session={session} onClose={close} />}
      <FinaliseModal opened={dialog === 'finalise'} session={session} board={board} onClose={close} />
      <ReopenModal opened={dialog === 'reopen'} session={session} onClose={close} />
      <CopyModal opened={dialog === 'copy'} session={session} onClose={close} />
      {dialog === 'add' && <AddPeopleModal opened session={session} onClose={close} />}
    </Group>
  );
}

/** Undo of the session's last move, naming it; refused when another window moved someone since. */
function UndoButton({ session }: { session: CalibrationSession }) {
  const history = useApi('calibration.listHistory', { sessionId: session.id });
  const last = history.data?.rows.find((c) => c.kind === 'move' && !c.undoneAt);
  const [busy, setBusy] = useState(false);
  const undo = async () => {
    if (!last) return;
    setBusy(true);
    try {
      await call('calibration.undoLastMove', { sessionId: session.id, changeId: last.id });
      notifications.show({ color: 'teal', message: `Undone: ${last.employeeName} ${changeText(session, last)}.` });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Nothing was undone', message: errorText(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="sm" variant="default" disabled={!last} loading={busy} onClick={() => void undo()} title={last ? `Undo: ${last.employeeName} ${changeText(session, last)}` : 'No move to undo'} data-testid="undo-move">
      Undo last move
    </Button>
  );
}

function FinaliseModal({ opened, session, board, onClose }: { opened: boolean; session: CalibrationSession; board: Board; onClose(): void }) {
  const [acknowledgement, setAcknowledgement] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [summary, setSummary] = useState<FinaliseSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const outside = board.evaluation?.rules.filter((r) => r.status !== 'within') ?? [];
  const advisoryOutside = outside.length > 0 && session.guidelines?.mode === 'advisory';
  const dismiss = () => (setError(null), setSummary(null), setAcknowledgement(''), onClose());
  const finalise = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await call('calibration.finaliseSession', { id: session.id, version: session.version, acknowledgement: acknowledgement.trim() || null });
      setSummary(result.summary);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={dismiss} title={summary ? 'Finalised: what changed' : `Finalise “${session.name}”?`} size="lg" data-testid="finalise-dialog">
      {summary ? <SummaryView session={session} summary={summary} onClose={dismiss} /> : (
        <Stack gap="sm">
          <Text size="sm">Finalising writes each calibrated rating into the person’s review (the rating before calibration stays visible there) and locks the session. It can be reopened with a reason.</Text>
          {board.binHolding.length > 0 && <Alert color="orange">{board.binHolding.length} people are still in the holding area; place or remove them first.</Alert>}
          {outside.length > 0 && (
            <Alert color={session.guidelines?.mode === 'enforced' ? 'red' : 'orange'} title={session.guidelines?.mode === 'enforced' ? 'Outside enforced guidelines' : 'Outside the advisory guidelines'}>
              {outside.map((r) => <div key={r.index}>{r.label}: {r.actual} of {board.countsByLevel.reduce((a, b) => a + b, 0)} ({r.target.replace(/ of \d+.*$/, '')})</div>)}
            </Alert>
          )}
          {advisoryOutside && (
            <Textarea label="Acknowledgement: why finalise outside the guidelines?" value={acknowledgement} onChange={(e) => setAcknowledgement(e.currentTarget.value)} autosize minRows={2} required data-testid="acknowledgement" />
          )}
          {error && <Alert color="red" role="alert" data-testid="finalise-error">{error}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={dismiss}>Cancel</Button>
            <Button onClick={() => void finalise()} loading={busy} data-testid="confirm-finalise">{advisoryOutside ? 'Acknowledge and finalise' : 'Finalise'}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

export function SummaryView({ session, summary, onClose }: { session: CalibrationSession; summary: FinaliseSummary; onClose?(): void }) {
  return (
    <Stack gap="sm" data-testid="finalise-summary">
      <Text size="sm">
        {summary.members} people: <b>{summary.movedUp} moved up</b>, <b>{summary.movedDown} moved down</b>, {summary.placed} given a first rating, {summary.unchanged} unchanged.
        {' '}{summary.written} review{summary.written === 1 ? '' : 's'} updated{summary.restored ? `, ${summary.restored} put back to the rating before calibration` : ''}.
      </Text>
      {summary.acknowledgement && <Text size="sm" c="dimmed">Finalised outside the guidelines: “{summary.acknowledgement}”</Text>}
      <Table fz="sm">
        <Table.Thead><Table.Tr><Table.Th>Level</Table.Th><Table.Th ta="right">Before calibration</Table.Th><Table.Th ta="right">Calibrated</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {summary.byLevel.map((level) => (
            <Table.Tr key={level.value}><Table.Td>{level.value} · {level.label}</Table.Td><Table.Td ta="right">{level.before}</Table.Td><Table.Td ta="right">{level.after}</Table.Td></Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {onClose && <Group justify="flex-end"><Button onClick={onClose}>Done</Button></Group>}
      <Text size="xs" c="dimmed">Finalised {summary.finalisedAt.slice(0, 16).replace('T', ' ')} by {summary.finalisedBy} · {session.cycleName}</Text>
    </Stack>
  );
}

function ReopenModal({ opened, session, onClose }: { opened: boolean; session: CalibrationSession; onClose(): void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const reopen = async () => {
    setError(null);
    try {
      await call('calibration.reopenSession', { id: session.id, version: session.version, reason });
      setReason('');
      onClose();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={`Reopen “${session.name}”?`} data-testid="reopen-dialog">
      <Stack gap="sm">
        <Text size="sm">The ratings written into the reviews stay until the session is finalised again. The reason is kept in the audit log.</Text>
        <Textarea label="Reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} required data-testid="reopen-reason" />
        {error && <Alert color="red" role="alert">{error}</Alert>}
        <Group justify="flex-end"><Button variant="default" onClick={onClose}>Cancel</Button><Button color="orange" onClick={() => void reopen()} data-testid="confirm-reopen">Reopen</Button></Group>
      </Stack>
    </Modal>
  );
}

function CopyModal({ opened, session, onClose }: { opened: boolean; session: CalibrationSession; onClose(): void }) {
  const navigate = useNavigate();
  const [name, setName] = useState(`${session.name} (copy)`);
  const [error, setError] = useState<string | null>(null);
  const copy = async () => {
    setError(null);
    try {
      const created = await call('calibration.copySession', { id: session.id, name });
      onClose();
      navigate(`/calibration/sessions/${created.id}`);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Copy the session" data-testid="copy-dialog">
      <Stack gap="sm">
        <Text size="sm">A new draft with the same set-up, guidelines and population. People already in another open session on the cycle stay there.</Text>
        <TextInput label="Name of the copy" value={name} onChange={(e) => setName(e.currentTarget.value)} required />
        {error && <Alert color="red" role="alert">{error}</Alert>}
        <Group justify="flex-end"><Button variant="default" onClick={onClose}>Cancel</Button><Button onClick={() => void copy()} data-testid="confirm-copy">Copy</Button></Group>
      </Stack>
    </Modal>
  );
}

function AddPeopleModal({ opened, session, onClose }: { opened: boolean; session: CalibrationSession; onClose(): void }) {
  const refs = usePeopleReferences();
  const [employeeIds, setEmployeeIds] = useState<string[]>([]);
  const [departmentIds, setDepartmentIds] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = async () => {
    setError(null);
    try {
      const result = await call('calibration.addPeople', { id: session.id, version: session.version, employeeIds, departmentIds, reason: reason.trim() || null });
      const elsewhere = result.elsewhere.length ? ` ${result.elsewhere.length} stay in other sessions (${result.elsewhere.slice(0, 3).map((e) => `${e.employeeName} in “${e.sessionName}”`).join(', ')}).` : '';
      notifications.show({ color: 'teal', message: `${result.added} added, ${result.alreadyIn} already in the session.${elsewhere}` });
      setEmployeeIds([]);
      setDepartmentIds([]);
      setReason('');
      onClose();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Add people" size="lg" data-testid="add-people-dialog">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">Only people with a review in “{session.cycleName}” can be calibrated.</Text>
        <EmployeeMultiPicker label="People" value={employeeIds} onChange={setEmployeeIds} data-testid="add-people-select" />
        <MultiSelect label="Or whole departments" data={refs.departments} value={departmentIds} onChange={setDepartmentIds} searchable />
        {session.status !== 'draft' && <Textarea label="Reason (the session has started)" value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={1} required />}
        {error && <Alert color="red" role="alert" data-testid="add-people-error">{error}</Alert>}
        <Group justify="flex-end"><Button variant="default" onClick={onClose}>Cancel</Button><Button onClick={() => void add()} data-testid="confirm-add-people">Add</Button></Group>
      </Stack>
    </Modal>
  );
}
