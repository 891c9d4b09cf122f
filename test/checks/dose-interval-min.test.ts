// dose-interval-min: every vaccine's minimum at its boundaries (3 days' grace), on both sides of each policy date.
import { describe, expect, it } from 'vitest';
import check from '../../src/checks/dose-interval-min.js';
import { formatDmy, parseDmy } from '../../src/dates.js';
import { runCheck } from '../support/run-check.js';

/** A record with dose 2 on `dose2` and dose 1 `gap` days earlier. */
const pair = (vaccine: string, dose2: string, gap: number) => ({
  vaccine,
  dose1_date: formatDmy(parseDmy(dose2) - gap),
  dose2_date: dose2,
});
const judge = (vaccine: string, dose2: string, gap: number) => {
  const r = runCheck(check, [pair(vaccine, dose2, gap)]);
  return r.applicable === 0 ? 'n/a' : r.violations === 0 ? 'ok' : r.examples[0].message.includes('travellers') ? 'exception-only' : 'early';
};

describe('dose-interval-min', () => {
  it('Covishield 28 days (16-01-2021 to 21-03-2021): 25 days pass, 24 do not', () => {
    expect(judge('COVISHIELD', '21-03-2021', 25)).toBe('ok');
    expect(judge('COVISHIELD', '21-03-2021', 24)).toBe('early');
    expect(judge('COVISHIELD', '22-03-2021', 25)).toBe('ok'); // 28-56 from 22-03-2021: same minimum
    expect(judge('COVISHIELD', '22-03-2021', 24)).toBe('early');
  });

  it('Covishield 84 days from 13-05-2021, with 14 days of transition under the 28-day rule', () => {
    expect(judge('COVISHIELD', '12-05-2021', 30)).toBe('ok');
    expect(judge('COVISHIELD', '13-05-2021', 30)).toBe('ok'); // transition: counted apart
    expect(judge('COVISHIELD', '13-05-2021', 24)).toBe('early');
    expect(judge('COVISHIELD', '26-05-2021', 30)).toBe('ok');
    expect(judge('COVISHIELD', '27-05-2021', 30)).toBe('early');
    expect(judge('COVISHIELD', '27-05-2021', 81)).toBe('ok');
    expect(judge('COVISHIELD', '27-05-2021', 80)).toBe('early');
  });

  it('Covishield from 07-06-2021: a gap that fits only the travellers\' 28 days is counted, apart', () => {
    expect(judge('COVISHIELD', '06-06-2021', 30)).toBe('early');
    expect(judge('COVISHIELD', '07-06-2021', 30)).toBe('exception-only');
    expect(judge('COVISHIELD', '07-06-2021', 24)).toBe('early');
    expect(judge('COVISHIELD', '01-08-2021', 81)).toBe('ok');
    expect(judge('COVISHIELD', '01-08-2021', 80)).toBe('exception-only');
    const r = runCheck(check, [pair('COVISHIELD', '01-08-2021', 40), pair('COVISHIELD', '01-08-2021', 20), pair('COVISHIELD', '01-08-2021', 90)]);
    expect([r.applicable, r.violations]).toEqual([3, 2]);
    expect(r.data).toMatchObject({ early: 1, exception: 1 });
    expect(r.summary).toContain('2 of 3 (67%) second doses');
    expect(r.summary).toContain('(1 of them fit only the travellers\' exception)');
    expect(r.summary).toContain('84 to 112 days');
    expect(r.summary).toContain('from 13-05-2021');
  });

  it('Covaxin 28 days throughout', () => {
    expect(judge('COVAXIN', '01-03-2021', 25)).toBe('ok');
    expect(judge('COVAXIN', '01-03-2021', 24)).toBe('early');
    expect(judge('Covaxin', '01-07-2022', 24)).toBe('early');
  });

  it('Sputnik V 21 days, from its first use on 14-05-2021', () => {
    expect(judge('SPUTNIK V', '13-05-2021', 10)).toBe('n/a');
    expect(judge('SPUTNIK V', '14-05-2021', 18)).toBe('ok');
    expect(judge('SPUTNIK V', '14-05-2021', 17)).toBe('early');
  });

  it('Corbevax 28, Covovax 21, ZyCoV-D 28 days, each from its own start', () => {
    expect(judge('CORBEVAX', '15-03-2022', 30)).toBe('n/a');
    expect(judge('CORBEVAX', '20-04-2022', 25)).toBe('ok');
    expect(judge('CORBEVAX', '20-04-2022', 24)).toBe('early');
    expect(judge('COVOVAX', '01-05-2022', 30)).toBe('n/a');
    expect(judge('COVOVAX', '01-06-2022', 18)).toBe('ok');
    expect(judge('COVOVAX', '01-06-2022', 17)).toBe('early');
    expect(judge('ZYCOV-D', '03-02-2022', 30)).toBe('n/a');
    expect(judge('ZyCoV-D', '04-03-2022', 25)).toBe('ok');
    expect(judge('ZyCoV-D', '04-03-2022', 24)).toBe('early');
  });

  it('leaves out doses out of order, unknown vaccines and missing dates', () => {
    const r = runCheck(check, [
      pair('COVISHIELD', '01-08-2021', -5),
      pair('COVISHIELD', '01-08-2021', 0),
      pair('PFIZER', '01-08-2021', 10),
      { vaccine: 'COVAXIN', dose1_date: '01-06-2021' },
    ]);
    expect([r.applicable, r.violations]).toEqual([0, 0]);
  });

  it('takes dose 2 from a dose-2 certificate\'s vaccination date', () => {
    const r = runCheck(check, [{ vaccine: 'COVAXIN', dose: '2', vaccination_date: '2021-07-01', dose1_date: '20-06-2021' }]);
    expect([r.applicable, r.violations]).toEqual([1, 1]);
    expect(r.examples[0]).toMatchObject({ field: 'vaccination_date', value: '2021-07-01' });
  });
});
