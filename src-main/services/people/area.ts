import { peopleArea } from '../../../src-shared/api/people';
import { defineMainArea } from '../../area';
import { peopleEntities } from '../../store/entities/people';
import { Initial0001 } from '../../store/migrations/0001-initial';
import { ReservedForCalibration0010, ReservedForSuccession0011 } from '../../store/migrations/0010-0011-reserved';
import { TerminationDates0012 } from '../../store/migrations/0012-termination-dates';
import { OrganisationHistory0013 } from '../../store/migrations/0013-organisation-history';
import { peopleDemo } from './demo';
import { peopleHandlers } from './handlers';

export const peopleMain = defineMainArea({
  contract: peopleArea,
  handlers: peopleHandlers,
  entities: peopleEntities,
  // The first migration also made the audit and settings tables that admin owns.
  migrations: [Initial0001, ReservedForCalibration0010, ReservedForSuccession0011, TerminationDates0012, OrganisationHistory0013],
  demo: peopleDemo,
});
