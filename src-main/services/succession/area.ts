import { successionArea } from '../../../src-shared/api/succession';
import { defineMainArea } from '../../area';
import { successionEntities } from '../../store/entities/succession';
import { Succession0012 } from '../../store/migrations/0012-succession';
import { successionDemo } from './demo';
import { successionHandlers } from './handlers';

export const successionMain = defineMainArea({
  contract: successionArea,
  handlers: successionHandlers,
  entities: successionEntities,
  migrations: [Succession0012],
  demo: successionDemo,
});
