// The succession part of the demo organisation: about one position in ten is key (the top of the
// tree and a share of managers and senior specialists), each with details and a plan whose
// successors come from the incumbent's own team and nearby teams; a few external candidates, two job
// plans, talent pools, and risk of loss for some incumbents and successors (some at high risk).
import type Database from 'better-sqlite3';
import { DEMO_ORGANISATION, type DemoOrganisation } from '../people/demo';
import { random, type DemoPart } from '../shared/demo';

/** The readiness levels the migration makes: ready now, 1–2 years, 3+ years. */
const READINESS = ['3b1f5a8e-0d6c-4f2a-9a51-7c1e2b3d4f01', '3b1f5a8e-0d6c-4f2a-9a51-7c1e2b3d4f02', '3b1f5a8e-0d6c-4f2a-9a51-7c1e2b3d4f03'];
const KEY_SHARE = 0.1;
const REASONS = [
  'Runs a business-critical team; long ramp-up for a new hire.',
  'Holds key customer relationships.',
  'Scarce expertise in the market.',
  'Sets direction for the division.',
  'Regulatory sign-off sits with this role.',
];
const EXTERNALS: [string, string, string][] = [
  ['Helena Dvořáková', 'Brightline Consulting', 'Director of Operations'],
  ['王小明 (Wang Xiaoming)', 'Pacific Data Systems', 'VP Engineering'],
  ['محمد الأحمد (Mohammed Al-Ahmad)', 'Gulf Commerce Group', 'Head of Sales'],
  ['Sofia Lindqvist', 'Northwind Analytics', 'Chief Financial Officer'],
  ['Jean-Luc Moreau', 'Atelier Digital', 'Head of Product'],
  ['Priya Raman', 'Kestrel Health', 'HR Director'],
  ['Tomás Ortega', 'Harbor Logistics', 'Operations Manager'],
  ['Grace Okafor', 'Summit Partners', 'Engineering Manager'],
];
const ACTIONS = ['Stretch assignment leading a cross-team project', 'Executive coaching (6 sessions)', 'Shadow the incumbent in quarterly planning', 'Leadership programme, next cohort', 'Rotation into a customer-facing team', 'Finance for non-finance managers course'];
const NOTES = ['Strong delivery record; needs broader stakeholder exposure.', 'Ready for a bigger scope.', 'Interim cover while a permanent successor develops.', null, null, null];

export const successionDemo: DemoPart = (demo) => insertDemoSuccession(demo.db, demo.use(DEMO_ORGANISATION), demo.seed, demo.today, demo.now);

