// vaccine-allowed: each vaccine's first day in CoWin, its ages and its dose kind.
import { describe, expect, it } from 'vitest';
import check from '../../src/checks/vaccine-allowed.js';
import { runCheck } from '../support/run-check.js';

const judge = (fields: Record<string, string>): string => {
  const r = runCheck(check, [fields]);
  if (r.applicable === 0) return 'n/a';
  if (r.violations === 0) return 'ok';
  const m = r.examples[0].message;
  return m.includes('not offered for that until') ? 'not-yet' : m.includes('never offered to that age') ? 'wrong-age' : m.includes('never offered as') ? 'wrong-dose-kind' : 'unknown';
};
const primary = (vaccine: string, dose1: string, birthYear?: number) =>
  judge({ vaccine, dose1_date: dose1, ...(birthYear === undefined ? {} : { birth_year: String(birthYear) }) });

describe('vaccine-allowed', () => {
  it('Covishield and Covaxin for adults from 16-01-2021', () => {
    expect(primary('COVISHIELD', '16-01-2021', 1960)).toBe('ok');
    expect(primary('COVAXIN', '16-01-2021', 1960)).toBe('ok');
  });

  it('Sputnik V from 14-05-2021', () => {
    expect(primary('SPUTNIK V', '13-05-2021', 1980)).toBe('not-yet');
    expect(primary('SPUTNIK V', '14-05-2021', 1980)).toBe('ok');
    expect(primary('SPUTNIK V', '13-05-2021')).toBe('not-yet');
  });

  it('15-17: Covaxin from 03-01-2022, never Covishield', () => {
    expect(primary('COVAXIN', '02-01-2022', 2006)).toBe('not-yet');
    expect(primary('COVAXIN', '03-01-2022', 2006)).toBe('ok');
    expect(primary('COVISHIELD', '03-01-2022', 2006)).toBe('wrong-age');
  });

  it('Corbevax: 12-14 from 16-03-2022, never a primary dose for adults', () => {
    expect(primary('CORBEVAX', '15-03-2022', 2009)).toBe('not-yet');
    expect(primary('CORBEVAX', '16-03-2022', 2009)).toBe('ok');
    expect(primary('CORBEVAX', '01-06-2022', 1990)).toBe('wrong-age');
    expect(primary('CORBEVAX', '01-06-2022')).toBe('ok'); // no birth year: a child could have had it
  });

  it('ZyCoV-D from 04-02-2022, Covovax for 12-17 from 02-05-2022', () => {
    expect(primary('ZYCOV-D', '03-02-2022', 1990)).toBe('not-yet');
    expect(primary('ZYCOV-D', '04-02-2022', 1990)).toBe('ok');
    expect(primary('COVOVAX', '01-05-2022', 2007)).toBe('not-yet');
    expect(primary('COVOVAX', '02-05-2022', 2007)).toBe('ok');
  });

  it('iNCOVACC only as a precaution dose, from 23-12-2022; Sputnik Light had no known primary roll-out', () => {
    expect(primary('iNCOVACC', '01-01-2023', 1980)).toBe('wrong-dose-kind');
    const cert = (date: string) => judge({ vaccine: 'INCOVACC', vaccination_date: date, dose: '3', total_doses: '2', birth_year: '1980' });
    expect(cert('2022-12-22')).toBe('not-yet');
    expect(cert('2022-12-23')).toBe('ok');
    expect(primary('Sputnik Light', '01-03-2022', 1980)).toBe('unknown');
  });

  it('precaution doses on certificates: Corbevax for adults from 12-08-2022, Covovax from 11-04-2023', () => {
    const cert = (vaccine: string, date: string) => judge({ vaccine, vaccination_date: date, dose: '3', total_doses: '2', birth_year: '1980' });
    expect(cert('CORBEVAX', '2022-08-11')).toBe('not-yet');
    expect(cert('CORBEVAX', '2022-08-12')).toBe('ok');
    expect(cert('COVOVAX', '2023-04-10')).toBe('not-yet');
    expect(cert('COVOVAX', '2023-04-11')).toBe('ok');
    expect(cert('COVISHIELD', '2022-01-10')).toBe('ok');
  });

  it('leaves out records without a vaccine it knows or a dose date', () => {
    expect(primary('PFIZER', '01-06-2021', 1980)).toBe('n/a');
    expect(judge({ vaccine: 'COVISHIELD', birth_year: '1980' })).toBe('n/a');
  });

  it('explains with the grant and cites it', () => {
    const r = runCheck(check, [{ vaccine: 'SPUTNIK V', dose1_date: '01-05-2021', birth_year: '1980' }]);
    expect(r.examples[0].message).toBe('Sputnik V primary dose on 01-05-2021 for someone born 1980 (aged 42): not offered for that until 14-05-2021');
    expect(r.summary).toContain('thenewsminute.com');
  });
});
