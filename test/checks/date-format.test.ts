import { describe, expect, it } from 'vitest';
import check from '../../src/checks/date-format.js';
import { runFormatCheck } from '../formats/harness.js';

describe('date-format', () => {
  it('API formats: DD-MM-YYYY only; impossible days are invalid; "Invalid date" is a real beneficiary quirk', () => {
    const { findings, result } = runFormatCheck(
      check,
      [{ dose1_date: '26-05-2021' }, { dose1_date: '2021-05-26' }, { dose1_date: '31-02-2021' }, { dose1_date: 'Invalid date' }, { dose1_date: '26/05/2021' }],
      { profile: 'cowin-beneficiary' },
    );
    expect(result.applicable).toBe(4);
    expect(findings.map((f) => [f.row, f.messageId, f.data?.found])).toEqual([
      [2, 'convention', 'ISO 8601'],
      [3, 'invalid', undefined],
      [5, 'convention', 'DD/MM/YYYY'],
    ]);
    const appt = runFormatCheck(check, [{ session_date: 'Invalid date' }], { profile: 'cowin-appointment' });
    expect(appt.findings.map((f) => f.messageId)).toEqual(['invalid']);
  });

  it('certificates: ISO 8601 only', () => {
    const { findings } = runFormatCheck(
      check,
      [{ vaccination_date: '2021-07-16T19:40:00.000Z', issuance_date: '2021-07-16T19:40:00.000Z' }, { vaccination_date: '16-07-2021' }],
      { profile: 'divoc-certificate' },
    );
    expect(findings.map((f) => [f.row, f.field, f.messageId])).toEqual([[2, 'vaccination_date', 'convention']]);
  });

  it('with no format claimed, either convention passes', () => {
    const { findings, result } = runFormatCheck(check, [{ dose1_date: '26-05-2021' }, { dose1_date: '2021-05-26' }, { dose1_date: '26.05.2021' }]);
    expect(result.applicable).toBe(3);
    expect(findings.map((f) => f.row)).toEqual([3]);
  });
});
