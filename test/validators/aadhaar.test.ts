// Tests for the Aadhaar / VID validators: Verhoeff vectors and error detection, structure rules, masked forms.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aadhaarReason,
  isAadhaar,
  isAadhaarPalindrome,
  isMaskedAadhaar,
  isVid,
  maskedAadhaarTail,
  normalizeAadhaar,
  verhoeffCheckDigit,
  verhoeffValid,
  vidFirstDigitOk,
} from '../../src/validators/aadhaar.js';

/** Synthetic number: payload plus its computed check digit. */
const withCheck = (payload: string): string => payload + verhoeffCheckDigit(payload);
const digitsArb = (n: number, first = fc.integer({ min: 0, max: 9 })) =>
  fc.tuple(first, fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n - 1, maxLength: n - 1 })).map(([f, rest]) => [f, ...rest].join(''));

describe('Verhoeff', () => {
  it('agrees with the reference test vectors (indian-id-formats.md §2.1)', () => {
    expect(verhoeffValid('2363')).toBe(true);
    expect(verhoeffValid('234123412346')).toBe(true);
    expect(verhoeffValid('234123412347')).toBe(false);
    expect(verhoeffValid('496858245152')).toBe(true);
    expect(verhoeffCheckDigit('236')).toBe(3);
    expect(verhoeffCheckDigit('23412341234')).toBe(6);
  });

  it('rejects empty and non-digit input', () => {
    expect(verhoeffValid('')).toBe(false);
    expect(verhoeffValid('23a3')).toBe(false);
    expect(verhoeffCheckDigit('12x')).toBe(-1);
  });

  it('makes exactly one check digit valid for any payload', () => {
    fc.assert(
      fc.property(digitsArb(11), (payload) => {
        const valid = [];
        for (let d = 0; d <= 9; d++) if (verhoeffValid(payload + d)) valid.push(d);
        expect(valid).toEqual([verhoeffCheckDigit(payload)]);
      }),
      { numRuns: 300 },
    );
  });

  it('catches every single-digit change', () => {
    fc.assert(
      fc.property(digitsArb(11), (payload) => {
        const n = withCheck(payload);
        expect(verhoeffValid(n)).toBe(true);
        for (let i = 0; i < n.length; i++) {
          for (let d = 0; d <= 9; d++) {
            if (String(d) === n[i]) continue;
            const changed = n.slice(0, i) + d + n.slice(i + 1);
            expect(verhoeffValid(changed), changed).toBe(false);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('catches every adjacent transposition', () => {
    fc.assert(
      fc.property(digitsArb(15), (payload) => {
        const n = withCheck(payload);
        for (let i = 0; i + 1 < n.length; i++) {
          if (n[i] === n[i + 1]) continue;
          const swapped = n.slice(0, i) + n[i + 1] + n[i] + n.slice(i + 2);
          expect(verhoeffValid(swapped), swapped).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('passes about 10 % of random 12-digit numbers (indian-id-formats.md §7.1: 10.04 %)', () => {
    let state = 20210601;
    const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0);
    let pass = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      let s = String(2 + (next() % 8));
      for (let j = 0; j < 11; j++) s += String((next() >>> 8) % 10);
      if (verhoeffValid(s)) pass++;
    }
    expect(pass / n).toBeGreaterThan(0.09);
    expect(pass / n).toBeLessThan(0.11);
  });
});

describe('isAadhaar / aadhaarReason', () => {
  it('accepts synthetic valid numbers, plain and grouped', () => {
    fc.assert(
      fc.property(digitsArb(11, fc.integer({ min: 2, max: 9 })), (payload) => {
        const n = withCheck(payload);
        expect(isAadhaar(n)).toBe(true);
        expect(isAadhaar(`${n.slice(0, 4)} ${n.slice(4, 8)} ${n.slice(8)}`)).toBe(true);
        expect(isAadhaar(`${n.slice(0, 4)}-${n.slice(4, 8)}-${n.slice(8)}`)).toBe(true);
        expect(isAadhaar(` ${n} `)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('rejects a first digit of 0 or 1 even with a correct check digit', () => {
    for (const first of ['0', '1']) {
      const n = withCheck(first + '2345678901');
      expect(verhoeffValid(n)).toBe(true);
      expect(aadhaarReason(n)).toBe('first-digit');
      expect(isAadhaar(n)).toBe(false);
    }
  });

  it('names the failing rule', () => {
    const good = withCheck('23456789012');
    const bad = good.slice(0, 11) + String((Number(good[11]) + 1) % 10);
    const cases: Array<[string, string]> = [
      [good, 'ok'],
      [bad, 'checksum'],
      [good.slice(0, 11), 'length'],
      [good + '0', 'length'],
      ['', 'not-digits'],
      ['2345678901AB', 'not-digits'],
      ['XXXXXXXX1234', 'not-digits'],
    ];
    for (const [value, reason] of cases) expect(aadhaarReason(value), value).toBe(reason);
  });

  it('normalises separators and full-width digits', () => {
    expect(normalizeAadhaar('2345 6789-0123')).toBe('234567890123');
    expect(normalizeAadhaar('２３４５６７８９０１２３')).toBe('234567890123');
    const n = '234567890123';
    expect(normalizeAadhaar(n)).toBe(n);
  });

  it('flags palindromes as a soft signal only', () => {
    expect(isAadhaarPalindrome('222222222222')).toBe(true);
    expect(isAadhaarPalindrome('234565565432')).toBe(true);
    expect(isAadhaarPalindrome(withCheck('23456789012'))).toBe(false);
    expect(isAadhaarPalindrome('2222')).toBe(false);
  });
});

describe('masked Aadhaar', () => {
  it('parses the UIDAI and CoWin display forms to their visible tail', () => {
    const good: Array<[string, string]> = [
      ['XXXXXXXX1234', '1234'],
      ['********5438', '5438'],
      ['xxxxxxxx0007', '0007'],
      ['XXXX XXXX 1234', '1234'],
      ['xxxx xxxx 9999', '9999'],
      ['XXXX-XXXX-4321', '4321'],
      [' XXXXXXXX1234 ', '1234'],
    ];
    for (const [value, tail] of good) {
      expect(maskedAadhaarTail(value), value).toBe(tail);
      expect(isMaskedAadhaar(value), value).toBe(true);
    }
  });

  it('rejects other shapes', () => {
    for (const value of ['XXXXXXX1234', 'XXXXXXXXX1234', 'XXXXXXXX123', 'XXXXXXXX12345', '234567890123', 'XXXXXXXXABCD', 'XXXX XXXX', 'YYYYYYYY1234', '']) {
      expect(maskedAadhaarTail(value), value).toBeUndefined();
      expect(isMaskedAadhaar(value), value).toBe(false);
    }
  });
});

describe('VID', () => {
  it('accepts 16 digits with a Verhoeff check digit, grouped or not', () => {
    fc.assert(
      fc.property(digitsArb(15), (payload) => {
        const v = withCheck(payload);
        expect(isVid(v)).toBe(true);
        expect(isVid(`${v.slice(0, 4)} ${v.slice(4, 8)} ${v.slice(8, 12)} ${v.slice(12)}`)).toBe(true);
        const changed = v.slice(0, 15) + String((Number(v[15]) + 3) % 10);
        expect(isVid(changed)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('rejects wrong lengths and an Aadhaar number', () => {
    const aadhaar = withCheck('23456789012');
    expect(isVid(aadhaar)).toBe(false);
    expect(isVid(withCheck('2345678901234'))).toBe(false);
    expect(isVid(withCheck('234567890123456') + '0')).toBe(false);
  });

  it('reports the unsourced first-digit rule separately', () => {
    expect(vidFirstDigitOk(withCheck('023456789012345'))).toBe(false);
    expect(vidFirstDigitOk(withCheck('123456789012345'))).toBe(false);
    expect(vidFirstDigitOk(withCheck('923456789012345'))).toBe(true);
    expect(isVid(withCheck('023456789012345'))).toBe(true);
  });
});
