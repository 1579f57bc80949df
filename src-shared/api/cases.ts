import { defineArea } from './common';

/** Not built yet: the area is named here so the navigation can say so. Its methods go in `methods`. */
export const casesArea = defineArea({
  key: 'cases',
  label: 'Cases',
  summary: 'HR cases opened from a review, goal, plan or gap, followed to resolution.',
  methods: {},
});
