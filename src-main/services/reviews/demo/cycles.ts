import type { ReviewItem, ReviewStatus, StoredSection } from '../../../../src-shared/api';
import { overallRating, sectionScores } from '../../../../src-shared/domain/reviews';
import { PERSONAL } from '../../goals/demo';
import { sortedInserter } from '../../shared/bulk-load';
import { random, type DemoCounts } from '../../shared/demo';
import type { DemoContext } from './context';

/**
 * The reviews part of the demo organisation: one five-level rating scale, one template
 * (goals 50 / competencies 30 / questions 20, self-review on), the annual reviews of the two
 * previous years (all complete, about one in ten late) and this year's, in progress.
 * Ratings follow each person's steady "true" performance (roughly normal around 3), and the
 * computed rating is the weighted mean of the manager's answers, as the review screen scores it.
 */
export function insertDemoReviews(demo: DemoContext): DemoCounts {
  const rng = random(demo.seed + 3);
  const setup = insertScaleAndTemplate(demo, rng);
  const people = reviewees(demo, rng);
  const lookups = itemLookups(demo);
  const sql = statements(demo);
  const year = Number(demo.today.slice(0, 4));
  const counts = { ratingScales: 1, reviewTemplates: 1, reviewCycles: 0, reviews: 0, reviewAnswers: 0 };
  for (const plan of [pastCycle(year - 2), pastCycle(year - 1), currentCycle(year, demo.today)]) {
    const cycleId = rng.uuid();
    sql.cycle.run({ ...plan, id: cycleId, scaleId: setup.scaleId, templateId: setup.templateId, population: JSON.stringify(setup.population), levels: JSON.stringify(LEVELS), sections: JSON.stringify(setup.sections), steps: JSON.stringify(STEPS) });
    counts.reviewCycles++;
    for (const person of people) {
      if (person.hireDate > plan.launchDate) continue;
      const review = buildReview(plan, person, setup, lookups, demo, rng);
      const r = review.row;
      sql.review.run(review.id, demo.now, demo.now, cycleId, r.employeeId, r.managerId, r.jobId, r.departmentId, r.status,
        r.startedAt, r.readyAt, r.finalAt, r.completedAt, r.computedRating, r.overrideRating, r.overrideReason, r.finalRating, r.snapshot);
      for (const a of review.answers) sql.answer.add(rng.uuid(), review.id, a.respondent, a.itemKey, a.rating, a.comment, a.author, a.updatedAt);
      for (const step of review.steps) sql.step.add(review.id, step.step, step.status, step.requestedAt, step.submittedAt, step.submittedBy);
      counts.reviews++;
      counts.reviewAnswers += review.answers.length;
    }
  }
  sql.answer.finish();
  sql.step.finish();
  return counts;
}

// ---- Scale and template ------------------------------------------------------------------

const LEVELS = [
  { value: 1, label: 'Unsatisfactory', description: 'Falls clearly short of what the role needs.' },
  { value: 2, label: 'Needs improvement', description: 'Meets some expectations; needs to grow in others.' },
  { value: 3, label: 'Meets expectations', description: 'Does what the role needs, reliably.' },
  { value: 4, label: 'Exceeds expectations', description: 'Often goes beyond what the role needs.' },
  { value: 5, label: 'Outstanding', description: 'Consistently exceptional; a model for others.' },
];
const STEPS = { selfReview: true, peerFeedback: false };

interface Setup {
  scaleId: string;
  templateId: string;
  sections: StoredSection[];
  population: { departmentIds: string[]; jobIds: string[]; employeeIds: string[] };
}

