// mobile-limit: beneficiaries per full mobile number against the limit in force (4 from 01-03-2021, 6 from 21-01-2022).
import { describe, expect, it } from 'vitest';
import check from '../../src/checks/mobile-limit.js';
import { runCheck, type Fields } from '../support/run-check.js';

const family = (mobile: string, n: number, dose1: string, from = 0): Fields[] =>
  Array.from({ length: n }, (_, i) => ({ mobile_number: mobile, beneficiary_reference_id: String(10_000_000_000_000 + from + i), dose1_date: dose1 }));

describe('mobile-limit', () => {
  it('4 beneficiaries on a number in 2021 pass, 5 do not; the example is the 5th', () => {
    const r = runCheck(check, [...family('9876543210', 4, '01-06-2021'), ...family('9812345678', 5, '01-06-2021', 100)]);
    expect([r.applicable, r.violations]).toEqual([2, 1]);
    expect(r.examples[0]).toMatchObject({ row: 9, line: 10, field: 'mobile_number', value: '9812345678' });
    expect(r.examples[0].message).toBe('5 beneficiaries on one mobile number; the limit was 4 (from 01-03-2021; records up to 01-06-2021)');
    expect(r.summary).toContain('1 of 2 (50%)');
    expect(r.data).toMatchObject({ excessBeneficiaries: 1 });
  });

  it('the limit is the one in force on the latest record: 6 from 21-01-2022, not on 20-01-2022', () => {
    const judge = (n: number, last: string) => {
      const rows = family('9876543210', n, '01-06-2021');
      rows[n - 1].dose1_date = last;
      return runCheck(check, rows).violations;
    };
    expect(judge(5, '20-01-2022')).toBe(1);
    expect(judge(5, '21-01-2022')).toBe(0);
    expect(judge(6, '21-01-2022')).toBe(0);
    expect(judge(7, '21-01-2022')).toBe(1);
  });

  it('a member without a dose date may have registered up to the as-of day', () => {
    const rows = family('9876543210', 5, '01-06-2021');
    rows[4].dose1_date = '';
    expect(runCheck(check, rows, { asOf: '2021-12-31' }).violations).toBe(1);
    expect(runCheck(check, rows, { asOf: '2022-06-30' }).violations).toBe(0);
  });

  it('numbers whose records all predate self-registration (01-03-2021) are not judged', () => {
    const r = runCheck(check, family('9876543210', 8, '28-02-2021'));
    expect([r.applicable, r.violations]).toEqual([0, 0]);
    expect(runCheck(check, family('9876543210', 8, '01-03-2021')).violations).toBe(1);
  });

  it('counts people, not records; tells people apart by name and birth year without a reference id', () => {
    const twice = [...family('9876543210', 4, '01-06-2021'), ...family('9876543210', 4, '01-09-2021')];
    expect(runCheck(check, twice).violations).toBe(0);
    const named = ['Asha Rao', 'Ravi Rao', 'Mohan Rao', 'Lata Rao', 'ASHA  RAO'].map((name) => ({ mobile_number: '9876543210', name, birth_year: '1980', dose1_date: '01-06-2021' }));
    expect(runCheck(check, named).violations).toBe(0);
    named[4].birth_year = '2001';
    expect(runCheck(check, named).violations).toBe(1);
  });

  it('groups written forms of one number and skips masked numbers', () => {
    const rows = family('9876543210', 5, '01-06-2021');
    rows[1].mobile_number = '+91 98765 43210';
    rows[2].mobile_number = '098765-43210';
    expect(runCheck(check, rows).violations).toBe(1);
    const masked = family('3210', 9, '01-06-2021');
    const r = runCheck(check, masked);
    expect([r.applicable, r.violations]).toEqual([0, 0]);
    expect(r.data).toMatchObject({ masked: 9 });
  });
});
