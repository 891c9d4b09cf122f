// duplicate-ids on DuckDB (mirrors src/checks/duplicate-ids.ts). Every identifier the check would look up goes to
// a table as its normalised value, with the record's row and the identifier's place among the record's lookups
// (seq), so "earlier" means what it means to the check: an earlier row, or earlier in the same row. SQL finds,
// per key, the first occurrence and every later one: a repeat, or an Aadhaar check-digit variant when the check
// digit differs from the first occurrence's.
import { IDNUM, IdKeys, KINDS, NO_DIGIT, PERSON_FIELDS, concludeIds } from '../../checks/duplicate-ids.js';
import { MAX_EXAMPLES } from '../../run-checks.js';
import { fromText } from '../duckdb-store.js';
import { numericKey, reportAll, type EnginePart } from '../part.js';

/** The tables' kind for Aadhaar-shaped ID numbers, keyed by their first 11 digits (the check's own namespace). */
const AADHAAR = 5;
const kindOf = (k: number): number => (k === AADHAAR ? IDNUM : k);

/** Field codes in the tables. */
const FIELD_NAMES = ['beneficiary_reference_id', 'aadhaar_number', 'photo_id_number', 'pan_number', 'certificate_id', 'appointment_id', 'session_id'];
const FIELD_CODE: Record<string, number> = Object.create(null);
FIELD_NAMES.forEach((f, i) => (FIELD_CODE[f] = i));


// A key is (kind, id, dose), dose '' for kinds not keyed per dose. tag packs kind << 8 | check digit << 4 |
// field (check digit 15: not an Aadhaar). A key whose id and dose are numbers (numericKey; dose -1 for '') goes
// to di_num, any other to di_text: a key always goes to the same one. di_raw holds the value as given when it
// is not the normalised id.
const NUM = 'di_num';
const TEXT = 'di_text';
const RAW = 'di_raw';
const NUM_COLUMNS = [
  ['row', 'UINTEGER'],
  ['seq', 'UINTEGER'],
  ['line', 'UINTEGER'],
  ['tag', 'USMALLINT'],
  ['knum', 'DOUBLE'],
  ['dnum', 'DOUBLE'],
] as const;
const TEXT_COLUMNS = [
  ['row', 'UINTEGER'],
  ['seq', 'UINTEGER'],
  ['line', 'UINTEGER'],
  ['tag', 'USMALLINT'],
  ['key', 'VARCHAR'],
  ['dose', 'VARCHAR'],
] as const;
const RAW_COLUMNS = [
  ['row', 'UINTEGER'],
  ['seq', 'UINTEGER'],
  ['raw', 'VARCHAR'],
] as const;

/** Occurrences after the first of their key in `table` (key columns `a`, `b`), as the check meets them (ord). */
const later = (table: string, a: string, b: string, nums: boolean): string => `
SELECT e.row, e.seq, e.line, e.tag, (f.first_ord >> 32)::UINTEGER AS first_row, ((e.tag >> 4) & 15) <> ((f.first_tag >> 4) & 15) AS variant,
  ${nums ? 'e.knum, e.dnum, NULL::VARCHAR AS key, NULL::VARCHAR AS dose' : 'NULL::DOUBLE AS knum, NULL::DOUBLE AS dnum, e.key, e.dose'}
FROM (SELECT *, (row::UBIGINT << 32) | seq AS ord FROM ${table}) e
JOIN (
  SELECT tag >> 8 AS kind, ${a}, ${b}, min((row::UBIGINT << 32) | seq) AS first_ord, arg_min(tag, (row::UBIGINT << 32) | seq) AS first_tag
  FROM ${table} GROUP BY kind, ${a}, ${b} HAVING count(*) > 1
) f ON (e.tag >> 8) = f.kind AND e.${a} = f.${a} AND e.${b} = f.${b}
WHERE e.ord > f.first_ord`;

const SQL_LATER = `CREATE TEMP TABLE di_later AS ${later(NUM, 'knum', 'dnum', true)} UNION ALL ${later(TEXT, 'key', 'dose', false)}`;

const SQL_COUNTS = `
SELECT tag >> 8 AS kind, (count(*) FILTER (WHERE NOT variant))::DOUBLE AS repeats, (count(*) FILTER (WHERE variant))::DOUBLE AS variants
FROM di_later GROUP BY kind`;

const SQL_KEYS = `
SELECT kind, count(*)::DOUBLE AS keys FROM (SELECT DISTINCT tag >> 8 AS kind, knum, dnum, key, dose FROM di_later WHERE NOT variant) GROUP BY kind`;

// One finding per row: its first later occurrence. Counted per message id and field.
const SQL_FINDINGS = `
SELECT tag >> 8 AS kind, tag & 15 AS field, variant, count(*)::DOUBLE AS n FROM (
  SELECT row, arg_min(tag, seq) AS tag, arg_min(variant, seq) AS variant FROM di_later GROUP BY row
) GROUP BY ALL`;

