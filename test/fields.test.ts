import { describe, expect, it } from 'vitest';
import { FIELD_BY_ID, fieldForHeader, foldHeader, HINDI_SYNONYMS } from '../src/fields.js';

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
    ['नाम', 'name'],
    ['मोबाइल नं.', 'mobile_number'],
    ['आधार संख्या', 'aadhaar_number'],
    ['पहली खुराक की तारीख', 'dose1_date'],
    ['ज़िला', 'district_name'],
  ])('%s -> %s', (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });

  it('keeps Devanagari vowel signs when folding: नाम (name) is not नम, and every Hindi synonym names a field', () => {
    expect(foldHeader('नाम')).toBe('नाम');
    expect(fieldForHeader('नम')).toBeUndefined();
    expect(foldHeader('  मोबाइल   नंबर: ')).toBe('मोबाइल नंबर');
    for (const [id, spellings] of Object.entries(HINDI_SYNONYMS)) {
      expect(FIELD_BY_ID.has(id), id).toBe(true);
      for (const s of spellings) expect(fieldForHeader(s), s).toBe(id);
    }
  });

  it('leaves unknown headers unmapped', () => {
    expect(fieldForHeader('favourite colour')).toBeUndefined();
    expect(fieldForHeader('__proto__')).toBeUndefined();
  });
});
