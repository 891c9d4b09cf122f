// The second core: a worker thread runs about half of the per-record checks while the main thread runs the
// rest. The worker reads the same file itself, with the same reader, mapping and row limit, so it sees the
// same records; re-reading costs it less than receiving them would (measured: shipping normalised records
// packed as one string per batch cost ~2.9 s of CPU per million rows across both threads; the fast CSV path
// and the normaliser cost ~0.8 s). Both halves report through the same CheckRunner code, so the report is the
// one a single thread writes (test/perf-paths.test.ts compares them).
//
// Which checks go to the worker: per-record checks of the registry (the worker imports the same modules), never
// the structure checks (they read ingest issues and `ctx.input` as the main thread fills them) nor checks that
// read `ctx.options` (their values are not copied). They are split by the measured cost below so both threads
// finish together. Standard input cannot be read twice: it is analysed on one thread.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CHECKS } from './checks/index.js';
import type { ReadOptions } from './ingest/index.js';
import { CheckRunner, type BaseContext } from './run-checks.js';
import { threadCpuMs } from './thread-cpu.js';
import type { Check, CheckResult, IngestIssue, InputInfo, MappingEntry, SampleRecord } from './types.js';

/**
 * Cost of each check in milliseconds per million beneficiary-shaped rows (`node dist/dev/check-costs.js` on the
 * 1M-row bench sample of src/dev/bench.ts, best of 2; the shared record facts, ~130 ms, not included). Only the
 * proportions matter. Checks not listed weigh {@link DEFAULT_COST}. Two checks have become cheaper than their
 * figure (the comments beside them): the split was tuned with the old figures, and the new ones move a check to
 * the other thread where it measured no better.
 */
export const CHECK_COST: Readonly<Record<string, number>> = {
  // 1389 before its row hash mixed (field, value) pairs with Hasher.code3 (--only: -13 to -18%). ~1030 since its
  // near-duplicate index is sized once; at 1030 the worker takes id-conflict and ended 0.4-0.9 s late (4 runs).
  'duplicate-rows': 1210,
  'duplicate-ids': 516,
  'id-conflict': 454,
  'record-schema': 392,
  'manufactured-ids': 183,
  // 62 since it rules values out before its lookups; at 62 the worker takes vocabulary, and would hash the strings
  // the main thread's checks hash again (V8 caches a string's hash per thread). A/Bs: within this box's noise.
  'known-public-values': 169,
  vocabulary: 111,
  'masking-consistency': 100,
  'dose-interval-max': 95,
  'age-eligibility': 87,
  'date-format': 73,
  'age-early-dose': 71,
  'rewritten-values': 61,
  'vaccination-status': 59,
  'vaccine-allowed': 50,
  'name-fingerprints': 48,
  'aadhaar-first-digit': 48,
  'aadhaar-checksum': 47,
  'dose-interval-min': 46,
  'id-formats': 43,
  'mobile-number': 35,
  'birth-year-range': 33,
  'mobile-limit': 32,
  'age-mix': 30,
  'photo-id-format': 29,
  'pan-name': 28,
  'gender-split': 27,
  'pan-format': 22,
  'birth-year-heaping': 19,
  'dose-dates': 18,
  'vaccine-split': 12,
};
export const DEFAULT_COST = 10;
/** What calling a check costs its thread per million rows, on top of its own work (the runner's dispatch). */
export const DISPATCH_COST = 8;
/**
 * How a check's cost per row changes from 1 to 10 million rows, where it differs from the others': check-costs
 * on the 1M and 10M bench samples, each check against the rest. id-conflict follows a hash sample of its ids past
 * ~786,000 of them (cheaper); duplicate-ids' stores outgrow the caches (dearer).
 */
export const COST_AT_10M: Readonly<Record<string, number>> = {
  'id-conflict': 0.69,
  'duplicate-ids': 1.47,
  'duplicate-rows': 1.14,
};

/** How far `rows` is from 1M towards 10M rows, on a log scale: 0 at or below 1M, 1 at or above 10M. */
function towards10M(rows: number): number {
  return Math.min(1, Math.max(0, Math.log10(rows / 1e6)));
}

/** A check's cost per million rows in a sample of `rows` rows (projected): {@link CHECK_COST}, scaled by {@link COST_AT_10M}. */
export function checkCost(id: string, rows = 0): number {
  return (CHECK_COST[id] ?? DEFAULT_COST) * (1 + ((COST_AT_10M[id] ?? 1) - 1) * towards10M(rows)) + DISPATCH_COST;
}
/**
 * The worker's share of the checks' cost: under half, because it starts ~0.2 s after the main thread (it loads its
 * modules, then waits for the mapping) and its large-table checks run slower beside the main thread's (they share
 * the L3 cache). Measured on the 1M bench sample: 0.5 gave 4.98-5.07 s, 0.45 gave 4.76-4.82 s, with both threads
 * finishing within 0.2 s of each other. The same share holds at 10M rows, where the costs at 10M give the worker
 * duplicate-rows, duplicate-ids and date-format: a share of 0.49 there (adding manufactured-ids and age-eligibility
 * instead of date-format) left the worker 2-7 s late in 5 of 6 runs, and 6 alternating pairs on the 10M bench
 * sample took 42.9 s against 39.2 s with 0.45 (medians; 0.45 faster in 5 of 6).
 */
