// Run checks over in-memory records with a profile (the shared test/support/run-check.ts runs with none).
import { dayOf } from '../../src/dates.js';
import { CheckRunner } from '../../src/run-checks.js';
import { dict, type Check, type CheckResult, type FindingInput, type InputInfo, type SampleRecord } from '../../src/types.js';

export type Fields = Record<string, string | number | undefined>;

export interface HarnessOptions {
  profile?: string | null;
  /** Canonical fields mapped (default: every field any record gives). */
  mapped?: readonly string[];
  asOf?: string;
  /** Nested arrays per record (index-aligned with rows). */
  nested?: (Record<string, Record<string, string>[]> | undefined)[];
}

export interface HarnessResult {
  result: CheckResult;
  /** Every finding (the result keeps only 5 examples). */
  findings: FindingInput[];
}

export function runFormatCheck(check: Check, rows: readonly Fields[], opts: HarnessOptions = {}): HarnessResult {
  const asOf = new Date(`${opts.asOf ?? '2026-01-01'}T00:00:00Z`);
  const fields = opts.mapped ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const input: InputInfo = { path: 'test', format: 'csv', encoding: 'utf-8', compression: 'none', bytes: 0, rows: rows.length, rowsSkipped: 0, columns: [...fields] };
  const findings: FindingInput[] = [];
  const spy: Check = { meta: check.meta, create: (ctx) => check.create({ ...ctx, report: (f) => (findings.push(f), ctx.report(f)) }) };
  const runner = new CheckRunner([spy], {
    input,
    mapping: fields.map((f) => ({ column: f, field: f, source: 'header' as const })),
    mapped: new Set(fields),
    issues: [],
    profile: opts.profile ? { id: opts.profile, confidence: 1 } : null,
    asOf,
    asOfDay: dayOf(asOf),
    options: dict(),
  });
  rows.forEach((r, i) => {
    const f = dict<string>();
    for (const [k, v] of Object.entries(r)) if (v !== undefined && String(v).trim() !== '') f[k] = String(v).trim();
    const n = opts.nested?.[i];
    const rec: SampleRecord = { row: i + 1, line: i + 2, fields: f };
    if (n) rec.nested = new Map(Object.entries(n).map(([k, items]) => [k, items.map((o) => new Map(Object.entries(o)))]));
    runner.records([rec]);
  });
  return { result: runner.finish()[0], findings };
}
