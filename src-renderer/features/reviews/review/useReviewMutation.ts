import { useState } from 'react';
import type { Input, ReviewDetail } from '../../../../src-shared/api';
import { call } from '../../../api/client';
import { queryClient } from '../../../api/hooks';
import { errorText } from '../shared';

type ReviewWrite = 'reviews.saveAnswers' | 'reviews.submitStep' | 'reviews.overrideRating' | 'reviews.reopenReview' | 'reviews.requestPeerFeedback';

/** Runs review writes that answer with the whole review, keeps the page's copy current and the error next to the action. */
export function useReviewWrites(reviewId: string) {
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async <M extends ReviewWrite>(method: M, input: Input<M>): Promise<ReviewDetail | null> => {
    setPending(method);
    setError(null);
    try {
      const detail = (await call(method, input)) as ReviewDetail;
      queryClient.setQueryData(['reviews.getReview', { id: reviewId }], detail);
      return detail;
    } catch (e) {
      setError(errorText(e));
      return null;
    } finally {
      setPending(null);
    }
  };
  return { run, pending, error, clearError: () => setError(null) };
}
