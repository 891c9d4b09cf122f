// center-conflict: one centre id with different names, districts or PIN codes.
import { describe, expect, it } from 'vitest';
import check from '../../src/checks/center-conflict.js';
import { runCheck } from '../support/run-check.js';

describe('center-conflict', () => {
  it('centre records: another name, district or PIN under one id', () => {
    const base = { center_id: '564712', center_name: 'Morigere PHC', district_name: 'Bellary', pincode: '583220' };
    const r = runCheck(check, [
      base,
      { ...base, center_name: 'MORIGERE  PHC' },
      { ...base, center_name: 'Hadagali CHC' },
      { ...base, district_name: 'Koppal' },
      { ...base, pincode: '583221' },
      { ...base, center_id: '564713', center_name: 'Hadagali CHC' },
    ]);
    expect([r.applicable, r.violations]).toEqual([4, 3]);
    expect(r.examples.map((e) => e.message)).toEqual([
      'centre 564712 also on row 1 under another name',
      'centre 564712 also on row 1 in another district',
      'centre 564712 also on row 1 with another PIN code',
    ]);
  });

  it('records about people: the PIN may be the person\'s, so only its state must agree', () => {
    const row = (pincode: string) => ({ center_id: '564712', center_name: 'Morigere PHC', pincode, mobile_number: '9876543210' });
    const r = runCheck(check, [row('583220'), row('560001'), row('110001')]);
    expect([r.applicable, r.violations]).toEqual([2, 1]);
    expect(r.examples[0]).toMatchObject({ row: 3, message: 'centre 564712 also on row 1 with a PIN of another state' });
  });

  it('without a centre-name column, centre records carry the centre\'s name in name', () => {
    const r = runCheck(check, [
      { center_id: '564712', name: 'Morigere PHC' },
      { center_id: '564712', name: 'Hadagali CHC' },
    ]);
    expect(r.violations).toBe(1);
    const people = runCheck(check, [
      { center_id: '564712', name: 'Asha Rao', beneficiary_reference_id: '12345678901234' },
      { center_id: '564712', name: 'Ravi Rao', beneficiary_reference_id: '12345678901235' },
    ]);
    expect(people.applicable).toBe(0);
  });
});