export const WORKER_SHARE = 0.45;
/** Checks that read `ctx.options` (not copied to the worker). */
const MAIN_ONLY = new Set(['overlap-known']);

/** Inputs smaller than this are analysed on one thread: a worker takes ~0.2 s to start. */
export const MIN_PARALLEL_BYTES = 8 * 1024 * 1024;
/** Nor is a `--limit` below this many rows worth a second thread. */
export const MIN_PARALLEL_ROWS = 50_000;

/** The compiled worker (dist/check-worker.js); absent when running from sources (tests), then one thread is used. */
const WORKER_URL = new URL('./check-worker.js', import.meta.url);

/**
 * The soft limit on the process's address space (`ulimit -v`) in bytes, read from `limits` (Linux's
 * /proc/self/limits); undefined when unlimited or unknown (no such file elsewhere).
 */
export function addressSpaceLimit(limits = readLimits()): number | undefined {
  const m = /^Max address space\s+(\d+)\s/m.exec(limits);
  return m ? Number(m[1]) : undefined;
}

function readLimits(): string {
  try {
    return readFileSync('/proc/self/limits', 'utf8');
  } catch {
    return '';
  }
}

/**
 * Whether to run the checks on two threads: `LEAKCHECK_THREADS=1` says never, `=2` for any file; otherwise for a
 * file of at least {@link MIN_PARALLEL_BYTES}. Never for standard input (it cannot be read twice), nor under a
 * limited address space: a worker reserves ~0.9 GB of it as it starts (Node 20), and when it cannot, V8 aborts
 * the whole process (`ulimit -v 1572864` did on a 1M-row file that one thread analyses within it).
 */
export function wantThreads(path: string, opts: { stream?: unknown; limit?: number }): boolean {
  const env = process.env.LEAKCHECK_THREADS;
  if (env === '1' || opts.stream || path === '-' || addressSpaceLimit() !== undefined) return false;
  if (!existsSync(fileURLToPath(WORKER_URL))) return false;
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) return false;
    size = st.size;
  } catch {
    return false;
  }
  if (env === '2') return true;
  return size >= MIN_PARALLEL_BYTES && (opts.limit ?? Infinity) >= MIN_PARALLEL_ROWS;
}

/** Split checks between the threads by their cost in a sample of `rows` rows (projected): the indexes of the checks the worker runs. */
export function splitChecks(checks: readonly Check[], rows?: number): Set<number> {
  const cost = (c: Check): number => checkCost(c.meta.id, rows);
  let total = 0;
  const eligible: number[] = [];
  checks.forEach((c, i) => {
    total += cost(c);
    if (CHECKS.includes(c) && c.meta.category !== 'structure' && !MAIN_ONLY.has(c.meta.id)) eligible.push(i);
  });
  // Largest first onto the worker while it stays at or under its share of the work.
  eligible.sort((a, b) => cost(checks[b]) - cost(checks[a]));
  const worker = new Set<number>();
  let load = 0;
  for (const i of eligible) {
    if (load + cost(checks[i]) <= total * WORKER_SHARE) {
      worker.add(i);
      load += cost(checks[i]);
    }
  }
  return worker;
}


/** What the worker needs to read the sample and run its checks (structured-cloneable). */
export interface WorkerStart {
  type: 'start';
  path: string;
  read: ReadOptions;
  limit: number;
  mapping: MappingEntry[];
  ids: string[];
  base: Omit<BaseContext, 'issues' | 'options' | 'expectedRows'>;
}

export type FromWorker =
  | { type: 'results'; rows: number; results: CheckResult[]; busyMs: number; cpuMs: number }
  | { type: 'error'; message: string; stack?: string };

/** The runner analyze() drives: CheckRunner's interface, with a wait point per batch and an asynchronous finish. */
export interface Runner {
  issue(issue: IngestIssue): void;
  records(batch: readonly SampleRecord[]): void;
  /** Called after each batch: throws when the worker has failed. */
  flush(): Promise<void>;
  finish(): Promise<CheckResult[]>;
}

/** One thread: CheckRunner as is. */
export function singleRunner(checks: readonly Check[], base: BaseContext): Runner {
  const r = new CheckRunner(checks, base);
  return {
    issue: (i) => r.issue(i),
    records: (batch) => r.records(batch),
    flush: async () => {},
    finish: async () => r.finish(),
  };
}

