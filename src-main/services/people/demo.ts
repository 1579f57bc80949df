import type Database from 'better-sqlite3';
import { withIndexesDeferred } from '../shared/bulk-load';
import { todayIso } from '../../../src-shared/domain/dates';
import { demoKey, random, type DemoPart } from '../shared/demo';

/**
 * A deterministic, plausible demo organisation: the same seed and size always give the
 * same departments, jobs, positions and people (ids included), so demos, tests and
 * benchmarks agree. Later areas extend it.
 */
export interface DemoOrganisation {
  departments: { id: string; name: string; code: string; parentId: string | null }[];
  jobs: { id: string; title: string; family: string; level: string; description: string }[];
  positions: { id: string; title: string; jobId: string; departmentId: string; reportsToId: string | null; isKey: boolean }[];
  employees: {
    id: string; employeeNumber: string; firstName: string; lastName: string; email: string; hireDate: string;
    status: 'active' | 'on_leave' | 'terminated'; managerId: string | null; positionId: string | null;
    departmentId: string; jobId: string; location: string; terminationDate: string | null;
  }[];
  /** The organisation history: each person's rows from their hire date (some moved or were promoted since). */
  assignments: {
    id: string; employeeId: string; effectiveDate: string;
    departmentId: string | null; jobId: string | null; managerId: string | null; positionId: string | null;
  }[];
}

interface Division { name: string; code: string; share: number; family: string; teams: string[]; roles: [string, string[]][]; manager: string; head: string }

const DIVISIONS: Division[] = [
  { name: 'Engineering', code: 'ENG', share: 0.3, family: 'Engineering', manager: 'Engineering Manager', head: 'VP Engineering',
    teams: ['Platform', 'Payments', 'Mobile', 'Web', 'Data', 'Infrastructure', 'Security', 'Search', 'Identity', 'Integrations', 'Developer Tools', 'Reliability'],
    roles: [['Software Engineer', ['L1', 'L2', 'L3', 'L4', 'L5']], ['QA Engineer', ['L1', 'L2', 'L3']], ['Site Reliability Engineer', ['L2', 'L3', 'L4']], ['Data Engineer', ['L1', 'L2', 'L3', 'L4']]] },
  { name: 'Product', code: 'PRD', share: 0.08, family: 'Product', manager: 'Group Product Manager', head: 'VP Product',
    teams: ['Core Product', 'Growth', 'Design', 'Research', 'Analytics'],
    roles: [['Product Manager', ['L2', 'L3', 'L4']], ['Product Designer', ['L1', 'L2', 'L3', 'L4']], ['UX Researcher', ['L2', 'L3']], ['Data Analyst', ['L1', 'L2', 'L3']]] },
  { name: 'Sales', code: 'SAL', share: 0.18, family: 'Sales', manager: 'Sales Manager', head: 'VP Sales',
    teams: ['Enterprise North', 'Enterprise South', 'Mid-Market', 'SMB', 'Public Sector', 'Partnerships', 'Sales Operations'],
    roles: [['Account Executive', ['L1', 'L2', 'L3', 'L4']], ['Sales Development Rep', ['L1', 'L2']], ['Solutions Consultant', ['L2', 'L3', 'L4']]] },
  { name: 'Marketing', code: 'MKT', share: 0.08, family: 'Marketing', manager: 'Marketing Manager', head: 'VP Marketing',
    teams: ['Brand', 'Demand Generation', 'Product Marketing', 'Content', 'Events'],
    roles: [['Marketing Specialist', ['L1', 'L2', 'L3']], ['Content Writer', ['L1', 'L2', 'L3']], ['Product Marketing Manager', ['L2', 'L3', 'L4']]] },
  { name: 'Customer Success', code: 'CS', share: 0.14, family: 'Customer Success', manager: 'Support Manager', head: 'VP Customer Success',
    teams: ['Support EMEA', 'Support Americas', 'Support APAC', 'Onboarding', 'Customer Success Managers', 'Training'],
    roles: [['Support Engineer', ['L1', 'L2', 'L3']], ['Customer Success Manager', ['L1', 'L2', 'L3', 'L4']], ['Implementation Consultant', ['L2', 'L3']]] },
  { name: 'Finance', code: 'FIN', share: 0.06, family: 'Finance', manager: 'Finance Manager', head: 'Chief Financial Officer',
    teams: ['Accounting', 'Financial Planning', 'Procurement', 'Tax', 'Treasury'],
    roles: [['Accountant', ['L1', 'L2', 'L3']], ['Financial Analyst', ['L1', 'L2', 'L3', 'L4']], ['Buyer', ['L1', 'L2']]] },
  { name: 'People', code: 'PPL', share: 0.05, family: 'People', manager: 'HR Business Partner Lead', head: 'Chief People Officer',
    teams: ['HR Business Partners', 'Talent Acquisition', 'Learning & Development', 'Total Rewards', 'People Operations'],
    roles: [['HR Specialist', ['L1', 'L2', 'L3']], ['Recruiter', ['L1', 'L2', 'L3']], ['Learning Specialist', ['L1', 'L2', 'L3']]] },
  { name: 'Operations', code: 'OPS', share: 0.11, family: 'Operations', manager: 'Operations Manager', head: 'Chief Operating Officer',
    teams: ['IT Services', 'Facilities', 'Legal', 'Business Operations', 'Supply Chain'],
    roles: [['Operations Analyst', ['L1', 'L2', 'L3']], ['IT Support Specialist', ['L1', 'L2', 'L3']], ['Legal Counsel', ['L2', 'L3', 'L4']]] },
];

