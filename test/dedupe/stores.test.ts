// The in-process hash and the typed-array hash set behind every duplicate store.
import { describe, expect, it } from 'vitest';
import { Hasher, hashHex } from '../../src/dedupe/hash.js';
import duplicateIds from '../../src/checks/duplicate-ids.js';
import duplicateRows from '../../src/checks/duplicate-rows.js';
import { GROWTH, HashSet64, MAX_LOAD, PROJECT_AT, PROJECTION_SPARE, intersectCount, setOf } from '../../src/dedupe/hashset.js';
import { paddedRows } from '../../src/synth/padded.js';
import { Random } from '../../src/synth/random.js';
import { toRecords } from '../support/run-check.js';
import { allFindingsOf, fieldsOf } from './support.js';

describe('Hasher', () => {
  it('is deterministic, seed-dependent and separates composite keys', () => {
    expect(hashHex('Rajesh Kumar')).toBe(hashHex('Rajesh Kumar'));
    expect(hashHex('Rajesh Kumar', 1)).not.toBe(hashHex('Rajesh Kumar', 2));
    expect(hashHex('Rajesh Kumar')).not.toBe(hashHex('Rajesh Kumat'));
    const h = new Hasher();
    const ab = h.start(0).str('ab').sep().str('c').end();
    const abHex = [ab.hi, ab.lo].join();
    const a = h.start(0).str('a').sep().str('bc').end();
    expect([a.hi, a.lo].join()).not.toBe(abHex);
  });

  it('mixes three values with code3 exactly as with three code calls (unsigned 32-bit words included)', () => {
    const h = new Hasher();
    for (const [x, y, z] of [[1, 2, 3], [29, 0xffffffff, 0x80000000], [0, 0, 0], [7, 0x9e3779b1, 12345]]) {
      const one = h.start(5).str('x').code(x).code(y).code(z).end();
      const want = [one.hi, one.lo].join();
      const three = h.start(5).str('x').code3(x, y, z).end();
      expect([three.hi, three.lo].join()).toBe(want);
    }
  });

  it('has no 64-bit collision among 200,000 similar keys, and spreads the low bits', () => {
    const h = new Hasher();
    const seen = new Set<string>();
    const buckets = new Uint32Array(256);
    for (let i = 0; i < 200_000; i++) {
      h.start(7).str(`9876${String(i).padStart(6, '0')}`).end();
      seen.add(`${h.hi}:${h.lo}`);
      buckets[h.lo & 255]++;
    }
    expect(seen.size).toBe(200_000);
    // Sequential inputs, uniform buckets: each within 15% of the mean (781).
    for (const b of buckets) expect(Math.abs(b - 781)).toBeLessThan(120);
  });
});

