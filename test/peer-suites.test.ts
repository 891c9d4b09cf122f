// The peer suites (Frictionless, csvlint, csv-spectrum) run through leakcheck's real reading path.
// Data and expected outcomes live in test/peer/ (see test/peer/README.md and each SOURCES.md).
// Every entry of every expected-outcome file becomes a test. Where leakcheck deliberately differs,
// DIFFERENCES says why and what leakcheck does instead, and that is asserted in place of the peer's
// expectation; nothing is skipped.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { readSample, type ReadOptions } from '../src/ingest/index.js';
import type { IngestIssue, RawRecord } from '../src/types.js';

const PEER = join(dirname(fileURLToPath(import.meta.url)), 'peer');
const load = <T>(rel: string): T => JSON.parse(readFileSync(join(PEER, rel), 'utf8')) as T;

// ---------------------------------------------------------------------------------------------
// Reading a file the way leakcheck does

interface Read {
  issues: IngestIssue[];
  records: RawRecord[];
  columns: string[];
  header: boolean | undefined;
  delimiter?: string;
  lineEnding?: string;
}

async function read(path: string, opts: ReadOptions = {}): Promise<Read> {
  const issues: IngestIssue[] = [];
  const sample = await readSample(path, (i) => issues.push(i), opts);
  const records: RawRecord[] = [];
  for await (const batch of sample.batches) records.push(...batch);
  return {
    issues,
    records,
    columns: sample.columns(),
    header: sample.header(),
    delimiter: sample.delimiter,
    lineEnding: sample.lineEnding,
  };
}

