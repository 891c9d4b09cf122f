import { describe, expect, it } from 'vitest';
import check from '../../src/checks/aadhaar-checksum.js';
import { Random } from '../../src/synth/random.js';
import { runFormatCheck } from '../formats/harness.js';

// Test vectors from indian-id-formats.md §2.1 (Wikipedia / python-stdnum): 234123412346 and 496858245152 valid,
// 234123412347 invalid.
describe('aadhaar-checksum', () => {
  it('passes valid numbers, grouped or not, and reports each failure with its reason and row', () => {
    const { result, findings } = runFormatCheck(check, [
      { aadhaar_number: '234123412346' },
      { aadhaar_number: '4968 5824 5152' },
      { aadhaar_number: '234123412347' },
      { aadhaar_number: '134123412346' },
      { aadhaar_number: '23412341234' },
      { aadhaar_number: 'not known' },
    ]);
    expect(result.applicable).toBe(6);
    expect(findings.map((f) => [f.row, f.messageId])).toEqual([
      [3, 'checksum'],
      [4, 'first-digit'],
      [5, 'length'],
      [6, 'not-digits'],
    ]);
    expect(result.status).toBe('fail');
  });

  it('skips masked numbers: only their shape can be judged, and masking-consistency does that', () => {
    const { result } = runFormatCheck(check, [{ aadhaar_number: 'XXXXXXXX1234' }, { aadhaar_number: 'XXXX XXXX 5678' }]);
    expect(result.applicable).toBe(0);
    expect(result.status).toBe('skip');
  });

  it('judges a photo-ID number only when its type is Aadhaar (or a DID says so), with a per-field breakdown', () => {
    const { result, findings } = runFormatCheck(check, [
      { photo_id_type: 'Aadhaar Card', photo_id_number: '234123412347' },
      { photo_id_type: 'Voter ID', photo_id_number: '234123412347' },
      { photo_id_type: 'Aadhaar Card', photo_id_number: '234123412346', aadhaar_number: '234123412347' },
    ]);
    expect(findings.map((f) => [f.row, f.field])).toEqual([
      [1, 'photo_id_number'],
      [3, 'aadhaar_number'],
    ]);
    expect(result.fields).toEqual([
      { field: 'aadhaar_number', applicable: 1, violations: 1, rate: 1 },
      { field: 'photo_id_number', applicable: 2, violations: 1, rate: 0.5 },
    ]);
    const did = runFormatCheck(check, [{ photo_id_number: 'did:in.gov.uidai.aadhaar:234123412347' }], { mapped: ['photo_id_number'] });
    expect(did.findings.map((f) => f.messageId)).toEqual(['checksum']);
  });

  it('fails about 90% of uniformly random 12-digit strings, as the reference measured (Verhoeff pass ~10%, 0/1 first digit ~20%)', () => {
    const r = new Random(7);
    const rows = Array.from({ length: 2000 }, () => ({ aadhaar_number: r.digits(12) }));
    const { result } = runFormatCheck(check, rows);
    // Expected failure share: 1 - 0.8 * 0.1 = 0.92.
    expect(result.rate).toBeGreaterThan(0.89);
    expect(result.rate).toBeLessThan(0.95);
  });
});
