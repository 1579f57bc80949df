import { calibrationArea } from '../../../src-shared/api/calibration';
import { defineMainArea } from '../../area';
import { calibrationRecordLabels } from './record-labels';
import { calibrationEntities } from '../../store/entities/calibration';
import { Calibration0012 } from '../../store/migrations/0012-calibration';
import { calibrationDemo } from './demo';
import { calibrationHandlers } from './handlers';

/** Calibration sessions on review cycles: the nine-box, rating bins, guidelines and the write-back into reviews. */
export const calibrationMain = defineMainArea({
  contract: calibrationArea,
  handlers: calibrationHandlers,
  entities: calibrationEntities,
  migrations: [Calibration0012],
  demo: calibrationDemo,
  recordLabels: calibrationRecordLabels,
});
