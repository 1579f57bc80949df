import type { GridColumn, GridRow, Option, RowChange, SaveResult } from '../../src-renderer/grid';

const FIRST = ['Ada', 'Ben', 'Cleo', 'Dan', 'Eva', 'Finn', 'Gus', 'Hana', 'Ivo', 'Jade', 'Kai', 'Lena', 'Milo', 'Nia', 'Otto'];
const LAST = ['Berg', 'Costa', 'Dahl', 'Engel', 'Fox', 'Grant', 'Holm', 'Ito', 'Jensen', 'Kane', 'Lund', 'Moreau', 'Novak'];
const DEPARTMENTS = ['Engineering', 'Finance', 'Human Resources', 'Legal', 'Marketing', 'Operations', 'Sales', 'Support'];

export const departmentOptions: Option[] = DEPARTMENTS.map((label, i) => ({ value: `d${i + 1}`, label }));
/** Two teams with the same own name under different parents: "Field Sales" alone names neither. */
const fieldSales: Option[] = [
  { value: 'd9', label: 'Europe · Field Sales' },
  { value: 'd10', label: 'Americas · Field Sales' },
];
const statusOptions: Option[] = [
  { value: 'active', label: 'Active' },
  { value: 'leave', label: 'On leave' },
  { value: 'left', label: 'Left' },
];

function nameOf(i: number): string {
  return `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${i + 1}`;
}

function dateOf(i: number): string {
  const year = 2010 + (i % 14);
  const month = String((i % 12) + 1).padStart(2, '0');
  const day = String((i % 28) + 1).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

export function makeRows(count: number, extraColumns: number): GridRow[] {
  const rows: GridRow[] = [];
  for (let i = 0; i < count; i++) {
    const row: GridRow = {
      id: `e${i + 1}`,
      version: 1,
      employeeNo: `EMP-${String(i + 1).padStart(5, '0')}`,
      name: nameOf(i),
      email: `person${i + 1}@example.com`,
      department: departmentOptions[i % departmentOptions.length].value,
      status: statusOptions[i % 7 === 0 ? 1 : 0].value,
      manager: i === 0 ? null : `e${(i % 50) + 1}`,
      salary: 40000 + ((i * 7919) % 90000),
      startDate: dateOf(i),
      notes: i % 5 === 0 ? 'Quarterly review due' : null,
    };
    for (let c = 0; c < extraColumns; c++) row[`extra${c + 1}`] = `x${c + 1}-${i + 1}`;
    rows.push(row);
  }
  return rows;
}

export function makeColumns(rows: GridRow[], extraColumns: number): GridColumn[] {
  const managerOptions = rows.map((row) => ({ value: row.id, label: String(row.name) }));
  const columns: GridColumn[] = [
    { id: 'employeeNo', header: 'Employee #', kind: 'text', width: 110, editable: false },
    { id: 'name', header: 'Name', kind: 'text', width: 200, required: true },
    { id: 'email', header: 'Email', kind: 'text', width: 220 },
    { id: 'department', header: 'Department', kind: 'select', options: [...departmentOptions, ...fieldSales], optionNoun: 'departments' },
    { id: 'status', header: 'Status', kind: 'select', width: 110, options: statusOptions },
    { id: 'manager', header: 'Manager', kind: 'reference', width: 200, options: managerOptions },
    { id: 'salary', header: 'Salary', kind: 'number', width: 110 },
    { id: 'startDate', header: 'Start date', kind: 'date', width: 120 },
    { id: 'notes', header: 'Notes', kind: 'text', width: 220, hiddenByDefault: extraColumns > 0 },
  ];
  for (let c = 0; c < extraColumns; c++) columns.push({ id: `extra${c + 1}`, header: `Extra ${c + 1}`, kind: 'text', width: 120 });
  return columns;
}

/** What the harness page exposes to the tests as `window.harness`. */
export interface HarnessState {
  server: FakeServer;
  /** Passes the server's rows to the grid again, as a page does after a change event. */
  reload?: () => void;
  exports: { format: string; rows: number; columns: string[] }[];
  opened: string[];
  firstRenderMs?: number;
  firstPaintMs?: number;
}

declare global {
  interface Window {
    harness: HarnessState;
  }
}

export const CONFLICT_MESSAGE = 'This employee was changed elsewhere. Reload to see the latest version.';

/** An in-memory "server" with version checks and a little validation. */
export class FakeServer {
  readonly db = new Map<string, GridRow>();
  readonly calls: RowChange[][] = [];
  private nextId = 1;

  constructor(rows: GridRow[]) {
    for (const row of rows) this.db.set(row.id, row);
  }

  /** Simulates another user saving the record. */
  touch(id: string, values: Record<string, unknown> = {}): void {
    const row = this.db.get(id);
    if (row) this.db.set(id, { ...row, ...values, version: row.version + 1 });
  }

  async save(changes: RowChange[]): Promise<SaveResult> {
    this.calls.push(changes);
    await new Promise((resolve) => setTimeout(resolve, 15));
    const errors = changes.flatMap((change) => this.validate(change));
    if (errors.length > 0) {
      const conflict = errors.find((e) => e.message === CONFLICT_MESSAGE);
      return conflict
        ? { ok: false, message: CONFLICT_MESSAGE, errors, conflict: true }
        : { ok: false, message: `Could not save: ${errors.length} problem(s)`, errors };
    }
    return { ok: true, rows: changes.map((change) => this.apply(change)) };
  }

  async remove(rows: GridRow[]): Promise<{ ok: true }> {
    for (const row of rows) this.db.delete(row.id);
    return { ok: true };
  }

  private validate(change: RowChange) {
    const current = change.id === undefined ? undefined : this.db.get(change.id);
    if (change.id !== undefined && !current) return [{ rowKey: change.rowKey, message: 'Record not found' }];
    if (current && current.version !== change.version) return [{ rowKey: change.rowKey, message: CONFLICT_MESSAGE }];
    const merged = { ...current, ...change.values };
    const errors = [];
    if (!merged.name) errors.push({ rowKey: change.rowKey, field: 'name', message: 'Name is required' });
    if (merged.email && !String(merged.email).includes('@')) {
      errors.push({ rowKey: change.rowKey, field: 'email', message: 'Email must contain @' });
    }
    return errors;
  }

  private apply(change: RowChange): GridRow {
    const current = change.id === undefined ? undefined : this.db.get(change.id);
    const id = current?.id ?? `new${this.nextId++}`;
    const row: GridRow = { ...current, ...change.values, id, version: (current?.version ?? 0) + 1 };
    this.db.set(id, row);
    return row;
  }
}
