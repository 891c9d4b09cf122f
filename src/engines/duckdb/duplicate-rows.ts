// duplicate-rows on DuckDB (mirrors src/checks/duplicate-rows.ts). Exact copies: each judged row's 128-bit hash
// of its mapped (field, value) pairs goes to a table, and SQL finds every row whose hash an earlier row has.
// Near-duplicates stay in memory (NearIndex is bounded), fed after the SQL with the rows that are not exact
// copies, in row order: the sequence of records the check's own index sees, so the same matches.

import { MIN_FIELDS, concludeCopies } from '../../checks/duplicate-rows.js';
import { FOLDED } from '../../dedupe/names.js';
import { NearIndex } from '../../dedupe/near.js';
import { RowKeys } from '../../dedupe/row-keys.js';
import { MAX_EXAMPLES } from '../../run-checks.js';
import { fromText } from '../duckdb-store.js';
import { reportAll, type EnginePart } from '../part.js';

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
    const keys = new RowKeys(ctx.mapped, true);
    let rows = 0;
    let exactCopies = 0;
    let exactExamples: { row: number; line: number; firstRow: number }[] = [];
    const near = new NearIndex();
    return {
      record(rec) {
        if (keys.read(rec.fields) < MIN_FIELDS) return;
        ctx.applicable();
        rows++;
        const i = t.n;
        cRow[i] = rec.row;
        cLine[i] = rec.line;
        cK1[i] = keys.row.hi;
        cK2[i] = keys.row.lo;
        cK3[i] = keys.row2!.hi;
        cK4[i] = keys.row2!.lo;
        // A near-duplicate candidate (the check stores it unless the row is an exact copy).
        const k = keys.nearKeys(rec.fields);
        const len = k ? k.nameLength : 0;
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
        cA[i] = k ? k.blockA : 0;
        cB[i] = k ? k.blockB : 0;
        cS[i] = k ? k.sampleKey : 0;
        cD[i] = k ? k.dates : 0;
        cR[i] = k ? k.rest : 0;
        cE[i] = k ? k.evidence : 0;
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
        return concludeCopies(ctx, rows, exactCopies, near);
      },
    };
  },
};
