import type { reviewsApi } from '../../../src-shared/api/reviews';
import { AppError } from '../../../src-shared/errors';
import type { AreaHandlers } from '../handlers';
import { reviewReportHandlers, type ReportMethod } from './review-reports';

const notYet = async (): Promise<never> => {
  throw new AppError('INTERNAL', 'Review cycles are being built.');
};

const coreHandlers: Omit<AreaHandlers<typeof reviewsApi>, ReportMethod> = {
  'reviews.listRatingScales': notYet,
  'reviews.saveRatingScale': notYet,
  'reviews.archiveRatingScales': notYet,
  'reviews.listTemplates': notYet,
  'reviews.saveTemplate': notYet,
  'reviews.archiveTemplates': notYet,
  'reviews.listCycles': notYet,
  'reviews.getCycle': notYet,
  'reviews.saveCycle': notYet,
  'reviews.launchCycle': notYet,
  'reviews.closeCycle': notYet,
  'reviews.archiveCycles': notYet,
  'reviews.listReviews': notYet,
  'reviews.getReview': notYet,
  'reviews.saveAnswers': notYet,
  'reviews.submitStep': notYet,
  'reviews.advanceReview': notYet,
  'reviews.requestPeerFeedback': notYet,
  'reviews.overrideRating': notYet,
  'reviews.reopenReview': notYet,
};

export const reviewHandlers: AreaHandlers<typeof reviewsApi> = { ...coreHandlers, ...reviewReportHandlers };
