// The calibration set: labelled synthetic samples, genuine-like (with realistic noise) in every supported
// format and fabricated in several styles, for checking that the verdict separates them (README "Verdict").
import { dayNumber, formatIsoDay, parseDmy } from '../dates.js';
import { GENDER_BY_ID } from '../validators/formats.js';
import { FAKER_FIRST, FAKER_LAST, FAKER_STREET } from './names.js';
import { paddedRows } from './padded.js';
import { apiVaccine, dmy, people } from './people.js';
import { Random } from './random.js';
import { beneficiaryRow, fakerRow, toDelimited, toExcelUnicodeText, toExcelUsCsv, toNdjson, toWrappedJson, type Row } from './samples.js';
import { backendRow, shuffleColumns } from './shuffled.js';

export interface CalibrationSample {
  name: string;
  truth: 'genuine' | 'fabricated';
  style: string;
  rows: number;
  /** File name extension, which also tells the format. */
  ext: string;
  content: string | Buffer;
}

const AS_OF = dayNumber(2022, 12, 31);

/**
 * Realistic noise of a genuine export (indian-id-formats.md §7: most registrations were made on site):
 * 30% of names upper case, 2% of cells with stray spaces, 2% of optional cells empty, 1% of rows with a
 * data-entry error: a mistyped digit in one value, or letter in a name (masked characters are the API's, not
 * a person's, so they are never mistyped).
 */
export function addNoise(rows: Row[], r: Random): Row[] {
  const optional = new Set(['comorbidity_ind', 'vaccine_batch', 'vaccinator_name', 'pincode', 'center_name']);
  return rows.map((row) =>
    row.map(([k, v]): [string, string] => {
      let out = v;
      if (k === 'name' && r.chance(0.3)) out = out.toUpperCase();
      if (out && r.chance(0.02)) out = r.chance(0.5) ? ` ${out}` : `${out}  `;
      if (optional.has(k) && r.chance(0.02)) out = '';
      if (out && r.chance(0.01 / row.length)) {
        const i = r.int(0, out.length - 1);
        const c = out[i];
        const swap = /\d/.test(c) ? String((Number(c) + r.int(1, 9)) % 10) : k === 'name' && /[a-z]/i.test(c) ? String.fromCharCode(97 + r.int(0, 25)) : c;
        out = out.slice(0, i) + swap + out.slice(i + 1);
      }
      return [k, out];
    }),
  );
}

/** Vaccinated genuine-like people as back-end rows. */
function backend(r: Random, n: number): Row[] {
  const out: Row[] = [];
  while (out.length < n) for (const p of people(r, n, { asOf: AS_OF })) if (p.vaccine !== null && out.length < n) out.push(backendRow(r, p));
  return out;
}

/**
 * A careful fabricator: real-looking people with valid checksums, existing PINs and mobile numbers, taken
 * from the genuine model, but birth years and dose dates drawn blind to the policy timeline.
 */
function careful(r: Random, n: number): Row[] {
  const start = dayNumber(2021, 1, 16);
  return backend(r, n).map((row) => {
    const dose1 = start + r.int(0, 700);
    const dose2 = r.chance(0.8) ? dose1 + r.int(7, 150) : null;
    const vaccine = r.pick(['covishield', 'covaxin', 'sputnik-v', 'corbevax', 'covovax'] as const);
    const set: Record<string, string> = {
      birth_year: String(r.int(1945, 2008)),
      vaccine: apiVaccine(vaccine),
      dose1_date: dmy(dose1),
      dose2_date: dmy(dose2),
      precaution_dose_date: '',
      dose: dose2 === null ? '1' : '2',
      vaccination_status: dose2 === null ? 'Partially Vaccinated' : 'Vaccinated',
    };
    return row.map(([k, v]): [string, string] => [k, set[k] ?? v]);
  });
}

/** Genuine records joined with fields CoWin never collects, filled Faker-style. */
function enriched(r: Random, n: number): Row[] {
  return backend(r, n).map((row) => {
    const first = r.pick(FAKER_FIRST).toLowerCase();
    return [
      ...row,
      ['email', `${first}.${r.pick(FAKER_LAST).toLowerCase()}${r.int(1, 99)}@example.com`],
      ['address', `${r.int(1, 999)} ${r.pick(FAKER_STREET)}`],
      ['latitude', (8 + r.next() * 28).toFixed(6)],
      ['longitude', (68 + r.next() * 28).toFixed(6)],
    ];
  });
}

/** Dates as a database (psql's \copy) or a data tool (pandas) writes them: ISO 8601 days, no spaces (a mistyped day as it is). */
function isoDates(rows: Row[]): Row[] {
  const iso = (v: string): string => {
    const day = parseDmy(v.trim());
    return Number.isNaN(day) ? v : formatIsoDay(day);
  };
  return rows.map((row) => row.map(([k, v]): [string, string] => [k, k.endsWith('_date') ? iso(v) : v]));
}

