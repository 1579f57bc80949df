import { describe, expect, it } from 'vitest';
import {
  formatCellValue,
  isValidIsoDate,
  parseCellInput,
  parseEditorValue,
  sameValue,
} from '../../src-renderer/grid/convert';
import type { GridColumn } from '../../src-renderer/grid/types';

const text: GridColumn = { id: 'name', header: 'Name', kind: 'text' };
const required: GridColumn = { ...text, required: true };
const number: GridColumn = { id: 'salary', header: 'Salary', kind: 'number' };
const date: GridColumn = { id: 'start', header: 'Start', kind: 'date' };
const select: GridColumn = {
  id: 'dept',
  header: 'Department',
  kind: 'select',
  options: [
    { value: 'd1', label: 'Engineering' },
    { value: 'd2', label: 'Sales' },
  ],
};

describe('parseCellInput', () => {
  it('keeps text as typed and turns blank into null', () => {
    expect(parseCellInput(text, ' Ada ')).toEqual({ ok: true, value: ' Ada ' });
    expect(parseCellInput(text, '   ')).toEqual({ ok: true, value: null });
  });

  it('rejects blank values in required columns', () => {
    expect(parseCellInput(required, '')).toMatchObject({ ok: false });
  });

  it('parses numbers with Number()', () => {
    expect(parseCellInput(number, ' 42.5 ')).toEqual({ ok: true, value: 42.5 });
    expect(parseCellInput(number, '-1e3')).toEqual({ ok: true, value: -1000 });
    expect(parseCellInput(number, 'abc')).toMatchObject({ ok: false });
    expect(parseCellInput(number, 'Infinity')).toMatchObject({ ok: false });
  });

  it('accepts only real calendar dates, stored as YYYY-MM-DD', () => {
    expect(parseCellInput(date, '2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseCellInput(date, '2024-02-30')).toMatchObject({ ok: false });
    expect(parseCellInput(date, '2023-02-29')).toMatchObject({ ok: false });
    expect(parseCellInput(date, '2024-13-01')).toMatchObject({ ok: false });
    // In the user's own numeric format (more in grid-dates.test.ts).
    expect(parseCellInput(date, '3/4/2024', { locale: 'en-GB' })).toEqual({ ok: true, value: '2024-04-03' });
    expect(parseCellInput(date, '3/4/2024', { locale: 'en-US' })).toEqual({ ok: true, value: '2024-03-04' });
  });

  it('matches options by label (case-insensitive) or by value', () => {
    expect(parseCellInput(select, 'engineering')).toEqual({ ok: true, value: 'd1' });
    expect(parseCellInput(select, 'd2')).toEqual({ ok: true, value: 'd2' });
    const unknown = parseCellInput(select, 'Legal');
    expect(unknown.ok).toBe(false);
  });
});

describe('isValidIsoDate', () => {
  it('knows leap years', () => {
    expect(isValidIsoDate('2000-02-29')).toBe(true);
    expect(isValidIsoDate('1900-02-29')).toBe(false);
    expect(isValidIsoDate('2024-04-31')).toBe(false);
    expect(isValidIsoDate('2024-12-31')).toBe(true);
  });
});

describe('parseEditorValue', () => {
  it('takes a picked option value, or matches typed text like a paste', () => {
    expect(parseEditorValue(select, 'd2')).toEqual({ ok: true, value: 'd2' });
    expect(parseEditorValue(select, 'SALES')).toEqual({ ok: true, value: 'd2' });
    expect(parseEditorValue(select, '')).toEqual({ ok: true, value: null });
    expect(parseEditorValue(select, 'sal').ok).toBe(false);
  });
});

describe('formatCellValue', () => {
  it('shows labels for options, empty for null, text otherwise', () => {
    expect(formatCellValue(select, 'd1')).toBe('Engineering');
    expect(formatCellValue(select, 'gone')).toBe('gone');
    expect(formatCellValue(number, 1234.5)).toBe('1234.5');
    expect(formatCellValue(date, null)).toBe('');
  });
});

describe('sameValue', () => {
  it('treats null and undefined alike', () => {
    expect(sameValue(null, undefined)).toBe(true);
    expect(sameValue(1, 1)).toBe(true);
    expect(sameValue('1', 1)).toBe(false);
  });
});
