// The bundled fixtures of the six CoWin record formats: a genuine-shaped and a broken sample of each, from fixed
// seeds (src/synth/formats.ts). The broken ones damage every 5th record from the 3rd, one field each, and list
// what they did in FORMAT_DEFECTS so tests can check each defect is reported at its row.
import { dayNumber } from '../dates.js';
import {
  appointmentObjects,
  badAadhaar,
  beneficiary2022,
  breakJson,
  breakRows,
  calendarCentres,
  certificates,
  flatSessions,
  telegramRow,
  TELEGRAM_HEADERS,
  vaccinatorRow,
  type Defect,
  type JsonDefect,
  type JsonObject,
  type RowDefect,
} from './formats.js';
import { aadhaar, people } from './people.js';
import { Random } from './random.js';
import { beneficiaryRow, toDelimited } from './samples.js';

const EVIDENCE = (rec: JsonObject): JsonObject => (rec.evidence as JsonObject[])[0];
const SUBJECT = (rec: JsonObject): JsonObject => rec.credentialSubject as JsonObject;
const FIRST_SESSION = (rec: JsonObject): JsonObject => (rec.sessions as JsonObject[])[0];
/** An ISO day from a DD-MM-YYYY one. */
const toIso = (dmy: string): string => `${dmy.slice(6, 10)}-${dmy.slice(3, 5)}-${dmy.slice(0, 2)}`;

/** Beneficiary (2021 CSV shape): what hand-made or Faker-made "API" records get wrong. */
export const BENEFICIARY_DEFECTS: readonly RowDefect[] = [
  { field: 'mobile_number', kind: 'unmasked mobile', apply: (c, r) => c.set('mobile_number', `9${r.digits(5)}${c.get('mobile_number').padStart(4, '0')}`) },
  { field: 'beneficiary_reference_id', kind: '13-digit reference id', apply: (c) => c.set('beneficiary_reference_id', c.get('beneficiary_reference_id').slice(1)) },
  { field: 'gender', kind: 'gender as M/F', apply: (c) => c.set('gender', c.get('gender').slice(0, 1)) },
  { field: 'vaccination_status', kind: 'status not in the enum', apply: (c) => c.set('vaccination_status', 'Fully Vaccinated') },
  { field: 'vaccine', kind: 'vaccine in title case', apply: (c) => c.set('vaccine', 'Covishield') },
  { field: 'dose1_date', kind: 'ISO date', apply: (c) => c.set('dose1_date', toIso(c.get('dose1_date') || '15-06-2021')) },
  { field: 'photo_id_number', kind: 'unmasked Aadhaar', apply: (c, r) => {
    c.set('photo_id_type', 'Aadhaar Card');
    c.set('photo_id_number', aadhaar(r));
  } },
  { field: 'comorbidity_ind', kind: 'comorbidity as Yes/No', apply: (c) => c.set('comorbidity_ind', c.get('comorbidity_ind') === 'Y' ? 'Yes' : 'No') },
  { field: 'birth_year', kind: 'birth year after every cohort', apply: (c) => c.set('birth_year', '2015') },
  { field: 'dose2_date', kind: 'impossible date', apply: (c) => c.set('dose2_date', '31-02-2021') },
  { field: 'name', kind: 'spec example name', apply: (c) => c.set('name', 'Rajesh Pawar') },
  { field: 'photo_id_number', kind: '8 characters visible', apply: (c, r) => c.set('photo_id_number', `XXXX${r.digits(8)}`) },
];

