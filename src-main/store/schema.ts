import type { EntitySchema } from 'typeorm';
import { orderMigrations, type MigrationClass } from './migrations/kit';

/** What the store needs to open a file: every area's entities and migrations. */
export interface StoreSchema {
  entities: EntitySchema<any>[];
  /** In number order; the schema version of a file is the number of these it has applied. */
  migrations: MigrationClass[];
  version: number;
}

export function assembleSchema(parts: readonly { entities?: EntitySchema<any>[]; migrations?: MigrationClass[] }[]): StoreSchema {
  const migrations = orderMigrations(parts.flatMap((part) => part.migrations ?? []));
  return { entities: parts.flatMap((part) => part.entities ?? []), migrations, version: migrations.length };
}
