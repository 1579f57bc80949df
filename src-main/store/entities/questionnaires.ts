import type { EntitySchema } from 'typeorm';

/** TypeORM schemas of the questionnaires tables (only those edited through the shared batch save need one). */
export const questionnairesEntities: EntitySchema[] = [];
