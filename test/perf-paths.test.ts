// The fast CSV path (src/ingest/fast-csv.ts) and csv-parse alone read every input alike: the same records,
// cells, row and line numbers, header, columns and structure issues. On the csv-spectrum cases, the peer
// suites' files, the fixtures, hand-picked anomalies and random text cut into random chunks.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { CHECKS } from '../src/checks/index.js';
import { readCsv, sniffDelimiter, type CsvParser } from '../src/ingest/csv.js';
import { FastCsv, MAX_PENDING_RECORD, STOP_HANDOFF } from '../src/ingest/fast-csv.js';
import { readSample } from '../src/ingest/index.js';
import {
  CHECK_COST,
  DEFAULT_COST,
  DISPATCH_COST,
  WORKER_SHARE,
  addressSpaceLimit,
  checkCost,
  splitChecks,
} from '../src/parallel-checks.js';
import type { IngestIssue, RawRecord } from '../src/types.js';
import { runCli } from './support/cli.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

interface Read {
  records: RawRecord[];
  issues: IngestIssue[];
  columns: string[];
  header: boolean | undefined;
}

/** Read a file the way `analyze` does, with one parser or the other. */
async function readFile(path: string, parser: CsvParser): Promise<Read> {
  const saved = process.env.LEAKCHECK_CSV_PARSER;
  process.env.LEAKCHECK_CSV_PARSER = parser;
  try {
    const issues: IngestIssue[] = [];
    const sample = await readSample(path, (i) => issues.push(i));
    const records: RawRecord[] = [];
    for await (const b of sample.batches) records.push(...b);
    return { records, issues, columns: sample.columns(), header: sample.header() };
  } finally {
    if (saved === undefined) delete process.env.LEAKCHECK_CSV_PARSER;
    else process.env.LEAKCHECK_CSV_PARSER = saved;
  }
}

/** Read text given as chunks straight through readCsv. */
async function readChunks(chunks: string[], delimiter: string, parser: CsvParser): Promise<Read> {
  async function* gen(): AsyncGenerator<string> {
    for (const c of chunks) yield c;
  }
  const issues: IngestIssue[] = [];
  const r = readCsv(gen(), delimiter, (i) => issues.push(i), undefined, parser);
  const records: RawRecord[] = [];
  for await (const b of r.batches) records.push(...b);
  return { records, issues, columns: r.columns, header: r.header };
}

afterEach(() => delete process.env.LEAKCHECK_CSV_PARSER);

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(join(ROOT, dir))
    .filter((f) => ext.test(f))
    .map((f) => join(dir, f));
}

const CASES = [
  ...files('test/peer/csv-spectrum/csvs', /\.csv$/),
  ...files('test/peer/csvlint/inline', /\.csv$/),
  ...files('test/peer/csvlint/fixtures', /\.csv$/),
  ...files('test/peer/frictionless/data', /\.(csv|tsv|txt)$/),
  ...files('fixtures', /\.(csv|tsv)$/),
];

