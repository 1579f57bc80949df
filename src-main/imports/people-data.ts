import type Database from 'better-sqlite3';
import { departmentLabel, employeeLabel, jobLabel, LABEL_SEPARATOR, positionLabel } from '../../src-shared/domain/people-labels';

/*
 * The stored people records an import resolves its text against, loaded once per import and
 * indexed so that every row costs the same whatever the size of the organisation. A reference
 * is found by what Canopy shows and exports for it (its label), by id, or by name/number;
 * when the record's current value already reads as the cell, it stays (so an exported
 * file re-imports unchanged even where labels are not unique).
 */

export interface StoredDepartment { id: string; name: string; code: string | null; parentId: string | null; archived: boolean; version: number }
export interface StoredJob { id: string; title: string; family: string | null; level: string | null; description: string | null; archived: boolean; version: number }
export interface StoredPosition {
  id: string; title: string; jobId: string; departmentId: string; reportsToId: string | null; isKey: boolean; archived: boolean; version: number; incumbentId: string | null;
}
export interface StoredEmployee {
  id: string; employeeNumber: string; firstName: string; lastName: string; email: string | null; hireDate: string; status: string;
  managerId: string | null; positionId: string | null; departmentId: string | null; jobId: string | null; location: string | null; archived: boolean; version: number;
}

export interface PeopleData {
  departments: StoredDepartment[];
  jobs: StoredJob[];
  positions: StoredPosition[];
  employees: StoredEmployee[];
}

const bool = <T extends { archived: unknown }>(row: T) => ({ ...row, archived: Boolean(row.archived) });

export function loadPeople(db: Database.Database, parts: { employees?: boolean } = {}): PeopleData {
  return {
    departments: (db.prepare(`SELECT id, name, code, parent_id AS parentId, archived, version FROM department`).all() as StoredDepartment[]).map(bool),
    jobs: (db.prepare(`SELECT id, title, family, level, description, archived, version FROM job`).all() as StoredJob[]).map(bool),
    positions: (db.prepare(`SELECT p.id, p.title, p.job_id AS jobId, p.department_id AS departmentId, p.reports_to_id AS reportsToId, p.is_key AS isKey,
        p.archived, p.version, e.id AS incumbentId FROM position p LEFT JOIN employee e ON e.position_id = p.id`).all() as StoredPosition[])
      .map((p) => ({ ...bool(p), isKey: Boolean(p.isKey) })),
    employees: parts.employees === false ? [] : (db.prepare(`SELECT id, employee_number AS employeeNumber, first_name AS firstName, last_name AS lastName, email,
        hire_date AS hireDate, status, manager_id AS managerId, position_id AS positionId, department_id AS departmentId, job_id AS jobId, location, archived, version
        FROM employee`).all() as StoredEmployee[]).map(bool),
  };
}

export type Resolved = { id: string } | { problem: string };
export const lower = (s: string) => s.trim().toLowerCase();

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Archived records only when no active one fits. */
const preferActive = <T extends { archived: boolean }>(list: T[] | undefined): T[] => {
  if (!list?.length) return [];
  const active = list.filter((r) => !r.archived);
  return active.length ? active : list;
};

const listed = (labels: string[]) => labels.slice(0, 3).join(', ') + (labels.length > 3 ? ', …' : '');

// ---- Departments ----------------------------------------------------------------

export interface NewDepartment { id: string; name: string; parentId: string | null }
type Dept = { id: string; name: string; parentId: string | null; archived: boolean };

export class DepartmentIndex {
  readonly created: NewDepartment[] = [];
  private readonly byId = new Map<string, Dept>();
  private readonly shown = new Map<string, Dept>();
  private readonly byName = new Map<string, Dept[]>();
  private readonly byLabel = new Map<string, Dept[]>();

  constructor(stored: StoredDepartment[], private readonly newId: () => string) {
    for (const d of stored) {
      this.byId.set(d.id, d);
      if (!d.archived) this.shown.set(d.id, d);
      push(this.byName, lower(d.name), d);
    }
    // Grids label with the departments they list: active ones, or all of them (the parent column).
    for (const d of stored) {
      const labels = new Set([lower(departmentLabel(d, this.shown)), lower(departmentLabel(d, this.byId))]);
      for (const label of labels) push(this.byLabel, label, d);
    }
  }

  get(id: string) {
    return this.byId.get(id);
  }

  /** The department's name as lists of active departments give it (none when archived). */
  shownName(id: string): string | undefined {
    return this.shown.get(id)?.name;
  }

