import type Database from 'better-sqlite3';
import { DEMO_ORGANISATION, type DemoOrganisation } from '../people/demo';
import { sortedInserter, withIndexesDeferred } from '../shared/bulk-load';
import { demoKey, random, type DemoPart } from '../shared/demo';

/**
 * The skills part of the demo organisation: skill types, two rating models, about 600
 * skills in a hierarchy, requirements for every job and employee levels with history.
 * The levels (about 14 a person) are made as they are inserted, never held all at once.
 */
export interface DemoSkills {
  types: { id: string; name: string; description: string }[];
  models: { id: string; name: string; description: string; levels: { label: string; description: string; factor: number }[] }[];
  skills: { id: string; name: string; description: string; typeId: string; modelId: string; parentId: string | null }[];
  requirements: { id: string; jobId: string; skillId: string; level: number; weight: number }[];
}

export interface DemoSkillLevel { id: string; employeeId: string; skillId: string; level: number; effectiveDate: string; source: string; verifiedBy: string | null }

const FAMILY_SKILLS: Record<string, string[]> = {
  Engineering: ['TypeScript', 'Python', 'Java', 'Go', 'SQL', 'Kubernetes', 'Cloud architecture', 'Distributed systems', 'Test automation', 'Security engineering', 'Observability', 'API design', 'Data modelling', 'CI/CD', 'Performance tuning', 'Incident response'],
  Product: ['Product discovery', 'Roadmapping', 'User research', 'Interaction design', 'Prototyping', 'Analytics', 'Experimentation', 'Pricing', 'Accessibility', 'Visual design'],
  Sales: ['Prospecting', 'Negotiation', 'Account planning', 'Solution selling', 'Forecasting', 'CRM hygiene', 'Contract management', 'Territory planning', 'Demo delivery', 'Partner management'],
  Marketing: ['Brand strategy', 'Content strategy', 'SEO', 'Paid media', 'Marketing analytics', 'Copywriting', 'Event management', 'Product positioning', 'Campaign management', 'Marketing automation'],
  'Customer Success': ['Troubleshooting', 'Customer onboarding', 'Renewals', 'Escalation handling', 'Product training', 'Knowledge base writing', 'Health scoring', 'Implementation planning'],
  Finance: ['Financial modelling', 'Budgeting', 'IFRS reporting', 'Tax compliance', 'Treasury management', 'Procurement', 'Audit preparation', 'Cost accounting'],
  People: ['Employment law', 'Talent acquisition', 'Compensation design', 'Learning design', 'Employee relations', 'HR analytics', 'Workforce planning', 'Coaching'],
  Operations: ['Process improvement', 'IT service management', 'Contract law', 'Vendor management', 'Supply planning', 'Facilities management', 'Data protection', 'Project management'],
  Executive: ['Strategy', 'Board communication', 'Capital allocation', 'Organisation design'],
};
const SUB_TOPICS = ['Fundamentals', 'Advanced practice', 'Tooling', 'Standards', 'Mentoring others', 'Troubleshooting', 'Planning', 'Quality', 'Automation', 'Reporting', 'Governance', 'Optimisation'];
const BEHAVIOURAL = ['Communication', 'Collaboration', 'Problem solving', 'Adaptability', 'Ownership', 'Customer focus', 'Decision making', 'Giving feedback', 'Coaching others', 'Strategic thinking', 'Influencing', 'Resilience', 'Time management', 'Inclusion', 'Leading change', 'Conflict resolution', 'Planning and organising', 'Commercial awareness', 'Building relationships', 'Developing people'];
const LANGUAGES = ['English', 'German', 'French', 'Spanish', 'Dutch', 'Mandarin', 'Japanese', 'Portuguese', 'Italian', 'Polish', 'Turkish', 'Arabic', 'Hindi', 'Swedish'];
const CERTIFICATIONS = ['AWS Solutions Architect', 'Azure Administrator', 'Certified Kubernetes Administrator', 'CISSP', 'PMP', 'PRINCE2', 'ITIL Foundation', 'Scrum Master', 'CPA', 'ACCA', 'CIPD Level 5', 'SHRM-CP', 'Google Analytics', 'Salesforce Administrator', 'ISO 27001 Lead Auditor', 'Six Sigma Green Belt', 'CFA Level I', 'Certified Information Privacy Professional'];

