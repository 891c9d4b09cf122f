// age-mix: adults' age groups at first dose against CoWin's mix for the sample's dose dates.
import { describe, expect, it } from 'vitest';
import check, { EXPECTED_BEFORE_MAY_2021, EXPECTED_FROM_MAY_2021 } from '../../src/checks/age-mix.js';
import { BASELINES } from '../../src/evidence.js';
import { Random } from '../../src/synth/random.js';
import { genuineRows } from '../support/genuine-people.js';
import { runCheck } from '../support/run-check.js';

describe('age-mix', () => {
  const genuine = runCheck(check, genuineRows(1000));

  it('passes the genuine-like mix: few rows in excess, well under the genuine baseline', () => {
    expect(genuine.applicable).toBeGreaterThan(900);
    expect(genuine.rate!).toBeLessThan(BASELINES.get('age-mix')!.genuine / 2);
  });

  it('flags uniform ages 18-80 (Faker), with observed and expected shares in the data', () => {
    const r = new Random(3);
    const rows = Array.from({ length: 1000 }, () => ({ birth_year: 2021 - r.int(18, 80), dose1_date: `${String(r.int(1, 28)).padStart(2, '0')}-0${r.int(5, 9)}-2021` }));
    const res = runCheck(check, rows);
    expect(res.rate!).toBeGreaterThan(0.2);
    expect(res.data!['observed:60+']).toBeGreaterThan(0.3);
    expect(res.data!['expected:60+']).toBeCloseTo(EXPECTED_FROM_MAY_2021[2], 3);
    expect(res.examples[0].field).toBe('birth_year');
  });

  it('conditions the expected mix on the dose window', () => {
    const rows = [
      ...Array.from({ length: 50 }, () => ({ birth_year: 1950, dose1_date: '15-03-2021' })),
      ...Array.from({ length: 50 }, () => ({ birth_year: 1995, dose1_date: '15-06-2021' })),
    ];
    const res = runCheck(check, rows);
    expect(res.data!.firstDosesBeforeMay2021).toBe(0.5);
    expect(res.data!['expected:60+']).toBeCloseTo((EXPECTED_BEFORE_MAY_2021[2] + EXPECTED_FROM_MAY_2021[2]) / 2, 3);
  });

  it('counts first doses per month for the chart, minors included, adults only in the mix', () => {
    const res = runCheck(check, [
      { birth_year: 1990, dose1_date: '10-06-2021' },
      { birth_year: 1960, dose1_date: '20-06-2021' },
      { birth_year: 2007, dose1_date: '05-01-2022' },
    ]);
    expect(res.data!['dose1:2021-06']).toBe(2);
    expect(res.data!['dose1:2022-01']).toBe(1);
    expect(res.applicable).toBe(2);
  });
});
