import { Anchor, Badge, Button, Card, Group, Stack, Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { QUESTIONNAIRE_KIND_LABELS, QUESTIONNAIRE_STATUS_LABELS, type QuestionnaireSummary } from '../../../../src-shared/api';
import { percent } from '../../../../src-shared/domain/questionnaires';
import { useApi } from '../../../api/hooks';
import { PageHeader } from '../../shared/PageHeader';
import { dayOf } from '../shared';

export const STATUS_COLORS: Record<QuestionnaireSummary['status'], string> = { draft: 'gray', open: 'teal', closed: 'dark' };

export function QuestionnaireListPage() {
  const [includeArchived, setIncludeArchived] = useState(false);
  const list = useApi('reviews.listQuestionnaires', { includeArchived });
  const rows = list.data?.rows ?? [];
  return (
    <Stack maw={1100}>
      <PageHeader
        title="Questionnaires"
        description="360 feedback and engagement surveys: build the questions, send them to a population, key in or import the responses and read the results."
        actions={
          <>
            <Button component={Link} to="/reviews/questionnaires/answer-groups" variant="default">Answer groups</Button>
            <Button component={Link} to="/reviews/questionnaires/new" data-testid="new-questionnaire">New questionnaire</Button>
          </>
        }
      />
      <Switch label="Show archived questionnaires" checked={includeArchived} onChange={(e) => setIncludeArchived(e.currentTarget.checked)} />
      <Card withBorder p={0}>
        <Table highlightOnHover data-testid="questionnaire-list">
          <Table.Thead>
            <Table.Tr><Table.Th>Name</Table.Th><Table.Th>Kind</Table.Th><Table.Th>Status</Table.Th><Table.Th>Questions</Table.Th><Table.Th>Responses</Table.Th><Table.Th>Opened</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((q) => (
              <Table.Tr key={q.id}>
                <Table.Td>
                  <Group gap="xs">
                    <Anchor component={Link} to={`/reviews/questionnaires/${q.id}`}>{q.name}</Anchor>
                    {q.anonymous && <Badge size="xs" variant="light">Anonymous</Badge>}
                    {q.archived && <Badge size="xs" variant="light" color="gray">Archived</Badge>}
                  </Group>
                  {q.subjectName && <Text size="xs" c="dimmed">About {q.subjectName}</Text>}
                </Table.Td>
                <Table.Td>{QUESTIONNAIRE_KIND_LABELS[q.kind]}</Table.Td>
                <Table.Td><Badge color={STATUS_COLORS[q.status]} variant="light">{QUESTIONNAIRE_STATUS_LABELS[q.status]}</Badge></Table.Td>
                <Table.Td>{q.questionCount}</Table.Td>
                <Table.Td>{q.invited ? `${q.responded} of ${q.invited} (${percent(q.responded, q.invited)}%)` : '—'}</Table.Td>
                <Table.Td>{dayOf(q.openedAt) || '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {list.isSuccess && rows.length === 0 && <Text c="dimmed" p="md">No questionnaires yet. Start with “New questionnaire”.</Text>}
      </Card>
    </Stack>
  );
}
