// What each check costs: `node dist/dev/check-costs.js <sample> [--rows n] [--only id,id] [--runs n]`.
// A script, not a test. Streams the sample (up to --rows records), normalised as analyze() does; each batch is
// handed to every check in turn, timed apart (record() on each record of the batch, and finish() at the end).
// The record facts the consistency checks share are computed first and timed apart. A second pass times all
// the checks together in one runner, as analyze() runs them. Prints milliseconds per million records, the basis of CHECK_COST in
// src/parallel-checks.ts.
import { CHECKS } from '../checks/index.js';
import { dayOf } from '../dates.js';
import { detectProfile } from '../detect-profile.js';
import { projectRows, readSample } from '../ingest/index.js';
import { inferMapping, jsonColumns } from '../normalize/mapping.js';
import { createNormalizer, liftEvidence } from '../normalize/record.js';
import { recordFacts } from '../checks/support/record-facts.js';
import { CheckRunner, type BaseContext } from '../run-checks.js';
import type { InputInfo, RawRecord, SampleRecord } from '../types.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const path = process.argv[2];
  if (!path || path.startsWith('--')) throw new Error('usage: check-costs <sample> [--rows n] [--only id,id] [--runs n]');
  const max = Number(arg('--rows') ?? Infinity);
  const runs = Number(arg('--runs') ?? 1);
  const only = arg('--only')?.split(',');

  // The mapping as analyze() decides it, from the first 500 records.
  const head = await readSample(path, () => {}, {});
  const window: RawRecord[] = [];
  for await (const batch of head.batches) {
    for (const raw of batch) window.push(liftEvidence(raw));
    if (window.length >= 500) break;
  }
  const columns = head.columns().length ? head.columns() : jsonColumns(window);
  const { mapping, profile } = detectProfile(inferMapping(columns, window, new Map()), window);
  const normalize = createNormalizer(mapping, profile?.id);
  const input: InputInfo = { path, format: head.format(), encoding: head.encoding, compression: head.compression, bytes: 0, rows: 0, rowsSkipped: 0, columns };
  const asOf = new Date();
  const base: BaseContext = {
    input,
    mapping,
    mapped: new Set(mapping.map((m) => m.field).filter((f): f is string => !!f)),
    issues: [],
    profile,
    asOf,
    asOfDay: dayOf(asOf),
    options: Object.create(null),
    // As analyze() projects it, from the pass under way.
    expectedRows: () => projected(),
  };
  let projected = (): number | undefined => undefined;
  const checks = CHECKS.filter((c) => (!only || only.includes(c.meta.id)) && (!c.meta.fields || c.meta.fields.some((f) => base.mapped.has(f))));

  /** One pass over the sample: each batch read and normalised, then each runner over the whole batch in turn. */
  const pass = async (runners: CheckRunner[], ms: number[]): Promise<number> => {
    const sample = await readSample(path, () => {}, {});
    let rows = 0;
    projected = () => projectRows(sample, rows, max);
    for await (const batch of sample.batches) {
      const recs: SampleRecord[] = [];
      for (const raw of batch) if (rows++ < max) recs.push(normalize(liftEvidence(raw)));
      // The facts every consistency check shares, computed once per record as analyze() does.
      const t = performance.now();
      for (const rec of recs) recordFacts(rec);
      factsMs += performance.now() - t;
      for (let k = 0; k < runners.length; k++) {
        const t = performance.now();
        const r = runners[k];
        r.records(recs);
        ms[k] += performance.now() - t;
      }
      if (rows >= max) break;
    }
    for (let k = 0; k < runners.length; k++) {
      const t = performance.now();
      runners[k].finish();
      ms[k] += performance.now() - t;
    }
    return Math.min(rows, max);
  };
  let factsMs = 0;
  const alone = checks.map(() => Infinity);
  let together = Infinity;
  let rows = 0;
  for (let k = 0; k < runs; k++) {
    const ms = checks.map(() => 0);
    rows = await pass(checks.map((c) => new CheckRunner([c], base)), ms);
    ms.forEach((m, i) => (alone[i] = Math.min(alone[i], m)));
    const all = [0];
    await pass([new CheckRunner(checks, base)], all);
    together = Math.min(together, all[0]);
  }
  const perMillion = 1e6 / rows;
  console.log(`${rows.toLocaleString('en-US')} records, profile ${profile?.id ?? 'none'}; ms per million records (best of ${runs})`);
  const order = checks.map((c, i) => [c.meta.id, alone[i] * perMillion] as const).sort((a, b) => b[1] - a[1]);
  for (const [id, ms] of order) console.log(`${Math.round(ms).toString().padStart(7)}  ${id}`);
  const sum = order.reduce((s, [, ms]) => s + ms, 0);
  console.log(`${Math.round(sum).toString().padStart(7)}  sum (each check alone over a batch it finds in cache)`);
  console.log(`${Math.round((factsMs / (2 * runs)) * perMillion).toString().padStart(7)}  record facts, computed once per record before the checks (not in the above)`);
  console.log(`${Math.round(together * perMillion).toString().padStart(7)}  the same checks in one runner, as analyze() runs them`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
