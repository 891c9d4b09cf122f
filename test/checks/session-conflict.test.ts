// session-conflict: a session id at different centres, dates or vaccines; an appointment id for different sessions.
import { describe, expect, it } from 'vitest';
import check from '../../src/checks/session-conflict.js';
import { runCheck } from '../support/run-check.js';

const S1 = '6d4478fc-195a-47a0-b7d9-afc6eda86c9b';
const S2 = '29d90d30-02a0-47bf-a922-7bb78edb6f11';
const A1 = '81e7a325-e34e-4699-ab17-dcf3781b9e78';

describe('session-conflict', () => {
  it('a session is one centre, one date, one vaccine', () => {
    const base = { session_id: S1, center_id: '564712', vaccination_date: '26-05-2021', vaccine: 'COVISHIELD' };
    const r = runCheck(check, [
      base,
      base,
      { ...base, center_id: '564713' },
      { ...base, vaccination_date: '27-05-2021' },
      { ...base, vaccine: 'Covishield ' },
      { ...base, vaccine: 'COVAXIN' },
    ]);
    expect([r.applicable, r.violations]).toEqual([5, 3]);
    expect(r.examples.map((e) => e.message)).toEqual([
      `session ${S1} also on row 1 at another centre`,
      `session ${S1} also on row 1 on another date`,
      `session ${S1} also on row 1 with another vaccine`,
    ]);
  });

  it('an appointment is one session: several beneficiaries may share it, other sessions may not', () => {
    const r = runCheck(check, [
      { appointment_id: A1, session_id: S1, beneficiary_reference_id: '12345678901234' },
      { appointment_id: A1, session_id: S1, beneficiary_reference_id: '12345678901235' },
      { appointment_id: A1, session_id: S2, beneficiary_reference_id: '12345678901236' },
    ]);
    expect([r.applicable, r.violations]).toEqual([2, 1]);
    expect(r.examples[0]).toMatchObject({ row: 3, field: 'appointment_id', message: `appointment ${A1} also on row 1 for another session` });
  });
});
