import { Alert, Badge, Card, Group, Progress, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { Questionnaire, QuestionResult } from '../../../../src-shared/api';
import { useApi } from '../../../api/hooks';

const fewer = (n: number) => `fewer than ${n} responses`;

/** Response rate, engagement by department (small groups hidden for anonymous questionnaires), result groups and one chart per question. */
export function ResultsPanel({ questionnaire: q }: { questionnaire: Questionnaire }) {
  const query = useApi('reviews.getQuestionnaireResults', { id: q.id });
  if (!query.data) return query.isError ? <Alert color="red">{query.error.message}</Alert> : null;
  const r = query.data;
  return (
    <Stack data-testid="results">
      <SimpleGrid cols={4}>
        <Figure label="Invited" value={String(r.invited)} />
        <Figure label="Responded" value={String(r.responded)} />
        <Figure label="Response rate" value={`${r.responseRate}%`} testId="response-rate" />
        <Figure label="Engagement score (0–100)" value={r.score === null ? '—' : String(r.score)} testId="overall-score" />
      </SimpleGrid>
      {r.anonymous && (
        <Alert color="blue" data-testid="anonymity-note">
          Anonymous questionnaire: no figure built from {fewer(r.minGroupSize)} is shown. Where a single department would be hidden, one more is hidden so it cannot be worked out from the total.
        </Alert>
      )}
      {r.hidden && <Alert color="gray" data-testid="results-hidden">Only the response rate is shown until at least {r.minGroupSize} people have responded.</Alert>}
      <Card withBorder p={0}>
        <Title order={4} p="sm">By department</Title>
        <Table fz="sm" data-testid="department-results">
          <Table.Thead>
            <Table.Tr><Table.Th>Department</Table.Th><Table.Th>Invited</Table.Th><Table.Th>Responded</Table.Th><Table.Th w={220}>Response rate</Table.Th><Table.Th w={260}>Engagement score</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.departments.map((d) => (
              <Table.Tr key={d.departmentId ?? 'none'} data-department={d.departmentName}>
                <Table.Td>{d.departmentName}</Table.Td>
                <Table.Td>{d.invited}</Table.Td>
                <Table.Td>{d.responded}</Table.Td>
                <Table.Td><Bar percent={d.responseRate} text={`${d.responseRate}%`} /></Table.Td>
                <Table.Td data-testid="department-score">
                  {d.hidden ? <Badge color="gray" variant="light" tt="none">Hidden: {d.responded < r.minGroupSize ? fewer(r.minGroupSize) : 'protects a smaller group'}</Badge>
                    : d.score === null ? <Text c="dimmed" size="sm">no responses</Text> : <Bar percent={d.score} text={String(d.score)} color={scoreColor(d.score)} />}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      {r.resultGroups.length > 0 && (
        <Card withBorder>
          <Title order={4} mb="xs">Results by total points</Title>
          <Stack gap={6}>
            {r.resultGroups.map((g, i) => (
              <div key={i}>
                <Text size="sm">{g.text} <Text span c="dimmed">({g.minPoints}–{g.maxPoints} points)</Text></Text>
                <Bar percent={g.percent} text={`${g.count} · ${g.percent}%`} />
              </div>
            ))}
          </Stack>
        </Card>
      )}
      {r.questions.map((question, i) => <QuestionCard key={question.questionId} number={i + 1} result={question} minGroupSize={r.minGroupSize} />)}
    </Stack>
  );
}

function QuestionCard({ number, result: qr, minGroupSize }: { number: number; result: QuestionResult; minGroupSize: number }) {
  return (
    <Card withBorder data-testid="question-result" data-question={qr.text}>
      <Group justify="space-between">
        <Text fw={600}>{number}. {qr.text}</Text>
        <Text size="sm" c="dimmed">{qr.sectionTitle} · {qr.answered} answered{qr.averagePoints !== null ? ` · average ${qr.averagePoints} points` : ''}{qr.type === 'number' && qr.average !== null ? ` · average ${qr.average}` : ''}</Text>
      </Group>
      {qr.hidden ? <Text size="sm" c="dimmed">Hidden: {fewer(minGroupSize)}.</Text> : (
        <Stack gap={4} mt="xs">
          {qr.bars.map((b) => (
            <Group key={b.label} wrap="nowrap" gap="sm">
              <Text size="sm" w={160} truncate>{b.label}</Text>
              <div style={{ flex: 1 }}><Bar percent={b.percent} text={`${b.count} · ${b.percent}%`} /></div>
            </Group>
          ))}
          {qr.texts.length > 0 && (
            <ScrollArea.Autosize mah={220}>
              {qr.texts.map((t, i) => <Text key={i} size="sm">“{t}”</Text>)}
            </ScrollArea.Autosize>
          )}
        </Stack>
      )}
    </Card>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Card withBorder>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fz={28} fw={700} data-testid={testId}>{value}</Text>
    </Card>
  );
}

function Bar({ percent, text, color = 'teal' }: { percent: number; text: string; color?: string }) {
  return (
    <Group wrap="nowrap" gap="xs">
      <Progress value={percent} color={color} style={{ flex: 1 }} size="lg" />
      <Text size="xs" w={100}>{text}</Text>
    </Group>
  );
}

const scoreColor = (score: number) => (score >= 65 ? 'teal' : score >= 45 ? 'yellow' : 'red');
