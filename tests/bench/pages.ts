// Every screen of the app opened in Chromium through the browser host, on the demo organisation at the
// bench size: navigate → the page's first real content (rows in a grid, figures, chart cards; never a
// spinner). The budget is the issue's: every screen opens under a second at 50,000 employees.
//
// Each page is opened from a reload on a page that reads nothing (so the query cache is empty, as when
// the user first comes to it this session), four times: the first is reported as the cold run, the
// median of the other three as the page's time. The note names the slowest API calls of the median run
// (timed in the page up to the response's headers, each charged from when the call before it answered,
// as the host answers one at a time; with the response's size), where a slow page usually spends it.
import type { Page } from '@playwright/test';
import { CHROMIUM, hasChromium, openInBrowser } from './browser-host';
import type { BenchFiles } from './files';
import type { BenchRow } from './run';
import { SIZE } from './size';
import { median } from './timing';

const BUDGET_MS = 1000;
const RUNS = 4;
const TIMEOUT_MS = 60_000;

/** The first data row of a grid (a windowed grid's placeholder rows are aria-busy). */
const gridRow = (gridId: string) => `[data-testid="grid-${gridId}"] [role="row"][aria-rowindex="2"]:not([aria-busy])`;

interface PageSpec {
  name: string;
  /** The route, without the leading '#'. */
  path: string;
  /** CSS selectors that must all be on the screen: the page shows its data. */
  ready: string[];
  /**
   * An action on the opened page, timed instead of the navigation: page source run in the page once
   * `path` shows `ready`; the time runs until `after` is on the screen, or until every call to the API
   * method `afterCall` started by the action has answered (and a frame was drawn).
   */
  action?: { source: string; after?: string[]; afterCall?: string };
}

interface Ids {
  employeeId: string;
  reviewId: string;
  cycleId: string;
  sessionId: string;
  engagementId: string;
  feedback360Id: string;
  keyPositionId: string;
}

function pickIds(files: BenchFiles, dbPath: string): Ids {
  const db = files.openRaw(dbPath, { readonly: true });
  try {
    const one = (sql: string) => {
      const row = db.prepare(sql).get() as { id: string } | undefined;
      if (!row) throw new Error(`pages bench: the demo has nothing for ${sql}`);
      return row.id;
    };
    const cycleId = one(`SELECT id FROM review_cycle WHERE status = 'active' AND archived = 0 ORDER BY period_start DESC LIMIT 1`);
    // A manager with a review in the running cycle: their page has reports, goals, reviews, skills.
    const review = db.prepare(`
      SELECT r.id, r.employee_id AS employeeId FROM review r
       WHERE r.cycle_id = ? AND EXISTS (SELECT 1 FROM employee d WHERE d.manager_id = r.employee_id)
       ORDER BY r.id LIMIT 1`).get(cycleId) as { id: string; employeeId: string };
    return {
      cycleId,
      reviewId: review.id,
      employeeId: review.employeeId,
      sessionId: one(`SELECT id FROM calibration_session WHERE status = 'in_session' AND archived = 0 ORDER BY date DESC LIMIT 1`),
      engagementId: one(`SELECT id FROM questionnaire WHERE kind = 'engagement' AND status = 'closed' ORDER BY created_at LIMIT 1`),
      feedback360Id: one(`SELECT id FROM questionnaire WHERE kind = 'feedback_360' ORDER BY created_at LIMIT 1`),
      keyPositionId: one(`SELECT p.position_id AS id FROM succession_plan p JOIN succession_nomination n ON n.plan_id = p.id AND n.archived = 0
                           WHERE p.archived = 0 AND p.position_id IS NOT NULL ORDER BY p.id LIMIT 1`),
    };
  } finally {
    db.close();
  }
}

/** Sets a date field as typing would (React reads the native value setter's input event). */
const typeDate = (testId: string, date: string) => `(() => {
  const input = document.querySelector('[data-testid="${testId}"]');
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, '${date}');
  input.dispatchEvent(new Event('input', { bubbles: true }));
})()`;

