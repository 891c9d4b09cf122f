// Sample shapes built from synthetic people, and writers for every input format leakcheck reads.
import { dayNumber } from '../dates.js';
import { FAKER_FIRST, FAKER_LAST, FAKER_STREET, FAKER_SUFFIX, FAKER_TITLE } from './names.js';
import { apiVaccine, dmy, type Person } from './people.js';
import type { Random } from './random.js';

/** A flat record: ordered keys, string values. */
export type Row = [string, string][];

/** The vaccination_status CoWin shows for a person's doses (cowin-formats.md §2.2). */
export function vaccinationStatus(p: Person): string {
  return p.dose2 !== null ? 'Vaccinated' : p.dose1 !== null ? 'Partially Vaccinated' : 'Not Vaccinated';
}

/** As the protected beneficiaries API returns them: mobile as its last 4 digits, photo ID masked (cowin-formats.md §2.2). */
export function beneficiaryRow(p: Person): Row {
  return [
    ['beneficiary_reference_id', p.refId],
    ['name', p.name],
    ['birth_year', String(p.birthYear)],
    ['gender', p.gender],
    ['mobile_number', p.mobile.slice(-4)],
    ['photo_id_type', p.photoIdType],
    ['photo_id_number', `XXXXXXXX${p.photoIdNumber.slice(-4)}`],
    ['comorbidity_ind', p.comorbid ? 'Y' : 'N'],
    ['vaccination_status', vaccinationStatus(p)],
    ['vaccine', p.vaccine ? apiVaccine(p.vaccine) : ''],
    ['dose1_date', dmy(p.dose1)],
    ['dose2_date', dmy(p.dose2)],
  ];
}

/**
 * What a Faker-style fabricator produces: English-locale names with titles and suffixes, 12 random digits
 * for Aadhaar, phones with a uniform first digit, random PINs, dates blind to policy, invented emails and
 * street addresses (indian-id-formats.md §6).
 */
export function fakerRow(r: Random, i: number): Row {
  const first = r.pick(FAKER_FIRST);
  const last = r.pick(FAKER_LAST);
  const name = `${r.chance(0.12) ? `${r.pick(FAKER_TITLE)} ` : ''}${first} ${last}${r.chance(0.12) ? ` ${r.pick(FAKER_SUFFIX)}` : ''}`;
  const dose1 = dayNumber(2021, 1, 1) + r.int(0, 540);
  const dose2 = r.chance(0.7) ? dose1 + r.int(10, 200) : null;
  return [
    ['beneficiary_reference_id', String(10_000_000_000_000 + i * 7919 + r.int(0, 7918))],
    ['name', name],
    ['birth_year', String(r.int(1940, 2008))],
    ['gender', r.chance(0.5) ? 'Male' : 'Female'],
    ['mobile_number', `${r.int(0, 9)}${r.digits(9)}`],
    ['aadhaar_number', r.digits(12)],
    ['vaccine', r.pick(['COVISHIELD', 'COVAXIN', 'SPUTNIK V', 'CORBEVAX'])],
    ['dose1_date', dmy(dose1)],
    ['dose2_date', dmy(dose2)],
    ['pincode', String(r.int(100000, 999999))],
    ['email', `${first.toLowerCase()}.${last.toLowerCase()}${r.int(1, 99)}@example.com`],
    ['address', `${r.int(1, 999)} ${r.pick(FAKER_STREET)}`],
  ];
}

function csvCell(v: string, delim: string): string {
  return /["\r\n]/.test(v) || v.includes(delim) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Delimited text with a header row; `headers` renames keys (column order follows the first row). */
export function toDelimited(rows: Row[], opts: { delimiter?: string; eol?: string; headers?: Record<string, string> } = {}): string {
  const d = opts.delimiter ?? ',';
  const eol = opts.eol ?? '\n';
  const keys = rows[0].map(([k]) => k);
  const lines = [keys.map((k) => csvCell(opts.headers?.[k] ?? k, d)).join(d)];
  for (const row of rows) {
    const byKey = new Map(row);
    lines.push(keys.map((k) => csvCell(byKey.get(k) ?? '', d)).join(d));
  }
  return lines.join(eol) + eol;
}

function toObject(row: Row, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...Object.fromEntries(row), ...extra };
}

/** `{"<key>": [...]}` as an API response wraps its records. */
export function toWrappedJson(key: string, rows: Row[], extra: (row: Row) => Record<string, unknown> = () => ({})): string {
  return `${JSON.stringify({ [key]: rows.map((r) => toObject(r, extra(r))) }, null, 2)}\n`;
}

export function toNdjson(rows: Row[]): string {
  return rows.map((r) => JSON.stringify(toObject(r))).join('\n') + '\n';
}

/**
 * A cell as Excel in a US locale saves it to CSV after opening one (General format): a whole number of 12 digits or
 * more in scientific notation, 6 significant digits (81648558615904 -> 8.16486E+13); a DD-MM-YYYY date it can
 * read month first (a day up to 12) as M/D/YYYY, the digits where they were (05-06-2021 -> 5/6/2021); the rest
 * as it was (21-06-2021 is no date to it).
 */
export function excelUsCell(v: string): string {
  const t = v.trim();
  if (/^\d{12,15}$/.test(t)) return Number(t).toExponential(5).toUpperCase().replace(/0+E/, 'E').replace('.E', 'E');
  const date = /^(\d\d)-(\d\d)-(\d{4})$/.exec(t);
  return date && +date[1] <= 12 && +date[2] <= 12 ? `${+date[1]}/${+date[2]}/${date[3]}` : v;
}

/** Windows-1252's characters for the bytes 0x80-0x9F; Windows reads the five it leaves undefined as the C1 controls. */
const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * UTF-8 text as Excel shows it when it opens a CSV without a byte-order mark (as Windows-1252): what a "CSV UTF-8"
 * save of it holds (पुरुष -> à¤ªà¥à¤°à¥à¤·).
 */
export function doubleEncode(s: string): string {
  return [...Buffer.from(s, 'utf8')].map((b) => (b >= 0x80 && b <= 0x9f ? CP1252_80_9F[b - 0x80] : String.fromCharCode(b))).join('');
}

/** Rows as a CSV opened in Excel in a US locale and saved again: {@link excelUsCell} cells, CRLF line ends. */
export function toExcelUsCsv(rows: Row[]): string {
  return toDelimited(
    rows.map((row) => row.map(([k, v]): [string, string] => [k, excelUsCell(v)])),
    { eol: '\r\n' },
  );
}

/** Excel's "Unicode text" export: UTF-16LE with a BOM, tab-separated, CRLF. */
export function toExcelUnicodeText(rows: Row[]): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(toDelimited(rows, { delimiter: '\t', eol: '\r\n' }), 'utf16le')]);
}
