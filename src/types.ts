// The data that flows through the pipeline read -> normalize -> check -> score -> report.
import type { ShownDates } from './dates.js';

export type Category = 'structure' | 'schema' | 'consistency' | 'duplicates' | 'plausibility';
export type Severity = 'error' | 'warning' | 'info';
export type Status = 'pass' | 'warn' | 'fail' | 'skip';
export type Label = 'likely-genuine' | 'inconclusive' | 'likely-fabricated' | 'not-cowin';
export type Flag = 'enriched' | 'inflated' | 'recycled' | 'public-data';
export const LABELS: readonly Label[] = ['likely-genuine', 'inconclusive', 'likely-fabricated', 'not-cowin'];
export const FLAGS: readonly Flag[] = ['enriched', 'inflated', 'recycled', 'public-data'];

export type InputFormat = 'csv' | 'tsv' | 'fixed-width' | 'json' | 'ndjson' | 'text' | 'sql' | 'xlsx';

/** How a sample's records are read: JSON values, a delimited table, `key: value` text (src/ingest/text.ts), or an SQL dump's rows (src/ingest/sql.ts). */
export type SampleKind = 'json' | 'delimited' | 'text' | 'sql';

/** Each reading, named for messages. */
export const KIND_LABEL: Readonly<Record<SampleKind, string>> = { json: 'JSON', delimited: 'delimited text', text: 'key-value text', sql: 'an SQL dump' };

/** The reading a format takes. */
export function kindOf(format: InputFormat): SampleKind {
  return format === 'json' || format === 'ndjson' ? 'json' : format === 'text' || format === 'sql' ? format : 'delimited';
}

/** A value keyed by strings from the sample: never a plain object, so `__proto__` stays data. */
export type Dict<T> = Record<string, T>;
export function dict<T>(): Dict<T> {
  return Object.create(null) as Dict<T>;
}

/**
 * A problem found while reading the file itself (not its values): the structure checks turn these into
 * findings. `line` is the physical line, the header being line 1.
 */
export interface IngestIssue {
  code:
    | 'blank-row'
    | 'extra-cells'
    | 'missing-cells'
    | 'blank-header'
    | 'duplicate-header'
    | 'title-row'
    | 'delimiter-hint'
    | 'table-rule'
    | 'repeated-header'
    | 'unclosed-quote'
    | 'bad-quoting'
    | 'invalid-encoding'
    | 'double-encoded'
    | 'invalid-json'
    | 'not-a-record'
    | 'not-key-value'
    | 'wrapped-line'
    | 'other-table'
    | 'read-error'
    | 'truncated'
    | 'archive-member'
    | 'duplicate-key';
  line: number;
  /** 1-based record number, when the problem belongs to a record. */
  row?: number;
  column?: string;
  data?: Dict<string | number>;
}

/** One record as read, before mapping: column name -> raw text. */
export interface RawRecord {
  /** 1-based record number among the data records. */
  row: number;
  /** Physical line where the record starts (header = line 1); for JSON, the line it starts on. */
  line: number;
  /** Cell texts in column order (CSV) ... */
  cells?: string[];
  /** ... or values by column (JSON, flattened to dotted paths). */
  values?: Map<string, string>;
  /** Arrays of objects inside a JSON record (a beneficiary's appointments, a centre's sessions). */
  nested?: Map<string, Map<string, string>[]>;
}

/** A record mapped onto canonical fields. Values are the sample's text, trimmed. */
export interface SampleRecord {
  row: number;
  line: number;
  /**
   * Every mapped field is a property, undefined when its cells are empty (one object shape per sample, see
   * src/normalize/record.ts): test a value against undefined, and skip undefined ones when iterating.
   */
  fields: Dict<string>;
  nested?: Map<string, Map<string, string>[]>;
  /** What src/checks/support/record-facts.ts derived from the record, cached for every check that asks. */
  facts?: object;
  /**
   * Values rewritten on their way, as the sample has them, by field (the rewritten-values check reports them): an
   * identifier a spreadsheet wrote in scientific notation (`8.16486E+13`, its digits lost) is kept out of `fields`,
   * so no check judges digits the sample no longer has; a label translated into Hindi (`पुरुष`) or coded as a letter
   * (`M`) is in `fields` as CoWin's (`Male`).
   */
  rewritten?: Map<string, string>;
}

