import type { EmployeeHit, EmployeeSearchInput } from '../../../src-shared/api';
import type { ServiceContext } from '../context';

const HIT_COLUMNS = `e.id, e.employee_number AS employeeNumber, e.first_name AS firstName, e.last_name AS lastName,
  e.email, e.status, d.name AS departmentName, j.title AS jobTitle`;
const HIT_FROM = 'employee e LEFT JOIN department d ON d.id = e.department_id LEFT JOIN job j ON j.id = e.job_id';
const BY_NAME = 'e.last_name COLLATE NOCASE, e.first_name COLLATE NOCASE, e.employee_number COLLATE NOCASE, e.id';

/** Text LIKE reads literally: its own wildcards escaped (used with `ESCAPE '\'`). */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The texts a person is found by; "Last First" and "Last, First" so either order finds them. The composites come after the single names, so `slice(2)` is everything that can contain the query. */
const PREFIX_TARGETS = [
  'e.first_name',
  'e.last_name',
  `e.first_name || ' ' || e.last_name`,
  `e.last_name || ' ' || e.first_name`,
  `e.last_name || ', ' || e.first_name`,
  'e.employee_number',
  'e.email',
];
const CONTAINS_TARGETS = PREFIX_TARGETS.slice(2);

const anyLike = (targets: string[]) => `(${targets.map((t) => `${t} LIKE @pattern ESCAPE '\\'`).join(' OR ')})`;

/**
 * Pickers' type-ahead, in SQL so nobody loads the organisation: exact employee number (rank 0),
 * a prefix of a name, the number or the email (rank 1), then the text anywhere in the name,
 * number or email (rank 2); by name within a rank. Archived people never; terminated on request.
 */
export function searchEmployees(ctx: ServiceContext, input: EmployeeSearchInput): { rows: EmployeeHit[]; more: boolean } {
  if (input.ids) return { rows: employeesByIds(ctx, input.ids), more: false };
  const limit = input.limit ?? 50;
  const query = (input.query ?? '').trim().replace(/\s+/g, ' ');
  const status = input.includeTerminated ? '' : `AND e.status <> 'terminated'`;
  if (!query) {
    const rows = ctx.store.raw.prepare(`SELECT ${HIT_COLUMNS} FROM ${HIT_FROM} WHERE e.archived = 0 ${status} ORDER BY ${BY_NAME} LIMIT ${limit + 1}`).all() as EmployeeHit[];
    return { rows: rows.slice(0, limit), more: rows.length > limit };
  }
  const escaped = escapeLike(query);
  const sql = `SELECT ${HIT_COLUMNS},
      CASE WHEN e.employee_number = @exact COLLATE NOCASE THEN 0
           WHEN ${anyLike(PREFIX_TARGETS).replaceAll('@pattern', '@prefix')} THEN 1
           ELSE 2 END AS rank
    FROM ${HIT_FROM}
    WHERE e.archived = 0 ${status} AND ${anyLike(CONTAINS_TARGETS).replaceAll('@pattern', '@contains')}
    ORDER BY rank, ${BY_NAME} LIMIT ${limit + 1}`;
  const found = ctx.store.raw.prepare(sql).all({ exact: query, prefix: `${escaped}%`, contains: `%${escaped}%` }) as (EmployeeHit & { rank: number })[];
  const rows = found.slice(0, limit).map(({ rank: _rank, ...hit }) => hit);
  return { rows, more: found.length > limit };
}

/** The people a picker currently holds, in the order asked, whatever their status. */
function employeesByIds(ctx: ServiceContext, ids: string[]): EmployeeHit[] {
  if (!ids.length) return [];
  const unique = [...new Set(ids)];
  const rows = ctx.store.raw.prepare(`SELECT ${HIT_COLUMNS} FROM ${HIT_FROM} WHERE e.id IN (${unique.map(() => '?').join(',')})`).all(...unique) as EmployeeHit[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return unique.flatMap((id) => byId.get(id) ?? []);
}