/** CoWin's gender ids (validators/formats.ts GENDER_BY_ID), by label. */
const GENDER_ID: Record<string, string> = Object.fromEntries(Object.entries(GENDER_BY_ID).map(([id, label]) => [label, id]));

/** Gender recoded, as a data tool's map or a spreadsheet's replace writes it: one letter (Male -> M) or CoWin's id (Male -> 1). */
function recodeGender(rows: Row[], as: 'letters' | 'ids'): Row[] {
  const code = (v: string): string => (as === 'letters' ? v.charAt(0) : (GENDER_ID[v.trim()] ?? v));
  return rows.map((row) => row.map(([k, v]): [string, string] => [k, k === 'gender' && v ? code(v) : v]));
}

const GENUINE: Record<string, { ext: string; make: (r: Random, n: number) => string | Buffer }> = {
  'api-csv': { ext: 'csv', make: (r, n) => toDelimited(addNoise(people(r, n, { asOf: AS_OF }).map(beneficiaryRow), r)) },
  // Opened in Excel and saved again, as a journalist may pass it on: ids in scientific notation, dates re-typed.
  'api-csv-excel-us': { ext: 'csv', make: (r, n) => toExcelUsCsv(addNoise(people(r, n, { asOf: AS_OF }).map(beneficiaryRow), r)) },
  'api-json': { ext: 'json', make: (r, n) => toWrappedJson('beneficiaries', addNoise(people(r, n, { asOf: AS_OF }).map(beneficiaryRow), r)) },
  'backend-utf16-tsv': { ext: 'tsv', make: (r, n) => toExcelUnicodeText(addNoise(backend(r, n), r)) },
  'backend-ndjson': { ext: 'ndjson', make: (r, n) => toNdjson(addNoise(backend(r, n), r)) },
  // Exported by a database client, which writes NULL for every missing value.
  'backend-csv-null': { ext: 'csv', make: (r, n) => toDelimited(addNoise(backend(r, n), r).map((row) => row.map(([k, v]): [string, string] => [k, v === '' ? 'NULL' : v]))) },
  // Copied out of a database, which keeps dates as dates and writes them ISO 8601.
  'backend-csv-iso': { ext: 'csv', make: (r, n) => toDelimited(isoDates(addNoise(backend(r, n), r))) },
  // Passed through a data tool that recoded gender as letters.
  'api-csv-letters': { ext: 'csv', make: (r, n) => toDelimited(recodeGender(addNoise(people(r, n, { asOf: AS_OF }).map(beneficiaryRow), r), 'letters')) },
  // The beneficiaries' table copied out of the back end, which keeps gender as CoWin's id (the API writes the word).
  'api-csv-gender-ids': { ext: 'csv', make: (r, n) => toDelimited(recodeGender(addNoise(people(r, n, { asOf: AS_OF }).map(beneficiaryRow), r), 'ids')) },
};

const FABRICATED: Record<string, { ext: string; make: (r: Random, n: number) => string | Buffer }> = {
  faker: { ext: 'csv', make: (r, n) => toDelimited(Array.from({ length: n }, (_, i) => fakerRow(r, i))) },
  // Faker's dates are date objects, which pandas writes ISO 8601.
  'faker-iso': { ext: 'csv', make: (r, n) => toDelimited(isoDates(Array.from({ length: n }, (_, i) => fakerRow(r, i)))) },
  // Many generators write gender as a letter.
  'faker-letters': { ext: 'csv', make: (r, n) => toDelimited(recodeGender(Array.from({ length: n }, (_, i) => fakerRow(r, i)), 'letters')) },
  // Or as 1 and 2, as ISO/IEC 5218 codes it.
  'faker-gender-ids': { ext: 'csv', make: (r, n) => toDelimited(recodeGender(Array.from({ length: n }, (_, i) => fakerRow(r, i)), 'ids')) },
  careful: { ext: 'csv', make: (r, n) => toDelimited(careful(r, n)) },
  shuffled: { ext: 'csv', make: (r, n) => toDelimited(shuffleColumns(backend(r, n), r)) },
  padded: { ext: 'csv', make: (r, n) => toDelimited(paddedRows(r, { people: Math.max(1, Math.round(n / 5)), factor: 5, asOf: AS_OF })) },
  enriched: { ext: 'csv', make: (r, n) => toDelimited(enriched(r, n)) },
};

/** Every style at every size for every seed. */
export function calibrationSet(seeds: readonly number[] = [11, 12, 13], sizes: readonly number[] = [20, 250]): CalibrationSample[] {
  const out: CalibrationSample[] = [];
  for (const seed of seeds) {
    for (const rows of sizes) {
      for (const [truth, styles] of [['genuine', GENUINE], ['fabricated', FABRICATED]] as const) {
        for (const [style, { ext, make }] of Object.entries(styles)) {
          const r = new Random(seed * 1009 + rows * 7 + style.length);
          out.push({ name: `${truth}-${style}-${rows}-s${seed}.${ext}`, truth, style, rows, ext, content: make(r, rows) });
        }
      }
    }
  }
  return out;
}