/** Appointment objects. */
export const APPOINTMENT_DEFECTS: readonly JsonDefect[] = [
  { field: 'appointment_id', kind: 'UUID v1', apply: (a) => void (a.appointment_id = (a.appointment_id as string).replace(/^(.{14})4/, '$11')) },
  { field: 'slot', kind: 'spec example slot', apply: (a) => void (a.slot = 'FORENOON') },
  { field: 'session_date', kind: 'ISO date', apply: (a) => void (a.date = toIso(a.date as string)) },
  { field: 'dose', kind: 'dose 4', apply: (a) => void (a.dose = 4) },
  { field: 'session_id', kind: 'Swagger default UUID', apply: (a) => void (a.session_id = '3fa85f64-5717-4562-b3fc-2c963f66afa6') },
  { field: 'center_id', kind: 'non-numeric centre id', apply: (a) => void (a.center_id = `C-${a.center_id}`) },
  { field: 'from_time', kind: '12-hour time', apply: (a) => void (a.from = '9 AM') },
];

/** calendarByDistrict centres with nested sessions. */
export const CENTRE_DEFECTS: readonly JsonDefect[] = [
  { field: 'pincode', kind: '5-digit PIN', apply: (c) => void (c.pincode = Math.floor((c.pincode as number) / 10)) },
  { field: 'fee_type', kind: 'fee type in lower case', apply: (c) => void (c.fee_type = (c.fee_type as string).toLowerCase()) },
  { field: 'sessions.date', kind: 'ISO session date', apply: (c) => void (FIRST_SESSION(c).date = toIso(FIRST_SESSION(c).date as string)) },
  { field: 'state_name', kind: 'misspelt state', apply: (c) => void (c.state_name = `${(c.state_name as string).slice(0, -2)}x`) },
  { field: 'sessions.session_id', kind: 'session id not a UUID', apply: (c) => void (FIRST_SESSION(c).session_id = `S${String(c.center_id)}-1`) },
  { field: 'sessions.vaccine', kind: 'vaccine in title case', apply: (c) => void (FIRST_SESSION(c).vaccine = 'Covishield') },
  { field: 'sessions.available_capacity', kind: 'negative capacity', apply: (c) => void (FIRST_SESSION(c).available_capacity = -3) },
  { field: 'pincode', kind: 'PIN that does not exist', apply: (c) => void (c.pincode = 100001) },
];

/** DIVOC certificates. */
export const CERTIFICATE_DEFECTS: readonly JsonDefect[] = [
  { field: 'certificate_id', kind: '12-digit certificate id', apply: (c) => void (EVIDENCE(c).certificateId = `${EVIDENCE(c).certificateId as string}7`) },
  { field: 'issuer', kind: 'issuer without the trailing slash', apply: (c) => void (c.issuer = 'https://cowin.gov.in') },
  { field: 'credential_context', kind: 'unknown context version', apply: (c) => void ((c['@context'] as string[])[1] = 'https://cowin.gov.in/credentials/vaccination/v3') },
  { field: 'vaccination_date', kind: 'API-style date in a certificate', apply: (c) => {
    const d = EVIDENCE(c).date as string;
    EVIDENCE(c).date = `${d.slice(8, 10)}-${d.slice(5, 7)}-${d.slice(0, 4)}`;
  } },
  { field: 'beneficiary_reference_id', kind: '13-digit reference id', apply: (c) => void (SUBJECT(c).refId = (SUBJECT(c).refId as string).slice(1)) },
  { field: 'photo_id_number', kind: 'unmasked Aadhaar in the identity', apply: (c, r) => void (SUBJECT(c).id = `did:Aadhaar Card:${aadhaar(r)}`) },
  { field: 'vaccine', kind: 'vaccine CoWin never gave', apply: (c) => void (EVIDENCE(c).vaccine = 'Pfizer') },
  { field: 'gender', kind: 'gender as M/F', apply: (c) => void (SUBJECT(c).gender = (SUBJECT(c).gender as string).slice(0, 1)) },
  { field: 'evidence.type', kind: 'evidence type misspelt', apply: (c) => void (EVIDENCE(c).type = ['Vacination']) },
];

