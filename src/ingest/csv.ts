// Delimited text (CSV, TSV, semicolon, pipe) read with csv-parse: records with physical line numbers,
// and structure issues (ragged, blank, bad quoting, header problems) instead of aborts.
import { parse } from 'csv-parse';
import { fieldForHeader } from '../fields.js';
import type { IngestIssue, RawRecord } from '../types.js';
import { FastCsv, STOP_HANDOFF } from './fast-csv.js';
import { joinWrapped } from './fixed-width.js';

export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** Split a head of text into lines for sniffing, ignoring line breaks inside double quotes. */
function headLines(text: string, max: number): string[] {
  const lines: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length && lines.length < max; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (!quoted && (c === 10 || c === 13)) {
      lines.push(text.slice(start, i));
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  // The last line of a head may be cut mid-way; use it only when it is all we have.
  if (lines.length === 0) lines.push(text.slice(start));
  return lines.filter((l) => l.trim() !== '');
}

function countOutsideQuotes(line: string, delim: string): number {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === delim) n++;
  }
  return n;
}

/** The delimiter that splits the head's lines most consistently (comma when nothing does). */
export function sniffDelimiter(head: string): string {
  const lines = headLines(head, 50);
  let best: string = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const freq = new Map<number, number>();
    for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
    let mode = 0;
    let modeFreq = 0;
    for (const [c, n] of freq) if (n > modeFreq || (n === modeFreq && c > mode)) [mode, modeFreq] = [c, n];
    if (mode === 0) continue;
    // Consistency first (share of lines with the modal count), then more columns.
    const score = (modeFreq / lines.length) * 1000 + Math.min(mode, 999);
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

/** The line-ending style of the head. */
export function sniffLineEnding(head: string): 'LF' | 'CRLF' | 'CR' | 'mixed' | undefined {
  const crlf = (head.match(/\r\n/g) ?? []).length;
  const lf = (head.match(/\n/g) ?? []).length - crlf;
  const cr = (head.match(/\r/g) ?? []).length - crlf;
  const kinds = [crlf && 'CRLF', lf && 'LF', cr && 'CR'].filter(Boolean) as ('LF' | 'CRLF' | 'CR')[];
  return kinds.length > 1 ? 'mixed' : kinds[0];
}

const DATA_LIKE = /^(?:[\d\s+\-./:,()]*\d[\d\s+\-./:,()]*|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[Xx*•]{4,}\d{2,})$/i;

function dataLike(cell: string): boolean {
  return DATA_LIKE.test(cell.trim());
}

/** Non-empty cells of the record after the title lines: a table's header, not another line of text. */
const TITLE_NEXT = 3;
/** Title lines (and blank lines after the first) looked for above a header. */
export const MAX_TITLES = 5;
/**
 * A cell of a table's rule or border: a Markdown table's (`|---|:--:|`, dashes with alignment colons), or a database
 * client's, where no pipe splits the line (psql's `-----+-----`, MySQL's `+-----+-----+`).
 */
const TABLE_RULE = /^[:+]?-{3,}(?:[:+]-*)*$/;
/**
 * The row count a database client prints under a table: psql's `(300 rows)`, MySQL's `300 rows in set (0.01 sec)`,
 * SQL*Plus's `14 rows selected.`
 */
const ROW_COUNT = /^(?:\(\d+ rows?\)|\d+ rows? in set\b.*|Empty set\b.*|\d+ rows? selected\.?)$/;

/** Whether a record is a table's rule: every cell a rule cell, or blank (outside the edge pipes). */
function isTableRule(cells: readonly string[]): boolean {
  let rules = 0;
  for (const c of cells) {
    const t = c.trim();
    if (t === '') continue;
    if (!TABLE_RULE.test(t)) return false;
    rules++;
  }
  return rules > 0;
}

/** A Markdown table's row without the blank cells outside its edge pipes (`| a | b |`); any other row as it is. */
function insidePipes(cells: string[]): string[] {
  return cells.length >= 2 && cells[0].trim() === '' && cells[cells.length - 1].trim() === '' ? cells.slice(1, -1) : cells;
}

/** Excel's first line `sep=;` as cells: `sep=` (the delimiter splits it off). */
const EXCEL_SEP = /^sep=$/i;

/** Non-empty cells of a record. */
function filled(cells: readonly string[]): number {
  let n = 0;
  for (const c of cells) if (c.trim() !== '') n++;
  return n;
}

/**
 * Column names from a header row: a blank label becomes `column_<position>`, a repeated one `<label>_<n>`; each is
 * reported through `onIssue` (blank-header, duplicate-header with the label, the 1-based position) at `line`.
 */
export function headerNames(labels: readonly string[], onIssue: (issue: IngestIssue) => void = () => {}, line = 1): string[] {
  const seen = new Map<string, number>();
  return labels.map((name, i) => {
    const label = name.trim();
    if (label === '') {
      onIssue({ code: 'blank-header', line, data: { position: i + 1 } });
      return `column_${i + 1}`;
    }
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    if (n === 1) return label;
    onIssue({ code: 'duplicate-header', line, column: label, data: { position: i + 1 } });
    return `${label}_${n}`;
  });
}

/**
 * Whether the first record is a header row, judged against the records after it. Its cells vote: one naming a
 * field ("mobile", "Beneficiary Name") for a header, a data-like one (digits, a date, a masked number) against.
 * Values can name fields too ("Aadhaar Card" as a photo-ID type, "COVISHIELD"), so a data row of a headerless
 * file is not taken for its header (its values would become column names, shown unmasked in the report).
 */
export function looksLikeHeader(first: string[], rest: string[][]): boolean {
  let named = 0;
  let data = 0;
  for (const c of first) {
    if (c.trim() === '') continue;
    if (dataLike(c)) data++;
    else if (fieldForHeader(c) !== undefined) named++;
  }
  if (named !== data) return named > data;
  if (rest.length === 0) return true;
  // Each column's non-empty cells below the first row.
  const columns = first.map((_, i) => rest.map((r) => r[i] ?? '').filter((c) => c.trim() !== ''));
  // A column whose first cell is text while most cells below it are data-like marks a header.
  if (columns.some((below) => below.length && below.filter(dataLike).length / below.length >= 0.5)) return true;
  // A column whose values repeat (a gender, a vaccine, a district): its first cell is data when it is one of them, a
  // label when it is none (as Python's csv.Sniffer judges by a column's values).
  let votes = 0;
  columns.forEach((below, i) => {
    const values = new Set(below);
    if (below.length >= REPEATS_MIN && values.size * 3 <= below.length && first[i].trim() !== '') votes += values.has(first[i]) ? -1 : 1;
  });
  if (votes !== 0) return votes > 0;
  // No evidence either way. One column of text is a list (names, notes), whose first line is one of them; a
  // wider row of distinct labels is a header.
  const nonEmpty = first.filter((c) => c.trim() !== '');
  return first.length > 1 && nonEmpty.length === first.length && new Set(nonEmpty).size === nonEmpty.length;
}

/** Values a column needs below its first cell for their repeats to say anything about it. */
const REPEATS_MIN = 10;

/** Count line breaks, a CRLF pair being one (a CR is counted only when no LF follows it). */
export function lineBreaks(raw: string): number {
  let n = 0;
  for (let i = raw.indexOf('\n'); i !== -1; i = raw.indexOf('\n', i + 1)) n++;
  for (let i = raw.indexOf('\r'); i !== -1; i = raw.indexOf('\r', i + 1)) if (raw.charCodeAt(i + 1) !== 10) n++;
  return n;
}

const QUOTE = 34;
const SPACE = 32;
const TAB = 9;
const CR = 13;
const LF = 10;

/**
 * The first quoting problem in one record's raw text, or null. csv-parse (with relax_quotes) keeps such
 * fields as literal text; csvlint reports them ("whitespace", "unclosed_quote"). Quotes inside an
 * unquoted field (`37.8"N`) are accepted, as csv-spectrum expects. Jumps with indexOf: no per-character
 * work for unquoted fields and none at all for records without a quote.
 */
export function quotingProblem(raw: string, delimiter: string): string | null {
  if (raw.indexOf('"') === -1) return null;
  const delim = delimiter.charCodeAt(0);
  const n = raw.length;
  let i = 0;
  while (i < n) {
    // At the start of a field: optional spaces or tabs, then maybe an opening quote.
    let j = i;
    for (; j < n; j++) {
      const c = raw.charCodeAt(j);
      if (c === delim || (c !== SPACE && c !== TAB)) break;
    }
    if (raw.charCodeAt(j) === QUOTE) {
      if (j > i) return 'space before an opening quote';
      let k = j + 1;
      for (;;) {
        k = raw.indexOf('"', k);
        if (k === -1) return null; // never closed: csv-parse reports the record as unclosed
        if (raw.charCodeAt(k + 1) !== QUOTE) break;
        k += 2; // a doubled quote inside the field
      }
      const next = raw.charCodeAt(k + 1);
      if (k + 1 >= n || next === CR || next === LF) return null;
      if (next !== delim) return next === SPACE || next === TAB ? 'space after a closing quote' : 'text after a closing quote';
      i = k + 2;
      continue;
    }
    // An unquoted field runs to the next delimiter (a line break in it can only end the record).
    const d = raw.indexOf(delimiter, j);
    if (d === -1) return null;
    i = d + 1;
  }
  return null;
}

/** Whether every cell is empty or whitespace. */
function blank(cells: string[]): boolean {
  for (const c of cells) if (c.length !== 0 && c.trim() !== '') return false;
  return true;
}

interface Parsed {
  record: string[];
  /** The record's text as csv-parse saw it; undefined for a well-formed record from the fast path. */
  raw: string | undefined;
  /** Line breaks the record spans (-1: count them in `raw`). */
  breaks?: number;
}

/** Which parser reads delimited text: the fast path handing anomalies to csv-parse, or csv-parse alone. */
export type CsvParser = 'fast' | 'csv-parse';

/** `LEAKCHECK_CSV_PARSER=csv-parse` reads with csv-parse alone (for comparison and benchmarks). */
export function defaultCsvParser(): CsvParser {
  return process.env.LEAKCHECK_CSV_PARSER === 'csv-parse' ? 'csv-parse' : 'fast';
}

const breaksOf = (p: Parsed): number => (p.breaks !== undefined && p.breaks >= 0 ? p.breaks : lineBreaks(p.raw ?? ''));

interface Skipped {
  err: Error & { code?: string };
  raw: string;
  /** Records csv-parse had emitted before this one: it belongs after them. */
  at: number;
}

const HEADER_WINDOW = 20;

export interface CsvReader {
  columns: string[];
  header: boolean;
  batches: AsyncGenerator<RawRecord[]>;
}

/**
 * Read delimited text. The header is decided from the first records; columns are known once the
 * first batch has been pulled. Issues are reported through `onIssue` as they are met, in file order.
 * `fixedWidth`: the lines of a fixed-width table (fixed-width.ts), whose rows may hold wrapped lines.
 */
export function readCsv(
  chunks: AsyncIterable<string>,
  delimiter: string,
  onIssue: (issue: IngestIssue) => void,
  headerOption?: boolean,
  use: CsvParser = defaultCsvParser(),
  fixedWidth = false,
): CsvReader {
  const parser = parse({
    delimiter,
    // All three line ends, also mixed in one file (as Python's csv module reads them): csv-parse's own
    // discovery fixes on the first one and would glue the records of a mixed file together.
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    skip_records_with_error: true,
    raw: true,
    bom: false,
  });
  const out: Parsed[] = [];
  // With these options the only record csv-parse skips is one whose quote is still open at the end of
  // the input (CSV_QUOTE_NOT_CLOSED); its raw text is then the rest of the file.
  const skipped: Skipped[] = [];
  let failure: (Error & { code?: string }) | undefined;
  parser.on('data', (p: Parsed) => out.push(p));
  parser.on('skip', (err: Error, raw?: string) => skipped.push({ err, raw: raw ?? '', at: fastRecords + parser.info.records }));
  parser.on('error', (err: Error) => (failure = err));
  const ended = new Promise<void>((resolve) => {
    parser.on('end', resolve);
    parser.on('error', () => resolve());
    parser.on('close', resolve);
  });

  // The fast path reads records until the input ends or csv-parse must take over (fast-csv.ts); `rest` is the
  // text after the last complete record.
  const fast = use === 'fast' ? new FastCsv(delimiter) : null;
  let fastRecords = 0;
  let rest = '';
  const onFast = (record: string[], breaks: number, raw: string | undefined): void => {
    fastRecords++;
    out.push({ record, raw, breaks });
  };
  /** Feed text to the fast path, or to csv-parse once it has taken over. */
  const feed = (text: string, final: boolean): void => {
    if (!fast || handedOff) {
      parser.write(text);
      return;
    }
    const s = rest.length ? rest + text : text;
    const at = fast.scan(s, 0, final, onFast);
    rest = at < s.length ? s.slice(at) : '';
    if (fast.stop === STOP_HANDOFF) {
      parser.write(rest);
      rest = '';
      handedOff = true;
    }
  };
  let handedOff = use !== 'fast';

  const reader: CsvReader = { columns: [], header: false, batches: run() };
  let nextLine = 1; // physical line where the next record starts
  let consumed = 0; // records taken from csv-parse so far (blank, header and data)
  let row = 0;
  let width = 0;
  /** The header's cells, to recognise it repeated further down (files joined together); null without a header. */
  let headerCells: string[] | null = null;
  /** A Markdown table with edge pipes: each row's blank cells outside them are dropped. */
  let markdown = false;

  /** Report the skipped records that came before the next record csv-parse emitted. */
  function skipsDue(final: boolean): void {
    while (skipped.length && (final || skipped[0].at <= consumed)) {
      const { err, raw } = skipped.shift()!;
      if (err.code === 'CSV_QUOTE_NOT_CLOSED') onIssue({ code: 'unclosed-quote', line: nextLine });
      else onIssue({ code: 'bad-quoting', line: nextLine, data: { problem: err.message.replace(/\s+/g, ' ').slice(0, 160) } });
      nextLine += Math.max(1, lineBreaks(raw));
    }
  }

  /** Take one record in file order: its line, then blank-row, shape and quoting issues. */
  function take(p: Parsed, recs: RawRecord[]): void {
    skipsDue(false);
    consumed++;
    const line = nextLine;
    nextLine += breaksOf(p);
    const cells = markdown ? insidePipes(p.record) : p.record;
    if (blank(cells)) {
      onIssue({ code: 'blank-row', line });
      return;
    }
    // A table pasted from a database client or a post: its borders and row count are not records.
    if (delimiter === '|' && (isTableRule(cells) || (cells.length === 1 && ROW_COUNT.test(cells[0].trim())))) {
      onIssue({ code: 'table-rule', line });
      return;
    }
    if (headerCells !== null && cells.length === headerCells.length && cells[0] === headerCells[0] && cells.every((c, i) => c === headerCells![i])) {
      onIssue({ code: 'repeated-header', line });
      return;
    }
    const rowNumber = row + 1;
    if (fixedWidth) joinWrapped(cells, line, rowNumber, onIssue);
    if (cells.length !== width) {
      onIssue({
        code: cells.length > width ? 'extra-cells' : 'missing-cells',
        line,
        row: rowNumber,
        data: { expected: width, actual: cells.length },
      });
    }
    // A record from the fast path is well-formed RFC 4180 by construction: no quoting problem to look for.
    const problem = p.raw === undefined ? null : quotingProblem(p.raw, delimiter);
    if (problem) onIssue({ code: 'bad-quoting', line, row: rowNumber, data: { problem } });
    recs.push({ row: ++row, line, cells });
  }

  /** Decide the header from the first records, then take them all in order. */
  function setHeader(window: Parsed[], recs: RawRecord[]): void {
    let at = 0;
    // Blank lines before the header are blank rows; the header is the first record with content.
    while (at < window.length && blank(window[at].record)) take(window[at++], recs);
    if (at === window.length) return;
    // The border over a database client's table (MySQL's `+---+---+`).
    if (delimiter === '|' && at + 1 < window.length && isTableRule(window[at].record)) {
      skipsDue(false);
      consumed++;
      onIssue({ code: 'table-rule', line: nextLine });
      nextLine += breaksOf(window[at++]);
    }
    // Title lines above the header, as spreadsheets export them ("CoWin beneficiaries - June 2021,,,,") and as a
    // document heads a table (a PDF's heading over a blank line): records with one non-empty cell, and blank ones
    // after the first, followed by one with several are skipped, each reported as a title row (or a blank row).
    // (The record at `at` has content: blank ones before it were taken above.)
    let titles = 0;
    while (titles < MAX_TITLES && at + titles < window.length && filled(window[at + titles].record) <= 1) titles++;
    if (titles && at + titles < window.length && filled(window[at + titles].record) >= TITLE_NEXT) {
      for (; titles > 0; titles--) {
        skipsDue(false);
        consumed++;
        // Excel's `sep=;` line names the delimiter (the cell reads `sep=`, the delimiter splitting it off).
        const excel = nextLine === 1 && EXCEL_SEP.test(window[at].record[0] ?? '');
        onIssue({ code: excel ? 'delimiter-hint' : blank(window[at].record) ? 'blank-row' : 'title-row', line: nextLine });
        nextLine += breaksOf(window[at++]);
      }
    }
    // A Markdown table (a post's `| a | b |` over `|---|---|`) or a database client's (psql, MySQL): the row above
    // the rule is its header.
    const rule = delimiter === '|' && headerOption !== false && at + 1 < window.length && isTableRule(window[at + 1].record);
    markdown = rule && insidePipes(window[at].record) !== window[at].record;
    const first = markdown ? insidePipes(window[at].record) : window[at].record;
    const rest: string[][] = [];
    for (let i = at + 1; i < window.length; i++) rest.push(window[i].record);
    const header = rule || (headerOption ?? looksLikeHeader(first, rest));
    reader.header = header;
    width = first.length;
    if (!header) {
      reader.columns = first.map((_, i) => `column_${i + 1}`);
    } else {
      const p = window[at++];
      skipsDue(false);
      consumed++;
      const line = nextLine;
      nextLine += breaksOf(p);
      headerCells = first;
      reader.columns = headerNames(first, onIssue, line);
      const problem = p.raw === undefined ? null : quotingProblem(p.raw, delimiter);
      if (problem) onIssue({ code: 'bad-quoting', line, data: { problem } });
    }
    if (rule) {
      skipsDue(false);
      consumed++;
      onIssue({ code: 'table-rule', line: nextLine });
      nextLine += breaksOf(window[at++]);
    }
    for (; at < window.length; at++) take(window[at], recs);
  }

  async function* run(): AsyncGenerator<RawRecord[]> {
    let window: Parsed[] | null = [];
    const flush = (final: boolean): RawRecord[] => {
      const recs: RawRecord[] = [];
      const parsed = out.splice(0);
      if (window) {
        // A loop, not push(...parsed): one large chunk (a stream's) parses to more records than a call takes arguments.
        for (const p of parsed) window.push(p);
        if (window.length < HEADER_WINDOW && !final) return recs;
        setHeader(window, recs);
        window = null;
      } else {
        for (const p of parsed) take(p, recs);
      }
      if (final) skipsDue(true);
      return recs;
    };
    let readError: unknown;
    try {
      for await (const text of chunks) {
        feed(text, false);
        const recs = flush(false);
        if (recs.length) yield recs;
        if (failure) break;
      }
      // The end of the input: the fast path's last record (csv-parse finishes its own on end()).
      if (!handedOff && !failure) feed('', true);
    } catch (err) {
      readError = err;
    } finally {
      // Normal end, or the consumer stopped early: let csv-parse finish the last record.
      if (readError === undefined) {
        parser.end();
        await ended;
      }
    }
    if (readError !== undefined) {
      // The input broke off (truncated gzip, --max-bytes): the records csv-parse completed are read,
      // including those still deciding the header; the record cut in the middle is not.
      await new Promise((resolve) => setImmediate(resolve));
      parser.destroy();
      const recs = flush(true);
      if (recs.length) yield recs;
      throw readError;
    }
    const recs = flush(true);
    if (recs.length) yield recs;
    if (failure) {
      if (failure.code === 'CSV_QUOTE_NOT_CLOSED') {
        onIssue({ code: 'unclosed-quote', line: nextLine });
      } else {
        onIssue({ code: 'bad-quoting', line: nextLine, data: { problem: failure.message.slice(0, 160) } });
      }
    }
  }

  return reader;
}
