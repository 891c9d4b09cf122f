// The pipeline: read -> normalize -> check -> score -> report. No argv, stdout or exit codes here.
import { CHECKS } from './checks/index.js';
import { dayOf } from './dates.js';
import { detectProfile } from './detect-profile.js';
import { FIELD_BY_ID, fieldForHeader } from './fields.js';
import { projectRows, readSample, type ReadOptions } from './ingest/index.js';
import { createNormalizer, liftEvidence } from './normalize/record.js';
import { inferMapping, jsonColumns } from './normalize/mapping.js';
import { safeText, showValue } from './report/safe.js';
import { parallelRunner, singleRunner, startWorker, type Runner } from './parallel-checks.js';
import { duckdbRunner, loadDuckDB, type EngineId } from './engines/duckdb.js';
import { scoreSample } from './score.js';
import { dict, type Check, type CheckResult, type Dict, type Example, type IngestIssue, type InputInfo, type MappingEntry, type RawRecord, type Report, type SampleRecord } from './types.js';
import { VERSION } from './version.js';

/** Records read before the mapping is decided (value-based mapping looks at these). */
export const MAPPING_WINDOW = 500;

export interface AnalyzeOptions extends ReadOptions {
  /** `--map column=field` overrides. */
  map?: Map<string, string>;
  /** Stop after this many records. */
  limit?: number;
  /** Show personal values unmasked in examples. */
  reveal?: boolean;
  /** Date the sample is judged against (doses after it are impossible). */
  asOf?: Date;
  /** Checks to run (default: all). */
  checks?: readonly Check[];
  /** Called with the bytes read so far, and the sample's size when known, at most once per batch. */
  onProgress?: (bytes: number, size?: number) => void;
  /** Omit timings and absolute paths so reports can be diffed. */
  deterministic?: boolean;
  /** Use this profile (src/profiles.ts) instead of detecting one (`--profile`); its fit is still measured. */
  profile?: string;
  /** Passed to the checks as ctx.options (e.g. `against`, the references of the overlap-known check). */
  checkOptions?: Record<string, unknown>;
  /** Where the cross-record checks keep their per-key state: `memory` (default) or `duckdb` (src/engines/duckdb.ts). */
  engine?: EngineId;
  /**
   * Told every finding, as reports show them (values masked unless `reveal`), as the checks report them (`--findings`).
   * The checks then run on one thread: a worker's findings would have to be shipped back one by one.
   */
  onFinding?: (check: string, finding: Example) => void;
}

