// The SQL of a grid view (src-renderer/grid row sources): its column filters and quick filter match
// the text each column shows, and its sort orders by that text as the grid sorts a loaded table.
// Each window service says what its columns show in SQL; the terms are built here alike for all.

/** `%text%` for LIKE … ESCAPE '\\'. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A grid view's text filters: "contains" per column, and the quick filter over some or every column. */
export interface TextFilters<F extends string> {
  filters?: readonly { field: F; contains: string }[];
  search?: string;
  searchFields?: readonly F[];
}

/**
 * WHERE terms for a view's column filters and quick filter, each matched against `text(field)` (the
 * column's shown text in SQL; the caller notes the joins it needs). The patterns are named parameters
 * (`@gridText0`, …), so they bind beside a query's positional or named parameters alike.
 */
export function textFilterTerms<F extends string>(
  view: TextFilters<F>,
  everyField: readonly F[],
  text: (field: F) => string,
  /** A reference column matched by the ids whose label matches (`pattern` is the parameter's name): each label is built once, not per row. */
  matchReference?: (field: F, pattern: string) => string | undefined,
): { where: string[]; params: Record<string, string> } {
  const where: string[] = [];
  const params: Record<string, string> = {};
  const like = (field: F, pattern: string) => matchReference?.(field, pattern) ?? `${text(field)} LIKE ${pattern} ESCAPE '\\'`;
  const bind = (contains: string) => {
    const name = `gridText${Object.keys(params).length}`;
    params[name] = containsPattern(contains);
    return `@${name}`;
  };
  for (const filter of view.filters ?? []) {
    const contains = filter.contains.trim();
    if (contains) where.push(like(filter.field, bind(contains)));
  }
  const search = view.search?.trim();
  if (search) {
    const pattern = bind(search);
    const fields = view.searchFields?.length ? view.searchFields : everyField;
    where.push(`(${fields.map((field) => like(field, pattern)).join(' OR ')})`);
  }
  return { where, params };
}

/**
 * The number of rows in a view, from its window when the window shows it (a window that is not full
 * ends the view), else from `count()`: a quick filter that matches few rows then scans once, not twice.
 */
export const viewTotal = (window: { offset: number; limit: number }, rows: number, count: () => number) =>
  rows < window.limit && (rows > 0 || window.offset === 0) ? window.offset + rows : count();

/** ORDER BY a column's shown text as the grid sorts it: empty cells last either way, then `tiebreak`. */
export const orderByShown = (sql: string, desc: boolean | undefined, tiebreak: string, { numeric = false } = {}) =>
  `(${sql}) IS NULL, ${sql}${numeric ? '' : ' COLLATE NOCASE'} ${desc ? 'DESC' : 'ASC'}, ${tiebreak}`;