function insertScaleAndTemplate(demo: DemoContext, rng: Rng): Setup {
  const scaleId = rng.uuid();
  const templateId = rng.uuid();
  const question = (text: string, kind: 'rating' | 'text', required: boolean) => ({ id: rng.uuid(), text, kind, required });
  const sections: StoredSection[] = [
    { kind: 'goals', title: 'Goals', weight: 50 },
    { kind: 'competencies', title: 'Competencies', weight: 30 },
    {
      kind: 'questions', title: 'Values and growth', weight: 20,
      questions: [question('Lives our values in everyday work', 'rating', true), question('Works well across teams', 'rating', true), question('What should they focus on next year?', 'text', false)],
    },
  ];
  const stamp = { now: demo.now };
  demo.db.prepare(`INSERT INTO rating_scale (id, created_at, updated_at, version, name, description, levels, archived) VALUES (@id, @now, @now, 1, @name, @description, @levels, 0)`)
    .run({ ...stamp, id: scaleId, name: 'Performance (5 levels)', description: 'The company-wide performance scale.', levels: JSON.stringify(LEVELS) });
  demo.db.prepare(`INSERT INTO review_template (id, created_at, updated_at, version, name, description, sections, steps, archived) VALUES (@id, @now, @now, 1, @name, @description, @sections, @steps, 0)`)
    .run({ ...stamp, id: templateId, name: 'Annual review', description: 'Goals, competencies of the job, and our values.', sections: JSON.stringify(sections), steps: JSON.stringify(STEPS) });
  const roots = demo.org.departments.filter((d) => !d.parentId).map((d) => d.id);
  return { scaleId, templateId, sections, population: { departmentIds: roots, jobIds: [], employeeIds: [] } };
}

// ---- Cycles ------------------------------------------------------------------------------------

interface CyclePlan {
  name: string;
  periodStart: string;
  periodEnd: string;
  launchDate: string;
  selfDue: string;
  managerDue: string;
  dueDate: string;
  status: 'active' | 'closed';
  closedAt: string | null;
  /** Reviews in this cycle are all complete (past years), or spread over the statuses (this year). */
  complete: boolean;
  /** Nothing in the cycle happens after this date. */
  until: string;
  createdAt: string;
}

function pastCycle(year: number): CyclePlan {
  return {
    name: `${year} annual review`, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, launchDate: `${year}-11-15`,
    selfDue: `${year}-12-06`, managerDue: `${year + 1}-01-10`, dueDate: `${year + 1}-01-31`, status: 'closed', closedAt: `${year + 1}-03-02T16:00:00.000Z`,
    complete: true, until: `${year + 1}-03-01`, createdAt: `${year}-11-01T09:00:00.000Z`,
  };
}

/** This year's cycle: launched about six weeks ago, due in a month. */
function currentCycle(year: number, today: string): CyclePlan {
  return {
    name: `${year} annual review`, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, launchDate: addDays(today, -40),
    selfDue: addDays(today, -10), managerDue: addDays(today, 14), dueDate: addDays(today, 30), status: 'active', closedAt: null,
    complete: false, until: today, createdAt: `${addDays(today, -50)}T09:00:00.000Z`,
  };
}

// ---- People ------------------------------------------------------------------------------------

interface Reviewee {
  id: string;
  name: string;
  hireDate: string;
  managerId: string | null;
  managerName: string | null;
  jobId: string;
  departmentId: string;
  /** Steady performance, roughly normal around 3 on the 1–5 scale. */
  performance: number;
}

function reviewees(demo: DemoContext, rng: Rng): Reviewee[] {
  const nameOf = new Map(demo.org.employees.map((e) => [e.id, `${e.firstName} ${e.lastName}`]));
  return demo.org.employees
    .filter((e) => e.status !== 'terminated')
    .map((e) => ({
      id: e.id, name: nameOf.get(e.id)!, hireDate: e.hireDate, managerId: e.managerId, managerName: e.managerId ? nameOf.get(e.managerId)! : null,
      jobId: e.jobId, departmentId: e.departmentId, performance: clamp(3 + normal(rng) * 0.75, 1, 5),
    }));
}

// ---- One review ------------------------------------------------------------------------------

const COMPETENCIES_RATED = 3;
const MANAGER_COMMENTS = ['Consistently reliable.', 'Great progress this year.', 'Needs to plan work earlier.', 'A strong partner to the team.', 'Should take on more ownership.', 'Handled a difficult quarter well.'];
const SELF_COMMENTS = ['I am proud of this.', 'I want to grow here.', 'This was harder than expected.', 'I learned a lot.'];
const FOCUS = ['Grow into a lead role.', 'Deepen technical skills.', 'Mentor new joiners.', 'Improve planning and estimates.', 'Build stakeholder relationships.'];

