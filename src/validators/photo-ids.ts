// Photo-ID numbers CoWin accepted (passport, EPIC, driving licence, UDID, pension, NPR, ration card, MGNREGA…), the
// ID-type vocabulary, and one dispatcher that checks a number against its declared type.

import { aadhaarReason, isAadhaarPalindrome, isMaskedAadhaar, isVid, verhoeffValid, vidFirstDigitOk } from './aadhaar.js';
import { allDigits, compactId, maskedVisible, type Strength } from './formats.js';
import { isMaskedPan, panReason } from './pan.js';

/** The photo-ID families CoWin and its certificates know (indian-id-formats.md §1.1; cowin-formats.md §2.6). */
export type PhotoIdType =
  | 'aadhaar'
  | 'driving-licence'
  | 'pan'
  | 'passport'
  | 'pension-passbook'
  | 'npr-smart-card'
  | 'voter-id'
  | 'udid'
  | 'ration-card'
  | 'student-id'
  | 'mgnrega-job-card'
  | 'service-id-card'
  | 'passbook'
  | 'health-insurance-card'
  | 'legislator-id';

/** One rule a photo-ID number is checked against. */
export interface PhotoIdCheckInfo {
  /** Stable id, used as the `reason` of a failed check. */
  id: string;
  /** `hard`: an exact, sourced rule; `soft`: a hint, to be scored over a whole sample. */
  strength: Strength;
  description: string;
  source: string;
}

/** What is known about one photo-ID type. */
export interface PhotoIdSpec {
  type: PhotoIdType;
  /** The label as CoWin spells it. */
  label: string;
  /** CoWin's numeric `photo_id_type`, where known. */
  cowinId: number | undefined;
  /** Where and when CoWin accepted it. */
  accepted: string;
  /** Checks applied by {@link validatePhotoId}, in order (after the universal `id-empty`/`id-charset`). */
  checks: readonly PhotoIdCheckInfo[];
}

/** Outcome of {@link validatePhotoId}. */
export interface PhotoIdResult {
  /** False when a hard rule failed (or the type is unknown). */
  readonly ok: boolean;
  /** The number is masked (only a tail visible); only its mask shape was checked. */
  readonly masked: boolean;
  /** Id of the first failed check: the first hard failure, else the first soft one; undefined when all passed. */
  readonly reason: string | undefined;
  /** Strength of the check named by `reason`. */
  readonly strength: Strength | undefined;
}

interface Check extends PhotoIdCheckInfo {
  /** Passes? `v` is the compacted value (see compactId), `upper` the trimmed, upper-cased raw value. */
  test(v: string, upper: string): boolean;
  /** The test reads `upper`, so the dispatcher must build it. */
  needsUpper: boolean;
  fail: PhotoIdResult;
}

function check(
  id: string,
  strength: Strength,
  description: string,
  source: string,
  test: (v: string, upper: string) => boolean,
): Check {
  const fail = Object.freeze({ ok: strength !== 'hard', masked: false, reason: id, strength });
  return { id, strength, description, source, test, needsUpper: test.length > 1, fail };
}

// Universal sanity checks, applied to every type before its own.
const ID_EMPTY = check('id-empty', 'hard', 'The number is not empty.', '-', (v) => v.length > 0);
const ID_CHARSET = check('id-charset', 'hard', 'Only letters, digits and separators (space - . /).', 'indian-id-formats.md §2 (normalisation)', (v) => {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90))) return false;
  }
  return true;
});

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = digits.length - 1, dbl = false; i >= 0; i--, dbl = !dbl) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (dbl) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

