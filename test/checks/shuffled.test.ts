// The consistency checks on whole samples: genuine-shaped samples (with and without realistic noise) favour
// "genuine" on every check, while a sample whose columns were shuffled independently (every value right, every
// combination wrong) is caught, though each of its fields passes the field validators.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { CONSISTENCY_CHECKS } from '../../src/checks/index.js';
import { formatDmy, parseDmy } from '../../src/dates.js';
import { normalizeVaccine } from '../../src/policy/rules.js';
import { SHUFFLED_SEED } from '../../src/synth/fixtures.js';
import { Random } from '../../src/synth/random.js';
import type { Row } from '../../src/synth/samples.js';
import { backendRows, shuffleColumns, shuffledRows } from '../../src/synth/shuffled.js';
import type { Check, CheckResult } from '../../src/types.js';
import {
  districtStates,
  isAadhaar,
  isBeneficiaryRefId,
  isComorbidityInd,
  isGender,
  isLandlineRange,
  isMobile,
  isPossibleBirthYear,
  isVaccinationStatus,
  pinExists,
  stateExists,
  validatePhotoId,
} from '../../src/validators/index.js';
import { runChecks, type Fields } from '../support/run-check.js';
import { BASELINES, type Baseline } from '../../src/evidence.js';

const AS_OF = new Date('2026-01-01T00:00:00Z');
const asFields = (rows: readonly Row[]): Fields[] => rows.map((r) => Object.fromEntries(r));
const evidenceOf = (id: string): Baseline => BASELINES.get(id)!;

/**
 * The violation rate above which a check's evidence favours "fabricated": where the binomial likelihoods of its
 * genuine and fabricated rates are equal.
 */
function threshold(id: string): number {
  const { genuine: g, fabricated: f } = evidenceOf(id);
  const up = Math.log(f / g);
  const down = Math.log((1 - g) / (1 - f));
  return down / (up + down);
}

/** Checks with enough applicable rows to weigh, as [id, rate, threshold]. */
function weighed(results: readonly CheckResult[], min = 20): [string, number, number][] {
  return results.filter((c) => c.applicable >= min && c.rate !== null).map((c) => [c.id, c.rate!, threshold(c.id)]);
}

async function analyzeFixture(name: string) {
  return analyze(`fixtures/${name}`, { checks: CONSISTENCY_CHECKS, asOf: AS_OF, deterministic: true });
}

/** Realistic noise: about 1% of records get one of the exceptions genuine data has. */
function withNoise(rows: Fields[], seed: number, share = 0.01): Fields[] {
  const r = new Random(seed);
  return rows.map((row) => {
    if (!r.chance(share)) return row;
    const out = { ...row };
    const kind = r.int(0, 5);
    const dose1 = parseDmy(String(out.dose1_date ?? ''));
    if (kind === 0 && out.dose2_date) out.dose2_date = String(out.dose2_date).replace(/20(21|22)$/, '2020'); // year typo
    else if (kind === 1 && out.vaccine === 'COVISHIELD' && !Number.isNaN(dose1) && out.dose2_date)
      out.dose2_date = formatDmy(Math.max(dose1 + 30, parseDmy('10-06-2021'))); // a traveller's early dose 2
    else if (kind === 2) out.birth_year = String(Number(out.birth_year) + 10); // birth-year typo
    else if (kind === 3 && out.dose2_date) out.vaccination_status = 'Partially Vaccinated'; // status not updated
    else if (kind === 4) out.pincode = '110001'; // registered from Delhi
    else out.district_name = 'New Delhi'; // a district spelt from another list
    return out;
  });
}