export function insertDemoSuccession(db: Database.Database, org: DemoOrganisation, seed: number, today: string, now: string) {
  const rng = random(seed + 12);
  const incumbentOf = new Map(org.employees.filter((e) => e.positionId && e.status !== 'terminated').map((e) => [e.positionId!, e]));
  const jobById = new Map(org.jobs.map((j) => [j.id, j]));
  const reportsOf = new Map<string, string[]>();
  for (const p of org.positions) if (p.reportsToId) reportsOf.set(p.reportsToId, [...(reportsOf.get(p.reportsToId) ?? []), p.id]);

  // Key positions: those the people demo marked, then managers and senior specialists until about 10%.
  const key = new Set(org.positions.filter((p) => p.isKey).map((p) => p.id));
  const target = Math.round(org.positions.length * KEY_SHARE);
  const senior = org.positions.filter((p) => !key.has(p.id) && ((reportsOf.get(p.id)?.length ?? 0) > 0 || /L[45]|M\d|E\d/.test(jobById.get(p.jobId)?.level ?? '')));
  while (key.size < target && senior.length) key.add(senior.splice(rng.int(senior.length), 1)[0].id);
  const positionById = new Map(org.positions.map((p) => [p.id, p]));
  const depthOf = (id: string) => { let d = 0; for (let p = positionById.get(id)?.reportsToId; p; p = positionById.get(p)?.reportsToId) d++; return d; };

  const stamp = { now };
  const markKey = db.prepare(`UPDATE position SET is_key = 1 WHERE id = ?`);
  const details = db.prepare(`INSERT INTO key_position (id, created_at, updated_at, version, criticality, vacancy_risk, reason, planned_leave_date) VALUES (@id, @now, @now, 1, @criticality, @vacancyRisk, @reason, @plannedLeaveDate)`);
  const plan = db.prepare(`INSERT INTO succession_plan (id, created_at, updated_at, version, position_id, job_id, notes, reviewed_on) VALUES (@id, @now, @now, 1, @positionId, @jobId, @notes, @reviewedOn)`);
  const nominate = db.prepare(`INSERT INTO succession_nomination (id, created_at, updated_at, version, plan_id, employee_id, external_candidate_id, rank, readiness_id, emergency, notes, development_actions)
    VALUES (@id, @now, @now, 1, @planId, @employeeId, @externalId, @rank, @readinessId, @emergency, @notes, @actions)`);
  const external = db.prepare(`INSERT INTO external_candidate (id, created_at, updated_at, version, name, organisation, current_role, email, notes) VALUES (@id, @now, @now, 1, @name, @organisation, @role, @email, @notes)`);
  const risk = db.prepare(`INSERT INTO loss_risk (id, created_at, updated_at, version, employee_id, risk_of_loss, impact_of_loss, reason) VALUES (@id, @now, @now, 1, @employeeId, @risk, @impact, @reason)`);
  const pool = db.prepare(`INSERT INTO talent_pool (id, created_at, updated_at, version, name, description) VALUES (@id, @now, @now, 1, @name, @description)`);
  const member = db.prepare(`INSERT INTO talent_pool_member (id, created_at, updated_at, version, pool_id, employee_id, notes) VALUES (@id, @now, @now, 1, @poolId, @employeeId, @notes)`);
  const feeds = db.prepare(`INSERT INTO talent_pool_position (id, created_at, updated_at, version, pool_id, position_id) VALUES (@id, @now, @now, 1, @poolId, @positionId)`);

  const externals = EXTERNALS.map(([name, organisation, role]) => {
    const id = rng.uuid();
    external.run({ id, ...stamp, name, organisation, role, email: null, notes: 'Met at an industry event; open to a conversation.' });
    return id;
  });

  const year = Number(today.slice(0, 4));
  const nominated = new Map<string, number>();
  let nominations = 0;
  const pickReadiness = () => { const r = rng.next(); return r < 0.3 ? 0 : r < 0.75 ? 1 : 2; };
  const keyList = org.positions.filter((p) => key.has(p.id));
  for (const position of keyList) {
    const depth = depthOf(position.id);
    markKey.run(position.id);
    const plannedLeave = rng.next() < 0.08 ? `${year + (rng.next() < 0.5 ? 0 : 1)}-${String(1 + rng.int(12)).padStart(2, '0')}-${String(1 + rng.int(28)).padStart(2, '0')}` : null;
    details.run({
      id: position.id, ...stamp, criticality: depth <= 1 ? 'high' : rng.next() < 0.4 ? 'high' : rng.next() < 0.7 ? 'medium' : 'low',
      vacancyRisk: rng.next() < 0.2 ? 'high' : rng.next() < 0.6 ? 'medium' : 'low', reason: rng.pick(REASONS), plannedLeaveDate: plannedLeave && plannedLeave > today ? plannedLeave : null,
    });
    const planId = rng.uuid();
    plan.run({ id: planId, ...stamp, positionId: position.id, jobId: null, notes: rng.next() < 0.3 ? 'Reviewed at the annual talent review.' : null, reviewedOn: rng.next() < 0.6 ? `${year}-0${1 + rng.int(6)}-15` : null });
    // About one plan in eight has no successor yet: the gaps Insights lists.
    if (rng.next() < 0.12) continue;
    const incumbent = incumbentOf.get(position.id);
    const candidates = candidatesFor(position.id, reportsOf, incumbentOf, positionById).filter((e) => e.id !== incumbent?.id);
    const count = Math.min(candidates.length, 1 + rng.int(4));
    const chosen = new Set<string>();
    let rank = 0;
    while (chosen.size < count) {
      const person = candidates[Math.min(candidates.length - 1, Math.floor(Math.pow(rng.next(), 1.6) * candidates.length))];
      if (chosen.has(person.id)) { if (chosen.size >= candidates.length) break; continue; }
      chosen.add(person.id);
      const readiness = pickReadiness();
      nominate.run({ id: rng.uuid(), ...stamp, planId, employeeId: person.id, externalId: null, rank: ++rank, readinessId: READINESS[readiness], emergency: rank === 1 && readiness === 0 && rng.next() < 0.5 ? 1 : 0, notes: rng.pick(NOTES), actions: readiness > 0 ? rng.pick(ACTIONS) : null });
      nominated.set(person.id, (nominated.get(person.id) ?? 0) + 1);
      nominations++;
    }
    if (depth <= 2 && rng.next() < 0.35) {
      nominate.run({ id: rng.uuid(), ...stamp, planId, employeeId: null, externalId: rng.pick(externals), rank: ++rank, readinessId: READINESS[rng.next() < 0.5 ? 0 : 1], emergency: 0, notes: 'External benchmark candidate.', actions: null });
      nominations++;
    }
  }

  // Job plans for the two roles with most incumbents: people one level below who could move up.
  const byJob = new Map<string, number>();
  for (const e of org.employees) byJob.set(e.jobId, (byJob.get(e.jobId) ?? 0) + 1);
  const busiest = [...byJob].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([jobId]) => jobById.get(jobId)!);
  for (const job of busiest) {
    const planId = rng.uuid();
    plan.run({ id: planId, ...stamp, positionId: null, jobId: job.id, notes: `A bench for the ${job.title} (${job.level}) role, which many people hold.`, reviewedOn: null });
    const below = org.employees.filter((e) => e.status === 'active' && jobById.get(e.jobId)?.title === job.title && e.jobId !== job.id);
    for (let k = 0; k < Math.min(4, below.length); k++) {
      nominate.run({ id: rng.uuid(), ...stamp, planId, employeeId: below[k].id, externalId: null, rank: k + 1, readinessId: READINESS[k < 2 ? 0 : 1], emergency: 0, notes: null, actions: rng.pick(ACTIONS) });
      nominations++;
    }
  }

  // Risk of loss: a quarter of key incumbents and some frequently nominated successors.
  let risks = 0;
  const assessed = new Set<string>();
  const assess = (employeeId: string, level: 'high' | 'medium' | 'low', impact: 'high' | 'medium' | 'low', reason: string) => {
    if (assessed.has(employeeId)) return;
    assessed.add(employeeId);
    risk.run({ id: rng.uuid(), ...stamp, employeeId, risk: level, impact, reason });
    risks++;
  };
  for (const position of keyList) {
    const incumbent = incumbentOf.get(position.id);
    if (!incumbent || rng.next() > 0.25) continue;
    const roll = rng.next();
    assess(incumbent.id, roll < 0.35 ? 'high' : roll < 0.75 ? 'medium' : 'low', depthOf(position.id) <= 1 ? 'high' : rng.pick(['high', 'medium'] as const), roll < 0.35 ? 'Approached by competitors; compensation below market.' : 'Growth path unclear.');
  }
  const frequent = [...nominated].filter(([, count]) => count >= 2).map(([id]) => id);
  for (const id of frequent.slice(0, Math.max(2, Math.round(frequent.length * 0.3)))) assess(id, 'high', 'medium', 'Several offers this year; key to more than one succession plan.');

  // Talent pools and the positions they feed.
  const active = org.employees.filter((e) => e.status === 'active');
  const pools: { name: string; description: string; members: typeof active; positions: string[] }[] = [
    { name: 'Future leaders', description: 'High performers with the potential to lead a division within five years.', members: [...nominated.keys()].map((id) => active.find((e) => e.id === id)).filter((e): e is (typeof active)[number] => Boolean(e)).slice(0, 18),
      positions: keyList.filter((p) => depthOf(p.id) <= 2).map((p) => p.id) },
    { name: 'Technical experts', description: 'Deep specialists who could lead engineering and data teams.', members: active.filter((e) => /L[45]/.test(jobById.get(e.jobId)?.level ?? '') && jobById.get(e.jobId)?.family === 'Engineering').slice(0, 14),
      positions: keyList.filter((p) => jobById.get(p.jobId)?.family === 'Engineering').map((p) => p.id).slice(0, 8) },
    { name: 'Commercial bench', description: 'Sales and customer success people ready for team leadership.', members: active.filter((e) => ['Sales', 'Customer Success'].includes(jobById.get(e.jobId)?.family ?? '') && /L[34]/.test(jobById.get(e.jobId)?.level ?? '')).slice(0, 12),
      positions: keyList.filter((p) => ['Sales', 'Customer Success'].includes(jobById.get(p.jobId)?.family ?? '')).map((p) => p.id).slice(0, 8) },
  ];
  let members = 0;
  for (const entry of pools) {
    const poolId = rng.uuid();
    pool.run({ id: poolId, ...stamp, name: entry.name, description: entry.description });
    for (const person of new Set(entry.members)) { member.run({ id: rng.uuid(), ...stamp, poolId, employeeId: person.id, notes: null }); members++; }
    for (const positionId of new Set(entry.positions)) feeds.run({ id: rng.uuid(), ...stamp, poolId, positionId });
  }
  return { keyPositions: keyList.length, successionNominations: nominations, externalCandidates: externals.length, lossRisks: risks, talentPools: pools.length, poolMembers: members };
}

