import type { DemoContext, DemoCounts } from './demo-context';

/** Demo: two completed review cycles and one in progress (filled in by the review reports work). */
export function insertDemoReviews(demo: DemoContext): DemoCounts {
  void demo;
  return {};
}