  label(id: string): string {
    const d = this.byId.get(id);
    return d ? departmentLabel(d, this.shown) : id;
  }

  /** Whether the cell still names this department (its label, or its name under the given parent). */
  names(id: string | null | undefined, text: string, parentText = ''): boolean {
    const d = id ? this.byId.get(id) : undefined;
    if (!d) return false;
    if (parentText) return lower(d.name) === lower(text) && !!d.parentId && this.names(d.parentId, parentText);
    return lower(this.label(d.id)) === lower(text) || (lower(d.name) === lower(text) && preferActive(this.byName.get(lower(text))).length === 1);
  }

  /**
   * A department by id, label ("Brand · Marketing"), unique name or path ("Marketing > Brand");
   * with a parent column, by name under that parent. Created (under its parent) when missing.
   */
  resolve(text: string, parentText = '', current?: string | null): Resolved {
    if (current && this.names(current, text, parentText)) return { id: current };
    if (parentText) {
      const parent = this.resolve(parentText);
      if ('problem' in parent) return parent;
      const child = (this.byName.get(lower(text)) ?? []).find((d) => d.parentId === parent.id);
      return child ? { id: child.id } : this.create(text, parent.id);
    }
    if (this.byId.has(text)) return { id: text };
    const found = this.find(text);
    if (found) return found;
    const [name, ...above] = text.split(LABEL_SEPARATOR);
    if (above.length === 1) {
      const parent = this.find(above[0]);
      if (parent) return 'id' in parent ? this.childOrCreate(name, parent.id) : parent;
    }
    const path = text.split(/\s+(?:>|›|\/)\s+/);
    if (path.length > 1) {
      const parent = this.walk(path.slice(0, -1));
      if (parent) return this.childOrCreate(path[path.length - 1], parent);
    }
    return this.create(text, null);
  }

  private find(text: string): Resolved | null {
    const labelled = preferActive(this.byLabel.get(lower(text)));
    if (labelled.length === 1) return { id: labelled[0].id };
    const named = preferActive(this.byName.get(lower(text)));
    if (named.length === 1) return { id: named[0].id };
    const candidates = labelled.length ? labelled : named;
    if (candidates.length > 1) {
      return { problem: `"${text}" matches ${candidates.length} departments (${listed(candidates.map((d) => this.label(d.id)))}): write the department as Canopy labels it, or add a parent department column.` };
    }
    return null;
  }

  private childOrCreate(name: string, parentId: string): Resolved {
    const child = (this.byName.get(lower(name)) ?? []).find((d) => d.parentId === parentId);
    return child ? { id: child.id } : this.create(name, parentId);
  }

  /** A root-first path to one department, or null. */
  private walk(path: string[]): string | null {
    let level = preferActive(this.byName.get(lower(path[0])));
    for (const name of path.slice(1)) {
      const ids = new Set(level.map((d) => d.id));
      level = preferActive(this.byName.get(lower(name))).filter((d) => d.parentId && ids.has(d.parentId));
    }
    return level.length === 1 ? level[0].id : null;
  }

  /** Every department (stored or created by this import) with this name. */
  named(name: string): Dept[] {
    return this.byName.get(lower(name)) ?? [];
  }

  create(name: string, parentId: string | null): Resolved {
    const trimmed = name.trim();
    if (!trimmed) return { problem: 'A department name is empty.' };
    if (trimmed.length > 200) return { problem: 'A department name has at most 200 characters.' };
    const d = { id: this.newId(), name: trimmed, parentId, archived: false };
    this.created.push({ id: d.id, name: d.name, parentId });
    this.byId.set(d.id, d);
    this.shown.set(d.id, d);
    push(this.byName, lower(d.name), d);
    push(this.byLabel, lower(departmentLabel(d, this.shown)), d);
    return { id: d.id };
  }
}

// ---- Jobs -----------------------------------------------------------------------

export interface NewJob { id: string; title: string; family: string | null; level: string | null }
type JobLike = { id: string; title: string; level: string | null; archived: boolean };
const jobKey = (title: string, level: string | null) => `${lower(title)}\u0000${level ?? ''}`;

export class JobIndex {
  readonly created: NewJob[] = [];
  private readonly byId = new Map<string, JobLike>();
  private readonly byKey = new Map<string, JobLike>();
  private readonly byTitle = new Map<string, JobLike[]>();
  private readonly byLabel = new Map<string, JobLike[]>();

