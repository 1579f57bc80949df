import ExcelJS from 'exceljs';
import Papa from 'papaparse';

export type Cell = string | number | boolean | null;
interface TableExport {
  format: 'csv' | 'xlsx';
  title: string;
  headers: string[];
  rows: Cell[][];
}

export async function exportTable(input: TableExport) {
  // Rows wider than the headers are refused by the contract (exportTableInput).
  const base = `${input.title.replace(/[^\w\- ]+/g, '').trim() || 'export'} ${new Date().toISOString().slice(0, 10)}`;
  if (input.format === 'csv') {
    // The BOM makes Excel read the file as UTF-8.
    const csv = '\uFEFF' + Papa.unparse({ fields: input.headers, data: input.rows.map(guardFormulas) });
    return { fileName: `${base}.csv`, mimeType: 'text/csv', contentBase64: Buffer.from(csv, 'utf8').toString('base64') };
  }
  const buffer = await toXlsx(input);
  return {
    fileName: `${base}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentBase64: Buffer.from(buffer).toString('base64'),
  };
}

/** Cells starting with = + - @ would run as formulas in a spreadsheet (CSV injection). */
const guardFormulas = (row: Cell[]) => row.map((cell) => (typeof cell === 'string' && /^[=+\-@]/.test(cell) ? `'${cell}` : cell));

async function toXlsx(input: TableExport): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Canopy';
  addTableSheet(workbook, input.title, input.headers, input.rows);
  return workbook.xlsx.writeBuffer() as Promise<ArrayBuffer>;
}

/** A sheet with a bold, frozen, filterable header row and columns sized to their contents. */
export function addTableSheet(workbook: ExcelJS.Workbook, title: string, headers: string[], rows: Cell[][]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(title.slice(0, 31).replace(/[\\/?*[\]:]/g, ' ') || 'Sheet1', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.addRow(headers).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  sheet.columns.forEach((column, index) => {
    const longest = Math.max(headers[index].length, ...rows.slice(0, 500).map((r) => String(r[index] ?? '').length));
    column.width = Math.min(60, Math.max(10, longest + 2));
  });
  return sheet;
}
