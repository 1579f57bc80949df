import type { cycleMethods } from '../../../src-shared/api/reviews/cycles';
import { ID, type Examples } from './ids';

const levels = [{ value: 1, label: 'Below' }, { value: 2, label: 'Meets' }, { value: 3, label: 'Exceeds' }];
const sections = [{ kind: 'goals', title: 'Goals', weight: 60 }, { kind: 'questions', title: 'Values', weight: 40, questions: [{ text: 'Teamwork', kind: 'rating', required: true }] }];
const population = { departmentIds: [ID], jobIds: [], employeeIds: [] };

/** One valid input per reviews method (see api-properties.test.ts). */
export const examples: Examples<typeof cycleMethods> = {
  'reviews.listRatingScales': {},
  'reviews.saveRatingScale': { name: 'Five point', levels },
  'reviews.archiveRatingScales': { ids: [ID] },
  'reviews.listTemplates': {},
  'reviews.saveTemplate': { name: 'Annual', sections, steps: { selfReview: true, peerFeedback: false } },
  'reviews.archiveTemplates': { ids: [ID] },
  'reviews.listCycles': {},
  'reviews.getCycle': { id: ID },
  'reviews.saveCycle': { name: '2026', periodStart: '2026-01-01', periodEnd: '2026-12-31', ratingScaleId: ID, templateId: ID, population, dueDate: '2027-01-31' },
  'reviews.launchCycle': { id: ID, version: 1 },
  'reviews.addToCycle': { id: ID, version: 1, employeeIds: [ID] },
  'reviews.closeCycle': { id: ID, version: 1 },
  'reviews.archiveCycles': { ids: [ID] },
  'reviews.listReviews': { cycleId: ID },
  'reviews.listReviewWindow': { cycleId: ID, offset: 0, limit: 200, sort: { field: 'finalText', desc: true }, filters: [{ field: 'managerName', contains: 'a' }], search: 'b' },
  'reviews.exportReviews': { cycleId: ID, format: 'csv', title: 'Reviews', columns: [{ field: 'employeeName', header: 'Employee' }], search: 'a' },
  'reviews.getReview': { id: ID },
  'reviews.saveAnswers': { reviewId: ID, respondent: 'self', answers: [{ itemKey: `goal:${ID}`, rating: 2 }] },
  'reviews.submitStep': { reviewId: ID, version: 1, step: 'self' },
  'reviews.advanceReview': { id: ID, version: 1, to: 'in_progress' },
  'reviews.requestPeerFeedback': { reviewId: ID, peerIds: [ID] },
  'reviews.overrideRating': { id: ID, version: 1, rating: 3, reason: 'Calibrated' },
  'reviews.reopenReview': { id: ID, version: 1, reason: 'Late feedback' },
  'reviews.getCycleProgress': { cycleId: ID },
  'reviews.getRatingDistribution': { cycleId: ID },
  'reviews.exportReviewPdf': { reviewId: ID },
  'reviews.exportCycle': { cycleId: ID },
};
