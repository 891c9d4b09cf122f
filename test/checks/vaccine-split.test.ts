// vaccine-split: the vaccine split against CoWin's ~85% Covishield, ~13.5% Covaxin.
import { describe, expect, it } from 'vitest';
import check from '../../src/checks/vaccine-split.js';
import { BASELINES } from '../../src/evidence.js';
import { genuineRows } from '../support/genuine-people.js';
import { runCheck } from '../support/run-check.js';

describe('vaccine-split', () => {
  it('passes the genuine-like split', () => {
    const r = runCheck(check, genuineRows(1000));
    expect(r.rate!).toBeLessThan(BASELINES.get('vaccine-split')!.genuine / 2);
  });

  it('flags a vaccine picked uniformly from a list', () => {
    const v = ['COVISHIELD', 'COVAXIN', 'SPUTNIK V', 'CORBEVAX'];
    const r = runCheck(check, Array.from({ length: 400 }, (_, i) => ({ vaccine: v[i % 4] })));
    expect(r.rate!).toBeGreaterThan(0.45);
    expect(r.data!['observed:other']).toBe(0.5);
  });
});
