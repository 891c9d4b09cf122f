import { describe, expect, it } from 'vitest';
import { dayNumber, formatDmy, formatIsoDay, parseAnyDate, parseDmy, parseIso, parseShown, shownDates, yearOf } from '../src/dates.js';

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

  it('reads a date as a spreadsheet shows it, day first, and only that', () => {
    expect(parseShown('5/6/2021', 'D/M/YYYY')).toBe(parseDmy('05-06-2021'));
    expect(parseShown('21/6/2021 14:30', 'D/M/YYYY')).toBe(parseDmy('21-06-2021'));
    expect(parseShown('10/12/2021 0:00:00', 'D/M/YYYY')).toBe(parseDmy('10-12-2021'));
    for (const v of ['05-06-2021', '5-6-2021', '2021/6/5', '5/6/021', '5/6/1', '6/21/2021', '31/2/2021', '5/6/2021 junk', '123/6/2021']) expect(parseShown(v, 'D/M/YYYY'), v).toBeNaN();
    expect(parseShown('21-Jun-2021', 'D-Mon-YYYY')).toBe(parseDmy('21-06-2021'));
    expect(parseShown('5 jun 21', 'D-Mon-YYYY')).toBe(parseDmy('05-06-2021'));
    // Excel's two-digit years: 00-29 in the 2000s, 30-99 in the 1900s.
    expect(parseShown('05-Mar-85', 'D-Mon-YYYY')).toBe(parseDmy('05-03-1985'));
    for (const v of ['21-Jum-2021', '31-Feb-2021', '21-June-2021', 'Jun-21-2021']) expect(parseShown(v, 'D-Mon-YYYY'), v).toBeNaN();
    expect(parseShown('21.06.2021', 'DD.MM.YYYY')).toBe(parseDmy('21-06-2021'));
    expect(parseShown('5.6.2021', 'DD.MM.YYYY')).toBe(parseDmy('05-06-2021'));
    expect(formatIsoDay(parseDmy('05-06-2021'))).toBe('2021-06-05');
  });

  it("knows a column of CoWin's dates re-typed by a spreadsheet, and how it shows them", () => {
    // Excel in a US locale: dates with a day up to 12 re-typed, the others left as text.
    expect(shownDates(['21-06-2021', '5/6/2021', '26-08-2021', '10/12/2021'])).toBe('D/M/YYYY');
    // A day-first locale: every date short, padded or not.
    expect(shownDates(['21/6/2021', '5/6/2021'])).toBe('D/M/YYYY');
    expect(shownDates(['21/06/2021', '05/06/2021 00:00', 'Invalid date'])).toBe('D/M/YYYY');
    // LibreOffice in a British or Indian locale: DD/MM/YY, two-digit years as spreadsheets read them.
    expect(shownDates(['21/06/21', '05/06/21 14:30'])).toBe('D/M/YYYY');
    expect(parseShown('05/06/21 14:30', 'D/M/YYYY')).toBe(parseDmy('05-06-2021'));
    expect(parseShown('01/01/85', 'D/M/YYYY')).toBe(parseDmy('01-01-1985'));
    // CoWin's own form with a time of day, as a date-time cell or a timestamp writes it.
    expect(shownDates(['21-06-2021 00:00:00', '05-06-2021 14:30'])).toBe('DD-MM-YYYY hh:mm');
    expect(parseShown('05-06-2021 14:30', 'DD-MM-YYYY hh:mm')).toBe(parseDmy('05-06-2021'));
    expect(parseShown('05-06-2021', 'DD-MM-YYYY hh:mm')).toBeNaN();
    expect(shownDates(['21-06-2021 00:00:00', '05-06-2021'])).toBeNull();
    // A d-mmm-yyyy format, a German-style locale: every date in that form.
    expect(shownDates(['21-Jun-2021', '5-Jul-2021', ''])).toBe('D-Mon-YYYY');
    expect(shownDates(['21.06.2021', '05.07.2021'])).toBe('DD.MM.YYYY');
    // Month first (6/21/2021) is not CoWin's order re-typed; a padded 15/06/2021 among DD-MM-YYYY dates is an edit;
    // one form among others is no spreadsheet's.
    for (const values of [
      ['5/6/2021', '6/21/2021'],
      ['21-06-2021', '15/06/2021', '26-08-2021'],
      ['21/06/2021', '2021-06-05'],
      ['21-06-2021', '05-06-2021', 'Invalid date'],
      ['21-Jun-2021', '05-07-2021'],
      ['21.06.2021', '2021-07-05'],
      ['2021-06-21', '21-06-2021', '2021-08-26'],
    ]) {
      expect(shownDates(values), values.join(' ')).toBeNull();
    }
  });

  it('knows a column a database or a data tool wrote ISO 8601, and reads it back as the days in India', () => {
    expect(shownDates(['2021-06-21', '', '2021-08-26 00:00:00', '2021-07-05T18:30:00.000Z'])).toBe('YYYY-MM-DD');
    expect(parseShown('2021-08-26 00:00:00', 'YYYY-MM-DD')).toBe(parseDmy('26-08-2021'));
    // Midnight in India stored as an instant: 18:30 UTC the evening before.
    expect(parseShown('2021-07-05T18:30:00.000Z', 'YYYY-MM-DD')).toBe(parseDmy('06-07-2021'));
    expect(parseShown('21-06-2021', 'YYYY-MM-DD')).toBeNaN();
  });
});