// The first rows' findings, with the value as given (di_raw), else the id: an Aadhaar's key and check digit.
const SQL_EXAMPLES = `
WITH picked AS (
  SELECT row, arg_min(seq, seq) AS seq, arg_min(line, seq) AS line, arg_min(tag, seq) AS tag, arg_min(first_row, seq) AS first_row,
    arg_min(variant, seq) AS variant, arg_min(coalesce(key, knum::BIGINT::VARCHAR), seq) AS id
  FROM di_later WHERE row IN (SELECT DISTINCT row FROM di_later ORDER BY row LIMIT ${MAX_EXAMPLES}) GROUP BY row
)
SELECT f.row, f.line, f.tag >> 8 AS kind, f.tag & 15 AS field, f.first_row, f.variant,
  coalesce(r.raw, CASE WHEN f.tag >> 8 = ${AADHAAR} THEN f.id || ((f.tag >> 4) & 15)::VARCHAR ELSE f.id END) AS value
FROM picked f LEFT JOIN ${RAW} r ON r.row = f.row AND r.seq = f.seq
ORDER BY f.row`;

const messageOf = (kind: number, variant: boolean): string => (variant ? 'check-digit' : KINDS[kindOf(kind)].id);

export const duplicateIds: EnginePart = {
  id: 'duplicate-ids',
  tables: [
    { name: NUM, columns: NUM_COLUMNS },
    { name: TEXT, columns: TEXT_COLUMNS },
    { name: RAW, columns: RAW_COLUMNS },
  ],
  create(ctx, table) {
    const num = table(NUM);
    const text = table(TEXT);
    const raws = table(RAW);
    const [nRow, nSeq, nLine, nTag, nKey, nDose] = num.cols;
    const [tRow, tSeq, tLine, tTag, tKey, tDose] = text.cols;
    const [rRow, rSeq, rRaw] = raws.cols;
    const sessionIsKey = ctx.mapped.has('session_id') && !PERSON_FIELDS.some((f) => ctx.mapped.has(f));
    let row = 0;
    let line = 0;
    let seq = 0;
    let doseOfRow = '';
    const repeats = KINDS.map(() => 0);
    const keysRepeated = KINDS.map(() => 0);
    let checkDigit = 0;
    let findings: { messageId: string; field: string; n: number }[] = [];
    let examples: Parameters<typeof ctx.report>[0][] = [];

    const keys = new IdKeys(sessionIsKey);

    /** Key `at` of the record just read, into its table. */
    function write(at: number): void {
      const digit = keys.digit[at];
      const kind = digit === NO_DIGIT ? keys.kind[at] : AADHAAR;
      const field = keys.field[at];
      const raw = keys.raw[at];
      const key = keys.key[at];
      const dose = KINDS[kindOf(kind)].perDose ? doseOfRow : '';
      const tag = (kind << 8) | (digit << 4) | FIELD_CODE[field];
      const s = seq++;
      const k = numericKey(key);
      const d = dose === '' ? -1 : numericKey(dose);
      if (!Number.isNaN(k) && !Number.isNaN(d)) {
        const i = num.n;
        nRow[i] = row;
        nSeq[i] = s;
        nLine[i] = line;
        nTag[i] = tag;
        nKey[i] = k;
        nDose[i] = d;
        num.end();
      } else {
        const i = text.n;
        tRow[i] = row;
        tSeq[i] = s;
        tLine[i] = line;
        tTag[i] = tag;
        tKey[i] = key;
        tDose[i] = dose;
        text.end();
      }
      if (raw !== keys.id[at]) {
        const i = raws.n;
        rRow[i] = row;
        rSeq[i] = s;
        rRaw[i] = raw;
        raws.end();
      }
    }

    return {
      record(rec) {
        const f = rec.fields;
        row = rec.row;
        line = rec.line;
        seq = 0;
        doseOfRow = f.dose ?? '';
        const n = keys.read(rec);
        for (let i = 0; i < n; i++) write(i);
        if (n) ctx.applicable();
      },
      async compute(db) {
        await db.run(SQL_LATER);
        for (const r of await db.rows(SQL_COUNTS)) {
          repeats[kindOf(Number(r.kind))] += Number(r.repeats);
          checkDigit += Number(r.variants);
        }
        for (const r of await db.rows(SQL_KEYS)) keysRepeated[kindOf(Number(r.kind))] += Number(r.keys);
        findings = (await db.rows(SQL_FINDINGS)).map((r) => ({
          messageId: messageOf(Number(r.kind), r.variant === true),
          field: FIELD_NAMES[Number(r.field)],
          n: Number(r.n),
        }));
        examples = (await db.rows(SQL_EXAMPLES)).map((r) => ({
          messageId: messageOf(Number(r.kind), r.variant === true),
          row: Number(r.row),
          line: Number(r.line),
          field: FIELD_NAMES[Number(r.field)],
          value: fromText(String(r.value)),
          data: { firstRow: Number(r.first_row) },
        }));
      },
      finish() {
        reportAll(ctx, examples, findings);
        return concludeIds(repeats, keysRepeated, checkDigit);
      },
    };
  },
};
