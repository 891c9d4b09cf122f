// mobile-limit on DuckDB (mirrors src/checks/mobile-limit.ts), exact where the check samples numbers past its
// table's size. Each record with a full mobile number goes to a table with who it is about and its latest dose
// day; SQL counts the people per number, the day the number is judged on (the as-of day when a member has no
// dose), the limit in force that day, and the row of the member past it.
import { TIMELINE, type MobileLimitRule, type TimelineEntry } from '../../policy/timeline.js';
import { KEEP, concludeMobiles, overFinding, readMobileRecord, type Uncounted } from '../../checks/mobile-limit.js';
import { RuleTally } from '../../checks/support/summary.js';
import { MAX_EXAMPLES } from '../../run-checks.js';
import type { CheckOutcome } from '../../types.js';
import { reportAll, type EnginePart } from '../part.js';

/** The mobile-limit rules in date order: the one in force on a day is the last that started by then (mobileLimitOn). */
const RULES = TIMELINE.filter((e): e is TimelineEntry<MobileLimitRule> => e.rule.kind === 'mobile-limit');

const TABLE = 'ml_records';
// mobile: the 10-digit number (exact as a DOUBLE); a person is a reference id (ref), else a folded-name hash and
// a birth year (ref '': never a value, the normaliser drops empty ones); last: the latest dose day, clamped to
// the as-of day, 0 when the record has none.
const COLUMNS = [
  ['row', 'UINTEGER'],
  ['line', 'UINTEGER'],
  ['mobile', 'DOUBLE'],
  ['ref', 'VARCHAR'],
  ['name', 'UINTEGER'],
  ['year', 'INTEGER'],
  ['last', 'INTEGER'],
] as const;

// The rule index and limit for a day: CASE expressions over bound parameters ($2.. day and limit of each rule).
const ruleIndex = (day: string): string =>
  `CASE ${RULES.map((_, i) => RULES.length - 1 - i)
    .map((i) => `WHEN ${day} >= $${2 + 2 * i} THEN ${i}`)
    .join(' ')} END`;
const ruleMax = (rule: string): string => `CASE ${rule} ${RULES.map((_, i) => `WHEN ${i} THEN $${3 + 2 * i}`).join(' ')} END`;

const SQL_PEOPLE = `
CREATE TEMP TABLE ml_people AS
SELECT mobile, ref, name, year, min(row) AS first_row, arg_min(line, row) AS first_line, count(*) AS records
FROM ml_records GROUP BY mobile, ref, name, year`;

// $1: the as-of day. people: distinct people on the number; counted: the check's count, which tells only the
// first KEEP people apart (its bounded table) and counts every record of the others. Over a limit exactly
// when people is; the excess the check reports is counted - limit.
const SQL_JUDGED = `
CREATE TEMP TABLE ml_judged AS
WITH per_number AS (SELECT mobile, count(*) AS people FROM ml_people GROUP BY mobile),
beyond AS (
  SELECT mobile, sum(records) FILTER (WHERE k > ${KEEP}) AS extra FROM (
    SELECT p.mobile, p.records, row_number() OVER (PARTITION BY p.mobile ORDER BY p.first_row) AS k
    FROM ml_people p SEMI JOIN per_number n ON p.mobile = n.mobile AND n.people > ${KEEP}
  ) GROUP BY mobile
),
days AS (SELECT mobile, CASE WHEN bool_or(last = 0) THEN $1 ELSE max(last) END AS day FROM ml_records GROUP BY mobile),
numbers AS (
  SELECT n.mobile, n.people, CASE WHEN n.people > ${KEEP} THEN ${KEEP} + b.extra ELSE n.people END AS counted, d.day
  FROM per_number n JOIN days d USING (mobile) LEFT JOIN beyond b USING (mobile)
)
SELECT mobile, people, counted, day, rule, ${ruleMax('rule')} AS max FROM (SELECT *, ${ruleIndex('day')} AS rule FROM numbers)
WHERE rule IS NOT NULL`;

const SQL_TALLY = `
SELECT rule, count(*)::DOUBLE AS n, (count(*) FILTER (WHERE people > max))::DOUBLE AS bad, coalesce(sum(counted - max) FILTER (WHERE people > max), 0)::DOUBLE AS excess
FROM ml_judged GROUP BY rule ORDER BY rule`;

// The numbers over their limit, by the row of the member past it (the (max + 1)-th person to appear).
const SQL_EXAMPLES = `
WITH over AS (SELECT * FROM ml_judged WHERE people > max),
ranked AS (
  SELECT p.mobile, p.first_row, p.first_line, row_number() OVER (PARTITION BY p.mobile ORDER BY p.first_row) AS k
  FROM ml_people p SEMI JOIN over o ON p.mobile = o.mobile
)
SELECT o.mobile, o.people, o.day, o.rule, o.max, r.first_row AS row, r.first_line AS line
FROM over o JOIN ranked r ON r.mobile = o.mobile AND r.k = o.max + 1
ORDER BY r.first_row LIMIT ${MAX_EXAMPLES}`;

export const mobileLimit: EnginePart = {
  id: 'mobile-limit',
  tables: [{ name: TABLE, columns: COLUMNS }],
  create(ctx, table) {
    const t = table(TABLE);
    const [cRow, cLine, cMobile, cRef, cName, cYear, cLast] = t.cols;
    const uncounted: Uncounted = { masked: 0, anonymous: 0 };
    let judged = 0;
    let over = 0;
    let excess = 0;
    const tally = new RuleTally<TimelineEntry>();
    let examples: Parameters<typeof ctx.report>[0][] = [];
    return {
      record(rec) {
        const r = readMobileRecord(rec, ctx.asOfDay, uncounted);
        if (r === null) return;
        const i = t.n;
        cRow[i] = rec.row;
        cLine[i] = rec.line;
        cMobile[i] = +r.mobile;
        cRef[i] = r.ref ?? '';
        cName[i] = r.name;
        cYear[i] = r.year;
        cLast[i] = r.last;
        t.end();
      },
      async compute(db) {
        const params = [ctx.asOfDay, ...RULES.flatMap((e) => [e.day, e.rule.max])];
        await db.run(SQL_PEOPLE);
        await db.run(SQL_JUDGED, params);
        for (const r of await db.rows(SQL_TALLY)) {
          const n = Number(r.n);
          const bad = Number(r.bad);
          tally.addCounts(RULES[Number(r.rule)], n, bad);
          judged += n;
          over += bad;
          excess += Number(r.excess);
        }
        examples = (await db.rows(SQL_EXAMPLES)).map((r) =>
          overFinding(Number(r.row), Number(r.line), String(r.mobile).padStart(10, '0'), Number(r.people), RULES[Number(r.rule)], Number(r.day)),
        );
      },
      finish(): CheckOutcome {
        ctx.applicable(judged);
        reportAll(ctx, examples, [{ messageId: 'over', field: 'mobile_number', n: over }]);
        return concludeMobiles({ judged, over, excess, tally, uncounted, sampled: 1 });
      },
    };
  },
};
