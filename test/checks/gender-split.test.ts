// gender-split: the gender split against CoWin's 52 / 48 / <=0.05% Others.
import { describe, expect, it } from 'vitest';
import check from '../../src/checks/gender-split.js';
import { BASELINES } from '../../src/evidence.js';
import { genuineRows } from '../support/genuine-people.js';
import { runCheck } from '../support/run-check.js';

describe('gender-split', () => {
  it('passes the genuine-like split', () => {
    const r = runCheck(check, genuineRows(1000));
    expect(r.rate!).toBeLessThan(BASELINES.get('gender-split')!.genuine / 2);
    expect(r.data!['observed:Male']).toBeGreaterThan(0.45);
  });

  it('flags genders drawn uniformly over three values', () => {
    const g = ['Male', 'Female', 'Others'];
    const r = runCheck(check, Array.from({ length: 300 }, (_, i) => ({ gender: g[i % 3] })));
    expect(r.rate!).toBeGreaterThan(0.3);
    expect(r.examples[0].value).toBe('Others');
  });

  it('reads M/F/T and ignores values it does not know', () => {
    const r = runCheck(check, [{ gender: 'M' }, { gender: 'f' }, { gender: 'Transgender' }, { gender: 'Mango' }, { gender: '3' }]);
    expect(r.applicable).toBe(3);
  });
});
