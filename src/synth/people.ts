// A model of genuine CoWin beneficiaries for synthetic samples: who was vaccinated when, with what, where.
// Distributions follow the published baselines (indian-id-formats.md §7; cowin-data/aggregates); the
// schedule follows the policy timeline (src/policy). Every person is invented.
import { dayNumber, formatDmy } from '../dates.js';
import { judgeInterval, precautionRule, type VaccineId } from '../policy/rules.js';
import { VACCINES } from '../policy/timeline.js';
import { verhoeffCheckDigit } from '../validators/aadhaar.js';
import { COWIN_DISTRICTS, COWIN_STATES } from '../validators/geo.js';
import { isLandlineRange } from '../validators/mobile.js';
import { statesOfPin } from '../validators/pincode.js';
import { FEMALE, MALE, STATE_REGION, SURNAMES } from './names.js';
import type { Random } from './random.js';

export interface Person {
  refId: string;
  name: string;
  gender: 'Male' | 'Female' | 'Others';
  birthYear: number;
  mobile: string;
  aadhaar: string;
  photoIdType: string;
  photoIdNumber: string;
  comorbid: boolean;
  state: string;
  district: string;
  pincode: string;
  centerId: number;
  centerName: string;
  vaccine: VaccineId | null;
  dose1: number | null;
  dose2: number | null;
  precaution: number | null;
  precautionVaccine: VaccineId | null;
}

/** The API spelling of a vaccine (upper case where attested; cowin-formats.md §0.7). */
export function apiVaccine(id: VaccineId): string {
  return VACCINES.find((v) => v.id === id)!.api;
}

// Rough population weights (Census 2011 millions) so large states dominate as they do in CoWin's dose counts.
const STATE_WEIGHT: Record<string, number> = {
  'Uttar Pradesh': 200, Maharashtra: 112, Bihar: 104, 'West Bengal': 91, 'Andhra Pradesh': 50, Telangana: 35,
  'Madhya Pradesh': 73, 'Tamil Nadu': 72, Rajasthan: 69, Karnataka: 61, Gujarat: 60, Odisha: 42, Kerala: 33,
  Jharkhand: 33, Assam: 31, Punjab: 28, Chhattisgarh: 26, Haryana: 25, Delhi: 17, 'Jammu and Kashmir': 12,
  Uttarakhand: 10, 'Himachal Pradesh': 7,
};

const STATE_WEIGHTS = COWIN_STATES.map((s) => [s, STATE_WEIGHT[s] ?? 3] as const);

const PHOTO_IDS: [string, number][] = [
  ['Aadhaar Card', 88], ['Voter ID', 5], ['Driving License', 3], ['PAN Card', 2], ['Passport', 0.7], ['Pension Passbook', 0.5],
  ['Ration Card with Photo', 0.5], ['NPR Smart Card', 0.2], ['Unique Disability ID', 0.1],
];

let pinsByState: Map<string, number[]> | undefined;
function pinsOf(state: string): number[] {
  if (!pinsByState) {
    pinsByState = new Map();
    for (let pin = 100000; pin <= 999999; pin++) {
      for (const s of statesOfPin(pin)) {
        let list = pinsByState.get(s);
        if (!list) pinsByState.set(s, (list = []));
        list.push(pin);
      }
    }
  }
  return pinsByState.get(state) ?? [];
}

// Districts by state, in COWIN_DISTRICTS order (what filtering the list per person gave, at a 20th of the cost).
let districtsByState: Map<string, (typeof COWIN_DISTRICTS)[number][]> | undefined;
function districtsOf(state: string): (typeof COWIN_DISTRICTS)[number][] {
  if (!districtsByState) {
    districtsByState = new Map();
    for (const d of COWIN_DISTRICTS) {
      let list = districtsByState.get(d.state);
      if (!list) districtsByState.set(d.state, (list = []));
      list.push(d);
    }
  }
  return districtsByState.get(state) ?? [];
}

