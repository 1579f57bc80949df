import { describe, expect, it } from 'vitest';
import { openTestApp } from './helpers';

const person = (employeeNumber: string, firstName: string, lastName: string, extra: Record<string, unknown> = {}) => ({
  values: { employeeNumber, firstName, lastName, hireDate: '2021-01-04', status: 'active' as const, ...extra },
});

describe('people.resolveEmployees (texts typed or pasted into a person cell)', () => {
  it('finds people by label, id, number or "First Last" in any case; every namesake; not archived people; terminated ones too', async () => {
    const app = await openTestApp();
    try {
      const saved = (
        await app.ok('people.saveEmployees', {
          rows: [
            person('E100', 'Ann', 'Smith'),
            person('E101', 'Ann', 'Smith'),
            person('E200', 'Mary Ann', 'van Dyke'),
            person('E300', 'Bob', 'Quinn', { status: 'terminated', terminationDate: '2024-05-31' }),
            person('E400', 'Cy', 'Archer'),
          ],
        })
      ).rows;
      const id = Object.fromEntries(saved.map((e) => [e.employeeNumber, e.id]));
      await app.ok('people.archiveEmployees', { ids: [id.E400] });

      const { matches } = await app.ok('people.resolveEmployees', {
        texts: ['Ann Smith (E101)', 'ann smith', ' e200 ', 'MARY ANN VAN DYKE', 'Bob Quinn (E300)', id.E100, 'Cy Archer', 'E400', 'Ann Smith (E200)', 'nobody', ''],
      });
      const numbers = matches.map((hits) => hits.map((hit) => hit.employeeNumber).sort());
      expect(numbers).toEqual([['E101'], ['E100', 'E101'], ['E200'], ['E200'], ['E300'], ['E100'], [], [], [], [], []]);
      expect(matches[4][0]).toMatchObject({ firstName: 'Bob', lastName: 'Quinn', status: 'terminated', archived: false });
    } finally {
      await app.close();
    }
  });
});
