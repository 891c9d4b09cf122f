// What the consistency checks read from one record: its dose days, birth year, vaccine and comorbidity, parsed
// once per record and shared by every check.
// Not a check.

import { parseAnyDate, yearOf } from '../../dates.js';
import { normalizeVaccine, type VaccineId } from '../../policy/rules.js';
import type { SampleRecord } from '../../types.js';

/** Where a record's birth year came from. */
export type BirthYearSource = 'birth_year' | 'date_of_birth' | 'age' | null;

/**
 * A record's facts. Days are UTC day numbers (src/dates.ts), NaN when absent or unreadable (the API's literal
 * `"Invalid date"` for an unvaccinated person included). Computed once per record, for whichever check asks
 * first, and kept on the record (`SampleRecord.facts`) for the others.
 */
export interface RecordFacts {
  /** Dose 1 day: `dose1_date`, or `vaccination_date` of a certificate with dose 1. */
  dose1: number;
  /** Dose 2 day: `dose2_date`, or `vaccination_date` of a certificate with dose 2 (of 2 or more). */
  dose2: number;
  /** Precaution dose day: `precaution_dose_date`, or a certificate's dose beyond `total_doses`. */
  precaution: number;
  /** `vaccination_date`. */
  vaccination: number;
  /** Field holding `dose1`, `dose2`, `precaution` (for examples). */
  dose1Field: string;
  dose2Field: string;
  precautionField: string;
  /** `dose` and `total_doses` (certificates), NaN when absent. */
  dose: number;
  totalDoses: number;
  /** From `birth_year`, `date_of_birth` or `age` (age counted back from the vaccination or dose date). */
  birthYear: number;
  birthYearSource: BirthYearSource;
  /** The field and text the birth year came from. */
  birthYearField: string;
  birthYearText: string;
  /** The vaccine named, any spelling (undefined when empty or unknown). */
  vaccine: VaccineId | undefined;
  /** `comorbidity_ind`: true for Y, false for N, undefined otherwise. */
  comorbid: boolean | undefined;
}

function day(v: string | undefined): number {
  return v === undefined ? NaN : parseAnyDate(v);
}

const ZERO_FRACTION = /^\.0*$/;

/** A small non-negative integer (`"2"`, `"2.0"` as JSON numbers print), or NaN. */
export function smallInt(v: string | undefined): number {
  if (v === undefined || v.length === 0 || v.length > 4) return NaN;
  let n = 0;
  let i = 0;
  for (; i < v.length; i++) {
    const c = v.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    n = n * 10 + c;
  }
  if (i === 0) return NaN;
  if (i < v.length && !(v[i] === '.' && ZERO_FRACTION.test(v.slice(i)))) return NaN;
  return n;
}

/** Doses in a vaccine's primary course as certificates count them (DIVOC default 2; cowin-formats.md §3.1). */
function defaultTotal(vaccine: VaccineId | undefined): number {
  return vaccine === 'sputnik-light' ? 1 : vaccine === 'zycov-d' ? 3 : 2;
}

/** The facts of `rec`, computed on the first call for this record and kept on it for the other checks. */
export function recordFacts(rec: SampleRecord): RecordFacts {
  return (rec.facts ??= factsOf(rec)) as RecordFacts;
}

function factsOf(rec: SampleRecord): RecordFacts {
  const f = rec.fields;
  const facts: RecordFacts = {
    dose1: day(f.dose1_date),
    dose2: NaN,
    precaution: NaN,
    vaccination: NaN,
    dose1Field: 'dose1_date',
    dose2Field: 'dose2_date',
    precautionField: 'precaution_dose_date',
    dose: NaN,
    totalDoses: NaN,
    birthYear: NaN,
    birthYearSource: null,
    birthYearField: '',
    birthYearText: '',
    vaccine: undefined,
    comorbid: undefined,
  };
  facts.dose2 = day(f.dose2_date);
  facts.precaution = day(f.precaution_dose_date);
  facts.vaccination = day(f.vaccination_date);
  const v = f.vaccine;
  facts.vaccine = v === undefined ? undefined : normalizeVaccine(v);
  facts.dose = smallInt(f.dose);
  facts.totalDoses = smallInt(f.total_doses);
  const c = f.comorbidity_ind;
  facts.comorbid = c === 'Y' || c === 'y' ? true : c === 'N' || c === 'n' ? false : undefined;

  // A certificate: one dose per record, numbered; a dose beyond the course is the precaution dose (§3.2).
  if (!Number.isNaN(facts.vaccination) && facts.dose >= 1) {
    const total = Number.isNaN(facts.totalDoses) ? defaultTotal(facts.vaccine) : facts.totalDoses;
    if (facts.dose > total) {
      if (Number.isNaN(facts.precaution)) {
        facts.precaution = facts.vaccination;
        facts.precautionField = 'vaccination_date';
      }
    } else if (facts.dose === 1) {
      if (Number.isNaN(facts.dose1)) {
        facts.dose1 = facts.vaccination;
        facts.dose1Field = 'vaccination_date';
      }
    } else if (facts.dose === 2 && Number.isNaN(facts.dose2)) {
      facts.dose2 = facts.vaccination;
      facts.dose2Field = 'vaccination_date';
    }
  }

  const by = f.birth_year;
  if (by !== undefined && by.length === 4) {
    const y = smallInt(by);
    if (y >= 1000) {
      facts.birthYear = y;
      facts.birthYearSource = 'birth_year';
      facts.birthYearField = 'birth_year';
      facts.birthYearText = by;
    }
  }
  if (facts.birthYearSource === null && f.date_of_birth !== undefined) {
    const d = parseAnyDate(f.date_of_birth);
    if (!Number.isNaN(d)) {
      facts.birthYear = yearOf(d);
      facts.birthYearSource = 'date_of_birth';
      facts.birthYearField = 'date_of_birth';
      facts.birthYearText = f.date_of_birth;
    }
  }
  if (facts.birthYearSource === null && f.age !== undefined) {
    // A certificate's age is the age on the vaccination day; a birthday later that year makes it a year off,
    // which the policy rules treat as borderline.
    const age = smallInt(f.age);
    const ref = !Number.isNaN(facts.vaccination) ? facts.vaccination : !Number.isNaN(facts.dose1) ? facts.dose1 : facts.dose2;
    if (age <= 130 && !Number.isNaN(ref)) {
      facts.birthYear = yearOf(ref) - age;
      facts.birthYearSource = 'age';
      facts.birthYearField = 'age';
      facts.birthYearText = f.age;
    }
  }
  return facts;
}

/** The earliest primary dose day a record gives (dose 1, else dose 2), NaN when none. */
export function firstPrimaryDay(x: RecordFacts): number {
  return Number.isNaN(x.dose1) ? x.dose2 : x.dose1;
}
