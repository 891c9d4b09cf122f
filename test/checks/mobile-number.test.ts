import { describe, expect, it } from 'vitest';
import check from '../../src/checks/mobile-number.js';
import { runFormatCheck } from '../formats/harness.js';

describe('mobile-number', () => {
  it('accepts mobiles in any written form and CoWin-masked ones; names each impossible number', () => {
    const { findings, result } = runFormatCheck(check, [
      { mobile_number: '9876501234' },
      { mobile_number: '+91 98765 01234' },
      { mobile_number: '******1403' },
      { mobile_number: '9743' },
      { mobile_number: '5876501234' },
      // 80 is Bengaluru's STD code: 8022... is allotted to landlines only (indian-id-formats.md §2.12).
      { mobile_number: '8022334455' },
      { mobile_number: '9999999999' },
      { mobile_number: '98765' },
    ]);
    expect(result.applicable).toBe(8);
    expect(findings.map((f) => [f.row, f.messageId])).toEqual([
      [5, 'series'],
      [6, 'fixed-line'],
      [7, 'invented'],
      [8, 'shape'],
    ]);
  });
});
