import type { EntitySchema } from 'typeorm';

/** TypeORM schemas of the journal tables (only those edited through the shared batch save need one). */
export const journalEntities: EntitySchema[] = [];
