// Tests for the PAN validators: shape, holder status, serial 0000, masking and the surname-initial signal.

import { describe, expect, it } from 'vitest';
import {
  isMaskedPan,
  isPan,
  isPanPerson,
  normalizePan,
  PAN_HOLDER_TYPES,
  panHolderType,
  panInitialMatchesName,
  panReason,
  panSurnameInitial,
} from '../../src/validators/pan.js';

// Synthetic PANs (series ZZZ/QQQ are placeholders, not anyone's number).
const person = (initial: string, serial = '1234', check = 'Z') => `ZZZP${initial}${serial}${check}`;

describe('panReason', () => {
  it('accepts every known holder-status letter', () => {
    for (const letter of Object.keys(PAN_HOLDER_TYPES)) {
      const pan = `QQQ${letter}K4321A`;
      expect(panReason(pan), pan).toBe('ok');
      expect(isPan(pan)).toBe(true);
      expect(panHolderType(pan)).toBe(letter);
    }
  });

  it('rejects holder letters with no primary source, and every other letter', () => {
    const known = new Set(Object.keys(PAN_HOLDER_TYPES));
    for (let c = 65; c <= 90; c++) {
      const letter = String.fromCharCode(c);
      if (known.has(letter)) continue;
      expect(panReason(`QQQ${letter}K4321A`), letter).toBe('holder-type');
    }
    expect(known.has('E')).toBe(false);
  });

  it('rejects serial 0000 and accepts the boundaries 0001 and 9999', () => {
    expect(panReason(person('K', '0000'))).toBe('serial-0000');
    expect(panReason(person('K', '0001'))).toBe('ok');
    expect(panReason(person('K', '9999'))).toBe('ok');
  });

  it('rejects wrong shapes', () => {
    for (const value of ['', 'ZZZPK1234', 'ZZZPK12345Z', 'ZZZPK1234ZZ', 'ZZ1PK1234Z', 'ZZZPK12A4Z', 'ZZZPK12349', '1234567890', 'ZZZPKXXXXZ']) {
      expect(panReason(value), value).toBe('shape');
      expect(isPan(value)).toBe(false);
      expect(panHolderType(value)).toBeUndefined();
    }
  });

  it('normalises case and spaces', () => {
    expect(normalizePan(' zzzpk 1234 z ')).toBe('ZZZPK1234Z');
    expect(isPan('zzzpk1234z')).toBe(true);
    expect(isPan('ZZZPK-1234-Z')).toBe(true);
  });
});

describe('isPanPerson', () => {
  it('needs holder status P', () => {
    expect(isPanPerson(person('K'))).toBe(true);
    for (const letter of Object.keys(PAN_HOLDER_TYPES).filter((l) => l !== 'P')) {
      expect(isPanPerson(`ZZZ${letter}K1234Z`), letter).toBe(false);
    }
  });

  it('still applies the other rules', () => {
    expect(isPanPerson(person('K', '0000'))).toBe(false);
    expect(isPanPerson('ZZZP11234Z')).toBe(false);
  });
});

describe('surname initial', () => {
  it('exposes the 5th letter', () => {
    expect(panSurnameInitial(person('S'))).toBe('S');
    expect(panSurnameInitial('not a pan')).toBeUndefined();
  });

  it('matches the initial of any name token, case-insensitively', () => {
    expect(panInitialMatchesName(person('S'), 'Asha Sharma')).toBe(true);
    expect(panInitialMatchesName(person('S'), 'SHARMA ASHA')).toBe(true);
    expect(panInitialMatchesName(person('S'), 'asha s.')).toBe(true);
    expect(panInitialMatchesName(person('K'), 'R. Kumar Devi')).toBe(true);
    expect(panInitialMatchesName(person('S'), 'Asha Verma')).toBe(false);
    expect(panInitialMatchesName(person('S'), 'Ashas')).toBe(false);
    expect(panInitialMatchesName('bad', 'Asha Sharma')).toBe(false);
  });
});

describe('masked PAN', () => {
  it('recognises the CBDT mask AAAPLXXXXA', () => {
    expect(isMaskedPan('ZZZPKXXXXZ')).toBe(true);
    expect(isMaskedPan('zzzpkxxxxz')).toBe(true);
    expect(isMaskedPan('ZZZPK****Z')).toBe(true);
    expect(isMaskedPan(person('K'))).toBe(false);
    expect(isMaskedPan('ZZZPKXXXZ')).toBe(false);
  });
});