const PASSPORT = /^[A-Z][0-9]{7}$/;
const E_PASSPORT = /^[A-Z]{2}[0-9]{6}$/;
const EPIC = /^[A-Z]{3}[0-9]{7}$/;
const EPIC_LEGACY = /^[A-Z]{2,3}\/\d{2}\/\d{3}\/\d{5,7}$/;
const DL_SARATHI_SHAPE = /^[A-Z]{2}[0-9]{13}$/;
const DL_SARATHI = /^[A-Z]{2}\d{2}(?:19[5-9]\d|20[0-2]\d)\d{7}$/;
const DL_LEGACY = /^[A-Z]{2}[A-Z0-9]{8,14}$/;
const UDID = /^[A-Z]{2}[0-9]{15}[A-Z0-9]$/;
const ALNUM_6_20 = /^[A-Z0-9]{6,20}$/;
const RATION_CARD = /^[A-Z0-9/-]{6,20}$/;
const MGNREGA = /^[A-Z]{2}[-\s]?\d{2,3}[-\s]?\d{3}[-\s]?\d{3}[-\s]?\d{3}\s?\/\s?\d{1,6}$/;

/**
 * Driving-licence state codes (RTO series) that could appear on a licence valid in 2021–22, including
 * pre-rename codes still on old cards: OR (Odisha before 2012), UA (Uttarakhand before 2007), DN/DD (before
 * the 2020 merger). `TG` (Telangana since 2024) is listed but flagged separately. Source: indian-id-formats.md
 * §2.5 — tagged [M], so only a soft signal.
 */
export const DL_STATE_CODES: ReadonlySet<string> = new Set([
  'AP', 'AR', 'AS', 'BR', 'CG', 'GA', 'GJ', 'HP', 'HR', 'JH', 'KA', 'KL', 'MH', 'ML', 'MN', 'MP', 'MZ', 'NL', 'OD',
  'OR', 'PB', 'RJ', 'SK', 'TN', 'TR', 'UP', 'WB', 'TS', 'TG', 'UK', 'UA', 'AN', 'CH', 'DD', 'DL', 'DN', 'JK', 'LA',
  'LD', 'PY',
]);

/** Year of issue inside a Sarathi-format licence (`SS RR YYYY NNNNNNN`), or NaN. */
export function drivingLicenceYear(value: string): number {
  const v = compactId(value);
  return DL_SARATHI_SHAPE.test(v) ? +v.slice(4, 8) : NaN;
}

/**
 * Year of birth inside a UDID (characters 8–11: state 2, district 2, CMO 1, disability type 2, then the year;
 * indian-id-formats.md §2.10 [S42, S43]), or NaN. It must equal the beneficiary's `birth_year`.
 */
export function udidBirthYear(value: string): number {
  const v = compactId(value);
  return UDID.test(v) ? +v.slice(7, 11) : NaN;
}

const THIS_YEAR = new Date().getUTCFullYear();

const AADHAAR_CHECKS: readonly Check[] = [
  check('aadhaar-length', 'hard', '12 digits (or a 16-digit VID given in its place).', 'indian-id-formats.md §2.1 [S16, S21]', (v) => allDigits(v) && (v.length === 12 || v.length === 16)),
  check('aadhaar-first-digit', 'hard', 'First digit 2–9: UIDAI reserves 0 and 1.', 'indian-id-formats.md §2.1 [S16, S18]', (v) => v.length === 16 || v.charCodeAt(0) >= 50),
  check('aadhaar-checksum', 'hard', 'Last digit is the Verhoeff check digit.', 'indian-id-formats.md §2.1 [S16, S20]', (v) => verhoeffValid(v)),
  check('aadhaar-vid', 'soft', 'A Virtual ID, not an Aadhaar number: rare in CoWin, whose ID field took Aadhaar.', 'indian-id-formats.md §2.1 [S21, S22]', (v) => v.length !== 16),
  check('vid-first-digit', 'soft', 'VID first digit 2–9 (stdnum-js rule; no UIDAI text found).', 'indian-id-formats.md §2.1 [M]', (v) => v.length !== 16 || vidFirstDigitOk(v)),
  check('aadhaar-palindrome', 'soft', 'Not a palindrome (python-stdnum heuristic, not a UIDAI rule).', 'indian-id-formats.md §2.1 [S17]', (v) => !isAadhaarPalindrome(v)),
];

