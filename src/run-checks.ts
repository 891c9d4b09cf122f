// check: run every enabled check over the stream of records and collect counts and examples.
import { count, countSummary } from './report/numbers.js';
import type { Check, CheckContext, CheckOutcome, CheckResult, CheckRun, Example, FieldResult, FindingInput, IngestIssue, SampleRecord, Status } from './types.js';

/** Examples kept per check. */
export const MAX_EXAMPLES = 5;

interface Running {
  check: Check;
  /** Null when none of the fields the check reads is mapped: it is skipped. */
  run: CheckRun | null;
  applicable: number;
  violations: number;
  examples: FindingInput[];
  /** Applicable counts per field, for checks that pass a field to ctx.applicable() (null until one does). */
  applicableByField: Map<string, number> | null;
  /** Violations per field, from findings' `field`. */
  violationsByField: Map<string, number>;
}

const SKIPPED: CheckRun = { record() {}, finish() {} };

/** What a runner is given to build its checks' contexts; without `expectedRows` the checks are told none. */
export type BaseContext = Omit<CheckContext, 'applicable' | 'report' | 'expectedRows'> & {
  expectedRows?: () => number | undefined;
  /** Told every finding as it is reported, beyond the examples kept (`--findings`); not given to the checks. */
  onFinding?: (check: string, finding: Example) => void;
};

const UNKNOWN = (): undefined => undefined;

/** Fill `{{name}}` placeholders from a finding's data. */
export function interpolate(template: string, data: Record<string, string | number> | undefined): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => {
    const v = data?.[k];
    return v === undefined ? `{{${k}}}` : typeof v === 'number' ? count(v) : v;
  });
}

/** A finding as reports show it: its message written out from the check's template. */
function toExample(f: FindingInput, meta: Check['meta']): Example {
  return {
    row: f.row ?? 0,
    line: f.line ?? 0,
    field: f.field ?? null,
    value: f.value ?? null,
    message: interpolate(meta.messages[f.messageId] ?? f.messageId, f.data),
  };
}

function statusOf(r: Running): Status {
  if (r.applicable === 0 && r.violations === 0) return 'skip';
  if (r.violations === 0) return 'pass';
  return r.check.meta.severity === 'error' ? 'fail' : 'warn';
}

function fieldResults(applicable: Map<string, number>, violations: Map<string, number>): FieldResult[] {
  const names = new Set([...applicable.keys(), ...violations.keys()]);
  return [...names]
    .map((field) => {
      const a = applicable.get(field) ?? 0;
      const v = violations.get(field) ?? 0;
      return { field, applicable: a, violations: v, rate: a > 0 ? v / a : null };
    })
    // Ties in code-point order: localeCompare's first call loads ICU's collator (~15 ms a run).
    .sort((a, b) => b.violations - a.violations || (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
}

export class CheckRunner {
  private readonly running: Running[];
  private readonly withIssue: CheckRun[];

  constructor(checks: readonly Check[], base: BaseContext) {
    const { onFinding, ...shared } = base;
    this.running = checks.map((check) => {
      const state: Running = { check, run: null, applicable: 0, violations: 0, examples: [], applicableByField: null, violationsByField: new Map() };
      const ctx: CheckContext = {
        ...shared,
        expectedRows: shared.expectedRows ?? UNKNOWN,
        applicable: (n = 1, field?: string) => {
          state.applicable += n;
          if (field === undefined) return;
          const byField = (state.applicableByField ??= new Map());
          byField.set(field, (byField.get(field) ?? 0) + n);
        },
        report: (f) => {
          state.violations++;
          if (f.field) state.violationsByField.set(f.field, (state.violationsByField.get(f.field) ?? 0) + 1);
          if (state.examples.length < MAX_EXAMPLES) state.examples.push(f);
          if (onFinding) onFinding(check.meta.id, toExample(f, check.meta));
        },
      };
      const fields = check.meta.fields;
      if (!fields || fields.some((f) => shared.mapped.has(f))) state.run = check.create(ctx);
      return state;
    });
    this.active = this.running.map((r) => r.run).filter((r): r is CheckRun => r !== null);
    this.withIssue = this.active.filter((r) => r.issue);
  }

  private readonly active: CheckRun[];

  issue(issue: IngestIssue): void {
    for (const r of this.withIssue) r.issue!(issue);
  }

  /**
   * Hand a batch of records to every check, one check after the other: each check's code and state stay hot
   * through the batch (measured faster than all checks per record; src/dev/check-costs.ts).
   */
  records(batch: readonly SampleRecord[]): void {
    for (const r of this.active) for (let i = 0; i < batch.length; i++) r.record(batch[i]);
  }

  finish(): CheckResult[] {
    return this.running.map((r) => {
      const done = (r.run ?? SKIPPED).finish();
      const outcome: CheckOutcome = typeof done === 'string' ? { summary: done } : done ?? {};
      const { meta } = r.check;
      const examples: Example[] = r.examples.map((f) => toExample(f, meta));
      return {
        id: meta.id,
        category: meta.category,
        severity: meta.severity,
        status: statusOf(r),
        applicable: r.applicable,
        violations: r.violations,
        rate: r.applicable > 0 ? r.violations / r.applicable : null,
        // A check that found something and said nothing of it: the counts and what it looks for.
        summary: outcome.summary || (r.violations ? countSummary(r.violations, r.applicable, meta.description) : ''),
        examples,
        ...(outcome.flags?.length ? { flags: outcome.flags } : {}),
        ...(outcome.data ? { data: outcome.data } : {}),
        ...(r.applicableByField ? { fields: fieldResults(r.applicableByField, r.violationsByField) } : {}),
      };
    });
  }
}
