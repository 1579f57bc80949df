import type { DemoPart } from './demo';

/**
 * What the areas contribute to services that work across all of them (src-main/areas.ts builds it):
 * their parts of the demo organisation, in area order, and how to name their records in the audit log.
 */
export interface AreaRegistry {
  demoParts: readonly DemoPart[];
  /** Table → one SQL query giving `id` and `label` for every record of it, as the UI names them. */
  recordLabels: Readonly<Record<string, string>>;
}

/** A record's name from the people who hold or own it: "Ann Lee". */
export const personName = (alias: string) => `${alias}.first_name || ' ' || ${alias}.last_name`;
