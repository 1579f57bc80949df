// Calibration at scale: a session of 2,000 people. A move saved with the distribution recomputed,
// through the router against the same writes and grouped count by hand; the PDF and PPTX
// hand-outs; and the nine-box opened in Chromium (time to the first cards, cards in the DOM).
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { createAppHost, type AppHost } from '../../src-main/app-host';
import { distributionSql } from '../../src-main/services/calibration/distribution';
import { generateDemoOrganisation, insertDemoOrganisation } from '../../src-main/services/people/demo';
import { random } from '../../src-main/services/shared/demo';
import { defaultSessionSettings } from '../../src-shared/domain/calibration';
import { CHROMIUM, hasChromium, openInBrowser } from './browser-host';
import type { BenchRow } from './run';
import { median, time } from './timing';

import { EMPLOYEES } from './size';
const SESSION = 2_000;
const LEVELS = ['Unsatisfactory', 'Needs improvement', 'Meets', 'Exceeds', 'Outstanding'].map((label, i) => ({ value: i + 1, label }));

export async function benchCalibration(dir: string): Promise<BenchRow[]> {
  const file = path.join(dir, 'calibration.sqlite');
  const app = await createAppHost(file, { validateOutput: false });
  let sessionId: string;
  const rows: BenchRow[] = [];
  try {
    const cycleId = buildDataset(app.store().raw);
    sessionId = await createSession(app, cycleId);
    rows.push(await benchMove(app, file, sessionId));
    rows.push(await benchExport(app, sessionId, 'calibration.exportPdf', 'PDF'));
    rows.push(await benchExport(app, sessionId, 'calibration.exportPptx', 'PPTX'));
  } finally {
    await app.close();
  }
  rows.push(...(await benchNineBox(file, sessionId)));
  return rows;
}

const ok = async <T>(app: AppHost, method: string, input: unknown): Promise<T> => {
  const result = await app.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.data as T;
};

/** The demo organisation's people and one running cycle with a review each, rated around "Meets" (some not yet). */
function buildDataset(db: Database.Database): string {
  const rng = random(21);
  const now = new Date().toISOString();
  const cycleId = rng.uuid();
  db.transaction(() => {
    const org = generateDemoOrganisation(EMPLOYEES, 42);
    insertDemoOrganisation(db, org, now);
    const levels = JSON.stringify(LEVELS.map((l) => ({ ...l, description: null })));
    db.prepare(`INSERT INTO rating_scale (id, created_at, updated_at, version, name, levels) VALUES ('00000000-0000-4000-8000-0000000b0001', ?, ?, 1, 'Bench scale', ?)`).run(now, now, levels);
    db.prepare(`INSERT INTO review_template (id, created_at, updated_at, version, name, sections, steps) VALUES ('00000000-0000-4000-8000-0000000b0002', ?, ?, 1, 'Bench template', '[]', '{"selfReview":false,"peerFeedback":false}')`).run(now, now);
    db.prepare(`INSERT INTO review_cycle (id, created_at, updated_at, version, name, period_start, period_end, rating_scale_id, template_id, population, due_date, status, launched_at, levels_snapshot, sections_snapshot, steps_snapshot)
      VALUES (?, ?, ?, 1, '2026 annual review', '2026-01-01', '2026-12-31', '00000000-0000-4000-8000-0000000b0001', '00000000-0000-4000-8000-0000000b0002', '{"departmentIds":[],"jobIds":[],"employeeIds":[]}', '2027-01-31', 'active', ?, ?, '[]', '{}')`).run(cycleId, now, now, now, levels);
    const review = db.prepare(`INSERT INTO review (id, created_at, updated_at, version, cycle_id, employee_id, manager_id, job_id, department_id, status, computed_rating, final_rating)
      VALUES (@id, @now, @now, 1, @cycleId, @employeeId, @managerId, @jobId, @departmentId, 'final_review', @rating, @rating)`);
    for (const e of org.employees) {
      const rating = rng.next() < 0.05 ? null : Math.round(Math.max(1, Math.min(5, 3 + (rng.next() + rng.next() + rng.next() - 1.5) * 1.6)) * 100) / 100;
      review.run({ id: rng.uuid(), now, cycleId, employeeId: e.id, managerId: e.managerId, jobId: e.jobId, departmentId: e.departmentId, rating });
    }
  })();
  db.exec('ANALYZE');
  return cycleId;
}

