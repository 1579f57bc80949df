import { defineArea } from './common';

/** Not built yet: the area is named here so the navigation can say so. Its methods go in `methods`. */
export const successionArea = defineArea({
  key: 'succession',
  label: 'Succession',
  summary: 'Key positions, succession plans with ready-now / 1–2 / 3+ successors, charts exported to files.',
  methods: {},
});