const FIRST_NAMES = ('Olivia Liam Emma Noah Ava Oliver Sophia Elijah Isabella James Mia William Amelia Benjamin Harper Lucas Evelyn Henry Abigail Alexander ' +
  'Emily Mason Ella Michael Elizabeth Ethan Camila Daniel Luna Jacob Sofia Logan Avery Jackson Mila Levi Aria Sebastian Scarlett Mateo Penelope ' +
  'Jack Layla Owen Chloe Theodore Victoria Aiden Madison Samuel Eleanor Joseph Grace John Nora David Riley Wyatt Zoey Matthew Hannah Luke Hazel ' +
  'Asher Lily Carter Ellie Julian Violet Grayson Lillian Leo Zoe Jayden Stella Gabriel Aurora Isaac Natalie Lincoln Emilia Anthony Everly Hudson ' +
  'Leah Dylan Aubrey Ezra Willow Thomas Addison Charles Lucy Christopher Audrey Jaxon Bella Maverick Nova Josiah Brooklyn Priya Arjun Mei Hiroshi ' +
  'Fatima Omar Aisha Mohammed Ana Diego Sofia Mateus Ingrid Lars Katarzyna Piotr Chiara Marco Elif Mehmet Nkechi Kwame Yuki Sanjay').split(' ');
const LAST_NAMES = ('Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson Anderson Thomas Taylor ' +
  'Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen ' +
  'Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins ' +
  'Reyes Stewart Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson ' +
  'Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross Foster Jimenez Schmidt ' +
  'Müller Novak Kowalski Rossi Bianchi Dubois Laurent Jansen Berg Nielsen Yilmaz Okafor Mensah Tanaka Sato Sharma Gupta Chen Wang Silva Santos').split(' ');
const LOCATIONS = ['London', 'Berlin', 'Amsterdam', 'New York', 'Toronto', 'Singapore', 'Sydney', 'Remote'];

