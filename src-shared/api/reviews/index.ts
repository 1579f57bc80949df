import { defineArea } from '../common';
import { cycleMethods } from './cycles';
import { journalMethods } from './journal';
import { questionnaireMethods } from './questionnaires';

export * from './cycles';
export * from './journal';
export * from './questionnaires';

/** Review cycles and templates, the feedback journal, and questionnaires (surveys and 360s): one area, one `reviews.` prefix. */
export const reviewsArea = defineArea({
  key: 'reviews',
  label: 'Reviews',
  summary: 'Review cycles from templates, the feedback journal, questionnaires and surveys.',
  methods: { ...cycleMethods, ...journalMethods, ...questionnaireMethods },
});
