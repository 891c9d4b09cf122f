// Run the pipeline on a file and collect every finding of every check (reports keep only a few examples).
import { analyze } from '../../src/analyze.js';
import { CHECKS } from '../../src/checks/index.js';
import type { Check, FindingInput, Report } from '../../src/types.js';

export interface Collected {
  report: Report;
  /** Every finding, with the id of the check that made it. */
  findings: (FindingInput & { check: string })[];
}

export async function collect(path: string, opts: { profile?: string; checks?: readonly Check[] } = {}): Promise<Collected> {
  const findings: Collected['findings'] = [];
  const checks = (opts.checks ?? CHECKS).map(
    (c): Check => ({
      meta: c.meta,
      create: (ctx) =>
        c.create({
          ...ctx,
          applicable: ctx.applicable,
          report: (f) => {
            findings.push({ ...f, check: c.meta.id });
            ctx.report(f);
          },
        }),
    }),
  );
  const report = await analyze(path, { checks, asOf: new Date('2026-01-01T00:00:00Z'), deterministic: true, profile: opts.profile });
  return { report, findings };
}