export function generateDemoOrganisation(employeeCount = 500, seed = 42, today = todayIso()): DemoOrganisation {
  const rng = random(seed);
  const org: DemoOrganisation = { departments: [], jobs: [], positions: [], employees: [], assignments: [] };
  const jobIds = new Map<string, string>();
  const job = (title: string, family: string, level: string) => {
    const key = `${title}|${level}`;
    if (!jobIds.has(key)) {
      const id = rng.uuid();
      jobIds.set(key, id);
      org.jobs.push({ id, title, family, level, description: `${title} (${level}) in the ${family} job family.` });
    }
    return jobIds.get(key)!;
  };
  const department = (name: string, code: string, parentId: string | null) => {
    const id = rng.uuid();
    org.departments.push({ id, name, code, parentId });
    return id;
  };
  const position = (title: string, jobId: string, departmentId: string, reportsToId: string | null, isKey: boolean) => {
    const id = rng.uuid();
    org.positions.push({ id, title, jobId, departmentId, reportsToId, isKey });
    return id;
  };

  const teams: { departmentId: string; managerId: string; division: Division }[] = [];
  const root = department('Canopy Group', 'CG', null);
  const ceo = position('Chief Executive Officer', job('Chief Executive Officer', 'Executive', 'E1'), root, null, true);
  for (const division of DIVISIONS) {
    const size = Math.max(3, Math.round(employeeCount * division.share));
    const divisionId = department(division.name, division.code, root);
    const head = position(division.head, job(division.head, division.family, 'E2'), divisionId, ceo, true);
    const teamCount = Math.max(1, Math.round(size / 12));
    const groupCount = teamCount > 8 ? Math.ceil(teamCount / 8) : 0;
    const groups = Array.from({ length: groupCount }, (_, g) => {
      const id = department(`${division.name} Group ${g + 1}`, `${division.code}-G${g + 1}`, divisionId);
      return { id, lead: position(`Director, ${division.name} Group ${g + 1}`, job(`Director of ${division.family}`, division.family, 'M3'), id, head, true) };
    });
    let remaining = size - 1 - groupCount;
    for (let t = 0; t < teamCount && remaining > 0; t++) {
      const group = groups.length ? groups[t % groups.length] : null;
      const base = division.teams[t % division.teams.length];
      const name = t < division.teams.length ? base : `${base} ${Math.floor(t / division.teams.length) + 1}`;
      const teamId = department(name, `${division.code}-${t + 1}`, group?.id ?? divisionId);
      const manager = position(`${division.manager}, ${name}`, job(division.manager, division.family, 'M1'), teamId, group?.lead ?? head, rng.next() < 0.15);
      teams.push({ departmentId: teamId, managerId: manager, division });
      remaining -= 1;
      const members = Math.min(remaining, t === teamCount - 1 ? remaining : 8 + rng.int(8));
      for (let m = 0; m < members; m++) {
        const [title, levels] = rng.pick(division.roles);
        position(title, job(title, division.family, rng.pick(levels)), teamId, manager, false);
      }
      remaining -= members;
    }
  }
  const fill = positionFiller(org, rng, employeeCount);
  fill(0);
  // Vacancies leave people over: they join existing teams in new positions.
  while (org.employees.length < employeeCount && teams.length) {
    const team = rng.pick(teams);
    const [title, levels] = rng.pick(team.division.roles);
    position(title, job(title, team.division.family, rng.pick(levels)), team.departmentId, team.managerId, false);
    fill(org.positions.length - 1);
  }
  linkManagers(org);
  addHistory(org, seed, today);
  return org;
}

/**
 * Fills positions from index `from` on (the first pass leaves a few vacant). Remembers the e-mail
 * handles in use across calls, so filling the extra positions one by one stays linear.
 */
