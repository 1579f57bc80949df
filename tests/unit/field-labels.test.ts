import { describe, expect, it } from 'vitest';
import { fieldLabel } from '../../src-shared/domain/field-labels';
import { employeeValues, openTestApp } from './helpers';

describe('messages name fields as people read them', () => {
  it('turns keys into labels', () => {
    expect(fieldLabel('hireDate')).toBe('Hire date');
    expect(fieldLabel('departmentId')).toBe('Department');
    expect(fieldLabel('employeeIds')).toBe('Employees');
    expect(fieldLabel('employeeNumber')).toBe('Employee number');
    expect(fieldLabel('name')).toBe('Name');
    expect(fieldLabel('Employee number')).toBe('Employee number');
  });

  it('a one-record save names the field, a batch also the row, and enum values read as words', async () => {
    const app = await openTestApp();
    const one = await app.fail('people.saveEmployees', { rows: [{ values: employeeValues(1, { hireDate: '2023-02-30' }) }] });
    expect(one.message).toBe('Hire date: This date does not exist.');
    const two = await app.fail('people.saveEmployees', { rows: [{ values: employeeValues(1) }, { values: employeeValues(2, { status: 'retired' }) }] });
    expect(two.message).toBe('Row 2, Status: Status must be Active, On leave or Terminated.');
    const nested = await app.fail('reviews.saveRatingScale', { name: 'Three', levels: [{ value: 1, label: 'Low' }, { value: 2, label: '' }] });
    expect(nested.message).toBe('Levels › 2 › Label: Label is required.');
  });
});
