import type { EntitySchema } from 'typeorm';

/** TypeORM schemas of the reviews tables (only those edited through the shared batch save need one). */
export const reviewsEntities: EntitySchema[] = [];
