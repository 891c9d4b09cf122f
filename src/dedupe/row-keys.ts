// What duplicate-rows judges a record by: a hash of all its mapped (field, value) pairs for exact copies, and
// for near-duplicates its folded name with the block keys and corroborating hashes NearIndex takes. One piece
// of code for the check (src/checks/duplicate-rows.ts) and its DuckDB part (src/engines/duckdb/duplicate-rows.ts),
// so both engines judge the same records alike.
import { FIELDS } from '../fields.js';
import type { Dict } from '../types.js';
import { Hasher } from './hash.js';
import { DOSE_DATE_FIELDS, ID_FIELDS, NAME_FIELDS, birthYearOf, genderCode, mobileTailNumber } from './keys.js';
import { foldInto } from './names.js';
import { HAS_DATES, HAS_MOBILE } from './near.js';

const ROLE_OTHER = 0;
const ROLE_ID = 1;
const ROLE_NAME = 2;
const ROLE_DOSE_DATE = 3;

const ROLES: Record<string, number> = Object.create(null);
for (const f of FIELDS) ROLES[f.id] = ROLE_OTHER;
for (const f of ID_FIELDS) ROLES[f] = ROLE_ID;
for (const f of NAME_FIELDS) ROLES[f] = ROLE_NAME;
for (const f of DOSE_DATE_FIELDS) ROLES[f] = ROLE_DOSE_DATE;

/** A small integer per canonical field, hashed instead of the field's name. */
const FIELD_CODE: Record<string, number> = Object.create(null);
FIELDS.forEach((f, i) => (FIELD_CODE[f.id] = i + 1));

/** Seed of the second row hash (the first uses seed 1). */
const SEED_ROW2 = 4;

/** Mix four decimal digits (0-9999, zero-padded) into `h` as their characters. */
function digits4(h: Hasher, v: number): Hasher {
  const a = (v / 1000) | 0;
  const b = ((v / 100) | 0) - a * 10;
  const c = ((v / 10) | 0) - ((v / 100) | 0) * 10;
  return h.code(48 + a).code(48 + b).code(48 + c).code(48 + (v - ((v / 10) | 0) * 10));
}

/** A record's near-duplicate candidate: its folded name is in FOLDED[0 .. nameLength) (names.ts). */
export interface NearKeys {
  nameLength: number;
  blockA: number;
  blockB: number;
  sampleKey: number;
  dates: number;
  rest: number;
  evidence: number;
}

export class RowKeys {
  /** The row hash of the record read last (hi/lo): every mapped field with a value, field and value. */
  readonly row = new Hasher();
  /** A second, independent row hash when asked for (`wide`): 128 bits in all. */
  readonly row2: Hasher | null;
  private readonly hRest = new Hasher();
  private readonly hDates = new Hasher();
  private readonly hKey = new Hasher();
  private readonly hValue = new Hasher();
  private readonly order: string[];
  private readonly codes: number[];
  private readonly roles: number[];
  private dateCount = 0;
  private readonly near: NearKeys = { nameLength: 0, blockA: 0, blockB: 0, sampleKey: 0, dates: 0, rest: 0, evidence: 0 };

  constructor(mapped: ReadonlySet<string>, wide = false) {
    this.order = [...mapped].sort();
    this.codes = this.order.map((k, i) => FIELD_CODE[k] ?? FIELDS.length + 1 + i);
    this.roles = this.order.map((k) => ROLES[k] ?? ROLE_OTHER);
    this.row2 = wide ? new Hasher() : null;
  }

  /** Hash a record's mapped fields into `row` (and `row2`); returns how many have a value. */
  read(f: Dict<string>): number {
    const { row, row2, hRest, hDates, hValue, order, codes, roles } = this;
    row.start(1);
    row2?.start(SEED_ROW2);
    hRest.start(2);
    hDates.start(3);
    let fields = 0;
    let dates = 0;
    // Each value is hashed once; the row, rest and dates hashes combine (field, value hash) pairs. The mapped
    // fields are visited in one fixed order (no per-row key list).
    for (let m = 0; m < order.length; m++) {
      const v = f[order[m]];
      if (v === undefined) continue;
      // A value hash only feeds the row, rest and dates hashes, which finish with full avalanche.
      hValue.start(0).strPairs(v).endRaw();
      const code = codes[m];
      const vh = hValue.hi;
      const vl = hValue.lo;
      row.code3(code, vh, vl);
      row2?.code3(code, vh, vl);
      fields++;
      const role = roles[m];
      if (role === ROLE_ID || role === ROLE_NAME) continue;
      hRest.code3(code, vh, vl);
      if (role === ROLE_DOSE_DATE) {
        hDates.code3(code, vh, vl);
        dates++;
      }
    }
    this.dateCount = dates;
    row.end();
    row2?.end();
    return fields;
  }

  /**
   * The near-duplicate candidate of the record read last, or null when it has no name, birth year or gender,
   * or its name folds to fewer than 2 characters. Its blocks: A = birth year + gender + the mobile's last 4
   * digits; B = birth year + gender + district (+ nothing when there is neither a district nor a mobile).
   */
  nearKeys(f: Dict<string>): NearKeys | null {
    const name = f.name;
    if (name === undefined) return null;
    const yob = birthYearOf(f);
    const g = genderCode(f.gender);
    if (Number.isNaN(yob) || !g) return null;
    const len = foldInto(name);
    if (len < 2) return null;
    const { hKey, near } = this;
    const gc = g.charCodeAt(0);
    // The mobile's last 4 digits and the lower-cased district, hashed as the strings they are (the block keys
    // decide the comparison order), without making the strings.
    const tail = f.mobile_number === undefined ? -1 : mobileTailNumber(f.mobile_number);
    const district = f.district_name === undefined ? '' : f.district_name;
    near.nameLength = len;
    near.blockA = tail >= 0 ? digits4(hKey.start(10).code(yob).code(gc), tail).end32() : 0;
    near.blockB = district
      ? hKey.start(11).code(yob).code(gc).strLower(district).end32()
      : tail >= 0
        ? 0
        : hKey.start(12).code(yob).code(gc).end32();
    hKey.start(13).code(yob).code(gc);
    if (tail >= 0) digits4(hKey, tail);
    near.sampleKey = hKey.sep().strLower(district).end32();
    near.dates = this.dateCount ? this.hDates.end32() : 0;
    near.rest = this.hRest.end32();
    near.evidence = (this.dateCount ? HAS_DATES : 0) | (tail >= 0 ? HAS_MOBILE : 0);
    return near;
  }
}
