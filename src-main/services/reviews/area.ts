import { reviewsArea } from '../../../src-shared/api/reviews';
import { defineMainArea } from '../../area';
import { reviewsRecordLabels } from './record-labels';
import { reviewsEntities } from '../../store/entities/reviews';
import { Reviews0004 } from '../../store/migrations/0004-reviews';
import { Journal0005 } from '../../store/migrations/0005-journal';
import { Questionnaires0007 } from '../../store/migrations/0007-questionnaires';
import { AnonymousResponseTimes0009 } from '../../store/migrations/0009-anonymous-response-times';
import { ReviewsAtScale0017 } from '../../store/migrations/0017-reviews-at-scale';
import { JournalAtScale0019 } from '../../store/migrations/0019-journal-at-scale';
import { reviewsDemo } from './demo';
import { cycleHandlers } from './handlers';
import { journalHandlers } from './journal/handlers';
import { questionnaireHandlers } from './questionnaires/handlers';

/** Review cycles, the feedback journal and questionnaires. */
export const reviewsMain = defineMainArea({
  contract: reviewsArea,
  handlers: { ...cycleHandlers, ...journalHandlers, ...questionnaireHandlers },
  entities: reviewsEntities,
  migrations: [Reviews0004, Journal0005, Questionnaires0007, AnonymousResponseTimes0009, ReviewsAtScale0017, JournalAtScale0019],
  demo: reviewsDemo,
  recordLabels: reviewsRecordLabels,
});
