// The worker thread of src/parallel-checks.ts: reads the sample as the main thread does (same reader, mapping
// and row limit), runs its share of the checks over the records, and sends the results back.
import { parentPort } from 'node:worker_threads';
import { CHECKS } from './checks/index.js';
import { liftEvidence } from './formats/index.js';
import { projectRows, readSample } from './ingest/index.js';
import { createNormalizer } from './normalize/record.js';
import { threadCpuMs, type FromWorker, type ToWorker, type WorkerStart } from './parallel-checks.js';
import { CheckRunner } from './run-checks.js';
import type { InputInfo, SampleRecord } from './types.js';

const port = parentPort!;
let runner: CheckRunner | undefined;
let input: InputInfo | undefined;
let busy = 0;

function reply(msg: FromWorker): void {
  port.postMessage(msg);
}

function fail(err: unknown): void {
  const e = err instanceof Error ? err : new Error(String(err));
  reply({ type: 'error', message: e.message, stack: e.stack });
}

async function run(msg: WorkerStart): Promise<void> {
  const t = performance.now();
  const byId = new Map(CHECKS.map((c) => [c.meta.id, c]));
  input = msg.base.input;
  const sample = await readSample(msg.path, () => {}, msg.read);
  let rows = 0;
  const limit = msg.limit;
  const r = new CheckRunner(
    msg.ids.map((id) => byId.get(id)!),
    { ...msg.base, issues: [], options: Object.create(null), expectedRows: () => projectRows(sample, rows, limit) },
  );
  runner = r;
  const normalize = createNormalizer(msg.mapping);
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
  busy = performance.now() - t;
  reply({ type: 'read', rows, busyMs: busy });
}

// A worker the main thread never starts (its analysis failed before the checks began) ends by itself.
const idle = setTimeout(() => process.exit(0), 5 * 60_000);

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'start') {
    clearTimeout(idle);
    run(msg).catch(fail);
    return;
  }
  try {
    const t = performance.now();
    Object.assign(input!, msg.input);
    const results = runner!.finish();
    reply({ type: 'results', results, busyMs: busy + performance.now() - t, cpuMs: threadCpuMs() });
  } catch (err) {
    fail(err);
  }
});