describe('the fast CSV path and csv-parse yield identical records', () => {
  it('has cases to compare', () => {
    expect(CASES.filter((c) => c.includes('csv-spectrum')).length).toBeGreaterThanOrEqual(12);
    expect(CASES.filter((c) => c.startsWith('fixtures')).length).toBeGreaterThanOrEqual(5);
  });

  it.each(CASES)('%s', async (rel) => {
    const path = join(ROOT, rel);
    const attempt = (parser: CsvParser): Promise<Read | string> => readFile(path, parser).catch((e: unknown) => String(e));
    const fast = await attempt('fast');
    expect(fast).toEqual(await attempt('csv-parse'));
  });

  // Each anomaly alone, then with well-formed records after it (the fast path resumes after the record).
  const ANOMALIES = [
    'a"b,c', // a quote inside an unquoted field
    '"a"x,b', // text after a closing quote
    '"a" ,b', // a space after a closing quote
    ' "a",b', // a space before an opening quote
    '"a"b"c",d',
    '"a""b"x,"c\nd"',
    '"a\u0000b"\u0000,c',
    '"a"\u0000"b",c',
    'x,"unclosed\ny,z', // a quote never closed: everything after it is one skipped record
    '5\'10",inch',
    '"",""x',
    '"a\r\nb"c,d',
  ];
  it.each(ANOMALIES)('anomaly %j', async (bad) => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = `id,name${eol}1,ok${eol}${bad}${eol}2,"fine, quoted"${eol}3,plain${eol}`;
      for (const size of [1, 2, 3, 5, 7, 64, text.length]) {
        const chunks: string[] = [];
        for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
        const fast = await readChunks(chunks, ',', 'fast');
        const slow = await readChunks(chunks, ',', 'csv-parse');
        expect({ eol, size, ...fast }).toEqual({ eol, size, ...slow });
      }
    }
  });

  it('reports an anomaly with its physical line and goes on with the fast path after it', async () => {
    const text = 'id,name\n1,"multi\nline"\n2,a"b\n3,c\n';
    const r = await readChunks([text], ',', 'fast');
    expect(r.records.map((x) => [x.row, x.line, x.cells])).toEqual([
      [1, 2, ['1', 'multi\nline']],
      [2, 4, ['2', 'a"b']],
      [3, 5, ['3', 'c']],
    ]);
    const fast = new FastCsv(',');
    const seen: string[][] = [];
    fast.scan(text, 0, true, (cells) => seen.push(cells));
    expect(fast.anomalies).toBe(1);
    expect(seen).toHaveLength(4);
  });

  it('hands a quote never closed to csv-parse, which reports it with its line', async () => {
    const text = 'id,name\n1,a\n2,"open\n3,b\n4,c\n';
    const fast = await readChunks([text], ',', 'fast');
    expect(fast.issues).toEqual([{ code: 'unclosed-quote', line: 3 }]);
    expect(fast).toEqual(await readChunks([text], ',', 'csv-parse'));
    const scanner = new FastCsv(',');
    scanner.scan(text, 0, true, () => {});
    expect(scanner.stop).toBe(STOP_HANDOFF);
  });

  it('hands a record longer than the pending limit to csv-parse instead of rescanning it', async () => {
    const long = `"${'x'.repeat(MAX_PENDING_RECORD + 10)}`;
    const scanner = new FastCsv(',');
    const at = scanner.scan(`a,b\n${long}`, 0, false, () => {});
    expect([at, scanner.stop]).toEqual([4, STOP_HANDOFF]);
    const chunks = ['a,b\n', long.slice(0, 70_000), long.slice(70_000), '",y\n1,2\n'];
    expect(await readChunks(chunks, ',', 'fast')).toEqual(await readChunks(chunks, ',', 'csv-parse'));
  });

  it('agrees with csv-parse on random text cut into random chunks', async () => {
    const char = fc.constantFrom('a', 'b', ' ', ',', ',', ';', '\t', '"', '"', '\n', '\n', '\r', 'é', '\u0000');
    await fc.assert(
      fc.asyncProperty(fc.array(char, { maxLength: 80 }), fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 8 }), async (cs, cuts) => {
        const text = cs.join('');
        if (text.trim() === '') return;
        const chunks: string[] = [];
        for (let i = 0, k = 0; i < text.length; k++) {
          const n = cuts[k % cuts.length];
          chunks.push(text.slice(i, i + n));
          i += n;
        }
        const delimiter = sniffDelimiter(text);
        const fast = await readChunks(chunks, delimiter, 'fast');
        const slow = await readChunks(chunks, delimiter, 'csv-parse');
        expect(fast).toEqual(slow);
      }),
      { numRuns: 1500, seed: 20240607 },
    );
  });

  it('agrees on well-formed records with quoted fields, in any line-end style', async () => {
    const cell = fc.oneof(
      fc.stringMatching(/^[a-z0-9 ]{0,6}$/),
      fc.stringMatching(/^[a-z,"\n\r ]{0,6}$/).map((s) => `"${s.replace(/"/g, '""')}"`),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.integer({ min: 1, max: 40 }),
        async (rows, eol, size) => {
          const text = `h1,h2,h3${eol}${rows.map((r) => r.join(',')).join(eol)}${eol}`;
          const chunks: string[] = [];
          for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
          const fast = await readChunks(chunks, ',', 'fast');
          expect(fast).toEqual(await readChunks(chunks, ',', 'csv-parse'));
        },
      ),
      { numRuns: 500, seed: 7 },
    );
  });
});


// The second core (src/parallel-checks.ts): a worker thread runs part of the checks over its own reading of the
// file. Run through the built CLI (the worker is dist/check-worker.js), forced on small files.
describe('one thread and two threads write the same report', () => {
  const report = (file: string, threads: string): string => {
    const r = runCli(['analyze', file, '--format', 'json', '--deterministic', '--as-of', '2023-01-01'], {
      env: { LEAKCHECK_THREADS: threads, LEAKCHECK_DEBUG_THREADS: '1' },
    });
    expect(r.code, r.stderr).toBeLessThanOrEqual(1);
    return r.stdout;
  };
  const FIXTURES = files('fixtures', /\.(csv|tsv|json)$/);

  it.each(FIXTURES)('%s', (rel) => {
    const two = runCli(['analyze', rel, '--format', 'json', '--deterministic', '--as-of', '2023-01-01'], {
      env: { LEAKCHECK_THREADS: '2', LEAKCHECK_DEBUG_THREADS: '1' },
    });
    // The worker did run (the debug line says how the checks were split).
    expect(two.stderr).toMatch(/threads: .*the worker ran \d+ of \d+ checks/);
    expect(two.stdout).toBe(report(rel, '1'));
  });

  it.each([undefined, 1e6, 1e7, 1e9])('splits the checks for %s rows: the heavy cross-record ones to the worker, structure checks and option readers never', (rows) => {
    const onWorker = [...splitChecks(CHECKS, rows)].map((i) => CHECKS[i]);
    expect(onWorker.map((c) => c.meta.id)).toContain('duplicate-rows');
    expect(onWorker.some((c) => c.meta.category === 'structure' || c.meta.id === 'overlap-known')).toBe(false);
    expect(onWorker.length).toBeLessThan(CHECKS.length);
    // By measured cost at that size: at most the worker's share of the whole, and not far under it.
    const cost = (ids: readonly string[]): number => ids.reduce((n, id) => n + checkCost(id, rows), 0);
    const got = cost(onWorker.map((c) => c.meta.id)) / cost(CHECKS.map((c) => c.meta.id));
    expect(got).toBeLessThanOrEqual(WORKER_SHARE);
    expect(got).toBeGreaterThan(WORKER_SHARE - 0.05);
  });

  it('costs at 10M rows: id-conflict cheaper (it samples), duplicate-ids dearer; in between on a log scale', () => {
    expect(checkCost('id-conflict', 1e7)).toBeLessThan(checkCost('id-conflict', 1e6));
    expect(checkCost('duplicate-ids', 1e7)).toBeGreaterThan(checkCost('duplicate-ids', 1e6));
    expect(checkCost('duplicate-ids', Math.sqrt(1e6 * 1e7))).toBeCloseTo((checkCost('duplicate-ids', 1e6) + checkCost('duplicate-ids', 1e7)) / 2, 6);
    expect(checkCost('vocabulary', 1e7)).toBe(checkCost('vocabulary', 1e6));
    expect(checkCost('vocabulary', 1e6)).toBe(CHECK_COST.vocabulary + DISPATCH_COST);
    expect(checkCost('no-such-check')).toBe(DEFAULT_COST + DISPATCH_COST);
  });

  it('reads the address-space limit from /proc/self/limits', () => {
    const limits = (v: string): string =>
      `Limit                     Soft Limit           Hard Limit           Units     \nMax data size             unlimited            unlimited            bytes     \nMax address space         ${v}           unlimited            bytes     \n`;
    expect(addressSpaceLimit(limits('unlimited'))).toBeUndefined();
    expect(addressSpaceLimit(limits('1610612736'))).toBe(1610612736);
    expect(addressSpaceLimit('')).toBeUndefined();
  });

  // Under `ulimit -v` a worker could not reserve its address space and V8 aborted the process (exit 133, no report).
  it.runIf(existsSync('/proc/self/limits'))('runs on one thread under a limited address space, with the same report', () => {
    const args = ['analyze', 'fixtures/beneficiaries.csv', '--format', 'json', '--deterministic', '--as-of', '2023-01-01'];
    const r = spawnSync('bash', ['-c', 'ulimit -v 1572864 && exec "$@"', 'bash', process.execPath, 'bin/leakcheck.js', ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', LEAKCHECK_THREADS: '2', LEAKCHECK_DEBUG_THREADS: '1' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBeLessThanOrEqual(1);
    expect(r.stderr).not.toMatch(/threads:/);
    expect(r.stdout).toBe(runCli(args, { env: { LEAKCHECK_THREADS: '1' } }).stdout);
  });

  it('reads standard input on one thread', () => {
    const r = runCli(['analyze', '-', '--format', 'json'], { input: 'id,name\n1,a\n', env: { LEAKCHECK_THREADS: '2', LEAKCHECK_DEBUG_THREADS: '1' } });
    expect(r.code).toBeLessThanOrEqual(1);
    expect(r.stderr).not.toMatch(/threads:/);
  });
});