/** Vaccinator-side records. */
export const VACCINATOR_DEFECTS: readonly RowDefect[] = [
  { field: 'photo_id_number', kind: 'Aadhaar failing Verhoeff', apply: (c, r) => {
    c.set('photo_id_type', 'Aadhaar Card');
    c.set('photo_id_number', badAadhaar(r));
  } },
  { field: 'mobile_number', kind: 'landline-only range', apply: (c, r) => c.set('mobile_number', `80${r.int(2, 3)}${r.digits(7)}`) },
  { field: 'vaccine_batch', kind: 'batch missing', apply: (c) => c.set('vaccine_batch', '') },
  { field: 'dose', kind: 'dose 5', apply: (c) => c.set('dose', '5') },
  { field: 'vaccine', kind: 'vaccine in lower case', apply: (c) => c.set('vaccine', (c.get('vaccine') || 'COVISHIELD').toLowerCase()) },
  { field: 'beneficiary_reference_id', kind: '15-digit reference id', apply: (c) => c.set('beneficiary_reference_id', `${c.get('beneficiary_reference_id')}0`) },
  { field: 'mobile_number', kind: 'mobile masked as the citizen API shows it', apply: (c) => c.set('mobile_number', `******${c.get('mobile_number').slice(-4)}`) },
  { field: 'dose1_date', kind: 'date with slashes', apply: (c) => c.set('dose1_date', (c.get('dose1_date') || '15-06-2021').replace(/-/g, '/')) },
  { field: 'photo_id_number', kind: "a company's PAN", apply: (c, r) => {
    c.set('photo_id_type', 'PAN Card');
    c.set('photo_id_number', `${String.fromCharCode(65 + r.int(0, 25))}BCC${String.fromCharCode(65 + r.int(0, 25))}${r.int(1000, 9999)}K`);
  } },
];

/** Telegram-bot rows. */
export const TELEGRAM_DEFECTS: readonly RowDefect[] = [
  { field: 'photo_id_number', kind: 'Aadhaar failing Verhoeff', apply: (c, r) => {
    c.set('photo_id_type', 'Aadhaar Card');
    c.set('photo_id_number', badAadhaar(r));
  } },
  { field: 'mobile_number', kind: 'mobile starting with 5', apply: (c) => c.set('mobile_number', `5${c.get('mobile_number').slice(1)}`) },
  { field: 'photo_id_number', kind: 'e-passport number (issued from 2024)', apply: (c, r) => {
    c.set('photo_id_type', 'Passport');
    c.set('photo_id_number', `AB${r.digits(6)}`);
  } },
  { field: 'photo_id_number', kind: 'masked ID number', apply: (c) => c.set('photo_id_number', `XXXXXXXX${c.get('photo_id_number').slice(-4)}`) },
  { field: 'gender', kind: 'gender as M/F', apply: (c) => c.set('gender', c.get('gender').slice(0, 1)) },
  { field: 'birth_year', kind: 'birth year before 1906', apply: (c) => c.set('birth_year', '1890') },
  { field: 'dose1_date', kind: 'impossible date', apply: (c) => c.set('dose1_date', '30-02-2022') },
  { field: 'photo_id_number', kind: "a trust's PAN", apply: (c, r) => {
    c.set('photo_id_type', 'PAN Card');
    c.set('photo_id_number', `QWET${String.fromCharCode(65 + r.int(0, 25))}${r.int(1000, 9999)}Z`);
  } },
];

/** The defects each broken fixture carries: file -> row -> defect. */
export const FORMAT_DEFECTS = new Map<string, Map<number, Defect>>();

const json = (v: unknown): string => `${JSON.stringify(v, null, 1)}\n`;

