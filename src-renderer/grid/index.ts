export { DataGrid } from './DataGrid';
export { formatCellValue, parseCellInput } from './convert';
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
