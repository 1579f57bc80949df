import { defineArea } from './common';

/** Not built yet: the area is named here so the navigation can say so. Its methods go in `methods`. */
export const calibrationArea = defineArea({
  key: 'calibration',
  label: 'Calibration',
  summary: 'Calibration sessions, the nine-box, rating bins against distribution guidelines.',
  methods: {},
});
