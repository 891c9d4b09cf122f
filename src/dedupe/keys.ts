// What identifies a record and a person, read from a SampleRecord's canonical fields. Shared by the duplicate
// checks and the fingerprint so that both judge "the same" alike.
import { FIELD_BY_ID } from '../fields.js';
import { parseAnyDate, yearOf } from '../dates.js';

/** Identifier kinds. Each kind is its own namespace: a reference id never matches a certificate id. */
export const ID_KINDS = ['ref', 'idnum', 'cert', 'appointment', 'session', 'mobile'] as const;
export type IdKind = (typeof ID_KINDS)[number];

/** Which identifier kind each identifier field belongs to. Aadhaar, PAN and photo ID numbers share one. */
export const ID_FIELD_KIND: Readonly<Record<string, IdKind>> = {
  beneficiary_reference_id: 'ref',
  photo_id_number: 'idnum',
  aadhaar_number: 'idnum',
  pan_number: 'idnum',
  certificate_id: 'cert',
  appointment_id: 'appointment',
  session_id: 'session',
};

/** Identifier fields (never part of the person comparison: a padder may give each copy new ids). */
export const ID_FIELDS: ReadonlySet<string> = new Set([...Object.keys(ID_FIELD_KIND), 'bank_account']);

/** Fields naming a person. */
export const NAME_FIELDS: ReadonlySet<string> = new Set(['name']);

/** Identifiers shorter than this are not unique keys (masked tails, small serials). */
export const MIN_ID_LENGTH = 6;

/** Fields whose values are dates: compared as day numbers so DD-MM-YYYY and ISO agree. */
export const DATE_FIELDS: ReadonlySet<string> = new Set(
  [...FIELD_BY_ID.values()].filter((d) => d.kind === 'date').map((d) => d.id),
);

/** Dates that describe the vaccination, the strongest evidence two rows are one event. */
export const DOSE_DATE_FIELDS: ReadonlySet<string> = new Set(['dose1_date', 'dose2_date', 'precaution_dose_date', 'vaccination_date']);

function isMaskChar(c: number): boolean {
  return c === 88 || c === 120 || c === 42 || c === 0x2022 || c === 35; // X x * • #
}

/**
 * An identifier normalised for comparison (upper case; spaces, hyphens, dots and slashes dropped), or ''
 * when it is masked (a run of 4 or more X, or any *, • or #) or too short to identify anything.
 */
export function normalizeId(value: string): string {
  // Fast path: digits and capitals only, no mask run (most ids): the value itself, no allocation.
  let clean = value.length >= MIN_ID_LENGTH;
  let xs = 0;
  for (let k = 0; clean && k < value.length; k++) {
    const c = value.charCodeAt(k);
    if (c === 88) {
      if (++xs >= 4) return '';
    } else xs = 0;
    clean = (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  }
  if (clean) return value;
  let out = '';
  let run = 0;
  for (let k = 0; k < value.length; k++) {
    let c = value.charCodeAt(k);
    if (c === 32 || c === 45 || c === 46 || c === 47 || c === 9) continue;
    if (c === 42 || c === 0x2022 || c === 35) return '';
    if (isMaskChar(c)) {
      if (++run >= 4) return '';
    } else run = 0;
    if (c >= 97 && c <= 122) c -= 32;
    out += String.fromCharCode(c);
  }
  return out.length >= MIN_ID_LENGTH ? out : '';
}

/** All digits? */
export function isDigits(s: string): boolean {
  if (!s.length) return false;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The digits of a value, in order (a mobile's "+91 98765-43210" -> "919876543210"). */
export function digitsOf(value: string): string {
  let out = '';
  for (let k = 0; k < value.length; k++) {
    const c = value.charCodeAt(k);
    if (c >= 48 && c <= 57) out += value[k];
  }
  return out;
}

/** A full 10-digit Indian mobile number (country code and leading 0 dropped), or '' (masked, partial). */
export function fullMobile(value: string): string {
  const d = digitsOf(value);
  const m = d.length === 12 && d.startsWith('91') ? d.slice(2) : d.length === 11 && d[0] === '0' ? d.slice(1) : d;
  return m.length === 10 ? m : '';
}

/** The last four digits of a mobile number, full or as the API masks it ("XXXXXX3210", "3210"), or ''. */
export function mobileTail(value: string): string {
  const d = digitsOf(value);
  return d.length >= 4 ? d.slice(-4) : '';
}

/** The last four digits of a mobile number as {@link mobileTail} finds them, as a number (0-9999), or -1 when there are none. No allocation. */
export function mobileTailNumber(value: string): number {
  let tail = 0;
  let unit = 1;
  for (let k = value.length - 1; k >= 0 && unit < 10000; k--) {
    const c = value.charCodeAt(k);
    if (c >= 48 && c <= 57) {
      tail += (c - 48) * unit;
      unit *= 10;
    }
  }
  return unit === 10000 ? tail : -1;
}

/** Gender folded to one letter: m, f or o (others, transgender), or '' when unknown. */
export function genderCode(value: string | undefined): string {
  if (!value) return '';
  const c = value.charCodeAt(0) | 32;
  if (c === 109) return 'm'; // Male, M
  if (c === 102) return 'f'; // Female, F
  if (c === 111 || c === 116) return 'o'; // Others, Transgender
  return '';
}

/** Year of birth from birth_year, else from date_of_birth; NaN when neither is usable. */
export function birthYearOf(fields: Record<string, string>): number {
  const y = fields.birth_year;
  if (y !== undefined && y.length === 4 && isDigits(y)) return Number(y);
  const dob = fields.date_of_birth;
  if (dob !== undefined) {
    const day = parseAnyDate(dob);
    if (!Number.isNaN(day)) return yearOf(day);
  }
  return NaN;
}

/** A field's value normalised for whole-record comparison: dates as day numbers, gender folded, text case- and space-folded. */
export function comparableValue(field: string, value: string): string {
  if (DATE_FIELDS.has(field)) {
    const day = parseAnyDate(value);
    if (!Number.isNaN(day)) return String(day);
  }
  if (field === 'gender') return genderCode(value) || value.toLowerCase();
  if (field === 'mobile_number') return fullMobile(value) || value;
  if (ID_FIELDS.has(field)) return normalizeId(value) || value.toUpperCase();
  let out = '';
  let space = false;
  for (let k = 0; k < value.length; k++) {
    const c = value.charCodeAt(k);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0) {
      space = out.length > 0;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : value[k];
  }
  return out;
}

/** Aadhaar-shaped: 12 digits, first digit 2-9 (indian-id-formats.md §1). */
export function isAadhaarShaped(id: string): boolean {
  return id.length === 12 && isDigits(id) && id.charCodeAt(0) >= 50;
}