const PAN_CHECKS: readonly Check[] = [
  check('pan-shape', 'hard', '5 letters, 4 digits, 1 letter.', 'indian-id-formats.md §2.2 [S23–S25]', (v) => panReason(v) !== 'shape'),
  check('pan-holder-type', 'hard', '4th letter is a known holder status.', 'indian-id-formats.md §2.2 [S23, S24, S26]', (v) => panReason(v) !== 'holder-type'),
  check('pan-serial', 'hard', 'Serial 0001–9999 (0000 is never issued).', 'indian-id-formats.md §2.2 (python-stdnum, stdnum-js)', (v) => panReason(v) !== 'serial-0000'),
  check('pan-person', 'hard', '4th letter P: every CoWin beneficiary is an individual.', 'indian-id-formats.md §2.2 [S23]', (v) => v.charCodeAt(3) === 80),
];

const PASSPORT_CHECKS: readonly Check[] = [
  check('passport-e-passport', 'hard', 'Not the 2-letter + 6-digit e-passport format, issued only from 2024 (anachronistic for CoWin).', 'indian-id-formats.md §2.3 [S30]', (v) => !E_PASSPORT.test(v)),
  check('passport-shape', 'hard', '1 letter + 7 digits.', 'indian-id-formats.md §2.3 [S28, S29]', (v) => PASSPORT.test(v)),
  check('passport-letter', 'soft', 'First letter not Q, X or Z (unsourced claim).', 'indian-id-formats.md §2.3 [S29, M]', (v) => {
    const c = v.charCodeAt(0);
    return c !== 81 && c !== 88 && c !== 90;
  }),
  check('passport-first-digit', 'soft', 'First digit after the letter is not 0 (from a widely copied, unsourced regex).', 'indian-id-formats.md §2.3 [S9, M]', (v) => v.charCodeAt(1) !== 48),
];

const VOTER_ID_CHECKS: readonly Check[] = [
  check('epic-shape', 'hard', '3 letters + 7 digits, or a legacy state format like AP/12/123/123456.', 'indian-id-formats.md §2.4 [S31–S33]; legacy [M]', (v, upper) => EPIC.test(v) || EPIC_LEGACY.test(upper)),
  check('epic-legacy-format', 'soft', 'Current 10-character format rather than a legacy one.', 'indian-id-formats.md §2.4 [M]', (v) => EPIC.test(v)),
  check('epic-luhn', 'soft', 'Luhn check over the 7 digits: disputed rule, a sample-level diagnostic only.', 'indian-id-formats.md §2.4 [S31, S34] vs [S32]', (v) => !EPIC.test(v) || luhnValid(v.slice(3))),
];

const DL_CHECKS: readonly Check[] = [
  check('dl-shape', 'hard', 'Sarathi SS RR YYYY NNNNNNN (15 characters), or a legacy 2 letters + 8–14 alphanumerics.', 'indian-id-formats.md §2.5 [S35, S36]; legacy [M]', (v) => DL_SARATHI_SHAPE.test(v) || DL_LEGACY.test(v)),
  check('dl-year', 'hard', 'Sarathi year of issue 1950–2029.', 'indian-id-formats.md §2.5 [S35, S36]', (v) => !DL_SARATHI_SHAPE.test(v) || DL_SARATHI.test(v)),
  check('dl-legacy-format', 'soft', 'Sarathi format rather than a legacy state format.', 'indian-id-formats.md §2.5 [M]', (v) => DL_SARATHI_SHAPE.test(v)),
  check('dl-state-code', 'soft', 'Starts with a known RTO state code.', 'indian-id-formats.md §2.5 [M]', (v) => DL_STATE_CODES.has(v.slice(0, 2))),
  check('dl-state-code-2024', 'soft', 'Not TG, the Telangana code used only from 2024 (TS before).', 'indian-id-formats.md §2.5 [M]', (v) => !(v.charCodeAt(0) === 84 && v.charCodeAt(1) === 71)),
];

const UDID_CHECKS: readonly Check[] = [
  check('udid-shape', 'hard', '18 characters: 2 letters + 16 digits (last is a check character).', 'indian-id-formats.md §2.10 [S42, S43]', (v) => UDID.test(v)),
  check('udid-birth-year', 'hard', 'Embedded year of birth (characters 8–11) is 1900..this year.', 'indian-id-formats.md §2.10 [S42, S43]', (v) => {
    const y = +v.slice(7, 11);
    return y >= 1900 && y <= THIS_YEAR;
  }),
  check('udid-check-letter', 'soft', 'Last character is a digit (whether it may be a letter is unverified).', 'indian-id-formats.md §2.10 [M]', (v) => {
    const c = v.charCodeAt(v.length - 1);
    return c >= 48 && c <= 57;
  }),
];

