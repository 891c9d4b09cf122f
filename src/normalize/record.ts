// normalize (2/2): turn a raw record into a SampleRecord keyed by canonical field, values trimmed.
import { formatDmy, formatIsoDay, parseShown } from '../dates.js';
import { FIELDS } from '../fields.js';
import { findProfile } from '../profiles.js';
import { GENDER_BY_ID } from '../validators/formats.js';
import type { MappingEntry, RawRecord, SampleRecord } from '../types.js';

export type Normalizer = (raw: RawRecord) => SampleRecord;

/** Whether a character code is whitespace that String.prototype.trim removes (ASCII, NBSP, BOM or another Unicode space). */
function trimmable(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Fields a spreadsheet shows in scientific notation when they hold 12 digits or more: identifiers, a mobile with its 91. */
export const DIGIT_FIELDS: ReadonlySet<string> = new Set(
  FIELDS.filter((f) => f.kind === 'id' || f.id === 'mobile_number').map((f) => f.id),
);

/**
 * A number as a spreadsheet writes it in scientific notation (Excel's General format for 12 digits or more:
 * `8.16486E+13`, `1E+11`, six significant digits at most: the rest are gone). Such a value is not the
 * identifier the records held, whatever its digits.
 */
export function isScientific(v: string): boolean {
  const c = v.charCodeAt(1);
  return (c === 46 || c === 69 || c === 101) && SCIENTIFIC.test(v);
}
const SCIENTIFIC = /^\d(?:\.\d+)?E\+\d{1,2}$/i;

/**
 * Category labels written in Hindi, by field, with CoWin's label each stands for: a translated export's
 * `पुरुष` is CoWin's `Male`. Read as CoWin's label (the original kept in `rewritten`), so the vocabulary checks
 * judge what the record says, not the language it was relabelled in.
 */
export const TRANSLATIONS: Readonly<Record<string, ReadonlyMap<string, string>>> = {
  gender: new Map([
    ['पुरुष', 'Male'],
    ['महिला', 'Female'],
    ['स्त्री', 'Female'],
    ['अन्य', 'Others'],
  ]),
};

/**
 * Gender as data tools and spreadsheets recode it, one letter, with the label CoWin writes for it (every CoWin
 * format writes the word: Male, Female, Others, cowin-formats.md §2.2; T, transgender, is among CoWin's Others).
 * Read only in a gender column whose first records are all letters (MappingEntry.labels), the letter kept in
 * `rewritten`: a recoded column is one edit of the file, not a fault in each record.
 */
export const GENDER_LETTERS: ReadonlyMap<string, string> = new Map(
  [
    ['M', 'Male'],
    ['F', 'Female'],
    ['O', 'Others'],
    ['T', 'Others'],
  ].flatMap(([k, v]) => [
    [k, v],
    [k.toLowerCase(), v],
  ]) as [string, string][],
);

/**
 * Gender as CoWin's own ids, 1 Male, 2 Female, 3 Others: its registration API takes `gender_id` and its genders
 * list pairs id 1 with Male (cowin-formats.md §2.5, §2.6; 3 Others from one Android client's list [S-weak]), so a
 * table copied out of its back end, or a data tool's recoding (ISO/IEC 5218 also writes 1 and 2), has the numbers.
 * Read as {@link GENDER_LETTERS} are: only in a gender column whose first records are all ids.
 */
export const GENDER_IDS: ReadonlyMap<string, string> = new Map(Object.entries(GENDER_BY_ID));

/** The codes a whole gender column may be written in (MappingEntry.labels), each with CoWin's word for each code. */
export const GENDER_CODES = { letters: GENDER_LETTERS, ids: GENDER_IDS } as const;

/** A canonical field id, safe to write as a property name in generated code. */
const IDENTIFIER = /^[a-z][a-z0-9_]*$/;

/** A cell's value: trimmed only when an end is whitespace (a copy otherwise), undefined when empty. */
function clean(v: string | undefined): string | undefined {
  if (v === undefined || v.length === 0) return undefined;
  const t = trimmable(v.charCodeAt(0)) || trimmable(v.charCodeAt(v.length - 1)) ? v.trim() : v;
  return t === '' ? undefined : t;
}

/**
 * Build the per-record normaliser for a mapping once; it runs per row. `profile`, the id of the format the sample
 * matches, says how a date a spreadsheet or a database re-wrote is written back: as that format writes dates
 * (DD-MM-YYYY, or ISO 8601 for the certificate).
 *
 * It is generated for the mapping: `fields` objects of one class whose constructor sets every mapped field
 * (undefined when the cell is empty), written with named stores. Every record then has the same shape, so each
 * check's reads stay monomorphic, and the normaliser avoids a keyed store per value: 0.40 -> 0.12 s per million
 * 12-field rows. The generated code holds only canonical field ids (checked against {@link IDENTIFIER}) and
 * column positions; column names, which come from the sample, are passed as data. The class's prototype has no
 * prototype, so `__proto__` or `constructor` are plain keys as in a {@link dict}.
 */
export function createNormalizer(mapping: MappingEntry[], profile?: string): Normalizer {
  // The mapped columns, each with its position among all columns.
  const mapped = mapping.flatMap((m, index) => (m.field ? [{ ...m, field: m.field, index }] : []));
  const markers = mapped.map((m) => m.nullMarker);
  const write = findProfile(profile ?? '')?.dates === 'iso' ? formatIsoDay : formatDmy;
  const forms = mapped.map((m) => m.dates);
  // Each column's labels read as CoWin's: Hindi translations, and a coded gender column's letters or ids.
  const labels = mapped.map((m) => (m.labels ? new Map([...(TRANSLATIONS[m.field] ?? []), ...GENDER_CODES[m.labels]]) : TRANSLATIONS[m.field]));
  // Called only for the columns a spreadsheet or a database re-wrote.
  const retype = (v: string, k: number): string | undefined => {
    const day = parseShown(v, forms[k]!);
    return Number.isNaN(day) ? undefined : write(day);
  };
  const names = [...new Set(mapped.map((m) => m.field))];
  if (!names.every((n) => IDENTIFIER.test(n))) throw new Error(`not a canonical field: ${JSON.stringify(names.find((n) => !IDENTIFIER.test(n)))}`);
  const columns = mapped.map((m) => m.column);
  const init = names.map((n) => `this.${n} = undefined;`).join(' ');
  // The first non-empty cell of the columns mapped to one field wins.
  // A digit field's value in scientific notation goes to `rewritten`, not `fields`; a translated label, or a date
  // a spreadsheet or a database re-wrote, goes to `rewritten` and its CoWin form to `fields`.
  const assign = (cell: (k: number) => string): string =>
    mapped
      .map((m, k) => {
        const store = `if (v !== undefined && f.${m.field} === undefined) f.${m.field} = v;`;
        const rewritten = DIGIT_FIELDS.has(m.field)
          ? `if (v !== undefined && isScientific(v)) { (r ??= new Map()).set('${m.field}', v); v = undefined; } `
          : labels[k]
            ? `if (v !== undefined) { const t = labels[${k}].get(v); if (t !== undefined) { (r ??= new Map()).set('${m.field}', v); v = t; } } `
            : m.dates
              ? `if (v !== undefined) { const t = retype(v, ${k}); if (t !== undefined) { (r ??= new Map()).set('${m.field}', v); v = t; } } `
              : '';
        // The null marker is passed as data (it comes from the sample), compared whole.
        const marker = m.nullMarker === undefined ? '' : `if (v === markers[${k}]) v = undefined; `;
        return `v = clean(${cell(k)}); ${marker}${rewritten}${store}`;
      })
      .join('\n');
  const source = `
    function Fields() { ${init} }
    Fields.prototype = Object.create(null);
    return function normalize(raw) {
      const f = new Fields();
      let v;
      let r;
      const c = raw.cells;
      if (c !== undefined) {
        ${assign((k) => `c[${mapped[k].index}]`)}
      } else if (raw.values !== undefined) {
        const m = raw.values;
        ${assign((k) => `m.get(columns[${k}])`)}
      }
      return { row: raw.row, line: raw.line, fields: f, nested: raw.nested, facts: undefined, rewritten: r };
    };`;
  return new Function('clean', 'columns', 'isScientific', 'labels', 'retype', 'markers', source)(clean, columns, isScientific, labels, retype, markers) as Normalizer;
}

/**
 * A DIVOC credential's evidence is an array holding one Vaccination; read its entry as `evidence.<key>` values
 * (the paths src/fields.ts names, `evidence.certificateId`), keeping the array for the schema. Returns the
 * record itself; a record without a single-entry `evidence` array is untouched.
 */
export function liftEvidence(raw: RawRecord): RawRecord {
  const list = raw.nested?.get('evidence');
  if (!list || list.length !== 1 || !raw.values) return raw;
  for (const [k, v] of list[0]) {
    const path = `evidence.${k}`;
    if (!raw.values.has(path)) raw.values.set(path, v);
  }
  return raw;
}
