// The registry: every check, in report order. Explicit, so a check is on only when it is listed here.
import type { Check } from '../types.js';
import blankRow from './blank-row.js';
import headerLabels from './header-labels.js';
import inputComplete from './input-complete.js';
import jsonStructure from './json-structure.js';
import quoting from './quoting.js';
import rowShape from './row-shape.js';
import rewrittenValues from './rewritten-values.js';
import textEncoding from './text-encoding.js';
// Formats (Part 2): records against the format they claim, field values against their rules.
import aadhaarChecksum from './aadhaar-checksum.js';
import birthYearRange from './birth-year-range.js';
import dateFormat from './date-format.js';
import enrichedFields from './enriched-fields.js';
import idFormats from './id-formats.js';
import knownPublicValues from './known-public-values.js';
import maskingConsistency from './masking-consistency.js';
import mobileNumber from './mobile-number.js';
import panFormat from './pan-format.js';
import photoIdFormat from './photo-id-format.js';
import pincodeExists from './pincode-exists.js';
import recordSchema from './record-schema.js';
import stateName from './state-name.js';
import vocabulary from './vocabulary.js';
// Consistency (Part 3): the vaccination timeline and cross-record rules.
import ageEarlyDose from './age-early-dose.js';
import ageEligibility from './age-eligibility.js';
import centerConflict from './center-conflict.js';
import districtState from './district-state.js';
import doseDates from './dose-dates.js';
import doseIntervalMax from './dose-interval-max.js';
import doseIntervalMin from './dose-interval-min.js';
import doseNumber from './dose-number.js';
import idConflict from './id-conflict.js';
import mobileLimit from './mobile-limit.js';
import panName from './pan-name.js';
import pinState from './pin-state.js';
import precautionDose from './precaution-dose.js';
import sessionConflict from './session-conflict.js';
import udidBirthYear from './udid-birth-year.js';
import vaccinationStatus from './vaccination-status.js';
import vaccineAllowed from './vaccine-allowed.js';
// Duplicates (Part 4): copied rows, repeated and manufactured ids, overlap with known samples.
import duplicateIds from './duplicate-ids.js';
import duplicateRows from './duplicate-rows.js';
import manufacturedIds from './manufactured-ids.js';
import overlapKnown from './overlap-known.js';
// Plausibility (Part 5): sample-wide distributions against published baselines.
import aadhaarFirstDigit from './aadhaar-first-digit.js';
import ageMix from './age-mix.js';
import birthYearHeaping from './birth-year-heaping.js';
import genderSplit from './gender-split.js';
import nameFingerprints from './name-fingerprints.js';
import vaccineSplit from './vaccine-split.js';

/** The format checks: each record against its format's schema, each identifier and value against its own rules. */
export const FORMAT_CHECKS: readonly Check[] = [
  recordSchema,
  idFormats,
  dateFormat,
  vocabulary,
  maskingConsistency,
  aadhaarChecksum,
  panFormat,
  photoIdFormat,
  mobileNumber,
  pincodeExists,
  stateName,
  birthYearRange,
  enrichedFields,
  knownPublicValues,
];

/** The consistency checks: each record against the policy timeline, fields against each other, records against each other. */
export const CONSISTENCY_CHECKS: readonly Check[] = [
  doseDates,
  doseIntervalMin,
  doseIntervalMax,
  precautionDose,
  ageEligibility,
  ageEarlyDose,
  vaccineAllowed,
  vaccinationStatus,
  doseNumber,
  panName,
  udidBirthYear,
  districtState,
  pinState,
  mobileLimit,
  idConflict,
  centerConflict,
  sessionConflict,
];

/** The duplication checks: copies, inflation, repeated or manufactured identifiers, recycling (`--against`). */
export const DUPLICATE_CHECKS: readonly Check[] = [duplicateRows, duplicateIds, manufacturedIds, overlapKnown];

/**
 * The plausibility checks: distributions of the whole sample against CoWin's published ones. Whole-sample
 * statistics count the rows in excess of the expected shares as violations (support/distribution.ts).
 */
export const PLAUSIBILITY_CHECKS: readonly Check[] = [ageMix, genderSplit, nameFingerprints, aadhaarFirstDigit, birthYearHeaping, vaccineSplit];

export const CHECKS: readonly Check[] = [
  inputComplete,
  textEncoding,
  quoting,
  jsonStructure,
  headerLabels,
  rowShape,
  blankRow,
  rewrittenValues,
  ...FORMAT_CHECKS,
  ...CONSISTENCY_CHECKS,
  ...DUPLICATE_CHECKS,
  ...PLAUSIBILITY_CHECKS,
];

export function findCheck(id: string): Check | undefined {
  return CHECKS.find((c) => c.meta.id === id);
}
