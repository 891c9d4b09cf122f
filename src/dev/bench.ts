// `npm run bench`: time `leakcheck analyze` end to end against bare parsing, on 1M and 10M generated rows.
// A script, not a test: it prints rows/s, MB/s, peak RSS, CPU time, page faults and the ratios between them
// (medians of --runs runs).
//
//   node dist/dev/bench.js [rows ...] [--runs n]      default: 1000000 10000000, 3 runs
//   node dist/dev/bench.js [rows ...] [--runs n] --against <other checkout>
//
// --against times only the default analysis, this build and the other checkout's (its bin/leakcheck.js; build both
// with `npm run build`, since tsc alone leaves the CLI unbundled and ~0.15 s slower to start)
// in turn, run for run, and prints both and their paired difference: on a shared box whose speed drifts by the
// minute, runs made side by side are the only fair comparison of two builds.
//
// Samples are generated once with the seeded generator (src/synth/people.ts) and cached in
// $TMPDIR/leakcheck-bench: a sample of n million rows is n blocks of one million people, block b drawn from
// seed 7 + b (so the 10M sample starts with the 1M one), the blocks generated two at a time in child processes.
// Each measurement runs in its own process, so its peak RSS, CPU time and page faults are its own.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, createReadStream, createWriteStream, existsSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dayNumber } from '../dates.js';
import { people } from '../synth/people.js';
import { Random } from '../synth/random.js';
import { beneficiaryRow, toDelimited } from '../synth/samples.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = fileURLToPath(new URL('../', import.meta.url));
const CACHE = join(tmpdir(), 'leakcheck-bench');
const BIN = join(ROOT, 'bin', 'leakcheck.js');
const SELF = fileURLToPath(import.meta.url);
// Reports the child's peak RSS, page faults and CPU time on exit, so the measured programs need no benchmark hooks.
const RSS_HOOK = join(CACHE, 'rss-hook.cjs');
const BLOCK = 1_000_000;
const SEED = 7;
/** Bumped when the generator's output changes, so stale cached samples are not reused. */
const SAMPLE_VERSION = 2;

// ---------------------------------------------------------------------------------------------------------
// Samples

/** `--generate seed rows out`: write `rows` beneficiary rows (no header) drawn from `seed` to `out`. */
async function generateBlock(seed: number, rows: number, out: string): Promise<void> {
  const stream = createWriteStream(out);
  const r = new Random(seed);
  const asOf = dayNumber(2022, 6, 30);
  const step = 10_000;
  for (let done = 0; done < rows; done += step) {
    const csv = toDelimited(people(r, Math.min(step, rows - done), { asOf }).map(beneficiaryRow));
    if (!stream.write(csv.slice(csv.indexOf('\n') + 1))) await new Promise<void>((res) => stream.once('drain', () => res()));
  }
  await new Promise<void>((res) => stream.end(res));
}

function header(): string {
  const csv = toDelimited(people(new Random(SEED), 1, { asOf: dayNumber(2022, 6, 30) }).map(beneficiaryRow));
  return csv.slice(0, csv.indexOf('\n') + 1);
}

/** The cached block of one million rows from `seed`, generated in a child process when missing. */
function block(seed: number): { path: string; done: Promise<void> } {
  const path = join(CACHE, `block-v${SAMPLE_VERSION}-${seed}.csv`);
  if (existsSync(path)) return { path, done: Promise.resolve() };
  const tmp = `${path}.partial`;
  const done = new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [SELF, '--generate', String(seed), String(BLOCK), tmp], { stdio: 'inherit' });
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`generating block ${seed} failed (${code})`));
      renameSync(tmp, path);
      resolve();
    });
  });
  return { path, done };
}

