import { defineArea } from './common';

/** Not built yet: the area is named here so the navigation can say so. Its methods go in `methods`. */
export const careersArea = defineArea({
  key: 'careers',
  label: 'Careers',
  summary: 'Career paths between jobs and personal career plans.',
  methods: {},
});