/** Successors for a position: its incumbent's direct reports first, then people one level further down, then peers' teams; for a specialist, teammates. */
function candidatesFor(
  positionId: string,
  reportsOf: Map<string, string[]>,
  incumbentOf: Map<string, DemoOrganisation['employees'][number]>,
  positionById: Map<string, DemoOrganisation['positions'][number]>,
): DemoOrganisation['employees'] {
  const direct = (reportsOf.get(positionId) ?? []).map((id) => incumbentOf.get(id)).filter(Boolean) as DemoOrganisation['employees'];
  const second = (reportsOf.get(positionId) ?? []).flatMap((id) => reportsOf.get(id) ?? []).map((id) => incumbentOf.get(id)).filter(Boolean) as DemoOrganisation['employees'];
  const parent = positionById.get(positionId)?.reportsToId;
  const siblings = parent ? (reportsOf.get(parent) ?? []).filter((id) => id !== positionId) : [];
  const peers = siblings.flatMap((id) => reportsOf.get(id) ?? []).map((id) => incumbentOf.get(id)).filter(Boolean) as DemoOrganisation['employees'];
  const teammates = direct.length ? [] : (siblings.map((id) => incumbentOf.get(id)).filter(Boolean) as DemoOrganisation['employees']);
  return [...direct, ...second, ...peers, ...teammates].filter((e) => e.status === 'active');
}
