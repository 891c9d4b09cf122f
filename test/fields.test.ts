import { describe, expect, it } from 'vitest';
import { fieldForHeader } from '../src/fields.js';

describe('fieldForHeader', () => {
  it.each([
    ['Aadhar No', 'aadhaar_number'],
    ['Mobile No.', 'mobile_number'],
    ['Beneficiary Name', 'name'],
    ['Ref ID', 'beneficiary_reference_id'],
    ['beneficiary_reference_id', 'beneficiary_reference_id'],
    ['DOSE 1 DATE', 'dose1_date'],
    ['credentialSubject.refId', 'beneficiary_reference_id'],
    ['evidence.certificateId', 'certificate_id'],
    ['E-mail', 'email'],
  ])('%s -> %s', (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });

  it('leaves unknown headers unmapped', () => {
    expect(fieldForHeader('favourite colour')).toBeUndefined();
    expect(fieldForHeader('__proto__')).toBeUndefined();
  });
});
