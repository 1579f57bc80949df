import { Navigate, Route, Routes } from 'react-router-dom';
import { defineUiArea } from '../../app/area-module';
import { CyclePage } from './cycles/CyclePage';
import { CyclesPage } from './cycles/CyclesPage';
import { JournalArea } from './journal/JournalArea';
import { QuestionnairesArea } from './questionnaires/QuestionnairesArea';
import { ReviewPage } from './review/ReviewPage';
import { RatingScalesPage } from './scales/RatingScalesPage';
import { TemplatesPage } from './templates/TemplatesPage';

/** Review cycles, their templates and rating scales, the reviews, the feedback journal and questionnaires. */
export const area = defineUiArea({
  key: 'reviews',
  links: [
    { to: '/reviews', label: 'Review cycles' },
    { to: '/reviews/templates', label: 'Templates' },
    { to: '/reviews/scales', label: 'Rating scales' },
    { to: '/reviews/journal', label: 'Feedback journal' },
    { to: '/reviews/questionnaires', label: 'Questionnaires' },
  ],
  element: (
    <Routes>
      <Route index element={<CyclesPage />} />
      <Route path="cycles/:id" element={<CyclePage />} />
      <Route path="review/:id" element={<ReviewPage />} />
      <Route path="templates" element={<TemplatesPage />} />
      <Route path="scales" element={<RatingScalesPage />} />
      <Route path="journal/*" element={<JournalArea />} />
      <Route path="questionnaires/*" element={<QuestionnairesArea />} />
      <Route path="*" element={<Navigate to="/reviews" replace />} />
    </Routes>
  ),
});