const PROFICIENCY = [
  { label: 'Awareness', description: 'Knows the basics; needs guidance.', factor: 1 },
  { label: 'Working', description: 'Applies it in routine work with occasional help.', factor: 3 },
  { label: 'Proficient', description: 'Applies it independently in varied situations.', factor: 5 },
  { label: 'Advanced', description: 'Handles complex cases; guides others.', factor: 7 },
  { label: 'Expert', description: 'Recognised authority; shapes practice.', factor: 9 },
];
const BEHAVIOUR_SCALE = [
  { label: 'Developing', description: 'Shows the behaviour sometimes.', factor: 2 },
  { label: 'Effective', description: 'Shows it consistently in own work.', factor: 4 },
  { label: 'Strong', description: 'Shows it in difficult situations and encourages it in others.', factor: 6 },
  { label: 'Role model', description: 'Sets the standard across the organisation.', factor: 8 },
];

const LEVEL_INDEX: Record<string, number> = { L1: 2, L2: 2, L3: 3, L4: 4, L5: 5, M1: 3, M2: 4, M3: 4, E1: 5, E2: 5 };

/** The repository, and the people's levels to draw from the same random stream once it is made. */
export function generateDemoSkills(org: DemoOrganisation, seed: number, today: string): { repository: DemoSkills; levels: Generator<DemoSkillLevel> } {
  const rng = random(seed + 1);
  const demo: DemoSkills = { types: [], models: [], skills: [], requirements: [] };
  const type = (name: string, description: string) => (demo.types.push({ id: rng.uuid(), name, description }), demo.types.at(-1)!.id);
  const technical = type('Technical', 'Job-specific knowledge and tools.');
  const behavioural = type('Behavioural', 'How people work with others and themselves.');
  const language = type('Language', 'Spoken and written languages.');
  const certification = type('Certification', 'Professional certifications.');
  const proficiency = rng.uuid();
  const behaviourModel = rng.uuid();
  demo.models.push({ id: proficiency, name: 'Proficiency (5 levels)', description: 'For technical skills, languages and certifications.', levels: PROFICIENCY });
  demo.models.push({ id: behaviourModel, name: 'Behaviour (4 levels)', description: 'For behavioural competencies.', levels: BEHAVIOUR_SCALE });
  const skill = (name: string, typeId: string, modelId: string, parentId: string | null = null) => {
    demo.skills.push({ id: rng.uuid(), name, description: `${name}.`, typeId, modelId, parentId });
    return demo.skills.at(-1)!.id;
  };
  const familySkills = new Map<string, string[]>();
  for (const [family, names] of Object.entries(FAMILY_SKILLS)) {
    const ids = names.map((name) => skill(name, technical, proficiency));
    familySkills.set(family, ids);
    ids.forEach((parentId, i) => SUB_TOPICS.slice(0, 4 + ((i * 7) % 6)).forEach((topic) => skill(`${names[i]}: ${topic}`, technical, proficiency, parentId)));
  }
  const behaviours = BEHAVIOURAL.map((name) => skill(name, behavioural, behaviourModel));
  const languages = LANGUAGES.map((name) => skill(name, language, proficiency));
  CERTIFICATIONS.forEach((name) => skill(name, certification, proficiency));
  addRequirements(org, demo, rng, familySkills, behaviours);
  const topLevel = new Map(demo.skills.map((s) => [s.id, s.modelId === behaviourModel ? BEHAVIOUR_SCALE.length : PROFICIENCY.length]));
  return { repository: demo, levels: levelsOfPeople(org, demo, rng, languages, today, topLevel) };
}

function addRequirements(org: DemoOrganisation, demo: DemoSkills, rng: ReturnType<typeof random>, familySkills: Map<string, string[]>, behaviours: string[]) {
  for (const job of org.jobs) {
    const technical = familySkills.get(job.family) ?? familySkills.get('Operations')!;
    const target = LEVEL_INDEX[job.level] ?? 3;
    const picks = new Set<string>();
    while (picks.size < Math.min(5, technical.length)) picks.add(rng.pick(technical));
    for (const skillId of picks) demo.requirements.push({ id: rng.uuid(), jobId: job.id, skillId, level: clamp(target + rng.int(2) - (rng.next() < 0.3 ? 1 : 0), 1, 5), weight: rng.pick([1, 2, 3, 3, 4, 5]) });
    const soft = new Set<string>();
    while (soft.size < Math.min(3, behaviours.length)) soft.add(rng.pick(behaviours));
    for (const skillId of soft) demo.requirements.push({ id: rng.uuid(), jobId: job.id, skillId, level: clamp(target - 1, 1, 4), weight: rng.pick([1, 2, 3]) });
  }
}

