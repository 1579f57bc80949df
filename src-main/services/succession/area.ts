import { successionArea } from '../../../src-shared/api/succession';
import { defineMainArea } from '../../area';
import { successionEntities } from '../../store/entities/succession';
import { Succession0013 } from '../../store/migrations/0013-succession';
import { successionDemo } from './demo';
import { successionHandlers } from './handlers';
import { successionRecordLabels } from './record-labels';

export const successionMain = defineMainArea({
  contract: successionArea,
  handlers: successionHandlers,
  entities: successionEntities,
  migrations: [Succession0013],
  demo: successionDemo,
  recordLabels: successionRecordLabels,
});