async function readOrReject(path: string, opts: ReadOptions = {}): Promise<Read | InputError> {
  try {
    return await read(path, opts);
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
}

/** Records as objects keyed by column, every value text. */
function rowObjects(r: Read): Record<string, string>[] {
  return r.records.map((rec) => {
    const o: Record<string, string> = {};
    r.columns.forEach((c, i) => (o[c] = rec.cells?.[i] ?? ''));
    return o;
  });
}

// ---------------------------------------------------------------------------------------------
// Problems in a common notation: `code@line` or `code@line:field`. Row-shape issues are expanded to
// one problem per extra or missing cell, as Frictionless reports them; header issues carry their
// position (Frictionless's fieldNumber).

function cellLevel(issue: IngestIssue): string[] {
  const at = `${issue.code}@${issue.line}`;
  const d = issue.data ?? {};
  if (issue.code === 'blank-header' || issue.code === 'duplicate-header') return [`${at}:${d.position}`];
  if (issue.code === 'extra-cells' || issue.code === 'missing-cells') {
    const [from, to] = [Number(d.expected), Number(d.actual)].sort((a, b) => a - b);
    const out: string[] = [];
    for (let f = from + 1; f <= to; f++) out.push(`${at}:${f}`);
    return out;
  }
  return [at];
}

/** Sort problems the way a peer reports them: by line, then field (a problem without one last). */
function byPosition(list: string[]): string[] {
  const key = (p: string): [number, number] => {
    const [, pos] = p.split('@');
    const [line, field] = pos.split(':');
    return [Number(line), field === undefined ? Infinity : Number(field)];
  };
  return [...list].sort((a, b) => {
    const [la, fa] = key(a);
    const [lb, fb] = key(b);
    return la - lb || fa - fb || (a < b ? -1 : a > b ? 1 : 0);
  });
}

const problems = (r: Read): string[] => byPosition(r.issues.flatMap(cellLevel));

/** Physical lines (LF, CRLF or CR ends), without their ends. */
function physicalLines(bytes: Buffer): string[] {
  return bytes.toString('latin1').split(/\r\n|\n|\r/);
}

/** The first physical line that is not valid UTF-8, found with a strict decoder (not leakcheck's). */
function firstNonUtf8Line(path: string): number {
  const bytes = readFileSync(path);
  const strict = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    const c = bytes[i];
    if (i === bytes.length || c === 10 || c === 13) {
      try {
        strict.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      if (c === 13 && bytes[i + 1] === 10) i++;
      line++;
      start = i + 1;
    }
  }
  throw new Error(`${path} is valid UTF-8`);
}

// ---------------------------------------------------------------------------------------------
// Where leakcheck deliberately differs. Keyed by entry id (`suite: file [tool] {options}`), since
// one file can carry several peers' verdicts. `instead` is asserted in place of the peer's outcome.

interface Instead {
  /** The sample is refused as input (InputError) with a message matching this. */
  rejects?: RegExp;
  /** Exactly these problems (cellLevel notation), any order. */
  problems?: string[];
  /** The first problems in line order (for long real-world files). */
  first?: string[];
  header?: boolean;
  columns?: string[];
  /** Data records' cells, and the physical line each starts on. */
  rows?: string[][];
  lines?: number[];
  delimiter?: string;
  lineEnding?: string;
}

interface Difference {
  reason: string;
  instead: Instead;
}

const DIFFERENCES: Record<string, Difference> = {
  // --- Frictionless and goodtables -------------------------------------------------------------
  'frictionless: data/empty.csv [frictionless-py] {}': {
    reason:
      'A 0-byte file has nothing to analyse: leakcheck refuses it as input (InputError, exit 2) rather than ' +
      'reporting a structure finding; frictionless-py reports source-error ("the source is empty").',
    instead: { rejects: /is empty/ },
  },
  'frictionless: data/empty.csv [goodtables-py] {}': {
    reason: 'goodtables accepts a 0-byte file with 0 errors and 0 rows (frictionless-py does not); leakcheck refuses it as input.',
    instead: { rejects: /is empty/ },
  },
  'frictionless: data/invalid.csv [goodtables-py] {"infer_schema":true}': {
    reason:
      'Peers disagree on row 3 ("1,english", a repeat of row 2): goodtables runs duplicate-row by default and then ' +
      'reports no missing-value for it; frictionless-py reports its two missing cells. leakcheck sides with ' +
      'frictionless-py (duplicates are judged by the duplicates checks, not while reading), so row 3 has missing cells.',
    instead: {
      problems: [
        'blank-header@1:3', 'duplicate-header@1:4', 'missing-cells@2:3', 'missing-cells@2:4',
        'missing-cells@3:3', 'missing-cells@3:4', 'blank-row@4', 'extra-cells@5:5',
      ],
    },
  },
  'frictionless: data/invalid.csv [goodtables-py] {}': {
    reason:
      'goodtables counts 7 errors: its default duplicate-row (row 3) instead of the two missing values of row 3. ' +
      'leakcheck reports the 8 cell-level structure problems frictionless-py lists for the same bytes.',
    instead: {
      problems: [
        'blank-header@1:3', 'duplicate-header@1:4', 'missing-cells@2:3', 'missing-cells@2:4',
        'missing-cells@3:3', 'missing-cells@3:4', 'blank-row@4', 'extra-cells@5:5',
      ],
    },
  },
  'frictionless: data/without-headers-extra.csv [goodtables-py] {"headers":null}': {
    reason:
      'With headers=None goodtables has no labels and reports two blank headers. leakcheck sees that the first ' +
      'row ("1,english") is data, names the columns column_1..n and reports no header problem; the extra value ' +
      'on line 3 (and the 3 rows) agree.',
    instead: { header: false, columns: ['column_1', 'column_2'], problems: ['extra-cells@3:3'], lines: [1, 2, 3] },
  },
  'frictionless: data/goodtables/jungle/gla-250-report-2014-15-P07.csv [goodtables-py] {"error_limit":1}': {
    reason:
      'Line 1 is all empty cells. goodtables takes it as the header (blank-header at field 1); leakcheck reports ' +
      'blank lines above the header as blank rows and takes the first line with content (line 2) as the header, ' +
      'whose first cell is blank too.',
    instead: { header: true, first: ['blank-row@1', 'blank-header@2:1', 'blank-header@2:3'] },
  },
  'frictionless: data/goodtables/jungle/gla-250-report-2014-15-P08.csv [goodtables-py] {"error_limit":1}': {
    reason:
      'Line 1 is all empty cells (a blank row for leakcheck) and line 2 is a title row holding a number ' +
      '("53,577,468.86"), so header detection reads the file as headerless: no labels, hence no blank header. ' +
      'The non-UTF-8 pound sign (0xA3) on line 2 is reported as invalid-encoding.',
    instead: { header: false, first: ['blank-row@1', 'invalid-encoding@2', 'blank-row@7'] },
  },
  'frictionless-read: data/escaping.csv {"escape_char":"\\\\"}': {
    reason:
      'Needs a non-default escape char (backslash), which leakcheck does not take. Also a space comes before each ' +
      'opening quote: by RFC 4180 (and csv-parse) that field is unquoted, so leakcheck keeps its text as it is and ' +
      'reports bad-quoting on each line, as csvlint reports "whitespace". The header agrees (labels are trimmed).',
    instead: {
      columns: ['ID', 'Test'],
      rows: [['1', ' "Test line 1"'], ['2', ' "Test "" line 2"'], ['3', ' "Test \\" line 3"']],
      problems: ['bad-quoting@2', 'bad-quoting@3', 'bad-quoting@4'],
    },
  },

  // --- csvlint ----------------------------------------------------------------------------------
  'csvlint: fixtures/spreadsheet.xls {}': {
    reason:
      'An Excel .xls is a binary OLE file, not text with a bad encoding: leakcheck refuses it as input by its ' +
      'magic bytes (csvlint reports invalid_encoding).',
    instead: { rejects: /Microsoft Office \(OLE\)/ },
  },
  'csvlint: fixtures/cr-line-endings.csv {"lineTerminator":"\\n"}': {
    reason:
      'The caller declares LF; leakcheck takes no line-terminator option: it reads CR, LF and CRLF alike and ' +
      'records the style in input.lineEnding. The CR-only file reads into its three lines.',
    instead: { problems: [], lineEnding: 'CR', rows: [['Biff', 'Baff', 'Boff'], ['Qux', 'Teaspoon', 'Doge']], lines: [2, 3] },
  },
  'csvlint: fixtures/inconsistent-line-endings.csv {}': {
    reason:
      'Mixed line ends are not a structure issue in leakcheck (IngestIssue has no such code): every CR, LF or CRLF ' +
      'ends a record, as in Python\'s csv module (Frictionless), and input.lineEnding says "mixed".',
    instead: { problems: [], lineEnding: 'mixed', rows: [['Biff', 'Baff', 'Boff'], ['Qux', 'Teaspoon', 'Doge']], lines: [2, 3] },
  },
  'csvlint: fixtures/inconsistent-line-endings-unquoted.csv {}': {
    reason: 'As for inconsistent-line-endings.csv: read record by record, reported as input.lineEnding "mixed".',
    instead: { problems: [], lineEnding: 'mixed', rows: [['Biff', 'Baff', 'Boff'], ['Qux', 'Teaspoon', 'Doge']], lines: [2, 3] },
  },
  'csvlint: inline/spec-one-row-lf.csv {"lineTerminator":"\\r\\n"}': {
    reason: 'The caller declares CRLF; leakcheck takes no line-terminator option and reads the LF line.',
    instead: { problems: [], lineEnding: 'LF', header: true, columns: ['a', 'b', 'c'] },
  },
  'csvlint: inline/semicolon-single-quote.csv {"delimiter":",","quoteChar":"\\""}': {
    reason:
      'csvlint is told the delimiter is "," and warns (check_options) that the file then has one column. ' +
      'leakcheck sniffs the delimiter from the content instead of taking it as an option: ";" and three columns.',
    instead: { problems: [], delimiter: ';', columns: ["'Foo'", "'Bar'", "'Baz'"] },
  },
  'csvlint: inline/spec-whitespace-and-inconsistent.csv {}': {
    reason:
      'The whitespace error agrees (bad-quoting on line 5). The inconsistent_values warning ("two" in a numeric ' +
      'column) judges values, not structure: leakcheck\'s value checks work on mapped CoWin fields.',
    instead: { problems: ['bad-quoting@5'], header: true, lines: [2, 3, 4, 5] },
  },
  'csvlint: inline/spec-numbers-only.csv {}': {
    reason:
      'Told nothing, csvlint assumes a header row (info assumed_header). leakcheck decides from the content: ' +
      '"1,2,3" is data, so the file is headerless with one record. Both call it valid.',
    instead: { problems: [], header: false, columns: ['column_1', 'column_2', 'column_3'], rows: [['1', '2', '3']], lines: [1] },
  },
  'csvlint: inline/spec-unclosed-open-quote.csv {}': {
    reason:
      'csvlint reports unclosed_quote. The six quotes of "a,"b","c" balance: the field "a," is closed and text ' +
      'follows it, so leakcheck reports bad-quoting ("text after a closing quote") on line 1 rather than a quote ' +
      'left open to the end of the file; both codes are findings of the same quoting check.',
    instead: { problems: ['bad-quoting@1'] },
  },
};

/** Peer data that is wrong, and the correction applied (asserted, so a fixed peer file shows up). */
const PEER_DEFECTS = {
  'csv-spectrum: location_coordinates.csv': {
    reason:
      'json/location_coordinates.json is a single object, not an array (max-mapper/csv-spectrum#22), and its phone ' +
      'number 1234567890 is not the CSV\'s 2095257564 (csv-spectrum#20). Compared as [object] with the CSV\'s number.',
    field: 'Contact Phone Number',
    peerValue: '1234567890',
    fileValue: '2095257564',
  },
};

const used = new Set<string>();
function difference(id: string): Difference | undefined {
  const d = DIFFERENCES[id];
  if (d) used.add(id);
  return d;
}

async function assertInstead(path: string, d: Difference, opts: ReadOptions = {}): Promise<void> {
  expect(d.reason.length).toBeGreaterThan(20);
  const r = await readOrReject(path, opts);
  const i = d.instead;
  if (i.rejects) {
    expect(r).toBeInstanceOf(InputError);
    expect((r as InputError).message).toMatch(i.rejects);
    return;
  }
  if (r instanceof InputError) throw r;
  if (i.problems) expect(problems(r).sort()).toEqual([...i.problems].sort());
  if (i.first) expect(problems(r).slice(0, i.first.length)).toEqual(i.first);
  if (i.header !== undefined) expect(r.header).toBe(i.header);
  if (i.columns) expect(r.columns).toEqual(i.columns);
  if (i.rows) expect(r.records.map((x) => x.cells)).toEqual(i.rows);
  if (i.lines) expect(r.records.map((x) => x.line)).toEqual(i.lines);
  if (i.delimiter) expect(r.delimiter).toBe(i.delimiter);
  if (i.lineEnding) expect(r.lineEnding).toBe(i.lineEnding);
}

// ---------------------------------------------------------------------------------------------
// Frictionless (frictionless-py v5 and goodtables-py)

interface PeerError {
  type: string;
  rowNumber?: number | null;
  fieldNumber?: number | null;
  note?: string;
}

interface FrictionlessEntry {
  file: string;
  tool: string;
  options: Record<string, unknown>;
  assertion: 'exact' | 'first-n' | 'counts' | 'types-only';
  errors?: PeerError[];
  errorCounts?: Record<string, number>;
  totalErrors?: number;
  rowCount?: number;
  rowsChecked?: number;
}

/** The README's mapping from the peers' error types to leakcheck's issue codes. */
const FRICTIONLESS_KIND: Record<string, IngestIssue['code']> = {
  'blank-label': 'blank-header', // frictionless-py v5
  'blank-header': 'blank-header', // goodtables, frictionless v3
  'duplicate-label': 'duplicate-header',
  'duplicate-header': 'duplicate-header',
  'extra-cell': 'extra-cells',
  'extra-value': 'extra-cells',
  'missing-cell': 'missing-cells',
  'missing-value': 'missing-cells',
  'blank-row': 'blank-row',
  'encoding-error': 'invalid-encoding',
};

/** Peer error types about values or schemas, not the file's structure: not leakcheck structure issues. */
const NOT_STRUCTURAL: Record<string, string> = {
  'duplicate-row': 'a repeated record: leakcheck judges duplicates in its duplicates checks, not while reading',
  'non-matching-header': 'labels compared with a schema (goodtables infer_schema)',
  'primary-key': 'a constraint of the data package schema',
  'type-error': 'a value that does not fit the inferred column type (schema inference)',
};

const structural = (e: PeerError): boolean => {
  if (e.type in NOT_STRUCTURAL) return false;
  if (!(e.type in FRICTIONLESS_KIND)) throw new Error(`unmapped peer error type ${e.type}: add it to a table`);
  return true;
};

function expectedProblem(e: PeerError, path: string): string {
  const code = FRICTIONLESS_KIND[e.type];
  // rowNumber: null is the header (line 1) for header errors; the encoding error has no row, so its
  // line is the first line a strict UTF-8 decoder rejects. For the other row-numbered errors the
  // README notes rowNumber equals the physical line (no fixture with them contains a quote).
  const line =
    code === 'invalid-encoding' ? firstNonUtf8Line(path) : code === 'blank-header' || code === 'duplicate-header' ? 1 : e.rowNumber;
  if (typeof line !== 'number') throw new Error(`no row for ${e.type}`);
  return e.fieldNumber == null ? `${code}@${line}` : `${code}@${line}:${e.fieldNumber}`;
}

/** Peer options leakcheck honours, and how; any other option fails the test until it is handled here. */
function frictionlessOptions(e: FrictionlessEntry, r: () => Read): { opts: ReadOptions; rowLimit?: number; after: () => void } {
  const opts: ReadOptions = {};
  let rowLimit: number | undefined;
  const checks: (() => void)[] = [];
  for (const [key, value] of Object.entries(e.options)) {
    switch (key) {
      case 'header': // header:false is leakcheck's --no-header
        opts.header = value as boolean;
        break;
      case 'delimiter': // leakcheck sniffs it; it must find the one the peer was told
        checks.push(() => expect(r().delimiter).toBe(value));
        break;
      case 'encoding': // utf-8: leakcheck always reads UTF-8 first, so forcing it changes nothing
        expect(value).toBe('utf-8');
        break;
      case 'limit_errors':
      case 'error_limit': // handled by the first-n assertion
        break;
      case 'row_limit': // the peer reads only rows 1..row_limit (header = row 1): compare problems up to that line
        rowLimit = value as number;
        break;
      case 'checks': // opt-in peer checks: duplicate-row (not structural) or goodtables' "structure" (ours)
      case 'infer_schema': // schema-level errors are NOT_STRUCTURAL; the structural ones are compared
      case 'schema':
      case 'package':
        break;
      default:
        throw new Error(`peer option ${key} is not handled`);
    }
  }
  return { opts, rowLimit, after: () => checks.forEach((c) => c()) };
}

const frictionless = load<FrictionlessEntry[]>('frictionless/expected.json');
const frictionlessId = (e: FrictionlessEntry): string => `frictionless: ${e.file} [${e.tool}] ${JSON.stringify(e.options)}`;

describe('Frictionless expected.json', () => {
  it('has the 47 entries the README lists', () => expect(frictionless).toHaveLength(47));

  for (const e of frictionless) {
    const id = frictionlessId(e);
    const path = join(PEER, 'frictionless', e.file);
    const diff = difference(id);
    if (diff) {
      it(`${id}: differs (${diff.reason.slice(0, 60)}...)`, () => assertInstead(path, diff));
      continue;
    }
    it(id, async () => {
      let result: Read | undefined;
      const { opts, rowLimit, after } = frictionlessOptions(e, () => result!);
      const r = await read(path, opts);
      result = r;
      after();
      const ours = problems(r).filter((p) => rowLimit === undefined || Number(p.split('@')[1].split(':')[0]) <= rowLimit);
      const errors = e.errors ?? [];
      const expected = byPosition(errors.filter(structural).map((x) => expectedProblem(x, path)));
      switch (e.assertion) {
        case 'exact':
          // The whole report: every structural problem, none more (none at all for a valid file).
          expect([...ours].sort()).toEqual([...expected].sort());
          break;
        case 'first-n':
          // An error limit cut the report: the listed errors are the first ones in row order.
          expect(ours.slice(0, expected.length)).toEqual(expected);
          break;
        case 'counts': {
          const limited = e.options.limit_errors as number | undefined;
          const considered = limited === undefined ? ours : ours.slice(0, limited);
          const counts: Record<string, number> = {};
          for (const p of considered) counts[p.split('@')[0]] = (counts[p.split('@')[0]] ?? 0) + 1;
          const want: Record<string, number> = {};
          let notStructural = 0;
          for (const [type, n] of Object.entries(e.errorCounts ?? {})) {
            if (!structural({ type })) notStructural += n;
            else want[FRICTIONLESS_KIND[type]] = (want[FRICTIONLESS_KIND[type]] ?? 0) + n;
          }
          expect(counts).toEqual(want);
          if (e.totalErrors !== undefined) expect(considered.length).toBe(e.totalErrors - notStructural);
          // The listed errors (recorded CLI output) as an exact report.
          if (e.errors && limited === undefined) expect([...ours].sort()).toEqual([...expected].sort());
          // "Rows Checked": the error limit was reached on that data row.
          if (e.rowsChecked !== undefined) {
            const last = r.issues.find((i) => cellLevel(i).includes(considered[considered.length - 1]));
            expect(last?.row).toBe(e.rowsChecked);
          }
          break;
        }
        case 'types-only':
          expect(ours.map((p) => p.split('@')[0])).toEqual(errors.filter(structural).map((x) => FRICTIONLESS_KIND[x.type]));
          break;
      }
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Frictionless expected-read.json: the header and rows a parser yields

interface ReadEntry {
  file: string;
  options: Record<string, unknown>;
  header?: string[];
  rows?: Record<string, unknown>[];
  headerLength?: number;
  everyRowLength?: number;
}

const frictionlessRead = load<ReadEntry[]>('frictionless/expected-read.json');

describe('Frictionless expected-read.json', () => {
  it('has the 8 entries the README lists', () => expect(frictionlessRead).toHaveLength(8));

  for (const e of frictionlessRead) {
    const id = `frictionless-read: ${e.file} ${JSON.stringify(e.options)}`;
    const path = join(PEER, 'frictionless', e.file);
    const diff = difference(id);
    if (diff) {
      it(`${id}: differs (${diff.reason.slice(0, 60)}...)`, () => assertInstead(path, diff));
      continue;
    }
    it(id, async () => {
      for (const [key, value] of Object.entries(e.options)) {
        // skip_blank_rows: leakcheck always leaves blank rows out of the records (and reports them).
        // encoding latin1: leakcheck reads invalid UTF-8 bytes as Windows-1252, which agrees with
        // Latin-1 for 0xA0-0xFF (the file's 0xA9 is the copyright sign either way).
        if (key === 'skip_blank_rows') expect(value).toBe(true);
        else if (key === 'encoding') expect(value).toBe('latin1');
        else throw new Error(`peer option ${key} is not handled`);
      }
      const r = await read(path);
      expect(r.header).toBe(true);
      if (e.header) expect(r.columns).toEqual(e.header);
      if (e.rows) {
        // Typed values (1) are frictionless's inference: compare as text.
        const want = e.rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, String(v)])));
        expect(rowObjects(r)).toEqual(want);
      }
      if (e.headerLength !== undefined) expect(r.columns).toHaveLength(e.headerLength);
      if (e.everyRowLength !== undefined) {
        expect(r.records.length).toBeGreaterThan(0);
        for (const rec of r.records) expect(rec.cells).toHaveLength(e.everyRowLength);
      }
    });
  }
});

// ---------------------------------------------------------------------------------------------
// csvlint

interface LintMessage {
  type?: string;
  rowNumber?: number;
  content?: string;
}

interface LintEntry {
  file: string;
  options: Record<string, unknown>;
  valid?: boolean;
  errorCount?: number;
  warningCount?: number;
  infoCount?: number;
  errors?: LintMessage[];
  warnings?: LintMessage[];
  info?: LintMessage[];
  rows?: string[][];
  rowLines?: number[];
  rowCount?: number;
}

/** leakcheck codes in csvlint's error class, and in its warning class (the README's mapping). */
const LINT_ERROR_CODES = new Set<IngestIssue['code']>([
  'extra-cells', 'missing-cells', 'blank-row', 'unclosed-quote', 'bad-quoting', 'invalid-encoding',
]);
// repeated-header has no csvlint counterpart: csvlint reads a row equal to the header as data (two of its
// fixtures end with one, valid for it); leakcheck warns (two exports joined?) and skips the row.
const LINT_WARNING_CODES = new Set<IngestIssue['code']>(['blank-header', 'duplicate-header', 'title-row', 'repeated-header']);

function lintKind(m: LintMessage, path: string): (code: IngestIssue['code']) => boolean {
  switch (m.type) {
    case undefined:
      return () => true;
    case 'ragged_rows': {
      // A longer row is extra cells, a shorter one missing cells: count the content's cells against the header's.
      if (m.content === undefined) return (c) => c === 'extra-cells' || c === 'missing-cells';
      const cellsIn = (line: string) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).length;
      const header = cellsIn(physicalLines(readFileSync(path))[0]);
      const code = cellsIn(m.content) > header ? 'extra-cells' : 'missing-cells';
      return (c) => c === code;
    }
    case 'blank_rows':
      return (c) => c === 'blank-row';
    case 'unclosed_quote':
      return (c) => c === 'unclosed-quote';
    case 'whitespace':
      return (c) => c === 'bad-quoting';
    case 'invalid_encoding':
      return (c) => c === 'invalid-encoding';
    case 'empty_column_name':
      return (c) => c === 'blank-header';
    case 'duplicate_column_name':
      return (c) => c === 'duplicate-header';
    case 'title_row':
      return (c) => c === 'title-row';
    default:
      throw new Error(`csvlint type ${m.type} has no leakcheck counterpart: list the entry in DIFFERENCES`);
  }
}

/** The first messages csvlint asserts, matched in line order against leakcheck's issues of that class. */
function expectMessages(listed: LintMessage[] | undefined, ours: IngestIssue[], path: string): void {
  if (!listed) return;
  const lines = physicalLines(readFileSync(path));
  expect(ours.length).toBeGreaterThanOrEqual(listed.length);
  listed.forEach((m, i) => {
    const issue = ours[i];
    expect(lintKind(m, path)(issue.code), `${m.type} vs ${issue.code}`).toBe(true);
    if (m.rowNumber !== undefined) expect(issue.line).toBe(m.rowNumber);
    if (m.type === 'invalid_encoding') expect(issue.line).toBe(firstNonUtf8Line(path));
    // csvlint's content is the raw line: it must be the physical line leakcheck names.
    if (m.content !== undefined) expect(lines[issue.line - 1]).toBe(m.content.replace(/\r?\n$/, ''));
  });
}

const lint = load<LintEntry[]>('csvlint/expected.json');
const lintId = (e: LintEntry): string => `csvlint: ${e.file} ${JSON.stringify(e.options)}`;

describe('csvlint expected.json', () => {
  it('has the 45 entries the README lists', () => expect(lint).toHaveLength(45));

  for (const e of lint) {
    const id = lintId(e);
    const path = join(PEER, 'csvlint', e.file);
    const diff = difference(id);
    if (diff) {
      it(`${id}: differs (${diff.reason.slice(0, 60)}...)`, () => assertInstead(path, diff, e.options.header === undefined ? {} : { header: e.options.header as boolean }));
      continue;
    }
    it(id, async () => {
      const opts: ReadOptions = {};
      for (const [key, value] of Object.entries(e.options)) {
        if (key === 'header') opts.header = value as boolean;
        // declaredCharset utf-8: leakcheck reads UTF-8 first anyway.
        else if (key === 'declaredCharset') expect(String(value).toLowerCase()).toBe('utf-8');
        // delimiter: leakcheck sniffs it and must find the declared one. quoteChar "'": leakcheck quotes
        // only with '"'; this file has no '"', so its structure reads the same (values keep the ' marks).
        else if (key !== 'delimiter' && key !== 'quoteChar') throw new Error(`csvlint option ${key} is not handled`);
      }
      const r = await read(path, opts);
      if (e.options.delimiter !== undefined) expect(r.delimiter).toBe(e.options.delimiter);
      const sorted = [...r.issues].sort((a, b) => a.line - b.line);
      const errors = sorted.filter((i) => LINT_ERROR_CODES.has(i.code));
      const warnings = sorted.filter((i) => LINT_WARNING_CODES.has(i.code));
      // Everything leakcheck reports for a CSV file falls in one of the two classes.
      expect(errors.length + warnings.length).toBe(r.issues.length);

      if (e.valid === true) expect(errors).toEqual([]);
      if (e.valid === false) expect(errors.length).toBeGreaterThan(0);
      if (e.errorCount !== undefined) expect(errors).toHaveLength(e.errorCount);
      if (e.warningCount !== undefined) expect(warnings).toHaveLength(e.warningCount);
      expectMessages(e.errors, errors, path);
      expectMessages(e.warnings, warnings, path);

      // csvlint's info messages are not problems; two have a counterpart in what leakcheck reports
      // about the input: assumed_header (header taken without being told) and nonrfc_line_breaks
      // (line ends other than CRLF, input.lineEnding).
      // csvlint emits assumed_header only when no dialect (header, delimiter, quoteChar, ...) is supplied.
      const dialectSupplied = Object.keys(e.options).some((k) => k !== 'declaredCharset');
      const assumedHeader = !dialectSupplied && r.header === true;
      const nonRfc = r.lineEnding !== 'CRLF';
      for (const m of e.info ?? []) {
        if (m.type === 'assumed_header') expect(assumedHeader).toBe(true);
        else if (m.type === 'nonrfc_line_breaks') expect(nonRfc).toBe(true);
        else throw new Error(`csvlint info ${m.type} is not handled`);
      }
      if (e.infoCount !== undefined) expect(Number(assumedHeader) + Number(nonRfc)).toBe(e.infoCount);

      // rows include the header row; rowLines are physical lines (header = 1).
      const all = r.header ? [r.columns, ...r.records.map((x) => x.cells!)] : r.records.map((x) => x.cells!);
      const allLines = r.header ? [1, ...r.records.map((x) => x.line)] : r.records.map((x) => x.line);
      if (e.rows) expect(all).toEqual(e.rows);
      if (e.rowLines) expect(allLines).toEqual(e.rowLines);
      if (e.rowCount !== undefined) expect(all).toHaveLength(e.rowCount);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// csv-spectrum: clean files and the rows a correct parser yields

const SPECTRUM = ['comma_in_quotes', 'empty', 'empty_crlf', 'escaped_quotes', 'json', 'location_coordinates',
  'newlines', 'newlines_crlf', 'quotes_and_newlines', 'simple', 'simple_crlf', 'utf8'];

describe('csv-spectrum', () => {
  for (const name of SPECTRUM) {
    it(`${name}.csv: no structure problem, the JSON's rows, physical lines`, async () => {
      const r = await read(join(PEER, 'csv-spectrum', 'csvs', `${name}.csv`));
      let want = load<Record<string, string>[] | Record<string, string>>(`csv-spectrum/json/${name}.json`);
      const defect = (PEER_DEFECTS as Record<string, (typeof PEER_DEFECTS)['csv-spectrum: location_coordinates.csv']>)[
        `csv-spectrum: ${name}.csv`
      ];
      if (defect) {
        expect(Array.isArray(want)).toBe(false);
        const one = want as Record<string, string>;
        expect(one[defect.field]).toBe(defect.peerValue);
        want = [{ ...one, [defect.field]: defect.fileValue }];
      }
      const rows = want as Record<string, string>[];
      expect(r.issues).toEqual([]);
      expect(r.header).toBe(true);
      expect(rowObjects(r)).toEqual(rows);
      // Each record starts one line after the previous one ends; line breaks inside a value (CRLF
      // once) push the next record down.
      let line = 2;
      const expectedLines = rows.map((row) => {
        const at = line;
        line += 1 + Object.values(row).reduce((n, v) => n + (v.match(/\r\n|\n|\r/g)?.length ?? 0), 0);
        return at;
      });
      expect(r.records.map((x) => x.line)).toEqual(expectedLines);
    });
  }

  it('covers every CSV in the suite', async () => {
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(join(PEER, 'csv-spectrum', 'csvs')).sort()).toEqual(SPECTRUM.map((n) => `${n}.csv`));
  });
});

describe('DIFFERENCES', () => {
  it('names only real peer entries, each with a reason', () => {
    const ids = new Set([
      ...frictionless.map(frictionlessId),
      ...frictionlessRead.map((e) => `frictionless-read: ${e.file} ${JSON.stringify(e.options)}`),
      ...lint.map(lintId),
    ]);
    for (const key of Object.keys(DIFFERENCES)) expect(ids.has(key), key).toBe(true);
    expect(used.size).toBe(Object.keys(DIFFERENCES).length);
  });
});