function specs(ids: Ids): PageSpec[] {
  const lastYear = `${new Date().getFullYear() - 1}-06-30`;
  return [
    { name: 'home', path: '/', ready: ['[data-testid="in-flight"]'] },
    // People (the lead's area: figures only).
    { name: 'people: employees', path: '/people/employees', ready: [gridRow('employees')] },
    { name: 'people: employee page (a manager)', path: `/people/employees/${ids.employeeId}`, ready: ['[data-testid="employee-name"]', '[data-testid="employee-goals"]', '[data-testid="employee-reviews"]'] },
    { name: 'people: departments', path: '/people/departments', ready: [gridRow('departments')] },
    { name: 'people: jobs', path: '/people/jobs', ready: [gridRow('jobs')] },
    { name: 'people: positions', path: '/people/positions', ready: [gridRow('positions')] },
    { name: 'people: org tree', path: '/people/org', ready: ['[data-testid="org-tree"] > *'] },
    { name: 'people: import', path: '/people/import', ready: ['[data-testid="import-file"]'] },
    // Skills.
    { name: 'skills: repository', path: '/skills', ready: [gridRow('skills')] },
    { name: 'skills: job requirements (matrix)', path: '/skills/requirements', ready: ['[data-testid="grid-skill-matrix"] [role="gridcell"]'] },
    { name: 'skills: job requirements (list)', path: '/skills/requirements?tab=list', ready: [gridRow('requirements')] },
    { name: 'skills: gap analysis, organisation (today)', path: '/skills/gaps', ready: ['[data-testid="top-skills"] tbody tr', '[data-testid="top-departments"] tbody tr'] },
    {
      name: 'skills: gap analysis, a department\'s heatmap (largest gaps, with sub-departments)', path: '/skills/gaps', ready: ['[data-testid="top-departments"] tbody tr button'],
      action: { source: `document.querySelector('[data-testid="top-departments"] tbody tr button').click()`, after: ['[data-testid="heatmap"]'] },
    },
    {
      name: `skills: gap analysis, organisation as of a past day (${lastYear})`, path: '/skills/gaps', ready: ['[data-testid="top-skills"] tbody tr'],
      action: { source: typeDate('gaps-as-of', lastYear), afterCall: 'skills.getOrgGapSummary' },
    },
    { name: 'skills: skill search', path: '/skills/search', ready: ['[data-testid="criteria"]', '[data-testid="run-search"]'] },
    { name: 'skills: import taxonomy', path: '/skills/import', ready: ['[data-testid="import-file"]'] },
    // Goals (the lead's area: figures only).
    { name: 'goals: goals', path: '/goals', ready: [gridRow('goals')] },
    { name: 'goals: alignment tree', path: '/goals/alignment', ready: ['[data-testid="alignment-node"]'] },
    { name: 'goals: goal library', path: '/goals/library', ready: [gridRow('goal-library')] },
    // Reviews.
    { name: 'reviews: cycles', path: '/reviews', ready: ['[data-testid="cycle-row"]'] },
    { name: 'reviews: the running cycle', path: `/reviews/cycles/${ids.cycleId}`, ready: ['[data-testid="progress-by-department"]', gridRow('cycle-reviews')] },
    { name: 'reviews: a review (a manager, running cycle)', path: `/reviews/review/${ids.reviewId}`, ready: ['[data-testid="review-item"]'] },
    { name: 'reviews: templates', path: '/reviews/templates', ready: ['[data-testid="template-list"] tbody tr'] },
    { name: 'reviews: rating scales', path: '/reviews/scales', ready: ['[data-testid="scale-list"] tbody tr'] },
    { name: 'reviews: feedback journal', path: '/reviews/journal', ready: [gridRow('journal')] },
    { name: 'reviews: questionnaires', path: '/reviews/questionnaires', ready: ['[data-testid="questionnaire-list"] tbody tr'] },
    { name: 'reviews: answer groups', path: '/reviews/questionnaires/answer-groups', ready: ['[data-testid="new-answer-group"] ~ .mantine-NavLink-root'] },
    { name: 'reviews: engagement survey, questions', path: `/reviews/questionnaires/${ids.engagementId}`, ready: ['[data-testid="questionnaire-status"]', '[data-testid="questionnaire-builder"]'] },
    { name: 'reviews: engagement survey, distribution', path: `/reviews/questionnaires/${ids.engagementId}/distribute`, ready: ['[data-testid="invitations"]'] },
    { name: 'reviews: engagement survey, results by department', path: `/reviews/questionnaires/${ids.engagementId}/results`, ready: ['[data-testid="question-result"]', '[data-testid="department-results"]'] },
    { name: 'reviews: 360 feedback, results', path: `/reviews/questionnaires/${ids.feedback360Id}/results`, ready: ['[data-testid="results"]'] },
    // Calibration.
    { name: 'calibration: sessions', path: '/calibration', ready: ['[data-testid="session-row"]'] },
    { name: 'calibration: a session\'s nine-box (running)', path: `/calibration/sessions/${ids.sessionId}`, ready: ['[data-testid="nine-box"] [data-testid="person-card"]'] },
    { name: 'calibration: guidelines', path: '/calibration/guidelines', ready: ['[data-testid="guideline-set"]'] },
    // Succession (the lead's area: figures only).
    { name: 'succession: chart', path: '/succession', ready: ['[data-chart-card]'] },
    { name: 'succession: a key position\'s plan on the chart', path: `/succession?position=${ids.keyPositionId}`, ready: ['[data-chart-card]', '[data-testid="panel-successor"]'] },
    { name: 'succession: key positions', path: '/succession/key-positions', ready: [gridRow('key-positions')] },
    { name: 'succession: plans', path: '/succession/plans', ready: [gridRow('succession-plans')] },
    { name: 'succession: risk of loss', path: '/succession/risk', ready: [gridRow('loss-risks')] },
    { name: 'succession: talent pools', path: '/succession/pools', ready: [gridRow('talent-pools')] },
    { name: 'succession: external candidates', path: '/succession/candidates', ready: [gridRow('external-candidates')] },
    { name: 'succession: readiness & photos', path: '/succession/settings', ready: [gridRow('readiness-levels')] },
    // Insights.
    { name: 'insights: first figures (skills KPIs)', path: '/insights', ready: ['[data-testid="skill-kpis"]'] },
    { name: 'insights: every section', path: '/insights', ready: ['[data-testid="skill-kpis"]', '[data-testid="cycle-kpis"]', '[data-testid^="outcome-"]', '[data-testid="succession-kpis"]'] },
    // Admin.
    { name: 'admin', path: '/admin', ready: ['[data-testid="admin-db-path"]', '[data-testid="backup-now"]'] },
    { name: 'admin: audit log', path: '/admin/audit', ready: ['[data-testid="audit-row"]'] },
  ];
}

