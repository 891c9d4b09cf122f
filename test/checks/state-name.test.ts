import { describe, expect, it } from 'vitest';
import check from '../../src/checks/state-name.js';
import { runFormatCheck } from '../formats/harness.js';

describe('state-name', () => {
  it("accepts CoWin's state names and their variants, and reports names CoWin never had", () => {
    const { findings, result } = runFormatCheck(check, [
      { state_name: 'Karnataka' },
      { state_name: 'karnataka ' },
      { state_name: 'Orissa' },
      { state_name: 'Andaman & Nicobar Islands' },
      { state_name: 'Andra Pradesh' },
      { state_name: 'California' },
    ]);
    expect(result.applicable).toBe(6);
    expect(findings.map((f) => f.row)).toEqual([5, 6]);
  });
});
