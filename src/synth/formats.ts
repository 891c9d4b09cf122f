// Sample shapes of the six known CoWin record formats (src/profiles.ts), built from synthetic people, and broken
// variants of each with one defect per damaged record at known rows. Every person, centre and id is invented.
import { dayNumber, formatDmy, formatIsoDay as isoDay } from '../dates.js';
import { verhoeffCheckDigit } from '../validators/aadhaar.js';
import { FEMALE, STATE_REGION, SURNAMES } from './names.js';
import { apiVaccine, dmy, type Person } from './people.js';
import type { Random } from './random.js';
import { type Row, vaccinationStatus } from './samples.js';

/** A JSON value as a fixture writes it (numbers and booleans stay typed, as the APIs send them). */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** A fixture with its records and the defects injected into it: row (1-based) -> what was broken. */
export interface Shaped<T> {
  records: T[];
  defects: Map<number, Defect>;
}

/** One injected defect: the canonical field it damages and what was done. */
export interface Defect {
  field: string;
  kind: string;
}


const hex = (r: Random, n: number): string => Array.from({ length: n }, () => r.int(0, 15).toString(16)).join('');
const SLOTS_2021 = ['09:00AM-11:00AM', '11:00AM-01:00PM', '01:00PM-03:00PM', '03:00PM-05:00PM'];

/** A vaccinator's name, from the naming region of the centre's state. */
function vaccinatorName(r: Random, state: string): string {
  const region = STATE_REGION[state] ?? 'north';
  return `${r.pick(FEMALE[region])} ${r.pick(SURNAMES[region])}`;
}

/** A vaccine lot number: Covishield lots look like 4121Z025, Covaxin ones like EA3246 (cowin-formats.md §3.1). */
function batch(r: Random, vaccine: string): string {
  return vaccine === 'COVAXIN' ? `${r.pick(['EA', 'ED', 'EJ'])}${r.digits(4)}` : `${r.int(4, 5)}${r.digits(3)}Z${r.digits(3)}`;
}

/** A block name: CoWin lists real blocks; Delhi-style centres say "Not Applicable" (cowin-formats.md §1.5). */
function blockName(r: Random, district: string): string {
  return r.chance(0.15) ? 'Not Applicable' : `${district.trim()} ${r.pick(['Urban', 'Rural', 'North', 'South'])}`;
}

// ---------------------------------------------------------------------------------------------------------------
// (1) Beneficiaries, 2022 shape (protected API v4 era): the 2021 fields plus member_type, referral and precaution
//     fields, and the appointments array (cowin-formats.md §2.2, issue #560).