/** Records every API call the page makes (method, start, response headers, size) in window.__api. */
const API_LOG = `(() => {
  const original = window.fetch;
  window.__api = [];
  window.fetch = async function (input, init) {
    if (input !== '/api' || !init || typeof init.body !== 'string') return original.apply(this, arguments);
    const entry = { method: JSON.parse(init.body).method, start: performance.now(), end: null, bytes: 0 };
    window.__api.push(entry);
    const response = await original.apply(this, arguments);
    entry.end = performance.now();
    response.clone().arrayBuffer().then((body) => { entry.bytes = body.byteLength; }, () => {});
    return response;
  };
})()`;

interface Sample {
  ms: number | null;
  calls: { method: string; start: number; end: number; bytes: number }[];
}

/** In the page: start the clock, navigate (or act), wait for the ready selectors; the calls made meanwhile. */
function measureSource(spec: PageSpec): string {
  const wait = spec.action?.after ?? (spec.action?.afterCall ? null : spec.ready);
  return `(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const seen = (selectors) => selectors.every((s) => document.querySelector(s));
    const from = window.__api.length;
    const start = performance.now();
    ${spec.action ? spec.action.source : `window.location.hash = ${JSON.stringify(`#${spec.path}`)};`}
    let ms = null;
    while (performance.now() - start < ${TIMEOUT_MS}) {
      await frame();
      const calls = window.__api.slice(from);
      const done = ${wait ? `seen(${JSON.stringify(wait)})` : `calls.some((c) => c.method === ${JSON.stringify(spec.action?.afterCall)}) && calls.every((c) => c.method !== ${JSON.stringify(spec.action?.afterCall)} || c.end !== null)`};
      if (done) { ${wait ? '' : 'await frame();'} ms = performance.now() - start; break; }
    }
    const calls = window.__api.slice(from).filter((c) => c.end !== null).map((c) => ({ method: c.method, start: c.start - start, end: c.end - start, bytes: c.bytes }));
    return { ms, calls };
  })()`;
}

/**
 * Waits in the page until `condition` (page source) holds. Polls by evaluating source text: the app's
 * Content Security Policy forbids the eval that page.waitForFunction uses for a string.
 */
