import type { ServiceContext } from '../context';

/** Ids among `ids` that exist in `table` (table names come from code, never from input). */
export async function existingIds(ctx: ServiceContext, table: string, ids: Iterable<string>): Promise<Set<string>> {
  const unique = [...new Set(ids)];
  const found = new Set<string>();
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    const rows: { id: string }[] = await ctx.manager.query(
      `SELECT id FROM ${table} WHERE id IN (${chunk.map(() => '?').join(',')})`,
      chunk,
    );
    for (const row of rows) found.add(row.id);
  }
  return found;
}

/** child id → parent id for a whole self-referencing table. */
export async function parentMap(ctx: ServiceContext, table: string, column: string): Promise<Map<string, string | null>> {
  const rows: { id: string; parent: string | null }[] = await ctx.manager.query(`SELECT id, ${column} AS parent FROM ${table}`);
  return new Map(rows.map((row) => [row.id, row.parent]));
}

export const fullName = (first: string, last: string) => `${first} ${last}`.trim();

/** `%text%` for `LIKE … ESCAPE '\'`, with LIKE's own wildcards escaped so a search for "50%" finds "50%" only. */
export const likePattern = (search: string | undefined) => `%${(search ?? '').trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
