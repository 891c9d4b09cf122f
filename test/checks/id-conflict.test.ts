// id-conflict: one ID number or reference id under different names, birth years or mobile numbers.
import { describe, expect, it } from 'vitest';
import check from '../../src/checks/id-conflict.js';
import { DEFAULT_MAX_SLOTS_LOG2 } from '../../src/checks/support/key-table.js';
import { runCheck } from '../support/run-check.js';

const AADHAAR = '234567890124';

describe('id-conflict', () => {
  it('the same Aadhaar under another name is a conflict; the same name spelt otherwise is not', () => {
    const r = runCheck(check, [
      { aadhaar_number: AADHAAR, name: 'Asha Rao', birth_year: '1980' },
      { aadhaar_number: '2345 6789 0124', name: 'ASHA  RAO.', birth_year: '1980' },
      { aadhaar_number: AADHAAR, name: 'Ravi Rao', birth_year: '1980' },
    ]);
    expect([r.applicable, r.violations]).toEqual([2, 1]);
    expect(r.examples[0]).toMatchObject({ row: 3, field: 'aadhaar_number', message: 'ID number also on row 1 under another name' });
  });

  it('another birth year, or another mobile number (masked tails compared), is a conflict', () => {
    const r = runCheck(check, [
      { photo_id_number: 'ABC1234567', name: 'Asha Rao', birth_year: '1980', mobile_number: '9876543210' },
      { photo_id_number: 'ABC1234567', name: 'Asha Rao', birth_year: '1981', mobile_number: '9876543210' },
      { photo_id_number: 'ABC1234567', name: 'Asha Rao', birth_year: '1980', mobile_number: '1111' },
      { photo_id_number: 'ABC1234567', name: 'Asha Rao', birth_year: '1980', mobile_number: '3210' },
    ]);
    expect([r.applicable, r.violations]).toEqual([3, 2]);
    expect(r.examples.map((e) => e.message)).toEqual([
      'ID number also on row 1 with birth year 1980, here 1981',
      'ID number also on row 1 with another mobile number',
    ]);
  });

  it('one reference id for two people', () => {
    const r = runCheck(check, [
      { beneficiary_reference_id: '12345678901234', name: 'Asha Rao' },
      { beneficiary_reference_id: '12345678901234', name: 'Ravi Rao' },
    ]);
    expect(r.examples[0]).toMatchObject({ field: 'beneficiary_reference_id', message: 'reference id also on row 1 under another name' });
  });

  it('an Aadhaar given in two columns of one record is one key; masked and short ids are ignored', () => {
    const r = runCheck(check, [
      { aadhaar_number: AADHAAR, photo_id_number: AADHAAR, name: 'Asha Rao' },
      { photo_id_number: 'XXXXXXXX0124', name: 'Ravi Rao' },
      { photo_id_number: 'XXXXXXXX0124', name: 'Mohan Rao' },
      { photo_id_number: '12345', name: 'Ravi Rao' },
      { photo_id_number: '12345', name: 'Mohan Rao' },
    ]);
    expect([r.applicable, r.violations]).toEqual([0, 0]);
  });

  it('the same id across Aadhaar and photo-ID columns of different records is one key', () => {
    const r = runCheck(check, [
      { aadhaar_number: AADHAAR, name: 'Asha Rao' },
      { photo_id_number: AADHAAR, name: 'Ravi Rao' },
    ]);
    expect(r.violations).toBe(1);
  });

  it('says when it followed only a hash sample of the ids, even when none repeats', () => {
    // More distinct ids than the table holds (3/4 of its slots): it halves the ids it follows.
    const n = (1 << DEFAULT_MAX_SLOTS_LOG2) * 0.8;
    const rows = Array.from({ length: n }, (_, i) => ({ beneficiary_reference_id: String(10_000_000_000_000 + i) }));
    const r = runCheck(check, rows);
    expect(r.violations).toBe(0);
    expect(r.summary).toBe('no id repeats (a hash sample of 50.0% of ids)');
    expect(r.data).toEqual({ sampled: 0.5 });
    // Within the cap, a pass needs no summary.
    expect(runCheck(check, rows.slice(0, 1000)).summary).toBe('');
  });
});
