// id-conflict on DuckDB (mirrors src/checks/id-conflict.ts), exact where the check samples ids past its table's
// size. Each id a record carries goes to a table with the record's folded-name hash, birth year and mobile tail.
// What the check compares a repeat against is, per attribute, the first non-zero value among the id's earlier
// occurrences (it fills a zero slot on each repeat): SQL finds it per id with the row it came from, and a repeat
// conflicts when its own value is non-zero, that row is earlier, and the values differ.
import { ID_FIELDS, conflictData, concludeIdConflicts, idKey, mobileTail } from '../../checks/id-conflict.js';
import { hashFolded } from '../../checks/support/key-table.js';
import { recordFacts } from '../../checks/support/record-facts.js';
import { MAX_EXAMPLES } from '../../run-checks.js';
import { fromText } from '../duckdb-store.js';
import { numericKey, reportAll, type EnginePart } from '../part.js';

const CONFLICTS = ['', 'other-name', 'other-birth-year', 'other-mobile'] as const;


// One row per id a record carries: field is its place among ID_FIELDS (so its order in the record, and its
// namespace: 3 is a reference id); name, year, tail are the record's, 0 when unknown. An id that is a number
// (numericKey) goes to ic_num, any other to ic_text; ic_raw holds the value as given when it is not the id.
const NUM = 'ic_num';
const TEXT = 'ic_text';
const RAW = 'ic_raw';
const REF_FIELD = 3;
const columns = (key: 'DOUBLE' | 'VARCHAR') =>
  [
    ['row', 'UINTEGER'],
    ['line', 'UINTEGER'],
    ['field', 'UTINYINT'],
    ['key', key],
    ['name', 'UINTEGER'],
    ['year', 'INTEGER'],
    ['tail', 'UINTEGER'],
  ] as const;
const RAW_COLUMNS = [
  ['row', 'UINTEGER'],
  ['field', 'UTINYINT'],
  ['raw', 'VARCHAR'],
] as const;

// Repeated occurrences (not an id's first) in `table`, with their conflict: 1 name, 2 birth year, 3 mobile, 0 none.
const repeats = (table: string, id: string): string => `
SELECT e.row, e.line, e.field, ${id} AS id, i.first_row, e.year,
  CASE WHEN e.row > i.year_row THEN i.first_year ELSE 0 END AS stored_year,
  CASE
    WHEN e.name <> 0 AND e.row > i.name_row AND e.name <> i.first_name THEN 1
    WHEN e.year <> 0 AND e.row > i.year_row AND e.year <> i.first_year THEN 2
    WHEN e.tail <> 0 AND e.row > i.tail_row AND e.tail <> i.first_tail THEN 3
    ELSE 0
  END AS conflict
FROM ${table} e JOIN (
  SELECT field = ${REF_FIELD} AS ref, key, min(row) AS first_row,
    arg_min(name, row) FILTER (WHERE name <> 0) AS first_name, min(row) FILTER (WHERE name <> 0) AS name_row,
    arg_min(year, row) FILTER (WHERE year <> 0) AS first_year, min(row) FILTER (WHERE year <> 0) AS year_row,
    arg_min(tail, row) FILTER (WHERE tail <> 0) AS first_tail, min(row) FILTER (WHERE tail <> 0) AS tail_row
  FROM ${table} GROUP BY ref, key HAVING count(*) > 1
) i ON (e.field = ${REF_FIELD}) = i.ref AND e.key = i.key
WHERE e.row > i.first_row`;

const SQL_REPEATS = `CREATE TEMP TABLE ic_repeats AS ${repeats(NUM, 'e.key::BIGINT::VARCHAR')} UNION ALL ${repeats(TEXT, 'e.key')}`;

// A row's finding: the first of its ids (in field order) that conflicts.
const SQL_FINDINGS = `
CREATE TEMP TABLE ic_findings AS
SELECT row, arg_min(line, field) AS line, min(field) AS field, arg_min(id, field) AS id, arg_min(first_row, field) AS first_row,
  arg_min(stored_year, field) AS stored_year, arg_min(year, field) AS year, arg_min(conflict, field) AS conflict
FROM ic_repeats WHERE conflict <> 0 GROUP BY row`;