describe('HashSet64', () => {
  it('stores keys with values, finds them, and grows by half under MAX_LOAD', () => {
    const set = new HashSet64(true, 16);
    for (let i = 0; i < 10_000; i++) expect(set.add(i * 7919, i ^ 0x5555, i + 1)).toBe(-1);
    expect(set.size).toBe(10_000);
    expect(set.size / set.capacity).toBeLessThanOrEqual(MAX_LOAD);
    expect(set.size / set.capacity).toBeGreaterThan(MAX_LOAD / GROWTH);
    for (let i = 0; i < 10_000; i += 97) {
      const slot = set.add(i * 7919, i ^ 0x5555, 0);
      expect(slot).toBeGreaterThanOrEqual(0);
      expect(set.value(slot)).toBe(i + 1);
    }
    expect(set.has(1, 1)).toBe(false);
    expect(set.find(7919, 1 ^ 0x5555)).toBeGreaterThanOrEqual(0);
  });

  it('keeps the all-zero key (stored as (0, 1)) and high-bit words', () => {
    const set = new HashSet64();
    expect(set.add(0, 0)).toBe(-1);
    expect(set.has(0, 0)).toBe(true);
    expect(set.add(0xffffffff, 0x80000000)).toBe(-1);
    expect(set.has(-1, -2147483648)).toBe(true);
  });

  it('lists its keys ascending as 64-bit numbers, and intersects sorted lists', () => {
    const a = new HashSet64();
    const b = new HashSet64();
    for (let i = 0; i < 1000; i++) a.add(i % 7, i + 1);
    for (let i = 500; i < 1500; i++) b.add(i % 7, i + 1);
    const sa = a.sorted();
    expect(sa.length).toBe(1000);
    for (let i = 1; i < sa.length; i++) expect(sa[i - 1] < sa[i]).toBe(true);
    expect(sa[0]).toBe(1n); // i = 0: hi 0, lo 1
    expect(sa[sa.length - 1]).toBe((6n << 32n) + 994n); // i = 993: hi 6, lo 994
    expect(intersectCount(sa, b.sorted())).toBe(500);
    const back = setOf(sa);
    expect(back.size).toBe(1000);
    expect(back.has(999 % 7, 1000)).toBe(true);
  });

  it('sizes itself once for a projected sample, keeping its keys and values, and then does not grow', () => {
    const set = new HashSet64(true);
    // Two keys per row, 1,000 rows read of an expected 100,000: room for 200,000 keys and a tenth more.
    for (let i = 0; i < 2000; i++) set.add(i, i * 7, i + 1);
    set.project(1000, 100_000);
    const cap = set.capacity;
    const need = (200_000 * PROJECTION_SPARE) / MAX_LOAD;
    expect(cap).toBeGreaterThanOrEqual(need);
    expect(cap).toBeLessThan(need + 2);
    for (let i = 0; i < 2000; i += 37) expect(set.value(set.find(i, i * 7))).toBe(i + 1);
    for (let i = 2000; i < 200_000; i++) set.add(i, i * 7, i + 1);
    expect(set.capacity).toBe(cap);
    expect(set.value(set.find(199_999, 199_999 * 7))).toBe(200_000);
    // Unknown, no more rows to come, or past the largest table (a hint, never an error): nothing changes.
    for (const [rows, expected] of [[1000, undefined], [200_000, 200_000], [200_000, 150_000], [1, 2 ** 40]] as const) {
      set.project(rows, expected);
      expect(set.capacity).toBe(cap);
    }
  });

  it('costs 10-15 bytes per key without values and 15-22.5 with them', () => {
    for (const n of [1_000, 50_000, 77_777, 300_000]) {
      const plain = new HashSet64();
      const valued = new HashSet64(true);
      for (let i = 0; i < n; i++) {
        plain.add(i, i * 31);
        valued.add(i, i * 31, i);
      }
      const p = plain.byteLength / n;
      const v = valued.byteLength / n;
      expect(p).toBeGreaterThanOrEqual(10);
      expect(p).toBeLessThanOrEqual(15.1);
      expect(v).toBeGreaterThanOrEqual(15);
      expect(v).toBeLessThanOrEqual(22.6);
    }
  });
});

describe('duplicate stores sized from the projected row count', () => {
  // Past PROJECT_AT rows, with copies whose first row lies before and after it.
  const records = toRecords(fieldsOf(paddedRows(new Random(5), { people: 15_000, factor: 5 })));

  it.each([duplicateRows, duplicateIds])('$meta.id asks once, and finds the same whatever the projection', (check) => {
    expect(records.length).toBeGreaterThan(PROJECT_AT);
    const unknown = allFindingsOf(check, records);
    expect(unknown.findings.length).toBeGreaterThan(1000);
    for (const expected of [records.length * 20, Math.round(records.length / 20), records.length]) {
      let asked = 0;
      const sized = allFindingsOf(check, records, {}, () => {
        asked++;
        return expected;
      });
      expect(asked).toBe(1);
      expect(sized).toEqual(unknown);
    }
  });
});
