// One identifier, several people: an ID number or beneficiary reference id under different names, birth years
// or mobile numbers. (Ids merely repeated, the same person twice, are the duplicate checks' business.)
import { defineCheck, type CheckOutcome, type Dict } from '../types.js';
import { compactId, isMasked } from '../validators/formats.js';
import { KeyTable, hashFolded, hashHigh, hashString } from './support/key-table.js';
import { recordFacts } from './support/record-facts.js';
import { num, sampledNote, share } from './support/summary.js';

// Per-id layout in the table's values; 0 means unknown.
const NAME = 0; // folded name hash
const YEAR = 1; // birth year
const TAIL = 2; // last 4 digits of the mobile + 1
const FIRST_ROW = 3;
const WIDTH = 4;

/** Aadhaar, PAN and photo-ID numbers share one namespace (an Aadhaar given as photo ID is the same key). */
const SEED_ID = 0x69646e;
const SEED_REF = 0x726566;
/** Shorter values are masked tails or serials, not unique keys. */
export const MIN_LENGTH = 6;
export const ID_FIELDS = ['aadhaar_number', 'photo_id_number', 'pan_number', 'beneficiary_reference_id'] as const;

/** The last 4 digits of a mobile, masked or not, + 1; 0 when unreadable. */
export function mobileTail(v: string | undefined): number {
  if (v === undefined || v.length < 4) return 0;
  let n = 0;
  for (let i = v.length - 4; i < v.length; i++) {
    const c = v.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return 0;
    n = n * 10 + c;
  }
  return n + 1;
}

/** An id as a key (compacted), or '' when it is masked or too short to identify anyone. */
export function idKey(raw: string): string {
  if (raw.length < MIN_LENGTH || isMasked(raw)) return '';
  const id = compactId(raw);
  return id.length < MIN_LENGTH ? '' : id;
}

/** A conflict finding's data (shared with the DuckDB engine). */
export function conflictData(field: string, first: number, firstYear: number, year: number): Dict<string | number> {
  return { what: field === 'beneficiary_reference_id' ? 'reference id' : 'ID number', first, firstYear: String(firstYear), year: String(year) };
}

/**
 * The conclusion (shared with the DuckDB engine): of `repeats` records repeating an id, how many give it another
 * name, birth year or mobile; `sampled` share of ids followed.
 */
export function concludeIdConflicts(repeats: number, names: number, years: number, mobiles: number, sampled: number): CheckOutcome {
  const note = sampledNote(sampled, 'ids');
  // Past the table's cap only a sample of ids is followed: a pass then says so.
  if (repeats === 0) return note ? { summary: `no id repeats${note}`, data: { sampled } } : {};
  return {
    summary:
      `${share(names + years + mobiles, repeats)} records repeating an id${note} give it to someone else: ${num(names)} under another name, ` +
      `${num(years)} another birth year, ${num(mobiles)} another mobile number (one ID proof, one person, one number; cowin-formats.md §2.6).`,
    data: { otherName: names, otherBirthYear: years, otherMobile: mobiles, sampled },
  };
}

