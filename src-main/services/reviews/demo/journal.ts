import type { JournalKind } from '../../../../src-shared/api';
import { random, type DemoCounts } from '../../shared/demo';
import type { DemoContext } from './context';

/**
 * Demo: feedback journal entries for about 40% of the people (one or two each, over the
 * past year, written by their manager), some linked to their own goal or to a review of
 * that period, and a goal library of common goals.
 */
export function insertDemoJournal(demo: DemoContext): DemoCounts {
  return { journalEntries: insertEntries(demo), goalLibraryItems: insertLibrary(demo) };
}

const TEXTS: Record<JournalKind, string[]> = {
  praise: [
    'Ran an excellent client workshop; the customer asked for the same format next quarter.',
    'Stepped in for a sick colleague and kept the release on schedule.',
    'Clear, calm communication during the incident; the post-mortem was a model of its kind.',
    'Onboarded two new joiners and wrote a guide the whole team now uses.',
    'Closed a difficult renewal by listening carefully to what the customer needed.',
    'Spotted a pricing error before it reached customers.',
  ],
  development: [
    'Agreed to work on estimating: the last two tasks ran twice as long as planned.',
    'Could delegate more; is often the bottleneck on reviews.',
    'Wants to present more; we picked the next team meeting as a first step.',
    'Needs to raise risks earlier instead of fixing them alone late in the week.',
    'Interested in a people-lead role; suggested the mentoring programme.',
    'Written proposals lack a clear recommendation up front; shared examples.',
  ],
  note: [
    'Asked about moving to a four-day week from next quarter.',
    'Back from parental leave; phased return agreed for the first month.',
    'Discussed career interests: data and analytics.',
    'Raised concerns about workload during the year-end peak.',
    'Completed the first-aid course; now a first aider for the floor.',
    'Mentioned interest in the Berlin office.',
  ],
};

const KIND_ROLL: [number, JournalKind][] = [[0.45, 'praise'], [0.75, 'development'], [1, 'note']];
const SHARED_CHANCE: Record<JournalKind, number> = { praise: 0.8, development: 0.5, note: 0.1 };
const DAY = 86_400_000;

function insertEntries(demo: DemoContext): number {
  const rng = random(demo.seed + 5);
  const { db, org, goals, today, now } = demo;
  const nameOf = new Map(org.employees.map((e) => [e.id, `${e.firstName} ${e.lastName}`]));
  const ownGoals = new Map<string, { id: string }[]>();
  for (const g of goals.goals) if (g.employeeId) ownGoals.set(g.employeeId, [...(ownGoals.get(g.employeeId) ?? []), g]);
  const reviewsOf = new Map<string, { id: string; periodStart: string; periodEnd: string }[]>();
  const reviewRows = db.prepare(`SELECT r.id, r.employee_id AS employeeId, c.period_start AS periodStart, c.period_end AS periodEnd
    FROM review r JOIN review_cycle c ON c.id = r.cycle_id`).all() as { id: string; employeeId: string; periodStart: string; periodEnd: string }[];
  for (const r of reviewRows) reviewsOf.set(r.employeeId, [...(reviewsOf.get(r.employeeId) ?? []), r]);
  const insert = db.prepare(`INSERT INTO journal_entry (id, created_at, updated_at, version, employee_id, date, author, kind, shared, text, goal_id, review_id, archived)
    VALUES (@id, @now, @now, 1, @employeeId, @date, @author, @kind, @shared, @text, @goalId, @reviewId, 0)`);
  let count = 0;
  for (const person of org.employees) {
    if (person.status === 'terminated' || rng.next() >= 0.4) continue;
    const entries = 1 + rng.int(2);
    for (let k = 0; k < entries; k++) {
      const date = new Date(Date.parse(today) - rng.int(365) * DAY).toISOString().slice(0, 10);
      const roll = rng.next();
      const kind = KIND_ROLL.find(([limit]) => roll < limit)![1];
      const goal = goals.periodStart <= date && rng.next() < 0.5 ? ownGoals.get(person.id)?.[0] : undefined;
      const review = (reviewsOf.get(person.id) ?? []).find((r) => r.periodStart <= date && date <= r.periodEnd && rng.next() < 0.5);
      insert.run({
        id: rng.uuid(), now, employeeId: person.id, date, author: (person.managerId && nameOf.get(person.managerId)) || demo.actor, kind,
        shared: rng.next() < SHARED_CHANCE[kind] ? 1 : 0, text: rng.pick(TEXTS[kind]), goalId: goal?.id ?? null, reviewId: review?.id ?? null,
      });
      count++;
    }
  }
  return count;
}

/** [title, category, unit, target, stretch, suggested weight, description] */
const LIBRARY: [string, string, string, number | null, boolean, number, string][] = [
  ['Close new business worth the quarterly quota', 'Sales', 'currency', 250000, false, 40, 'New annual contract value signed in the period.'],
  ['Grow existing accounts by 15%', 'Sales', 'percent', 15, false, 25, 'Expansion revenue from current customers.'],
  ['Keep customer satisfaction at 90 or above', 'Customers', 'rating', 90, false, 20, 'Average CSAT of the tickets and projects you led.'],
  ['Answer customer tickets within one working day', 'Customers', 'percent', 95, false, 15, 'Share of first responses inside one working day.'],
  ['Ship the planned roadmap items', 'Delivery', 'percent', 100, false, 30, 'Items committed at the start of the period, shipped and in use.'],
  ['Cut cycle time from commit to release by 20%', 'Delivery', 'percent', 20, true, 15, 'Median lead time for changes.'],
  ['Reduce production incidents to two per quarter', 'Quality', 'number', 2, false, 15, 'Incidents of severity 2 or above caused by your area.'],
  ['Automate one manual process', 'Efficiency', 'number', 1, false, 10, 'A recurring manual task replaced by a tool or script, with hours saved measured.'],
  ['Stay within the approved budget', 'Efficiency', 'percent', 100, false, 15, 'Spend at or under budget for your cost centre.'],
  ['Complete a professional certification', 'Growth', 'date', null, false, 10, 'Pass the agreed certification by the end of the period.'],
  ['Mentor a new joiner through their first six months', 'Growth', 'number', 1, false, 10, 'Regular one-to-ones and an agreed learning plan.'],
  ['Present at an internal or external event', 'Growth', 'number', 2, true, 5, 'Talks, brown-bags or conference sessions.'],
  ['Raise team engagement score to 80', 'People', 'number', 80, false, 20, 'Score from the yearly engagement survey.'],
  ['Hold monthly one-to-ones with every direct report', 'People', 'percent', 100, false, 10, 'Share of planned one-to-ones that took place.'],
  ['Document the key processes of the team', 'Knowledge', 'number', 5, false, 10, 'Written, reviewed and published in the team handbook.'],
];

function insertLibrary(demo: DemoContext): number {
  const rng = random(demo.seed + 6);
  const insert = demo.db.prepare(`INSERT INTO goal_library_item (id, created_at, updated_at, version, title, description, category, unit, target_value, stretch, suggested_weight, archived)
    VALUES (@id, @now, @now, 1, @title, @description, @category, @unit, @targetValue, @stretch, @suggestedWeight, 0)`);
  // Inserted last to first: the library lists the newest first, so it reads in the order above.
  for (const [title, category, unit, targetValue, stretch, suggestedWeight, description] of [...LIBRARY].reverse()) {
    insert.run({ id: rng.uuid(), now: demo.now, title, description, category, unit, targetValue, stretch: stretch ? 1 : 0, suggestedWeight });
  }
  return LIBRARY.length;
}
