// session-conflict on DuckDB (mirrors src/checks/session-conflict.ts), exact where the check samples ids past its
// table's size. A record's session id and appointment id go to one table, each in its own namespace, with what
// the check compares: a session's centre, day and vaccine, an appointment's session and centre. As in
// id-conflict, a repeat is compared, per attribute, with the first non-empty value among earlier occurrences.
import { hashFolded } from '../../checks/support/key-table.js';
import { recordFacts } from '../../checks/support/record-facts.js';
import { concludeSessionConflicts } from '../../checks/session-conflict.js';
import { MAX_EXAMPLES } from '../../run-checks.js';
import { fromText } from '../duckdb-store.js';
import { reportAll, type EnginePart } from '../part.js';

const NS_SESSION = 0;
const NS_APPOINTMENT = 1;
const CONFLICTS = ['', 'session-center', 'session-date', 'session-vaccine', 'appointment-session', 'appointment-center'] as const;
const FIELDS = ['session_id', 'appointment_id'] as const;

const TABLE = 'sc_ids';
// center: the record's centre id ('' when none: never a value, the normaliser drops empty ones); day: a
// session's vaccination day + 1 (0: none); vaccine: a session's folded vaccine hash (0: none); session: an
// appointment's session id ('' when none).
const COLUMNS = [
  ['row', 'UINTEGER'],
  ['line', 'UINTEGER'],
  ['ns', 'UTINYINT'],
  ['key', 'VARCHAR'],
  ['center', 'VARCHAR'],
  ['day', 'INTEGER'],
  ['vaccine', 'UINTEGER'],
  ['session', 'VARCHAR'],
] as const;

const SQL_REPEATS = `
CREATE TEMP TABLE sc_repeats AS
WITH ids AS (
  SELECT ns, key, min(row) AS first_row,
    arg_min(center, row) FILTER (WHERE center <> '') AS first_center, min(row) FILTER (WHERE center <> '') AS center_row,
    arg_min(day, row) FILTER (WHERE day <> 0) AS first_day, min(row) FILTER (WHERE day <> 0) AS day_row,
    arg_min(vaccine, row) FILTER (WHERE vaccine <> 0) AS first_vaccine, min(row) FILTER (WHERE vaccine <> 0) AS vaccine_row,
    arg_min(session, row) FILTER (WHERE session <> '') AS first_session, min(row) FILTER (WHERE session <> '') AS session_row
  FROM sc_ids GROUP BY ns, key HAVING count(*) > 1
)
SELECT e.row, e.line, e.ns, e.key, i.first_row,
  CASE
    WHEN e.ns = ${NS_SESSION} THEN CASE
      WHEN e.center <> '' AND e.row > i.center_row AND e.center <> i.first_center THEN 1
      WHEN e.day <> 0 AND e.row > i.day_row AND e.day <> i.first_day THEN 2
      WHEN e.vaccine <> 0 AND e.row > i.vaccine_row AND e.vaccine <> i.first_vaccine THEN 3
      ELSE 0 END
    ELSE CASE
      WHEN e.session <> '' AND e.row > i.session_row AND e.session <> i.first_session THEN 4
      WHEN e.center <> '' AND e.row > i.center_row AND e.center <> i.first_center THEN 5
      ELSE 0 END
  END AS conflict
FROM sc_ids e JOIN ids i USING (ns, key)
WHERE e.row > i.first_row`;

// A row's finding: its session's conflict, else its appointment's.
const SQL_FINDINGS = `
CREATE TEMP TABLE sc_findings AS
SELECT row, arg_min(line, ns) AS line, arg_min(ns, ns) AS ns, arg_min(key, ns) AS key, arg_min(first_row, ns) AS first_row, arg_min(conflict, ns) AS conflict
FROM sc_repeats WHERE conflict <> 0 GROUP BY row`;

export const sessionConflict: EnginePart = {
  id: 'session-conflict',
  tables: [{ name: TABLE, columns: COLUMNS }],
  create(ctx, table) {
    const t = table(TABLE);
    const [cRow, cLine, cNs, cKey, cCenter, cDay, cVaccine, cSession] = t.cols;
    let n = 0;
    let bad = 0;
    let findings: { messageId: string; field: string; n: number }[] = [];
    let examples: Parameters<typeof ctx.report>[0][] = [];
    return {
      record(rec) {
        const f = rec.fields;
        const session = f.session_id;
        const appointment = f.appointment_id;
        if (session === undefined && appointment === undefined) return;
        const center = f.center_id ?? '';
        if (session !== undefined) {
          const x = recordFacts(rec);
          const i = t.n;
          cRow[i] = rec.row;
          cLine[i] = rec.line;
          cNs[i] = NS_SESSION;
          cKey[i] = session;
          cCenter[i] = center;
          cDay[i] = Number.isNaN(x.vaccination) ? 0 : x.vaccination + 1;
          cVaccine[i] = f.vaccine === undefined ? 0 : hashFolded(f.vaccine);
          cSession[i] = '';
          t.end();
        }
        if (appointment !== undefined) {
          const i = t.n;
          cRow[i] = rec.row;
          cLine[i] = rec.line;
          cNs[i] = NS_APPOINTMENT;
          cKey[i] = appointment;
          cCenter[i] = center;
          cDay[i] = 0;
          cVaccine[i] = 0;
          cSession[i] = session ?? '';
          t.end();
        }
      },
      async compute(db) {
        await db.run(SQL_REPEATS);
        n = await db.number('SELECT count(DISTINCT row)::DOUBLE FROM sc_repeats');
        await db.run(SQL_FINDINGS);
        findings = (await db.rows('SELECT conflict, ns, count(*)::DOUBLE AS n FROM sc_findings GROUP BY conflict, ns')).map((r) => {
          bad += Number(r.n);
          return { messageId: CONFLICTS[Number(r.conflict)], field: FIELDS[Number(r.ns)], n: Number(r.n) };
        });
        examples = (await db.rows(`SELECT * FROM sc_findings ORDER BY row LIMIT ${MAX_EXAMPLES}`)).map((r) => {
          const id = fromText(String(r.key));
          return { messageId: CONFLICTS[Number(r.conflict)], row: Number(r.row), line: Number(r.line), field: FIELDS[Number(r.ns)], value: id, data: { id, first: Number(r.first_row) } };
        });
      },
      finish() {
        ctx.applicable(n);
        reportAll(ctx, examples, findings);
        return concludeSessionConflicts(n, bad, 1);
      },
    };
  },
};
