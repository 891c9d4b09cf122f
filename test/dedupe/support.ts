// Every finding a check reports (the runner keeps only five examples), for tests that judge each one.
import { dayOf } from '../../src/dates.js';
import { dict, type Check, type CheckOutcome, type FindingInput, type InputInfo, type SampleRecord } from '../../src/types.js';
import { toRecords, type Fields } from '../support/run-check.js';

export interface AllFindings {
  findings: FindingInput[];
  applicable: number;
  outcome: CheckOutcome;
}

/** Run one check over records with a context that keeps every finding. */
export function allFindings(check: Check, rows: readonly Fields[], options: Record<string, unknown> = {}): AllFindings {
  return allFindingsOf(check, toRecords(rows), options);
}

/** The same over SampleRecords built by the test (nested arrays, ...); `expectedRows` as CheckContext's (default: unknown). */
export function allFindingsOf(
  check: Check,
  records: readonly SampleRecord[],
  options: Record<string, unknown> = {},
  expectedRows: () => number | undefined = () => undefined,
): AllFindings {
  const fields = [...new Set(records.flatMap((r) => Object.keys(r.fields)))];
  const rows = records;
  const input: InputInfo = { path: 'test', format: 'csv', encoding: 'utf-8', compression: 'none', bytes: 0, rows: rows.length, rowsSkipped: 0, columns: fields };
  const asOf = new Date('2026-01-01T00:00:00Z');
  const findings: FindingInput[] = [];
  let applicable = 0;
  const run = check.create({
    input,
    mapping: fields.map((f) => ({ column: f, field: f, source: 'header' })),
    mapped: new Set(fields),
    issues: [],
    profile: null,
    asOf,
    asOfDay: dayOf(asOf),
    options: Object.assign(dict<unknown>(), options),
    expectedRows,
    applicable: (n = 1) => {
      applicable += n;
    },
    report: (f) => {
      findings.push(f);
    },
  });
  for (const rec of records) run.record(rec);
  const done = run.finish();
  return { findings, applicable, outcome: typeof done === 'string' ? { summary: done } : done ?? {} };
}

/** Rows of a synthetic Row list as Fields. */
export function fieldsOf(rows: readonly (readonly [string, string])[][]): Fields[] {
  return rows.map((r) => Object.fromEntries(r));
}
