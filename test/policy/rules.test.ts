// Policy rules at their boundaries: the day before, the day of and the day after every policy date.

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseDmy } from '../../src/dates.js';
import {
  MIN_GRACE_DAYS,
  PROGRAMME_START,
  TRANSITION_DAYS,
  ageGroupOpenOn,
  citation,
  effectiveAge,
  eligibility,
  intervalRule,
  judgeInterval,
  mobileLimitOn,
  normalizeVaccine,
  precautionRule,
  vaccineAllowed,
  vaccineFirstUse,
  vaccineLabel,
} from '../../src/policy/rules.js';
import type { EligibilityOptions, VaccineId } from '../../src/policy/rules.js';

const d = (s: string): number => {
  const n = parseDmy(s);
  if (Number.isNaN(n)) throw new Error(`bad test date ${s}`);
  return n;
};

const status = (birthYear: number, day: string, opts?: EligibilityOptions) => eligibility(birthYear, d(day), opts)?.status;
const allowed = (v: VaccineId, day: string, birthYear: number, kind: 'primary' | 'precaution' = 'primary') =>
  vaccineAllowed(v, d(day), birthYear, kind)?.status;

describe('PROGRAMME_START', () => {
  it('is 16-01-2021', () => {
    expect(PROGRAMME_START).toBe(d('16-01-2021'));
  });
});

describe('effectiveAge', () => {
  it.each([
    [1962, '01-03-2021', 60], // 60+ phase counted age attained on 1 Jan 2022
    [1977, '01-04-2021', 45],
    [2004, '01-05-2021', 18],
    [2005, '03-01-2022', 17], // 15-17 = born 2005-2007
    [2007, '03-01-2022', 15],
    [2010, '16-03-2022', 12], // 12-14 = born 2008-2010
    [2011, '31-12-2022', 11],
    [2011, '01-01-2023', 12], // calendar-year reckoning from 2023 (uncertain)
    [2011, '01-06-2024', 13],
  ])('born %i, on %s: %i', (by, day, age) => {
    expect(effectiveAge(by, d(day))).toBe(age);
  });
});