function* levelsOfPeople(org: DemoOrganisation, demo: DemoSkills, rng: ReturnType<typeof random>, languages: string[], today: string, topLevel: Map<string, number>): Generator<DemoSkillLevel> {
  const byJob = new Map<string, DemoSkills['requirements']>();
  for (const r of demo.requirements) byJob.set(r.jobId, [...(byJob.get(r.jobId) ?? []), r]);
  const nameOf = new Map(org.employees.map((e) => [e.id, `${e.firstName} ${e.lastName}`]));
  for (const person of org.employees) {
    if (person.status === 'terminated') continue;
    const manager = person.managerId ? nameOf.get(person.managerId)! : null;
    for (const requirement of byJob.get(person.jobId) ?? []) {
      if (rng.next() < 0.12) continue;
      const top = topLevel.get(requirement.skillId)!;
      let level = clamp(requirement.level - 1 - rng.int(2), 1, top);
      const steps = 1 + rng.int(3);
      for (let step = 0; step < steps; step++) {
        // Steps about ten months apart, the last within the past year.
        const date = daysBefore(today, (steps - 1 - step) * 300 + rng.int(300));
        yield { id: rng.uuid(), employeeId: person.id, skillId: requirement.skillId, level, effectiveDate: date > person.hireDate ? date : daysBefore(person.hireDate, -step), source: step === 0 ? 'self' : rng.pick(['manager', 'assessment', 'course']), verifiedBy: step > 0 && manager ? manager : null };
        level = clamp(level + 1, 1, top);
      }
    }
    if (rng.next() < 0.4) yield { id: rng.uuid(), employeeId: person.id, skillId: rng.pick(languages), level: 3 + rng.int(3), effectiveDate: person.hireDate, source: 'self', verifiedBy: null };
  }
}

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(max, value));

const daysBefore = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/** Inserts the repository, then the levels as they are drawn; returns how many levels. */
export function insertDemoSkills(db: Database.Database, demo: DemoSkills, levels: Iterable<DemoSkillLevel>, now: string, actor: string): number {
  const type = db.prepare(`INSERT INTO skill_type (id, name, description, archived, created_at, updated_at, version) VALUES (?, ?, ?, 0, ?, ?, 1)`);
  const model = db.prepare(`INSERT INTO rating_model (id, name, description, archived, created_at, updated_at, version) VALUES (?, ?, ?, 0, ?, ?, 1)`);
  const level = db.prepare(`INSERT INTO rating_level (rating_model_id, value, label, description, factor) VALUES (?, ?, ?, ?, ?)`);
  const skill = db.prepare(`INSERT INTO skill (id, name, description, skill_type_id, rating_model_id, parent_id, archived, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, 1)`);
  const requirement = db.prepare(`INSERT INTO job_skill (id, job_id, skill_id, level, weight, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, 1)`);

  for (const t of demo.types) type.run(t.id, t.name, t.description, now, now);
  for (const m of demo.models) {
    model.run(m.id, m.name, m.description, now, now);
    m.levels.forEach((l, i) => level.run(m.id, i + 1, l.label, l.description, l.factor));
  }
  for (const s of demo.skills) skill.run(s.id, s.name, s.description, s.typeId, s.modelId, s.parentId, now, now);
  for (const r of demo.requirements) requirement.run(r.id, r.jobId, r.skillId, r.level, r.weight, now, now);
  // The history goes in in id order (random ids), with its other indexes built once, after its rows.
  return withIndexesDeferred(db, ['employee_skill'], () => {
    const history = sortedInserter(db, 'employee_skill', ['id', 'employee_id', 'skill_id', 'level', 'effective_date', 'source', 'verified_by', 'notes', 'recorded_at', 'recorded_by'], ['id']);
    let count = 0;
    for (const l of levels) {
      history.add(l.id, l.employeeId, l.skillId, l.level, l.effectiveDate, l.source, l.verifiedBy, null, now, actor);
      count++;
    }
    history.finish();
    return count;
  });
}

export const DEMO_SKILLS = demoKey<DemoSkills>('skills.repository');

export const skillsDemo: DemoPart = (demo) => {
  const { repository, levels } = generateDemoSkills(demo.use(DEMO_ORGANISATION), demo.seed, demo.today);
  const skillLevels = insertDemoSkills(demo.db, repository, levels, demo.now, demo.actor);
  demo.provide(DEMO_SKILLS, repository);
  return { skills: repository.skills.length, requirements: repository.requirements.length, skillLevels };
};
