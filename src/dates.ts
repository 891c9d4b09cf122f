// Calendar dates as whole UTC day numbers (days since 1970-01-01): cheap to compare and subtract per row.

const DAY_MS = 86_400_000;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Day number of a valid calendar date, or NaN. Arithmetic only: it runs several times per row. */
export function dayNumber(year: number, month: number, day: number): number {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return NaN;
  if (month < 1 || month > 12 || day < 1 || year < 1000 || year > 9999) return NaN;
  if (day > (month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1])) return NaN; // 31-02 etc.
  // Days from civil (proleptic Gregorian), with March as the first month of the computational year.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function digits(s: string, from: number, len: number): number {
  let n = 0;
  for (let i = from; i < from + len; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    n = n * 10 + c;
  }
  return n;
}

/** `DD-MM-YYYY` (the CoWin API's date format; `/` and `.` accepted too), or NaN. */
export function parseDmy(s: string): number {
  if (s.length !== 10) return NaN;
  const sep = s[2];
  if ((sep !== '-' && sep !== '/' && sep !== '.') || s[5] !== sep) return NaN;
  return dayNumber(digits(s, 6, 4), digits(s, 3, 2), digits(s, 0, 2));
}

/** India Standard Time, UTC+05:30 all year: the clock CoWin's days are counted on. */
const IST_MS = (5 * 60 + 30) * 60 * 1000;
/** A time zone at the end of a date-time: `Z`, `+05:30`, `-0400`. */
const ZONE = /(?:Z|[+-]\d\d:?\d\d)$/i;

/**
 * ISO 8601 date or date-time (`YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS` as databases write it, `YYYY-MM-DDTHH:MM:SS.sssZ`),
 * or NaN. A date-time without a zone is the day it names; one with a zone is an instant, and its day is the day in
 * India then (UTC+05:30: a date stored as midnight in India reads `...T18:30:00Z` the evening before). Never the
 * day on the clock of the machine running the analysis.
 */
export function parseIso(s: string): number {
  if (s.length < 10 || s[4] !== '-' || s[7] !== '-') return NaN;
  const day = dayNumber(digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2));
  if (s.length === 10 || Number.isNaN(day)) return day;
  if (s[10] !== 'T' && s[10] !== 't' && s[10] !== ' ') return NaN;
  const ms = Date.parse(s.replace(' ', 'T'));
  if (Number.isNaN(ms)) return NaN;
  return ZONE.test(s) ? Math.floor((ms + IST_MS) / DAY_MS) : day;
}

/** A date in either format, or NaN. */
export function parseAnyDate(s: string): number {
  const t = s.trim();
  const dmy = parseDmy(t);
  return Number.isNaN(dmy) ? parseIso(t) : dmy;
}

/**
 * How a tool wrote CoWin's DD-MM-YYYY dates when it re-wrote them (see {@link shownDates}): a spreadsheet's short
 * date, month name or dots, CoWin's own form with a time of day, or a database's or data tool's ISO 8601.
 */
export type ShownDates = 'D/M/YYYY' | 'D-Mon-YYYY' | 'DD.MM.YYYY' | 'DD-MM-YYYY hh:mm' | 'YYYY-MM-DD';

/** An optional time after a date a spreadsheet shows (`5/6/2021 14:30`). */
const TIME = '(?: \\d{1,2}:\\d\\d(?::\\d\\d)?)?';
/**
 * A short date, day first, one or two digits for the day and the month, a four- or two-digit year: `5/6/2021`,
 * `21/6/2021`, `21/06/21` (LibreOffice's short date in a British or Indian locale). No CoWin format writes one.
 */
const SHORT_DMY = new RegExp(`^(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})${TIME}$`);
/** A date with the month's name, as Excel's d-mmm-yyyy and d-mmm-yy formats show it: `21-Jun-2021`, `5 Jun 21`. */
const MONTH_NAME = new RegExp(`^(\\d{1,2})[- ]([A-Za-z]{3})[- ](\\d{4}|\\d{2})${TIME}$`);
/** A date with dots, as a spreadsheet in a German-style locale shows it: `21.06.2021`, `5.6.2021`. */
const DOTTED = new RegExp(`^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})${TIME}$`);
/** CoWin's DD-MM-YYYY with a time of day, as a date-time cell or a database's timestamp writes it: `21-06-2021 00:00:00`. */
const DMY_TIME = /^(\d\d)-(\d\d)-(\d{4}) \d{1,2}:\d\d(?::\d\d)?$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const SHOWN: Readonly<Record<Exclude<ShownDates, 'YYYY-MM-DD'>, RegExp>> = {
  'D/M/YYYY': SHORT_DMY,
  'D-Mon-YYYY': MONTH_NAME,
  'DD.MM.YYYY': DOTTED,
  'DD-MM-YYYY hh:mm': DMY_TIME,
};

