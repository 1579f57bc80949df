import { goalsArea } from '../../../src-shared/api/goals';
import { defineMainArea } from '../../area';
import { goalsRecordLabels } from './record-labels';
import { goalEntities } from '../../store/entities/goals';
import { Goals0003 } from '../../store/migrations/0003-goals';
import { GoalLibrary0006 } from '../../store/migrations/0006-goal-library';
import { goalsDemo } from './demo';
import { goalsHandlers } from './handlers';

export const goalsMain = defineMainArea({
  contract: goalsArea,
  handlers: goalsHandlers,
  entities: goalEntities,
  migrations: [Goals0003, GoalLibrary0006],
  demo: goalsDemo,
  recordLabels: goalsRecordLabels,
});