  constructor(stored: StoredJob[], private readonly newId: () => string) {
    for (const j of stored) this.add(j);
  }

  label(id: string): string {
    const j = this.byId.get(id);
    return j ? jobLabel(j) : id;
  }

  /** The job with exactly this title and level (no level: null). */
  exact(title: string, level: string | null) {
    return this.byKey.get(jobKey(title, level));
  }

  names(id: string | null | undefined, title: string, level: string | null): boolean {
    const j = id ? this.byId.get(id) : undefined;
    if (!j) return false;
    if (level !== null) return lower(j.title) === lower(title) && (j.level ?? '') === level;
    return lower(jobLabel(j)) === lower(title);
  }

  /**
   * A job by title and level (a level column), else by id, label ("Analyst (L2)") or unique
   * title. Created when missing ("Title (Level)" is read as a title and a level).
   */
  resolve(title: string, level: string | null, family: string | null, current?: string | null): Resolved {
    if (current && this.names(current, title, level)) return { id: current };
    if (level !== null) {
      const found = this.byKey.get(jobKey(title, level));
      return found ? { id: found.id } : this.create(title, level, family);
    }
    if (this.byId.has(title)) return { id: title };
    const labelled = preferActive(this.byLabel.get(lower(title)));
    if (labelled.length === 1) return { id: labelled[0].id };
    const titled = preferActive(this.byTitle.get(lower(title)));
    if (titled.length === 1) return { id: titled[0].id };
    if (titled.length > 1) {
      return { problem: `"${title}" matches ${titled.length} jobs (${listed(titled.map(jobLabel))}): write it as "Title (Level)" or add a job level column.` };
    }
    const labelForm = /^(.*\S)\s*\(([^()]{1,40})\)$/.exec(title);
    return labelForm ? this.create(labelForm[1], labelForm[2].trim(), family) : this.create(title, null, family);
  }

  private add(j: JobLike) {
    this.byId.set(j.id, j);
    this.byKey.set(jobKey(j.title, j.level), j);
    push(this.byTitle, lower(j.title), j);
    push(this.byLabel, lower(jobLabel(j)), j);
  }

  private create(title: string, level: string | null, family: string | null): Resolved {
    const t = title.trim();
    if (t.length > 200) return { problem: 'A job title has at most 200 characters.' };
    if (level && level.length > 40) return { problem: 'A job level has at most 40 characters.' };
    if (family && family.length > 200) return { problem: 'A job family has at most 200 characters.' };
    const existing = this.byKey.get(jobKey(t, level));
    if (existing) return { id: existing.id };
    const job = { id: this.newId(), title: t, level, family, archived: false };
    this.created.push({ id: job.id, title: t, level, family });
    this.add(job);
    return { id: job.id };
  }
}

// ---- Employees (as references: managers, incumbents) ----------------------------

type PersonLike = { id: string; employeeNumber: string; firstName: string; lastName: string; email: string | null };

export class EmployeeIndex {
  private readonly byId = new Map<string, PersonLike>();
  private readonly byNumber = new Map<string, PersonLike>();
  /** One person per email; an email two people share maps to null (ambiguous). */
  private readonly byEmail = new Map<string, PersonLike | null>();

  constructor(stored: PersonLike[]) {
    for (const e of stored) this.add(e);
  }

  /** People of the file: they replace the stored record with the same number. */
  add(e: PersonLike) {
    this.byId.set(e.id, e);
    this.byNumber.set(lower(e.employeeNumber), e);
    if (e.email) {
      const key = lower(e.email);
      const other = this.byEmail.get(key);
      this.byEmail.set(key, other === undefined || other?.id === e.id ? e : null);
    }
  }

  byNumberOf(number: string) {
    return this.byNumber.get(lower(number));
  }

  label(id: string): string {
    const e = this.byId.get(id);
    return e ? employeeLabel(e) : id;
  }

  names(id: string | null | undefined, text: string): boolean {
    const e = id ? this.byId.get(id) : undefined;
    if (!e) return false;
    const key = lower(text);
    return key === lower(employeeLabel(e)) || key === lower(e.employeeNumber) || (!!e.email && key === lower(e.email));
  }

