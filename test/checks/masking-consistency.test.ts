import { describe, expect, it } from 'vitest';
import check from '../../src/checks/masking-consistency.js';
import { runFormatCheck } from '../formats/harness.js';

describe('masking-consistency', () => {
  it('in a sample shaped like the citizen API, full numbers did not come from it, and the summary names the access path they imply', () => {
    const { findings, result } = runFormatCheck(
      check,
      [
        { mobile_number: '9743', photo_id_number: 'XXXXXXXX1234' },
        { mobile_number: '******1403', photo_id_number: '********3405' },
        { mobile_number: '9876501234', photo_id_number: '234123412346' },
        { mobile_number: '5945', photo_id_number: 'XXXX56781234' },
        { mobile_number: '8765', photo_id_number: 'ABCPKXXXXZ' },
        { mobile_number: '1234', photo_id_number: 'XXXXXXXX123X' },
      ],
      { profile: 'cowin-beneficiary' },
    );
    expect(result.applicable).toBe(12);
    expect(findings.map((f) => [f.row, f.field, f.messageId])).toEqual([
      [3, 'mobile_number', 'unmasked-mobile'],
      [3, 'photo_id_number', 'unmasked-id'],
      [4, 'photo_id_number', 'too-visible'],
    ]);
    expect(result.summary).toMatch(/^2 of 12 mobile and ID numbers are unmasked; /);
    expect(result.summary).toContain('GET /v2/appointment/beneficiaries');
    expect(result.summary).toContain('back-end or vaccinator-side');
    expect(result.data).toEqual({ impliedAccess: 'a back-end or vaccinator-side channel' });
    // No personal value in a message's data.
    for (const f of findings) for (const v of Object.values(f.data ?? {})) expect(String(v)).not.toMatch(/\d{6,}/);
  });

  it('certificates show the ID masked inside the DID', () => {
    const { findings } = runFormatCheck(check, [{ photo_id_number: 'did:Aadhaar Card:********1234' }, { photo_id_number: 'did:aadhaarcard:234123412346' }], {
      profile: 'divoc-certificate',
    });
    expect(findings.map((f) => [f.row, f.messageId])).toEqual([[2, 'unmasked-id']]);
  });

  it('a back-end export holding citizen-API masking is inconsistent too; no claimed format, no judgement', () => {
    const back = runFormatCheck(check, [{ mobile_number: '9876501234', aadhaar_number: '234123412346' }, { mobile_number: '******1234', aadhaar_number: 'XXXXXXXX2346' }], {
      profile: 'cowin-vaccinator-export',
    });
    expect(back.findings.map((f) => [f.row, f.field, f.messageId])).toEqual([
      [2, 'mobile_number', 'masked'],
      [2, 'aadhaar_number', 'masked'],
    ]);
    const none = runFormatCheck(check, [{ mobile_number: '9876501234' }]);
    expect(none.result.status).toBe('skip');
    const pub = runFormatCheck(check, [{ mobile_number: '9876501234' }], { profile: 'cowin-public-sessions' });
    expect(pub.result.applicable).toBe(0);
  });
});
