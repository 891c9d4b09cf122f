// duplicate-rows on DuckDB (mirrors src/checks/duplicate-rows.ts). Exact copies: each judged row's 128-bit hash
// of its mapped (field, value) pairs goes to a table, and SQL finds every row whose hash an earlier row has.
// Near-duplicates stay in memory (NearIndex is bounded), fed after the SQL with the rows that are not exact
// copies, in row order: the sequence of records the check's own index sees, so the same matches.

import { INFLATED_MIN_COPIES, INFLATED_MIN_FACTOR, MIN_FIELDS } from '../../checks/duplicate-rows.js';
import { Hasher } from '../../dedupe/hash.js';
import { DOSE_DATE_FIELDS, ID_FIELDS, NAME_FIELDS, birthYearOf, genderCode, mobileTailNumber } from '../../dedupe/keys.js';
import { FOLDED, foldInto } from '../../dedupe/names.js';
import { HAS_DATES, HAS_MOBILE, NearIndex } from '../../dedupe/near.js';
import { FIELDS } from '../../fields.js';
import { MAX_EXAMPLES } from '../../run-checks.js';
import type { Flag } from '../../types.js';
import { fromText } from '../duckdb-store.js';
import { reportAll, type EnginePart } from '../part.js';

const ROLE_OTHER = 0;
const ROLE_ID = 1;
const ROLE_NAME = 2;
const ROLE_DOSE_DATE = 3;

const ROLES: Record<string, number> = Object.create(null);
for (const f of FIELDS) ROLES[f.id] = ROLE_OTHER;
for (const f of ID_FIELDS) ROLES[f] = ROLE_ID;
for (const f of NAME_FIELDS) ROLES[f] = ROLE_NAME;
for (const f of DOSE_DATE_FIELDS) ROLES[f] = ROLE_DOSE_DATE;

const FIELD_CODE: Record<string, number> = Object.create(null);
FIELDS.forEach((f, i) => (FIELD_CODE[f.id] = i + 1));

const n = (x: number): string => x.toLocaleString('en-US');

function digits4(h: Hasher, v: number): Hasher {
  const a = (v / 1000) | 0;
  const b = ((v / 100) | 0) - a * 10;
  const c = ((v / 10) | 0) - ((v / 100) | 0) * 10;
  return h.code(48 + a).code(48 + b).code(48 + c).code(48 + (v - ((v / 10) | 0) * 10));
}

/** Seed of the second 64 bits of the row key (the check's row hash uses seed 1). */
const SEED_ROW2 = 4;

/** Bytes of a folded name kept in numeric columns (4 a column); the rest of a longer one goes in name_rest. */
const PACKED = 24;
const WORDS = PACKED / 4;

// One row per judged record: its key (k1..k4), and for a near-duplicate candidate its folded name (its length,
// then its bytes packed 4 to a column; past PACKED bytes, the rest as text in dr_rest) and the NearIndex
// arguments; name_len 0 for the others. Numbers rather than the name itself: DuckDB's text costs far more to
// write and read back.
const TABLE = 'dr_rows';
const REST = 'dr_rest';
const REST_COLUMNS = [
  ['row', 'UINTEGER'],
  ['rest', 'VARCHAR'],
] as const;
const COLUMNS = [
  ['row', 'UINTEGER'],
  ['line', 'UINTEGER'],
  ['k1', 'UINTEGER'],
  ['k2', 'UINTEGER'],
  ['k3', 'UINTEGER'],
  ['k4', 'UINTEGER'],
  ['name_len', 'UTINYINT'], // at most MAX_FOLDED (64)
  ['w1', 'UINTEGER'],
  ['w2', 'UINTEGER'],
  ['w3', 'UINTEGER'],
  ['w4', 'UINTEGER'],
  ['w5', 'UINTEGER'],
  ['w6', 'UINTEGER'],
  ['block_a', 'UINTEGER'],
  ['block_b', 'UINTEGER'],
  ['sample_key', 'UINTEGER'],
  ['dates', 'UINTEGER'],
  ['rest', 'UINTEGER'],
  ['evidence', 'UTINYINT'],
] as const;

const SQL_COPIES = `
CREATE TEMP TABLE dr_copies AS
WITH firsts AS (
  SELECT k1, k2, k3, k4, min(row) AS first_row FROM dr_rows GROUP BY k1, k2, k3, k4 HAVING count(*) > 1
)
SELECT r.row, r.line, f.first_row FROM dr_rows r JOIN firsts f USING (k1, k2, k3, k4) WHERE r.row > f.first_row`;

