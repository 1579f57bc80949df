import type Database from 'better-sqlite3';
import type { DemoOrganisation } from './demo-data';
import type { DemoGoals } from './demo-goals';
import type { DemoSkills } from './demo-skills';

/** What each later part of the demo organisation builds on; parts insert on `db` inside the caller's transaction. */
export interface DemoContext {
  db: Database.Database;
  org: DemoOrganisation;
  skills: DemoSkills;
  goals: DemoGoals;
  seed: number;
  /** Calendar date the demo is built around (YYYY-MM-DD). */
  today: string;
  /** ISO timestamp for created/updated columns. */
  now: string;
  actor: string;
}

/** Counts of what a demo part inserted, for the audit record. */
export type DemoCounts = Record<string, number>;