/** One beneficiary as `GET /v4/appointment/beneficiaries` returned it in 2022, with a pending appointment sometimes. */
export function beneficiary2022(r: Random, p: Person, asOf: number): JsonObject {
  const appointments: JsonObject[] = [];
  const due = p.dose1 === null ? 1 : p.dose2 === null ? 2 : 3;
  if (r.chance(0.2) && due <= 3) {
    const day = asOf + r.int(1, 10);
    appointments.push({
      appointment_id: r.uuid(),
      center_id: p.centerId,
      name: p.centerName,
      state_name: p.state,
      district_name: p.district,
      block_name: blockName(r, p.district),
      from: '09:00',
      to: '17:00',
      dose: due,
      session_id: r.uuid(),
      date: formatDmy(day),
      slot: r.pick(SLOTS_2021),
      is_precaution: due === 3,
    });
  }
  return {
    member_type: 'CITIZEN',
    beneficiary_reference_id: p.refId,
    name: p.name,
    birth_year: String(p.birthYear),
    gender: p.gender,
    mobile_number: p.mobile.slice(-4),
    photo_id_type: p.photoIdType,
    photo_id_number: `XXXXXXXX${p.photoIdNumber.slice(-4)}`,
    comorbidity_ind: p.comorbid ? 'Y' : 'N',
    vaccination_status: vaccinationStatus(p),
    vaccine: p.vaccine ? apiVaccine(p.vaccine) : '',
    referral_count: 0,
    is_referral_member: 'No',
    dose1_date: dmy(p.dose1),
    dose2_date: dmy(p.dose2),
    precaution_dose_one_date: dmy(p.precaution),
    precaution_dose: p.precaution === null ? 0 : 1,
    certificate_updated: 'No',
    is_eligible_for_precaution: p.dose2 !== null && p.precaution === null,
    due_dose: due,
    health_id: '',
    appointments,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// (2) Appointment objects (cowin-formats.md §2.3).

/** Appointments booked by these people for their next dose (one each, for those with one due). */
export function appointmentObjects(r: Random, ps: readonly Person[], asOf: number): JsonObject[] {
  const out: JsonObject[] = [];
  for (const p of ps) {
    const dose = p.dose1 === null ? 1 : p.dose2 === null ? 2 : p.precaution === null ? 3 : 0;
    if (dose === 0) continue;
    const day = (dose === 1 ? asOf : dose === 2 ? p.dose1! + 84 : p.dose2! + 273) + r.int(0, 20);
    out.push({
      appointment_id: r.uuid(),
      center_id: p.centerId,
      name: p.centerName,
      state_name: p.state,
      district_name: p.district,
      block_name: blockName(r, p.district),
      from: '09:00:00',
      to: r.pick(['17:00:00', '18:00:00']),
      dose,
      session_id: r.uuid(),
      date: formatDmy(day),
      slot: r.pick(SLOTS_2021),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// (3) Public centres and sessions (cowin-formats.md §1.5): calendarBy* centres with nested sessions, and the flat
//     findBy* sessions that merge a centre with one session.

interface Centre {
  center_id: number;
  name: string;
  address: string;
  state_name: string;
  district_name: string;
  block_name: string;
  pincode: number;
  lat: number;
  long: number;
  from: string;
  to: string;
  fee_type: string;
}

/** A centre where a person was vaccinated: its id, name, district and PIN; lat/long integer-truncated or 0 as real responses have them. */
function centreOf(r: Random, p: Person): Centre {
  const paid = r.chance(0.15);
  return {
    center_id: p.centerId,
    name: p.centerName,
    address: r.chance(0.2) ? '' : `${r.pick(['Main Road', 'Bus Stand Road', 'Station Road', 'Hospital Road', 'Market Road'])} ${p.district.trim()}`,
    state_name: p.state,
    district_name: p.district,
    block_name: blockName(r, p.district),
    pincode: Number(p.pincode),
    lat: r.chance(0.25) ? 0 : r.int(9, 33),
    long: r.chance(0.25) ? 0 : r.int(70, 94),
    from: '09:00:00',
    to: r.pick(['17:00:00', '18:00:00']),
    fee_type: paid ? 'Paid' : 'Free',
  };
}

/** One session on `day` at a centre, 2021 style (18+ or 45+, slot strings). */
function session(r: Random, day: number): JsonObject {
  const vaccine = r.weighted([['COVISHIELD', 85], ['COVAXIN', 13], ['SPUTNIK V', 2]] as const);
  const d1 = r.chance(0.5) ? 0 : r.int(0, 120);
  const d2 = r.chance(0.5) ? 0 : r.int(0, 80);
  const young = r.chance(0.4);
  const s: JsonObject = {
    session_id: r.uuid(),
    date: formatDmy(day),
    available_capacity: d1 + d2,
    min_age_limit: young ? 18 : 45,
  };
  if (young) s.max_age_limit = 44;
  s.allow_all_age = false;
  s.vaccine = vaccine;
  s.slots = SLOTS_2021.slice(0, r.int(2, 4));
  s.available_capacity_dose1 = d1;
  s.available_capacity_dose2 = d2;
  return s;
}

/** calendarByDistrict centres for one day's 7-day window, each with 1-7 sessions. */
export function calendarCentres(r: Random, ps: readonly Person[], firstDay: number): JsonObject[] {
  const seen = new Set<number>();
  const out: JsonObject[] = [];
  for (const p of ps) {
    if (seen.has(p.centerId)) continue;
    seen.add(p.centerId);
    const c = centreOf(r, p);
    const sessions: JsonObject[] = [];
    for (let d = 0, n = r.int(1, 7); d < n; d++) sessions.push(session(r, firstDay + d));
    out.push({ ...c, sessions } as unknown as JsonObject);
  }
  return out;
}

/** findByDistrict flat sessions: each a centre's fields merged with one session and its fee. */
export function flatSessions(r: Random, ps: readonly Person[], day: number): JsonObject[] {
  const seen = new Set<number>();
  const out: JsonObject[] = [];
  for (const p of ps) {
    if (seen.has(p.centerId)) continue;
    seen.add(p.centerId);
    const c = centreOf(r, p);
    const s = session(r, day);
    const fee = c.fee_type === 'Paid' ? (s.vaccine === 'COVAXIN' ? '1410' : s.vaccine === 'SPUTNIK V' ? '1145' : '780') : '0';
    out.push({ ...c, ...s, fee } as unknown as JsonObject);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// (4) DIVOC certificates (cowin-formats.md §3): one per dose given, v1 context in 2021, v2 afterwards.

const MANUFACTURER: Readonly<Record<string, string>> = {
  COVISHIELD: 'Serum Institute of India',
  COVAXIN: 'Bharat Biotech',
  'SPUTNIK V': "Dr. Reddy's Laboratories",
  CORBEVAX: 'Biological E Limited',
  COVOVAX: 'Serum Institute of India',
};
const ICD11: Readonly<Record<string, [string, string]>> = {
  COVISHIELD: ['XM9QW8', 'COVID-19 vaccine, non-replicating viral vector'],
  COVAXIN: ['XM1NL1', 'COVID-19 vaccine, inactivated virus'],
  'SPUTNIK V': ['XM9QW8', 'COVID-19 vaccine, non-replicating viral vector'],
  CORBEVAX: ['XM5JC5', 'COVID-19 vaccine, virus protein subunit'],
  COVOVAX: ['XM5JC5', 'COVID-19 vaccine, virus protein subunit'],
};
/** After this day DIVOC lower-cases DID identities and removes their spaces (signer.js, Oct 2021). */
const DID_NORMALISED_FROM = dayNumber(2021, 10, 20);
/** From this day certificates use the v2 context (dob, icd11Code, prophylaxis) [M: the switch date is not sourced]. */
const V2_FROM = dayNumber(2022, 1, 10);

function address(district: string, state: string, pin: number | ''): JsonObject {
  return { streetAddress: '', streetAddress2: '', district, city: '', addressRegion: state, addressCountry: 'IN', postalCode: pin };
}

/** A signed-looking certificate for one dose (the signature is filler: these are synthetic). */
export function certificate(r: Random, p: Person, dose: number, day: number, vaccine: string): JsonObject {
  const certificateId = String(r.int(1, 9)) + r.digits(10);
  const v2 = day >= V2_FROM;
  const minutes = r.int(180, 720);
  const time = `${isoDay(day)}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00.000Z`;
  const label = p.photoIdType;
  const idType = day >= DID_NORMALISED_FROM ? label.toLowerCase().replace(/ /g, '') : label;
  const pin: number | '' = r.chance(0.3) ? '' : Number(p.pincode);
  const subject: JsonObject = {
    type: 'Person',
    id: `did:${idType}:XXXXXXXX${p.photoIdNumber.slice(-4)}`,
    refId: p.refId,
    name: p.name,
    uhid: '',
    gender: p.gender,
    age: String(new Date(day * 86_400_000).getUTCFullYear() - p.birthYear),
    nationality: 'Indian',
  };
  if (v2) subject.dob = `${p.birthYear}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
  subject.address = address(p.district, p.state, pin);
  const evidence: JsonObject = {
    id: `https://cowin.gov.in/vaccine/${certificateId}`,
    feedbackUrl: `https://cowin.gov.in/?${certificateId}`,
    infoUrl: `https://cowin.gov.in/?${certificateId}`,
    certificateId,
    type: ['Vaccination'],
    batch: batch(r, vaccine),
    vaccine,
    manufacturer: MANUFACTURER[vaccine] ?? 'Serum Institute of India',
    date: time,
    effectiveStart: isoDay(day),
    effectiveUntil: isoDay(day),
    dose,
    totalDoses: 2,
    verifier: { name: vaccinatorName(r, p.state) },
    facility: { name: p.centerName, address: address(p.district, p.state, pin) },
  };
  if (v2) {
    const [code, prophylaxis] = ICD11[vaccine] ?? ICD11.COVISHIELD;
    evidence.icd11Code = code;
    evidence.prophylaxis = prophylaxis;
  }
  return {
    '@context': ['https://www.w3.org/2018/credentials/v1', `https://cowin.gov.in/credentials/vaccination/${v2 ? 'v2' : 'v1'}`],
    type: ['VerifiableCredential', 'ProofOfVaccinationCredential'],
    credentialSubject: subject,
    issuer: 'https://cowin.gov.in/',
    issuanceDate: time,
    evidence: [evidence],
    nonTransferable: 'true',
    proof: {
      type: 'RsaSignature2018',
      created: time.replace('.000Z', 'Z'),
      verificationMethod: 'did:india',
      proofPurpose: 'assertionMethod',
      jws: `eyJhbGciOiJQUzI1NiIsImI2NCI6ZmFsc2UsImNyaXQiOlsiYjY0Il19..${hex(r, 64)}`,
    },
  };
}

/** Every certificate these people were issued (dose 1, dose 2, precaution as dose 3 of 2), at most `max`. */
export function certificates(r: Random, ps: readonly Person[], max: number): JsonObject[] {
  const out: JsonObject[] = [];
  for (const p of ps) {
    if (!p.vaccine) continue;
    const v = apiVaccine(p.vaccine);
    if (p.dose1 !== null) out.push(certificate(r, p, 1, p.dose1, v));
    if (p.dose2 !== null) out.push(certificate(r, p, 2, p.dose2, v));
    if (p.precaution !== null && p.precautionVaccine) out.push(certificate(r, p, 3, p.precaution, apiVaccine(p.precautionVaccine)));
    if (out.length >= max) break;
  }
  return out.slice(0, max);
}

// ---------------------------------------------------------------------------------------------------------------
// (5) Vaccinator-side records (cowin-formats.md §2.5, §2.7): the vaccinate payload with the registration fields,
//     identifiers in full.

export function vaccinatorRow(r: Random, p: Person): Row {
  const dose = p.precaution !== null ? 3 : p.dose2 !== null ? 2 : 1;
  const vaccine = p.vaccine ? apiVaccine(p.vaccine) : '';
  return [
    ['beneficiary_reference_id', p.refId],
    ['name', p.name],
    ['birth_year', String(p.birthYear)],
    ['gender', p.gender],
    ['mobile_number', p.mobile],
    ['photo_id_type', p.photoIdType],
    ['photo_id_number', p.photoIdNumber],
    ['comorbidity_ind', p.comorbid ? 'Y' : 'N'],
    ['center_id', String(p.centerId)],
    ['vaccine', vaccine],
    ['vaccine_batch', batch(r, vaccine)],
    ['dose', String(dose)],
    ['dose1_date', dmy(p.dose1)],
    ['dose2_date', dmy(p.dose2)],
    ['precaution_dose_date', dmy(p.precaution)],
    ['vaccinator_name', vaccinatorName(r, p.state)],
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// (6) The June 2023 Telegram-bot shape: per mobile number, every member registered on it with name, gender, year of
//     birth, ID type and full number, vaccination centre and dose dates. Labels as a bot might print them [M].

export const TELEGRAM_HEADERS: Readonly<Record<string, string>> = {
  mobile_number: 'Mobile Number',
  name: 'Name',
  gender: 'Gender',
  birth_year: 'Year of Birth',
  photo_id_type: 'ID Type',
  photo_id_number: 'ID Number',
  center_name: 'Vaccination Centre',
  dose1_date: 'Dose 1',
  dose2_date: 'Dose 2',
  precaution_dose_date: 'Precaution Dose',
};

export function telegramRow(p: Person): Row {
  return [
    ['mobile_number', p.mobile],
    ['name', p.name],
    ['gender', p.gender],
    ['birth_year', String(p.birthYear)],
    ['photo_id_type', p.photoIdType],
    ['photo_id_number', p.photoIdNumber],
    ['center_name', p.dose1 === null ? '' : p.centerName],
    ['dose1_date', dmy(p.dose1)],
    ['dose2_date', dmy(p.dose2)],
    ['precaution_dose_date', dmy(p.precaution)],
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Broken variants: every `every`-th record (from `first`) gets one defect, the kinds taken in turn.

/** A defect on a flat row: the field it damages, a name, and the edit (`get`/`set` by key; may touch other keys). */
export interface RowDefect {
  field: string;
  kind: string;
  apply: (cell: { get(key: string): string; set(key: string, value: string): void }, r: Random) => void;
}

/** A defect on a JSON record: the canonical field it damages, a name, and the edit. */
export interface JsonDefect {
  field: string;
  kind: string;
  apply: (rec: JsonObject, r: Random) => void;
}

export function breakRows(rows: Row[], defects: readonly RowDefect[], r: Random, every = 5, first = 3): Shaped<Row> {
  const out = rows.map((row) => row.map(([k, v]): [string, string] => [k, v]));
  const done = new Map<number, Defect>();
  let k = 0;
  for (let i = first - 1; i < out.length; i += every) {
    const d = defects[k++ % defects.length];
    const row = out[i];
    d.apply(
      {
        get: (key) => row.find(([c]) => c === key)?.[1] ?? '',
        set: (key, value) => {
          const cell = row.find(([c]) => c === key);
          if (cell) cell[1] = value;
        },
      },
      r,
    );
    done.set(i + 1, { field: d.field, kind: d.kind });
  }
  return { records: out, defects: done };
}

export function breakJson(records: JsonObject[], defects: readonly JsonDefect[], r: Random, every = 5, first = 3): Shaped<JsonObject> {
  const out = records.map((rec) => JSON.parse(JSON.stringify(rec)) as JsonObject);
  const done = new Map<number, Defect>();
  let k = 0;
  for (let i = first - 1; i < out.length; i += every) {
    const d = defects[k++ % defects.length];
    d.apply(out[i], r);
    done.set(i + 1, { field: d.field, kind: d.kind });
  }
  return { records: out, defects: done };
}

/** A 12-digit number with a wrong Verhoeff check digit (first digit 2-9): one changed digit always fails it. */
export function badAadhaar(r: Random): string {
  const payload = String(r.int(2, 9)) + r.digits(10);
  return payload + String((verhoeffCheckDigit(payload) + 1 + r.int(0, 8)) % 10);
}