interface BuiltReview {
  id: string;
  row: Record<string, string | number | null>;
  answers: { respondent: 'self' | 'manager'; itemKey: string; rating: number | null; comment: string | null; author: string; updatedAt: string }[];
  steps: { step: string; status: 'submitted'; requestedAt: string; submittedAt: string; submittedBy: string }[];
}

function buildReview(plan: CyclePlan, person: Reviewee, setup: Setup, lookups: ItemLookups, demo: DemoContext, rng: Rng): BuiltReview {
  const status = plan.complete ? 'complete' : pickStatus(rng);
  const dates = reviewDates(plan, status, rng);
  const items = reviewItems(plan, person, setup, lookups, demo.goals.periodStart, rng);
  const answers: BuiltReview['answers'] = [];
  const answer = (respondent: 'self' | 'manager', item: ReviewItem, at: string) => {
    const bias = respondent === 'self' ? 0.3 : 0;
    const rating = item.answer === 'rating' ? clamp(Math.round(person.performance + bias + normal(rng) * 0.6), 1, 5) : null;
    const comment = item.answer === 'text' ? rng.pick(FOCUS) : rng.next() < 0.3 ? rng.pick(respondent === 'self' ? SELF_COMMENTS : MANAGER_COMMENTS) : null;
    answers.push({ respondent, itemKey: item.key, rating, comment, author: respondent === 'self' ? person.name : person.managerName ?? demo.actor, updatedAt: at });
  };
  if (dates.startedAt) {
    const selfItems = status === 'in_progress' ? items.slice(0, Math.ceil(items.length / 2)) : items;
    for (const item of selfItems) answer('self', item, dates.readyAt ?? dates.startedAt);
  }
  if (dates.finalAt) for (const item of items) answer('manager', item, dates.finalAt);
  const computed = dates.finalAt ? computedRating(setup.sections, items, answers) : null;
  const override = status === 'complete' && computed !== null && rng.next() < 0.05 ? clamp(Math.round(computed) + (rng.next() < 0.5 ? -1 : 1), 1, 5) : null;
  return {
    id: rng.uuid(),
    row: {
      employeeId: person.id, managerId: person.managerId, jobId: person.jobId, departmentId: person.departmentId, status,
      ...dates, computedRating: computed, overrideRating: override, overrideReason: override === null ? null : 'Adjusted in the calibration session.',
      finalRating: override ?? computed, snapshot: status === 'complete' ? JSON.stringify({ items }) : null,
    },
    answers,
    steps: reviewSteps(person, dates, demo.actor),
  };
}

const STATUS_SHARES: [ReviewStatus, number][] = [['not_started', 0.2], ['in_progress', 0.3], ['ready_for_review', 0.2], ['final_review', 0.15], ['complete', 0.15]];

function pickStatus(rng: Rng): ReviewStatus {
  let roll = rng.next();
  for (const [status, share] of STATUS_SHARES) if ((roll -= share) < 0) return status;
  return 'complete';
}

interface ReviewDates {
  startedAt: string | null;
  readyAt: string | null;
  finalAt: string | null;
  completedAt: string | null;
}

/** Dates in order between launch and completion; about one past review in ten completes after the due date. */
function reviewDates(plan: CyclePlan, status: ReviewStatus, rng: Rng): ReviewDates {
  const reached = (s: ReviewStatus) => STATUS_SHARES.findIndex(([x]) => x === status) >= STATUS_SHARES.findIndex(([x]) => x === s);
  const late = plan.complete && rng.next() < 0.1;
  const end = late ? addDays(plan.dueDate, 1 + rng.int(28)) : addDays(plan.launchDate, 14 + rng.int(Math.max(1, daysBetween(plan.launchDate, plan.complete ? plan.dueDate : plan.until) - 13)));
  const last = end > plan.until ? plan.until : end;
  const span = daysBetween(plan.launchDate, last);
  const at = (share: number) => stamp(addDays(plan.launchDate, Math.round(span * share)), rng);
  return {
    startedAt: reached('in_progress') ? at(0.1 + rng.next() * 0.15) : null,
    readyAt: reached('ready_for_review') ? at(0.35 + rng.next() * 0.15) : null,
    finalAt: reached('final_review') ? at(0.6 + rng.next() * 0.2) : null,
    completedAt: reached('complete') ? at(1) : null,
  };
}

