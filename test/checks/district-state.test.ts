// district-state: (state, district) against CoWin's district list.
import { describe, expect, it } from 'vitest';
import check from '../../src/checks/district-state.js';
import { runCheck } from '../support/run-check.js';

describe('district-state', () => {
  it('accepts CoWin pairs in any case or spacing, and names repeated across states', () => {
    const r = runCheck(check, [
      { state_name: 'Karnataka', district_name: 'Bellary' },
      { state_name: 'KARNATAKA', district_name: ' bellary ' },
      { state_name: 'Bihar', district_name: 'Aurangabad' },
      { state_name: 'Maharashtra', district_name: 'Aurangabad' },
      { state_name: 'Orissa', district_name: 'Khurda' },
    ]);
    expect([r.applicable, r.violations]).toEqual([5, 0]);
  });

  it('reports a district of another state, and one of no state', () => {
    const r = runCheck(check, [
      { state_name: 'Maharashtra', district_name: 'Bellary' },
      { state_name: 'Karnataka', district_name: 'Atlantis' },
    ]);
    expect(r.violations).toBe(2);
    expect(r.examples.map((e) => e.message)).toEqual([
      'district "Bellary" is not in Maharashtra: CoWin lists it under Karnataka',
      'district "Atlantis" is not a CoWin district of Karnataka, nor of any state',
    ]);
    expect(r.data).toMatchObject({ otherState: 1, unknown: 1 });
  });

  it('does not judge unknown states or records missing either name', () => {
    const r = runCheck(check, [
      { state_name: 'Ruritania', district_name: 'Bellary' },
      { state_name: 'Karnataka', district_name: '' },
    ]);
    expect(r.applicable).toBe(0);
  });
});
