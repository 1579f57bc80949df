import { skillsArea } from '../../../src-shared/api/skills';
import { defineMainArea } from '../../area';
import { skillsRecordLabels } from './record-labels';
import { skillEntities } from '../../store/entities/skills';
import { Skills0002 } from '../../store/migrations/0002-skills';
import { SkillHistoryShape0018 } from '../../store/migrations/0018-skill-history-shape';
import { skillsDemo } from './demo';
import { skillsHandlers } from './handlers';

export const skillsMain = defineMainArea({
  contract: skillsArea,
  handlers: skillsHandlers,
  entities: skillEntities,
  migrations: [Skills0002, SkillHistoryShape0018],
  demo: skillsDemo,
  recordLabels: skillsRecordLabels,
});
