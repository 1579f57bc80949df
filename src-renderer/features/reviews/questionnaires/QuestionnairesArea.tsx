import { Navigate, Route, Routes } from 'react-router-dom';
import { AnswerGroupsPage } from './AnswerGroupsPage';
import { QuestionnaireListPage } from './QuestionnaireListPage';
import { NewQuestionnairePage, QuestionnairePage } from './QuestionnairePage';

/** Questionnaires (360 feedback, engagement surveys): list, answer groups, and one page per questionnaire with its tabs. */
export function QuestionnairesArea() {
  return (
    <Routes>
      <Route index element={<QuestionnaireListPage />} />
      <Route path="answer-groups" element={<AnswerGroupsPage />} />
      <Route path="new" element={<NewQuestionnairePage />} />
      <Route path=":id/:tab?" element={<QuestionnairePage />} />
      <Route path="*" element={<Navigate to="/reviews/questionnaires" replace />} />
    </Routes>
  );
}