/** A running session over 2,000 people with the company guidelines; potentials set so the nine-box is full. */
async function createSession(app: AppHost, cycleId: string): Promise<string> {
  const db = app.store().raw;
  const people = (db.prepare(`SELECT employee_id AS id FROM review WHERE cycle_id = ? ORDER BY employee_id LIMIT ?`).all(cycleId, SESSION) as { id: string }[]).map((p) => p.id);
  const set = await ok<{ id: string }>(app, 'calibration.saveGuidelineSet', {
    name: 'Bench guidelines', ratingScaleId: '00000000-0000-4000-8000-0000000b0001', mode: 'advisory',
    rules: [{ fromLevel: 5, toLevel: 5, operator: 'le', percent: 10 }, { fromLevel: 4, toLevel: 5, operator: 'le', percent: 35 }, { fromLevel: 3, toLevel: 3, operator: 'between', percent: 40, percentTo: 65 }],
  });
  const draft = await ok<{ id: string; version: number }>(app, 'calibration.saveSession', {
    name: 'Bench session', cycleId, date: '2027-01-15', reviewerIds: [], guidelineSetId: set.id, settings: defaultSessionSettings(LEVELS.length),
    population: { departmentIds: [], managerIds: [], jobIds: [], jobLevels: [], employeeIds: people, excludedEmployeeIds: [] },
  });
  await ok(app, 'calibration.startSession', { id: draft.id, version: draft.version });
  db.prepare(`UPDATE calibration_member SET potential = 1 + abs(random()) % 3 WHERE session_id = ?`).run(draft.id);
  return draft.id;
}

/** One card moved between Meets and Exceeds and back, each move answered with the whole distribution. */
async function benchMove(app: AppHost, file: string, sessionId: string): Promise<BenchRow> {
  const db = app.store().raw;
  const member = db.prepare(`SELECT m.id, m.version FROM calibration_member m JOIN review r ON r.id = m.review_id WHERE m.session_id = ? AND r.final_rating BETWEEN 2.6 AND 3.4 LIMIT 1`).get(sessionId) as { id: string; version: number };
  let version = member.version;
  let flip = false;
  const viaRouter = await time(40, async () => {
    flip = !flip;
    const result = await ok<{ member: { version: number } }>(app, 'calibration.movePerson', {
      sessionId, memberId: member.id, version, performance: flip ? 4 : 3, reasonCode: 'EVIDENCE', comment: 'Benchmark move',
    });
    version = result.member.version;
  });
  // The floor: the same three writes and the same grouped count, by hand, in one transaction on a second connection.
  const floorDb = new Database(file);
  const session = { levels: LEVELS };
  const update = floorDb.prepare(`UPDATE calibration_member SET performance = ?, version = version + 1, updated_at = ? WHERE id = ?`);
  const change = floorDb.prepare(`INSERT INTO calibration_change (id, session_id, member_id, kind, at, actor, performance_from, performance_to, reason_code, reason_label, comment) VALUES (?, ?, ?, 'move', ?, 'bench', ?, ?, 'EVIDENCE', 'Evidence', 'Benchmark move')`);
  const audit = floorDb.prepare(`INSERT INTO audit_event (id, at, actor, entity, entity_id, action, before, after) VALUES (?, ?, 'bench', 'calibration_member', ?, 'update', ?, ?)`);
  const counts = floorDb.prepare(distributionSql(session));
  const move = floorDb.transaction((to: number) => {
    const at = new Date().toISOString();
    update.run(to, at, member.id);
    change.run(randomUUID(), sessionId, member.id, at, 7 - to, to);
    audit.run(randomUUID(), at, member.id, JSON.stringify({ performance: 7 - to }), JSON.stringify({ performance: to }));
    return counts.all({ sessionId });
  });
  const floor = await time(40, () => {
    flip = !flip;
    move(flip ? 4 : 3);
  });
  floorDb.close();
  return row(`calibration: move a card and recompute the distribution via router (session of ${SESSION.toLocaleString('en')})`, viaRouter, floor, 20, 'floor: the same update, history and audit rows and the grouped count on a bare connection');
}