const PENSION_CHECKS: readonly Check[] = [
  check('pension-shape', 'soft', '6–20 letters or digits (EPS and state pension numbers vary).', 'indian-id-formats.md §2.9 [M]', (v) => ALNUM_6_20.test(v)),
  check('ppo-12-digits', 'soft', 'A 12-digit central PPO number (other pension formats exist).', 'indian-id-formats.md §2.9 [S41]', (v) => v.length === 12 && allDigits(v)),
];

const NPR_CHECKS: readonly Check[] = [
  check('npr-digits', 'soft', '16–27 digits: the card number format is undocumented.', 'indian-id-formats.md §2.6 [S38, S9, M]', (v) => v.length >= 16 && v.length <= 27 && allDigits(v)),
];

const RATION_CARD_CHECKS: readonly Check[] = [
  check('ration-card-shape', 'soft', '6–20 letters, digits, / or - (state-issued, formats vary).', 'indian-id-formats.md §2.7 [M]', (_v, upper) => RATION_CARD.test(upper)),
];

const MGNREGA_CHECKS: readonly Check[] = [
  check('mgnrega-shape', 'hard', 'SS-DD-BBB-PPP-VVV/HHHH (state, district, block, panchayat, village / household).', 'indian-id-formats.md §2.8 [S39, S40]', (_v, upper) => MGNREGA.test(upper)),
];

const NO_CHECKS: readonly Check[] = [];

interface SpecWithChecks extends PhotoIdSpec {
  run: readonly Check[];
}

function spec(type: PhotoIdType, label: string, cowinId: number | undefined, accepted: string, run: readonly Check[]): SpecWithChecks {
  const checks = [ID_EMPTY, ID_CHARSET, ...run].map(({ id, strength, description, source }) => ({ id, strength, description, source }));
  return { type, label, cowinId, accepted, checks, run };
}

// Labels and numeric ids: cowin-formats.md §2.6 and indian-id-formats.md §1.1 (ids from one Android client [S4],
// S-weak; NPR, UDID and Student ID ids unknown). Acceptance dates: indian-id-formats.md §1.1 [S1–S6];
// cowin-formats.md §2.6 (Student ID from 1 Jan 2022).
const SPECS: Readonly<Record<PhotoIdType, SpecWithChecks>> = {
  aadhaar: spec('aadhaar', 'Aadhaar Card', 1, 'CoWin 2.0 list, Mar 2021', AADHAAR_CHECKS),
  'driving-licence': spec('driving-licence', 'Driving License', 2, 'CoWin 2.0 list, Mar 2021', DL_CHECKS),
  pan: spec('pan', 'PAN Card', 6, 'CoWin 2.0 list, Mar 2021', PAN_CHECKS),
  passport: spec('passport', 'Passport', 8, 'CoWin 2.0 list, Mar 2021', PASSPORT_CHECKS),
  'pension-passbook': spec('pension-passbook', 'Pension Passbook', 9, 'CoWin 2.0 list, Mar 2021', PENSION_CHECKS),
  'npr-smart-card': spec('npr-smart-card', 'NPR Smart Card', undefined, 'CoWin 2.0 list, Mar 2021', NPR_CHECKS),
  'voter-id': spec('voter-id', 'Voter ID', 12, 'CoWin 2.0 list, Mar 2021', VOTER_ID_CHECKS),
  udid: spec('udid', 'Unique Disability ID', undefined, 'added Jun 2021', UDID_CHECKS),
  'ration-card': spec('ration-card', 'Ration Card with Photo', 16, 'later 2021 lists (date unverified)', RATION_CARD_CHECKS),
  'student-id': spec('student-id', 'Student Photo ID Card', undefined, 'ages 15–17, from 1 Jan 2022', NO_CHECKS),
  'mgnrega-job-card': spec('mgnrega-job-card', 'MGNREGA Job Card', undefined, 'on-site verification list, Jan 2021', MGNREGA_CHECKS),
  'service-id-card': spec('service-id-card', 'Service Identity Card', undefined, 'on-site verification list, Jan 2021', NO_CHECKS),
  passbook: spec('passbook', 'Bank/Post Office Passbook with Photo', undefined, 'on-site verification list, Jan 2021', NO_CHECKS),
  'health-insurance-card': spec('health-insurance-card', 'Health Insurance Smart Card', undefined, 'on-site verification list, Jan 2021', NO_CHECKS),
  'legislator-id': spec('legislator-id', 'Official ID of MP/MLA/MLC', undefined, 'on-site verification list, Jan 2021', NO_CHECKS),
};