function positionFiller(org: DemoOrganisation, rng: ReturnType<typeof random>, employeeCount: number) {
  const usedEmails = new Map<string, number>();
  return (from: number) => {
    for (let index = from; index < org.positions.length; index++) {
      const pos = org.positions[index];
      if (org.employees.length >= employeeCount) return;
      const vacant = from === 0 && !pos.isKey && pos.reportsToId !== null && index > 20 && rng.next() < 0.03;
      if (vacant) continue;
      const firstName = rng.pick(FIRST_NAMES);
      const lastName = rng.pick(LAST_NAMES);
      const handle = `${firstName}.${lastName}`.toLowerCase().normalize('NFD').replace(/[^a-z.]/g, '');
      const seen = usedEmails.get(handle) ?? 0;
      usedEmails.set(handle, seen + 1);
      const id = rng.uuid();
      const roll = rng.next();
      org.employees.push({
        id,
        employeeNumber: `E${String(org.employees.length + 1).padStart(6, '0')}`,
        firstName,
        lastName,
        email: `${handle}${seen ? seen + 1 : ''}@canopy.example`,
        hireDate: hireDate(rng),
        status: roll < 0.03 ? 'terminated' : roll < 0.07 ? 'on_leave' : 'active',
        managerId: null,
        positionId: pos.id,
        departmentId: pos.departmentId,
        jobId: pos.jobId,
        location: rng.pick(LOCATIONS),
        terminationDate: null,
      });
    }
  };
}

/**
 * Termination dates and a past for the organisation: about one in eight people was promoted from the
 * level below (same title), one in twenty moved from another team of their division (with that team's
 * manager, no position). A random stream of its own, so the people themselves stay as they were.
 */
function addHistory(org: DemoOrganisation, seed: number, today: string) {
  const rng = random(seed ^ 0x5eed);
  const jobByKey = new Map(org.jobs.map((j) => [`${j.title}|${j.level}`, j.id]));
  const jobById = new Map(org.jobs.map((j) => [j.id, j]));
  const departmentOf = new Map(org.employees.map((e) => [e.id, e.departmentId]));
  const parentOf = new Map(org.departments.map((d) => [d.id, d.parentId]));
  const hasChildren = new Set(org.departments.map((d) => d.parentId));
  // A team's manager: its one person whose own manager sits in another department.
  const teamManager = new Map<string, string>();
  for (const person of org.employees) if (departmentOf.get(person.managerId ?? '') !== person.departmentId) teamManager.set(person.departmentId, person.id);
  const teamsUnder = new Map<string | null, string[]>();
  for (const id of teamManager.keys()) if (!hasChildren.has(id)) teamsUnder.set(parentOf.get(id) ?? null, [...(teamsUnder.get(parentOf.get(id) ?? null) ?? []), id]);
  const row = (person: DemoOrganisation['employees'][number], effectiveDate: string, values: Partial<DemoOrganisation['assignments'][number]> = {}) =>
    org.assignments.push({ id: rng.uuid(), employeeId: person.id, effectiveDate, departmentId: person.departmentId, jobId: person.jobId, managerId: person.managerId, positionId: person.positionId, ...values });

  for (const person of org.employees) {
    if (person.status === 'terminated') person.terminationDate = minDate(today, addDays(person.hireDate, 30 + rng.int(Math.max(1, daysBetween(person.hireDate, today) - 30))));
    const latest = minDate(addDays(today, -30), person.terminationDate ?? today);
    const changeDate = person.hireDate < addDays(latest, -365) ? addDays(person.hireDate, 180 + rng.int(daysBetween(person.hireDate, latest) - 180)) : null;
    const roll = rng.next();
    const job = jobById.get(person.jobId)!;
    const lowerJob = /^L[2-9]$/.test(job.level) ? jobByKey.get(`${job.title}|L${Number(job.level[1]) - 1}`) : undefined;
    const isTeamMember = teamManager.get(person.departmentId) !== person.id;
    const otherTeams = (teamsUnder.get(parentOf.get(person.departmentId) ?? null) ?? []).filter((id) => id !== person.departmentId);
    if (changeDate && roll < 0.12 && lowerJob) {
      row(person, person.hireDate, { jobId: lowerJob });
      row(person, changeDate);
    } else if (changeDate && roll < 0.17 && isTeamMember && otherTeams.length) {
      const from = rng.pick(otherTeams);
      row(person, person.hireDate, { departmentId: from, managerId: teamManager.get(from)!, positionId: null });
      row(person, changeDate);
    } else row(person, person.hireDate);
  }
}

