// Aadhaar numbers and Virtual IDs: the Verhoeff check digit, their structure, and the masked forms CoWin displays.

import { allDigits, compactId } from './formats.js';

// Verhoeff tables (indian-id-formats.md §2.1, citing Wikipedia "Verhoeff algorithm" via python-stdnum [S20]).
// D is the multiplication table of the dihedral group D5, row-major 10 × 10.
const D = Uint8Array.from([
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
  1, 2, 3, 4, 0, 6, 7, 8, 9, 5,
  2, 3, 4, 0, 1, 7, 8, 9, 5, 6,
  3, 4, 0, 1, 2, 8, 9, 5, 6, 7,
  4, 0, 1, 2, 3, 9, 5, 6, 7, 8,
  5, 9, 8, 7, 6, 0, 4, 3, 2, 1,
  6, 5, 9, 8, 7, 1, 0, 4, 3, 2,
  7, 6, 5, 9, 8, 2, 1, 0, 4, 3,
  8, 7, 6, 5, 9, 3, 2, 1, 0, 4,
  9, 8, 7, 6, 5, 4, 3, 2, 1, 0,
]);

// Position permutations, 8 × 10: p[0] is the identity, p[1] = 1 5 7 6 2 8 3 0 9 4 and p[k][j] = p[k-1][p[1][j]]
// (indian-id-formats.md §2.1 [T]).
const P = (() => {
  const p1 = [1, 5, 7, 6, 2, 8, 3, 0, 9, 4];
  const p = new Uint8Array(80);
  for (let j = 0; j < 10; j++) p[j] = j;
  for (let k = 1; k < 8; k++) for (let j = 0; j < 10; j++) p[k * 10 + j] = p[(k - 1) * 10 + p1[j]];
  return p;
})();

// Inverses in D5, used to turn the running check into the digit that brings it to 0 (indian-id-formats.md §2.1).
const INV = Uint8Array.from([0, 4, 3, 2, 1, 5, 6, 7, 8, 9]);

/** Verhoeff running check over `digits` with the rightmost digit at position `offset`; -1 on a non-digit. */
function verhoeffRun(digits: string, offset: number): number {
  let c = 0;
  for (let i = digits.length - 1, pos = offset; i >= 0; i--, pos++) {
    const d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    c = D[c * 10 + P[(pos & 7) * 10 + d]];
  }
  return c;
}

/** True when a string of digits ends in a correct Verhoeff check digit. Detects every single-digit error and every adjacent transposition. */
export function verhoeffValid(digits: string): boolean {
  return digits.length > 0 && verhoeffRun(digits, 0) === 0;
}

/** The Verhoeff check digit to append to `payload` (digits only), or -1 when it holds a non-digit. */
export function verhoeffCheckDigit(payload: string): number {
  const c = verhoeffRun(payload, 1);
  return c < 0 ? -1 : INV[c];
}

/** An Aadhaar or VID as a bare digit string: spaces, hyphens, dots removed (`2345 6789 0123` → `234567890123`). */
export function normalizeAadhaar(value: string): string {
  return compactId(value);
}

/** Why a value is or is not a well-formed Aadhaar number; `ok` when it is. */
export type AadhaarReason = 'ok' | 'not-digits' | 'length' | 'first-digit' | 'checksum';

/**
 * Check an Aadhaar number (grouped input accepted): 12 digits, first digit 2–9 (0 and 1 are reserved by UIDAI's
 * numbering scheme), last digit a Verhoeff check digit (indian-id-formats.md §2.1 [S16, S17, S18]). All three
 * are exact rules.
 */
export function aadhaarReason(value: string): AadhaarReason {
  const v = compactId(value);
  if (!allDigits(v)) return 'not-digits';
  if (v.length !== 12) return 'length';
  if (v.charCodeAt(0) < 50) return 'first-digit';
  return verhoeffRun(v, 0) === 0 ? 'ok' : 'checksum';
}

/** True for a well-formed Aadhaar number (see {@link aadhaarReason}). */
export function isAadhaar(value: string): boolean {
  return aadhaarReason(value) === 'ok';
}

/**
 * Soft signal: the 12 digits read the same backwards (`222222222222`). python-stdnum rejects these, but it
 * is a heuristic, not a UIDAI rule (indian-id-formats.md §2.1 [S17]).
 */
export function isAadhaarPalindrome(value: string): boolean {
  const v = compactId(value);
  if (v.length !== 12 || !allDigits(v)) return false;
  for (let i = 0, j = 11; i < j; i++, j--) if (v.charCodeAt(i) !== v.charCodeAt(j)) return false;
  return true;
}

// UIDAI/MeitY mask `XXXX XXXX 1234` and CoWin's `XXXXXXXX1234` / `********1234`
// (indian-id-formats.md §2.1 [S17, S10, S19]; cowin-formats.md §0.4).
const MASKED_AADHAAR = /^(?:[Xx*\u2022]{4}[ -]?){2}\d{4}$/;

/** The 4 visible digits of a masked Aadhaar (`XXXXXXXX1234`, `********1234`, `xxxx xxxx 1234`), or undefined. */
export function maskedAadhaarTail(value: string): string | undefined {
  const v = value.trim();
  return MASKED_AADHAAR.test(v) ? v.slice(-4) : undefined;
}

/** True for a masked Aadhaar in one of the UIDAI or CoWin display forms. */
export function isMaskedAadhaar(value: string): boolean {
  return MASKED_AADHAAR.test(value.trim());
}

/**
 * A Virtual ID: 16 digits whose last is a Verhoeff check digit "as in Aadhaar" (indian-id-formats.md §2.1
 * [S21, S22], UIDAI circular 11-01-2018). Grouped input accepted.
 */
export function isVid(value: string): boolean {
  const v = compactId(value);
  return v.length === 16 && allDigits(v) && verhoeffRun(v, 0) === 0;
}

/**
 * Soft signal: a VID's first digit is 2–9. stdnum-js requires it; no UIDAI text was found for the rule
 * (indian-id-formats.md §2.1 [M]).
 */
export function vidFirstDigitOk(value: string): boolean {
  const v = compactId(value);
  return v.length > 0 && v.charCodeAt(0) >= 50 && v.charCodeAt(0) <= 57;
}
