// The consistency checks' shared parts: the bounded key table, string hashes, per-record facts.
import { describe, expect, it } from 'vitest';
import { KeyTable, hashFolded, hashHigh, hashString } from '../../src/checks/support/key-table.js';
import { PROJECT_AT } from '../../src/dedupe/hashset.js';
import { recordFacts } from '../../src/checks/support/record-facts.js';
import { parseDmy } from '../../src/dates.js';
import { toRecords } from '../support/run-check.js';

describe('hashString / hashFolded', () => {
  it('gives 64 bits that differ by seed and by text', () => {
    const a = [hashString('9876543210', 1), hashHigh];
    const b = [hashString('9876543210', 2), hashHigh];
    const c = [hashString('9876543211', 1), hashHigh];
    expect(a).not.toEqual(b);
    expect(a).not.toEqual(c);
    expect([hashString('9876543210', 1), hashHigh]).toEqual(a);
  });

  it('folds case, spaces and punctuation but keeps letters and digits', () => {
    expect(hashFolded('Rajesh  KUMAR.')).toBe(hashFolded('rajesh kumar'));
    expect(hashFolded('Rajesh Kumar')).not.toBe(hashFolded('Rajesh Kumari'));
    expect(hashFolded('राजेश')).not.toBe(0);
    expect(hashFolded(' .- ')).toBe(0);
  });
});

describe('KeyTable', () => {
  it('keeps values per key and reports insertion', () => {
    const t = new KeyTable(2);
    const at = t.slot(hashString('a'), hashHigh);
    expect(t.created).toBe(true);
    expect([t.data[at], t.data[at + 1]]).toEqual([0, 0]);
    t.data[at + 1] = 42;
    const again = t.slot(hashString('a'), hashHigh);
    expect(t.created).toBe(false);
    expect(t.data[again + 1]).toBe(42);
    expect(t.get(hashString('a'), hashHigh)).toBe(again);
    expect(t.get(hashString('b'), hashHigh)).toBe(-1);
    // The key (0, 0), which marks empty slots, is a key like any other.
    const zero = t.slot(0, 0);
    expect(t.created).toBe(true);
    expect(t.slot(0, 0)).toBe(zero);
    expect(t.size).toBe(2);
  });

  it('grows, keeping every key and value, until its cap', () => {
    const t = new KeyTable(1, 14);
    for (let i = 0; i < 10_000; i++) {
      const at = t.slot(hashString(`k${i}`), hashHigh);
      t.data[at] = i + 1;
    }
    expect(t.size).toBe(10_000);
    expect(t.sampled).toBe(1);
    for (let i = 0; i < 10_000; i++) expect(t.data[t.get(hashString(`k${i}`), hashHigh)]).toBe(i + 1);
  });

  it('at its cap follows a hash sample of the keys, whole keys only, in bounded memory', () => {
    const t = new KeyTable(1, 10); // 1024 slots, 768 keys at most
    for (let i = 0; i < 20_000; i++) {
      const at = t.slot(hashString(`k${i}`), hashHigh);
      if (at >= 0) t.data[at] = i + 1;
    }
    expect(t.size).toBeLessThanOrEqual(768);
    expect(t.sampled).toBeLessThan(1 / 16);
    expect(t.capacity).toBe(1024);
    expect(t.data.length).toBe(1024 * 3);
    // A key kept is kept with its value; a key outside the sample stays outside.
    let kept = 0;
    for (let i = 0; i < 20_000; i++) {
      const s = t.get(hashString(`k${i}`), hashHigh);
      if (s < 0) {
        expect(t.slot(hashString(`k${i}`), hashHigh)).toBe(-1);
        continue;
      }
      kept++;
      expect(t.data[s]).toBe(i + 1);
    }
    expect(kept).toBe(t.size);
    // The sample is unbiased: about `sampled` of all keys.
    expect(kept).toBeGreaterThan(0.8 * t.sampled * 20_000);
    expect(kept).toBeLessThan(1.2 * t.sampled * 20_000);
  });

  /** A table given `n` keys after projecting at `at` of them to `expected`; its size and level after each phase. */
  function projected(maxLog2: number, at: number, expected: number, n: number) {
    const t = new KeyTable(1, maxLog2);
    const insert = (from: number, to: number): void => {
      for (let i = from; i < to; i++) {
        const s = t.slot(hashString(`k${i}`), hashHigh);
        if (s >= 0) t.data[s] = i + 1;
      }
    };
    insert(0, at);
    t.projectFrom(at, expected);
    const after = { capacity: t.capacity, sampled: t.sampled };
    insert(at, n);
    return { t, after };
  }

  it('sized once from a projection of the keys to come: the power of two that holds them, values kept', () => {
    const { t, after } = projected(20, 1000, 10_000, 10_000);
    // 11,000 keys with a tenth to spare, at 3/4 load: 16,384 slots, and no growth after.
    expect(after).toEqual({ capacity: 16_384, sampled: 1 });
    expect(t.capacity).toBe(16_384);
    for (let i = 0; i < 10_000; i++) expect(t.data[t.get(hashString(`k${i}`), hashHigh)]).toBe(i + 1);
  });

  it('projected past its cap: samples at once at the level that makes the keys fit, whole keys only', () => {
    const { t, after } = projected(10, 500, 20_000, 20_000);
    // 22,000 keys into 1,024 slots (768 keys): 1/32 of them.
    expect(after).toEqual({ capacity: 1024, sampled: 1 / 32 });
    expect(t.sampled).toBe(1 / 32);
    let kept = 0;
    for (let i = 0; i < 20_000; i++) {
      const s = t.get(hashString(`k${i}`), hashHigh);
      if (s < 0) continue;
      kept++;
      expect(t.data[s]).toBe(i + 1);
    }
    expect(kept).toBe(t.size);
    expect(kept).toBeGreaterThan(0.8 * t.sampled * 20_000);
  });

  it('projects once, at PROJECT_AT rows, and not at all without an expected count', () => {
    const t = new KeyTable(1, 20);
    for (let i = 0; i < 2000; i++) t.slot(hashString(`k${i}`), hashHigh);
    let asked = 0;
    const expected = (): number => (asked++, PROJECT_AT * 100);
    t.project(PROJECT_AT - 1, expected);
    expect(asked).toBe(0);
    t.project(PROJECT_AT, expected);
    t.project(PROJECT_AT + 1, expected);
    expect(asked).toBe(1);
    expect(t.capacity).toBeGreaterThan(2048);
    const unknown = new KeyTable(1, 20);
    for (let i = 0; i < 2000; i++) unknown.slot(hashString(`k${i}`), hashHigh);
    unknown.project(PROJECT_AT, () => undefined);
    expect(unknown.capacity).toBe(4096);
  });
});