const minDate = (a: string, b: string) => (a < b ? a : b);
const addDays = (date: string, days: number) => {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
};
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Each person's manager: the holder of the nearest filled position above theirs. */
function linkManagers(org: DemoOrganisation) {
  const positionById = new Map(org.positions.map((p) => [p.id, p]));
  const incumbentOf = new Map(org.employees.map((e) => [e.positionId!, e.id]));
  for (const person of org.employees) {
    let above = positionById.get(person.positionId!)?.reportsToId ?? null;
    while (above && !incumbentOf.has(above)) above = positionById.get(above)?.reportsToId ?? null;
    person.managerId = above ? incumbentOf.get(above)! : null;
  }
}

function hireDate(rng: ReturnType<typeof random>): string {
  const year = 2013 + rng.int(13);
  const month = 1 + rng.int(12);
  const day = 1 + rng.int(28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Bulk insert with prepared statements on the caller's connection (inside its transaction). */
export function insertDemoOrganisation(db: Database.Database, org: DemoOrganisation, now: string): void {
  const department = db.prepare(`INSERT INTO department (id, name, code, parent_id, archived, created_at, updated_at, version) VALUES (?, ?, ?, ?, 0, ?, ?, 1)`);
  const job = db.prepare(`INSERT INTO job (id, title, family, level, description, archived, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, 0, ?, ?, 1)`);
  const position = db.prepare(`INSERT INTO position (id, title, job_id, department_id, reports_to_id, is_key, archived, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, 1)`);
  const employee = db.prepare(`INSERT INTO employee (id, employee_number, first_name, last_name, email, hire_date, status, manager_id, position_id, department_id, job_id, location, termination_date, archived, created_at, updated_at, version)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 1)`);
  const manager = db.prepare(`UPDATE employee SET manager_id = ? WHERE id = ?`);
  const assignment = db.prepare(`INSERT INTO employee_assignment (id, employee_id, effective_date, department_id, job_id, manager_id, position_id, source, recorded_at, recorded_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, 'demo', ?, 'Canopy demo')`);
  for (const d of org.departments) department.run(d.id, d.name, d.code, d.parentId, now, now);
  for (const j of org.jobs) job.run(j.id, j.title, j.family, j.level, j.description, now, now);
  // The people's other indexes are built once, after their rows.
  withIndexesDeferred(db, ['position', 'employee', 'employee_assignment'], () => {
    for (const p of org.positions) position.run(p.id, p.title, p.jobId, p.departmentId, p.reportsToId, p.isKey ? 1 : 0, now, now);
    // Managers come before their reports (positions are made top-down), so most people go in with
    // their manager; anyone whose manager is not in yet gets linked once everyone is.
    const inserted = new Set<string>();
    const later: DemoOrganisation['employees'] = [];
    for (const e of org.employees) {
      const managerIn = e.managerId === null || inserted.has(e.managerId);
      employee.run(e.id, e.employeeNumber, e.firstName, e.lastName, e.email, e.hireDate, e.status, managerIn ? e.managerId : null, e.positionId, e.departmentId, e.jobId, e.location, e.terminationDate, now, now);
      inserted.add(e.id);
      if (!managerIn) later.push(e);
    }
    for (const e of later) manager.run(e.managerId, e.id);
    for (const a of org.assignments) assignment.run(a.id, a.employeeId, a.effectiveDate, a.departmentId, a.jobId, a.managerId, a.positionId, now);
  });
}

export const DEMO_ORGANISATION = demoKey<DemoOrganisation>('people.organisation');

/** Departments, jobs, positions and people: what every later part builds on. */
export const peopleDemo: DemoPart = (demo) => {
  const org = generateDemoOrganisation(demo.employees, demo.seed);
  insertDemoOrganisation(demo.db, org, demo.now);
  demo.provide(DEMO_ORGANISATION, org);
  return { departments: org.departments.length, jobs: org.jobs.length, positions: org.positions.length, employees: org.employees.length };
};
