/**
 * Dates as users type and paste them: ISO (YYYY-MM-DD, stored as is), the
 * user's own numeric format (31/12/2024 in en-GB, 12/31/2024 in en-US) and
 * Excel's serial day numbers (45291 = 2023-12-31). A date that only makes
 * sense in another order than the user's is reported, never guessed.
 */

export type DateParse = { ok: true; iso: string } | { ok: false; message: string };

type Order = 'dmy' | 'mdy' | 'ymd';

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** The browser's language, or en-US where there is none (Node before 21). */
export function userLocale(): string {
  const language = (globalThis as { navigator?: { language?: string } }).navigator?.language;
  return language || 'en-US';
}

const orders = new Map<string, Order>();

/** Day, month and year order of the locale's numeric dates. */
export function dateOrder(locale: string): Order {
  let order = orders.get(locale);
  if (!order) {
    order = 'ymd';
    try {
      const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(2024, 11, 31));
      const sequence = parts.filter((p) => p.type === 'day' || p.type === 'month' || p.type === 'year').map((p) => p.type[0]).join('');
      if (sequence === 'dmy' || sequence === 'mdy') order = sequence;
    } catch {
      // An unknown locale tag keeps the unambiguous year-first order.
    }
    orders.set(locale, order);
  }
  return order;
}

const PATTERNS: Record<Order, string> = { dmy: 'DD/MM/YYYY', mdy: 'MM/DD/YYYY', ymd: 'YYYY-MM-DD' };

/** How dates may be written for this locale, for messages and placeholders. */
export function dateHint(locale: string): string {
  const order = dateOrder(locale);
  return order === 'ymd' ? 'YYYY-MM-DD' : `YYYY-MM-DD or ${PATTERNS[order]}`;
}

export function isValidIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  return isRealDay(year, month, day);
}

function isRealDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const iso = (year: number, month: number, day: number) =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const spelled = (month: number, day: number) => `${day} ${MONTHS[month - 1]}`;

/** Excel serial day number (1900 date system) to ISO; five digits cover 1927–2173. */
export function excelSerialToIso(serial: number): string {
  return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

function parseNumeric(text: string, first: number, second: number, year: number, locale: string): DateParse {
  const order = dateOrder(locale);
  const asDmy = isRealDay(year, second, first);
  const asMdy = isRealDay(year, first, second);
  if (order === 'dmy' && asDmy) return { ok: true, iso: iso(year, second, first) };
  if (order === 'mdy' && asMdy) return { ok: true, iso: iso(year, first, second) };
  if (order === 'ymd') {
    if (asDmy && asMdy && first !== second) {
      return { ok: false, message: `"${text}" could be ${spelled(second, first)} or ${spelled(first, second)} ${year}: type it as YYYY-MM-DD.` };
    }
    if (asDmy || asMdy) {
      const [month, day] = asDmy ? [second, first] : [first, second];
      return { ok: false, message: `"${text}" is not written year first: type ${iso(year, month, day)} if you mean ${spelled(month, day)} ${year}.` };
    }
  }
  const other = order === 'dmy' ? asMdy && iso(year, first, second) : order === 'mdy' ? asDmy && iso(year, second, first) : false;
  if (other) {
    return { ok: false, message: `"${text}" is not a date in your format (${PATTERNS[order]}). If you mean ${other}, type that.` };
  }
  return { ok: false, message: `"${text}" is not a valid date (use ${dateHint(locale)}).` };
}

/** Turns typed or pasted text (already trimmed, not empty) into an ISO calendar date. */
export function parseDateText(text: string, locale = userLocale()): DateParse {
  const isoLike = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (isoLike) {
    const [year, month, day] = isoLike.slice(1).map(Number);
    if (isRealDay(year, month, day)) return { ok: true, iso: iso(year, month, day) };
    const why = month >= 1 && month <= 12 ? `${MONTHS[month - 1]} ${year} has ${daysInMonth(year, month)} days` : 'months go from 01 to 12';
    return { ok: false, message: `"${text}" is not a valid date (${why}).` };
  }
  if (/^\d{5}(\.\d+)?$/.test(text)) return { ok: true, iso: excelSerialToIso(Number(text)) };
  const numeric = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (numeric) {
    const [first, second, year] = numeric.slice(1).map(Number);
    return parseNumeric(text, first, second, year, locale);
  }
  if (/^\d{1,2}[-/.]\d{1,2}[-/.]\d{2}$/.test(text)) {
    return { ok: false, message: `"${text}" has a two-digit year: write the year with four digits.` };
  }
  return { ok: false, message: `"${text}" is not a valid date (use ${dateHint(locale)}).` };
}
