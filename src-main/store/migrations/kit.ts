import type { MigrationInterface } from 'typeorm';

export type MigrationClass = new () => MigrationInterface;

/**
 * TypeORM orders migrations by the number in the last 13 characters of their name, so the
 * name is the title followed by the migration's number: `Skills0000000000002`.
 */
export const migrationName = (title: string, number: number) => `${title}${String(number).padStart(13, '0')}`;

export const migrationNumber = (migration: MigrationClass): number => Number(new migration().name!.slice(-13));

/** The columns every versioned record starts with. */
export const TRACKED_COLUMNS = `id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1`;

/** All areas' migrations in number order; the numbers must run 1, 2, 3… without gaps or repeats. */
export function orderMigrations(migrations: MigrationClass[]): MigrationClass[] {
  const ordered = [...migrations].sort((a, b) => migrationNumber(a) - migrationNumber(b));
  ordered.forEach((migration, index) => {
    if (migrationNumber(migration) !== index + 1) {
      throw new Error(`Migration ${new migration().name} is out of sequence: expected number ${index + 1}. Number migrations 1, 2, 3… across all areas.`);
    }
  });
  return ordered;
}
