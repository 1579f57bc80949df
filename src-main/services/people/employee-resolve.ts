import type { EmployeeHit } from '../../../src-shared/api';
import type { ServiceContext } from '../context';

/*
 * Texts typed or pasted into a grid cell that points to a person, turned into the people they
 * name without loading everyone: the grid then matches them as it matches any option list
 * (src-renderer/grid/optionMatch.ts): an exact label first, then the id, then a short name
 * that fits one person. So every candidate of each kind is returned, and the grid decides.
 */

const HIT_SQL = `SELECT e.id, e.employee_number AS employeeNumber, e.first_name AS firstName, e.last_name AS lastName,
  e.email, e.status, e.archived, d.name AS departmentName, j.title AS jobTitle
  FROM employee e LEFT JOIN department d ON d.id = e.department_id LEFT JOIN job j ON j.id = e.job_id
  WHERE e.id = ?`;

/** "Ann Smith (E100)": the label's name and number (src-shared/domain/people-labels). */
const LABEL = /^(.*) \(([^()]+)\)$/;

type HitRow = Omit<EmployeeHit, 'archived'> & { archived: number };

export function resolveEmployees(ctx: ServiceContext, texts: string[]): EmployeeHit[][] {
  const db = ctx.store.raw;
  const byNumber = db.prepare(`SELECT id FROM employee WHERE employee_number = ? COLLATE NOCASE AND archived = 0`).pluck();
  const byId = db.prepare(`SELECT id FROM employee WHERE id = ? AND archived = 0`).pluck();
  // Both columns are compared under the employee_name index's collation, so each split is one index probe.
  const byName = db.prepare(`SELECT id FROM employee WHERE last_name = ? COLLATE NOCASE AND first_name = ? COLLATE NOCASE AND archived = 0`).pluck();
  const hit = db.prepare(HIT_SQL);
  const cache = new Map<string, EmployeeHit[]>();

  /** "Mary Ann van Dyke" may be first "Mary Ann" and last "van Dyke", or any other split at a space. */
  const namedIds = (name: string): string[] => {
    const ids: string[] = [];
    for (let at = name.indexOf(' '); at >= 0; at = name.indexOf(' ', at + 1)) {
      ids.push(...(byName.all(name.slice(at + 1), name.slice(0, at)) as string[]));
    }
    return ids;
  };
  const labelIds = (text: string): string[] => {
    const label = LABEL.exec(text);
    if (!label) return [];
    const [, name, number] = label;
    const ids = byNumber.all(number) as string[];
    return ids.filter((id) => namedIds(name).includes(id));
  };
  const resolve = (text: string): EmployeeHit[] => {
    const ids = new Set([...labelIds(text), ...(byId.all(text) as string[]), ...(byNumber.all(text) as string[]), ...namedIds(text)]);
    return [...ids].map((id) => {
      const row = hit.get(id) as HitRow;
      return { ...row, archived: Boolean(row.archived) };
    });
  };

  return texts.map((raw) => {
    const text = raw.trim();
    if (!text) return [];
    let found = cache.get(text.toLowerCase());
    if (!found) cache.set(text.toLowerCase(), (found = resolve(text)));
    return found;
  });
}
