// Identifiers that should be unique but repeat: beneficiary reference ids, ID numbers (Aadhaar, PAN, photo
// ID; unmasked only), certificate ids, appointment ids, and session ids in records of sessions; and Aadhaar
// numbers that share their first 11 digits but not their check digit.
import { Hasher } from '../dedupe/hash.js';
import { HashSet64, PROJECT_AT } from '../dedupe/hashset.js';
import { isAadhaarShaped, normalizeId } from '../dedupe/keys.js';
import { defineCheck, type CheckOutcome, type Dict, type SampleRecord } from '../types.js';
import { count as n } from '../report/numbers.js';

interface Kind {
  id: 'ref' | 'idnum' | 'cert' | 'appointment' | 'session';
  label: string;
  seed: number;
  /** Include the dose number in the key: one row per dose repeats the beneficiary's ids legitimately. */
  perDose: boolean;
}

export const KINDS: readonly Kind[] = [
  { id: 'ref', label: 'beneficiary reference id', seed: 101, perDose: true },
  { id: 'idnum', label: 'ID number', seed: 102, perDose: true },
  { id: 'cert', label: 'certificate id', seed: 103, perDose: false },
  { id: 'appointment', label: 'appointment id', seed: 104, perDose: false },
  { id: 'session', label: 'session id', seed: 105, perDose: false },
];
export const REF = 0;
export const IDNUM = 1;
export const CERT = 2;
export const APPOINTMENT = 3;
export const SESSION = 4;

/** Seed of the Aadhaar-payload keys (first 11 digits; the value keeps the check digit). */
const AADHAAR_SEED = 106;
/** The value packs the first row (27 bits), a "seen again" bit and the check digit (4 bits; 15 = none). */
const MAX_ROW = (1 << 27) - 1;
const REPEATED = 0x8000_0000;
export const NO_DIGIT = 15;

/** Any of these makes a record about a person: its session id is then the session the person attended. */
export const PERSON_FIELDS = ['beneficiary_reference_id', 'name', 'mobile_number', 'photo_id_number', 'aadhaar_number', 'pan_number', 'certificate_id', 'appointment_id'];
export const ID_NUMBER_FIELDS = ['aadhaar_number', 'photo_id_number', 'pan_number'];


/**
 * The ids of a record that are keys, in the order findings are reported (shared with the DuckDB engine): after
 * read(), keys 0 .. n-1 in the arrays. `key` is the id normalised, or an Aadhaar number's first 11 digits with its
 * check digit in `digit` (NO_DIGIT otherwise).
 */
export class IdKeys {
  n = 0;
  readonly kind: number[] = [];
  readonly field: string[] = [];
  readonly raw: string[] = [];
  readonly id: string[] = [];
  readonly key: string[] = [];
  readonly digit: number[] = [];

  constructor(private readonly sessionIsKey: boolean) {}

  /**
   * Read the reference id, the ID numbers (Aadhaar, photo ID, PAN: one number given twice counts once), the
   * certificate id, appointment ids (the record's and its nested appointments'), and the session id when sessions
   * are keys; masked and short ids are not keys. Returns how many keys the record has.
   */
  read(rec: SampleRecord): number {
    const f = rec.fields;
    this.n = 0;
    if (f.beneficiary_reference_id !== undefined) this.one(REF, 'beneficiary_reference_id', f.beneficiary_reference_id);
    for (const field of ID_NUMBER_FIELDS) if (f[field] !== undefined) this.one(IDNUM, field, f[field]);
    if (f.certificate_id !== undefined) this.one(CERT, 'certificate_id', f.certificate_id);
    if (f.appointment_id !== undefined) this.one(APPOINTMENT, 'appointment_id', f.appointment_id);
    const appointments = rec.nested?.get('appointments');
    if (appointments) {
      for (const a of appointments) {
        const id = a.get('appointment_id');
        if (id !== undefined) this.one(APPOINTMENT, 'appointment_id', id);
      }
    }
    if (this.sessionIsKey && f.session_id !== undefined) this.one(SESSION, 'session_id', f.session_id);
    return this.n;
  }

  private one(kind: number, field: string, raw: string): void {
    const id = normalizeId(raw);
    if (!id) return;
    let key = id;
    let digit = NO_DIGIT;
    if (kind === IDNUM) {
      // The same number as Aadhaar and as photo ID is one key.
      for (let k = 0; k < this.n; k++) if (this.kind[k] === IDNUM && this.id[k] === id) return;
      if (isAadhaarShaped(id)) {
        key = id.slice(0, 11);
        digit = id.charCodeAt(11) - 48;
      }
    }
    const k = this.n++;
    this.kind[k] = kind;
    this.field[k] = field;
    this.raw[k] = raw;
    this.id[k] = id;
    this.key[k] = key;
    this.digit[k] = digit;
  }
}