export interface InputInfo {
  path: string;
  format: InputFormat;
  encoding: string;
  compression: 'none' | 'gzip';
  bytes: number;
  rows: number;
  rowsSkipped: number;
  /**
   * SHA-256 of the input file as given (compressed, archive and all: what `sha256sum` prints), when it was read to
   * its end; not for a folder, nor a read stopped by --limit or --max-bytes.
   */
  sha256?: string;
  /**
   * The dates are a database's or a workbook's typed values (an SQL dump, MongoDB's `$date`s, an .xlsx's date
   * cells), written in ISO 8601 rather than the convention of the format the records otherwise match.
   */
  datesTyped?: boolean;
  delimiter?: string;
  lineEnding?: 'LF' | 'CRLF' | 'CR' | 'mixed';
  header?: boolean;
  columns: string[];
  /** A zip archive: its members and which were read (README, "Hostile input"). */
  archive?: ArchiveInfo;
}

/** What each kind of archive is called: in the reports' heading, in a sentence, and what its files are. */
export const ARCHIVE_NAMES: Readonly<Record<ArchiveInfo['format'], { title: string; phrase: string; files: string }>> = {
  zip: { title: 'Zip archive', phrase: 'a zip archive', files: 'files' },
  tar: { title: 'Tar archive', phrase: 'a tar archive', files: 'files' },
  folder: { title: 'Folder', phrase: 'a folder', files: 'files' },
  workbook: { title: 'Workbook', phrase: 'an Excel workbook', files: 'sheets' },
};

/** The members of an archive and what became of each. */
export interface ArchiveInfo {
  format: 'zip' | 'tar' | 'folder' | 'workbook';
  /** Entries in the archive (zip: its central directory; tar: the headers read), files and folders. */
  entries: number;
  /** Its files in the order they were considered (data files first), at most 100 listed. */
  members: ArchiveMember[];
  /** Files beyond those listed. */
  unlisted: number;
}

export interface ArchiveMember {
  /** The member's name, escaped (control characters shown as \\xNN). */
  name: string;
  /** Uncompressed size the archive declares. */
  bytes: number;
  status: 'read' | 'skipped';
  reason?: string;
  /** Record number of the member's first record, and how many records it gave. */
  firstRow?: number;
  rows?: number;
}

/** What exporting tools write for an empty value: SQL clients, MySQL's OUTFILE, Python, pandas, R, Excel, reports. */
export const NULL_MARKERS = ['NULL', 'null', 'Null', '\\N', 'None', 'NaN', 'nan', 'NA', 'N/A', 'n/a', '#N/A', '-'] as const;
export type NullMarker = (typeof NULL_MARKERS)[number];

export interface MappingEntry {
  column: string;
  field: string | null;
  source: 'header' | 'values' | 'option' | null;
  /**
   * A date column a spreadsheet re-typed (`5/6/2021`, `21-Jun-2021`) or a database wrote ISO 8601 in a format whose
   * dates are DD-MM-YYYY, read back as the days it names (src/dates.ts shownDates).
   */
  dates?: ShownDates;
  /**
   * A gender column written as letters (M, F, O, T) or as CoWin's gender ids (1, 2, 3) where its records write
   * words: read as CoWin's labels (src/normalize/record.ts GENDER_CODES).
   */
  labels?: 'letters' | 'ids';
  /** How the sample writes an empty value (a database's `NULL`, MySQL's `\N`, R's `NA`): read as empty (normalize/mapping.ts nullMarker). */
  nullMarker?: NullMarker;
}

export interface Example {
  row: number;
  line: number;
  field: string | null;
  value: string | null;
  message: string;
}

