import { Initial0001 } from './0001-initial';

/** Ordered; the schema version of a database is the number of these it has applied. */
export const migrations = [Initial0001];
export const SCHEMA_VERSION = migrations.length;
