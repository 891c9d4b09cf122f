import { describe, expect, it } from 'vitest';
import check from '../../src/checks/birth-year-range.js';
import { runFormatCheck } from '../formats/harness.js';

describe('birth-year-range', () => {
  it('as of 2026: 1906-2010 possible (at most 120 years old; the youngest cohort, 12-14, born 2008-2010)', () => {
    const { findings, result } = runFormatCheck(check, [
      { birth_year: '1995' },
      { birth_year: '1906' },
      { birth_year: '1905' },
      { birth_year: '2010' },
      { birth_year: '2011' },
      { birth_year: '95' },
      { date_of_birth: '2012-03-04' },
      { date_of_birth: '04-03-1960' },
    ]);
    expect(result.applicable).toBe(8);
    expect(findings.map((f) => [f.row, f.messageId])).toEqual([
      [3, 'too-old'],
      [5, 'too-young'],
      [6, 'shape'],
      [7, 'too-young'],
    ]);
    expect(findings[1].data).toEqual({ last: '2010' });
  });

  it('an as-of date before 2010 moves the upper bound to that year', () => {
    const { findings } = runFormatCheck(check, [{ birth_year: '2009' }], { asOf: '2008-06-01' });
    expect(findings.map((f) => f.messageId)).toEqual(['too-young']);
  });
});
