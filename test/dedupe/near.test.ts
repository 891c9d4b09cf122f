// Near-duplicate clustering on its own: blocking, thresholds, transitive merges and sampling past the budget.
import { describe, expect, it } from 'vitest';
import { Hasher } from '../../src/dedupe/hash.js';
import { foldInto } from '../../src/dedupe/names.js';
import { HAS_DATES, HAS_MOBILE, NearIndex, byKey } from '../../src/dedupe/near.js';

interface P {
  name: string;
  yob: number;
  tail: string;
  dates: string;
  rest: string;
}

const h = new Hasher();
const h32 = (seed: number, s: string): number => h.start(seed).str(s).end32();

function add(index: NearIndex, row: number, p: P): void {
  const len = foldInto(p.name);
  const blockA = h32(10, `${p.yob}|${p.tail}`);
  index.add(row, row + 1, len, blockA, 0, h32(13, `${p.yob}|${p.tail}`), p.dates ? h32(3, p.dates) : 0, h32(2, `${p.rest}|${p.dates}`), (p.dates ? HAS_DATES : 0) | HAS_MOBILE);
}

describe('NearIndex', () => {
  it('merges perturbed copies transitively, the earliest row as the original', () => {
    const index = new NearIndex();
    const base = { yob: 1980, tail: '4321', dates: '01-05-2021|01-08-2021', rest: 'Male|Pune' };
    add(index, 1, { ...base, name: 'Rajesh Kumar' });
    add(index, 2, { ...base, name: 'RAAJESH  KUMAR' });
    add(index, 3, { ...base, name: 'Rajesh Kumr' });
    add(index, 4, { ...base, name: 'Sunita Devi', yob: 1984 });
    const r = index.cluster();
    expect(r.clusters).toBe(2);
    expect(r.matches.map((m) => [m.row, m.firstRow])).toEqual([[2, 1], [3, 1]]);
    expect(r.matches[0].similarity).toBe(1);
  });

  it('does not merge family members who share a mobile, a surname and a birth year', () => {
    const index = new NearIndex();
    add(index, 1, { name: 'Sanjay Mahato', yob: 1989, tail: '4913', dates: '21-06-2021|', rest: 'Male' });
    add(index, 2, { name: 'Sanjeev Mahato', yob: 1989, tail: '4913', dates: '30-10-2021|', rest: 'Male' });
    add(index, 3, { name: 'Bikash Mahato', yob: 1989, tail: '4913', dates: '21-06-2021|', rest: 'Male' });
    expect(index.cluster().matches).toEqual([]);
  });

  it('asks for closer names the less the other fields corroborate', () => {
    // Same everything, no dates: a typo'd name is not enough without dates ...
    const noDates = new NearIndex();
    const base = { yob: 1990, tail: '1111', dates: '', rest: 'Female' };
    add(noDates, 1, { ...base, name: 'Kalpana Oraon' });
    add(noDates, 2, { ...base, name: 'Krlpana Oraon' });
    expect(noDates.cluster().matches).toHaveLength(0);
    // ... with equal dose dates it is.
    const withDates = new NearIndex();
    add(withDates, 1, { ...base, dates: '02-01-2022|31-03-2022', name: 'Kalpana Oraon' });
    add(withDates, 2, { ...base, dates: '02-01-2022|31-03-2022', name: 'Krlpana Oraon' });
    expect(withDates.cluster().matches).toHaveLength(1);
  });

  it('samples whole blocks past its budget and scales the count', () => {
    const index = new NearIndex(2000);
    const people = 1500;
    for (let p = 0; p < people; p++) {
      const person = { yob: 1950 + (p % 50), tail: String(1000 + p).slice(-4), dates: `d${p}`, rest: `r${p}` };
      for (let c = 0; c < 4; c++) add(index, p * 4 + c + 1, { ...person, name: c % 2 ? `PERSON ${p}` : `person ${p}` });
    }
    const r = index.cluster();
    expect(r.sampled).toBeLessThan(1);
    expect(index.size).toBeLessThan(2000);
    const estimatedCopies = r.matches.length / r.sampled;
    expect(Math.abs(estimatedCopies - people * 3) / (people * 3)).toBeLessThan(0.15);
  });

  it('keeps a large block near-linear: sorted neighbourhood still finds adjacent copies', () => {
    const index = new NearIndex();
    const names = Array.from({ length: 400 }, (_, i) => `Name${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))} Surname`);
    let row = 1;
    for (const name of names) {
      add(index, row++, { name, yob: 1970, tail: '0000', dates: `x${name}`, rest: '' });
      add(index, row++, { name: name.toUpperCase(), yob: 1970, tail: '0000', dates: `x${name}`, rest: '' });
    }
    const r = index.cluster();
    expect(r.clusters).toBe(400);
    expect(r.matches).toHaveLength(400);
  });

  it('sizes its arrays once for a projected sample, finds the same, and then does not grow', () => {
    // 4,000 people, each twice: lower case, then upper case.
    const all: P[] = Array.from({ length: 8000 }, (_, p) => {
      const who = p >> 1;
      return { name: `${p % 2 ? 'RAJESH' : 'rajesh'} kumar`, yob: 1950 + (who % 50), tail: String(1000 + who).slice(-4), dates: `d${who}`, rest: '' };
    });
    const plain = new NearIndex();
    const sized = new NearIndex();
    all.slice(0, 1000).forEach((p, i) => (add(plain, i + 1, p), add(sized, i + 1, p)));
    // 1,000 rows read of an expected 8,000: room for 8,800 records.
    sized.project(1000, 8000);
    const bytes = sized.byteLength;
    expect(bytes).toBeGreaterThan(8800 * 33);
    all.slice(1000).forEach((p, i) => (add(plain, i + 1001, p), add(sized, i + 1001, p)));
    expect(sized.byteLength).toBe(bytes);
    expect(sized.cluster()).toEqual(plain.cluster());
    expect(sized.cluster().matches).toHaveLength(4000);
    // Never past the budget; unknown or no more rows to come: nothing changes.
    const small = new NearIndex(2000);
    add(small, 1, all[0]);
    small.project(1, 1_000_000);
    expect(small.byteLength).toBeGreaterThan(2000 * 33);
    expect(small.byteLength).toBeLessThan(2000 * 60);
    for (const [rows, expected] of [[1000, undefined], [8000, 8000], [8000, 4000]] as const) {
      sized.project(rows, expected);
      expect(sized.byteLength).toBe(bytes);
    }
  });

  it('orders the keyed records by key and then index, skipping records without a key', () => {
    for (const [n, spread] of [[0, 1], [1, 1], [5000, 7], [5000, 2 ** 32]] as const) {
      // Keys that differ only in their high or only in their low 16 bits, zeros (no key), and repeats.
      const keys = new Uint32Array(n + 3);
      for (let i = 0; i < n; i++) keys[i] = (Math.imul(i + 1, 0x9e3779b1) >>> 0) % spread;
      if (n) keys[1] = 0x1_0000;
      if (n) keys[2] = 0xffff;
      const expected = [...keys.subarray(0, n).keys()].filter((i) => keys[i] !== 0).sort((i, j) => keys[i] - keys[j] || i - j);
      expect([...byKey(keys, n)]).toEqual(expected);
    }
  });
});
