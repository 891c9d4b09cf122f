// age-early-dose: adults dosed before their age group, counted only from 01-03-2021 to 30-04-2021.
import { describe, expect, it } from 'vitest';
import check from '../../src/checks/age-early-dose.js';
import { runCheck } from '../support/run-check.js';

const judge = (birthYear: number, dose1: string, comorbidity?: string): string => {
  const r = runCheck(check, [{ birth_year: String(birthYear), dose1_date: dose1, comorbidity_ind: comorbidity }]);
  return r.applicable === 0 ? 'n/a' : r.violations === 0 ? 'ok' : 'early';
};

describe('age-early-dose', () => {
  it('counts only first doses from 01-03-2021 to 30-04-2021', () => {
    expect(judge(1990, '28-02-2021')).toBe('n/a');
    expect(judge(1990, '01-03-2021')).toBe('early');
    expect(judge(1990, '30-04-2021')).toBe('early');
    expect(judge(1990, '01-05-2021')).toBe('n/a');
  });

  it('60+ from 01-03-2021 (59 borderline); 45-59 with comorbidities, early only when the record says none', () => {
    expect(judge(1962, '01-03-2021')).toBe('ok');
    expect(judge(1963, '01-03-2021', 'N')).toBe('ok');
    expect(judge(1970, '01-03-2021')).toBe('ok');
    expect(judge(1970, '01-03-2021', 'Y')).toBe('ok');
    expect(judge(1970, '01-03-2021', 'N')).toBe('early');
  });

  it('45+ from 01-04-2021 (44 borderline)', () => {
    expect(judge(1977, '31-03-2021', 'N')).toBe('early');
    expect(judge(1977, '01-04-2021', 'N')).toBe('ok');
    expect(judge(1978, '01-04-2021')).toBe('ok');
    expect(judge(1985, '01-04-2021')).toBe('early');
  });

  it('leaves minors to age-eligibility', () => {
    expect(judge(2008, '01-04-2021')).toBe('n/a');
  });

  it('reports the share against the expected ~10% and the share over all first doses', () => {
    const rows = [
      ...Array.from({ length: 9 }, () => ({ birth_year: '1955', dose1_date: '15-03-2021' })),
      { birth_year: '1990', dose1_date: '15-03-2021' },
      { birth_year: '1990', dose1_date: '15-02-2021' },
      { birth_year: '1990', dose1_date: '15-06-2021' },
    ];
    const r = runCheck(check, rows);
    expect([r.applicable, r.violations]).toEqual([10, 1]);
    expect(r.examples[0]).toMatchObject({ row: 10, field: 'dose1_date' });
    expect(r.summary).toContain('1 of 10 (10%)');
    expect(r.summary).toContain('within the ~10%');
    expect(r.data).toMatchObject({ allFirstDoses: 12, allFirstDosesEarly: 2 });
    const many = runCheck(check, [...rows, ...Array.from({ length: 10 }, () => ({ birth_year: '1990', dose1_date: '15-04-2021' }))]);
    expect(many.summary).toContain('well above the ~10%');
  });
});
