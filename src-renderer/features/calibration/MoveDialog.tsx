import { Alert, Badge, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import type { CalibrationMember, CalibrationSession } from '../../../src-shared/api/calibration';
import { evaluateGuidelines, levelIndexOf } from '../../../src-shared/domain/calibration';
import { labelOf, levelOptions, type Placement } from './model';

export interface MoveRequest {
  member: CalibrationMember;
  to: Placement;
  /** The performance levels the drop allows (a nine-box column may hold several); all when absent. */
  performanceChoices?: number[];
}

/**
 * The reason prompt every move goes through: where the card goes (a level within the box's band
 * can be picked), one of the session's reason codes, a comment, and what the move does to the
 * guidelines before it is made.
 */
export function MoveDialog({ session, request, countsByLevel, onCancel, onConfirm }: {
  session: CalibrationSession;
  request: MoveRequest | null;
  countsByLevel: number[];
  onCancel: () => void;
  onConfirm: (request: MoveRequest, to: Placement, reason: { reasonCode: string; comment: string }) => Promise<string | null>;
}) {
  const [performance, setPerformance] = useState<string | null>(null);
  const [potential, setPotential] = useState<string | null>(null);
  const [reasonCode, setReasonCode] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // The last request stays on screen while the dialog fades out.
  const [shown, setShown] = useState<MoveRequest | null>(request);
  useEffect(() => {
    if (!request) return;
    setShown(request);
    setPerformance(request.to.performance === null ? null : String(request.to.performance));
    setPotential(request.to.potential === null ? null : String(request.to.potential));
    setError(null);
  }, [request]);
  const member = (request ?? shown)?.member;
  const to: Placement = { performance: performance === null ? null : Number(performance), potential: potential === null ? null : Number(potential) };
  const preview = useMemo(() => {
    if (!member || !session.guidelines) return null;
    const counts = [...countsByLevel];
    const from = levelIndexOf(session.levels, member.performance);
    const next = levelIndexOf(session.levels, to.performance);
    if (from >= 0) counts[from]--;
    if (next >= 0) counts[next]++;
    return evaluateGuidelines(session.levels, session.guidelines.rules, counts);
  }, [member, session, countsByLevel, to.performance]);
  const current = request ?? shown;
  if (!current || !member) return null;
  const choices = current.performanceChoices ?? session.levels.map((l) => l.value);
  const performanceOptions = levelOptions(session.levels).filter((o) => choices.includes(Number(o.value)));
  const confirm = async () => {
    if (to.performance === member.performance && to.potential === member.potential) {
      setError(`${member.employeeName} is already there; choose another level or potential.`);
      return;
    }
    if (!reasonCode || !comment.trim()) {
      setError('Every move needs a reason and a comment.');
      return;
    }
    setSaving(true);
    const problem = await onConfirm(current, to, { reasonCode, comment: comment.trim() });
    setSaving(false);
    if (problem) setError(problem);
    else (setComment(''), setReasonCode(null));
  };
  return (
    <Modal opened={request !== null} onClose={onCancel} title={`Move ${member.employeeName}`} size="lg" data-testid="move-dialog">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Now: {labelOf(session.levels, member.performance) ?? 'no rating'} · potential {labelOf(session.settings.potentialLevels, member.potential) ?? 'not set'}
        </Text>
        <Group grow align="flex-start">
          <Select label="Performance" data={performanceOptions} value={performance} onChange={setPerformance} allowDeselect={false} data-testid="move-performance" />
          <Select label="Potential" data={levelOptions(session.settings.potentialLevels)} value={potential} onChange={setPotential} data-testid="move-potential" />
        </Group>
        <Select
          label="Reason"
          placeholder="Why does this rating move?"
          data={session.settings.reasonCodes.map((r) => ({ value: r.code, label: `${r.code} · ${r.label}` }))}
          value={reasonCode}
          onChange={setReasonCode}
          required
          data-testid="move-reason"
        />
        <Textarea label="Comment" placeholder="What the room agreed, and the evidence" value={comment} onChange={(e) => setComment(e.currentTarget.value)} autosize minRows={2} required data-testid="move-comment" />
        {preview && (
          <Stack gap={4} data-testid="move-preview">
            <Text size="xs" c="dimmed">Guidelines after this move</Text>
            <Group gap={6}>
              {preview.rules.map((rule) => (
                <Badge key={rule.index} color={rule.status === 'within' ? 'teal' : rule.status === 'over' ? 'red' : 'orange'} variant="light" size="sm" style={{ textTransform: 'none' }}>
                  {rule.label}: {rule.actual} {rule.status === 'within' ? '✓' : `(${rule.status} by ${rule.outsideBy})`}
                </Badge>
              ))}
            </Group>
          </Stack>
        )}
        {error && <Alert color="red" role="alert" data-testid="move-error">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>Cancel</Button>
          <Button onClick={() => void confirm()} loading={saving} data-testid="confirm-move">Move</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
