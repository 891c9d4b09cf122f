import { describe, expect, it } from 'vitest';
import check from '../../src/checks/id-formats.js';
import { runFormatCheck } from '../formats/harness.js';

describe('id-formats', () => {
  it('reference ids: 14 digits; 13 is the documentation example length', () => {
    const { findings } = runFormatCheck(check, [
      { beneficiary_reference_id: '41371803146720' },
      { beneficiary_reference_id: '1234567890123' },
      { beneficiary_reference_id: '4137180314672X' },
    ]);
    expect(findings.map((f) => [f.row, f.messageId])).toEqual([
      [2, 'ref-doc-length'],
      [3, 'ref-shape'],
    ]);
  });

  it('certificate ids: 11 digits from 10000000000 (DIVOC); session and appointment ids: UUID v4', () => {
    const { findings, result } = runFormatCheck(check, [
      { certificate_id: '32630784022', session_id: '6d4478fc-195a-47a0-b7d9-afc6eda86c9b' },
      { certificate_id: '02630784022', session_id: '6d4478fc-195a-17a0-b7d9-afc6eda86c9b' },
      { certificate_id: '987654321098', appointment_id: 'not-a-uuid' },
    ]);
    expect(findings.map((f) => [f.row, f.field])).toEqual([
      [2, 'certificate_id'],
      [2, 'session_id'],
      [3, 'certificate_id'],
      [3, 'appointment_id'],
    ]);
    expect(result.fields?.find((f) => f.field === 'certificate_id')).toEqual({ field: 'certificate_id', applicable: 3, violations: 2, rate: 2 / 3 });
  });
});
