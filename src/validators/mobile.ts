// Indian mobile numbers: the written forms people use, the 6–9 series rule, CoWin's masked forms, and whether a
// number lies in a range allocated to landlines rather than mobiles.

import table from '../data/mobile-ranges.json' with { type: 'json' };

/**
 * The 10-digit national number inside a written Indian number: `+91 98765 43210`, `0091…`, `91` + 10 digits,
 * a trunk `0` + 10 digits, with spaces, hyphens, dots or brackets (indian-id-formats.md §2.12 [S45, S46]).
 * Undefined when the value is not one of these forms. It does not check the first digit; see {@link isMobile}.
 */
export function normalizeMobile(value: string): string | undefined {
  const n = value.length;
  if (n === 10) {
    let plain = true;
    for (let i = 0; i < 10; i++) {
      const c = value.charCodeAt(i);
      if (c < 48 || c > 57) {
        plain = false;
        break;
      }
    }
    if (plain) return value;
  }
  let digits = '';
  let plus = false;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) digits += value[i];
    else if (c === 43 && digits.length === 0 && !plus) plus = true;
    else if (c !== 32 && c !== 45 && c !== 46 && c !== 40 && c !== 41 && c !== 0xa0 && c !== 9) return undefined;
  }
  const len = digits.length;
  if (plus) return len === 12 && digits.startsWith('91') ? digits.slice(2) : undefined;
  if (len === 10) return digits;
  if (len === 11 && digits.charCodeAt(0) === 48) return digits.slice(1);
  if (len === 12 && digits.startsWith('91')) return digits.slice(2);
  if (len === 14 && digits.startsWith('0091')) return digits.slice(4);
  return undefined;
}

/** A 10-digit national number already normalised: starts with 6, 7, 8 or 9. */
function isMobileNational(n: string): boolean {
  if (n.length !== 10) return false;
  const first = n.charCodeAt(0);
  if (first < 54 || first > 57) return false;
  for (let i = 1; i < 10; i++) {
    const c = n.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** True for an Indian mobile number in any accepted written form: 10 digits starting 6–9 (indian-id-formats.md §2.12 [S45, S46]). */
export function isMobile(value: string): boolean {
  const n = normalizeMobile(value);
  return n !== undefined && isMobileNational(n);
}

/**
 * How libphonenumber's `max` metadata (Google's data, derived from DoT allocations) types a number:
 * `mobile`, `fixed-line-or-mobile` (ambiguous), `fixed-line` (allocated to landlines only), or `unknown`.
 */
export type MobileRange = 'mobile' | 'fixed-line-or-mobile' | 'fixed-line' | 'unknown';

export const RANGES: readonly MobileRange[] = ['unknown', 'mobile', 'fixed-line-or-mobile', 'fixed-line'];
/** The letter of each range in src/data/mobile-ranges.json. */
export const RANGE_CODES = 'umbf';
/** 5-digit prefixes of 6-9 series numbers: 60000-99999. */
export const PREFIXES = 40_000;

// The metadata is prefix-based: the type of a 6-9 number is decided by its first 5 digits (the generator checks
// ten different endings of every prefix). src/data/mobile-ranges.json holds the type of each of the 40,000
// prefixes, built from libphonenumber-js by src/dev/build-mobile-ranges.ts (a lookup here; the library took
// ~14 µs a call and ~70 ms to load); test/validators/mobile.test.ts compares every prefix with the library.
const RANGE_OF = new Uint8Array(PREFIXES);
{
  let at = 0;
  for (const [, n, code] of table.ranges.matchAll(/(\d+)([a-z])/g)) {
    RANGE_OF.fill(RANGE_CODES.indexOf(code), at, at + Number(n));
    at += Number(n);
  }
  if (at !== PREFIXES) throw new Error(`mobile-ranges.json covers ${at} prefixes, not ${PREFIXES}`);
}

function rangeOfNational(n: string): MobileRange {
  const key =
    (n.charCodeAt(0) - 54) * 10_000 +
    (n.charCodeAt(1) - 48) * 1_000 +
    (n.charCodeAt(2) - 48) * 100 +
    (n.charCodeAt(3) - 48) * 10 +
    (n.charCodeAt(4) - 48);
  return RANGES[RANGE_OF[key]];
}

/**
 * The allocation type of a mobile-looking number (see {@link MobileRange}), or undefined when the value is not
 * 10 digits starting 6–9 after normalisation. About 15 % of uniformly random 6–9 numbers fall in `fixed-line`
 * ranges, genuine numbers almost never (indian-id-formats.md §2.12 [T]).
 */
export function mobileRange(value: string): MobileRange | undefined {
  const n = normalizeMobile(value);
  return n !== undefined && isMobileNational(n) ? rangeOfNational(n) : undefined;
}

/** True when a 6–9 number lies in a range allocated to landlines only, so it cannot be a real mobile. */
export function isLandlineRange(value: string): boolean {
  return mobileRange(value) === 'fixed-line';
}

// Spec example `******1403`; real beneficiary responses show only the last 4 digits, `9743` (cowin-formats.md §0.4, §2.2).
const MASKED_MOBILE = /^[Xx*\u2022]{6}\d{4}$/;
const LAST_FOUR = /^\d{4}$/;

/** True for a mobile number in one of CoWin's masked forms: `******1403` or the last 4 digits alone. */
export function isMaskedMobile(value: string): boolean {
  const v = value.trim();
  return LAST_FOUR.test(v) || MASKED_MOBILE.test(v);
}

/** The 4 visible digits of a masked mobile (`******1403` → `1403`, `9743` → `9743`), or undefined. */
export function maskedMobileTail(value: string): string | undefined {
  const v = value.trim();
  return LAST_FOUR.test(v) || MASKED_MOBILE.test(v) ? v.slice(-4) : undefined;
}

/**
 * Soft signal: a number people invent rather than one issued: all one digit (`9999999999`), a run up or down
 * (`9876543210`, `1234567890`), or a digit repeated 8 times in a row (indian-id-formats.md §2.12 [M]).
 */
export function looksInventedMobile(value: string): boolean {
  const n = normalizeMobile(value);
  if (n === undefined) return false;
  let up = true;
  let down = true;
  let run = 1;
  let longest = 1;
  for (let i = 1; i < n.length; i++) {
    const a = n.charCodeAt(i - 1);
    const b = n.charCodeAt(i);
    if ((a - 48 + 1) % 10 !== b - 48) up = false;
    if ((a - 48 + 9) % 10 !== b - 48) down = false;
    run = a === b ? run + 1 : 1;
    if (run > longest) longest = run;
  }
  return up || down || longest >= 8;
}
