import type { cycleMethods } from '../../../src-shared/api/reviews/cycles';
import { addToCycle, archiveCycles, closeCycle, getCycle, launchCycle, listCycles, saveCycle } from './cycles';
import { getReview, listReviews } from './reviews';
import { exportReviews, listReviewWindow } from './review-window';
import { archiveRatingScales, listRatingScales, saveRatingScale } from './scales';
import { archiveTemplates, listTemplates, saveTemplate } from './templates';
import { advanceReview, overrideRating, reopenReview, requestPeerFeedback, saveAnswers, submitStep } from './workflow';
import type { AreaHandlers } from '../../api/types';
import { reviewReportHandlers, type ReportMethod } from './report-handlers';

const coreHandlers: Omit<AreaHandlers<typeof cycleMethods>, ReportMethod> = {
  'reviews.listRatingScales': async (input, ctx) => ({ rows: await listRatingScales(ctx, input.includeArchived) }),
  'reviews.saveRatingScale': (input, ctx) => saveRatingScale(ctx, input),
  'reviews.archiveRatingScales': async (input, ctx) => ({ count: await archiveRatingScales(ctx, input.ids, input.archived ?? true) }),
  'reviews.listTemplates': async (input, ctx) => ({ rows: await listTemplates(ctx, input.includeArchived) }),
  'reviews.saveTemplate': (input, ctx) => saveTemplate(ctx, input),
  'reviews.archiveTemplates': async (input, ctx) => ({ count: await archiveTemplates(ctx, input.ids, input.archived ?? true) }),
  'reviews.listCycles': async (input, ctx) => ({ rows: await listCycles(ctx, input.includeArchived) }),
  'reviews.getCycle': async (input, ctx) => getCycle(ctx, input.id),
  'reviews.saveCycle': (input, ctx) => saveCycle(ctx, input),
  'reviews.launchCycle': (input, ctx) => launchCycle(ctx, input),
  'reviews.addToCycle': (input, ctx) => addToCycle(ctx, input),
  'reviews.closeCycle': (input, ctx) => closeCycle(ctx, input),
  'reviews.archiveCycles': async (input, ctx) => ({ count: await archiveCycles(ctx, input.ids, input.archived ?? true) }),
  'reviews.listReviews': (input, ctx) => listReviews(ctx, input),
  'reviews.listReviewWindow': async (input, ctx) => listReviewWindow(ctx, input),
  'reviews.exportReviews': (input, ctx) => exportReviews(ctx, input),
  'reviews.getReview': (input, ctx) => getReview(ctx, input.id),
  'reviews.saveAnswers': (input, ctx) => saveAnswers(ctx, input),
  'reviews.submitStep': (input, ctx) => submitStep(ctx, input),
  'reviews.advanceReview': (input, ctx) => advanceReview(ctx, input),
  'reviews.requestPeerFeedback': (input, ctx) => requestPeerFeedback(ctx, input),
  'reviews.overrideRating': (input, ctx) => overrideRating(ctx, input),
  'reviews.reopenReview': (input, ctx) => reopenReview(ctx, input),
};

export const cycleHandlers: AreaHandlers<typeof cycleMethods> = { ...coreHandlers, ...reviewReportHandlers };
