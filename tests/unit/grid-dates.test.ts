import { describe, expect, it } from 'vitest';
import { dateHint, dateOrder, excelSerialToIso, parseDateText } from '../../src-renderer/grid/dates';

const ok = (iso: string) => ({ ok: true, iso });

describe('dates typed or pasted into the grid', () => {
  it('reads the numeric date order of the locale', () => {
    expect(dateOrder('en-GB')).toBe('dmy');
    expect(dateOrder('de-DE')).toBe('dmy');
    expect(dateOrder('en-US')).toBe('mdy');
    expect(dateOrder('ja-JP')).toBe('ymd');
    expect(dateHint('en-GB')).toBe('YYYY-MM-DD or DD/MM/YYYY');
    expect(dateHint('en-US')).toBe('YYYY-MM-DD or MM/DD/YYYY');
  });

  it('takes ISO dates in every locale, with or without leading zeros', () => {
    for (const locale of ['en-GB', 'en-US', 'ja-JP']) {
      expect(parseDateText('2024-12-31', locale)).toEqual(ok('2024-12-31'));
      expect(parseDateText('2024-1-5', locale)).toEqual(ok('2024-01-05'));
      expect(parseDateText('2024/01/05', locale)).toEqual(ok('2024-01-05'));
    }
  });

  it('reads day and month in the order of the user’s locale', () => {
    expect(parseDateText('31/12/2024', 'en-GB')).toEqual(ok('2024-12-31'));
    expect(parseDateText('12/31/2024', 'en-US')).toEqual(ok('2024-12-31'));
    expect(parseDateText('31.12.2024', 'de-DE')).toEqual(ok('2024-12-31'));
    // Both orders would be real days: the locale decides.
    expect(parseDateText('03/04/2024', 'en-GB')).toEqual(ok('2024-04-03'));
    expect(parseDateText('03/04/2024', 'en-US')).toEqual(ok('2024-03-04'));
  });

  it('says so, instead of guessing, when the date only fits the other order', () => {
    const gb = parseDateText('12/31/2024', 'en-GB');
    expect(gb).toEqual({ ok: false, message: '"12/31/2024" is not a date in your format (DD/MM/YYYY). If you mean 2024-12-31, type that.' });
    const us = parseDateText('31/12/2024', 'en-US');
    expect(us).toEqual({ ok: false, message: '"31/12/2024" is not a date in your format (MM/DD/YYYY). If you mean 2024-12-31, type that.' });
  });

  it('asks for the year first where the locale writes dates year first', () => {
    expect(parseDateText('03/04/2024', 'ja-JP')).toEqual({ ok: false, message: '"03/04/2024" could be 3 April or 4 March 2024: type it as YYYY-MM-DD.' });
    expect(parseDateText('31/12/2024', 'ja-JP')).toEqual({ ok: false, message: '"31/12/2024" is not written year first: type 2024-12-31 if you mean 31 December 2024.' });
  });

  it('refuses two-digit years and impossible days with a reason', () => {
    expect(parseDateText('31/12/24', 'en-GB')).toEqual({ ok: false, message: '"31/12/24" has a two-digit year: write the year with four digits.' });
    expect(parseDateText('2023-02-29', 'en-GB')).toEqual({ ok: false, message: '"2023-02-29" is not a valid date (February 2023 has 28 days).' });
    expect(parseDateText('2024-13-01', 'en-GB')).toEqual({ ok: false, message: '"2024-13-01" is not a valid date (months go from 01 to 12).' });
    expect(parseDateText('31/02/2024', 'en-GB')).toEqual({ ok: false, message: '"31/02/2024" is not a valid date (use YYYY-MM-DD or DD/MM/YYYY).' });
    expect(parseDateText('next Tuesday', 'en-US')).toEqual({ ok: false, message: '"next Tuesday" is not a valid date (use YYYY-MM-DD or MM/DD/YYYY).' });
  });

  it('turns Excel serial day numbers into dates (the 1900 date system)', () => {
    expect(excelSerialToIso(45291)).toBe('2023-12-31');
    expect(parseDateText('45291', 'en-GB')).toEqual(ok('2023-12-31'));
    expect(parseDateText('45292', 'en-US')).toEqual(ok('2024-01-01'));
    expect(parseDateText('36526', 'en-US')).toEqual(ok('2000-01-01'));
    // A serial with a time of day keeps the day.
    expect(parseDateText('45291.75', 'en-US')).toEqual(ok('2023-12-31'));
    // Four digits are a year rather than a 1900s serial: not a date.
    expect(parseDateText('2024', 'en-US')).toMatchObject({ ok: false });
  });
});
