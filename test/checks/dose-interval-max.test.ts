// dose-interval-max: the end of each window at its boundary; vaccines without a stated end are not judged.
import { describe, expect, it } from 'vitest';
import check from '../../src/checks/dose-interval-max.js';
import { formatDmy, parseDmy } from '../../src/dates.js';
import { runCheck } from '../support/run-check.js';

const pair = (vaccine: string, dose2: string, gap: number) => ({ vaccine, dose1_date: formatDmy(parseDmy(dose2) - gap), dose2_date: dose2 });
const judge = (vaccine: string, dose2: string, gap: number) => {
  const r = runCheck(check, [pair(vaccine, dose2, gap)]);
  return r.applicable === 0 ? 'n/a' : r.violations === 0 ? 'ok' : 'late';
};

describe('dose-interval-max', () => {
  it('Covishield: 42 days to 21-03-2021, 56 from 22-03-2021, 112 from 13-05-2021', () => {
    expect(judge('COVISHIELD', '21-03-2021', 42)).toBe('ok');
    expect(judge('COVISHIELD', '21-03-2021', 43)).toBe('late');
    expect(judge('COVISHIELD', '22-03-2021', 56)).toBe('ok');
    expect(judge('COVISHIELD', '22-03-2021', 57)).toBe('late');
    expect(judge('COVISHIELD', '12-05-2021', 57)).toBe('late');
    expect(judge('COVISHIELD', '13-05-2021', 112)).toBe('ok');
    expect(judge('COVISHIELD', '13-05-2021', 113)).toBe('late');
  });

  it('Covaxin 42 and Sputnik V 90 days', () => {
    expect(judge('COVAXIN', '01-06-2021', 42)).toBe('ok');
    expect(judge('COVAXIN', '01-06-2021', 43)).toBe('late');
    expect(judge('SPUTNIK V', '01-09-2021', 90)).toBe('ok');
    expect(judge('SPUTNIK V', '01-09-2021', 91)).toBe('late');
  });

  it('does not judge vaccines whose window had no stated end', () => {
    expect(judge('CORBEVAX', '01-09-2022', 300)).toBe('n/a');
    expect(judge('COVOVAX', '01-09-2022', 300)).toBe('n/a');
    expect(judge('ZYCOV-D', '01-09-2022', 300)).toBe('n/a');
  });

  it('gives a rate and cites the rule most late doses broke', () => {
    const r = runCheck(check, [pair('COVAXIN', '01-06-2021', 30), pair('COVAXIN', '01-06-2021', 60), pair('COVAXIN', '01-06-2021', 35), pair('COVAXIN', '01-06-2021', 90)]);
    expect([r.applicable, r.violations, r.rate]).toEqual([4, 2, 0.5]);
    expect(r.examples[0].message).toBe('dose 2 60 days after dose 1 (02-04-2021 to 01-06-2021); the Covaxin window then ended at 42 days');
    expect(r.summary).toContain('2 of 4 (50%)');
    expect(r.summary).toContain('28 to 42 days');
  });
});
