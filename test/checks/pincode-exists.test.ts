import { describe, expect, it } from 'vitest';
import check from '../../src/checks/pincode-exists.js';
import { Random } from '../../src/synth/random.js';
import { runFormatCheck } from '../formats/harness.js';

describe('pincode-exists', () => {
  it('passes directory PINs (indian-id-formats.md §2.13 known PINs) and names the others', () => {
    const { findings } = runFormatCheck(check, [
      { pincode: '110001' },
      { pincode: '560001' },
      { pincode: '744101' },
      { pincode: '100001' },
      { pincode: '011001' },
      { pincode: '999999' },
    ]);
    expect(findings.map((f) => [f.row, f.messageId])).toEqual([
      [4, 'unknown'],
      [5, 'shape'],
      [6, 'aps'],
    ]);
  });

  it('fails about 98% of random 6-digit numbers (2.13% are real PINs)', () => {
    const r = new Random(11);
    const { result } = runFormatCheck(check, Array.from({ length: 2000 }, () => ({ pincode: String(r.int(100000, 999999)) })));
    expect(result.rate).toBeGreaterThan(0.96);
    expect(result.rate).toBeLessThan(0.995);
  });
});