/** A started worker, loading its modules while the main thread reads the head of the sample. */
export class CheckWorker {
  readonly worker = new Worker(WORKER_URL);
  failure: Error | undefined;
  /** Once it has read the whole sample: its rows, its checks' results and its time. */
  results: { rows: number; results: CheckResult[]; busyMs: number; cpuMs: number } | undefined;
  private wake: (() => void) | undefined;
  private stopped = false;

  constructor() {
    this.worker.on('message', (msg: FromWorker) => {
      if (msg.type === 'results') this.results = msg;
      else {
        this.failure = new Error(msg.message);
        if (msg.stack) this.failure.stack = msg.stack;
      }
      this.wake?.();
    });
    this.worker.on('error', (err) => {
      this.failure = err;
      this.wake?.();
    });
    this.worker.on('exit', (code) => {
      if (this.stopped) return;
      this.failure ??= new Error(`the check worker stopped (exit code ${code})`);
      this.wake?.();
    });
    // It never keeps the process alive by itself (an analysis that throws leaves it behind); it is referenced
    // only while the main thread waits for it.
    this.worker.unref();
  }

  post(msg: WorkerStart): void {
    this.worker.postMessage(msg);
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    void this.worker.terminate();
  }

  /** Wait until `ready()`; rejects (and stops the worker) when it fails. */
  until(ready: () => boolean): Promise<void> {
    this.worker.ref();
    return new Promise<void>((resolve, reject) => {
      const check = (): void => {
        this.wake = undefined;
        if (this.failure) {
          this.worker.unref();
          this.stop();
          reject(this.failure);
        } else if (ready()) {
          this.worker.unref();
          resolve();
        } else this.wake = check;
      };
      check();
    });
  }
}

/** Start a worker when {@link wantThreads} says so (early: it loads its modules meanwhile), else null. */
export function startWorker(path: string, opts: { stream?: unknown; limit?: number }): CheckWorker | null {
  return wantThreads(path, opts) ? new CheckWorker() : null;
}

/** Keep the read options the worker can receive and needs (no stream, no callbacks). */
function readOptions(opts: object): ReadOptions {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(opts)) if (k !== 'stream' && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) out[k] = v;
  return out as ReadOptions;
}

/**
 * Two threads: the checks split by {@link splitChecks}, the worker's share run by `cw` over its own reading of
 * `path` (`opts` as given to analyze(), `limit` rows at most, about `rows` expected). One thread after all when the sample `ended`
 * within the mapping window (unless LEAKCHECK_THREADS=2).
 */
export function parallelRunner(
  cw: CheckWorker,
  checks: readonly Check[],
  base: BaseContext,
  { path, opts, limit, ended, rows }: { path: string; opts: object; limit: number; ended: boolean; rows?: number },
): Runner {
  const onWorker = splitChecks(checks, rows);
  if (onWorker.size === 0 || (ended && process.env.LEAKCHECK_THREADS !== '2')) {
    cw.stop();
    return singleRunner(checks, base);
  }
  const main = new CheckRunner(
    checks.filter((_, i) => !onWorker.has(i)),
    base,
  );
  const { input, mapping, mapped, profile, asOf, asOfDay } = base;
  cw.post({
    type: 'start',
    path,
    read: readOptions(opts),
    limit,
    mapping,
    ids: checks.filter((_, i) => onWorker.has(i)).map((c) => c.meta.id),
    base: { input, mapping, mapped, profile, asOf, asOfDay },
  });
  const t0 = performance.now();
  return {
    issue: (i) => main.issue(i),
    records: (batch) => main.records(batch),
    async flush() {
      if (cw.failure) await cw.until(() => false);
    },
    async finish() {
      let mine: CheckResult[];
      try {
        mine = main.finish();
      } catch (err) {
        cw.stop();
        throw err;
      }
      const mainDone = performance.now();
      await cw.until(() => cw.results !== undefined);
      cw.stop();
      if (cw.results!.rows !== input.rows) {
        throw new Error(`the check worker read ${cw.results!.rows} rows where the main thread read ${input.rows}: was the file changed during the analysis?`);
      }
      if (process.env.LEAKCHECK_DEBUG_THREADS === '1') {
        const ms = (x: number): string => `${Math.round(x)} ms`;
        process.stderr.write(
          `threads: checks started ${ms(t0)} after the process, main checks done after ${ms(mainDone - t0)} (main thread CPU ${ms(threadCpuMs())} in all), worker busy ${ms(cw.results!.busyMs)} ` +
            `(CPU ${ms(cw.results!.cpuMs)}), results after ${ms(performance.now() - t0)}; ` +
            `the worker ran ${onWorker.size} of ${checks.length} checks for ~${rows ?? '?'} rows (${[...onWorker].map((i) => checks[i].meta.id).join(', ')})\n`,
        );
      }
      // Back in the order the checks were given.
      const theirs = cw.results!.results;
      const out: CheckResult[] = [];
      let a = 0;
      let b = 0;
      checks.forEach((_, i) => out.push(onWorker.has(i) ? theirs[b++] : mine[a++]));
      return out;
    },
  };
}
