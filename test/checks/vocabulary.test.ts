import { describe, expect, it } from 'vitest';
import check from '../../src/checks/vocabulary.js';
import { runFormatCheck } from '../formats/harness.js';

describe('vocabulary', () => {
  it("the beneficiary API's exact spellings", () => {
    const { findings, result } = runFormatCheck(
      check,
      [
        { gender: 'Male', vaccination_status: 'Partially Vaccinated', vaccine: 'COVISHIELD', comorbidity_ind: 'N', photo_id_type: 'Aadhaar Card' },
        { gender: 'M', vaccination_status: 'Fully Vaccinated', vaccine: 'Covishield', comorbidity_ind: 'No', photo_id_type: 'aadhaar' },
      ],
      { profile: 'cowin-beneficiary' },
    );
    expect(result.applicable).toBe(10);
    expect(findings.map((f) => [f.row, f.field])).toEqual([
      [2, 'gender'],
      [2, 'vaccination_status'],
      [2, 'vaccine'],
      [2, 'comorbidity_ind'],
      [2, 'photo_id_type'],
    ]);
  });

  it('certificates and bot output: any spelling CoWin used; vaccinator records: gender ids too', () => {
    const divoc = runFormatCheck(check, [{ vaccine: 'Covaxin' }, { vaccine: 'Pfizer' }], { profile: 'divoc-certificate' });
    expect(divoc.findings.map((f) => f.row)).toEqual([2]);
    const bot = runFormatCheck(check, [{ photo_id_type: 'aadhaar' }, { photo_id_type: 'Library card' }], { profile: 'telegram-bot-2023' });
    expect(bot.findings.map((f) => f.row)).toEqual([2]);
    const vacc = runFormatCheck(check, [{ gender: '2' }, { gender: '4' }], { profile: 'cowin-vaccinator-export' });
    expect(vacc.findings.map((f) => f.row)).toEqual([2]);
    const fee = runFormatCheck(check, [{ fee_type: 'Free' }, { fee_type: 'free' }], { profile: 'cowin-public-sessions' });
    expect(fee.findings.map((f) => f.row)).toEqual([2]);
  });
});
