// The command line: the only module that reads argv, writes stdout/stderr and sets the exit code.
import { closeSync, createWriteStream, existsSync, openSync, realpathSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { supportsColor } from 'chalk';
import { analyze } from './analyze.js';
import { ENGINES, type EngineId } from './engines/duckdb.js';
import { InputError, UsageError } from './errors.js';
import { parseMapOptions } from './normalize/mapping.js';
import { findProfile, PROFILES } from './profiles.js';
import { renderJson } from './reporters/json.js';
import { renderTerminal } from './reporters/terminal.js';
import { renderMarkdown } from './reporters/markdown.js';
import { renderHtml } from './reporters/html.js';
import { configuredChecks, loadConfig } from './config.js';
import { startProgress } from './progress.js';
import { renderCheckList, renderExplain, renderProfiles } from './commands.js';
import { FLAGS, LABELS, type Example, type Report } from './types.js';
import { VERSION } from './version.js';
import { parseIso } from './dates.js';
import { REPORT_SCHEMA } from './report-schema.js';
import { safeText } from './report/safe.js';
import { compareFingerprints, renderComparison } from './dedupe/compare.js';
import { HmacKeyHash, keyFrom, serializeFingerprint } from './dedupe/fingerprint.js';
import { fingerprintSample, keyHashFor, loadAgainst, loadSide } from './dedupe/load.js';
import { count } from './report/numbers.js';

/** Exit codes (README, "Exit codes"). */
export const EXIT = { ok: 0, failOn: 1, usage: 2, internal: 3 } as const;

const EXAMPLES = `
Examples:
  $ leakcheck analyze fixtures/beneficiaries.csv
  $ leakcheck analyze dump.json.gz --format json --output report.json
  $ cat sample.tsv | leakcheck analyze - --map "Aadhar No=aadhaar_number"
  $ leakcheck analyze sample.csv --fail-on likely-genuine,enriched   # exit 1 when matched

Exit codes: 0 analysed, 1 --fail-on matched, 2 usage error or unreadable input, 3 internal error.`;

function colorWanted(stream: NodeJS.WriteStream): boolean {
  const env = process.env;
  if ('FORCE_COLOR' in env) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.NO_COLOR) return false;
  return stream.isTTY === true && supportsColor !== false;
}

function positiveInt(name: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError(`${name} must be a positive whole number`);
    return n;
  };
}

function collect(v: string, prev: string[]): string[] {
  return [...prev, v];
}

/** Which of the verdict's label and flags a --fail-on list matches. */
export function failOnMatches(report: Report, failOn: string[]): string[] {
  return failOn.filter((x) => x === report.verdict.label || (report.verdict.flags as string[]).includes(x));
}

function parseFailOn(v: string): string[] {
  const items = v.split(',').map((s) => s.trim()).filter(Boolean);
  const known = new Set<string>([...LABELS, ...FLAGS]);
  for (const i of items) {
    if (!known.has(i)) throw new InvalidArgumentError(`"${i}" is not a label (${LABELS.join(', ')}) or flag (${FLAGS.join(', ')})`);
  }
  return items;
}

function parseAsOf(v: string): Date {
  const day = parseIso(v);
  if (Number.isNaN(day)) throw new InvalidArgumentError('--as-of expects a date as YYYY-MM-DD');
  return new Date(day * 86_400_000);
}

interface AnalyzeFlags {
  format: 'terminal' | 'json' | 'markdown' | 'html';
  output?: string;
  findings?: string;
  config?: string;
  map: string[];
  profile?: string;
  failOn?: string[];
  limit?: number;
  reveal?: boolean;
  quiet?: boolean;
  asOf?: Date;
  maxBytes?: number;
  all?: boolean;
  deterministic?: boolean;
  debug?: boolean;
  against: string[];
  key?: string;
  engine?: EngineId;
  header?: boolean;
  table?: string;
}

/** Whether writing `output` would write to `input`: the input file itself, or a file in the input folder. */
function writesInto(output: string, input: string): boolean {
  const real = (p: string): string => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  const out = existsSync(output) ? real(output) : join(real(dirname(output)), basename(output));
  const inp = real(input);
  return out === inp || out.startsWith(inp.endsWith(sep) ? inp : inp + sep);
}

/**
 * A CSV cell a spreadsheet shows as text: quoted when it holds a quote, comma or line break, and prefixed with `'`
 * when it starts as a formula would (=, +, -, @, tab, CR; OWASP's CSV injection advice), as sample values can.
 */
