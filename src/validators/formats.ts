// Value formats of CoWin record fields (ids, enums, masking) and the identifier normaliser the other validators share.

import { parseDmy, parseIso } from '../dates.js';

/** Whether a check is an exactly defined rule or a statistical hint to be scored over a whole sample. */
export type Strength = 'hard' | 'soft';

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** True when every character of `s` is an ASCII digit (and `s` is not empty). */
export function allDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (!isDigitCode(s.charCodeAt(i))) return false;
  return true;
}

// Separators people type inside ids: space, tab, no-break space, hyphen, en dash, dot, slash
// (indian-id-formats.md §2 "recommended normalisation").
function isSeparator(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 45 || c === 0x2013 || c === 46 || c === 47;
}

function isCompactCode(c: number): boolean {
  return isDigitCode(c) || (c >= 65 && c <= 90);
}

/**
 * An identifier with separators (space, `-`, `.`, `/`) removed, letters upper-cased and full-width digits and
 * letters mapped to ASCII (indian-id-formats.md §2). Returns the input itself when it is already compact, so
 * the common case allocates nothing.
 */
export function compactId(value: string): string {
  let clean = true;
  for (let i = 0; i < value.length; i++) {
    if (!isCompactCode(value.charCodeAt(i))) {
      clean = false;
      break;
    }
  }
  if (clean) return value;
  let out = '';
  for (let i = 0; i < value.length; i++) {
    let c = value.charCodeAt(i);
    if (isSeparator(c) || c === 10 || c === 13) continue;
    if (c >= 0xff10 && c <= 0xff19) c -= 0xff10 - 48;
    else if (c >= 0xff21 && c <= 0xff3a) c -= 0xff21 - 65;
    else if (c >= 0xff41 && c <= 0xff5a) c -= 0xff41 - 65;
    else if (c >= 97 && c <= 122) c -= 32;
    out += String.fromCharCode(c);
  }
  return out;
}

// X, x, * and the bullet are the padding characters seen in CoWin responses and UIDAI masking
// (cowin-formats.md §0.4: "******1403", "XXXXXXXX5438", "********3405"; indian-id-formats.md §2.1).
function isMaskCode(c: number): boolean {
  return c === 88 || c === 120 || c === 42 || c === 0x2022;
}

/** Fewest padding characters for a value to count as masked: UIDAI masks in groups of 4 (indian-id-formats.md §2.1). */
const MIN_MASK_RUN = 4;

/**
 * How many trailing characters of a masked value are visible: `XXXXXXXX5438` → 4, `******1403` → 4,
 * `XXXX XXXX 1234` → 4, `XXXXXXXX226X` → 4, `XXXXXXXXXXXX` → 0. Returns -1 when the value is not masked (no leading run of at
 * least 4 padding characters `X`/`x`/`*`/`•`, spaces and hyphens allowed inside the run, followed only by
 * letters or digits). CoWin's citizen API shows at most 4 (cowin-formats.md §7).
 */