describe('recordFacts', () => {
  it('reads beneficiary dates, the vaccine in any spelling, comorbidity and the birth year', () => {
    const [rec] = toRecords([{ dose1_date: '01-06-2021', dose2_date: 'Invalid date', vaccine: 'covishield ', comorbidity_ind: 'Y', birth_year: '1980' }]);
    const x = recordFacts(rec);
    expect([x.dose1, x.dose2, x.vaccine, x.comorbid, x.birthYear, x.birthYearSource]).toEqual([
      parseDmy('01-06-2021'), NaN, 'covishield', true, 1980, 'birth_year',
    ]);
  });

  it('maps a certificate dose onto dose 1, dose 2 or the precaution dose', () => {
    const recs = toRecords([
      { vaccination_date: '2021-07-16T19:40:00.000Z', dose: '1', total_doses: '2' },
      { vaccination_date: '2021-10-16', dose: '2' },
      { vaccination_date: '2022-07-16', dose: '3', total_doses: '2' },
      { vaccination_date: '2022-07-16', dose: '3', vaccine: 'ZyCoV-D' },
    ]);
    const [a, b, c, d] = recs.map((r) => ({ ...recordFacts(r) }));
    expect([a.dose1, a.dose1Field]).toEqual([parseDmy('17-07-2021'), 'vaccination_date']);
    expect([b.dose2, b.dose2Field]).toEqual([parseDmy('16-10-2021'), 'vaccination_date']);
    expect([c.precaution, c.precautionField, c.dose1, c.dose2]).toEqual([parseDmy('16-07-2022'), 'vaccination_date', NaN, NaN]);
    expect([d.precaution, d.dose1, d.dose2]).toEqual([NaN, NaN, NaN]); // dose 3 of ZyCoV-D's 3-dose course
  });

  it('takes the birth year from date_of_birth, else from age at the vaccination', () => {
    const [a, b] = toRecords([{ date_of_birth: '1990-03-04' }, { age: '21', vaccination_date: '2021-07-16' }]);
    expect(recordFacts(a).birthYear).toBe(1990);
    expect([recordFacts(b).birthYear, recordFacts(b).birthYearSource]).toEqual([2000, 'age']);
  });

  it('computes once per record and again for the next', () => {
    const [a, b] = toRecords([{ birth_year: '1980' }, { birth_year: '1990' }]);
    const first = recordFacts(a);
    expect(recordFacts(a)).toBe(first);
    expect(recordFacts(b).birthYear).toBe(1990);
    expect(recordFacts(a).birthYear).toBe(1980);
  });
});
