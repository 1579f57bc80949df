import type { DemoContext, DemoCounts } from './demo-context';

/** Demo: feedback journal entries and a goal library (filled in by the journal work). */
export function insertDemoJournal(demo: DemoContext): DemoCounts {
  void demo;
  return {};
}