export function maskedVisible(value: string): number {
  let i = 0;
  let end = value.length;
  while (i < end && value.charCodeAt(i) === 32) i++;
  while (end > i && value.charCodeAt(end - 1) === 32) end--;
  let run = 0;
  for (; i < end; i++) {
    const c = value.charCodeAt(i);
    if (isMaskCode(c)) run++;
    else if (c !== 32 && c !== 45) break;
  }
  if (run < MIN_MASK_RUN) return -1;
  let visible = 0;
  for (; i < end; i++) {
    const c = value.charCodeAt(i);
    // Past the padding an X is visible only as the last character: a PAN's check letter (XXXXXXXX226X).
    if (c === 88 || c === 120) {
      if (i !== end - 1) return -1;
      visible++;
    } else if (isDigitCode(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) visible++;
    else if (c !== 32 && c !== 45) return -1;
  }
  return visible;
}

/** True when the value is masked in the CoWin style (see {@link maskedVisible}). */
export function isMasked(value: string): boolean {
  return maskedVisible(value) >= 0;
}

/** The visible trailing characters of a masked value (`"XXXXXXXX5438"` → `"5438"`), or undefined when not masked. */
export function maskedTail(value: string): string | undefined {
  const n = maskedVisible(value);
  if (n < 0) return undefined;
  if (n === 0) return '';
  let out = '';
  for (let i = value.length - 1; i >= 0 && out.length < n; i--) {
    const c = value.charCodeAt(i);
    if (c !== 32 && c !== 45) out = value[i] + out;
  }
  return out;
}

const BENEFICIARY_REF_ID_LENGTH = 14;
/**
 * Beneficiary reference ids of documentation examples: the protected API spec's `"1234567890123"` (13 digits),
 * reused in commcare-hq's partner-integration tests (cowin-formats.md §0.2, §2.5). A value from this list in a
 * "leak" is a recycled public example (cowin-formats.md §7).
 */
export const DOC_EXAMPLE_REF_IDS: readonly string[] = ['1234567890123'];

/**
 * A genuine `beneficiary_reference_id`: exactly 14 digits. The spec allows up to 14 characters but every real
 * value seen has 14; only documentation examples have 13 (cowin-formats.md §0.2, §2.2).
 */
export function isBeneficiaryRefId(value: string): boolean {
  return value.length === BENEFICIARY_REF_ID_LENGTH && allDigits(value);
}

/** A 13-digit reference id: the length found only in documentation examples such as {@link DOC_EXAMPLE_REF_IDS}. */
export function isDocLengthRefId(value: string): boolean {
  return value.length === BENEFICIARY_REF_ID_LENGTH - 1 && allDigits(value);
}

/**
 * A DIVOC certificate id: 11 decimal digits in 10000000000–99999999999, from
 * `Math.floor(1e10 + Math.random() * 9e10)` in DIVOC's signer (cowin-formats.md §0.3, §3.2).
 */
export function isCertificateId(value: string): boolean {
  return value.length === 11 && value.charCodeAt(0) !== 48 && allDigits(value);
}

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** A UUID version 4 (RFC 4122 variant): `session_id`, `appointment_id`, `txnId` (cowin-formats.md §0.5). */
export function isUuidV4(value: string): boolean {
  return value.length === 36 && UUID_V4.test(value);
}

/**
 * Public example values that appear in the API spec and in slot-bot samples; seeing them in a "leak" means it
 * recycles public material (cowin-formats.md §7 "Duplication").
 */
export const SPEC_EXAMPLE_VALUES: ReadonlySet<string> = new Set([
  '1234567890123',
  'Rajesh Pawar',
  '3fa85f64-5717-4562-b3fc-2c963f66afa6',
]);

/** The year in a 4-digit `birth_year` string (CoWin sends it as a string, cowin-formats.md §2.2), or NaN. */
export function birthYear(value: string): number {
  if (value.length !== 4 || !allDigits(value)) return NaN;
  return +value;
}

/** Oldest age accepted as possible; the oldest documented humans lived to about 120. */
export const MAX_AGE = 120;

/**
 * True when `value` is a 4-digit birth year that a living person of at least `minAge` could have in
 * `asOfYear`: `asOfYear - 120 <= year <= asOfYear - minAge`. Cohort eligibility (18+, 15–17, 12–14) is a
 * separate timeline check (cowin-formats.md §6), so `minAge` defaults to 0.
 */
export function isPossibleBirthYear(value: string, asOfYear: number, minAge = 0): boolean {
  const y = birthYear(value);
  return y >= asOfYear - MAX_AGE && y <= asOfYear - minAge;
}

/** `DD-MM-YYYY` calendar date, the CoWin API's format (cowin-formats.md §0.1). */
export function isDmyDate(value: string): boolean {
  return value.length === 10 && value.charCodeAt(2) === 45 && value.charCodeAt(5) === 45 && !Number.isNaN(parseDmy(value));
}

/** ISO 8601 date or date-time, the certificate's format (cowin-formats.md §0.1). */
export function isIsoDate(value: string): boolean {
  return !Number.isNaN(parseIso(value));
}

/**
 * `gender` values of the beneficiary API: `Male`, `Female` observed; `Others` is the presumed third value,
 * unconfirmed (cowin-formats.md §2.2 [M]; Android client ids 1/2/3, §2.6 [S-weak]).
 */
export const GENDERS: readonly string[] = ['Male', 'Female', 'Others'];
/** CoWin `gender_id` → label, from one Android client's hard-coded list (cowin-formats.md §2.6 [S-weak]). */
export const GENDER_BY_ID: Readonly<Record<number, string>> = { 1: 'Male', 2: 'Female', 3: 'Others' };
/** `vaccination_status` enum of the protected API spec (cowin-formats.md §2.2). */
export const VACCINATION_STATUSES: readonly string[] = ['Not Vaccinated', 'Partially Vaccinated', 'Vaccinated'];
/** `comorbidity_ind` enum of the spec; real responses also carry `""` (cowin-formats.md §2.2; indian-id-formats.md §1.2). */
export const COMORBIDITY_VALUES: readonly string[] = ['Y', 'N'];
/** Centre `fee_type` enum (cowin-formats.md §1.5). */
export const FEE_TYPES: readonly string[] = ['Free', 'Paid'];

const GENDER_SET: ReadonlySet<string> = new Set(GENDERS);
const STATUS_SET: ReadonlySet<string> = new Set(VACCINATION_STATUSES);
const COMORBIDITY_SET: ReadonlySet<string> = new Set(COMORBIDITY_VALUES);
const FEE_SET: ReadonlySet<string> = new Set(FEE_TYPES);

/** Exact CoWin spelling of a gender. */
export function isGender(value: string): boolean {
  return GENDER_SET.has(value);
}
/** Exact CoWin spelling of a vaccination status. */
export function isVaccinationStatus(value: string): boolean {
  return STATUS_SET.has(value);
}
/** `Y` or `N`. */
export function isComorbidityInd(value: string): boolean {
  return COMORBIDITY_SET.has(value);
}
/** `Free` or `Paid`. */
export function isFeeType(value: string): boolean {
  return FEE_SET.has(value);
}
