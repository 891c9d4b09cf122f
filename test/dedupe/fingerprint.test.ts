// The fingerprint: keyed, versioned, free of raw data, and comparable (exactly, or by its sketch).
import { describe, expect, it } from 'vitest';
import { compareFingerprints, sketchJaccard } from '../../src/dedupe/compare.js';
import {
  EphemeralKeyHash, FingerprintBuilder, HmacKeyHash, looksLikeFingerprint, parseFingerprint, serializeFingerprint, type Fingerprint, type KeyHash,
} from '../../src/dedupe/fingerprint.js';
import { HashSet64 } from '../../src/dedupe/hashset.js';
import { dayNumber } from '../../src/dates.js';
import { fullRow } from '../../src/synth/padded.js';
import { people } from '../../src/synth/people.js';
import { Random } from '../../src/synth/random.js';
import { toRecords, type Fields } from '../support/run-check.js';
import { fieldsOf } from '../dedupe/support.js';

const rows = fieldsOf(people(new Random(42), 400, { asOf: dayNumber(2022, 6, 30) }).map(fullRow));

function fingerprint(kh: KeyHash, data: readonly Fields[]): Fingerprint {
  const b = new FingerprintBuilder(kh);
  for (const rec of toRecords(data)) b.record(rec);
  return b.finish();
}

const side = { path: 'x', kind: 'sample' as const, rows: 0 };

describe('fingerprint', () => {
  const key = Buffer.from('test key');
  const fp = fingerprint(new HmacKeyHash(key), rows);

  it('holds distinct keyed hashes of people, records and identifiers, and a bottom-k sketch', () => {
    expect(fp.rows).toBe(400);
    expect(fp.counts.records).toBe(400);
    expect(fp.counts.people).toBe(400);
    // Reference id, Aadhaar and the full mobile per person; family members share a mobile.
    expect(fp.counts.ids).toBeGreaterThan(1000);
    expect(fp.counts.ids).toBeLessThan(1200);
    expect(fp.sketch.of).toBe('people');
    expect(fp.sketch.hashes.length).toBe(400); // fewer people than k
    expect(fp.fields).toContain('aadhaar_number');
  });

  it('depends on the key: same key, same hashes; another key, none shared', () => {
    const again = fingerprint(new HmacKeyHash(key), rows);
    expect(serializeFingerprint(again)).toBe(serializeFingerprint(fp));
    const other = fingerprint(new HmacKeyHash(Buffer.from('other key')), rows);
    expect(other.keyCheck).not.toBe(fp.keyCheck);
    const c = compareFingerprints(fp, other, side, side);
    expect(c.overlap.people.shared).toBe(0);
    expect(c.overlap.ids.shared).toBe(0);
  });

  it('serialises to the documented, versioned format and parses back', () => {
    const text = serializeFingerprint(fp);
    expect(looksLikeFingerprint(text)).toBe(true);
    const doc = JSON.parse(text);
    expect(Object.keys(doc)).toEqual(['format', 'version', 'tool', 'hash', 'rows', 'fields', 'sets', 'sketch']);
    expect(doc).toMatchObject({ format: 'leakcheck-fingerprint', version: 1, hash: { algorithm: 'HMAC-SHA-256', bits: 64, keyCheck: fp.keyCheck } });
    const back = parseFingerprint(text);
    expect(back.counts).toEqual(fp.counts);
    expect([...back.sets.ids!]).toEqual([...fp.sets.ids!]);
    expect([...back.sketch.hashes]).toEqual([...fp.sketch.hashes]);
    const sketchOnly = parseFingerprint(serializeFingerprint(fp, { sketchOnly: true }));
    expect(sketchOnly.sets).toEqual({});
    expect(sketchOnly.counts).toEqual(fp.counts);
  });

  it('contains no raw identifier, name or mobile number', () => {
    const text = serializeFingerprint(fp);
    for (const r of rows) {
      for (const f of ['beneficiary_reference_id', 'aadhaar_number', 'mobile_number', 'name']) {
        expect(text.includes(String(r[f]))).toBe(false);
      }
      expect(text.toLowerCase().includes(String(r.name).toLowerCase().replace(/\s+/g, ''))).toBe(false);
    }
  });

  it('refuses files it cannot read faithfully', () => {
    const doc = JSON.parse(serializeFingerprint(fp));
    expect(() => parseFingerprint('{"format":"other"}')).toThrow(/not a leakcheck fingerprint/);
    expect(() => parseFingerprint(JSON.stringify({ ...doc, version: 2 }))).toThrow(/version 2/);
    expect(() => parseFingerprint('not json')).toThrow(/not valid JSON/);
    const reversed = Buffer.from(doc.sets.ids.hashes, 'base64');
    const swapped = Buffer.concat([reversed.subarray(8, 16), reversed.subarray(0, 8), reversed.subarray(16)]).toString('base64');
    expect(() => parseFingerprint(JSON.stringify({ ...doc, sets: { ...doc.sets, ids: { ...doc.sets.ids, hashes: swapped } } }))).toThrow(/not sorted/);
    expect(() => parseFingerprint(JSON.stringify({ ...doc, sets: { ...doc.sets, people: { count: 3, hashes: doc.sets.people.hashes } } }))).toThrow(/count says 3/);
  });
});

