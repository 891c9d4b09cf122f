// dose-number: a certificate's dose against totalDoses (dose > totalDoses = the one precaution dose) and the course.
import { describe, expect, it } from 'vitest';
import check from '../../src/checks/dose-number.js';
import { runCheck } from '../support/run-check.js';

const judge = (dose: string, total_doses: string, vaccine = 'COVISHIELD'): string => {
  const r = runCheck(check, [{ dose, total_doses, vaccine }]);
  return r.applicable === 0 ? 'n/a' : r.violations === 0 ? 'ok' : r.examples[0].message;
};

describe('dose-number', () => {
  it('doses 1 and 2 of 2, and 3 of 2 (the precaution dose), fit', () => {
    expect(judge('1', '2')).toBe('ok');
    expect(judge('2', '2')).toBe('ok');
    expect(judge('3', '2')).toBe('ok');
  });

  it('dose 4 of 2 is beyond the one precaution dose; dose 0 is no dose', () => {
    expect(judge('4', '2')).toBe('dose 4 of 2: CoWin gave one precaution dose after the course, so at most dose 3');
    expect(judge('0', '2')).toBe('dose 0 of 2: dose numbers start at 1');
  });

  it('totalDoses must be the vaccine\'s course: 2, or 3 or 2 for ZyCoV-D', () => {
    expect(judge('1', '3')).toBe('Covishield certificate with totalDoses 3: its course had 2 doses');
    expect(judge('1', '3', 'ZyCoV-D')).toBe('ok');
    expect(judge('1', '2', 'ZyCoV-D')).toBe('ok');
    expect(judge('1', '1', 'PFIZER')).toBe('ok');
  });

  it('accepts JSON-printed numbers and leaves out records without a dose number', () => {
    expect(judge('2.0', '2')).toBe('ok');
    expect(judge('', '2')).toBe('n/a');
    expect(judge('two', '2')).toBe('n/a');
  });
});