/** A valid Aadhaar number: first digit 2-9, Verhoeff check digit (indian-id-formats.md §1). */
export function aadhaar(r: Random): string {
  const payload = String(r.int(2, 9)) + r.digits(10);
  return payload + String(verhoeffCheckDigit(payload));
}

/** A 10-digit mobile number outside the fixed-line-only ranges. */
export function mobile(r: Random): string {
  for (;;) {
    const m = String(r.weighted([[9, 50], [8, 22], [7, 20], [6, 8]] as const)) + r.digits(9);
    if (!isLandlineRange(m)) return m;
  }
}

function photoId(r: Random, type: string, surname: string, birthYear: number, aadhaarNo: string): string {
  const L = (n: number): string => Array.from({ length: n }, () => String.fromCharCode(65 + r.int(0, 25))).join('');
  switch (type) {
    case 'Aadhaar Card':
      return aadhaarNo;
    case 'PAN Card':
      return `${L(3)}P${surname[0].toUpperCase()}${String(r.int(1, 9999)).padStart(4, '0')}${L(1)}`;
    case 'Voter ID':
      return `${L(3)}${r.digits(7)}`;
    case 'Passport':
      return `${L(1)}${r.int(1, 9)}${r.digits(6)}`;
    case 'Driving License':
      return `MH${String(r.int(1, 50)).padStart(2, '0')}${r.int(2000, 2020)}${r.digits(7)}`;
    case 'Unique Disability ID':
      // State 2, district 2, CMO 1, disability type 2, birth year 4, serial 6, check 1 (indian-id-formats.md §2.10).
      return `MH${r.digits(2)}${r.digits(1)}${r.digits(2)}${birthYear}${r.digits(6)}${r.digits(1)}`;
    default:
      return r.digits(12);
  }
}

/** The first day a person could get a first dose by age group and priority (cowin-formats.md §6). */
function firstEligible(age2022: number, comorbid: boolean, priority: boolean): number {
  if (priority) return dayNumber(2021, 1, 16);
  if (age2022 >= 60 || (age2022 >= 45 && comorbid)) return dayNumber(2021, 3, 1);
  if (age2022 >= 45) return dayNumber(2021, 4, 1);
  if (age2022 >= 18) return dayNumber(2021, 5, 1);
  return dayNumber(2022, 1, 3); // 15-17 (the generator keeps to adults and 15-17)
}

export interface PeopleOptions {
  /** The day the sample was taken: no dose after it. */
  asOf: number;
  /** Share of health and frontline workers (vaccinated before their age group). */
  priorityShare?: number;
}

/** One genuine-like person. */
export function person(r: Random, opts: PeopleOptions, family?: Person): Person {
  const state = family?.state ?? r.weighted(STATE_WEIGHTS);
  const districts = districtsOf(state);
  const district = r.pick(districts).name;
  const region = STATE_REGION[state] ?? 'north';
  const gender = r.weighted([['Male', 52], ['Female', 47.98], ['Others', 0.02]] as const);
  const first = r.pick(gender === 'Female' ? FEMALE[region] : MALE[region]);
  const surname = family ? family.name.split(' ').slice(1).join(' ') : r.pick(SURNAMES[region]);
  const group = r.weighted([['18-44', 62], ['45-59', 22.5], ['60+', 14.5], ['15-17', 1]] as const);
  const age2022 =
    group === '18-44' ? r.int(18, 44) : group === '45-59' ? r.int(45, 59) : group === '60+' ? Math.min(100, 60 + Math.floor(Math.abs(r.normal(0, 9)))) : r.int(15, 17);
  const birthYear = 2022 - age2022;
  const comorbid = age2022 >= 45 && r.chance(0.12);
  const priority = age2022 >= 18 && r.chance(opts.priorityShare ?? 0.05);
  const aadhaarNo = aadhaar(r);
  const photoIdType = r.weighted(PHOTO_IDS);
  const pins = pinsOf(state);
  const p: Person = {
    refId: String(r.int(1, 9)) + r.digits(13),
    name: `${first} ${surname}`,
    gender,
    birthYear,
    mobile: mobile(r),
    aadhaar: aadhaarNo,
    photoIdType,
    photoIdNumber: photoId(r, photoIdType, surname, birthYear, aadhaarNo),
    comorbid,
    state,
    district,
    pincode: String(pins.length ? r.pick(pins) : 110001),
    centerId: r.int(550000, 720000),
    centerName: `${r.pick(['PHC', 'UPHC', 'CHC', 'District Hospital', 'Sub Centre', 'Govt Hospital'])} ${district.trim()}`,
    vaccine: null,
    dose1: null,
    dose2: null,
    precaution: null,
    precautionVaccine: null,
  };
  vaccinate(r, p, age2022, priority, opts.asOf);
  return p;
}

