import type { DemoContext, DemoCounts } from './demo-context';

/** Demo: an engagement survey with responses (filled in by the questionnaires work). */
export function insertDemoQuestionnaires(demo: DemoContext): DemoCounts {
  void demo;
  return {};
}