/** Every format fixture: file name -> content. */
export function formatFixtureFiles(): Map<string, string> {
  const files = new Map<string, string>();
  FORMAT_DEFECTS.clear();
  const put = (name: string, content: string, defects?: Map<number, Defect>): void => {
    files.set(name, content);
    if (defects) FORMAT_DEFECTS.set(name, defects);
  };

  // (1) Beneficiaries: 2022 JSON with appointments; broken 2021 CSV.
  const asOf2022 = dayNumber(2022, 12, 31);
  const b = new Random(20220127);
  put('beneficiaries-2022.json', json({ beneficiaries: people(b, 120, { asOf: asOf2022 }).map((p) => beneficiary2022(b, p, asOf2022)) }));
  const bb = new Random(20210517);
  const brokenBen = breakRows(people(bb, 120, { asOf: dayNumber(2021, 12, 31) }).map(beneficiaryRow), BENEFICIARY_DEFECTS, bb);
  put('beneficiaries-broken.csv', toDelimited(brokenBen.records), brokenBen.defects);

  // (2) Appointments.
  const a = new Random(20210508);
  const asOfAppt = dayNumber(2021, 9, 30);
  put('appointments.json', json({ appointments: appointmentObjects(a, people(a, 120, { asOf: asOfAppt }), asOfAppt) }));
  const ab = new Random(20210509);
  const brokenAppt = breakJson(appointmentObjects(ab, people(ab, 120, { asOf: asOfAppt }), asOfAppt), APPOINTMENT_DEFECTS, ab);
  put('appointments-broken.json', json({ appointments: brokenAppt.records }), brokenAppt.defects);

  // (3) Public sessions: flat findByDistrict (genuine-shaped), calendarByDistrict centres (broken).
  const s = new Random(20210601);
  put('sessions-findbydistrict.json', json({ sessions: flatSessions(s, people(s, 100, { asOf: dayNumber(2021, 6, 1) }), dayNumber(2021, 6, 2)) }));
  const sb = new Random(20210602);
  const brokenCentres = breakJson(calendarCentres(sb, people(sb, 45, { asOf: dayNumber(2021, 6, 1) }), dayNumber(2021, 6, 2)), CENTRE_DEFECTS, sb);
  put('centers-broken.json', json({ centers: brokenCentres.records }), brokenCentres.defects);

  // (4) Certificates (a top-level array, as a dump of signed credentials).
  const c = new Random(20210716);
  const asOfCert = dayNumber(2022, 9, 30);
  put('certificates.json', json(certificates(c, people(c, 40, { asOf: asOfCert }), 60)));
  const cb = new Random(20210717);
  const brokenCerts = breakJson(certificates(cb, people(cb, 40, { asOf: asOfCert }), 60), CERTIFICATE_DEFECTS, cb);
  put('certificates-broken.json', json(brokenCerts.records), brokenCerts.defects);

  // (5) Vaccinator-side export.
  const v = new Random(20210301);
  const asOfVacc = dayNumber(2022, 6, 30);
  put('vaccinator-export.csv', toDelimited(people(v, 150, { asOf: asOfVacc }).filter((p) => p.vaccine).map((p) => vaccinatorRow(v, p))));
  const vb = new Random(20210302);
  const brokenVacc = breakRows(people(vb, 150, { asOf: asOfVacc }).filter((p) => p.vaccine).map((p) => vaccinatorRow(vb, p)), VACCINATOR_DEFECTS, vb);
  put('vaccinator-export-broken.csv', toDelimited(brokenVacc.records), brokenVacc.defects);

  // (6) Telegram bot, June 2023.
  const t = new Random(20230612 + 1);
  const asOfBot = dayNumber(2023, 6, 1);
  put('telegram-bot.csv', toDelimited(people(t, 150, { asOf: asOfBot }).map(telegramRow), { headers: { ...TELEGRAM_HEADERS } }));
  const tb = new Random(20230613 + 1);
  const brokenBot = breakRows(people(tb, 150, { asOf: asOfBot }).map(telegramRow), TELEGRAM_DEFECTS, tb);
  put('telegram-bot-broken.csv', toDelimited(brokenBot.records, { headers: { ...TELEGRAM_HEADERS } }), brokenBot.defects);
  return files;
}
