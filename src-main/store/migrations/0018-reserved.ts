import type { MigrationInterface } from 'typeorm';
import { migrationName } from './kit';

/*
 * Number 18 belongs to the skill history migration, built on another branch at the same time; this
 * stands in for it so this branch's migration 19 keeps the numbering gap-free. Delete this file (and
 * its entry in services/reviews/area.ts) when that migration arrives.
 */
export class ReservedForSkillHistory0018 implements MigrationInterface {
  name = migrationName('ReservedForSkillHistory', 18);
  async up(): Promise<void> {}
  async down(): Promise<void> {}
}
