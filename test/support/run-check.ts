// Run checks over in-memory records the way the pipeline does (CheckRunner: field-based skipping, counts,
// examples, status), without reading a file. Shared by the check tests.
import { dayOf } from '../../src/dates.js';
import { CheckRunner } from '../../src/run-checks.js';
import { dict, type Check, type CheckResult, type InputInfo, type MappingEntry, type SampleRecord } from '../../src/types.js';

/** A record as canonical field -> text; empty or missing values are absent, as the normaliser leaves them. */
export type Fields = Record<string, string | number | undefined>;

export interface RunOptions {
  /** The as-of day: a Date or `YYYY-MM-DD` (default 2026-01-01, so tests do not depend on today). */
  asOf?: Date | string;
  /** Canonical fields mapped (default: every field any record gives, even if empty). */
  mapped?: readonly string[];
  /** Check options (ctx.options). */
  options?: Record<string, unknown>;
}

/** Records for the runner: row i is record i + 1 on physical line i + 2 (the header being line 1); values trimmed. */
export function toRecords(rows: readonly Fields[]): SampleRecord[] {
  return rows.map((r, i) => {
    const fields = dict<string>();
    for (const [k, v] of Object.entries(r)) {
      if (v === undefined) continue;
      const t = String(v).trim();
      if (t !== '') fields[k] = t;
    }
    return { row: i + 1, line: i + 2, fields };
  });
}

/** Run several checks over the same records; results in the order of `checks`. */
export function runChecks(checks: readonly Check[], rows: readonly Fields[], opts: RunOptions = {}): CheckResult[] {
  const asOf = opts.asOf instanceof Date ? opts.asOf : new Date(`${opts.asOf ?? '2026-01-01'}T00:00:00Z`);
  const fields = opts.mapped ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const mapping: MappingEntry[] = fields.map((f) => ({ column: f, field: f, source: 'header' }));
  const input: InputInfo = {
    path: 'test',
    format: 'csv',
    encoding: 'utf-8',
    compression: 'none',
    bytes: 0,
    rows: rows.length,
    rowsSkipped: 0,
    columns: [...fields],
  };
  const runner = new CheckRunner(checks, {
    input,
    mapping,
    mapped: new Set(fields),
    issues: [],
    profile: null,
    asOf,
    asOfDay: dayOf(asOf),
    options: Object.assign(dict<unknown>(), opts.options),
  });
  runner.records(toRecords(rows));
  return runner.finish();
}

/** Run one check over records and return its result. */
export function runCheck(check: Check, rows: readonly Fields[], opts: RunOptions = {}): CheckResult {
  return runChecks([check], rows, opts)[0];
}