/** Metadata of every photo-ID type: CoWin label and id, when it was accepted, and each check with its strength and source. */
export const PHOTO_ID_SPECS: Readonly<Record<PhotoIdType, PhotoIdSpec>> = SPECS;

const NOT_ALNUM = /[^a-z0-9]/g;

function fold(s: string): string {
  return s.toLowerCase().replace(NOT_ALNUM, '');
}

// Spellings seen in CoWin, its clients and certificates (cowin-formats.md §2.6; indian-id-formats.md §1.1),
// folded to lower-case alphanumerics. Numbers are CoWin's `photo_id_type` ids.
const ALIASES: Readonly<Record<PhotoIdType, readonly string[]>> = {
  aadhaar: ['aadhaar card', 'aadhar card', 'aadhaar', 'aadhar', 'adhaar', 'adhar', 'adhar card', 'aadhaar letter', 'uid', 'uidai', '1'],
  'driving-licence': ['driving license', 'driving licence', 'dl', 'driving licence dl', '2'],
  pan: ['pan card', 'pan', 'permanent account number', '6'],
  passport: ['passport', '8'],
  'pension-passbook': ['pension passbook', 'pension document', 'pension document with photograph', 'ppo', 'pension payment order', '9'],
  'npr-smart-card': ['npr smart card', 'npr', 'npr card', 'national population register smart card'],
  'voter-id': ['voter id', 'voter id card', 'voter card', 'epic', 'voter id epic', 'electoral photo identity card', 'electors photo identity card', '12'],
  udid: ['unique disability id', 'unique disability id udid', 'udid', 'udid card', 'unique disability', 'unique disability id card'],
  'ration-card': ['ration card with photo', 'ration card', '16'],
  'student-id': ['student photo id card', 'student photo id', 'student id', 'student id card'],
  'mgnrega-job-card': ['mgnrega job card', 'mnrega job card', 'nrega job card', 'job card', 'mgnrega', 'mnrega'],
  'service-id-card': ['service identity card', 'service id card', 'service id'],
  passbook: ['passbook', 'bank passbook', 'post office passbook', 'bank post office passbook with photo', 'passbook with photo'],
  'health-insurance-card': ['health insurance smart card'],
  'legislator-id': ['official identity card of mp mla mlc', 'mp mla mlc id', 'mp mla id'],
};

const TYPE_BY_FOLD: ReadonlyMap<string, PhotoIdType> = (() => {
  const m = new Map<string, PhotoIdType>();
  for (const t of Object.keys(ALIASES) as PhotoIdType[]) {
    m.set(fold(SPECS[t].label), t);
    for (const a of ALIASES[t]) m.set(fold(a), t);
  }
  return m;
})();

// Distinct labels in one file are few; the bound stops a column of junk from growing the cache without limit.
const TYPE_CACHE = new Map<string, PhotoIdType | undefined>();
const TYPE_CACHE_MAX = 4096;

/**
 * The photo-ID type a CoWin label or numeric id names (`"Aadhaar Card"`, `"Driving License"`, `"Voter ID"`,
 * `"Unique Disability ID (UDID)"`, `12`, `"16"`…), compared case- and punctuation-insensitively; undefined when
 * unknown.
 */
