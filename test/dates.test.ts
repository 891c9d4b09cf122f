import { describe, expect, it } from 'vitest';
import { dayNumber, formatDmy, formatIsoDay, parseAnyDate, parseDmy, parseIso, parseShortDmy, retypedDmy, yearOf } from '../src/dates.js';

describe('dates', () => {
  it('agrees with Date.UTC on every day from 1900 to 2100', () => {
    for (let ms = Date.UTC(1900, 0, 1); ms <= Date.UTC(2100, 11, 31); ms += 86_400_000) {
      const d = new Date(ms);
      expect(dayNumber(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())).toBe(ms / 86_400_000);
    }
  });

  it('rejects impossible dates', () => {
    for (const [y, m, d] of [[2021, 2, 29], [2021, 4, 31], [2021, 13, 1], [2021, 0, 10], [2021, 1, 0], [1900, 2, 29]]) {
      expect(dayNumber(y, m, d), `${d}-${m}-${y}`).toBeNaN();
    }
    expect(dayNumber(2020, 2, 29)).toBe(Date.UTC(2020, 1, 29) / 86_400_000);
    expect(dayNumber(2000, 2, 29)).toBe(Date.UTC(2000, 1, 29) / 86_400_000);
  });

  it('parses the CoWin API format and ISO 8601, and formats back', () => {
    expect(formatDmy(parseDmy('16-01-2021'))).toBe('16-01-2021');
    expect(parseDmy('16/01/2021')).toBe(parseDmy('16-01-2021'));
    expect(parseDmy('2021-01-16')).toBeNaN();
    expect(parseIso('2021-01-16')).toBe(parseDmy('16-01-2021'));
    // An instant is dated in India (UTC+05:30): 19:40 UTC on the 16th is 01:10 on the 17th there.
    expect(parseIso('2021-07-16T19:40:00.000Z')).toBe(parseDmy('17-07-2021'));
    expect(parseIso('2021-07-16T18:29:59Z')).toBe(parseDmy('16-07-2021'));
    expect(parseIso('2021-07-16T23:00:00+05:30')).toBe(parseDmy('16-07-2021'));
    // Without a zone, the day written, whatever the clock of the machine (a database's DATETIME).
    expect(parseIso('2021-07-16 23:59:59')).toBe(parseDmy('16-07-2021'));
    expect(parseIso('2021-07-16T00:00:00')).toBe(parseDmy('16-07-2021'));
    expect(parseIso('2021-07-16 junk')).toBeNaN();
    expect(parseAnyDate(' 16-01-2021 ')).toBe(parseDmy('16-01-2021'));
    expect(parseAnyDate('Invalid date')).toBeNaN();
    expect(yearOf(parseDmy('31-12-2021'))).toBe(2021);
  });

  it('reads a short date a spreadsheet showed day first, and only that', () => {
    expect(parseShortDmy('5/6/2021')).toBe(parseDmy('05-06-2021'));
    expect(parseShortDmy('21/6/2021 14:30')).toBe(parseDmy('21-06-2021'));
    expect(parseShortDmy('10/12/2021 0:00:00')).toBe(parseDmy('10-12-2021'));
    for (const v of ['05-06-2021', '5-6-2021', '2021/6/5', '5/6/21', '6/21/2021', '31/2/2021', '5/6/2021 junk', '123/6/2021']) expect(parseShortDmy(v), v).toBeNaN();
    expect(formatIsoDay(parseDmy('05-06-2021'))).toBe('2021-06-05');
  });

  it("knows a column of CoWin's dates re-typed by a spreadsheet", () => {
    // Excel in a US locale: dates with a day up to 12 re-typed, the others left as text.
    expect(retypedDmy(['21-06-2021', '5/6/2021', '26-08-2021', '10/12/2021'])).toBe(true);
    // A day-first locale: every date short, padded or not.
    expect(retypedDmy(['21/6/2021', '5/6/2021'])).toBe(true);
    expect(retypedDmy(['21/06/2021', '05/06/2021 00:00', 'Invalid date'])).toBe(true);
    // Month first (6/21/2021) is not CoWin's order re-typed; a padded 15/06/2021 among DD-MM-YYYY dates is an edit.
    expect(retypedDmy(['5/6/2021', '6/21/2021'])).toBe(false);
    expect(retypedDmy(['21-06-2021', '15/06/2021', '26-08-2021'])).toBe(false);
    expect(retypedDmy(['21/06/2021', '2021-06-05'])).toBe(false);
    expect(retypedDmy(['21-06-2021', '05-06-2021', 'Invalid date'])).toBe(false);
  });
});
