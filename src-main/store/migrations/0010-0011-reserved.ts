import type { MigrationInterface } from 'typeorm';
import { migrationName } from './kit';

/*
 * Numbers 10 and 11 belong to calibration and succession, built on other branches at the same time;
 * these stand in for them so this branch's migrations (12, 13) keep the numbering gap-free.
 * Delete this file (and its two entries in services/people/area.ts) when those migrations arrive.
 */
export class ReservedForCalibration0010 implements MigrationInterface {
  name = migrationName('ReservedForCalibration', 10);
  async up(): Promise<void> {}
  async down(): Promise<void> {}
}

export class ReservedForSuccession0011 implements MigrationInterface {
  name = migrationName('ReservedForSuccession', 11);
  async up(): Promise<void> {}
  async down(): Promise<void> {}
}
