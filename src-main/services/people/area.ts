import { peopleArea } from '../../../src-shared/api/people';
import { defineMainArea } from '../../area';
import { peopleEntities } from '../../store/entities/people';
import { Initial0001 } from '../../store/migrations/0001-initial';
import { peopleDemo } from './demo';
import { peopleHandlers } from './handlers';

export const peopleMain = defineMainArea({
  contract: peopleArea,
  handlers: peopleHandlers,
  entities: peopleEntities,
  // The first migration also made the audit and settings tables that admin owns.
  migrations: [Initial0001],
  demo: peopleDemo,
});