describe('compare', () => {
  it('matches records across column order, date formats and gender spellings', () => {
    const kh = new EphemeralKeyHash();
    const changed = rows.map((r) => {
      const [d, m, y] = String(r.dose1_date || '--').split('-');
      const out: Fields = {};
      for (const k of Object.keys(r).reverse()) out[k] = r[k];
      if (r.dose1_date) out.dose1_date = `${y}-${m}-${d}`;
      out.gender = String(r.gender)[0];
      out.name = String(r.name).toUpperCase();
      return out;
    });
    const c = compareFingerprints(fingerprint(kh, rows), fingerprint(kh, changed.slice(0, 200)), side, side);
    expect(c.overlap.records.shared).toBe(200);
    expect(c.overlap.people.shared).toBe(200);
    expect(c.overlap.people.shareOfB).toBe(1);
    expect(c.overlap.people.shareOfA).toBe(0.5);
    expect(c.recycled).toBe(true);
  });

  it('estimates overlap from the sketches alone within a few percent', () => {
    const kh = new HmacKeyHash(Buffer.from('sketch test')); // fixed key: a reproducible sketch
    const all = fieldsOf(people(new Random(9), 6000, { asOf: dayNumber(2022, 6, 30) }).map(fullRow));
    const a = fingerprint(kh, all.slice(0, 4000));
    const b = fingerprint(kh, all.slice(2000));
    const exact = compareFingerprints(a, b, side, side).overlap.people.shared!;
    const sketched = compareFingerprints(
      parseFingerprint(serializeFingerprint(a, { sketchOnly: true })),
      parseFingerprint(serializeFingerprint(b, { sketchOnly: true })),
      side,
      side,
    );
    expect(sketched.overlap.people.estimated).toBe(true);
    expect(sketched.overlap.records.shared).toBeNull();
    expect(Math.abs(sketched.overlap.people.shared! - exact) / exact).toBeLessThan(0.15);
  });

  it('sketchJaccard is the share of the union\'s k smallest found in both', () => {
    const set = (from: number, to: number): BigUint64Array => {
      const s = new HashSet64();
      for (let i = from; i < to; i++) s.add(0, i + 1);
      return s.sorted();
    };
    expect(sketchJaccard(set(0, 100), set(0, 100), 50)).toBe(1);
    expect(sketchJaccard(set(0, 100), set(100, 200), 50)).toBe(0);
    expect(sketchJaccard(set(0, 10), set(5, 15), 100)).toBeCloseTo(5 / 15);
  });

  it('finds no material overlap between unrelated samples', () => {
    const kh = new EphemeralKeyHash();
    const other = fieldsOf(people(new Random(43), 400, { asOf: dayNumber(2022, 6, 30) }).map(fullRow));
    const c = compareFingerprints(fingerprint(kh, rows), fingerprint(kh, other), side, side);
    expect(c.recycled).toBe(false);
    expect(c.overlap.records.shared).toBe(0);
    expect(c.overlap.ids.shared).toBe(0);
  });
});
