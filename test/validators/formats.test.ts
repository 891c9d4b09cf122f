// Tests for CoWin field formats: reference and certificate ids, UUID v4, birth years, dates, vocabularies and masking.

import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  allDigits,
  birthYear,
  compactId,
  DOC_EXAMPLE_REF_IDS,
  GENDER_BY_ID,
  isBeneficiaryRefId,
  isCertificateId,
  isComorbidityInd,
  isDmyDate,
  isDocLengthRefId,
  isFeeType,
  isGender,
  isIsoDate,
  isMasked,
  isPossibleBirthYear,
  isUuidV4,
  isVaccinationStatus,
  maskedTail,
  maskedVisible,
  SPEC_EXAMPLE_VALUES,
} from '../../src/validators/formats.js';

describe('beneficiary reference id', () => {
  it('is 14 digits; 13 only in documentation examples', () => {
    expect(isBeneficiaryRefId('12345678901234')).toBe(true);
    expect(isBeneficiaryRefId('00000000000000')).toBe(true);
    for (const v of ['1234567890123', '123456789012345', '1234567890123a', '', ' 12345678901234']) expect(isBeneficiaryRefId(v), v).toBe(false);
    expect(isDocLengthRefId('1234567890123')).toBe(true);
    expect(isDocLengthRefId('12345678901234')).toBe(false);
    for (const id of DOC_EXAMPLE_REF_IDS) {
      expect(isDocLengthRefId(id)).toBe(true);
      expect(SPEC_EXAMPLE_VALUES.has(id)).toBe(true);
    }
  });
});

describe('certificate id', () => {
  it('is 11 digits in 10000000000–99999999999', () => {
    expect(isCertificateId('10000000000')).toBe(true);
    expect(isCertificateId('99999999999')).toBe(true);
    expect(isCertificateId(String(Math.floor(1e10 + 0.5 * 9e10)))).toBe(true);
    for (const v of ['09999999999', '9999999999', '100000000000', '1000000000a', '']) expect(isCertificateId(v), v).toBe(false);
  });

  it('accepts whatever DIVOC’s generator can produce', () => {
    for (const r of [0, 1e-12, 0.25, 0.999999999999]) expect(isCertificateId(String(Math.floor(1e10 + r * 9e10)))).toBe(true);
  });
});

describe('UUID v4', () => {
  it('accepts generated v4 ids in either case', () => {
    for (let i = 0; i < 200; i++) {
      const id = randomUUID();
      expect(isUuidV4(id)).toBe(true);
      expect(isUuidV4(id.toUpperCase())).toBe(true);
    }
  });

  it('rejects other versions, variants and shapes', () => {
    const base = randomUUID();
    const version1 = base.slice(0, 14) + '1' + base.slice(15);
    const ncsVariant = base.slice(0, 19) + '7' + base.slice(20);
    for (const v of [version1, ncsVariant, base.replace(/-/g, ''), `{${base}}`, base.slice(0, 35), '']) expect(isUuidV4(v), v).toBe(false);
    expect(isUuidV4('3fa85f64-5717-4562-b3fc-2c963f66afa6')).toBe(true);
  });
});

describe('birth year', () => {
  it('parses 4-digit strings only', () => {
    expect(birthYear('1995')).toBe(1995);
    for (const v of ['95', '19950', '199a', ' 1995', '']) expect(birthYear(v), v).toBeNaN();
  });

  it('bounds the year by the as-of year', () => {
    expect(isPossibleBirthYear('2021', 2021)).toBe(true);
    expect(isPossibleBirthYear('2022', 2021)).toBe(false);
    expect(isPossibleBirthYear('1901', 2021)).toBe(true);
    expect(isPossibleBirthYear('1900', 2021)).toBe(false);
    expect(isPossibleBirthYear('2003', 2021, 18)).toBe(true);
    expect(isPossibleBirthYear('2004', 2021, 18)).toBe(false);
    expect(isPossibleBirthYear('abcd', 2021)).toBe(false);
  });
});

describe('dates', () => {
  it('accepts CoWin DD-MM-YYYY dates only when they exist', () => {
    for (const v of ['01-03-2021', '29-02-2024', '31-12-2022']) expect(isDmyDate(v), v).toBe(true);
    for (const v of ['29-02-2021', '31-04-2021', '2021-03-01', '1-3-2021', '01/03/2021', 'Invalid date', '']) expect(isDmyDate(v), v).toBe(false);
  });

  it('accepts ISO dates and date-times', () => {
    for (const v of ['2021-07-16', '2021-07-16T19:40:00.000Z']) expect(isIsoDate(v), v).toBe(true);
    for (const v of ['16-07-2021', '2021-02-30', '']) expect(isIsoDate(v), v).toBe(false);
  });
});

describe('vocabularies', () => {
  it('uses CoWin’s exact spellings', () => {
    for (const v of ['Male', 'Female', 'Others']) expect(isGender(v)).toBe(true);
    for (const v of ['male', 'M', 'Other', '']) expect(isGender(v), v).toBe(false);
    expect(GENDER_BY_ID[1]).toBe('Male');
    for (const v of ['Not Vaccinated', 'Partially Vaccinated', 'Vaccinated']) expect(isVaccinationStatus(v)).toBe(true);
    for (const v of ['Fully Vaccinated', 'vaccinated']) expect(isVaccinationStatus(v), v).toBe(false);
    expect(isComorbidityInd('Y') && isComorbidityInd('N')).toBe(true);
    expect(isComorbidityInd('')).toBe(false);
    expect(isFeeType('Free') && isFeeType('Paid')).toBe(true);
    expect(isFeeType('free')).toBe(false);
  });
});

describe('masking', () => {
  const cases: Array<[string, number, string | undefined]> = [
    ['XXXXXXXX5438', 4, '5438'],
    ['********3405', 4, '3405'],
    ['XXXXXXXX226X', 4, '226X'],
    ['******1403', 4, '1403'],
    ['XXXX XXXX 1234', 4, '1234'],
    ['xxxx-xxxx-1234', 4, '1234'],
    ['••••••12', 2, '12'],
    ['XXXXXXXXXXXX', 0, ''],
    ['XXXX12AB', 4, '12AB'],
    ['XXXXXX234567', 6, '234567'],
    ['XXX1234', -1, undefined],
    ['9743', -1, undefined],
    ['234567890123', -1, undefined],
    ['K1234567', -1, undefined],
    ['ZZZPKXXXXZ', -1, undefined],
    ['XXXXXXXX12X4', -1, undefined],
    ['XXXXXXXX12#4', -1, undefined],
    ['', -1, undefined],
  ];
  it.each(cases)('%j shows %i', (value, visible, tail) => {
    expect(maskedVisible(value)).toBe(visible);
    expect(isMasked(value)).toBe(visible >= 0);
    expect(maskedTail(value)).toBe(tail);
  });
});

describe('compactId', () => {
  it('strips separators, upper-cases and maps full-width characters', () => {
    expect(compactId('abc-12 34.5/6')).toBe('ABC123456');
    expect(compactId('ＡＢＣ１２３')).toBe('ABC123');
    expect(compactId('\u00a0DL-04\t2015 0346015 ')).toBe('DL0420150346015');
  });

  it('returns an already compact value unchanged', () => {
    const v = 'DL0420150346015';
    expect(compactId(v)).toBe(v);
    expect(allDigits('0123')).toBe(true);
    expect(allDigits('')).toBe(false);
  });
});
