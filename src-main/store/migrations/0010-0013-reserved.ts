import type { MigrationInterface } from 'typeorm';
import { migrationName } from './kit';

/*
 * Numbers 10 to 13 belong to calibration, succession and the organisation history, built on other
 * branches at the same time; these stand in for them so this branch's migration (14) keeps the
 * numbering gap-free. Delete this file (and its entries in services/insights/area.ts) when those
 * migrations arrive.
 */
export class Reserved0010 implements MigrationInterface {
  name = migrationName('Reserved', 10);
  async up(): Promise<void> {}
  async down(): Promise<void> {}
}

export class Reserved0011 implements MigrationInterface {
  name = migrationName('Reserved', 11);
  async up(): Promise<void> {}
  async down(): Promise<void> {}
}

export class Reserved0012 implements MigrationInterface {
  name = migrationName('Reserved', 12);
  async up(): Promise<void> {}
  async down(): Promise<void> {}
}

export class Reserved0013 implements MigrationInterface {
  name = migrationName('Reserved', 13);
  async up(): Promise<void> {}
  async down(): Promise<void> {}
}
