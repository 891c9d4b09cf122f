// dose-dates: the programme start (16-01-2021) and the as-of day at their boundaries, and dose order.
import { describe, expect, it } from 'vitest';
import doseDates from '../../src/checks/dose-dates.js';
import { runCheck } from '../support/run-check.js';

const ids = (r: ReturnType<typeof runCheck>): string[] => r.examples.map((e) => e.message);

describe('dose-dates', () => {
  it('accepts a dose on 16-01-2021 and reports one on 15-01-2021', () => {
    const r = runCheck(doseDates, [{ dose1_date: '16-01-2021' }, { dose1_date: '15-01-2021' }]);
    expect([r.applicable, r.violations]).toEqual([2, 1]);
    expect(r.examples[0]).toMatchObject({ row: 2, line: 3, field: 'dose1_date', value: '15-01-2021' });
    expect(r.examples[0].message).toContain('before the vaccination programme began on 16-01-2021');
    expect(r.data).toMatchObject({ beforeStart: 1, afterAsOf: 0, order: 0 });
  });

  it('judges every dose field and certificate dates (ISO instants, dated in India) against the start', () => {
    const r = runCheck(doseDates, [
      { dose1_date: '01-02-2021', dose2_date: '15-01-2021' },
      { precaution_dose_date: '2021-01-15' },
      { vaccination_date: '2021-01-15T17:40:00.000Z', dose: '1' },
      // 01:10 on 16-01-2021 in India: the first day.
      { vaccination_date: '2021-01-15T19:40:00.000Z', dose: '1' },
    ]);
    expect([r.applicable, r.violations]).toEqual([4, 3]);
    expect(r.examples.map((e) => e.field)).toEqual(['dose2_date', 'precaution_dose_date', 'vaccination_date']);
  });

  it('accepts a dose on the as-of day and reports one the day after', () => {
    const rows = [{ dose1_date: '30-06-2022' }, { dose1_date: '01-07-2022' }];
    const r = runCheck(doseDates, rows, { asOf: '2022-06-30' });
    expect(r.violations).toBe(1);
    expect(r.examples[0]).toMatchObject({ row: 2 });
    expect(r.examples[0].message).toBe('dose 1 01-07-2022 is after the as-of date 30-06-2022');
    expect(runCheck(doseDates, rows, { asOf: '2022-07-01' }).violations).toBe(0);
  });

  it('reports dose 2 on or before dose 1, and a precaution dose on or before dose 2', () => {
    const r = runCheck(doseDates, [
      { dose1_date: '01-06-2021', dose2_date: '02-06-2021' },
      { dose1_date: '01-06-2021', dose2_date: '01-06-2021' },
      { dose1_date: '01-06-2021', dose2_date: '31-05-2021' },
      { dose1_date: '01-06-2021', dose2_date: '01-09-2021', precaution_dose_date: '01-09-2021' },
      { dose1_date: '01-06-2021', dose2_date: '01-09-2021', precaution_dose_date: '02-09-2021' },
    ]);
    expect(r.violations).toBe(3);
    expect(r.examples.map((e) => e.row)).toEqual([2, 3, 4]);
    expect(ids(r)[0]).toBe('dose 2 (01-06-2021) is not after dose 1 (01-06-2021)');
    expect(ids(r)[2]).toBe('precaution dose (01-09-2021) is not after the last primary dose (01-09-2021)');
  });

  it('reports a dose without the one before it only when that column exists', () => {
    const rows = [
      { dose1_date: '', dose2_date: '01-09-2021', precaution_dose_date: '' },
      { dose1_date: '01-06-2021', dose2_date: '', precaution_dose_date: '01-09-2022' },
    ];
    const r = runCheck(doseDates, rows);
    expect(r.violations).toBe(2);
    expect(r.examples.map((e) => e.message)).toEqual([
      'dose 2 given (01-09-2021) but no dose 1 date',
      'precaution dose given (01-09-2022) but no dose 2 date',
    ]);
    expect(runCheck(doseDates, [{ dose2_date: '01-09-2021' }]).violations).toBe(0);
  });

  it('treats the API\'s "Invalid date" and empty dates as no date', () => {
    const r = runCheck(doseDates, [{ dose1_date: 'Invalid date', dose2_date: '' }, { dose1_date: '01-06-2021' }]);
    expect([r.applicable, r.violations]).toEqual([1, 0]);
  });

  it('reports at most one finding per record and a summary citing the start', () => {
    const r = runCheck(doseDates, [{ dose1_date: '01-01-2021', dose2_date: '01-12-2020' }]);
    expect([r.applicable, r.violations, r.rate]).toEqual([1, 1, 1]);
    expect(r.summary).toContain('1 of 1 (100%)');
    expect(r.summary).toContain('from 16-01-2021');
    expect(r.summary).toContain('thehindu.com');
  });

  it('is skipped when no date field is mapped', () => {
    const r = runCheck(doseDates, [{ name: 'A B' }]);
    expect(r.status).toBe('skip');
  });
});
