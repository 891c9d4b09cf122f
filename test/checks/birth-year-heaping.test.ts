// birth-year-heaping: birth years ending in 0 or 5 beyond the one in five of an even spread.
import { describe, expect, it } from 'vitest';
import check from '../../src/checks/birth-year-heaping.js';
import { BASELINES } from '../../src/evidence.js';
import { genuineRows } from '../support/genuine-people.js';
import { runCheck } from '../support/run-check.js';

describe('birth-year-heaping', () => {
  it('passes the genuine-like birth years', () => {
    const r = runCheck(check, genuineRows(1000));
    expect(r.rate!).toBeLessThan(BASELINES.get('birth-year-heaping')!.genuine / 2);
  });

  it('flags years typed as round numbers', () => {
    const r = runCheck(check, Array.from({ length: 200 }, (_, i) => ({ birth_year: 1950 + 5 * (i % 10) })));
    expect(r.rate!).toBeCloseTo(0.8, 2);
  });

  it('does not count a shortage of round years (uniform years)', () => {
    const r = runCheck(check, Array.from({ length: 200 }, (_, i) => ({ birth_year: 1951 + 5 * (i % 10) })));
    expect(r.violations).toBe(0);
  });
});