async function benchExport(app: AppHost, sessionId: string, method: string, label: string): Promise<BenchRow> {
  const sizes: number[] = [];
  const ms = await time(5, async () => {
    const file = await ok<{ contentBase64: string }>(app, method, { id: sessionId });
    sizes.push(Buffer.from(file.contentBase64, 'base64').length);
  });
  return row(`calibration: ${label} hand-out of a ${SESSION.toLocaleString('en')}-person session`, ms, null, 3000, `${Math.round(sizes[sizes.length - 1] / 1024)} KB`);
}

/** The nine-box page opened from another page (cold query cache each run), in Chromium through the browser host. */
async function benchNineBox(file: string, sessionId: string): Promise<BenchRow[]> {
  if (!hasChromium()) return [{ name: 'calibration nine-box in Chromium', medianMs: null, floorMs: null, ratio: null, budgetMs: 500, note: `skipped: no Chromium at ${CHROMIUM}` }];
  const session = await openInBrowser(file, { width: 1600, height: 1000 });
  const { page } = session;
  try {
    await page.getByText('Calibration').first().waitFor();
    const opens: number[] = [];
    let maxCards = 0;
    for (let run = 0; run < 5; run++) {
      await page.evaluate('window.location.hash = "#/calibration"');
      await page.reload();
      await page.getByTestId('sessions-page').waitFor();
      const timing = (await page.evaluate(`(async () => {
        const start = performance.now();
        window.location.hash = '#/calibration/sessions/${sessionId}';
        while (document.querySelectorAll('[data-testid="nine-box"] [data-testid="person-card"]').length < 9) {
          await new Promise((r) => requestAnimationFrame(r));
        }
        return { total: performance.now() - start, cards: document.querySelectorAll('[data-testid="person-card"]').length };
      })()`)) as { total: number; cards: number };
      opens.push(timing.total);
      maxCards = Math.max(maxCards, timing.cards);
    }
    // Scroll every box and the holding area to the bottom: still only the visible cards are in the page.
    const scrolled = (await page.evaluate(`(async () => {
      let max = 0;
      const lists = [...document.querySelectorAll('.cal-list')];
      for (let i = 0; i <= 10; i++) {
        for (const list of lists) list.scrollTop = (list.scrollHeight * i) / 10;
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        max = Math.max(max, document.querySelectorAll('[data-testid="person-card"]').length);
      }
      return max;
    })()`)) as number;
    return [
      { name: `calibration nine-box in Chromium: navigate → cards in every box (${SESSION.toLocaleString('en')} people)`, medianMs: round(median(opens)), floorMs: null, ratio: null, budgetMs: 500, note: 'cold query cache' },
      { name: 'calibration nine-box in Chromium: most person cards in the DOM (opening, and scrolling every box)', medianMs: null, floorMs: null, ratio: null, budgetMs: null, note: `${Math.max(maxCards, scrolled)} cards of ${SESSION.toLocaleString('en')} (budget ~300)` },
    ];
  } finally {
    await session.close();
  }
}

const round = (v: number) => Math.round(v * 100) / 100;
const row = (name: string, medianMs: number, floorMs: number | null, budgetMs: number, note: string): BenchRow => ({
  name, medianMs: round(medianMs), floorMs: floorMs === null ? null : round(floorMs), ratio: floorMs ? round(medianMs / floorMs) : null, budgetMs, note,
});