async function until(page: Page, condition: string) {
  const ok = await page.evaluate(`(async () => {
    const start = performance.now();
    while (performance.now() - start < ${TIMEOUT_MS}) {
      if (${condition}) return true;
      await new Promise((r) => setTimeout(r, 20));
    }
    return false;
  })()`);
  if (!ok) throw new Error(`pages bench: timed out waiting for ${condition}`);
}

const quiet = 'window.__api && window.__api.every((c) => c.end !== null)';

/** Reloads on a page that reads nothing and waits until the app has stopped calling the API. */
async function resetTo(page: Page) {
  await page.evaluate('window.location.hash = "#/careers"');
  await page.reload();
  await page.getByTestId('not-built').waitFor({ timeout: TIMEOUT_MS });
  await until(page, quiet);
}

async function measure(page: Page, spec: PageSpec): Promise<Sample> {
  await resetTo(page);
  if (spec.action) {
    await page.evaluate(`window.location.hash = ${JSON.stringify(`#${spec.path}`)}`);
    await until(page, `${JSON.stringify(spec.ready)}.every((s) => document.querySelector(s))`);
    await until(page, quiet);
  }
  return (await page.evaluate(measureSource(spec))) as Sample;
}

const round = (v: number) => Math.round(v * 100) / 100;
const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/**
 * Each call's own time: the browser host answers one call at a time, so a call that waited behind
 * another is charged only from when the one before it answered (or from its own start).
 */
function ownTimes(calls: Sample['calls']) {
  let free = -Infinity;
  return [...calls].sort((a, b) => a.end - b.end).map((call) => {
    const own = call.end - Math.max(call.start, free);
    free = call.end;
    return { ...call, own };
  });
}

function note(cold: Sample, rest: Sample[], warm: number | null): string {
  const parts: string[] = [];
  if (cold.ms === null) parts.push('first run never showed the data');
  else if (warm !== null && Math.abs(cold.ms - warm) > Math.max(150, warm * 0.3)) parts.push(`cold first run ${Math.round(cold.ms)} ms`);
  // The median run's slowest calls.
  const byTime = rest.filter((s) => s.ms !== null).sort((a, b) => a.ms! - b.ms!);
  const typical = byTime[Math.floor(byTime.length / 2)] ?? cold;
  const slow = [...ownTimes(typical.calls)].sort((a, b) => b.own - a.own).slice(0, 3).filter((c) => c.own >= 20);
  if (slow.length) parts.push(`slowest calls: ${slow.map((c) => `${c.method} ${Math.round(c.own)} ms (${size(c.bytes)})`).join(', ')}`);
  return parts.join('; ');
}

/** Opens every page of the router in Chromium on the bench's demo organisation (the people page's file). */
export async function benchPages(dbPath: string, files: BenchFiles, only?: (name: string) => boolean): Promise<BenchRow[]> {
  const prefix = `open in Chromium (${SIZE}): `;
  if (!hasChromium()) return [{ name: `${prefix}every page`, medianMs: null, floorMs: null, ratio: null, budgetMs: BUDGET_MS, note: `skipped: no Chromium at ${CHROMIUM}` }];
  const ids = pickIds(files, dbPath);
  const session = await openInBrowser(dbPath, { passphrase: files.passphrase });
  const { page } = session;
  const rows: BenchRow[] = [];
  try {
    await page.getByText('Organisation').first().waitFor({ timeout: TIMEOUT_MS });
    await page.addInitScript(API_LOG);
    for (const spec of specs(ids)) {
      if (only && !only(spec.name)) continue;
      const samples: Sample[] = [];
      // A page that never shows its data is not opened again (each try waits out the timeout).
      for (let run = 0; run < RUNS && samples.at(-1)?.ms !== null; run++) samples.push(await measure(page, spec));
      const [cold, ...rest] = samples;
      const times = rest.map((s) => s.ms).filter((ms): ms is number => ms !== null);
      const warm = rest.length > 0 && times.length === rest.length ? median(times) : null;
      rows.push({ name: `${prefix}${spec.name}`, medianMs: warm === null ? null : round(warm), floorMs: null, ratio: null, budgetMs: BUDGET_MS, note: warm === null ? `did not show its data within ${TIMEOUT_MS / 1000} s; ${note(cold, rest, warm)}` : note(cold, rest, warm) });
      console.log(`  ${rows.at(-1)!.name}: ${rows.at(-1)!.medianMs} ms ${rows.at(-1)!.note}`);
    }
  } finally {
    await session.close();
  }
  return rows;
}