const SQL_NEAR = `
SELECT r.row, r.line, r.block_a, r.block_b, r.sample_key, r.dates, r.rest, r.evidence, r.name_len, r.w1, r.w2, r.w3, r.w4, r.w5, r.w6,
  coalesce(x.rest, '') AS name_rest
FROM dr_rows r LEFT JOIN dr_rest x ON x.row = r.row
WHERE r.name_len > 0 AND NOT EXISTS (SELECT 1 FROM dr_copies c WHERE c.row = r.row)
ORDER BY r.row`;

export const duplicateRows: EnginePart = {
  id: 'duplicate-rows',
  tables: [
    { name: TABLE, columns: COLUMNS },
    { name: REST, columns: REST_COLUMNS },
  ],
  create(ctx, table) {
    const t = table(TABLE);
    const restTable = table(REST);
    const [cRow, cLine, cK1, cK2, cK3, cK4, cLen, ...more] = t.cols;
    const cWords = more.slice(0, WORDS);
    const [cA, cB, cS, cD, cR, cE] = more.slice(WORDS);
    const hRow = new Hasher();
    const hRow2 = new Hasher();
    const hRest = new Hasher();
    const hDates = new Hasher();
    const hKey = new Hasher();
    const hValue = new Hasher();
    const order = [...ctx.mapped].sort();
    const codes = order.map((k, i) => FIELD_CODE[k] ?? FIELDS.length + 1 + i);
    const roles = order.map((k) => ROLES[k] ?? ROLE_OTHER);
    let rows = 0;
    let exactCopies = 0;
    let exactExamples: { row: number; line: number; firstRow: number }[] = [];
    const near = new NearIndex();
    return {
      record(rec) {
        const f = rec.fields;
        hRow.start(1);
        hRow2.start(SEED_ROW2);
        hRest.start(2);
        hDates.start(3);
        let fields = 0;
        let dates = 0;
        for (let m = 0; m < order.length; m++) {
          const v = f[order[m]];
          if (v === undefined) continue;
          hValue.start(0).strPairs(v).endRaw();
          const code = codes[m];
          const vh = hValue.hi;
          const vl = hValue.lo;
          hRow.code(code).code(vh).code(vl);
          hRow2.code(code).code(vh).code(vl);
          fields++;
          const role = roles[m];
          if (role === ROLE_ID || role === ROLE_NAME) continue;
          hRest.code(code).code(vh).code(vl);
          if (role === ROLE_DOSE_DATE) {
            hDates.code(code).code(vh).code(vl);
            dates++;
          }
        }
        if (fields < MIN_FIELDS) return;
        ctx.applicable();
        rows++;
        hRow.end();
        hRow2.end();
        const i = t.n;
        cRow[i] = rec.row;
        cLine[i] = rec.line;
        cK1[i] = hRow.hi;
        cK2[i] = hRow.lo;
        cK3[i] = hRow2.hi;
        cK4[i] = hRow2.lo;
        cLen[i] = 0;
        for (const w of cWords) w[i] = 0;
        cA[i] = 0;
        cB[i] = 0;
        cS[i] = 0;
        cD[i] = 0;
        cR[i] = 0;
        cE[i] = 0;
        // A near-duplicate candidate (the check stores it unless the row is an exact copy).
        const name = f.name;
        const yob = name === undefined ? NaN : birthYearOf(f);
        const g = Number.isNaN(yob) ? '' : genderCode(f.gender);
        const len = g ? foldInto(name!) : 0;
        if (len >= 2) {
          const gc = g.charCodeAt(0);
          const tail = f.mobile_number === undefined ? -1 : mobileTailNumber(f.mobile_number);
          const district = f.district_name === undefined ? '' : f.district_name;
          const blockA = tail >= 0 ? digits4(hKey.start(10).code(yob).code(gc), tail).end32() : 0;
          const blockB = district
            ? hKey.start(11).code(yob).code(gc).strLower(district).end32()
            : tail >= 0
              ? 0
              : hKey.start(12).code(yob).code(gc).end32();
          hKey.start(13).code(yob).code(gc);
          if (tail >= 0) digits4(hKey, tail);
          const sampleKey = hKey.sep().strLower(district).end32();
          cLen[i] = len;
          for (let w = 0; w < WORDS; w++) {
            let word = 0;
            for (let j = 4 * w + 3; j >= 4 * w; j--) word = (word << 8) | (j < len ? FOLDED[j] : 0);
            cWords[w][i] = word >>> 0;
          }
          if (len > PACKED) {
            let rest = '';
            for (let j = PACKED; j < len; j++) rest += String.fromCharCode(FOLDED[j]);
            const [xRow, xRest] = restTable.cols;
            xRow[restTable.n] = rec.row;
            xRest[restTable.n] = rest;
            restTable.end();
          }
          cA[i] = blockA;
          cB[i] = blockB;
          cS[i] = sampleKey;
          cD[i] = dates ? hDates.end32() : 0;
          cR[i] = hRest.end32();
          cE[i] = (dates ? HAS_DATES : 0) | (tail >= 0 ? HAS_MOBILE : 0);
        }
        t.end();
      },
      async compute(db) {
        await db.run(SQL_COPIES);
        exactCopies = await db.number('SELECT count(*)::DOUBLE FROM dr_copies');
        exactExamples = (await db.rows(`SELECT row, line, first_row FROM dr_copies ORDER BY row LIMIT ${MAX_EXAMPLES}`)).map((r) => ({
          row: Number(r.row),
          line: Number(r.line),
          firstRow: Number(r.first_row),
        }));
        await db.each(SQL_NEAR, undefined, (cols, count) => {
          const [row, line, a, b, s, d, r, e, len] = cols;
          const words = cols.slice(9, 9 + WORDS);
          const rest = cols[9 + WORDS];
          for (let k = 0; k < count; k++) {
            const n = len.getItem(k) as number;
            for (let j = 0; j < Math.min(n, PACKED); j += 4) {
              const word = words[j >> 2].getItem(k) as number;
              for (let q = 0; q < 4 && j + q < n; q++) FOLDED[j + q] = (word >>> (q * 8)) & 0xff;
            }
            if (n > PACKED) {
              const tail = fromText(rest.getItem(k) as string);
              for (let j = PACKED; j < n; j++) FOLDED[j] = tail.charCodeAt(j - PACKED);
            }
            const get = (v: (typeof cols)[number]): number => v.getItem(k) as number;
            near.add(get(row), get(line), n, get(a), get(b), get(s), get(d), get(r), get(e));
          }
        });
      },
      finish() {
        reportAll(
          ctx,
          exactExamples.map((x) => ({ messageId: 'exact', row: x.row, line: x.line, field: null, value: null, data: { firstRow: x.firstRow } })),
          [{ messageId: 'exact', n: exactCopies }],
        );
        const result = near.cluster();
        for (const m of result.matches) {
          ctx.report({
            messageId: 'near',
            row: m.row,
            line: m.line,
            field: null,
            value: null,
            data: { firstRow: m.firstRow, similarity: Math.round(m.similarity * 100) },
          });
        }
        const nearCopies = Math.round(result.matches.length / result.sampled);
        for (let i = result.matches.length; i < nearCopies; i++) ctx.report({ messageId: 'sampled' });
        const copies = exactCopies + nearCopies;
        const distinct = Math.max(rows - copies, rows ? 1 : 0);
        const factor = distinct ? Math.round((rows / distinct) * 100) / 100 : 1;
        const flags: Flag[] = factor >= INFLATED_MIN_FACTOR && copies >= INFLATED_MIN_COPIES ? ['inflated'] : [];
        const data = {
          rows,
          estimatedDistinct: distinct,
          inflationFactor: factor,
          exactDuplicates: exactCopies,
          nearDuplicates: nearCopies,
          nearSampledShare: result.sampled,
        };
        if (!rows) return { summary: `no row has the ${MIN_FIELDS} mapped fields needed to tell a copy from a namesake`, data };
        const sampled = result.sampled < 1 ? ` (near-duplicates estimated from ${Math.round(result.sampled * 1000) / 10}% of blocks)` : '';
        const summary = copies
          ? `${n(rows)} rows hold about ${n(distinct)} distinct people (x${factor.toFixed(2)}): ${n(exactCopies)} exact ${exactCopies === 1 ? 'copy' : 'copies'}, ${n(nearCopies)} near-duplicate${nearCopies === 1 ? '' : 's'}${sampled}${flags.length ? '; inflated' : ''}`
          : `no copied rows among ${n(rows)}${sampled}`;
        return { summary, flags, data };
      },
    };
  },
};
