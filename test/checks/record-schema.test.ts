import { describe, expect, it } from 'vitest';
import check from '../../src/checks/record-schema.js';
import { runFormatCheck } from '../formats/harness.js';

const GOOD = {
  beneficiary_reference_id: '41371803146720',
  name: 'Sunita Devi',
  birth_year: '1985',
  gender: 'Female',
  mobile_number: '9743',
  photo_id_type: 'Aadhaar Card',
  photo_id_number: 'XXXXXXXX5438',
  comorbidity_ind: 'N',
  vaccination_status: 'Partially Vaccinated',
  vaccine: 'COVAXIN',
  dose1_date: '12-05-2021',
};

describe('record-schema', () => {
  it('reports each field that breaks the profile schema, with its row, and a per-field breakdown', () => {
    const { findings, result } = runFormatCheck(
      check,
      [GOOD, { ...GOOD, mobile_number: '9876501234', gender: 'F' }, { ...GOOD, dose1_date: 'Invalid date' }, { ...GOOD, dose1_date: '2021-05-12' }],
      { profile: 'cowin-beneficiary' },
    );
    expect(findings.map((f) => [f.row, f.field, f.messageId])).toEqual([
      [2, 'gender', 'enum'],
      [2, 'mobile_number', 'format'],
      [4, 'dose1_date', 'format'],
    ]);
    expect(findings[1].data).toEqual({ field: 'mobile_number', profile: 'cowin-beneficiary', expected: 'masked as CoWin masks mobile numbers (last 4 digits)' });
    expect(result.applicable).toBe(44);
    expect(result.fields?.find((f) => f.field === 'mobile_number')).toEqual({ field: 'mobile_number', applicable: 4, violations: 1, rate: 0.25 });
  });

  it('an empty required field is reported only when a column maps it', () => {
    const mapped = runFormatCheck(check, [{ ...GOOD, name: '' }], { profile: 'cowin-beneficiary', mapped: Object.keys(GOOD) });
    expect(mapped.findings.map((f) => [f.field, f.messageId])).toEqual([['name', 'required']]);
    const { name: _, ...noName } = GOOD;
    const unmapped = runFormatCheck(check, [noName], { profile: 'cowin-beneficiary' });
    expect(unmapped.findings).toEqual([]);
  });

  it('validates nested arrays under their API keys (a beneficiary appointments, a centre sessions)', () => {
    const appt = { appointment_id: '8c465032-aebc-4e76-b1b0-01197c752200', center_id: '564712', session_id: '6d4478fc-195a-47a0-b7d9-afc6eda86c9b', date: '26-05-2021', slot: '09:00AM-11:00AM', dose: '1' };
    const { findings } = runFormatCheck(check, [GOOD, GOOD], { profile: 'cowin-beneficiary', nested: [{ appointments: [appt] }, { appointments: [{ ...appt, slot: 'FORENOON' }] }] });
    expect(findings.map((f) => [f.row, f.field])).toEqual([[2, 'appointments.slot']]);
  });

  it('a masked ID in a format that holds full numbers', () => {
    const { findings } = runFormatCheck(check, [{ name: 'Ravi Kumar', gender: 'Male', photo_id_number: 'XXXXXXXX1234' }], { profile: 'telegram-bot-2023' });
    expect(findings.map((f) => [f.field, f.messageId])).toEqual([['photo_id_number', 'masked']]);
  });

  it('skips when no profile was identified', () => {
    const { result } = runFormatCheck(check, [GOOD]);
    expect(result.status).toBe('skip');
    expect(result.applicable).toBe(0);
  });
});
