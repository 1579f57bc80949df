import { DEMO_GOALS } from '../../goals/demo';
import { DEMO_ORGANISATION } from '../../people/demo';
import { withIndexesDeferred } from '../../shared/bulk-load';
import type { DemoPart } from '../../shared/demo';
import { DEMO_SKILLS } from '../../skills/demo';
import type { DemoContext } from './context';
import { insertDemoReviews } from './cycles';
import { insertDemoJournal } from './journal';
import { insertDemoQuestionnaires } from './questionnaires';

/** Three annual review cycles, journal entries, an engagement survey and a 360. */
export const reviewsDemo: DemoPart = (demo) => {
  const context: DemoContext = {
    db: demo.db, org: demo.use(DEMO_ORGANISATION), skills: demo.use(DEMO_SKILLS), goals: demo.use(DEMO_GOALS),
    seed: demo.seed, today: demo.today, now: demo.now, actor: demo.actor,
  };
  // Tables filled in bulk get their other indexes once, at the end (a sort, not a random insert per row).
  return withIndexesDeferred(demo.db, ['review', 'journal_entry', 'questionnaire_invitation'], () => ({
    ...insertDemoReviews(context),
    ...insertDemoJournal(context),
    ...insertDemoQuestionnaires(context),
  }));
};