/** Analyse one sample and build its report. Throws InputError or UsageError for unusable input. */
export async function analyze(path: string, opts: AnalyzeOptions = {}): Promise<Report> {
  const started = process.hrtime.bigint();
  const pending: IngestIssue[] = [];
  let deliver: (issue: IngestIssue) => void = (i) => pending.push(i);
  // --engine duckdb: the optional package loads first, so a missing one fails before any reading.
  const duckdb = opts.engine === 'duckdb' ? await loadDuckDB() : undefined;
  // Large files use both cores: a worker thread runs part of the checks (src/parallel-checks.ts). Started
  // first, it loads its modules while this thread reads the head.
  const worker = opts.onFinding ? null : startWorker(path, opts);
  // This read, not the worker's, takes the file's SHA-256 for the report.
  const sample = await readSample(path, (i) => deliver(i), { ...opts, digest: true }).catch((err: unknown) => {
    worker?.stop();
    throw err;
  });

  const issueCounts = new Map<string, number>();
  const countIssue = (i: IngestIssue): void => {
    if (i.code === 'blank-row' || i.code === 'not-a-record' || i.code === 'not-key-value' || i.code === 'invalid-json' || i.code === 'unclosed-quote' || i.code === 'repeated-header') {
      issueCounts.set('skipped', (issueCounts.get('skipped') ?? 0) + 1);
    }
  };

  const limit = opts.limit ?? Infinity;
  const window: RawRecord[] = [];
  const it = sample.batches;
  let done = false;
  while (window.length < Math.min(MAPPING_WINDOW, limit)) {
    const next = await it.next();
    if (next.done) {
      done = true;
      break;
    }
    for (const raw of next.value) window.push(raw);
  }
  for (const raw of window) liftEvidence(raw);
  const columns = sample.columns().length ? sample.columns() : jsonColumns(window);
  // The profile is decided on the mapping and the window; its own meaning of generic keys (a centre's `name`)
  // then refines the mapping the checks see.
  const detection = detectProfile(inferMapping(columns, window, opts.map ?? new Map()), window, { force: opts.profile });
  const mapping: MappingEntry[] = detection.mapping;
  const profile = detection.profile;

  const input: InputInfo = {
    // A file name is sample-derived too (a zip member's, or one chosen by whoever shared it): escaped.
    path: safeText(opts.deterministic ? path.split(/[\\/]/).pop()! : path, 4096),
    format: sample.format(),
    encoding: sample.encoding,
    compression: sample.compression,
    bytes: 0,
    rows: 0,
    rowsSkipped: 0,
    columns,
  };
  if (input.format === 'sql' || sample.datesTyped?.()) input.datesTyped = true;
  if (sample.delimiter) input.delimiter = sample.delimiter;
  if (sample.lineEnding) input.lineEnding = sample.lineEnding;
  const header = sample.header();
  if (header !== undefined) input.header = header;

  const issues: IngestIssue[] = [];
  const asOf = opts.asOf ?? new Date();
  let rows = 0;
  const base = {
    input,
    mapping,
    mapped: new Set(mapping.map((m) => m.field).filter((f): f is string => !!f)),
    issues,
    profile,
    asOf,
    asOfDay: dayOf(asOf),
    options: Object.assign(Object.create(null), opts.checkOptions),
    expectedRows: () => projectRows(sample, rows, limit),
    onFinding: opts.onFinding && ((check: string, e: Example) => opts.onFinding!(check, presentExample(e, opts.reveal ?? false))),
  };
  const memoryRunner = (checks: readonly Check[]): Runner =>
    worker
      ? parallelRunner(worker, checks, base, { path, opts, limit, ended: done, rows: projectRows(sample, window.length, limit) })
      : singleRunner(checks, base);
  const runner = duckdb
    ? await duckdbRunner(duckdb, opts.checks ?? CHECKS, base, memoryRunner).catch((err: unknown) => {
        worker?.stop();
        throw err;
      })
    : memoryRunner(opts.checks ?? CHECKS);
  deliver = (i) => {
    countIssue(i);
    if (issues.length < 1000) issues.push(i);
    runner.issue(i);
  };
  for (const i of pending) deliver(i);

  const normalize = createNormalizer(mapping, profile?.id);
  const consume = (batch: RawRecord[]): boolean => {
    const recs: SampleRecord[] = [];
    for (const raw of batch) {
      if (rows >= limit) break;
      rows++;
      recs.push(normalize(liftEvidence(raw)));
    }
    runner.records(recs);
    return rows < limit;
  };
  let more = consume(window);
  window.length = 0;
  while (more && !done) {
    const next = await it.next();
    if (next.done) break;
    more = consume(next.value);
    await runner.flush();
    opts.onProgress?.(sample.bytes(), sample.size);
  }
  if (!more) await it.return(undefined);
  input.rows = rows;
  input.rowsSkipped = issueCounts.get('skipped') ?? 0;
  input.bytes = sample.bytes();
  const sha256 = await sample.sha256?.();
  if (sha256) input.sha256 = sha256;
  input.format = sample.format();
  input.encoding = sample.encoding;
  if (sample.archive) input.archive = sample.archive();

  const checks = (await runner.finish()).map((c) => presentResult(c, opts.reveal ?? false));
  const verdict = scoreSample({ mapping, checks, profile, rows, metas: new Map((opts.checks ?? CHECKS).map((c) => [c.meta.id, c.meta])) });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    schemaVersion: 1,
    tool: { name: 'leakcheck', version: VERSION },
    input: { ...input, columns: input.columns.map((c) => safeText(c)) },
    mapping: mapping.map((m) => ({ ...m, column: safeText(m.column) })),
    profile,
    verdict,
    checks,
    timing: opts.deterministic
      ? { seconds: 0, rowsPerSecond: 0 }
      : { seconds: Math.round(seconds * 1000) / 1000, rowsPerSecond: seconds > 0 ? Math.round(rows / seconds) : 0 },
  };
}

/**
 * The canonical field whose masking rule applies to a finding's field: itself, or for a value inside a nested
 * array (`appointments.appointment_id`, `evidence.verifier.name`) the field its key names, read leniently so a
 * value is masked rather than shown when in doubt.
 */
function maskingField(field: string | null): string | null {
  if (field === null || FIELD_BY_ID.has(field)) return field;
  const dot = field.indexOf('.');
  if (dot < 0) return field;
  const inner = field.slice(dot + 1);
  return fieldForHeader(inner) ?? fieldForHeader(inner.slice(inner.lastIndexOf('.') + 1)) ?? field;
}

/**
 * Longest check summary kept. A summary is the check's own sentence (policy rules cite their source URL in it);
 * sample values inside it are capped where they are written. The cap only bounds a runaway summary.
 */
const MAX_SUMMARY = 1200;

/** An example as reports show it: field and message escaped, the value masked unless `reveal`. */
function presentExample(e: Example, reveal: boolean): Example {
  return {
    ...e,
    field: e.field === null ? null : safeText(e.field, 200),
    value: e.value === null ? null : showValue(maskingField(e.field), e.value, reveal),
    message: safeText(e.message, 400),
  };
}

/** Mask and escape what a check result carries from the sample. */
function presentResult(c: CheckResult, reveal: boolean): CheckResult {
  return {
    ...c,
    summary: safeText(c.summary, MAX_SUMMARY),
    examples: c.examples.map((e) => presentExample(e, reveal)),
    ...(c.fields ? { fields: c.fields.map((f) => ({ ...f, field: safeText(f.field, 200) })) } : {}),
    ...(c.data ? { data: escapeData(c.data) } : {}),
  };
}

/** A check's data with its strings escaped (keys and values may come from the sample). */
function escapeData(data: Dict<number | string>): Dict<number | string> {
  const out = dict<number | string>();
  for (const [k, v] of Object.entries(data)) out[safeText(k, 200)] = typeof v === 'string' ? safeText(v, 400) : v;
  return out;
}
