export { DataGrid } from './DataGrid';
export { formatCellValue, parseCellInput } from './convert';
export type { ReferenceLookup } from './lookup';
export type {
  CellError,
  CellKind,
  DataGridProps,
  ExportFormat,
  GridColumn,
  GridRow,
  Option,
  RowChange,
  RowSource,
  RowView,
  RowWindowRequest,
  SaveResult,
} from './types';
