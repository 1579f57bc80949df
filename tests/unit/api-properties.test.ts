import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { api, methods, type Method } from '../../src-shared/api';
import { openTestApp, type TestApp } from './helpers';

/** One valid input per method, from every file in api-examples/ (one per area); the malformed ones are derived from it. */
const exampleFiles = import.meta.glob<{ examples?: Record<string, Record<string, unknown>> }>('./api-examples/*.ts', { eager: true });
const VALID = Object.assign({}, ...Object.values(exampleFiles).map((file) => file.examples ?? {})) as Record<Method, Record<string, unknown>>;

const hugeString = fc.string({ minLength: 5000, maxLength: 6000 }).map((s) => s.padEnd(5000, 'x'));
const junk = fc.oneof(fc.anything(), hugeString, fc.uuid().map((id) => `${id}x`), fc.constant(null), fc.constant(-1), fc.constant(''));

function shapeOf(method: Method): Record<string, z.ZodType> {
  return (api[method].input as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
}

/** Row counts of every table (each area's tables included without listing them): what a write could change. */
function snapshot(app: TestApp): Record<string, number> {
  const db = app.store().raw;
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]));
}

async function expectValidationAndNoWrite(app: TestApp, method: Method, input: unknown) {
  const before = snapshot(app);
  const response = await app.call(method, input);
  expect(response.ok, `${method} accepted ${JSON.stringify(input)?.slice(0, 200)}`).toBe(false);
  if (!response.ok) expect(response.error.code).toBe('VALIDATION');
  expect(snapshot(app)).toEqual(before);
}

describe('every API method validates its input', () => {
  it('has a valid example for every registered method (a new area adds tests/unit/api-examples/<area>.ts)', () => {
    for (const method of methods) {
      expect(VALID[method], `no example for ${method}`).toBeDefined();
      expect(api[method].input.safeParse(VALID[method]).success, method).toBe(true);
    }
  });

  for (const method of methods) {
    it(`${method}: malformed input gets VALIDATION and writes nothing`, async () => {
      const app = await openTestApp();
      const shape = shapeOf(method);
      const keys = Object.keys(shape);
      const requiredKeys = keys.filter((key) => !shape[key].safeParse(undefined).success);
      const notAnObject = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(fc.anything()));
      const unknownKey = fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !keys.includes(k) && k !== '__proto__');
      const wrongField = keys.length
        ? fc.tuple(fc.constantFrom(...keys), junk).filter(([key, value]) => value !== undefined && !shape[key].safeParse(value).success)
        : fc.constant(null);
      await fc.assert(
        fc.asyncProperty(notAnObject, unknownKey, wrongField, async (bad, extra, field) => {
          await expectValidationAndNoWrite(app, method, bad);
          await expectValidationAndNoWrite(app, method, { ...VALID[method], [extra]: 1 });
          if (field) await expectValidationAndNoWrite(app, method, { ...VALID[method], [field[0]]: field[1] });
        }),
        { numRuns: 25 },
      );
      for (const key of requiredKeys) {
        const { [key]: _removed, ...missing } = VALID[method];
        await expectValidationAndNoWrite(app, method, missing);
      }
    });
  }

  it('rejects unknown methods', async () => {
    const app = await openTestApp();
    const response = await app.call('people.dropEverything', {});
    expect(response).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