/** What a check hands to ctx.report(): data, rendered to text from meta.messages. */
export interface FindingInput {
  messageId: string;
  row?: number;
  line?: number;
  field?: string | null;
  value?: string | null;
  data?: Dict<string | number>;
}

export interface CheckMeta {
  id: string;
  category: Category;
  severity: Severity;
  description: string;
  /** messageId -> template with {{name}} placeholders filled from FindingInput.data. */
  messages: Dict<string>;
  /** Canonical fields the check reads; a check whose fields are all unmapped is skipped. */
  fields?: string[];
  /** Why it matters, baselines and sources, for `leakcheck explain`. */
  docs?: { why: string; baseline?: string; sources?: string[] };
}

export interface Profile {
  id: string;
  confidence: number;
}

export interface CheckContext {
  input: InputInfo;
  mapping: MappingEntry[];
  /** Canonical fields mapped to at least one column. */
  mapped: ReadonlySet<string>;
  issues: readonly IngestIssue[];
  profile: Profile | null;
  asOf: Date;
  /** `asOf` as a UTC day number (src/dates.ts). */
  asOfDay: number;
  options: Dict<unknown>;
  /**
   * Rows the whole sample is expected to hold, projected from how much of the file has been read; undefined
   * when its size is unknown (standard input, a zip archive). For sizing a per-key store once rather than
   * growing it step by step; never a count.
   */
  expectedRows(): number | undefined;
  /**
   * Count rows (or values) the check applies to (default 1). With `field`, the count also goes to that field's
   * line of the per-field breakdown (CheckResult.fields), whose violations come from findings' `field`.
   */
  applicable(n?: number, field?: string): void;
  /** Record one violation; the first few become examples. */
  report(finding: FindingInput): void;
}

export interface CheckRun {
  record(rec: SampleRecord): void;
  /** Structure problems met while reading, for the structure checks. */
  issue?(issue: IngestIssue): void;
  /** Called once after the last record; may return a one-line summary, or an outcome with flags. */
  finish(): string | CheckOutcome | void;
}

/** What a check concludes about the whole sample, beyond its counts. */
export interface CheckOutcome {
  /** One line for the report, with counts ("412 of 1,000 second doses ..."). */
  summary?: string;
  /** Verdict flags this check raises (`enriched`, `inflated`, `recycled`, `public-data`). */
  flags?: Flag[];
  /** Numbers the scoring model or the reports use (distribution shares, estimates). */
  data?: Dict<number | string>;
}

export interface Check {
  meta: CheckMeta;
  create(ctx: CheckContext): CheckRun;
}

export function defineCheck(check: Check): Check {
  return check;
}

export interface CheckResult {
  id: string;
  category: Category;
  severity: Severity;
  status: Status;
  applicable: number;
  violations: number;
  rate: number | null;
  summary: string;
  examples: Example[];
  /** Flags raised by this check. */
  flags?: Flag[];
  data?: Dict<number | string>;
  /** Per-field breakdown, for checks that count applicable values per field (see CheckContext.applicable). */
  fields?: FieldResult[];
}

/** One field's line in a check's per-field breakdown. */
export interface FieldResult {
  field: string;
  applicable: number;
  violations: number;
  rate: number | null;
}

export interface Verdict {
  label: Label;
  score: number;
  flags: Flag[];
  summary: string;
  /** The evidence behind the score, strongest first (src/evidence.ts). */
  contributions: Contribution[];
}

/** One check's weight in the verdict. */
export interface Contribution {
  /** The check. */
  id: string;
  /** Its correlation group: only the strongest check of a group is counted. */
  group: string;
  /** Weight of evidence in decibans (10 log10 of the likelihood ratio): positive for genuine, negative for fabricated. */
  weight: number;
  counted: boolean;
  /** The reason in plain words, with counts, rate and the genuine baseline. */
  text: string;
}

export interface Report {
  schemaVersion: 1;
  tool: { name: 'leakcheck'; version: string };
  input: InputInfo;
  mapping: MappingEntry[];
  profile: Profile | null;
  verdict: Verdict;
  checks: CheckResult[];
  timing: { seconds: number; rowsPerSecond: number };
}
