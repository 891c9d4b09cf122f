// duplicate-ids: unique identifiers that repeat, and Aadhaar numbers differing only in the check digit.
import { describe, expect, it } from 'vitest';
import check from '../../src/checks/duplicate-ids.js';
import { verhoeffCheckDigit } from '../../src/validators/aadhaar.js';
import { dict, type SampleRecord } from '../../src/types.js';
import { runCheck } from '../support/run-check.js';
import { allFindings, allFindingsOf } from '../dedupe/support.js';

describe('duplicate-ids', () => {
  it('reports each repeated kind with the row it repeats, one finding per row, counts per kind', () => {
    const rows = [
      { beneficiary_reference_id: '41371803146720', aadhaar_number: '234567890124', certificate_id: '1234567890' },
      { beneficiary_reference_id: '41371803146720', aadhaar_number: '345678901235', certificate_id: '1234567891' },
      { beneficiary_reference_id: '15969211687040', aadhaar_number: '2345 6789 0124', certificate_id: '1234567892' },
      { beneficiary_reference_id: '41371803146720', aadhaar_number: '234567890124', certificate_id: '1234567890' },
      { beneficiary_reference_id: '99999999999999', pan_number: 'abcpk1234d' },
      { beneficiary_reference_id: '88888888888888', photo_id_number: 'ABCPK1234D' },
    ];
    const { findings, outcome, applicable } = allFindings(check, rows);
    expect(applicable).toBe(6);
    expect(findings.map((f) => [f.row, f.messageId, f.field, f.data?.firstRow])).toEqual([
      [2, 'ref', 'beneficiary_reference_id', 1],
      [3, 'idnum', 'aadhaar_number', 1],
      [4, 'ref', 'beneficiary_reference_id', 1],
      [6, 'idnum', 'photo_id_number', 5],
    ]);
    expect(outcome.data).toMatchObject({ refRepeats: 2, refKeysRepeated: 1, idnumRepeats: 3, idnumKeysRepeated: 2, certRepeats: 1, certKeysRepeated: 1 });
    expect(outcome.summary).toMatch(/2 rows repeat 1 beneficiary reference id\b/);
  });

  it('does not count the same number given as Aadhaar and as photo ID on one row', () => {
    const rows = [
      { aadhaar_number: '234567890124', photo_id_number: '234567890124' },
      { aadhaar_number: '345678901235', photo_id_number: '345678901235' },
    ];
    expect(allFindings(check, rows).findings).toEqual([]);
  });

  it('ignores masked and short values', () => {
    const rows = [
      { beneficiary_reference_id: '12345', photo_id_number: 'XXXXXXXX5438' },
      { beneficiary_reference_id: '12345', photo_id_number: 'XXXXXXXX5438' },
      { beneficiary_reference_id: '67890', photo_id_number: '********5438' },
    ];
    const r = runCheck(check, rows);
    expect(r.applicable).toBe(0);
    expect(r.violations).toBe(0);
  });

  it('keys reference id and ID number per dose when a dose number is mapped', () => {
    const rows = [
      { beneficiary_reference_id: '41371803146720', aadhaar_number: '234567890124', dose: '1' },
      { beneficiary_reference_id: '41371803146720', aadhaar_number: '234567890124', dose: '2' },
      { beneficiary_reference_id: '41371803146720', aadhaar_number: '234567890124', dose: '2' },
    ];
    expect(allFindings(check, rows).findings.map((f) => [f.row, f.messageId])).toEqual([[3, 'ref']]);
  });

  it('reports Aadhaar numbers sharing the first 11 digits with a different check digit', () => {
    const payload = '23456789012';
    const valid = payload + verhoeffCheckDigit(payload);
    const other = payload + ((verhoeffCheckDigit(payload) + 3) % 10);
    const { findings, outcome } = allFindings(check, [{ aadhaar_number: valid }, { aadhaar_number: other }, { aadhaar_number: valid }]);
    expect(findings.map((f) => [f.row, f.messageId, f.data?.firstRow])).toEqual([
      [2, 'check-digit', 1],
      [3, 'idnum', 1],
    ]);
    expect(outcome.data).toMatchObject({ checkDigitVariants: 1, idnumRepeats: 1 });
  });

  it('treats session ids as keys only in records about no person', () => {
    const sessions = [{ session_id: 'a1b2c3d4-0000', center_id: '564712' }, { session_id: 'a1b2c3d4-0000', center_id: '564712' }];
    expect(allFindings(check, sessions).findings.map((f) => f.messageId)).toEqual(['session']);
    const attendees = [
      { name: 'Ravi Kumar', session_id: 'a1b2c3d4-0000' },
      { name: 'Sita Devi', session_id: 'a1b2c3d4-0000' },
    ];
    expect(allFindings(check, attendees).findings).toEqual([]);
  });

  it('reads appointment ids inside a JSON record\'s appointments', () => {
    const rec = (row: number, ref: string, appt: string): SampleRecord => {
      const fields = dict<string>();
      fields.beneficiary_reference_id = ref;
      return { row, line: row + 1, fields, nested: new Map([['appointments', [new Map([['appointment_id', appt]])]]]) };
    };
    const { findings } = allFindingsOf(check, [rec(1, '11111111111111', 'f1e2d3c4-b5a6'), rec(2, '22222222222222', 'f1e2d3c4-b5a6')]);
    expect(findings.map((f) => [f.row, f.messageId, f.field])).toEqual([[2, 'appointment', 'appointment_id']]);
  });
});
