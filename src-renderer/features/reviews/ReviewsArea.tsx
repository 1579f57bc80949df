import { Navigate, Route, Routes } from 'react-router-dom';
import { CyclePage } from './cycles/CyclePage';
import { CyclesPage } from './cycles/CyclesPage';
import { ReviewPage } from './review/ReviewPage';
import { RatingScalesPage } from './scales/RatingScalesPage';
import { TemplatesPage } from './templates/TemplatesPage';

/** Review cycles, their templates and rating scales, and the reviews themselves. */
export function ReviewsArea() {
  return (
    <Routes>
      <Route index element={<CyclesPage />} />
      <Route path="cycles/:id" element={<CyclePage />} />
      <Route path="review/:id" element={<ReviewPage />} />
      <Route path="templates" element={<TemplatesPage />} />
      <Route path="scales" element={<RatingScalesPage />} />
      <Route path="*" element={<Navigate to="/reviews" replace />} />
    </Routes>
  );
}
