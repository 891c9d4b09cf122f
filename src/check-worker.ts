// The worker thread of src/parallel-checks.ts: reads the sample as the main thread does (same reader, mapping
// and row limit), runs its share of the checks over the records, and sends the results back.
import { parentPort } from 'node:worker_threads';
import { projectRows, readSample } from './ingest/index.js';
import { createNormalizer, liftEvidence } from './normalize/record.js';
import type { FromWorker, WorkerStart } from './parallel-checks.js';
import { threadCpuMs } from './thread-cpu.js';
import { CheckRunner } from './run-checks.js';
import type { Check, SampleRecord } from './types.js';

const port = parentPort!;

function reply(msg: FromWorker): void {
  port.postMessage(msg);
}

function fail(err: unknown): void {
  const e = err instanceof Error ? err : new Error(String(err));
  reply({ type: 'error', message: e.message, stack: e.stack });
}

async function run(msg: WorkerStart): Promise<void> {
  const t = performance.now();
  // Only its own checks' modules (one file per check id, named by it): not the whole registry with the schema
  // compiler it does not need, ~130 ms sooner at work.
  const checks = await Promise.all(
    msg.ids.map(async (id) => {
      if (!/^[a-z0-9-]+$/.test(id)) throw new Error(`not a check id: ${JSON.stringify(id)}`);
      return ((await import(`./checks/${id}.js`)) as { default: Check }).default;
    }),
  );
  const sample = await readSample(msg.path, () => {}, msg.read);
  let rows = 0;
  const limit = msg.limit;
  const r = new CheckRunner(
    checks,
    { ...msg.base, issues: [], options: Object.create(null), expectedRows: () => projectRows(sample, rows, limit) },
  );
  const normalize = createNormalizer(msg.mapping, msg.base.profile?.id);
  for await (const batch of sample.batches) {
    const recs: SampleRecord[] = [];
    for (const raw of batch) {
      if (rows >= limit) break;
      rows++;
      recs.push(normalize(liftEvidence(raw)));
    }
    r.records(recs);
    if (rows >= limit) break;
  }
  // Its checks' finish needs nothing the main thread learns later (splitChecks keeps the checks that read the
  // ingest issues or the final input on the main thread), so it runs now, beside the main thread's checks.
  const results = r.finish();
  reply({ type: 'results', rows, results, busyMs: performance.now() - t, cpuMs: threadCpuMs() });
}

// A worker the main thread never starts (its analysis failed before the checks began) ends by itself.
const idle = setTimeout(() => process.exit(0), 5 * 60_000);

port.on('message', (msg: WorkerStart) => {
  clearTimeout(idle);
  run(msg).catch(fail);
});
