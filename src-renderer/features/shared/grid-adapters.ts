import { notifications } from '@mantine/notifications';
import { useMemo } from 'react';
import { topicsOf, touches, type Input, type Method, type Output } from '../../../src-shared/api';
import { ApiCallError, call, onApiEvent } from '../../api/client';
import { queryClient } from '../../api/hooks';
import { formatCellValue, type ExportFormat, type GridColumn, GridRow, RowChange, RowSource, RowView, SaveResult } from '../../grid';

type SaveMethod = Extract<Method, `${string}.save${string}`>;
type ArchiveMethod = Extract<Method, `${string}.archive${string}`>;

/**
 * Turns a grid batch into one save call and maps the server's row/field issues back onto cells.
 * Every change of an existing record carries the version its edit started from.
 */
export async function saveThroughApi(method: SaveMethod, changes: RowChange[], toValues: (values: Record<string, unknown>) => Record<string, unknown> = (v) => v): Promise<SaveResult> {
  const rows = changes.map((change) => ({ id: change.id, version: change.version, values: toValues(change.values) }));
  try {
    const result = (await call(method, { rows } as Input<typeof method>)) as { rows: GridRow[] };
    return { ok: true, rows: result.rows };
  } catch (error) {
    if (error instanceof ApiCallError && error.code === 'CONFLICT') refreshArea(method);
    return toFailedSave(error, changes);
  }
}

/** After a CONFLICT the grid shows the values saved elsewhere: fetch them now rather than wait for the change event. */
function refreshArea(method: string): void {
  const area = method.split('.')[0];
  void queryClient.invalidateQueries({ predicate: (query) => String(query.queryKey[0]).startsWith(`${area}.`) });
}

export function toFailedSave(error: unknown, changes: RowChange[]): SaveResult {
  if (!(error instanceof ApiCallError)) return { ok: false, message: String(error), errors: [] };
  const errors = error.issues
    .filter((issue) => issue.row !== undefined && changes[issue.row - 1])
    .map((issue) => ({ rowKey: changes[issue.row! - 1].rowKey, field: issue.field, message: issue.message }));
  return { ok: false, message: error.message, errors, ...(error.code === 'CONFLICT' ? { conflict: true } : {}) };
}

export async function archiveThroughApi(method: ArchiveMethod, rows: GridRow[], label: string): Promise<SaveResult | { ok: true }> {
  try {
    const { count } = (await call(method, { ids: rows.map((row) => row.id) } as Input<typeof method>)) as Output<ArchiveMethod>;
    notifications.show({ color: 'teal', message: `${count} ${label}${count === 1 ? '' : 's'} archived.` });
    return { ok: true };
  } catch (error) {
    return toFailedSave(error, []);
  }
}

/** Exports what the grid shows (visible columns, filtered and sorted rows, labels not ids). */
export async function exportGrid(title: string, format: ExportFormat, rows: GridRow[], columns: GridColumn[]): Promise<void> {
  const labelOf = (column: GridColumn, value: unknown) => {
    if (value === null || value === undefined) return null;
    if (column.options || column.lookup) return formatCellValue(column, value);
    return typeof value === 'number' || typeof value === 'boolean' ? value : String(value);
  };
  try {
    const file = await call('admin.exportTable', {
      format,
      title,
      headers: columns.map((c) => c.header),
      rows: rows.map((row) => columns.map((column) => labelOf(column, row[column.id]))),
      dateColumns: columns.flatMap((column, index) => (column.kind === 'date' ? [index] : [])),
    });
    downloadFile(file.fileName, file.mimeType, file.contentBase64);
  } catch (error) {
    notifications.show({ color: 'red', title: 'Export failed', message: (error as Error).message });
  }
}

type WindowMethod = Extract<Method, `${string}Window`>;
type ViewExportMethod = Extract<Method, `${string}.export${string}`>;
/** A window method's input without the grid's part (window, sort, filters, quick filter): the page's own filters. */
type PageScope<M extends WindowMethod> = Omit<Input<M>, 'offset' | 'limit' | 'sort' | 'filters' | 'search' | 'searchFields'>;

/**
 * A grid row source over a window method (`people.listEmployeeWindow`): the grid asks for the
 * rows it shows; writes to the method's topics refresh them; `exportMethod` makes the file of
 * the whole view in the main process. Column ids must be fields the method sorts and filters by.
 */
export function useApiRowSource<M extends WindowMethod>(
  method: M,
  input: PageScope<M>,
  exporting?: { method: ViewExportMethod; title: string },
  /** How a row of the method shows in the grid (a boolean as Yes/No), when not as it is. */
  toRow?: (row: GridRow) => GridRow,
): RowSource {
  const key = JSON.stringify([method, input]);
  const exportMethod = exporting?.method;
  const title = exporting?.title;
  return useMemo<RowSource>(() => {
    const scope = JSON.parse(key)[1] as PageScope<M>;
    return {
      key,
      load: async (request) => {
        const page = (await call(method, { ...scope, ...request } as Input<M>)) as unknown as { rows: GridRow[]; total: number };
        return toRow ? { rows: page.rows.map(toRow), total: page.total } : page;
      },
      subscribe: (onChange) => onApiEvent((event) => event.type === 'changed' && touches(topicsOf(method), event.topics) && onChange()),
      exportView: exportMethod && title ? (format, view, columns) => exportViewThroughApi(exportMethod, { ...scope, ...view }, format, title, columns) : undefined,
    };
    // `toRow` is a page's module-level function: it never changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, method, exportMethod, title]);
}

/** The file of every row of a view, made by the main process from the same query as the grid's windows. */
async function exportViewThroughApi(method: ViewExportMethod, view: RowView & object, format: ExportFormat, title: string, columns: GridColumn[]): Promise<void> {
  try {
    const input = { ...view, format, title, columns: columns.map((c) => ({ field: c.id, header: c.header })) };
    const file = (await call(method, input as Input<typeof method>)) as { fileName: string; mimeType: string; contentBase64: string };
    downloadFile(file.fileName, file.mimeType, file.contentBase64);
  } catch (error) {
    notifications.show({ color: 'red', title: 'Export failed', message: (error as Error).message });
  }
}

/** Every export (PDF, XLSX, PPTX, CSV) is saved here, and says that it is a plain file, unlike the organisation's encrypted database. */
export function downloadFile(fileName: string, mimeType: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  notifications.show({
    color: 'gray',
    title: `${fileName} saved to your downloads`,
    message: 'Exported files are not encrypted: anyone who gets this file can read it. Keep it as you would the printed page, and delete it when done.',
  });
}
