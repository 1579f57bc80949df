import type { cycleMethods } from '../../../src-shared/api/reviews/cycles';
import { organisationName } from '../../exports/pdf/gap-report';
import { reviewPdf } from '../../exports/pdf/review-pdf';
import { exportCycleWorkbook } from '../../exports/review-cycle-xlsx';
import { getCycleProgress, getRatingDistribution } from './reports';
import { getReview } from './reviews';
import type { AreaHandlers } from '../../api/types';

export type ReportMethod = 'reviews.getCycleProgress' | 'reviews.getRatingDistribution' | 'reviews.exportReviewPdf' | 'reviews.exportCycle';

/** Cycle reports and documents: progress, rating distribution, the printable review, the cycle workbook. */
export const reviewReportHandlers: Pick<AreaHandlers<typeof cycleMethods>, ReportMethod> = {
  'reviews.getCycleProgress': (input, ctx) => getCycleProgress(ctx, input),
  'reviews.getRatingDistribution': (input, ctx) => getRatingDistribution(ctx, input),
  'reviews.exportReviewPdf': async (input, ctx) => reviewPdf(await getReview(ctx, input.reviewId), { organisation: organisationName(ctx), generatedAt: ctx.now }),
  'reviews.exportCycle': (input, ctx) => exportCycleWorkbook(ctx, input.cycleId),
};
