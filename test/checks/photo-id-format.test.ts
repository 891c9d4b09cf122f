import { describe, expect, it } from 'vitest';
import check from '../../src/checks/photo-id-format.js';
import { runFormatCheck } from '../formats/harness.js';

describe('photo-id-format', () => {
  it('judges unmasked numbers against the hard rules of their declared type', () => {
    const { findings, result } = runFormatCheck(check, [
      { photo_id_type: 'Passport', photo_id_number: 'K1234567' },
      { photo_id_type: 'Passport', photo_id_number: 'KA123456' },
      { photo_id_type: 'Voter ID', photo_id_number: 'QQQ1234567' },
      { photo_id_type: 'Voter ID', photo_id_number: 'QQ12345678' },
      { photo_id_type: 'Driving License', photo_id_number: 'MH0420150346015' },
    ]);
    expect(result.applicable).toBe(5);
    expect(findings.map((f) => f.row)).toEqual([2, 4]);
    // An e-passport number (2 letters + 6 digits) was issued only from 2024.
    expect(findings[0].data).toMatchObject({ type: 'Passport' });
    expect(String(findings[0].data?.rule)).toMatch(/e-passport/);
    expect(findings[1].data).toMatchObject({ type: 'Voter ID' });
  });

  it('leaves masked numbers, unknown types, and Aadhaar and PAN (their own checks) alone', () => {
    const { result } = runFormatCheck(check, [
      { photo_id_type: 'Passport', photo_id_number: 'XXXXXXXX4567' },
      { photo_id_type: 'Library card', photo_id_number: '12' },
      { photo_id_type: 'Aadhaar Card', photo_id_number: '123' },
      { photo_id_type: 'PAN Card', photo_id_number: '123' },
    ]);
    expect(result.applicable).toBe(0);
  });
});
