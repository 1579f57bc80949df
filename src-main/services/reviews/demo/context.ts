import type Database from 'better-sqlite3';
import type { DemoGoals } from '../../goals/demo';
import type { DemoOrganisation } from '../../people/demo';
import type { DemoSkills } from '../../skills/demo';

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
