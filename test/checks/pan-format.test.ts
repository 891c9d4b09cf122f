import { describe, expect, it } from 'vitest';
import check from '../../src/checks/pan-format.js';
import { runFormatCheck } from '../formats/harness.js';

describe('pan-format', () => {
  it("passes an individual's PAN and names what is wrong with the others", () => {
    const { findings, result } = runFormatCheck(check, [
      { pan_number: 'ABCPK1234Z' },
      { pan_number: 'abcpk 1234 z' },
      { pan_number: 'ABCCK1234Z' },
      { pan_number: 'ABCPK0000Z' },
      { pan_number: 'ABCEK1234Z' },
      { pan_number: 'ABC12345' },
    ]);
    expect(result.applicable).toBe(6);
    expect(findings.map((f) => [f.row, f.messageId])).toEqual([
      [3, 'person'],
      [4, 'serial-0000'],
      [5, 'holder-type'],
      [6, 'shape'],
    ]);
  });

  it('checks only the holder type of a CBDT-masked PAN, and PAN photo IDs only', () => {
    const { findings } = runFormatCheck(check, [
      { pan_number: 'ABCPKXXXXZ' },
      { pan_number: 'ABCFKXXXXZ' },
      { photo_id_type: 'PAN Card', photo_id_number: 'ABCTK1234Z' },
      { photo_id_type: 'Passport', photo_id_number: 'ABCTK1234Z' },
    ]);
    expect(findings.map((f) => [f.row, f.field, f.messageId])).toEqual([
      [2, 'pan_number', 'person'],
      [3, 'photo_id_number', 'person'],
    ]);
  });
});