export default defineCheck({
  meta: {
    id: 'id-conflict',
    category: 'consistency',
    severity: 'warning',
    description: 'The same ID number or beneficiary reference id under different names, birth years or mobile numbers',
    messages: {
      'other-name': '{{what}} also on row {{first}} under another name',
      'other-birth-year': '{{what}} also on row {{first}} with birth year {{firstYear}}, here {{year}}',
      'other-mobile': '{{what}} also on row {{first}} with another mobile number',
    },
    fields: ['aadhaar_number', 'photo_id_number', 'pan_number', 'beneficiary_reference_id'],
    docs: {
      why:
        'An Aadhaar, PAN or other photo-ID number identifies one person, and CoWin refused the same ID proof on a second mobile number; a beneficiary reference id is one registration. The same id under a different name (compared ignoring case, spaces and punctuation), birth year or mobile number means ids were reused across invented people. Only rows repeating an id seen before are applicable; masked ids and values under 6 characters are ignored. Memory is bounded (about 25 MB): past about 786,000 ids a hash sample of them is followed.',
      baseline: 'Genuine: about 0.1% of repeated ids (corrections of a name or birth year). Fabricated with reused ids: most repeats.',
      sources: [
        'indian-id-formats.md §1.3 (a different photo-ID number per beneficiary on a number)',
        'https://www.thehindu.com/news/national/covid-19-vaccination-use-same-phone-number-for-both-doses-says-health-ministry/article65401182.ece/amp/',
        'cowin-formats.md §7 ("same ID number should not appear under two mobiles")',
      ],
    },
  },
  create(ctx) {
    const table = new KeyTable(WIDTH);
    const rowKeys = new Uint32Array(ID_FIELDS.length);
    let names = 0;
    let years = 0;
    let mobiles = 0;
    let repeats = 0;
    return {
      record(rec) {
        table.project(rec.row, ctx.expectedRows);
        const f = rec.fields;
        // Read once a key is followed: past the table's cap most ids fall outside the sample.
        let known = false;
        let name = 0;
        let year = 0;
        let tail = 0;
        let keys = 0;
        let repeat = false;
        let conflict = '';
        let conflictField = '';
        let firstRow = 0;
        let firstYear = 0;
        for (const field of ID_FIELDS) {
          const raw = f[field];
          const id = raw === undefined ? '' : idKey(raw);
          if (id === '') continue;
          const lo = hashString(id, field === 'beneficiary_reference_id' ? SEED_REF : SEED_ID);
          // The same number in two columns of one record (Aadhaar as photo ID) is one key.
          let dup = false;
          for (let k = 0; k < keys; k++) if (rowKeys[k] === lo) dup = true;
          if (dup) continue;
          rowKeys[keys++] = lo;
          const b = table.slot(lo, hashHigh);
          if (b < 0) continue;
          if (!known) {
            known = true;
            name = f.name === undefined ? 0 : hashFolded(f.name);
            const by = recordFacts(rec).birthYear;
            year = Number.isNaN(by) ? 0 : by;
            tail = mobileTail(f.mobile_number);
          }
          const v = table.data;
          if (table.created) {
            v[b + NAME] = name;
            v[b + YEAR] = year;
            v[b + TAIL] = tail;
            v[b + FIRST_ROW] = rec.row;
            continue;
          }
          repeat = true;
          if (conflict === '') {
            const c =
              name !== 0 && v[b + NAME] !== 0 && name !== v[b + NAME]
                ? 'other-name'
                : year !== 0 && v[b + YEAR] !== 0 && year !== v[b + YEAR]
                  ? 'other-birth-year'
                  : tail !== 0 && v[b + TAIL] !== 0 && tail !== v[b + TAIL]
                    ? 'other-mobile'
                    : '';
            if (c !== '') {
              conflict = c;
              conflictField = field;
              firstRow = v[b + FIRST_ROW];
              firstYear = v[b + YEAR];
            }
          }
          if (v[b + NAME] === 0) v[b + NAME] = name;
          if (v[b + YEAR] === 0) v[b + YEAR] = year;
          if (v[b + TAIL] === 0) v[b + TAIL] = tail;
        }
        if (!repeat) return;
        ctx.applicable();
        repeats++;
        if (conflict === '') return;
        if (conflict === 'other-name') names++;
        else if (conflict === 'other-birth-year') years++;
        else mobiles++;
        ctx.report({
          messageId: conflict,
          row: rec.row,
          line: rec.line,
          field: conflictField,
          value: f[conflictField] ?? null,
          data: conflictData(conflictField, firstRow, firstYear, year),
        });
      },
      finish: () => concludeIdConflicts(repeats, names, years, mobiles, table.sampled),
    };
  },
});

