// pin-state: a PIN code against the record's state.
import { describe, expect, it } from 'vitest';
import check from '../../src/checks/pin-state.js';
import { runCheck } from '../support/run-check.js';

describe('pin-state', () => {
  it('accepts a PIN of the state (directory, then prefix) and reports one of another state', () => {
    const r = runCheck(check, [
      { pincode: '583220', state_name: 'Karnataka' },
      { pincode: '110 001', state_name: 'Delhi' },
      { pincode: '110001', state_name: 'Karnataka' },
    ]);
    expect([r.applicable, r.violations]).toEqual([3, 1]);
    expect(r.examples[0]).toMatchObject({ row: 3, field: 'pincode', value: '110001', message: 'PIN 110001 is in Delhi, not Karnataka' });
  });

  it('does not judge Army Postal Service PINs, unknown states or malformed PINs', () => {
    const r = runCheck(check, [
      { pincode: '999001', state_name: 'Karnataka' },
      { pincode: '583220', state_name: 'Ruritania' },
      { pincode: '58322', state_name: 'Karnataka' },
    ]);
    expect(r.applicable).toBe(0);
  });
});