/** A two-digit year as Excel and LibreOffice read it by default: 00-29 in the 2000s, 30-99 in the 1900s. */
const fullYear = (y: string): number => (y.length === 4 ? +y : +y < 30 ? 2000 + +y : 1900 + +y);

/** Day number of a date a tool wrote as `form`, or NaN when `s` is not such a date. */
export function parseShown(s: string, form: ShownDates): number {
  if (form === 'YYYY-MM-DD') return parseIso(s);
  const m = SHOWN[form].exec(s);
  if (!m) return NaN;
  const month = form === 'D-Mon-YYYY' ? MONTHS.indexOf(m[2].toLowerCase()) + 1 : +m[2];
  return dayNumber(fullYear(m[3]), month || NaN, +m[1]);
}

/**
 * Whether a column's dates are CoWin's DD-MM-YYYY dates re-written by a spreadsheet or a database, and how it wrote
 * them; null when not.
 *
 * Opened in a spreadsheet and saved again as CSV, a date column comes back as the spreadsheet showed it. Excel in
 * a US locale reads `05-06-2021` as May 6 and writes `5/6/2021`, the digits in CoWin's order, while `21-06-2021`,
 * no month-first date, stays as the text it was; a day-first locale (en-GB) writes every date as `05/06/2021`,
 * LibreOffice in a British or Indian locale as `05/06/21`;
 * a column formatted d-mmm-yyyy shows `21-Jun-2021`; a German-style locale `21.06.2021`. Re-typed as D/M/YYYY:
 * the column has a short date with a one-digit day or month, which nothing writes but a spreadsheet, or its dates
 * are all day-first short dates; and none is month first (`6/21/2021`: not CoWin's order re-typed). Re-typed as
 * D-Mon-YYYY or DD.MM.YYYY: every date of the column is in that form. A few `15/06/2021` among DD-MM-YYYY dates
 * are none of these: judged as written. A column whose dates all carry a time of day (`21-06-2021 00:00:00`,
 * a date-time cell's or a timestamp's) is read as the days.
 *
 * A database keeps dates as dates and writes them in ISO 8601 (`2021-06-21`, `2021-06-21 00:00:00`), and so do
 * the data tools (pandas, R) that parse a date column on the way in: a column whose dates are all ISO 8601 is
 * such a re-writing, as an SQL dump's dates are (`input.datesTyped`), not a departure from the API's convention.
 * A few ISO dates among DD-MM-YYYY ones are not: they are judged as written.
 */
export function shownDates(values: readonly string[]): ShownDates | null {
  let short = 0;
  let unpadded = false;
  let monthFirst = false;
  let named = 0;
  let dotted = 0;
  let timed = 0;
  let iso = 0;
  let other = 0;
  for (const v of values) {
    const m = SHORT_DMY.exec(v);
    if (m) {
      short++;
      if (+m[2] > 12) monthFirst = true;
      if (m[1].length === 1 || m[2].length === 1) unpadded = true;
    } else if (!Number.isNaN(parseShown(v, 'D-Mon-YYYY'))) named++;
    else if (!Number.isNaN(parseShown(v, 'DD.MM.YYYY'))) dotted++;
    else if (!Number.isNaN(parseShown(v, 'DD-MM-YYYY hh:mm'))) timed++;
    else if (!Number.isNaN(parseIso(v))) iso++;
    else if (!Number.isNaN(parseDmy(v))) other++;
  }
  const dates = short + named + dotted + timed + iso + other;
  if (short && !monthFirst && (unpadded || dates === short)) return 'D/M/YYYY';
  if (named && named === dates) return 'D-Mon-YYYY';
  if (dotted && dotted === dates) return 'DD.MM.YYYY';
  if (timed && timed === dates) return 'DD-MM-YYYY hh:mm';
  if (iso && iso === dates) return 'YYYY-MM-DD';
  return null;
}

/** Day number as `YYYY-MM-DD`. */
export function formatIsoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Day number as `DD-MM-YYYY`. */
export function formatDmy(day: number): string {
  const d = new Date(day * DAY_MS);
  const dd = String(d.getUTCDate()).padStart(2, '0');
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}-${mm}-${d.getUTCFullYear()}`;
}

/** Day number of a JS Date (UTC). */
export function dayOf(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS);
}

/** Calendar year of a day number. */
export function yearOf(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}