describe('the shuffled sample', () => {
  const genuine = backendRows(SHUFFLED_SEED, 300);
  const shuffled = shuffledRows(SHUFFLED_SEED, 300);

  it('keeps every column\'s values: each column is a permutation of the genuine column', () => {
    const keys = genuine[0].map(([k]) => k);
    expect(shuffled[0].map(([k]) => k)).toEqual(keys);
    keys.forEach((k, j) => {
      const before = genuine.map((r) => r[j][1]).sort();
      const after = shuffled.map((r) => r[j][1]).sort();
      expect(after, k).toEqual(before);
    });
    // ... and pairs them anew: most rows differ from every genuine row in their (state, district) pair.
    const pair = (r: Row): string => { const f = Object.fromEntries(r); return `${f.state_name}|${f.district_name}`; };
    const pairs = new Set(genuine.map(pair));
    expect(shuffled.filter((r) => !pairs.has(pair(r))).length).toBeGreaterThan(200);
  });

  it('passes the field validators value by value', () => {
    const year = AS_OF.getUTCFullYear();
    for (const row of shuffled) {
      const f = Object.fromEntries(row);
      expect(isBeneficiaryRefId(f.beneficiary_reference_id)).toBe(true);
      expect(isPossibleBirthYear(f.birth_year, year, 12)).toBe(true);
      expect(isGender(f.gender)).toBe(true);
      expect(isMobile(f.mobile_number) && !isLandlineRange(f.mobile_number)).toBe(true);
      expect(isComorbidityInd(f.comorbidity_ind)).toBe(true);
      expect(isVaccinationStatus(f.vaccination_status)).toBe(true);
      expect(f.vaccine === '' || normalizeVaccine(f.vaccine) !== undefined).toBe(true);
      for (const d of ['dose1_date', 'dose2_date', 'precaution_dose_date']) expect(f[d] === '' || !Number.isNaN(parseDmy(f[d]))).toBe(true);
      expect(stateExists(f.state_name)).toBe(true);
      expect(districtStates(f.district_name).length).toBeGreaterThan(0);
      expect(pinExists(f.pincode)).toBe(true);
    }
    // Photo-ID numbers are valid for the type they were issued under (shuffling separates them from it).
    for (const row of genuine) {
      const f = Object.fromEntries(row);
      expect(validatePhotoId(f.photo_id_type, f.photo_id_number).ok, `${f.photo_id_type} ${f.photo_id_number}`).toBe(true);
      if (f.photo_id_type === 'Aadhaar Card') expect(isAadhaar(f.photo_id_number)).toBe(true);
    }
  });

  it('genuine back-end records, before shuffling, favour "genuine" on every check', () => {
    const results = runChecks(CONSISTENCY_CHECKS, asFields(genuine), { asOf: AS_OF });
    const rows = weighed(results);
    expect(rows.length).toBeGreaterThanOrEqual(10);
    for (const [id, rate, t] of rows) expect(rate, id).toBeLessThan(t);
  });

  it('fixtures/fabricated-shuffled.csv is caught: the cross-field checks favour "fabricated"', async () => {
    const report = await analyzeFixture('fabricated-shuffled.csv');
    expect(report.input.rows).toBe(300);
    expect(report.mapping.every((m) => m.field === m.column)).toBe(true);
    const rate = new Map(weighed(report.checks).map(([id, r, t]) => [id, r / t]));
    const caught = ['dose-dates', 'dose-interval-min', 'age-early-dose', 'vaccination-status', 'district-state', 'pin-state', 'center-conflict'];
    for (const id of caught) expect(rate.get(id), id).toBeGreaterThan(1);
    // The strongest are far past their threshold.
    for (const id of ['district-state', 'pin-state', 'center-conflict', 'age-early-dose']) expect(rate.get(id), id).toBeGreaterThan(2);
    expect(report.verdict.label).toBe('likely-fabricated');
  });

  it('shuffling a larger genuine sample is caught the same way', () => {
    const big = backendRows(7, 3000);
    const clean = runChecks(CONSISTENCY_CHECKS, asFields(big), { asOf: AS_OF });
    const mixed = runChecks(CONSISTENCY_CHECKS, asFields(shuffleColumns(big, new Random(8))), { asOf: AS_OF });
    for (const [id, rate, t] of weighed(clean)) expect(rate, id).toBeLessThan(t);
    const caught = new Set(weighed(mixed).filter(([, rate, t]) => rate > t).map(([id]) => id));
    for (const id of ['dose-dates', 'dose-interval-min', 'age-early-dose', 'vaccination-status', 'district-state', 'pin-state', 'center-conflict', 'pan-name']) {
      expect(caught.has(id), id).toBe(true);
    }
  });
});

describe('genuine-shaped samples', () => {
  it('fixtures/beneficiaries.csv favours "genuine" on every check and is likely genuine', async () => {
    const report = await analyzeFixture('beneficiaries.csv');
    const rows = weighed(report.checks);
    expect(rows.map(([id]) => id)).toEqual(expect.arrayContaining(['dose-dates', 'dose-interval-min', 'age-eligibility', 'vaccination-status']));
    for (const [id, rate, t] of rows) expect(rate, id).toBeLessThan(t);
    expect(report.checks.filter((c) => c.status === 'fail')).toEqual([]);
    // Agreement on the consistency checks alone is not enough for a genuine verdict; with every check it is.
    expect(report.verdict.label).not.toBe('likely-fabricated');
    expect((await analyze('fixtures/beneficiaries.csv', { asOf: AS_OF })).verdict.label).toBe('likely-genuine');
  });

  it('with ~1% realistic exceptions (typos, travellers, stale status, moved PINs) still favours "genuine"', () => {
    const rows = withNoise(asFields(backendRows(11, 3000)), 12);
    const results = runChecks(CONSISTENCY_CHECKS, rows, { asOf: AS_OF });
    // The noise shows ...
    const total = results.reduce((s, c) => s + c.violations, 0);
    const clean = runChecks(CONSISTENCY_CHECKS, asFields(backendRows(11, 3000)), { asOf: AS_OF }).reduce((s, c) => s + c.violations, 0);
    expect(total).toBeGreaterThan(clean + 15);
    // ... but no check takes it for fabrication, and nothing fails.
    for (const [id, rate, t] of weighed(results)) expect(rate, id).toBeLessThan(t);
    expect(results.filter((c) => c.status === 'fail')).toEqual([]);
  });
});

describe('the Faker-style sample', () => {
  it('is caught by the checks its generator ignores (vaccine by age, intervals, age by date)', async () => {
    const report = await analyzeFixture('fabricated-faker.csv');
    const rate = new Map(weighed(report.checks, 15).map(([id, r, t]) => [id, r / t]));
    for (const id of ['vaccine-allowed', 'dose-interval-min', 'dose-interval-max', 'age-early-dose', 'age-eligibility']) expect(rate.get(id), id).toBeGreaterThan(1);
  });
});
