// overlap-known: rows already in a reference sample or fingerprint; the `recycled` flag.
import { describe, expect, it } from 'vitest';
import check, { RECYCLED_MIN_SHARE, type AgainstOption } from '../../src/checks/overlap-known.js';
import { EphemeralKeyHash, FingerprintBuilder, HmacKeyHash, parseFingerprint, serializeFingerprint, type KeyHash } from '../../src/dedupe/fingerprint.js';
import { dayNumber } from '../../src/dates.js';
import { fullRow } from '../../src/synth/padded.js';
import { people } from '../../src/synth/people.js';
import { Random } from '../../src/synth/random.js';
import { runCheck, toRecords, type Fields } from '../support/run-check.js';
import { allFindings, fieldsOf } from '../dedupe/support.js';

const asOf = dayNumber(2022, 6, 30);
const known = fieldsOf(people(new Random(100), 300, { asOf }).map(fullRow));
const fresh = fieldsOf(people(new Random(101), 300, { asOf }).map(fullRow));

function against(kh: KeyHash, ...refs: Fields[][]): AgainstOption {
  return {
    keyHash: kh,
    references: refs.map((rows, i) => {
      const b = new FingerprintBuilder(kh);
      for (const rec of toRecords(rows)) b.record(rec);
      return { label: `ref${i + 1}.csv`, fingerprint: b.finish() };
    }),
  };
}

describe('overlap-known', () => {
  it('does not apply without --against', () => {
    const r = runCheck(check, known);
    expect(r.status).toBe('skip');
    expect(r.applicable).toBe(0);
  });

  it('finds every row of a recycled sample and flags it', () => {
    const kh = new EphemeralKeyHash();
    const { findings, outcome, applicable } = allFindings(check, new Random(1).shuffle([...known]), { against: against(kh, known) });
    expect(applicable).toBe(300);
    expect(findings).toHaveLength(300);
    expect(findings[0].data).toEqual({ reference: 'ref1.csv', what: 'the whole record' });
    expect(outcome.flags).toEqual(['recycled']);
    expect(outcome.data).toMatchObject({ rowsKnown: 300, sharedPeople: 300, sharedRecords: 300 });
  });

  it('matches people and identifiers when the records differ (an enriched or re-typed copy)', () => {
    const kh = new HmacKeyHash(Buffer.from('k'));
    const edited = known.slice(0, 100).map((r) => ({ ...r, name: String(r.name).toUpperCase(), email: 'x@example.com' }));
    const { findings, outcome } = allFindings(check, [...edited, ...fresh], { against: against(kh, known) });
    expect(findings).toHaveLength(100);
    expect(findings.every((f) => f.data?.what === 'an identifier')).toBe(true);
    expect(outcome.data).toMatchObject({ rowsKnown: 100, sharedRecords: 0, sharedPeople: 100 });
    expect(outcome.flags).toEqual(['recycled']); // 100 of 400 = 25%
  });

  it('does not flag overlap below the threshold, nor unrelated samples', () => {
    const kh = new EphemeralKeyHash();
    const few = Math.floor(300 * RECYCLED_MIN_SHARE) - 10;
    const some = allFindings(check, [...known.slice(0, few), ...fresh.slice(few)], { against: against(kh, known) });
    expect(some.findings).toHaveLength(few);
    expect(some.outcome.flags).toEqual([]);
    const none = allFindings(check, fresh, { against: against(kh, known) });
    expect(none.findings).toEqual([]);
    expect(none.outcome.summary).toMatch(/none of 300 rows/);
  });

  it('reads several references, and notes sketch-only ones it cannot match row by row', () => {
    const kh = new HmacKeyHash(Buffer.from('k'));
    const opt = against(kh, known.slice(0, 50), fresh.slice(0, 50));
    const sketchOnly = parseFingerprint(serializeFingerprint(opt.references[1].fingerprint, { sketchOnly: true }));
    const { outcome } = allFindings(check, [...known.slice(0, 60), ...fresh.slice(0, 60)], { against: opt });
    expect(outcome.data).toMatchObject({ references: 2, rowsKnown: 100 });
    const partial = allFindings(check, known.slice(0, 60), {
      against: { keyHash: kh, references: [opt.references[0], { label: 'old.fp', fingerprint: sketchOnly }] },
    });
    expect(partial.outcome.summary).toMatch(/old\.fp: sketch only/);
  });
});