// The first rows' findings with the value as given (ic_raw), else the id.
const SQL_EXAMPLES = `
SELECT f.*, coalesce(r.raw, f.id) AS value FROM (SELECT * FROM ic_findings ORDER BY row LIMIT ${MAX_EXAMPLES}) f
LEFT JOIN ${RAW} r ON r.row = f.row AND r.field = f.field
ORDER BY f.row`;

export const idConflict: EnginePart = {
  id: 'id-conflict',
  tables: [
    { name: NUM, columns: columns('DOUBLE') },
    { name: TEXT, columns: columns('VARCHAR') },
    { name: RAW, columns: RAW_COLUMNS },
  ],
  create(ctx, table) {
    const numbers = table(NUM);
    const texts = table(TEXT);
    const raws = table(RAW);
    const [rRow, rField, rRaw] = raws.cols;
    const rowKeys: string[] = [];
    let repeated = 0;
    const counts = [0, 0, 0, 0];
    let findings: { messageId: string; field: string; n: number }[] = [];
    let examples: Parameters<typeof ctx.report>[0][] = [];
    return {
      record(rec) {
        const f = rec.fields;
        let name = -1;
        let year = 0;
        let tail = 0;
        rowKeys.length = 0;
        for (let fi = 0; fi < ID_FIELDS.length; fi++) {
          const field = ID_FIELDS[fi];
          const raw = f[field];
          const id = raw === undefined ? '' : idKey(raw);
          if (id === '') continue;
          // The same number in two columns of one record (Aadhaar as photo ID) is one key.
          const tag = fi === REF_FIELD ? `r${id}` : `i${id}`;
          if (rowKeys.includes(tag)) continue;
          rowKeys.push(tag);
          if (name < 0) {
            name = f.name === undefined ? 0 : hashFolded(f.name);
            const x = recordFacts(rec);
            year = Number.isNaN(x.birthYear) ? 0 : x.birthYear;
            tail = mobileTail(f.mobile_number);
          }
          const k = numericKey(id);
          const t = Number.isNaN(k) ? texts : numbers;
          const i = t.n;
          const c = t.cols;
          c[0][i] = rec.row;
          c[1][i] = rec.line;
          c[2][i] = fi;
          c[3][i] = Number.isNaN(k) ? id : k;
          c[4][i] = name;
          c[5][i] = year;
          c[6][i] = tail;
          t.end();
          if (raw !== id) {
            const j = raws.n;
            rRow[j] = rec.row;
            rField[j] = fi;
            rRaw[j] = raw;
            raws.end();
          }
        }
      },
      async compute(db) {
        await db.run(SQL_REPEATS);
        repeated = await db.number('SELECT count(DISTINCT row)::DOUBLE FROM ic_repeats');
        await db.run(SQL_FINDINGS);
        findings = (await db.rows('SELECT conflict, field, count(*)::DOUBLE AS n FROM ic_findings GROUP BY conflict, field')).map((r) => {
          counts[Number(r.conflict)] += Number(r.n);
          return { messageId: CONFLICTS[Number(r.conflict)], field: ID_FIELDS[Number(r.field)], n: Number(r.n) };
        });
        examples = (await db.rows(SQL_EXAMPLES)).map((r) => {
          const field = ID_FIELDS[Number(r.field)];
          return {
            messageId: CONFLICTS[Number(r.conflict)],
            row: Number(r.row),
            line: Number(r.line),
            field,
            value: fromText(String(r.value)),
            data: conflictData(field, Number(r.first_row), Number(r.stored_year), Number(r.year)),
          };
        });
      },
      finish() {
        ctx.applicable(repeated);
        reportAll(ctx, examples, findings);
        const [, names, years, mobiles] = counts;
        return concludeIdConflicts(repeated, names, years, mobiles, 1);
      },
    };
  },
};
