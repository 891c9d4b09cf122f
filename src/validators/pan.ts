// PAN (Permanent Account Number): its shape, the holder-status letter, and the surname initial for cross-field checks.

import { compactId } from './formats.js';

/**
 * Holder-status letters (4th character) and what they denote (indian-id-formats.md §2.2 [S23, S24]; `K` added by
 * python-stdnum per the Finance Act 2021 [S26]). `E` (claimed by some npm packages for LLPs) has no primary
 * source and is not accepted [M].
 */
export const PAN_HOLDER_TYPES: Readonly<Record<string, string>> = Object.freeze({
  P: 'individual',
  C: 'company',
  H: 'Hindu undivided family',
  F: 'firm / LLP',
  A: 'association of persons',
  T: 'trust',
  B: 'body of individuals',
  L: 'local authority',
  J: 'artificial juridical person',
  G: 'government',
  K: 'krish (trust krish)',
});

// 3-letter series, holder status, name initial, 4-digit serial, check letter (indian-id-formats.md §2.2 [S23–S25]).
const PAN_SHAPE = /^[A-Z]{5}[0-9]{4}[A-Z]$/;
// CBDT masking standard: serial digits replaced, `AAAPLXXXXA` (indian-id-formats.md §2.2 [S26]).
const PAN_MASKED = /^[A-Z]{5}[X*]{4}[A-Z]$/;

/** A PAN with spaces removed and letters upper-cased. */
export function normalizePan(value: string): string {
  return compactId(value);
}

/** Why a value is or is not a well-formed PAN of any holder type; `ok` when it is. */
export type PanReason = 'ok' | 'shape' | 'holder-type' | 'serial-0000';

/**
 * Check a PAN: 5 letters, 4 digits, 1 letter; 4th letter a known holder status; serial `0000` never issued
 * (indian-id-formats.md §2.2; python-stdnum, stdnum-js). The 10th character is a check letter whose algorithm is
 * undocumented, so it cannot be verified.
 */
export function panReason(value: string): PanReason {
  const v = compactId(value);
  if (v.length !== 10 || !PAN_SHAPE.test(v)) return 'shape';
  if (PAN_HOLDER_TYPES[v[3]] === undefined) return 'holder-type';
  if (v.charCodeAt(5) === 48 && v.charCodeAt(6) === 48 && v.charCodeAt(7) === 48 && v.charCodeAt(8) === 48) return 'serial-0000';
  return 'ok';
}

/** True for a well-formed PAN of any holder type. */
export function isPan(value: string): boolean {
  return panReason(value) === 'ok';
}

/**
 * True for a well-formed PAN whose holder is an individual (4th letter `P`). Every CoWin beneficiary is a person,
 * so any other letter on a vaccination record is an anomaly (indian-id-formats.md §2.2).
 */
export function isPanPerson(value: string): boolean {
  const v = compactId(value);
  return panReason(v) === 'ok' && v.charCodeAt(3) === 80;
}

/** The holder-status letter of a PAN-shaped value (`P` for a person), or undefined. */
export function panHolderType(value: string): string | undefined {
  const v = compactId(value);
  return v.length === 10 && PAN_SHAPE.test(v) ? v[3] : undefined;
}

/** The 5th letter of a PAN-shaped value: the initial of an individual's surname (indian-id-formats.md §2.2 [S23]), or undefined. */
export function panSurnameInitial(value: string): string | undefined {
  const v = compactId(value);
  return v.length === 10 && PAN_SHAPE.test(v) ? v[4] : undefined;
}

/** True for a PAN masked to the CBDT standard, `AAAPLXXXXA`. */
export function isMaskedPan(value: string): boolean {
  const v = compactId(value);
  return v.length === 10 && PAN_MASKED.test(v);
}

/**
 * Soft signal: the PAN's 5th letter is the initial of some token of `name`. Indian names put the surname first,
 * last, or reduce it to an initial, so any token counts and genuine data still matches well below 100 %; a random
 * letter matches one chosen token about 1/26 of the time (indian-id-formats.md §2.2 [M]).
 */
export function panInitialMatchesName(pan: string, name: string): boolean {
  const initial = panSurnameInitial(pan);
  if (initial === undefined) return false;
  const want = initial.charCodeAt(0);
  let atStart = true;
  for (let i = 0; i < name.length; i++) {
    let c = name.charCodeAt(i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (atStart && letter) {
      if (c >= 97) c -= 32;
      if (c === want) return true;
    }
    atStart = !letter && !(c >= 48 && c <= 57) && c !== 39;
  }
  return false;
}
