import type { questionnaireMethods } from '../../../src-shared/api/reviews/questionnaires';
import { ID, type Examples } from './ids';

const CSV = Buffer.from('Employee number,Q1\nE1,Agree\n').toString('base64');
const QUESTION = { id: ID, text: 'I enjoy my work', type: 'scale', required: true, scaleMin: 1, scaleMax: 5 };
const population = { departmentIds: [ID], jobIds: [], employeeIds: [] };

/** One valid input per questionnaire method (see api-properties.test.ts). */
export const examples: Examples<typeof questionnaireMethods> = {
  'reviews.listAnswerGroups': { includeArchived: true },
  'reviews.saveAnswerGroup': { name: 'Agreement', options: [{ label: 'Disagree', points: 1 }, { label: 'Agree', points: 5 }] },
  'reviews.archiveAnswerGroups': { ids: [ID] },
  'reviews.listQuestionnaires': {},
  'reviews.getQuestionnaire': { id: ID },
  'reviews.saveQuestionnaire': {
    name: '360 for Ann', kind: 'feedback_360', subjectEmployeeId: ID, anonymous: true, sections: [{ title: 'Work', questions: [QUESTION] }], resultGroups: [{ minPoints: 0, maxPoints: 5, text: 'OK' }],
  },
  'reviews.distributeQuestionnaire': { id: ID, version: 1, population },
  'reviews.inviteRaters': { id: ID, version: 1, raters: [{ employeeId: ID, relationship: 'peer' }] },
  'reviews.closeQuestionnaire': { id: ID, version: 1 },
  'reviews.archiveQuestionnaires': { ids: [ID] },
  'reviews.listInvitations': { questionnaireId: ID },
  'reviews.submitResponse': { invitationId: ID, answers: [{ questionId: ID, value: 4 }] },
  'reviews.previewResponseImport': { questionnaireId: ID, fileName: 'r.csv', contentBase64: CSV },
  'reviews.commitResponseImport': { questionnaireId: ID, fileName: 'r.csv', contentBase64: CSV },
  'reviews.getQuestionnaireResults': { id: ID },
};