function reviewSteps(person: Reviewee, dates: ReviewDates, actor: string): BuiltReview['steps'] {
  const steps: BuiltReview['steps'] = [];
  const requestedAt = dates.startedAt ?? '';
  const manager = person.managerName ?? actor;
  if (dates.readyAt) steps.push({ step: 'self', status: 'submitted', requestedAt, submittedAt: dates.readyAt, submittedBy: person.name });
  if (dates.finalAt) steps.push({ step: 'manager', status: 'submitted', requestedAt, submittedAt: dates.finalAt, submittedBy: manager });
  if (dates.completedAt) {
    steps.push({ step: 'employee_signoff', status: 'submitted', requestedAt: dates.finalAt!, submittedAt: dates.completedAt, submittedBy: person.name });
    steps.push({ step: 'manager_signoff', status: 'submitted', requestedAt: dates.finalAt!, submittedAt: dates.completedAt, submittedBy: manager });
  }
  return steps;
}

// ---- Items -----------------------------------------------------------------------------------

/**
 * Goals of the period, the job's competencies and the template's questions. Finished cycles
 * keep only the top-weighted competencies in their snapshots (less to insert); the running
 * cycle lists them all, as the review service does for a live review.
 */
function reviewItems(plan: CyclePlan, person: Reviewee, setup: Setup, lookups: ItemLookups, goalPeriodStart: string, rng: Rng): ReviewItem[] {
  const goals = plan.periodStart === goalPeriodStart ? (lookups.goalsByEmployee.get(person.id) ?? []) : pastGoals(person, rng);
  const required = lookups.requirementsByJob.get(person.jobId) ?? [];
  const competencies = plan.complete ? required.slice(0, COMPETENCIES_RATED) : required;
  const questions = setup.sections[2].questions ?? [];
  // Literals rather than spreads of shared defaults (the hot path of the demo at 50,000 people); the
  // keys keep the order the snapshots have always had.
  const items: ReviewItem[] = [];
  for (const g of goals) {
    items.push({
      description: null, answer: 'rating', required: true,
      goal: { unit: g.unit, startValue: g.startValue, targetValue: g.targetValue, actualValue: g.unit === 'percent' ? g.progress : null, progress: g.progress, status: g.status, stretch: false, periodStart: g.periodStart ?? plan.periodStart, periodEnd: g.periodEnd ?? plan.periodEnd },
      competency: null, key: `goal:${g.id}`, sectionIndex: 0, kind: 'goals', title: g.title, weight: g.weight,
    } as ReviewItem);
  }
  for (const r of competencies) {
    items.push({
      description: null, answer: 'rating', required: true, goal: null,
      competency: { requiredLevel: lookups.levelLabel(r.skillId, r.level), currentLevel: null },
      key: `skill:${r.skillId}`, sectionIndex: 1, kind: 'competencies', title: lookups.skillName.get(r.skillId)!, weight: r.weight,
    });
  }
  for (const q of questions) {
    items.push({ description: null, answer: q.kind, required: q.required, goal: null, competency: null, key: `question:${q.id}`, sectionIndex: 2, kind: 'questions', title: q.text, weight: 1 });
  }
  return items;
}

/**
 * Goals of a past year exist only in the snapshots of that year's reviews (the demo's goal
 * table holds this year's): two per person, achieved or missed in line with their performance.
 */
function pastGoals(person: Reviewee, rng: Rng): DemoContext['goals']['goals'] {
  return [0, 1].map(() => {
    const achieved = rng.next() < 0.35 + person.performance * 0.12;
    return {
      id: rng.uuid(), scope: 'individual' as const, employeeId: person.id, departmentId: null, title: rng.pick(PERSONAL), category: 'Personal', unit: 'percent',
      startValue: 0, targetValue: 100, weight: 50, status: achieved ? 'achieved' : 'missed', alignedToId: null, progress: achieved ? 100 : 30 + rng.int(60),
    };
  });
}

