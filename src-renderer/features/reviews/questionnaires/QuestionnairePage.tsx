import { Alert, Anchor, Badge, Button, Group, Loader, Stack, Tabs } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { QUESTIONNAIRE_KIND_LABELS, QUESTIONNAIRE_STATUS_LABELS, type Questionnaire } from '../../../../src-shared/api';
import { useApi, useApiMutation } from '../../../api/hooks';
import { PageHeader } from '../../shared/PageHeader';
import { errorText } from '../shared';
import { DistributePanel } from './DistributePanel';
import { ImportResponsesPanel } from './ImportResponsesPanel';
import { QuestionnaireBuilder } from './QuestionnaireBuilder';
import { RatersPanel } from './RatersPanel';
import { STATUS_COLORS } from './QuestionnaireListPage';
import { RespondPanel } from './RespondPanel';
import { ResultsPanel } from './ResultsPanel';

const TABS = [
  { value: 'questions', label: 'Questions' },
  { value: 'distribute', label: 'Distribute' },
  { value: 'respond', label: 'Respond' },
  { value: 'import', label: 'Import responses' },
  { value: 'results', label: 'Results' },
] as const;

const BACK = <Anchor component={Link} to="/reviews/questionnaires">All questionnaires</Anchor>;

export function NewQuestionnairePage() {
  const navigate = useNavigate();
  return (
    <Stack maw={1200}>
      <PageHeader title="New questionnaire" description="Sections hold the questions in order. Choice questions offer an answer group; any question can show only after a given answer to an earlier choice question." actions={BACK} />
      <QuestionnaireBuilder onSaved={(saved) => navigate(`/reviews/questionnaires/${saved.id}`, { replace: true })} />
    </Stack>
  );
}

/** One questionnaire: its questions, distribution, responses (typed in or imported) and results, one tab each. */
export function QuestionnairePage() {
  const { id = '', tab = 'questions' } = useParams();
  const navigate = useNavigate();
  const query = useApi('reviews.getQuestionnaire', { id });
  if (query.isPending) return <Loader />;
  if (query.isError) return <Alert color="red">{query.error.message}</Alert>;
  const q = query.data;
  const is360 = q.kind === 'feedback_360';
  return (
    <Stack maw={1200}>
      <PageHeader
        title={q.name}
        description={q.description ?? undefined}
        actions={<>{BACK}<CloseButton questionnaire={q} /><ArchiveButton questionnaire={q} /></>}
      />
      <Group gap="xs" mt={-8}>
        <Badge color={STATUS_COLORS[q.status]} variant="light" data-testid="questionnaire-status">{QUESTIONNAIRE_STATUS_LABELS[q.status]}</Badge>
        <Badge variant="outline" color="gray">{QUESTIONNAIRE_KIND_LABELS[q.kind]}</Badge>
        {q.subjectName && <Badge variant="light" color="grape" tt="none" data-testid="questionnaire-subject">About {q.subjectName}</Badge>}
        {q.anonymous && <Badge variant="light">Anonymous</Badge>}
        <Badge variant="outline" color="gray">{q.responded} of {q.invited} responded</Badge>
      </Group>
      <Tabs value={tab} onChange={(value) => navigate(`/reviews/questionnaires/${q.id}/${value}`)} keepMounted={false}>
        <Tabs.List>
          {TABS.map((t) => <Tabs.Tab key={t.value} value={t.value}>{t.value === 'distribute' && is360 ? 'Raters' : t.label}</Tabs.Tab>)}
        </Tabs.List>
        <Tabs.Panel value="questions" pt="md"><QuestionnaireBuilder key={q.id} questionnaire={q} onSaved={() => undefined} /></Tabs.Panel>
        <Tabs.Panel value="distribute" pt="md">{is360 ? <RatersPanel questionnaire={q} /> : <DistributePanel questionnaire={q} />}</Tabs.Panel>
        <Tabs.Panel value="respond" pt="md"><RespondPanel questionnaire={q} /></Tabs.Panel>
        <Tabs.Panel value="import" pt="md"><ImportResponsesPanel questionnaire={q} /></Tabs.Panel>
        <Tabs.Panel value="results" pt="md"><ResultsPanel questionnaire={q} /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function ArchiveButton({ questionnaire: q }: { questionnaire: Questionnaire }) {
  const archive = useApiMutation('reviews.archiveQuestionnaires');
  const navigate = useNavigate();
  const run = async () => {
    try {
      await archive.mutateAsync({ ids: [q.id], archived: !q.archived });
      notifications.show({ color: 'teal', message: q.archived ? `“${q.name}” restored.` : `“${q.name}” archived; its responses are kept.` });
      if (!q.archived) navigate('/reviews/questionnaires');
    } catch (e) {
      notifications.show({ color: 'red', title: 'Not changed', message: errorText(e) });
    }
  };
  return <Button variant="subtle" color={q.archived ? 'teal' : 'red'} onClick={run} loading={archive.isPending}>{q.archived ? 'Restore' : 'Archive'}</Button>;
}

function CloseButton({ questionnaire: q }: { questionnaire: Questionnaire }) {
  const close = useApiMutation('reviews.closeQuestionnaire');
  if (q.status !== 'open') return null;
  const run = async () => {
    try {
      await close.mutateAsync({ id: q.id, version: q.version });
      notifications.show({ color: 'teal', message: `“${q.name}” is closed; it takes no more responses.` });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Not closed', message: errorText(e) });
    }
  };
  return <Button variant="default" onClick={run} loading={close.isPending}>Close questionnaire</Button>;
}