/** Write (once) a beneficiary-shaped CSV of `rows` rows (a multiple of a million, or fewer than a million). */
async function sample(rows: number): Promise<string> {
  const path = join(CACHE, `beneficiaries-v${SAMPLE_VERSION}-${rows}.csv`);
  if (existsSync(path)) return path;
  const blocks = Math.max(1, Math.ceil(rows / BLOCK));
  process.stderr.write(`generating ${rows.toLocaleString('en-US')} rows (${blocks} block${blocks > 1 ? 's' : ''} of up to 1M, two at a time) ...\n`);
  const t0 = Date.now();
  if (rows < BLOCK) {
    const tmp = `${path}.body`;
    await generateBlock(SEED, rows, tmp);
    await concat(path, [tmp]);
    rmSync(tmp);
  } else {
    const paths: string[] = [];
    for (let b = 0; b < blocks; b += 2) {
      const pair = [block(SEED + b), ...(b + 1 < blocks ? [block(SEED + b + 1)] : [])];
      await Promise.all(pair.map((p) => p.done));
      paths.push(...pair.map((p) => p.path));
    }
    await concat(path, paths);
  }
  process.stderr.write(`  generated in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
  return path;
}

/**
 * The sample with every field quoted, as pandas' QUOTE_ALL and many exporters write it: the fast CSV path reads it
 * field by field (a line with a quote), not line by line. The generator writes no quote or comma inside a value.
 */
async function quotedCopy(path: string): Promise<string> {
  const out = path.replace(/\.csv$/, '-quoted.csv');
  if (existsSync(out)) return out;
  const tmp = `${out}.partial`;
  const w = createWriteStream(tmp);
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    if (!w.write(`"${line.split(',').join('","')}"\n`)) await once(w, 'drain');
  }
  await new Promise<void>((res) => w.end(res));
  renameSync(tmp, out);
  return out;
}

/** `path` = the header, then the files' contents. */
async function concat(path: string, parts: string[]): Promise<void> {
  const tmp = `${path}.partial`;
  const out = createWriteStream(tmp);
  out.write(header());
  const buf = Buffer.alloc(1 << 20);
  for (const part of parts) {
    const fd = openSync(part, 'r');
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) {
      if (!out.write(Buffer.from(buf.subarray(0, n)))) await new Promise<void>((res) => out.once('drain', () => res()));
    }
    closeSync(fd);
  }
  await new Promise<void>((res) => out.end(res));
  renameSync(tmp, path);
}

// ---------------------------------------------------------------------------------------------------------
// Measurements

interface Run {
  seconds: number;
  rssMiB: number;
  /** The child's CPU time, user and system, all threads. */
  cpuSeconds: number;
  /** Its minor page faults: first touches of fresh memory, dear on this VM (README, Performance) and, unlike time, stable from run to run. */
  faults: number;
  out: string;
  err: string;
}

function timed(args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', RSS_HOOK, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, ...env },
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  const usage = /maxrss-kib=(\d+) faults=(\d+) cpu-us=(\d+)/.exec(r.stderr);
  const [rss, faults, cpu] = usage ? usage.slice(1).map(Number) : [NaN, NaN, NaN];
  return { seconds, rssMiB: rss / 1024, cpuSeconds: cpu / 1e6, faults, out: r.stdout, err: r.stderr };
}

/** Child scripts: each reads the file once and prints the records it counted. */
const SCRIPTS: Record<string, string> = {
  // csv-parse as the tool configures it (line ends, relaxed quotes and column counts), streaming.
  'csv-parse': `
    import { createReadStream } from 'node:fs';
    import { parse } from ${JSON.stringify(pathToFileURL(join(ROOT, 'node_modules/csv-parse/lib/index.js')).href)};
    let n = 0;
    const parser = createReadStream(process.argv[2]).pipe(parse({ record_delimiter: ['\\r\\n', '\\n', '\\r'], relax_column_count: true, relax_quotes: true, skip_empty_lines: false }));
    for await (const rec of parser) n++;
    process.stdout.write(String(n));`,
  // The tool's fast path alone: UTF-8 chunks straight into the splitter.
  'fast-csv': `
    import { createReadStream } from 'node:fs';
    import { FastCsv } from ${JSON.stringify(pathToFileURL(join(DIST, 'ingest/fast-csv.js')).href)};
    const fast = new FastCsv(',');
    let n = 0;
    let rest = '';
    const count = () => n++;
    for await (const chunk of createReadStream(process.argv[2], { encoding: 'utf8', highWaterMark: 65536 })) {
      const s = rest + chunk;
      rest = s.slice(fast.scan(s, 0, false, count));
    }
    fast.scan(rest, 0, true, count);
    process.stdout.write(String(n));`,
  // The tool's whole reading layer: open, decode, sniff, fast path, header, line numbers, structure issues.
  reader: `
    import { readSample } from ${JSON.stringify(pathToFileURL(join(DIST, 'ingest/index.js')).href)};
    let n = 0;
    const sample = await readSample(process.argv[2], () => {}, { maxBytes: Number.MAX_SAFE_INTEGER });
    for await (const b of sample.batches) n += b.length;
    process.stdout.write(String(n));`,
};

function script(name: string): string {
  const path = join(CACHE, `bench-${name}.mjs`);
  writeFileSync(path, SCRIPTS[name]);
  return path;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface Summary {
  seconds: number;
  rssMiB: number;
  cpuSeconds: number;
  faults: number;
  runs: number[];
}

function measure(runs: number, run: () => Run): Summary {
  return summarize(Array.from({ length: runs }, run));
}

function summarize(all: readonly Run[]): Summary {
  return {
    seconds: median(all.map((r) => r.seconds)),
    rssMiB: median(all.map((r) => r.rssMiB)),
    cpuSeconds: median(all.map((r) => r.cpuSeconds)),
    faults: median(all.map((r) => r.faults)),
    runs: all.map((r) => r.seconds),
  };
}

function line(label: string, s: Summary, rows: number, bytes: number): string {
  const rps = Math.round(rows / s.seconds).toLocaleString('en-US');
  const runs = s.runs.length > 1 ? `  (${s.runs.map((x) => x.toFixed(2)).join(', ')})` : '';
  return `  ${label.padEnd(34)} ${s.seconds.toFixed(2).padStart(7)} s ${rps.padStart(11)} rows/s ${(bytes / 1e6 / s.seconds).toFixed(1).padStart(6)} MB/s  RSS ${s.rssMiB.toFixed(0).padStart(5)} MiB  CPU ${s.cpuSeconds.toFixed(1).padStart(5)} s ${`${Math.round(s.faults / 1000)}k`.padStart(5)} faults${runs}`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--generate') return generateBlock(Number(args[1]), Number(args[2]), args[3]);
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(
    RSS_HOOK,
    "process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write(`maxrss-kib=${u.maxRSS} faults=${u.minorPageFault} cpu-us=${u.userCPUTime + u.systemCPUTime}\\n`); });\n",
  );
  let runs = 3;
  let against: string | undefined;
  const sizes: number[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--runs') runs = Math.max(1, Number(args[++i]));
    else if (args[i] === '--against') against = join(resolve(args[++i]), 'bin', 'leakcheck.js');
    else if (Number(args[i]) > 0) sizes.push(Number(args[i]));
  }
  if (against && !existsSync(against)) throw new Error(`--against: no ${against}`);
  if (!sizes.length) sizes.push(1_000_000, 10_000_000);
  const files = new Map<number, string>();
  for (const rows of sizes) files.set(rows, await sample(rows));

  process.stdout.write(`node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()[0].toFixed(2)}; median of ${runs} run(s)\n`);
  const results = new Map<number, Summary>();
  for (const rows of sizes) {
    const file = files.get(rows)!;
    const bytes = statSync(file).size;
    process.stdout.write(`${rows.toLocaleString('en-US')} rows, ${(bytes / 1e6).toFixed(0)} MB (${file})\n`);
    const counted = (name: string, path = file) => (): Run => {
      const r = timed([script(name), path]);
      if (Number(r.out) !== rows + 1 && Number(r.out) !== rows) throw new Error(`${name} counted ${r.out} records, expected ${rows}`);
      return r;
    };
    const cli = (threads: string, bin = BIN) => (): Run => {
      // --max-bytes: the default cap (1 GiB of decompressed input) would cut the 10M sample short.
      const r = timed([bin, 'analyze', file, '--format', 'json', '--quiet', '--max-bytes', String(2 ** 40)], {
        LEAKCHECK_THREADS: threads,
        LEAKCHECK_DEBUG_THREADS: '1',
      });
      const report = JSON.parse(r.out) as { input: { rows: number } };
      if (report.input.rows !== rows) throw new Error(`analyze read ${report.input.rows} rows, expected ${rows}`);
      const debug = /threads: .*/.exec(r.err);
      if (debug) process.stderr.write(`    ${debug[0]}\n`);
      return r;
    };
    if (against) {
      const mine: Run[] = [];
      const theirs: Run[] = [];
      // Which of the two goes first alternates, so a drift within a pair favours neither.
      for (let i = 0; i < runs; i++) {
        if (i % 2) theirs.push(cli('', against)());
        mine.push(cli('')());
        if (!(i % 2)) theirs.push(cli('', against)());
      }
      process.stdout.write(`${line('this build, default', summarize(mine), rows, bytes)}\n`);
      process.stdout.write(`${line('--against build, default', summarize(theirs), rows, bytes)}\n`);
      const diffs = mine.map((r, i) => r.seconds - theirs[i].seconds);
      const d = median(diffs);
      process.stdout.write(
        `  this - against, run for run: median ${d >= 0 ? '+' : ''}${d.toFixed(2)} s (${((100 * d) / median(theirs.map((r) => r.seconds))).toFixed(1)}%), ` +
          `this build faster in ${diffs.filter((x) => x < 0).length} of ${runs}\n`,
      );
      continue;
    }
    const bare = measure(runs, counted('csv-parse'));
    process.stdout.write(`${line('bare csv-parse pass', bare, rows, bytes)}\n`);
    const fast = measure(runs, counted('fast-csv'));
    process.stdout.write(`${line('bare fast-csv pass (tool)', fast, rows, bytes)}\n`);
    const reader = measure(runs, counted('reader'));
    process.stdout.write(`${line('reader only (readSample)', reader, rows, bytes)}\n`);
    // At 1M only (a quoted copy of the 10M sample would be another 1.4 GB).
    if (rows === 1_000_000) {
      const quoted = await quotedCopy(file);
      process.stdout.write(`${line('reader, every field quoted', measure(runs, counted('reader', quoted)), rows, statSync(quoted).size)}\n`);
    }
    const one = measure(runs, cli('1'));
    process.stdout.write(`${line('leakcheck analyze, 1 thread', one, rows, bytes)}\n`);
    const two = measure(runs, cli(''));
    process.stdout.write(`${line('leakcheck analyze (json), default', two, rows, bytes)}\n`);
    process.stdout.write(
      `  analyze / csv-parse time ${(two.seconds / bare.seconds).toFixed(2)}x, analyze / fast-csv ${(two.seconds / fast.seconds).toFixed(1)}x, ` +
        `csv-parse / fast-csv ${(bare.seconds / fast.seconds).toFixed(1)}x, 1 thread / default ${(one.seconds / two.seconds).toFixed(2)}x\n`,
    );
    results.set(rows, two);
  }
  if (against) return;
  // The targets of the performance issue (#8), for the default analysis.
  const a = results.get(1_000_000);
  const b = results.get(10_000_000);
  const target = (what: string, value: string, ok: boolean): void => {
    process.stdout.write(`  ${what.padEnd(36)} ${value.padStart(12)}  ${ok ? 'met' : 'NOT met'}\n`);
  };
  process.stdout.write('targets (default analysis):\n');
  if (a) {
    target('1M rows in <= 3 s', `${a.seconds.toFixed(2)} s`, a.seconds <= 3);
    target('1M rows peak RSS <= 512 MiB', `${a.rssMiB.toFixed(0)} MiB`, a.rssMiB <= 512);
  }
  if (b) target('10M rows peak RSS <= 1 GiB', `${b.rssMiB.toFixed(0)} MiB`, b.rssMiB <= 1024);
  if (a && b) target('10M / 1M analyze time <= 11', (b.seconds / a.seconds).toFixed(2), b.seconds / a.seconds <= 11);
}

await main();