describe('eligibility (primary course)', () => {
  it('nobody before the programme started', () => {
    expect(status(1950, '15-01-2021')).toBe('not-open');
    expect(status(1950, '15-01-2021', { priority: true })).toBe('not-open');
    expect(status(1950, '16-01-2021')).toBe('priority-only');
  });

  it('health-care workers from 16-01-2021, frontline workers from 02-02-2021', () => {
    expect(status(1985, '16-01-2021', { priority: true })).toBe('eligible');
    expect(eligibility(1985, d('16-01-2021'), { priority: true })?.entry.date).toBe('16-01-2021');
    expect(status(1985, '16-01-2021', { priority: false })).toBe('too-young');
    expect(eligibility(1985, d('01-02-2021'))?.entry.date).toBe('16-01-2021');
    expect(eligibility(1985, d('02-02-2021'))?.status).toBe('priority-only');
  });

  it('priority workers are adults', () => {
    expect(status(2010, '20-01-2021')).toBe('too-young');
    expect(status(2010, '20-01-2021', { priority: true })).toBe('too-young');
  });

  it('60+ from 01-03-2021', () => {
    expect(status(1962, '28-02-2021')).toBe('priority-only');
    expect(status(1962, '01-03-2021')).toBe('eligible');
    expect(status(1962, '02-03-2021')).toBe('eligible');
    expect(status(1940, '01-03-2021')).toBe('eligible');
    const v = eligibility(1950, d('01-03-2021'))!;
    expect(v.entry.rule.minAge).toBe(60);
    expect(v.entry.source).toMatch(/^https:\/\//);
  });

  it('one year under 60 is borderline, not evidence', () => {
    expect(status(1963, '01-03-2021', { comorbid: false })).toBe('borderline');
    expect(status(1964, '01-03-2021', { comorbid: false })).toBe('priority-only');
  });

  it('45-59 with comorbidities from 01-03-2021', () => {
    expect(status(1970, '28-02-2021', { comorbid: true })).toBe('priority-only');
    expect(status(1970, '01-03-2021', { comorbid: true })).toBe('eligible');
    expect(status(1970, '01-03-2021')).toBe('comorbidity-only');
    expect(status(1970, '01-03-2021', { comorbid: false })).toBe('priority-only');
    expect(status(1970, '31-03-2021')).toBe('comorbidity-only');
    expect(eligibility(1970, d('01-03-2021'))?.entry.rule.condition).toBe('comorbidity');
  });

  it('45+ from 01-04-2021, counting age attained on 1 January 2022', () => {
    expect(status(1977, '31-03-2021', { comorbid: false })).toBe('priority-only');
    expect(status(1977, '01-04-2021')).toBe('eligible');
    expect(status(1977, '02-04-2021')).toBe('eligible');
    expect(status(1978, '01-04-2021')).toBe('borderline');
    expect(status(1979, '01-04-2021')).toBe('priority-only');
    expect(status(1979, '01-04-2021', { priority: false })).toBe('too-young');
  });

  it('18+ from 01-05-2021', () => {
    expect(status(1990, '30-04-2021')).toBe('priority-only');
    expect(status(1990, '01-05-2021')).toBe('eligible');
    expect(status(1990, '02-05-2021')).toBe('eligible');
    expect(eligibility(1990, d('01-05-2021'))?.entry.date).toBe('01-05-2021');
    expect(status(2004, '01-05-2021')).toBe('eligible');
    expect(status(2005, '01-05-2021')).toBe('borderline');
    expect(status(2006, '01-06-2021')).toBe('too-young');
    expect(eligibility(2006, d('01-06-2021'))?.entry.rule.minAge).toBe(18);
  });

  it('15-17 (born 2005-2007) from 03-01-2022', () => {
    expect(status(2006, '02-01-2022')).toBe('too-young');
    expect(status(2006, '03-01-2022')).toBe('eligible');
    expect(status(2006, '04-01-2022')).toBe('eligible');
    expect(status(2007, '03-01-2022')).toBe('eligible');
    expect(status(2008, '03-01-2022')).toBe('borderline');
    expect(status(2009, '03-01-2022')).toBe('too-young');
  });

  it('12-14 (born 2008-2010) from 16-03-2022: age 13 on 15-03 vs 16-03', () => {
    expect(status(2009, '15-03-2022')).toBe('too-young');
    expect(status(2009, '16-03-2022')).toBe('eligible');
    expect(status(2009, '17-03-2022')).toBe('eligible');
    expect(status(2010, '16-03-2022')).toBe('eligible');
    expect(status(2011, '16-03-2022')).toBe('borderline');
    expect(status(2012, '16-03-2022')).toBe('too-young');
    expect(status(2011, '01-06-2023')).toBe('eligible');
  });

  it('rejects NaN inputs', () => {
    expect(eligibility(Number.NaN, d('01-06-2021'))).toBeUndefined();
    expect(eligibility(1990, Number.NaN)).toBeUndefined();
  });

  it('returns one shared object per entry and status', () => {
    expect(eligibility(1990, d('01-06-2021'))).toBe(eligibility(1985, d('02-07-2021')));
    expect(Object.isFrozen(eligibility(1990, d('01-06-2021')))).toBe(true);
  });

  it('never loses eligibility as days pass', () => {
    const start = d('16-01-2021');
    fc.assert(
      fc.property(fc.integer({ min: 1920, max: 2012 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 400 }), (by, a, b) => {
        if (eligibility(by, start + a)?.status !== 'eligible') return true;
        return eligibility(by, start + a + b)?.status === 'eligible';
      }),
    );
  });
});

describe('ageGroupOpenOn', () => {
  it.each([
    ['16-01-2021', undefined],
    ['28-02-2021', undefined],
    ['01-03-2021', 60],
    ['31-03-2021', 60],
    ['01-04-2021', 45],
    ['30-04-2021', 45],
    ['01-05-2021', 18],
    ['02-01-2022', 18],
    ['03-01-2022', 15],
    ['15-03-2022', 15],
    ['16-03-2022', 12],
    ['01-01-2024', 12],
  ])('%s: youngest open age %s', (day, minAge) => {
    expect(ageGroupOpenOn(d(day))?.rule.minAge).toBe(minAge);
  });
});

describe('eligibility (precaution dose)', () => {
  const p = (by: number, day: string, more: EligibilityOptions = {}) => status(by, day, { doseKind: 'precaution', ...more });

  it('nobody before 10-01-2022', () => {
    expect(p(1950, '09-01-2022', { comorbid: true })).toBe('not-open');
    expect(p(1950, '10-01-2022', { comorbid: true })).toBe('eligible');
  });

  it('health-care and frontline workers from 10-01-2022', () => {
    expect(p(1990, '10-01-2022', { priority: true })).toBe('eligible');
    expect(p(1990, '10-01-2022')).toBe('priority-only');
  });

  it('60+ needed a comorbidity until 15-03-2022', () => {
    expect(p(1955, '10-01-2022')).toBe('comorbidity-only');
    expect(p(1955, '15-03-2022')).toBe('comorbidity-only');
    expect(p(1955, '15-03-2022', { comorbid: false })).toBe('priority-only');
    expect(p(1955, '16-03-2022')).toBe('eligible');
    expect(p(1955, '17-03-2022')).toBe('eligible');
    expect(p(1963, '16-03-2022')).toBe('borderline');
  });

  it('all adults from 10-04-2022 (private centres)', () => {
    expect(p(1990, '09-04-2022')).toBe('priority-only');
    expect(p(1990, '10-04-2022')).toBe('eligible');
    expect(eligibility(1990, d('10-04-2022'), { doseKind: 'precaution' })?.entry.rule.privateOnly).toBe(true);
    expect(p(1990, '11-04-2022')).toBe('eligible');
    expect(p(2006, '01-08-2022')).toBe('too-young');
  });
});

describe('vaccineAllowed', () => {
  it('Covishield and Covaxin from 16-01-2021, adults', () => {
    for (const v of ['covishield', 'covaxin'] as const) {
      expect(allowed(v, '15-01-2021', 1980)).toBe('not-yet');
      expect(allowed(v, '16-01-2021', 1980)).toBe('allowed');
      expect(allowed(v, '17-01-2021', 1980)).toBe('allowed');
    }
    expect(vaccineAllowed('covishield', d('01-06-2021'), 1980, 'primary')?.entry.date).toBe('16-01-2021');
  });

  it('15-17 got Covaxin only, from 03-01-2022', () => {
    expect(allowed('covaxin', '02-01-2022', 2006)).toBe('not-yet');
    expect(allowed('covaxin', '03-01-2022', 2006)).toBe('allowed');
    expect(allowed('covaxin', '04-01-2022', 2006)).toBe('allowed');
    expect(vaccineAllowed('covaxin', d('03-01-2022'), 2006, 'primary')?.entry.date).toBe('03-01-2022');
    expect(allowed('covishield', '03-01-2022', 2006)).toBe('wrong-age');
    expect(allowed('covishield', '03-01-2022', 2005)).toBe('borderline');
    expect(allowed('covaxin', '03-01-2022', 2009)).toBe('wrong-age');
  });

  it('Sputnik V from 14-05-2021', () => {
    expect(allowed('sputnik-v', '13-05-2021', 1980)).toBe('not-yet');
    expect(allowed('sputnik-v', '14-05-2021', 1980)).toBe('allowed');
    expect(allowed('sputnik-v', '15-05-2021', 1980)).toBe('allowed');
    expect(vaccineFirstUse('sputnik-v')?.date).toBe('14-05-2021');
  });

  it('ZyCoV-D from 04-02-2022, adults', () => {
    expect(allowed('zycov-d', '03-02-2022', 1980)).toBe('not-yet');
    expect(allowed('zycov-d', '04-02-2022', 1980)).toBe('allowed');
    expect(allowed('zycov-d', '05-02-2022', 1980)).toBe('allowed');
    expect(allowed('zycov-d', '01-03-2022', 2007)).toBe('wrong-age');
    expect(allowed('zycov-d', '01-03-2022', 1980, 'precaution')).toBe('wrong-dose-kind');
  });

  it('Corbevax for 12-14 from 16-03-2022', () => {
    expect(allowed('corbevax', '15-03-2022', 2009)).toBe('not-yet');
    expect(allowed('corbevax', '16-03-2022', 2009)).toBe('allowed');
    expect(allowed('corbevax', '17-03-2022', 2009)).toBe('allowed');
    expect(allowed('corbevax', '16-03-2022', 2007)).toBe('borderline');
    expect(allowed('corbevax', '01-06-2022', 1980)).toBe('wrong-age');
  });

  it('Corbevax as adults\' precaution dose from 12-08-2022', () => {
    expect(allowed('corbevax', '11-08-2022', 1980, 'precaution')).toBe('not-yet');
    expect(allowed('corbevax', '12-08-2022', 1980, 'precaution')).toBe('allowed');
    expect(allowed('corbevax', '13-08-2022', 1980, 'precaution')).toBe('allowed');
    expect(vaccineFirstUse('corbevax')?.date).toBe('16-03-2022');
  });

  it('Covovax for 12-17 from 02-05-2022; adults only on uncertain evidence', () => {
    expect(allowed('covovax', '01-05-2022', 2007)).toBe('not-yet');
    expect(allowed('covovax', '02-05-2022', 2007)).toBe('allowed');
    expect(allowed('covovax', '03-05-2022', 2007)).toBe('allowed');
    expect(vaccineAllowed('covovax', d('02-05-2022'), 2007, 'primary')?.entry.certainty).toBe('sourced');
    const adult = vaccineAllowed('covovax', d('01-06-2022'), 1980, 'primary')!;
    expect(adult.status).toBe('allowed');
    expect(adult.entry.certainty).toBe('uncertain');
    expect(allowed('covovax', '03-05-2022', 1980)).toBe('not-yet');
  });

  it('Covovax as adults\' precaution dose from 11-04-2023 (weak)', () => {
    expect(allowed('covovax', '10-04-2023', 1980, 'precaution')).toBe('not-yet');
    expect(vaccineAllowed('covovax', d('11-04-2023'), 1980, 'precaution')?.entry.certainty).toBe('weak');
    expect(allowed('covovax', '11-04-2023', 1980, 'precaution')).toBe('allowed');
  });

  it('iNCOVACC from 23-12-2022, precaution only', () => {
    expect(allowed('incovacc', '22-12-2022', 1980, 'precaution')).toBe('not-yet');
    expect(allowed('incovacc', '23-12-2022', 1980, 'precaution')).toBe('allowed');
    expect(allowed('incovacc', '24-12-2022', 1980, 'precaution')).toBe('allowed');
    expect(allowed('incovacc', '24-12-2022', 1980, 'primary')).toBe('wrong-dose-kind');
    expect(vaccineFirstUse('incovacc')?.date).toBe('23-12-2022');
  });

  it('homologous precaution doses of Covishield and Covaxin from 10-01-2022', () => {
    for (const v of ['covishield', 'covaxin'] as const) {
      expect(allowed(v, '09-01-2022', 1955, 'precaution')).toBe('not-yet');
      expect(allowed(v, '10-01-2022', 1955, 'precaution')).toBe('allowed');
      expect(allowed(v, '11-01-2022', 1955, 'precaution')).toBe('allowed');
    }
    expect(allowed('covaxin', '01-06-2022', 2006, 'precaution')).toBe('wrong-age');
  });

  it('Sputnik Light and GEMCOVAC: no known CoWin roll-out as a first dose', () => {
    expect(allowed('sputnik-light', '05-02-2022', 1980)).toBe('not-yet');
    expect(allowed('sputnik-light', '06-02-2022', 1980)).toBe('unknown');
    expect(allowed('sputnik-light', '05-05-2022', 1980, 'precaution')).toBe('not-yet');
    expect(vaccineAllowed('sputnik-light', d('06-05-2022'), 1980, 'precaution')?.entry.certainty).toBe('uncertain');
    expect(allowed('gemcovac', '13-10-2022', 1980)).toBe('not-yet');
    expect(allowed('gemcovac', '14-10-2022', 1980)).toBe('unknown');
    expect(vaccineFirstUse('gemcovac')).toBeUndefined();
  });

  it('rejects NaN inputs', () => {
    expect(vaccineAllowed('covishield', Number.NaN, 1980, 'primary')).toBeUndefined();
    expect(vaccineAllowed('covishield', d('01-06-2021'), Number.NaN, 'primary')).toBeUndefined();
  });

  it('returns shared verdict objects', () => {
    expect(vaccineAllowed('covaxin', d('01-06-2021'), 1980, 'primary')).toBe(vaccineAllowed('covaxin', d('01-07-2021'), 1970, 'primary'));
  });
});

describe('intervalRule', () => {
  const range = (v: VaccineId, day: string) => {
    const r = intervalRule(v, d(day));
    return r && [r.minDays, r.maxDays];
  };

  it('Covishield: 28-42, 28-56 from 22-03-2021, 84-112 from 13-05-2021', () => {
    expect(range('covishield', '15-01-2021')).toBeUndefined();
    expect(range('covishield', '16-01-2021')).toEqual([28, 42]);
    expect(range('covishield', '21-03-2021')).toEqual([28, 42]);
    expect(range('covishield', '22-03-2021')).toEqual([28, 56]);
    expect(range('covishield', '23-03-2021')).toEqual([28, 56]);
    expect(range('covishield', '12-05-2021')).toEqual([28, 56]);
    expect(range('covishield', '13-05-2021')).toEqual([84, 112]);
    expect(range('covishield', '14-05-2021')).toEqual([84, 112]);
    expect(range('covishield', '01-06-2023')).toEqual([84, 112]);
    expect(intervalRule('covishield', d('13-05-2021'))?.entry.date).toBe('13-05-2021');
  });

  it('Covishield: the 28-56 rule stays acceptable for TRANSITION_DAYS after 13-05-2021', () => {
    expect(intervalRule('covishield', d('12-05-2021'))?.previous).toBeNull();
    expect(intervalRule('covishield', d('13-05-2021'))?.previous?.rule.minDays).toBe(28);
    const last = d('13-05-2021') + TRANSITION_DAYS - 1;
    expect(intervalRule('covishield', last)?.previous?.rule.minDays).toBe(28);
    expect(intervalRule('covishield', last + 1)?.previous).toBeNull();
    expect(TRANSITION_DAYS).toBeGreaterThanOrEqual(7);
    expect(TRANSITION_DAYS).toBeLessThanOrEqual(21);
  });

  it('Covishield: travellers\' 28-day exception from 07-06-2021', () => {
    expect(intervalRule('covishield', d('06-06-2021'))?.exception).toBeNull();
    expect(intervalRule('covishield', d('07-06-2021'))?.exception?.rule.minDays).toBe(28);
    expect(intervalRule('covishield', d('08-06-2021'))?.exception?.rule.minDays).toBe(28);
  });

  it('Covaxin: 28-42 throughout', () => {
    expect(range('covaxin', '15-01-2021')).toBeUndefined();
    for (const day of ['16-01-2021', '22-03-2021', '13-05-2021', '03-01-2022', '01-01-2023']) {
      expect(range('covaxin', day)).toEqual([28, 42]);
    }
  });

  it('Sputnik V: 21-90 from 14-05-2021', () => {
    expect(range('sputnik-v', '13-05-2021')).toBeUndefined();
    expect(range('sputnik-v', '14-05-2021')).toEqual([21, 90]);
    expect(range('sputnik-v', '15-05-2021')).toEqual([21, 90]);
  });

  it('ZyCoV-D: 28 days, 3 doses, then 2 from 26-04-2022', () => {
    expect(intervalRule('zycov-d', d('03-02-2022'))).toBeUndefined();
    expect(intervalRule('zycov-d', d('04-02-2022'))?.doses).toBe(3);
    expect(intervalRule('zycov-d', d('25-04-2022'))?.doses).toBe(3);
    expect(intervalRule('zycov-d', d('26-04-2022'))?.doses).toBe(2);
    expect(intervalRule('zycov-d', d('27-04-2022'))?.doses).toBe(2);
    expect(range('zycov-d', '27-04-2022')).toEqual([28, null]);
    expect(intervalRule('zycov-d', d('26-04-2022'))?.entry.certainty).toBe('weak');
  });

  it('Corbevax 28 from 16-03-2022, Covovax 21 from 02-05-2022', () => {
    expect(range('corbevax', '15-03-2022')).toBeUndefined();
    expect(range('corbevax', '16-03-2022')).toEqual([28, null]);
    expect(range('corbevax', '17-03-2022')).toEqual([28, null]);
    expect(range('covovax', '01-05-2022')).toBeUndefined();
    expect(range('covovax', '02-05-2022')).toEqual([21, null]);
    expect(range('covovax', '03-05-2022')).toEqual([21, null]);
  });

  it('no primary interval for precaution-only or single-dose vaccines', () => {
    expect(intervalRule('incovacc', d('01-03-2023'))).toBeUndefined();
    expect(intervalRule('sputnik-light', d('01-03-2023'))).toBeUndefined();
  });

  it('a strong minimum with a few days of grace and a weak maximum', () => {
    const r = intervalRule('covaxin', d('01-06-2021'))!;
    expect(r.minStrength).toBe('strong');
    expect(r.maxStrength).toBe('weak');
    expect(r.graceDays).toBe(MIN_GRACE_DAYS);
    expect(MIN_GRACE_DAYS).toBeGreaterThanOrEqual(1);
    expect(MIN_GRACE_DAYS).toBeLessThanOrEqual(7);
  });
});

describe('judgeInterval', () => {
  const judge = (v: VaccineId, first: string, second: string) => judgeInterval(v, d(first), d(second))?.status;

  it('Covishield around 13-05-2021: dose 2 on 12-05 vs 13-05 after a 1 April first dose', () => {
    expect(judge('covishield', '01-04-2021', '12-05-2021')).toBe('ok'); // 41 days, 28-56 rule
    expect(judge('covishield', '01-04-2021', '13-05-2021')).toBe('early-transition'); // 42 days, now 84
    expect(judge('covishield', '01-04-2021', '26-05-2021')).toBe('early-transition');
    expect(judge('covishield', '01-04-2021', '27-05-2021')).toBe('early');
    expect(judge('covishield', '01-04-2021', '07-06-2021')).toBe('early-exception');
    expect(judge('covishield', '01-04-2021', '15-07-2021')).toBe('ok'); // 105 days
    expect(judge('covishield', '01-04-2021', '15-08-2021')).toBe('late'); // 136 days
  });

  it('Covishield maxima before May 2021 (weak)', () => {
    expect(judge('covishield', '20-01-2021', '03-03-2021')).toBe('ok'); // 42 days
    expect(judge('covishield', '20-01-2021', '04-03-2021')).toBe('late'); // 43 days, max 42
    expect(judge('covishield', '01-02-2021', '25-03-2021')).toBe('ok'); // 52 days, max now 56
  });

  it('the traveller exception does not excuse doses under 28 days', () => {
    expect(judge('covishield', '01-08-2021', '29-08-2021')).toBe('early-exception');
    expect(judge('covishield', '01-08-2021', '20-08-2021')).toBe('early');
  });

  it('grace below the minimum is exact', () => {
    const first = d('01-06-2021');
    expect(judgeInterval('covaxin', first, first + 28)?.status).toBe('ok');
    expect(judgeInterval('covaxin', first, first + 28 - MIN_GRACE_DAYS)?.status).toBe('ok');
    expect(judgeInterval('covaxin', first, first + 27 - MIN_GRACE_DAYS)?.status).toBe('early');
    expect(judgeInterval('covaxin', first, first + 42)?.status).toBe('ok');
    expect(judgeInterval('covaxin', first, first + 43)?.status).toBe('late');
  });

  it('Sputnik V, Corbevax, Covovax, ZyCoV-D', () => {
    expect(judge('sputnik-v', '01-06-2021', '22-06-2021')).toBe('ok');
    expect(judge('sputnik-v', '01-06-2021', '11-06-2021')).toBe('early');
    expect(judge('sputnik-v', '01-06-2021', '31-08-2021')).toBe('late'); // 91 days
    expect(judge('corbevax', '16-03-2022', '13-04-2022')).toBe('ok');
    expect(judge('corbevax', '16-03-2022', '01-04-2022')).toBe('early');
    expect(judge('corbevax', '16-03-2022', '16-12-2022')).toBe('ok'); // no maximum stated
    expect(judge('covovax', '02-05-2022', '23-05-2022')).toBe('ok');
    expect(judge('covovax', '02-05-2022', '12-05-2022')).toBe('early');
    expect(judge('zycov-d', '04-02-2022', '04-03-2022')).toBe('ok');
    expect(judge('zycov-d', '04-02-2022', '14-02-2022')).toBe('early');
  });

  it('a second dose on or before the first', () => {
    expect(judge('covaxin', '01-06-2021', '01-06-2021')).toBe('not-after-previous');
    expect(judge('covaxin', '01-06-2021', '01-05-2021')).toBe('not-after-previous');
  });

  it('no verdict without a rule or with NaN days', () => {
    expect(judge('sputnik-v', '01-03-2021', '01-04-2021')).toBeUndefined();
    expect(judge('incovacc', '01-01-2023', '01-02-2023')).toBeUndefined();
    expect(judgeInterval('covaxin', Number.NaN, d('01-06-2021'))).toBeUndefined();
  });

  it('any gap inside the stated window is ok', () => {
    const vaccines: VaccineId[] = ['covishield', 'covaxin', 'sputnik-v', 'zycov-d', 'corbevax', 'covovax'];
    fc.assert(
      fc.property(fc.constantFrom(...vaccines), fc.integer({ min: 0, max: 900 }), fc.integer({ min: 0, max: 200 }), (v, offset, extra) => {
        const second = d('01-06-2022') + offset;
        const r = intervalRule(v, second)!;
        const gap = r.minDays + (r.maxDays === null ? extra : extra % (r.maxDays - r.minDays + 1));
        return judgeInterval(v, second - gap, second)?.status === 'ok';
      }),
    );
  });
});

describe('precautionRule', () => {
  const rule = (day: string) => precautionRule(d(day));

  it('none before 10-01-2022', () => {
    expect(rule('09-01-2022')).toBeUndefined();
    expect(rule('10-01-2022')).toBeDefined();
  });

  it('39 weeks until 05-07-2022, 26 weeks from 06-07-2022', () => {
    expect(rule('10-01-2022')?.minDays).toBe(273);
    expect(rule('05-07-2022')?.minDays).toBe(273);
    expect(rule('06-07-2022')?.minDays).toBe(182);
    expect(rule('07-07-2022')?.minDays).toBe(182);
    expect(rule('06-07-2022')?.interval.date).toBe('06-07-2022');
    expect(rule('06-07-2022')?.graceDays).toBe(MIN_GRACE_DAYS);
  });

  it('60+ with comorbidities, then 60+ from 16-03-2022, then adults from 10-04-2022', () => {
    expect(rule('10-01-2022')).toMatchObject({ minAge: 60, comorbidityRequired: true });
    expect(rule('15-03-2022')).toMatchObject({ minAge: 60, comorbidityRequired: true });
    expect(rule('16-03-2022')).toMatchObject({ minAge: 60, comorbidityRequired: false });
    expect(rule('09-04-2022')).toMatchObject({ minAge: 60, comorbidityRequired: false });
    expect(rule('10-04-2022')).toMatchObject({ minAge: 18, comorbidityRequired: false, privateOnly: true });
    expect(rule('14-07-2022')).toMatchObject({ minAge: 18, privateOnly: true });
    expect(rule('15-07-2022')).toMatchObject({ minAge: 18, privateOnly: false });
    expect(rule('10-04-2022')?.who.date).toBe('10-04-2022');
  });
});

describe('mobileLimitOn', () => {
  it.each([
    ['16-01-2021', undefined],
    ['28-02-2021', undefined],
    ['01-03-2021', 4],
    ['02-03-2021', 4],
    ['20-01-2022', 4],
    ['21-01-2022', 6],
    ['22-01-2022', 6],
    ['01-01-2024', 6],
  ])('%s: %s', (day, max) => {
    expect(mobileLimitOn(d(day))?.rule.max).toBe(max);
  });

  it('cites its source', () => {
    expect(mobileLimitOn(d('21-01-2022'))?.source).toMatch(/hindustantimes/);
  });
});

describe('normalizeVaccine', () => {
  it.each([
    ['COVISHIELD', 'covishield'],
    ['Covishield', 'covishield'],
    [' covishield ', 'covishield'],
    ['COVAXIN', 'covaxin'],
    ['Covaxin', 'covaxin'],
    ['SPUTNIK V', 'sputnik-v'],
    ['Sputnik V', 'sputnik-v'],
    ['sputnik-v', 'sputnik-v'],
    ['Sputnik Light', 'sputnik-light'],
    ['SPUTNIK LIGHT', 'sputnik-light'],
    ['CORBEVAX', 'corbevax'],
    ['COVOVAX', 'covovax'],
    ['ZYCOV-D', 'zycov-d'],
    ['ZyCoV-D', 'zycov-d'],
    ['ZYCOV D', 'zycov-d'],
    ['iNCOVACC', 'incovacc'],
    ['Incovacc', 'incovacc'],
    ['GEMCOVAC®-OM', 'gemcovac'],
  ])('%j -> %s', (raw, id) => {
    expect(normalizeVaccine(raw)).toBe(id);
    expect(normalizeVaccine(raw)).toBe(id); // second call goes through the cache
  });

  it.each(['', 'Pfizer', 'COVI', 'Sputnik X', 'AstraZeneca', '__proto__'])('%j is not a CoWin vaccine', (raw) => {
    expect(normalizeVaccine(raw)).toBeUndefined();
    expect(normalizeVaccine(raw)).toBeUndefined();
  });

  it('stays correct after its cache of misses fills up', () => {
    for (let i = 0; i < 3000; i++) normalizeVaccine(`junk ${i}`);
    expect(normalizeVaccine('covaxin ')).toBe('covaxin');
    expect(normalizeVaccine('junk 5')).toBeUndefined();
  });

  it('labels', () => {
    expect(vaccineLabel('zycov-d')).toBe('ZyCoV-D');
    expect(vaccineLabel('incovacc')).toBe('iNCOVACC');
  });
});

describe('citation', () => {
  it('quotes summary, date and first source; hedges facts that are not sourced', () => {
    const sourced = citation(intervalRule('covishield', d('01-07-2021'))!.entry);
    expect(sourced).toContain('84 to 112');
    expect(sourced).toContain('13-05-2021');
    expect(sourced).toContain('https://www.freepressjournal.in/');
    expect(sourced).not.toContain(' ; ');
    const hedged = citation(vaccineAllowed('covovax', d('01-06-2022'), 1980, 'primary')!.entry);
    expect(hedged).toContain('uncertain');
  });
});
