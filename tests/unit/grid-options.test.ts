import { describe, expect, it } from 'vitest';
import { parseCellInput, parseEditorValue } from '../../src-renderer/grid/convert';
import { aliasesOf, matchOption } from '../../src-renderer/grid/optionMatch';
import { searchOptions } from '../../src-renderer/grid/optionSearch';
import type { GridColumn, GridRow, Option } from '../../src-renderer/grid/types';

// Labels as the people grids build them: a department names its parent; the plain name is an alias.
const departments: Option[] = [
  { value: 'd1', label: 'Engineering', aliases: ['Engineering'] },
  { value: 'd2', label: 'Platform · Engineering', aliases: ['Platform'] },
  { value: 'd3', label: 'Sales · Europe', aliases: ['Sales'] },
  { value: 'd4', label: 'Sales · Americas', aliases: ['Sales'] },
  { value: 'd5', label: 'Sales · APAC', aliases: ['Sales'] },
  { value: 'd6', label: 'Inside Sales', aliases: ['Inside Sales'] },
];
const department: GridColumn = { id: 'departmentId', header: 'Department', kind: 'reference', options: departments, optionNoun: 'departments' };

describe('matching typed or pasted text to options', () => {
  it('takes an exact label in any case, then an option value', () => {
    expect(matchOption(departments, 'platform · engineering')).toEqual({ ok: true, value: 'd2' });
    expect(matchOption(departments, 'd5')).toEqual({ ok: true, value: 'd5' });
  });

  it('takes a plain name where it names one option', () => {
    expect(parseCellInput(department, 'Platform')).toEqual({ ok: true, value: 'd2' });
    expect(parseCellInput(department, ' inside sales ')).toEqual({ ok: true, value: 'd6' });
  });

  it('says which options an ambiguous name matches', () => {
    expect(parseCellInput(department, 'Sales')).toEqual({
      ok: false,
      message: '"Sales" matches 3 departments: Sales · Europe, Sales · Americas, Sales · APAC. Type or pick the full name.',
    });
  });

  it('reports two options with the same label as ambiguous rather than taking the first', () => {
    const twins: Option[] = [{ value: 'a', label: 'Support' }, { value: 'b', label: 'Support' }];
    expect(matchOption(twins, 'support')).toMatchObject({ ok: false, reason: 'ambiguous' });
  });

  it('uses the last segment of a path-like label when an option names no aliases', () => {
    expect(aliasesOf({ value: 'x', label: 'Europe › Sales' })).toEqual(['Sales']);
    expect(aliasesOf({ value: 'x', label: 'Finance' })).toEqual([]);
    const paths: Option[] = [{ value: 'e', label: 'Europe › Sales' }, { value: 'f', label: 'Europe › Finance' }];
    expect(matchOption(paths, 'finance')).toEqual({ ok: true, value: 'f' });
  });

  it('says when text names no option', () => {
    expect(parseCellInput(department, 'Legal')).toEqual({ ok: false, message: '"Legal" is not one of the departments' });
    const noNoun: GridColumn = { ...department, optionNoun: undefined };
    expect(parseCellInput(noNoun, 'Legal')).toEqual({ ok: false, message: '"Legal" is not one of the Department options' });
  });
});

describe('options that depend on the row (a skill’s own levels)', () => {
  const levelsBySkill: Record<string, Option[]> = {
    s1: [{ value: '1 · Basic', label: '1 · Basic' }, { value: '2 · Advanced', label: '2 · Advanced' }],
    s2: [{ value: '1 · Aware', label: '1 · Aware' }, { value: '2 · Expert', label: '2 · Expert' }],
  };
  const level: GridColumn = {
    id: 'level',
    header: 'Level',
    kind: 'select',
    options: [...levelsBySkill.s1, ...levelsBySkill.s2],
    optionsFor: (row) => levelsBySkill[String(row.skillId)],
    optionNoun: 'levels',
  };
  const row: GridRow = { id: 'r1', version: 1, skillId: 's1' };

  it('takes only the row’s own options', () => {
    expect(parseCellInput(level, '2 · advanced', { row })).toEqual({ ok: true, value: '2 · Advanced' });
    expect(parseCellInput(level, '2 · Expert', { row })).toEqual({ ok: false, message: '"2 · Expert" is not one of this row\'s levels: 1 · Basic, 2 · Advanced' });
    expect(parseEditorValue(level, '2 · Expert', { row: { ...row, skillId: 's2' } })).toEqual({ ok: true, value: '2 · Expert' });
  });
});

describe('the pick-list search', () => {
  it('lists the best matches first, so Tab and Enter take the option the user means', () => {
    expect(searchOptions(departments, 'sales', 10).items.map((o) => o.value)).toEqual(['d3', 'd4', 'd5', 'd6']);
    expect(searchOptions(departments, 'inside sales', 10).items.map((o) => o.value)).toEqual(['d6']);
    expect(searchOptions(departments, 'eng', 10).items.map((o) => o.value)).toEqual(['d1', 'd2']);
    expect(searchOptions(departments, 'platform', 10).items[0].value).toBe('d2');
  });

  it('leads with the current value while nothing is typed', () => {
    const result = searchOptions(departments, '', 3, 'd4');
    expect(result.items.map((o) => o.value)).toEqual(['d4', 'd1', 'd2']);
    expect(result.total).toBe(6);
  });
});
