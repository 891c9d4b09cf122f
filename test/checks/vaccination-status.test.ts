// vaccination-status: the status and the vaccine field against the doses present.
import { describe, expect, it } from 'vitest';
import check from '../../src/checks/vaccination-status.js';
import { runCheck } from '../support/run-check.js';

const judge = (vaccination_status: string, vaccine: string, dose1_date: string, dose2_date: string, precaution_dose_date = ''): string => {
  const r = runCheck(check, [{ vaccination_status, vaccine, dose1_date, dose2_date, precaution_dose_date }]);
  return r.applicable === 0 ? 'n/a' : r.violations === 0 ? 'ok' : r.examples[0].message;
};

describe('vaccination-status', () => {
  it('Not Vaccinated: no dose dates, no vaccine', () => {
    expect(judge('Not Vaccinated', '', '', '')).toBe('ok');
    expect(judge('Not Vaccinated', '', 'Invalid date', '')).toBe('ok');
    expect(judge('Not Vaccinated', 'COVISHIELD', '01-06-2021', '')).toBe('"Not Vaccinated" with dose 1 only: expected "Partially Vaccinated"');
  });

  it('Partially Vaccinated: dose 1 only', () => {
    expect(judge('Partially Vaccinated', 'COVISHIELD', '01-06-2021', '')).toBe('ok');
    expect(judge('Partially Vaccinated', 'COVISHIELD', '01-06-2021', '01-09-2021')).toBe(
      '"Partially Vaccinated" with dose 1 and dose 2: expected "Vaccinated"',
    );
    expect(judge('partially vaccinated', 'COVISHIELD', '', '')).toBe('"Partially Vaccinated" with no dose dates: expected "Not Vaccinated"');
  });

  it('Vaccinated: both doses (one for Sputnik Light); a precaution dose follows them', () => {
    expect(judge('Vaccinated', 'COVAXIN', '01-06-2021', '01-07-2021')).toBe('ok');
    expect(judge('Vaccinated', 'COVAXIN', '01-06-2021', '01-07-2021', '01-03-2022')).toBe('ok');
    expect(judge('Vaccinated', 'COVAXIN', '01-06-2021', '')).toBe('"Vaccinated" with dose 1 only: expected "Partially Vaccinated"');
    expect(judge('Vaccinated', 'SPUTNIK LIGHT', '01-06-2022', '')).toBe('ok');
  });

  it('ZyCoV-D\'s three-dose course (04-02-2022 to 25-04-2022) leaves people partial after dose 2', () => {
    expect(judge('Partially Vaccinated', 'ZYCOV-D', '01-03-2022', '01-04-2022')).toBe('ok');
    expect(judge('Partially Vaccinated', 'ZYCOV-D', '01-05-2022', '01-06-2022')).toContain('expected "Vaccinated"');
    expect(judge('Vaccinated', 'ZYCOV-D', '01-05-2022', '01-06-2022')).toBe('ok');
  });

  it('the vaccine is named exactly when a dose is given', () => {
    expect(judge('Partially Vaccinated', '', '01-06-2021', '')).toBe('dose 1 only but no vaccine named');
    const r = runCheck(check, [{ vaccine: 'COVISHIELD', dose1_date: '', dose2_date: '' }]);
    expect(r.examples[0].message).toBe('vaccine COVISHIELD named but no dose date');
  });

  it('counts a rate and skips certificates (no dose-date columns)', () => {
    const r = runCheck(check, [
      { vaccination_status: 'Vaccinated', vaccine: 'COVISHIELD', dose1_date: '01-06-2021', dose2_date: '01-09-2021' },
      { vaccination_status: 'Not Vaccinated', vaccine: 'COVISHIELD', dose1_date: '01-06-2021', dose2_date: '01-09-2021' },
    ]);
    expect([r.applicable, r.violations, r.rate]).toEqual([2, 1, 0.5]);
    expect(r.summary).toContain('1 of 2 (50%)');
    const cert = runCheck(check, [{ vaccine: 'COVISHIELD', dose: '1', vaccination_date: '2021-06-01' }]);
    expect(cert.applicable).toBe(0);
  });
});
