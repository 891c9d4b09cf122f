// aadhaar-first-digit: unmasked Aadhaar numbers never start with 0 or 1; digit shares in the data.
import { describe, expect, it } from 'vitest';
import check from '../../src/checks/aadhaar-first-digit.js';
import { Random } from '../../src/synth/random.js';
import { genuineRows } from '../support/genuine-people.js';
import { runCheck } from '../support/run-check.js';

describe('aadhaar-first-digit', () => {
  it('passes genuine-like numbers, first digits spread over 2-9', () => {
    const r = runCheck(check, genuineRows(1000));
    expect(r.violations).toBe(0);
    expect(r.data!.digit0).toBe(0);
    expect(r.data!.digit5).toBeGreaterThan(0.08);
  });

  it("flags random 12-digit strings (Faker's string.numeric(12))", () => {
    const rnd = new Random(5);
    const r = runCheck(check, Array.from({ length: 500 }, () => ({ aadhaar_number: rnd.digits(12) })));
    expect(r.rate!).toBeGreaterThan(0.15);
    expect(r.rate!).toBeLessThan(0.25);
  });

  it('ignores masked numbers and other photo IDs', () => {
    const r = runCheck(check, [{ aadhaar_number: 'XXXXXXXX1234' }, { photo_id_type: 'PAN Card', photo_id_number: '012345678901' }]);
    expect(r.applicable).toBe(0);
  });
});
