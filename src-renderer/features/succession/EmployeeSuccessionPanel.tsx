// On the employee page: where the person is nominated, the key position they hold, their risk of loss, pools and photo.
import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link } from 'react-router-dom';
import { LEVEL_LABELS } from '../../../src-shared/api/succession';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';

export function EmployeeSuccessionPanel({ employeeId }: { employeeId: string }) {
  const data = useApi('succession.getPersonSuccession', { employeeId });
  const photo = useApi('succession.getPhotos', { employeeIds: [employeeId] }, { enabled: Boolean(data.data?.hasPhoto) });
  if (!data.data) return null;
  const s = data.data;
  const dataUrl = photo.data?.photos[0]?.dataUrl;
  return (
    <Stack gap="xs" data-testid="employee-succession">
      <Group justify="space-between">
        <Title order={4}>Succession</Title>
        {dataUrl && (
          <Group gap="xs">
            <img src={dataUrl} alt="Photo" width={48} height={48} style={{ borderRadius: '50%' }} />
            <Button size="xs" variant="subtle" color="red" onClick={() => void call('succession.removePhotos', { employeeIds: [employeeId] }).then(() => notifications.show({ message: 'Photo removed.' }))}>Remove photo</Button>
          </Group>
        )}
      </Group>
      {s.holds?.isKey && (
        <Text size="sm">
          Holds the key position <Anchor component={Link} to={`/succession?position=${s.holds.positionId}`}>{s.holds.title}</Anchor> · {s.holds.successors} successor{s.holds.successors === 1 ? '' : 's'}, {s.holds.readyNow} ready now
        </Text>
      )}
      {s.risk && (
        <Group gap="xs">
          <Badge variant="light" color={s.risk.riskOfLoss === 'high' ? 'red' : s.risk.riskOfLoss === 'medium' ? 'yellow' : 'gray'}>Risk of loss: {LEVEL_LABELS[s.risk.riskOfLoss]}</Badge>
          <Badge variant="light" color={s.risk.impactOfLoss === 'high' ? 'red' : 'gray'}>Impact of loss: {LEVEL_LABELS[s.risk.impactOfLoss]}</Badge>
          {s.risk.reason && <Text size="sm" c="dimmed">{s.risk.reason}</Text>}
        </Group>
      )}
      <Text size="sm" fw={500}>Nominated for {s.nominations.length === 0 ? 'no position' : `${s.nominations.length} position${s.nominations.length === 1 ? '' : 's'}`}</Text>
      {s.nominations.map((n) => (
        <Text key={n.nominationId} size="sm">
          {n.positionId ? <Anchor component={Link} to={`/succession?position=${n.positionId}`}>{n.label}</Anchor> : n.label}
          <Text span c="dimmed"> · rank {n.rank} · {n.readinessLabel}{n.emergency ? ' · interim cover' : ''}</Text>
        </Text>
      ))}
      {s.pools.length > 0 && <Text size="sm">Talent pools: {s.pools.map((p) => p.name).join(', ')}</Text>}
    </Stack>
  );
}
