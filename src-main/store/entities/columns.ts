import type { EntitySchemaColumnOptions } from 'typeorm';

/** Column shapes every entity shares. */
export interface Tracked {
  id: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export const trackedColumns: Record<string, EntitySchemaColumnOptions> = {
  id: { type: 'text', primary: true },
  createdAt: { type: 'text', name: 'created_at' },
  updatedAt: { type: 'text', name: 'updated_at' },
  version: { type: 'integer' },
};
export const archived: EntitySchemaColumnOptions = { type: 'boolean', default: false };
export const nullableText = (name?: string): EntitySchemaColumnOptions => ({ type: 'text', nullable: true, name });
export const nullableReal = (name: string): EntitySchemaColumnOptions => ({ type: 'real', nullable: true, name });
