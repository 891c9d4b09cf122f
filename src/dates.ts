// Calendar dates as whole UTC day numbers (days since 1970-01-01): cheap to compare and subtract per row.

const DAY_MS = 86_400_000;

/** Day number of a valid calendar date, or NaN. */
export function dayNumber(year: number, month: number, day: number): number {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return NaN;
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1000 || year > 9999) return NaN;
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCDate() !== day || d.getUTCMonth() !== month - 1) return NaN; // 31-02 etc.
  return ms / DAY_MS;
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

/** ISO 8601 date or date-time (`YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS.sssZ`): the day in UTC, or NaN. */
export function parseIso(s: string): number {
  if (s.length < 10 || s[4] !== '-' || s[7] !== '-') return NaN;
  const day = dayNumber(digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2));
  if (s.length === 10 || Number.isNaN(day)) return day;
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? NaN : Math.floor(ms / DAY_MS);
}

/** A date in either format, or NaN. */
export function parseAnyDate(s: string): number {
  const t = s.trim();
  const dmy = parseDmy(t);
  return Number.isNaN(dmy) ? parseIso(t) : dmy;
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