interface ItemLookups {
  goalsByEmployee: Map<string, DemoContext['goals']['goals']>;
  requirementsByJob: Map<string, DemoContext['skills']['requirements']>;
  skillName: Map<string, string>;
  levelLabel: (skillId: string, level: number) => string | null;
}

function itemLookups(demo: DemoContext): ItemLookups {
  const goalsByEmployee = groupBy(demo.goals.goals.filter((g) => g.scope === 'individual'), (g) => g.employeeId!);
  const requirementsByJob = groupBy(demo.skills.requirements, (r) => r.jobId);
  for (const list of requirementsByJob.values()) list.sort((a, b) => b.weight - a.weight);
  const skillName = new Map(demo.skills.skills.map((s) => [s.id, s.name]));
  const modelOf = new Map(demo.skills.skills.map((s) => [s.id, s.modelId]));
  const labels = new Map(demo.skills.models.map((m) => [m.id, m.levels.map((l) => l.label)]));
  return { goalsByEmployee, requirementsByJob, skillName, levelLabel: (skillId, level) => labels.get(modelOf.get(skillId)!)?.[level - 1] ?? null };
}

// ---- Scoring ---------------------------------------------------------------------------------

/** The computed rating from the manager's answers, exactly as the review service scores it. */
function computedRating(sections: StoredSection[], items: ReviewItem[], answers: BuiltReview['answers']): number | null {
  const manager = new Map(answers.filter((a) => a.respondent === 'manager').map((a) => [a.itemKey, a.rating]));
  const rated = items.filter((item) => item.answer === 'rating').map((item) => ({ sectionIndex: item.sectionIndex, weight: item.weight, rating: manager.get(item.key) ?? null }));
  const scores = sectionScores(sections.length, rated);
  return overallRating(sections.map((section, index) => ({ weight: section.weight, score: scores[index] })));
}

// ---- Statements and small helpers ---------------------------------------------------------------

function statements(demo: DemoContext) {
  return {
    cycle: demo.db.prepare(`INSERT INTO review_cycle (id, created_at, updated_at, version, name, period_start, period_end, rating_scale_id, template_id, population,
        self_review_due, manager_review_due, due_date, status, launched_at, closed_at, levels_snapshot, sections_snapshot, steps_snapshot, archived)
      VALUES (@id, @createdAt, @createdAt, 1, @name, @periodStart, @periodEnd, @scaleId, @templateId, @population,
        @selfDue, @managerDue, @dueDate, @status, @launchDate || 'T09:00:00.000Z', @closedAt, @levels, @sections, @steps, 0)`),
    // Positional parameters: the rows of the demo are many, and spreading each into named ones shows.
    review: demo.db.prepare(`INSERT INTO review (id, created_at, updated_at, version, cycle_id, employee_id, manager_id, job_id, department_id, status,
        started_at, ready_at, final_at, completed_at, computed_rating, override_rating, override_reason, final_rating, snapshot)
      VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    // Keyed by review (random ids): staged and inserted in key order.
    answer: sortedInserter(demo.db, 'review_answer', ['id', 'review_id', 'respondent', 'item_key', 'rating', 'comment', 'author', 'updated_at'], ['review_id', 'respondent', 'item_key']),
    step: sortedInserter(demo.db, 'review_step', ['review_id', 'step', 'status', 'requested_at', 'submitted_at', 'submitted_by'], ['review_id', 'step']),
  };
}

type Rng = ReturnType<typeof random>;

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(max, value));

/** A standard normal draw (Box–Muller). */
const normal = (rng: Rng) => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());

const DAY = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);
/** A working-hours timestamp on `date`. */
const stamp = (date: string, rng: Rng) => `${date}T${String(8 + rng.int(10)).padStart(2, '0')}:${String(rng.int(60)).padStart(2, '0')}:00.000Z`;

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