  /** A person by employee number, "Name (Number)", email or id. */
  resolve(text: string, current?: string | null): Resolved {
    if (current && this.names(current, text)) return { id: current };
    const byNumber = this.byNumber.get(lower(text));
    if (byNumber) return { id: byNumber.id };
    const labelled = /\(([^()]+)\)\s*$/.exec(text);
    if (labelled) {
      const found = this.byNumber.get(lower(labelled[1]));
      return found ? { id: found.id } : { problem: `No employee has the number ${labelled[1].trim()} (in this file or already stored).` };
    }
    const byEmail = this.byEmail.get(lower(text));
    if (byEmail) return { id: byEmail.id };
    if (byEmail === null) return { problem: `Several employees have the email ${text}: use the employee number.` };
    if (this.byId.has(text)) return { id: text };
    return { problem: `No employee has the number ${text} (in this file or already stored).` };
  }
}

// ---- Positions ------------------------------------------------------------------

export interface NewPosition { id: string; title: string; jobId: string; departmentId: string }
type PositionLike = { id: string; title: string; departmentId: string; archived: boolean };

export class PositionIndex {
  readonly created: NewPosition[] = [];
  /** position → who holds it once the import is done (claims made while planning included). */
  readonly holder = new Map<string, string | null>();
  private readonly byId = new Map<string, PositionLike>();
  private readonly byPlace = new Map<string, PositionLike[]>();
  private readonly byLabel = new Map<string, PositionLike[]>();

  constructor(stored: StoredPosition[], private readonly departments: DepartmentIndex, private readonly newId: () => string) {
    for (const p of stored) {
      this.add(p);
      this.holder.set(p.id, p.incumbentId);
    }
  }

  get(id: string) {
    return this.byId.get(id);
  }

  label(id: string): string {
    const p = this.byId.get(id);
    return p ? positionLabel(p, this.departments.get(p.departmentId)?.name) : id;
  }

  names(id: string | null | undefined, text: string): boolean {
    const p = id ? this.byId.get(id) : undefined;
    return !!p && (this.labelsOf(p).includes(lower(text)) || lower(p.title) === lower(text));
  }

  /** Grids name a position in an archived department "Title · ?"; other places give its name. */
  private labelsOf(p: PositionLike): string[] {
    const shown = lower(positionLabel(p, this.departments.shownName(p.departmentId)));
    const named = lower(positionLabel(p, this.departments.get(p.departmentId)?.name));
    return shown === named ? [shown] : [shown, named];
  }

  /** Positions whose label reads as `text` ("Engineer · Platform"). */
  labelled(text: string): PositionLike[] {
    return preferActive(this.byLabel.get(lower(text)));
  }

  /** Positions titled `title` in a department. */
  at(departmentId: string, title: string): PositionLike[] {
    return preferActive(this.byPlace.get(`${departmentId}\u0000${lower(title)}`));
  }

  /**
   * The seat an employee takes: the one they hold if the cell still names it, else a vacant
   * one of that title in their department (or by label), else a new one.
   */
  seat(text: string, employeeId: string, departmentId: string | null, jobId: string | null, current: string | null): Resolved {
    if (current && this.names(current, text)) return this.claim(current, employeeId);
    const free = (list: PositionLike[]) => list.find((p) => !this.holder.get(p.id) || this.holder.get(p.id) === employeeId);
    const found = (departmentId ? free(this.at(departmentId, text)) : undefined) ?? free(this.labelled(text));
    if (found) return this.claim(found.id, employeeId);
    if (!departmentId || !jobId) return { problem: 'A new position needs the department and job title columns filled too.' };
    const departmentName = this.departments.get(departmentId)?.name;
    const suffix = departmentName ? `${LABEL_SEPARATOR}${departmentName}` : null;
    const title = suffix && lower(text).endsWith(lower(suffix)) ? text.slice(0, -suffix.length) : text;
    if (title.trim().length > 200) return { problem: 'A position title has at most 200 characters.' };
    const created = this.create(title.trim(), jobId, departmentId);
    return this.claim(created, employeeId);
  }

  create(title: string, jobId: string, departmentId: string): string {
    const p = { id: this.newId(), title, departmentId, archived: false };
    this.created.push({ id: p.id, title, jobId, departmentId });
    this.add(p);
    this.holder.set(p.id, null);
    return p.id;
  }

  private claim(id: string, employeeId: string): Resolved {
    this.holder.set(id, employeeId);
    return { id };
  }

  private add(p: PositionLike) {
    this.byId.set(p.id, p);
    push(this.byPlace, `${p.departmentId}\u0000${lower(p.title)}`, p);
    for (const label of this.labelsOf(p)) push(this.byLabel, label, p);
  }
}
