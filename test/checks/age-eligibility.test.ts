// age-eligibility: children before their group opened (03-01-2022 for 15-17, 16-03-2022 for 12-14); ages as CoWin counted them.
import { describe, expect, it } from 'vitest';
import check from '../../src/checks/age-eligibility.js';
import { runCheck } from '../support/run-check.js';

const judge = (fields: Record<string, string>): string => {
  const r = runCheck(check, [fields]);
  return r.applicable === 0 ? 'n/a' : r.violations === 0 ? 'ok' : 'too-young';
};
const at = (birthYear: number, dose1: string) => judge({ birth_year: String(birthYear), dose1_date: dose1 });

describe('age-eligibility', () => {
  it('adults from 01-05-2021: 18 in 2022 eligible, 17 borderline, 16 too young', () => {
    expect(at(2004, '01-05-2021')).toBe('ok');
    expect(at(2005, '01-05-2021')).toBe('ok');
    expect(at(2006, '01-05-2021')).toBe('too-young');
  });

  it('15-17 from 03-01-2022, not the day before', () => {
    expect(at(2007, '02-01-2022')).toBe('too-young');
    expect(at(2007, '03-01-2022')).toBe('ok');
    expect(at(2006, '03-01-2022')).toBe('ok');
  });

  it('12-14 from 16-03-2022, not the day before; under 11 never', () => {
    expect(at(2010, '15-03-2022')).toBe('too-young');
    expect(at(2010, '16-03-2022')).toBe('ok');
    expect(at(2012, '01-06-2022')).toBe('too-young');
  });

  it('an adult dosed before the age group opened is not this check\'s finding (priority workers)', () => {
    expect(at(1995, '20-01-2021')).toBe('ok');
    expect(at(1995, '01-04-2021')).toBe('ok');
  });

  it('a birth year after the dose is too young', () => {
    expect(at(2023, '01-06-2022')).toBe('too-young');
  });

  it('reads the birth year from date_of_birth or from age at the vaccination date', () => {
    expect(judge({ date_of_birth: '2006-05-01', dose1_date: '01-06-2021' })).toBe('too-young');
    expect(judge({ date_of_birth: '01-05-2004', dose1_date: '01-06-2021' })).toBe('ok');
    expect(judge({ age: '15', dose: '1', vaccination_date: '2021-06-01' })).toBe('too-young');
    expect(judge({ age: '16', dose: '1', vaccination_date: '2021-06-01' })).toBe('ok');
  });

  it('uses dose 2 when dose 1 is missing, and leaves dates outside the programme to dose-dates', () => {
    expect(judge({ birth_year: '2008', dose2_date: '01-12-2021' })).toBe('too-young');
    expect(at(2008, '01-01-2021')).toBe('n/a');
    expect(judge({ birth_year: '2008' })).toBe('n/a');
  });

  it('cites the youngest group open in its example and summary', () => {
    const r = runCheck(check, [{ birth_year: '2006', dose1_date: '01-06-2021' }, { birth_year: '1980', dose1_date: '01-06-2021' }]);
    expect(r.examples[0].message).toBe(
      "born 2006: aged 16 by CoWin's reckoning on 01-06-2021, when the youngest group open was aged 18+ (Everyone aged 18 and over eligible)",
    );
    expect(r.summary).toContain('1 of 2 (50%)');
    expect(r.summary).toContain('from 01-05-2021');
  });
});
