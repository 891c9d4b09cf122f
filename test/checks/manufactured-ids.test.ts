// manufactured-ids: ids issued in sequence or at an even step, or squeezed into a narrow range.
import { describe, expect, it } from 'vitest';
import check from '../../src/checks/manufactured-ids.js';
import { dayNumber } from '../../src/dates.js';
import { fullRow } from '../../src/synth/padded.js';
import { people } from '../../src/synth/people.js';
import { Random } from '../../src/synth/random.js';
import { fakerRow } from '../../src/synth/samples.js';
import { verhoeffCheckDigit } from '../../src/validators/aadhaar.js';
import { runCheck } from '../support/run-check.js';
import { fieldsOf } from '../dedupe/support.js';

const r = new Random(5);

describe('manufactured-ids', () => {
  it('flags sequential reference ids, in any row order', () => {
    const ids = Array.from({ length: 200 }, (_, i) => ({ beneficiary_reference_id: String(41371803146720 + i), name: `P${i}` }));
    const res = runCheck(check, r.shuffle(ids));
    expect(res.status).toBe('warn');
    expect(res.violations).toBe(200);
    expect(res.applicable).toBe(200);
    expect(res.examples[0].message).toMatch(/evenly spaced: 100% of the gaps between sorted ids are exactly 1/);
    expect(res.examples[0].field).toBe('beneficiary_reference_id');
    expect(res.examples[0].row).toBeGreaterThan(0);
    expect(res.data).toEqual({ beneficiary_reference_id: 'even' });
  });

  it('shows a repeated id on its earliest row', () => {
    const ids = Array.from({ length: 40 }, (_, i) => String(41371803146720 + i));
    // The same ids again, in other orders: each example must still name the row where its id first appeared.
    const rows = [...ids, ...[...ids].reverse(), ...r.shuffle([...ids])].map((id) => ({ beneficiary_reference_id: id }));
    const res = runCheck(check, rows);
    expect(res.examples.length).toBeGreaterThan(2);
    for (const e of res.examples) expect([e.value, e.row]).toEqual([e.value, ids.indexOf(e.value!) + 1]);
  });

  it('flags ids at an even step even with some gaps', () => {
    const ids = Array.from({ length: 300 }, (_, i) => 20133889002966 + i * 7919).filter((_, i) => i % 5 !== 0);
    const res = runCheck(check, ids.map((v) => ({ beneficiary_reference_id: String(v) })));
    expect(res.examples[0].message).toMatch(/exactly 7,919/);
  });

  it('flags Aadhaar numbers whose payloads count up, valid check digits and all', () => {
    const rows = Array.from({ length: 60 }, (_, i) => {
      const payload = String(23456789012 + i);
      return { aadhaar_number: payload + verhoeffCheckDigit(payload) };
    });
    expect(runCheck(check, rows).data).toEqual({ aadhaar_number: 'even' });
  });

  it('flags ids drawn from a sliver of their range (Faker-style)', () => {
    const s = new Random(20230612);
    const rows = fieldsOf(Array.from({ length: 300 }, (_, i) => fakerRow(s, i)));
    const res = runCheck(check, rows);
    expect(res.data).toEqual({ beneficiary_reference_id: 'narrow' });
    expect(res.examples[0].message).toMatch(/span only [\d,]+ of the 14-digit range/);
    expect(res.violations).toBe(300);
  });

  it('passes genuine-shaped ids: random reference ids, Aadhaar and mobile numbers', () => {
    const rows = fieldsOf(people(new Random(3), 3000, { asOf: dayNumber(2022, 6, 30) }).map(fullRow));
    const res = runCheck(check, rows);
    expect(res.applicable).toBe(3000);
    expect(res.violations).toBe(0);
    expect(res.status).toBe('pass');
  });

  it('does not judge fewer than 20 distinct ids', () => {
    const ids = Array.from({ length: 19 }, (_, i) => ({ beneficiary_reference_id: String(41371803146720 + i) }));
    expect(runCheck(check, ids).violations).toBe(0);
  });
});