export function csvCell(v: string | number): string {
  const s = typeof v === 'number' ? String(v) : /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const FINDING_COLUMNS = ['check', 'row', 'line', 'field', 'value', 'message'] as const;

/**
 * Every finding to `path` (`--findings`), `{check, row, line, field, value, message}` as the report's examples: one
 * JSON line each, or a CSV row each when the file is named .csv (for a spreadsheet). Written in blocks of about
 * 64 KiB as the checks report them.
 */
function findingsFile(path: string): { write: (check: string, e: Example) => void; close: () => number } {
  const fail = (e: unknown): UsageError => new UsageError(`cannot write ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  let fd: number;
  try {
    fd = openSync(path, 'w');
  } catch (e) {
    throw fail(e);
  }
  const csv = /\.csv$/i.test(path);
  // The byte-order mark tells Excel the CSV is UTF-8 (names in Devanagari, masked values' X's and all).
  let pending = csv ? `\ufeff${FINDING_COLUMNS.join(',')}\r\n` : '';
  let count = 0;
  const flush = (): void => {
    try {
      writeSync(fd, pending);
    } catch (e) {
      throw fail(e);
    }
    pending = '';
  };
  return {
    write(check, e) {
      pending += csv
        ? `${[check, e.row, e.line, e.field ?? '', e.value ?? '', e.message].map(csvCell).join(',')}\r\n`
        : `${JSON.stringify({ check, row: e.row, line: e.line, field: e.field, value: e.value, message: e.message })}\n`;
      count++;
      if (pending.length >= 65_536) flush();
    },
    close() {
      if (pending) flush();
      closeSync(fd);
      return count;
    },
  };
}

async function runAnalyze(file: string, flags: AnalyzeFlags): Promise<number> {
  if (flags.profile && !findProfile(flags.profile)) {
    throw new UsageError(`unknown profile "${flags.profile}" (known: ${PROFILES.map((p) => p.id).join(', ')})`);
  }
  for (const [option, target] of [['--output', flags.output], ['--findings', flags.findings]] as const) {
    if (target && file !== '-' && writesInto(target, file)) {
      throw new UsageError(`${option} names the input file or a file in the input folder: leakcheck never writes to its input`);
    }
  }
  if (flags.output && flags.findings && writesInto(flags.findings, flags.output)) throw new UsageError('--findings and --output name the same file');
  // leakcheck.config.json (or --config): options given on the command line win over the file.
  const { config } = loadConfig(flags.config);
  const failOn = flags.failOn ?? config.failOn ?? [];
  const limit = flags.limit ?? config.limit;
  const asOf = flags.asOf ?? (config.asOf === undefined ? undefined : parseAsOf(config.asOf));
  const checks = configuredChecks(config);
  const against = flags.against.length
    ? await loadAgainst(flags.against, keyFrom(flags.key), { asOf, maxBytes: flags.maxBytes, table: flags.table, tableIfDump: true })
    : undefined;
  const progress = startProgress(file, { quiet: flags.quiet });
  const findings = flags.findings === undefined ? undefined : findingsFile(flags.findings);
  let written: number | undefined;
  const report = await analyze(file, {
    checks,
    onFinding: findings?.write,
    onProgress: (bytes, size) => progress.update(bytes, size),
    checkOptions: against ? { against } : undefined,
    stream: file === '-' ? process.stdin : undefined,
    map: parseMapOptions(flags.map),
    limit,
    reveal: flags.reveal,
    asOf,
    maxBytes: flags.maxBytes,
    deterministic: flags.deterministic,
    profile: flags.profile,
    engine: flags.engine ?? config.engine ?? 'memory',
    header: flags.header,
    table: flags.table,
  }).finally(() => {
    progress.stop();
    written = findings?.close();
  });
  if (written !== undefined && !flags.quiet) process.stderr.write(`leakcheck: ${count(written)} findings written to ${safeText(flags.findings!, 4096)}\n`);
  const toFile = flags.output !== undefined;
  const text =
    flags.format === 'json'
      ? renderJson(report)
      : flags.format === 'markdown'
        ? renderMarkdown(report)
        : flags.format === 'html'
          ? renderHtml(report)
          : renderTerminal(report, { color: !toFile && colorWanted(process.stdout), all: flags.all });
  if (toFile) {
    await new Promise<void>((res, rej) => {
      const out = createWriteStream(flags.output!, { flags: 'w' });
      out.on('error', (e: NodeJS.ErrnoException) => rej(new UsageError(`cannot write ${flags.output} (${e.code ?? e.message})`)));
      out.end(text, () => res());
    });
    if (!flags.quiet) process.stderr.write(`leakcheck: report written to ${flags.output}\n`);
  } else {
    process.stdout.write(text);
  }
  const matched = failOnMatches(report, failOn);
  if (matched.length) {
    if (!flags.quiet) process.stderr.write(`leakcheck: --fail-on matched: ${matched.join(', ')}\n`);
    return EXIT.failOn;
  }
  return EXIT.ok;
}

interface FingerprintFlags {
  output?: string;
  key?: string;
  map: string[];
  sketchOnly?: boolean;
  quiet?: boolean;
  table?: string;
}

async function runFingerprint(file: string, flags: FingerprintFlags): Promise<number> {
  const key = keyFrom(flags.key);
  if (!key) throw new UsageError('fingerprint needs a key: --key <key> or the LEAKCHECK_KEY environment variable');
  if (flags.output && writesInto(flags.output, file)) {
    throw new UsageError('--output names the input file or a file in the input folder: leakcheck never writes to its input');
  }
  const fp = await fingerprintSample(file, new HmacKeyHash(key), { map: parseMapOptions(flags.map), table: flags.table });
  const text = serializeFingerprint(fp, { sketchOnly: flags.sketchOnly });
  if (flags.output === undefined) {
    process.stdout.write(text);
    return EXIT.ok;
  }
  await new Promise<void>((res, rej) => {
    const out = createWriteStream(flags.output!, { flags: 'w' });
    out.on('error', (e: NodeJS.ErrnoException) => rej(new UsageError(`cannot write ${flags.output} (${e.code ?? e.message})`)));
    out.end(text, () => res());
  });
  if (!flags.quiet) process.stderr.write(`leakcheck: fingerprint of ${count(fp.rows)} rows written to ${flags.output}\n`);
  return EXIT.ok;
}

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('leakcheck')
    .description('Judge whether a purported CoWin data leak sample is genuine, fabricated, recycled or enriched.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .addHelpText('after', EXAMPLES);

  program
    .command('analyze')
    .description('analyse a sample file (CSV, TSV, JSON, NDJSON, SQL dump, key-value text, a fixed-width or pasted table, Excel workbook; gzip or not; or a zip or tar of them) and report a verdict')
    .argument('<sample>', 'the sample file or folder, or - for standard input')
    .addOption(new Option('-f, --format <format>', 'report format').choices(['terminal', 'json', 'markdown', 'html']).default('terminal'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('--findings <file>', 'write every finding, row by row, as JSON lines, or CSV when the file ends in .csv (values masked unless --reveal)')
    .option('-m, --map <column=field>', 'map a column onto a field (repeatable; field "-" unmaps)', collect, [])
    .option('--profile <id>', `force the record format (${PROFILES.map((p) => p.id).join(', ')})`)
    .option('--fail-on <list>', 'exit 1 when the verdict label or a flag is in this comma-separated list', parseFailOn)
    .option('--limit <rows>', 'analyse at most this many records', positiveInt('--limit'))
    .option('--header', 'the first row of a CSV/TSV is a header (default: detected)')
    .option('--no-header', 'the first row of a CSV/TSV is a record, not a header')
    .option('--table <name>', 'the table of an SQL dump (here and in --against dumps) or the sheet of a workbook to read (default: the first table with rows; every sheet with the first sheet\'s columns)')
    .option('--reveal', 'show personal values in examples unmasked')
    .option('-q, --quiet', 'print nothing but the report and errors')
    .option('--as-of <date>', 'judge dates against this day instead of today (YYYY-MM-DD)', parseAsOf)
    .option('--max-bytes <n>', 'stop reading after this many decompressed bytes (default 1 GiB, all archive members together)', positiveInt('--max-bytes'))
    .option('--all', 'list every check in the terminal report, including those that did not apply')
    .option('--deterministic', 'omit timings and absolute paths so reports can be diffed')
    .option('--debug', 'print stack traces for internal errors')
    .option('--against <file>', 'a known sample or fingerprint: report rows already in it (repeatable)', collect, [])
    .option('--key <key>', 'key of --against fingerprint files (default: LEAKCHECK_KEY)')
    .option('--config <file>', 'settings file (default: ./leakcheck.config.json when present)')
    .addOption(new Option('--engine <engine>', 'where the cross-record checks keep their state: memory (default) or duckdb (out of core, needs @duckdb/node-api)').choices(ENGINES))
    .addHelpText('after', EXAMPLES)
    .action(async (file: string, flags: AnalyzeFlags) => {
      setExit(await runAnalyze(file, flags));
    });
  program
    .command('checks')
    .description('list every check: id, category and what it tests')
    .action(() => {
      process.stdout.write(renderCheckList());
    });
  program
    .command('explain')
    .description('what a check tests, why it matters, and the baselines it compares with')
    .argument('<check-id>', 'a check id (leakcheck checks lists them)')
    .action((id: string) => {
      process.stdout.write(renderExplain(id));
    });
  program
    .command('profiles')
    .description('the known CoWin record formats and their fields')
    .action(() => {
      process.stdout.write(renderProfiles());
    });
  program
    .command('schema')
    .description('print the JSON Schema of the JSON report')
    .action(() => {
      process.stdout.write(`${JSON.stringify(REPORT_SCHEMA, null, 2)}\n`);
    });
  program
    .command('fingerprint')
    .description('write a privacy-preserving fingerprint of a sample (keyed hashes, no personal data)')
    .argument('<sample>', 'the sample file or folder')
    .option('-o, --output <file>', 'write the fingerprint to a file instead of standard output')
    .option('--key <key>', 'HMAC key (default: LEAKCHECK_KEY); keep it secret, comparisons need the same key')
    .option('-m, --map <column=field>', 'map a column onto a field (repeatable; field "-" unmaps)', collect, [])
    .option('--sketch-only', 'write counts and the similarity sketch only, not the hash sets')
    .option('--table <name>', 'the table of an SQL dump to read (default: the first with rows)')
    .option('-q, --quiet', 'print nothing but errors')
    .action(async (file: string, flags: FingerprintFlags) => {
      setExit(await runFingerprint(file, flags));
    });
  program
    .command('compare')
    .description('overlap between two samples or fingerprints: shared people, records and identifiers')
    .argument('<a>', 'a sample or fingerprint file')
    .argument('<b>', 'a sample or fingerprint file')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['terminal', 'json']).default('terminal'))
    .option('--key <key>', 'key of fingerprint files (default: LEAKCHECK_KEY)')
    .option('--table <name>', 'the table read from each side that is an SQL dump (default: the first with rows)')
    .action(async (a: string, b: string, flags: { format: 'terminal' | 'json'; key?: string; table?: string }) => {
      const kh = keyHashFor([a, b], keyFrom(flags.key));
      const read = { table: flags.table, tableIfDump: true };
      const sa = await loadSide(a, kh, read);
      const sb = await loadSide(b, kh, read);
      const c = compareFingerprints(sa.fingerprint, sb.fingerprint, sa.side, sb.side);
      process.stdout.write(flags.format === 'json' ? `${JSON.stringify(c, null, 2)}\n` : renderComparison(c));
      setExit(EXIT.ok);
    });
  return program;
}

/** Run the CLI; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  // A reader that stops early (`leakcheck analyze x | head`) closes the pipe: end quietly, not with a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') {
        try {
          process.stderr.write(`leakcheck: cannot write the output (${err.code ?? err.message})\n`);
        } catch {
          // stderr is gone too
        }
      }
      process.exit(err.code === 'EPIPE' ? (process.exitCode ?? code) : EXIT.internal);
    });
  }
  const program = buildProgram((c) => (code = c));
  const debug = argv.includes('--debug');
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Commander has already printed its message; help and version are not errors.
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof UsageError || err instanceof InputError) {
      process.stderr.write(`leakcheck: ${oneLine(err.message)}\n`);
      return EXIT.usage;
    }
    const e = err as Error;
    process.stderr.write(debug ? `${e.stack ?? e}\n` : `leakcheck: ${internalError(e)}\n`);
    return EXIT.internal;
  }
}

/** The line an unexpected error gets: running out of memory says what to do instead. */
export function internalError(e: Error): string {
  if (e instanceof RangeError && /Array buffer allocation failed|hash set too large/.test(e.message)) {
    return 'out of memory for the duplicate and id stores of a sample this large: rerun with --engine duckdb (keeps them on disk) or --limit <rows>';
  }
  return `internal error: ${oneLine(e.message ?? String(e))} (rerun with --debug for details)`;
}

/** One line of an error message: control characters (ANSI/OSC escapes from a file or column name) escaped, length capped. */
function oneLine(s: string): string {
  return safeText(s.replace(/[\r\n\t]+/g, ' '), 300);
}
