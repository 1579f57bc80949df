import { defineArea } from './common';

/** Not built yet: the area is named here so the navigation can say so. Its methods go in `methods`. */
export const learningArea = defineArea({
  key: 'learning',
  label: 'Learning',
  summary: 'Course catalogue and sessions, learning plans, assignments, progress and results.',
  methods: {},
});