export function photoIdType(label: string | number): PhotoIdType | undefined {
  const key = typeof label === 'number' ? String(label) : label;
  const hit = TYPE_CACHE.get(key);
  if (hit !== undefined || TYPE_CACHE.has(key)) return hit;
  const t = TYPE_BY_FOLD.get(fold(key));
  if (TYPE_CACHE.size < TYPE_CACHE_MAX) TYPE_CACHE.set(key, t);
  return t;
}

const PASS: PhotoIdResult = Object.freeze({ ok: true, masked: false, reason: undefined, strength: undefined });
const MASKED_OK: PhotoIdResult = Object.freeze({ ok: true, masked: true, reason: undefined, strength: undefined });
const UNKNOWN_TYPE: PhotoIdResult = Object.freeze({ ok: false, masked: false, reason: 'unknown-type', strength: undefined });
const maskedFail = (reason: string): PhotoIdResult => Object.freeze({ ok: false, masked: true, reason, strength: 'hard' as const });
// CoWin shows at most the last 4 characters of a photo-ID number (cowin-formats.md §0.4, §7).
const MASK_TOO_VISIBLE = maskedFail('mask-too-visible');
const AADHAAR_MASK_SHAPE = maskedFail('aadhaar-mask-shape');
const PAN_MASKED_NOT_PERSON = maskedFail('pan-person');

/** Most trailing characters CoWin leaves visible in a masked ID number (cowin-formats.md §7). */
export const MAX_VISIBLE_MASKED = 4;

function validateMasked(type: PhotoIdType, raw: string, visible: number): PhotoIdResult {
  if (type === 'aadhaar') return isMaskedAadhaar(raw) ? MASKED_OK : AADHAAR_MASK_SHAPE;
  return visible <= MAX_VISIBLE_MASKED ? MASKED_OK : MASK_TOO_VISIBLE;
}

/**
 * Check a photo-ID number against its declared type (a {@link PhotoIdType} or any CoWin label/id that
 * {@link photoIdType} knows). Masked numbers are checked for mask shape only. The result's `reason` is the id of
 * the first failed check (see {@link PHOTO_ID_SPECS}); `ok` is false only when a hard check failed.
 */
export function validatePhotoId(type: PhotoIdType | string | number, number: string): PhotoIdResult {
  const t = typeof type === 'string' && Object.hasOwn(SPECS, type) ? (type as PhotoIdType) : photoIdType(type);
  if (t === undefined) return UNKNOWN_TYPE;
  const visible = maskedVisible(number);
  if (visible >= 0) return validateMasked(t, number, visible);
  const v = compactId(number);
  if (t === 'pan' && isMaskedPan(v)) return v.charCodeAt(3) === 80 ? MASKED_OK : PAN_MASKED_NOT_PERSON;
  if (!ID_EMPTY.test(v, '')) return ID_EMPTY.fail;
  if (!ID_CHARSET.test(v, '')) return ID_CHARSET.fail;
  const run = SPECS[t].run;
  let soft: PhotoIdResult | undefined;
  let upper: string | undefined;
  for (let i = 0; i < run.length; i++) {
    const c = run[i];
    if (c.strength === 'soft' && soft !== undefined) continue;
    if (upper === undefined && c.needsUpper) upper = number.trim().toUpperCase();
    if (c.test(v, upper ?? '')) continue;
    if (c.strength === 'hard') return c.fail;
    soft = c.fail;
  }
  return soft ?? PASS;
}

/**
 * The type a bare number's shape points to, for spotting swapped columns: a valid Aadhaar or VID, a PAN, a
 * Sarathi licence, a UDID, an EPIC or a passport; undefined when none fits.
 */
export function inferPhotoIdType(number: string): PhotoIdType | undefined {
  const v = compactId(number);
  if (aadhaarReason(v) === 'ok' || isVid(v)) return 'aadhaar';
  if (panReason(v) !== 'shape') return 'pan';
  if (DL_SARATHI.test(v)) return 'driving-licence';
  if (UDID.test(v)) return 'udid';
  if (EPIC.test(v)) return 'voter-id';
  if (PASSPORT.test(v)) return 'passport';
  return undefined;
}
