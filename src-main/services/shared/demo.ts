import type Database from 'better-sqlite3';

/** A value one area's demo part makes and a later one uses (the organisation, the skills…). */
export type DemoKey<T> = string & { readonly __demo?: T };
export const demoKey = <T>(name: string) => name as DemoKey<T>;

/**
 * What every area's demo part gets: the connection (inside the loader's transaction) and the settings
 * of this run. The tables triggers derive from others (employee_skill_latest, the analytics tallies)
 * are built once after every part has run (services/shared/bulk-load.ts): a part reads the tables
 * they come from, never those.
 */
export interface DemoRun {
  db: Database.Database;
  seed: number;
  employees: number;
  /** Calendar date the demo is built around (YYYY-MM-DD). */
  today: string;
  /** ISO timestamp for created/updated columns. */
  now: string;
  actor: string;
  provide<T>(key: DemoKey<T>, value: T): void;
  use<T>(key: DemoKey<T>): T;
}

/** Counts of what a part inserted, for the audit record. */
export type DemoCounts = Record<string, number>;
/** One area's part of the demo organisation; parts run in the order of the areas. */
export type DemoPart = (demo: DemoRun) => DemoCounts;

export function createDemoRun(settings: Omit<DemoRun, 'provide' | 'use'>): DemoRun {
  const made = new Map<string, unknown>();
  return {
    ...settings,
    provide: (key, value) => void made.set(key, value),
    use<T>(key: DemoKey<T>): T {
      if (!made.has(key)) throw new Error(`The demo part that makes "${key}" has to run first (areas run in list order).`);
      return made.get(key) as T;
    },
  };
}

const HEX = '0123456789abcdef';

/** mulberry32: small, fast, deterministic. */
export function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]) => items[int(items.length)];
  // A version-4 layout from 32 hex draws plus one for the variant; digits 12 and 16 are drawn and
  // replaced (the demo's ids depend on this exact sequence).
  const uuid = () => {
    let head = '';
    for (let i = 0; i < 16; i++) {
      const digit = HEX[int(16)];
      head += i === 12 ? '4' : digit;
    }
    int(16);
    let tail = '';
    for (let i = 17; i < 32; i++) tail += HEX[int(16)];
    const variant = HEX[8 + int(4)];
    return `${head.slice(0, 8)}-${head.slice(8, 12)}-${head.slice(12)}-${variant}${tail.slice(0, 3)}-${tail.slice(3)}`;
  };
  return { next, int, pick, uuid };
}
