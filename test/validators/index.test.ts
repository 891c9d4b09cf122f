// Tests for the FORMATS registry: every named format works standalone and through ajv.addFormat.

import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { FORMATS, verhoeffCheckDigit } from '../../src/validators/index.js';

/** Synthetic numbers: a payload plus its computed Verhoeff check digit. */
const withCheck = (payload: string): string => payload + verhoeffCheckDigit(payload);
const aadhaar = withCheck('98765432101');
const vid = withCheck('987654321012345');

// [format, a value it must accept, a value it must reject]
const CASES: Array<[string, string, string]> = [
  ['aadhaar', aadhaar, '123456789012'],
  ['aadhaar-masked', 'XXXXXXXX1234', aadhaar],
  ['vid', vid, aadhaar],
  ['pan', 'ZZZCK1234Z', 'ZZZCK0000Z'],
  ['pan-person', 'ZZZPK1234Z', 'ZZZCK1234Z'],
  ['pan-masked', 'ZZZPKXXXXZ', 'ZZZPK1234Z'],
  ['passport', 'K1234567', 'KA123456'],
  ['epic', 'QQQ1234567', 'QQ12345678'],
  ['driving-licence', 'DL-0420150346015', 'DL0420990346015'],
  ['udid', 'OD2611620090012345', 'OD261162009001234'],
  ['mgnrega', 'WB-08-012-002-002/270', 'WB-08-012'],
  ['photo-id-masked', '********9999', 'XXXXXX123456'],
  ['mobile', '+91 98765 01234', '5876501234'],
  ['mobile-masked', '******1403', '9876501234'],
  ['mobile-allocated', '9876501234', '8022334455'],
  ['pincode', '110 001', '011001'],
  ['pincode-known', '110001', '100001'],
  ['cowin-ref-id', '12345678901234', '1234567890123'],
  ['certificate-id', '32630784022', '02630784022'],
  ['uuid-v4', '3fa85f64-5717-4562-b3fc-2c963f66afa6', '3fa85f64-5717-1562-b3fc-2c963f66afa6'],
  ['dmy-date', '26-05-2021', '2021-05-26'],
  ['iso-date', '2021-07-16T19:40:00.000Z', '16-07-2021'],
  ['birth-year', '1995', '1795'],
  ['gender', 'Female', 'F'],
  ['vaccination-status', 'Partially Vaccinated', 'Partly Vaccinated'],
  ['comorbidity-ind', 'N', 'No'],
  ['fee-type', 'Paid', 'paid'],
  ['vaccine', 'SPUTNIK V', 'Sputnik V'],
  ['cowin-state', 'Ladakh', 'ladakh'],
];

describe('FORMATS', () => {
  it('has every format the pipeline names', () => {
    for (const [name] of CASES) expect(typeof FORMATS[name], name).toBe('function');
    expect(Object.keys(FORMATS).sort()).toEqual(CASES.map(([n]) => n).sort());
  });

  it.each(CASES)('%s accepts %j and rejects %j', (name, good, bad) => {
    expect(FORMATS[name](good)).toBe(true);
    expect(FORMATS[name](bad)).toBe(false);
  });

  it('plugs into ajv.addFormat', () => {
    const ajv = new Ajv({ allErrors: true });
    for (const [name, fn] of Object.entries(FORMATS)) ajv.addFormat(name, fn);
    const validate = ajv.compile({
      type: 'object',
      properties: Object.fromEntries(CASES.map(([name]) => [name, { type: 'string', format: name }])),
    });
    expect(validate(Object.fromEntries(CASES.map(([name, good]) => [name, good])))).toBe(true);
    expect(validate(Object.fromEntries(CASES.map(([name, , bad]) => [name, bad])))).toBe(false);
    expect(validate.errors).toHaveLength(CASES.length);
  });
});
