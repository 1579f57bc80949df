import type { questionnaireMethods } from '../../../../src-shared/api/reviews/questionnaires';
import {
  archiveAnswerGroups, archiveQuestionnaires, closeQuestionnaire, getQuestionnaire, listAnswerGroups, listQuestionnaires, saveAnswerGroup, saveQuestionnaire,
} from './definitions';
import { distributeQuestionnaire, inviteRaters, listInvitations } from './distribution';
import { commitResponseImport, previewResponseImport } from './response-import';
import { submitResponse } from './responses';
import { getQuestionnaireResults } from './results';
import type { AreaHandlers } from '../../../api/types';

export const questionnaireHandlers: AreaHandlers<typeof questionnaireMethods> = {
  'reviews.listAnswerGroups': async (input, ctx) => ({ rows: await listAnswerGroups(ctx, input.includeArchived) }),
  'reviews.saveAnswerGroup': (input, ctx) => saveAnswerGroup(ctx, input),
  'reviews.archiveAnswerGroups': async (input, ctx) => ({ count: await archiveAnswerGroups(ctx, input.ids, input.archived ?? true) }),
  'reviews.listQuestionnaires': async (input, ctx) => ({ rows: await listQuestionnaires(ctx, input.includeArchived) }),
  'reviews.getQuestionnaire': async (input, ctx) => getQuestionnaire(ctx, input.id),
  'reviews.saveQuestionnaire': (input, ctx) => saveQuestionnaire(ctx, input),
  'reviews.distributeQuestionnaire': (input, ctx) => distributeQuestionnaire(ctx, input),
  'reviews.inviteRaters': (input, ctx) => inviteRaters(ctx, input),
  'reviews.closeQuestionnaire': (input, ctx) => closeQuestionnaire(ctx, input.id, input.version),
  'reviews.archiveQuestionnaires': async (input, ctx) => ({ count: await archiveQuestionnaires(ctx, input.ids, input.archived ?? true) }),
  'reviews.listInvitations': async (input, ctx) => ({ rows: await listInvitations(ctx, input) }),
  'reviews.submitResponse': (input, ctx) => submitResponse(ctx, input),
  'reviews.previewResponseImport': (input, ctx) => previewResponseImport(ctx, input),
  'reviews.commitResponseImport': (input, ctx) => commitResponseImport(ctx, input),
  'reviews.getQuestionnaireResults': (input, ctx) => getQuestionnaireResults(ctx, input.id),
};
