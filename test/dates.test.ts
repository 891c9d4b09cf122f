import { describe, expect, it } from 'vitest';
import { dayNumber, formatDmy, parseAnyDate, parseDmy, parseIso, yearOf } from '../src/dates.js';

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
});
