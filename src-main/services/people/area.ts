import { peopleArea } from '../../../src-shared/api/people';
import { defineMainArea } from '../../area';
import { peopleRecordLabels } from './record-labels';
import { peopleEntities } from '../../store/entities/people';
import { Initial0001 } from '../../store/migrations/0001-initial';
import { TerminationDates0010 } from '../../store/migrations/0010-termination-dates';
import { OrganisationHistory0011 } from '../../store/migrations/0011-organisation-history';
import { PositionTitles0015 } from '../../store/migrations/0015-position-titles';
import { PeopleAtScale0016 } from '../../store/migrations/0016-people-at-scale';
import { peopleDemo } from './demo';
import { peopleHandlers } from './handlers';

export const peopleMain = defineMainArea({
  contract: peopleArea,
  handlers: peopleHandlers,
  entities: peopleEntities,
  // The first migration also made the audit and settings tables that admin owns.
  migrations: [Initial0001, TerminationDates0010, OrganisationHistory0011, PositionTitles0015, PeopleAtScale0016],
  demo: peopleDemo,
  recordLabels: peopleRecordLabels,
});
