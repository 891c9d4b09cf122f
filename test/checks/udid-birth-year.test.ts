// udid-birth-year: characters 8-11 of a UDID against the birth year.
import { describe, expect, it } from 'vitest';
import check from '../../src/checks/udid-birth-year.js';
import { runCheck } from '../support/run-check.js';

// State MH, district 02, CMO 1, disability 01, born 1987, serial 001234, check 5.
const UDID = 'MH0210119870012345';

describe('udid-birth-year', () => {
  it('the UDID year must equal birth_year or the year of date_of_birth', () => {
    const r = runCheck(check, [
      { photo_id_number: UDID, birth_year: '1987' },
      { photo_id_number: UDID, birth_year: '1988' },
      { photo_id_number: UDID, date_of_birth: '1987-05-01' },
      { photo_id_number: UDID, date_of_birth: '01-05-1986' },
    ]);
    expect([r.applicable, r.violations]).toEqual([4, 2]);
    expect(r.examples.map((e) => e.row)).toEqual([2, 4]);
    expect(r.examples[0].message).toBe('UDID gives year of birth 1987, the record 1988');
  });

  it('ignores masked or non-UDID numbers and records without a birth year or date of birth', () => {
    const r = runCheck(check, [
      { photo_id_number: 'XXXXXXXXXXXXXX2345', birth_year: '1987' },
      { photo_id_number: '234567890124', birth_year: '1987' },
      { photo_id_number: UDID, age: '34' },
    ]);
    expect(r.applicable).toBe(0);
  });
});
