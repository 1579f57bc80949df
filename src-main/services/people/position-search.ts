import type { PositionHit } from '../../../src-shared/api';
import { LABEL_SEPARATOR } from '../../../src-shared/domain/people-labels';
import type { ServiceContext } from '../context';

/*
 * Positions found where they are, for pickers and grid cells: an organisation of 50,000 people
 * has as many seats, too many to list. Labels read "Title · Department" (people-labels).
 */

const hitSql = (index = '') => `SELECT p.id, p.title, CASE WHEN d.archived = 0 THEN d.name END AS departmentName, p.archived
  FROM position p ${index} LEFT JOIN department d ON d.id = p.department_id`;
const HIT_SQL = hitSql();

type HitRow = Omit<PositionHit, 'archived'> & { archived: number };
const toHit = (row: HitRow): PositionHit => ({ ...row, archived: Boolean(row.archived) });
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** More names than this for one title are not listed (a paste naming one is ambiguous either way). */
const MAX_NAMESAKES = 500;

/**
 * Type-ahead: positions whose title or department contains every word typed; those whose title
 * starts with the text first, then by title. Archived positions never; with `ids`, those positions.
 * Two indexed stages, so a common word does not sort every seat: the title prefix as a range of
 * the title index, then the title index walked in order until enough seats match.
 */
export function searchPositions(ctx: ServiceContext, input: { query?: string; ids?: string[]; limit?: number }): { rows: PositionHit[]; more: boolean } {
  const db = ctx.store.raw;
  if (input.ids) {
    if (!input.ids.length) return { rows: [], more: false };
    const rows = db.prepare(`${HIT_SQL} WHERE p.id IN (${input.ids.map(() => '?').join(',')})`).all(...input.ids) as HitRow[];
    const byId = new Map(rows.map((row) => [row.id, toHit(row)]));
    return { rows: input.ids.flatMap((id) => byId.get(id) ?? []), more: false };
  }
  const limit = input.limit ?? 50;
  const query = (input.query ?? '').trim().replace(/\s+/g, ' ');
  const words = query ? query.split(' ') : [];
  // A word may name the department: its few matching departments are found once.
  const where = words
    .map((_, i) => `AND (p.title LIKE @w${i} ESCAPE '\\' OR p.department_id IN (SELECT id FROM department WHERE name LIKE @w${i} ESCAPE '\\'))`)
    .join(' ');
  const params: Record<string, string> = Object.fromEntries(words.map((word, i) => [`w${i}`, `%${escapeLike(word)}%`]));
  const prefixed = query
    ? (db
        .prepare(`${HIT_SQL} WHERE p.archived = 0 AND p.title >= @from COLLATE NOCASE AND p.title < @to COLLATE NOCASE AND p.title LIKE @prefix ESCAPE '\\'
          ORDER BY p.title COLLATE NOCASE, d.name COLLATE NOCASE, p.id LIMIT ${limit + 1}`)
        .all({ from: query, to: `${query}\u{10FFFF}`, prefix: `${escapeLike(query)}%` }) as HitRow[])
    : [];
  const containing = db
    .prepare(`${hitSql('INDEXED BY position_title')} WHERE p.archived = 0 ${where} ORDER BY p.title COLLATE NOCASE, p.id LIMIT ${limit + prefixed.length + 1}`)
    .all(params) as HitRow[];
  const seen = new Set<string>();
  const rows = [...prefixed, ...containing].filter((row) => !seen.has(row.id) && seen.add(row.id));
  return { rows: rows.slice(0, limit).map(toHit), more: rows.length > limit };
}

/**
 * Each text's positions: by label ("Sales Lead · Sales"), id or title (any case), so the grid
 * matches them as it matches a listed option (an exact label first, then a title one seat has).
 */
export function resolvePositions(ctx: ServiceContext, texts: string[]): PositionHit[][] {
  const db = ctx.store.raw;
  const byTitle = db.prepare(`${HIT_SQL} WHERE p.title = ? COLLATE NOCASE AND p.archived = 0 LIMIT ${MAX_NAMESAKES}`);
  const byId = db.prepare(`${HIT_SQL} WHERE p.id = ? AND p.archived = 0`);
  const cache = new Map<string, PositionHit[]>();
  const resolve = (text: string): PositionHit[] => {
    const found = new Map<string, PositionHit>();
    const add = (rows: HitRow[]) => rows.forEach((row) => found.set(row.id, toHit(row)));
    add(byId.all(text) as HitRow[]);
    add(byTitle.all(text) as HitRow[]);
    const cut = text.lastIndexOf(LABEL_SEPARATOR.trim());
    if (cut > 0) {
      const [title, department] = [text.slice(0, cut).trim(), text.slice(cut + 1).trim().toLowerCase()];
      add((byTitle.all(title) as HitRow[]).filter((row) => (row.departmentName ?? '?').toLowerCase() === department));
    }
    return [...found.values()];
  };
  return texts.map((raw) => {
    const text = raw.trim();
    if (!text) return [];
    const key = text.toLowerCase();
    if (!cache.has(key)) cache.set(key, resolve(text));
    return cache.get(key)!;
  });
}