/**
 * The summary and counts (shared with the DuckDB engine): per kind, rows repeating a key and keys repeated; and
 * Aadhaar numbers differing from another only in the check digit.
 */
export function concludeIds(repeats: readonly number[], keysRepeated: readonly number[], checkDigit: number): CheckOutcome {
  const data: Dict<number> = Object.create(null);
  const parts: string[] = [];
  KINDS.forEach((k, i) => {
    data[`${k.id}Repeats`] = repeats[i];
    data[`${k.id}KeysRepeated`] = keysRepeated[i];
    if (repeats[i]) parts.push(`${n(repeats[i])} rows repeat ${n(keysRepeated[i])} ${k.label}${keysRepeated[i] === 1 ? '' : 's'}`);
  });
  data.checkDigitVariants = checkDigit;
  if (checkDigit) parts.push(`${n(checkDigit)} Aadhaar numbers differ from another only in the check digit`);
  return { summary: parts.join('; '), data };
}

export default defineCheck({
  meta: {
    id: 'duplicate-ids',
    category: 'duplicates',
    severity: 'warning',
    description: 'Unique identifiers that repeat across rows, and Aadhaar numbers differing only in the check digit',
    fields: ['beneficiary_reference_id', 'photo_id_number', 'aadhaar_number', 'pan_number', 'certificate_id', 'appointment_id', 'session_id'],
    messages: {
      ref: 'beneficiary reference id already on row {{firstRow}}',
      idnum: 'ID number already on row {{firstRow}}',
      cert: 'certificate id already on row {{firstRow}}',
      appointment: 'appointment id already on row {{firstRow}}',
      session: 'session id already on row {{firstRow}}',
      'check-digit': 'same first 11 digits as the Aadhaar number on row {{firstRow}}, different check digit',
    },
    docs: {
      why:
        'CoWin issues one reference id per beneficiary, one certificate per dose and one appointment per booking, and a person has one Aadhaar number: repeats are copied rows or invented ids. Aadhaar numbers that agree in 11 digits and differ in the last are a generator varying the check digit (the Verhoeff digit is fixed by the other 11).',
      baseline:
        'Masked values (XXXXXXXX1234) and values under 6 characters are not keys. When a dose number is mapped, reference id and ID number are keyed per dose. Session ids are keys only in records about no person (session lists); beneficiaries share sessions. One finding per row (the first repeated kind); counts per kind in the data.',
      sources: ['cowin-formats.md §2.2', 'indian-id-formats.md §1 (Aadhaar, Verhoeff)'],
    },
  },
  create(ctx) {
    const stores = KINDS.map(() => new HashSet64(true));
    const repeats = KINDS.map(() => 0);
    const keysRepeated = KINDS.map(() => 0);
    let checkDigit = 0;
    const sessionIsKey = ctx.mapped.has('session_id') && !PERSON_FIELDS.some((f) => ctx.mapped.has(f));
    const h = new Hasher();
    let row = 0;
    let line = 0;
    let dose = '';
    let reported = false;
    let projected = false;

    const keys = new IdKeys(sessionIsKey);

    /** Key i of the record just read: store it, or report it when an earlier row has it. */
    function check(i: number): void {
      const kind = keys.kind[i];
      const digit = keys.digit[i];
      h.start(digit === NO_DIGIT ? KINDS[kind].seed : AADHAAR_SEED).str(keys.key[i]);
      if (KINDS[kind].perDose) h.sep().str(dose);
      h.end();
      const store = stores[kind];
      const packed = ((Math.min(row, MAX_ROW) << 4) | digit) >>> 0;
      const slot = store.add(h.hi, h.lo, packed);
      if (slot < 0) return;
      const old = store.value(slot);
      const firstRow = (old >>> 4) & MAX_ROW;
      const field = keys.field[i];
      const value = keys.raw[i];
      if ((old & 15) !== digit) {
        checkDigit++;
        if (!reported) ctx.report({ messageId: 'check-digit', row, line, field, value, data: { firstRow } });
      } else {
        repeats[kind]++;
        if (!(old & REPEATED)) {
          keysRepeated[kind]++;
          store.setValue(slot, (old | REPEATED) >>> 0);
        }
        if (!reported) ctx.report({ messageId: KINDS[kind].id, row, line, field, value, data: { firstRow } });
      }
      reported = true;
    }

    return {
      record(rec) {
        const f = rec.fields;
        row = rec.row;
        if (!projected && row >= PROJECT_AT) {
          projected = true;
          const expected = ctx.expectedRows();
          for (const store of stores) store.project(row, expected);
        }
        line = rec.line;
        reported = false;
        dose = f.dose ?? '';
        const n = keys.read(rec);
        for (let i = 0; i < n; i++) check(i);
        if (n) ctx.applicable();
      },
      finish: () => concludeIds(repeats, keysRepeated, checkDigit),
    };
  },
});
