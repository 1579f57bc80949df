import type { reviewsApi } from '../../../src-shared/api/reviews';
import { AppError } from '../../../src-shared/errors';
import type { AreaHandlers } from '../handlers';

export type ReportMethod = 'reviews.getCycleProgress' | 'reviews.getRatingDistribution' | 'reviews.exportReviewPdf' | 'reviews.exportCycle';

const notYet = async (): Promise<never> => {
  throw new AppError('INTERNAL', 'Review reports are being built.');
};

/** Cycle reports and documents: progress, rating distribution, the printable review, the cycle workbook. */
export const reviewReportHandlers: Pick<AreaHandlers<typeof reviewsApi>, ReportMethod> = {
  'reviews.getCycleProgress': notYet,
  'reviews.getRatingDistribution': notYet,
  'reviews.exportReviewPdf': notYet,
  'reviews.exportCycle': notYet,
};