function vaccinate(r: Random, p: Person, age2022: number, priority: boolean, asOf: number): void {
  if (r.chance(0.04)) return; // registered, not vaccinated
  const open = firstEligible(age2022, p.comorbid, priority);
  if (open > asOf) return;
  // First doses cluster in the months after a group opens (the drive peaked mid-2021).
  const span = Math.min(asOf - open, 300);
  const dose1 = open + Math.floor(span * Math.pow(r.next(), 1.8));
  let vaccine: VaccineId = age2022 < 18 ? 'covaxin' : r.weighted([['covishield', 85], ['covaxin', 13.5], ['sputnik-v', 1.5]] as const);
  if (vaccine === 'sputnik-v' && dose1 < dayNumber(2021, 5, 14)) vaccine = 'covishield';
  p.vaccine = vaccine;
  p.dose1 = dose1;
  if (r.chance(0.12)) return; // no second dose (yet)
  for (let attempt = 0; attempt < 20; attempt++) {
    const base = vaccine === 'covishield' ? (dose1 < dayNumber(2021, 2, 15) ? 28 : dose1 < dayNumber(2021, 3, 25) ? 42 : 84) : vaccine === 'sputnik-v' ? 21 : 28;
    const late = r.chance(0.25) ? r.int(0, 60) : r.int(0, 10);
    const dose2 = dose1 + base + late;
    if (dose2 > asOf) return;
    const verdict = judgeInterval(vaccine, dose1, dose2);
    if (verdict && (verdict.status === 'ok' || verdict.status === 'late')) {
      p.dose2 = dose2;
      break;
    }
  }
  if (p.dose2 === null) return;
  const rule = precautionRule(Math.max(p.dose2 + 273, dayNumber(2022, 1, 10)));
  if (!rule || age2022 < 18 || !r.chance(age2022 >= 60 || priority ? 0.45 : 0.12)) return;
  const earliest = Math.max(p.dose2 + rule.minDays + 3, dayNumber(2022, 7, 15));
  const day = earliest + r.int(0, 120);
  if (day <= asOf) {
    p.precaution = day;
    p.precautionVaccine = vaccine === 'sputnik-v' ? null : vaccine;
    if (p.precautionVaccine === null) p.precaution = null;
  }
}

/** Several people, some sharing a mobile number as family members do (up to 4 per number). */
export function people(r: Random, n: number, opts: PeopleOptions): Person[] {
  const out: Person[] = [];
  while (out.length < n) {
    const head = person(r, opts);
    out.push(head);
    const members = r.weighted([[0, 70], [1, 18], [2, 8], [3, 4]] as const);
    for (let i = 0; i < members && out.length < n; i++) {
      const m = person(r, opts, head);
      m.mobile = head.mobile;
      m.district = head.district;
      m.pincode = head.pincode;
      out.push(m);
    }
  }
  return out;
}

export const dmy = (day: number | null): string => (day === null ? '' : formatDmy(day));
