import { Alert, Badge, Card, Group, Progress, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { RATER_RELATIONSHIP_LABELS, type DepartmentResult, type Questionnaire, type QuestionnaireResults, type QuestionResult, type RelationshipResult } from '../../../../src-shared/api';
import { useApi } from '../../../api/hooks';
import { PagedControls, usePagedRows } from '../shared';

const fewer = (n: number) => `fewer than ${n} responses`;

/** Response rate, engagement by department (small groups hidden for anonymous questionnaires), result groups and one chart per question. */
export function ResultsPanel({ questionnaire: q }: { questionnaire: Questionnaire }) {
  const query = useApi('reviews.getQuestionnaireResults', { id: q.id });
  if (!query.data) return query.isError ? <Alert color="red">{query.error.message}</Alert> : null;
  const r = query.data;
  const is360 = q.kind === 'feedback_360';
  return (
    <Stack data-testid="results">
      <SimpleGrid cols={4}>
        <Figure label="Invited" value={String(r.invited)} />
        <Figure label="Responded" value={String(r.responded)} />
        <Figure label="Response rate" value={`${r.responseRate}%`} testId="response-rate" />
        <Figure label={is360 ? 'Score, all raters (0–100)' : 'Engagement score (0–100)'} value={r.score === null ? '—' : String(r.score)} testId="overall-score" />
      </SimpleGrid>
      {r.anonymous && is360 && (
        <Alert color="blue" data-testid="anonymity-note">
          Anonymous 360: self and manager are shown as given — each is one person the subject knows. Direct reports, peers and others show
          only with at least {r.minGroupSize} responses; when one is hidden, the next smallest is hidden too until the hidden groups hold {r.minGroupSize} between them,
          so none can be worked out by subtraction.
        </Alert>
      )}
      {r.anonymous && !is360 && (
        <Alert color="blue" data-testid="anonymity-note">
          Anonymous questionnaire: no figure built from {fewer(r.minGroupSize)} is shown. Where the hidden departments would hold fewer than {r.minGroupSize} responses between them, more are hidden so none can be worked out from the total.
        </Alert>
      )}
      {r.sealed && (
        <Alert color="gray" data-testid="results-sealed" title="Results show once the questionnaire is closed">
          While an anonymous questionnaire still takes responses, comparing its results before and after one more response would give that
          response away. Until you close it, only who has responded is shown.
        </Alert>
      )}
      {r.hidden && !r.sealed && (
        <Alert color="gray" data-testid="results-hidden">
          {is360 ? `Figures over all raters are hidden: direct reports, peers and others have 1 to ${r.minGroupSize - 1} responses between them, which taking away the self and manager figures would reveal.`
            : `Only the response rate is shown until at least ${r.minGroupSize} people have responded.`}
        </Alert>
      )}
      {is360 ? <RelationshipResults questionnaire={q} results={r} /> : <DepartmentResults results={r} />}
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

const departmentText = (d: DepartmentResult) => d.departmentName;

/** One row per department invited: thousands in a large organisation, so a page at a time with a filter by name. */
function DepartmentResults({ results: r }: { results: QuestionnaireResults }) {
  const paged = usePagedRows(r.departments, departmentText);
  return (
    <Card withBorder p={0}>
      <Title order={4} p="sm">By department</Title>
      <PagedControls paged={paged} noun="department" testId="department-pages" />
      <Table fz="sm" data-testid="department-results">
        <Table.Thead>
          <Table.Tr><Table.Th>Department</Table.Th><Table.Th>Invited</Table.Th><Table.Th>Responded</Table.Th><Table.Th w={220}>Response rate</Table.Th><Table.Th w={260}>Engagement score</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {paged.rows.map((d) => (
            <Table.Tr key={d.departmentId ?? 'none'} data-department={d.departmentName}>
              <Table.Td>{d.departmentName}</Table.Td>
              <Table.Td>{d.invited}</Table.Td>
              <Table.Td>{d.responded}</Table.Td>
              <Table.Td><Bar percent={d.responseRate} text={`${d.responseRate}%`} /></Table.Td>
              <Table.Td data-testid="department-score">
                {d.hidden ? <Badge color="gray" variant="light" tt="none">{r.sealed ? 'Shown when closed' : `Hidden: ${d.responded < r.minGroupSize ? fewer(r.minGroupSize) : 'protects a smaller group'}`}</Badge>
                  : d.score === null ? <Text c="dimmed" size="sm">no responses</Text> : <Bar percent={d.score} text={String(d.score)} color={scoreColor(d.score)} />}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

const HIDDEN_BECAUSE = {
  small_group: (min: number) => fewer(min),
  protects_smaller: () => 'protects a smaller group',
  sealed: () => 'shown when closed',
};

/** 360 feedback: one row per relationship (response count and score), then each scored question's average points per relationship. */
function RelationshipResults({ questionnaire: q, results: r }: { questionnaire: Questionnaire; results: QuestionnaireResults }) {
  const groups = r.relationships.filter((g) => g.invited > 0);
  const questions = q.sections.flatMap((s) => s.questions);
  const cell = (g: RelationshipResult, value: number | null, show: (v: number) => ReactNode) =>
    g.hidden ? <Badge color="gray" variant="light" tt="none">Hidden: {HIDDEN_BECAUSE[g.hidden](r.minGroupSize)}</Badge>
      : g.responded === 0 ? <Text c="dimmed" size="sm">no responses</Text> : value === null ? <Text c="dimmed" size="sm">—</Text> : show(value);
  return (
    <>
      <Card withBorder p={0}>
        <Title order={4} p="sm">By relationship to {q.subjectName}</Title>
        <Table fz="sm" data-testid="relationship-results">
          <Table.Thead>
            <Table.Tr><Table.Th>Raters</Table.Th><Table.Th>Invited</Table.Th><Table.Th>Responded</Table.Th><Table.Th w={320}>Score (0–100)</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.map((g) => (
              <Table.Tr key={g.relationship} data-relationship={g.relationship}>
                <Table.Td>{RATER_RELATIONSHIP_LABELS[g.relationship]}</Table.Td>
                <Table.Td>{g.invited}</Table.Td>
                <Table.Td data-testid="relationship-responded">{g.responded}</Table.Td>
                <Table.Td data-testid="relationship-score">{cell(g, g.score, (v) => <Bar percent={v} text={String(v)} color={scoreColor(v)} />)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      {groups.length > 0 && groups[0].questions.length > 0 && (
        <Card withBorder p={0}>
          <Title order={4} p="sm">Average points per question</Title>
          <Table fz="sm" data-testid="relationship-questions">
            <Table.Thead>
              <Table.Tr><Table.Th>Question</Table.Th>{groups.map((g) => <Table.Th key={g.relationship}>{RATER_RELATIONSHIP_LABELS[g.relationship]}</Table.Th>)}</Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {groups[0].questions.map((question, i) => (
                <Table.Tr key={question.questionId} data-question={questions.find((x) => x.id === question.questionId)?.text}>
                  <Table.Td>{questions.find((x) => x.id === question.questionId)?.text}</Table.Td>
                  {groups.map((g) => (
                    <Table.Td key={g.relationship} data-relationship={g.relationship}>
                      {g.hidden ? <Text c="dimmed" size="sm">hidden</Text> : g.questions[i].averagePoints ?? <Text span c="dimmed" size="sm">{g.responded ? 'hidden' : '—'}</Text>}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
    </>
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
      <Progress value={percent} color={color} style={{ flex: 1 }} size="lg" aria-label={text} />
      <Text size="xs" w={100}>{text}</Text>
    </Group>
  );
}

const scoreColor = (score: number) => (score >= 65 ? 'teal' : score >= 45 ? 'yellow' : 'red');
