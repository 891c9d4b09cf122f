// The schema pack: one JSON Schema per profile, each citing its source, compiled once; the real public sample
// validates with zero violations.
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { eachFieldError, formatValidator, SCHEMAS } from '../../src/formats/index.js';
import { liftEvidence } from '../../src/normalize/record.js';
import { PROFILES } from '../../src/profiles.js';
import { dict, type RawRecord } from '../../src/types.js';
import { collect } from './collect.js';

const rec = (o: Record<string, string>) => Object.assign(dict<string>(), o);

describe('schema pack', () => {
  it('holds valid draft-07 schemas (the tool skips this check at start)', () => {
    const ajv = new Ajv({ strict: true });
    for (const [id, s] of Object.entries(SCHEMAS)) expect(ajv.validateSchema(s), `${id}: ${ajv.errorsText()}`).toBe(true);
    // The check can fail: a keyword of the wrong type is caught.
    expect(ajv.validateSchema({ type: 'object', required: 'name' })).toBe(false);
  });

  it('has one compiled schema per profile, each naming its source', () => {
    expect(Object.keys(SCHEMAS).sort()).toEqual(PROFILES.map((p) => p.id).sort());
    for (const p of PROFILES) {
      const v = formatValidator(p.id)!;
      expect(v, p.id).toBeDefined();
      expect(SCHEMAS[p.id].$comment).toMatch(/^Source: /);
      expect(v.properties.length).toBeGreaterThan(5);
    }
  });

  it('beneficiary: masked mobile and ID, 14-digit ref id, enums; "Invalid date" (a 2022 quirk) accepted', () => {
    const v = formatValidator('cowin-beneficiary')!;
    const good = { beneficiary_reference_id: '41371803146720', name: 'A B', birth_year: '1995', gender: 'Male', mobile_number: '9743', photo_id_type: 'Aadhaar Card', photo_id_number: 'XXXXXXXX5438', vaccination_status: 'Not Vaccinated', dose1_date: 'Invalid date' };
    expect(v.validate(rec(good))).toBe(true);
    expect(v.validate(rec({ ...good, photo_id_type: '1' }))).toBe(true);
    const fields: string[] = [];
    v.validate(rec({ ...good, beneficiary_reference_id: '1234567890123', mobile_number: '9876543210', photo_id_number: '234123412346', dose1_date: '2021-05-26' }));
    eachFieldError(v.validate.errors, (f) => fields.push(f));
    expect(fields.sort()).toEqual(['beneficiary_reference_id', 'dose1_date', 'mobile_number', 'photo_id_number']);
  });

  it('appointment: the spec example slot FORENOON was never real', () => {
    const v = formatValidator('cowin-appointment')!;
    const a = { appointment_id: '8c465032-aebc-4e76-b1b0-01197c752200', center_id: '1234', session_id: '6d4478fc-195a-47a0-b7d9-afc6eda86c9b', session_date: '31-05-2021', dose: '1', slot: '09:00AM-11:00AM', from_time: '09:00' };
    expect(v.validate(rec(a))).toBe(true);
    expect(v.validate(rec({ ...a, slot: 'FORENOON' }))).toBe(false);
  });

  it('certificate: issuer, contexts v1 and v2, 11-digit id, ISO timestamps', () => {
    const v = formatValidator('divoc-certificate')!;
    const c = {
      credential_context: 'https://www.w3.org/2018/credentials/v1|https://cowin.gov.in/credentials/vaccination/v2',
      issuer: 'https://cowin.gov.in/',
      issuance_date: '2021-07-16T19:40:00.000Z',
      beneficiary_reference_id: '12345678901234',
      name: 'A B',
      certificate_id: '32630784022',
      vaccination_date: '2021-07-16T19:40:00.000Z',
      dose: '3',
      total_doses: '2',
    };
    expect(v.validate(rec(c))).toBe(true);
    for (const bad of [{ issuer: 'https://cowin.gov.in' }, { certificate_id: '987654321098' }, { vaccination_date: '16-07-2021' }, { credential_context: 'https://www.w3.org/2018/credentials/v1' }]) {
      expect(v.validate(rec({ ...c, ...bad })), JSON.stringify(bad)).toBe(false);
    }
  });

  it("lifts a credential's single evidence entry to evidence.* values, keeping the array", () => {
    const raw: RawRecord = { row: 1, line: 1, values: new Map([['issuer', 'https://cowin.gov.in/']]), nested: new Map([['evidence', [new Map([['certificateId', '32630784022'], ['dose', '1']])]]]) };
    liftEvidence(raw);
    expect(raw.values!.get('evidence.certificateId')).toBe('32630784022');
    expect(raw.nested!.get('evidence')).toHaveLength(1);
  });
});

describe('the real public sample (fixtures/public)', () => {
  it('validates as the public session format with zero schema violations, and gets public-data', async () => {
    const { report, findings } = await collect('fixtures/public/calendarByDistrict_Bellary_2021-05-26.json');
    expect(report.profile).toEqual({ id: 'cowin-public-sessions', confidence: 1 });
    const schema = report.checks.find((c) => c.id === 'record-schema')!;
    // 78 centres x 12 fields + 332 sessions x 8 keys.
    expect(schema.applicable).toBe(78 * 12 + 332 * 8);
    expect(schema.violations).toBe(0);
    expect(findings.filter((f) => f.check === 'record-schema')).toEqual([]);
    expect(report.verdict.flags).toContain('public-data');
    expect(report.mapping.find((m) => m.column === 'name')?.field).toBe('center_name');
  });
});
