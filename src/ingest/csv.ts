// Delimited text (CSV, TSV, semicolon, pipe) read with csv-parse: records with physical line numbers,
// and structure issues (ragged, blank, bad quoting, header problems) instead of aborts.
import { parse, type Info } from 'csv-parse';
import { fieldForHeader } from '../fields.js';
import type { IngestIssue, RawRecord } from '../types.js';

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

/** Whether the first record is a header row, judged against the records after it. */
export function looksLikeHeader(first: string[], rest: string[][]): boolean {
  if (first.some((c) => c.trim() !== '' && fieldForHeader(c) !== undefined)) return true;
  if (first.some((c) => c.trim() !== '' && dataLike(c))) return false;
  if (rest.length === 0) return true;
  // A column whose first cell is text while most cells below it are data-like marks a header.
  for (let i = 0; i < first.length; i++) {
    const below = rest.map((r) => r[i] ?? '').filter((c) => c.trim() !== '');
    if (below.length && below.filter(dataLike).length / below.length >= 0.5) return true;
  }
  const nonEmpty = first.filter((c) => c.trim() !== '');
  return nonEmpty.length === first.length && new Set(nonEmpty).size === nonEmpty.length;
}

/** Count line breaks, a CRLF pair being one. */
function lineBreaks(raw: string): number {
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) {
      n++;
      if (raw.charCodeAt(i + 1) === 10) i++;
    }
  }
  return n;
}

interface Parsed {
  record: string[];
  raw: string;
  info: Info;
}

const HEADER_WINDOW = 20;

export interface CsvReader {
  columns: string[];
  header: boolean;
  batches: AsyncGenerator<RawRecord[]>;
}

/**
 * Read delimited text. The header is decided from the first records; columns are known once the
 * first batch has been pulled. Issues are reported through `onIssue` as they are met.
 */
export function readCsv(
  chunks: AsyncIterable<string>,
  delimiter: string,
  onIssue: (issue: IngestIssue) => void,
  headerOption?: boolean,
): CsvReader {
  const parser = parse({
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    skip_records_with_error: true,
    raw: true,
    info: true,
    bom: false,
  });
  const out: Parsed[] = [];
  const skipped: { err: Error & { code?: string; lines?: number } }[] = [];
  let failure: (Error & { code?: string }) | undefined;
  parser.on('data', (p: Parsed) => out.push(p));
  parser.on('skip', (err: Error) => skipped.push({ err }));
  parser.on('error', (err: Error) => (failure = err));
  const ended = new Promise<void>((resolve) => {
    parser.on('end', resolve);
    parser.on('error', () => resolve());
    parser.on('close', resolve);
  });

  const reader: CsvReader = { columns: [], header: false, batches: run() };
  let nextLine = 1;
  let row = 0;
  let width = 0;

  function toRecords(parsed: Parsed[]): RawRecord[] {
    const recs: RawRecord[] = [];
    for (const p of parsed) {
      const line = nextLine;
      nextLine += lineBreaks(p.raw);
      const cells = p.record;
      if (cells.every((c) => c.trim() === '')) {
        onIssue({ code: 'blank-row', line });
        continue;
      }
      if (cells.length !== width) {
        onIssue({
          code: cells.length > width ? 'extra-cells' : 'missing-cells',
          line,
          row: row + 1,
          data: { expected: width, actual: cells.length },
        });
      }
      for (const c of cells) {
        const ch = c.charCodeAt(0);
        if ((ch === 32 || ch === 9) && /^[ \t]+".*"$/s.test(c)) {
          onIssue({ code: 'bad-quoting', line, row: row + 1, data: { problem: 'space before an opening quote' } });
          break;
        }
      }
      recs.push({ row: ++row, line, cells });
    }
    return recs;
  }

  function reportSkips(): void {
    for (const { err } of skipped.splice(0)) {
      onIssue({ code: 'bad-quoting', line: nextLine, data: { problem: err.message.replace(/\s+/g, ' ').slice(0, 160) } });
      nextLine += 1;
    }
  }

  function setHeader(window: Parsed[]): Parsed[] {
    // Blank lines before the header are blank rows; the header is the first record with content.
    while (window.length && window[0].record.every((c) => c.trim() === '')) {
      onIssue({ code: 'blank-row', line: nextLine });
      nextLine += lineBreaks(window.shift()!.raw);
    }
    if (!window.length) return window;
    const first = window[0].record;
    const header = headerOption ?? looksLikeHeader(first, window.slice(1).map((p) => p.record));
    reader.header = header;
    width = first.length;
    if (!header) {
      reader.columns = first.map((_, i) => `column_${i + 1}`);
      return window;
    }
    const seen = new Map<string, number>();
    reader.columns = first.map((name, i) => {
      const label = name.trim();
      if (label === '') {
        onIssue({ code: 'blank-header', line: nextLine, data: { position: i + 1 } });
        return `column_${i + 1}`;
      }
      const n = (seen.get(label) ?? 0) + 1;
      seen.set(label, n);
      if (n > 1) {
        onIssue({ code: 'duplicate-header', line: nextLine, column: label, data: { position: i + 1 } });
        return `${label}_${n}`;
      }
      return label;
    });
    nextLine += lineBreaks(window[0].raw);
    return window.slice(1);
  }

  async function* run(): AsyncGenerator<RawRecord[]> {
    let window: Parsed[] | null = [];
    const flush = (): RawRecord[] => {
      const parsed = out.splice(0);
      if (window) {
        window.push(...parsed);
        if (window.length < HEADER_WINDOW) return [];
        const rest = setHeader(window);
        window = null;
        reportSkips();
        return toRecords(rest);
      }
      reportSkips();
      return toRecords(parsed);
    };
    try {
      for await (const text of chunks) {
        parser.write(text);
        const recs = flush();
        if (recs.length) yield recs;
        if (failure) break;
      }
    } finally {
      parser.end();
      await ended;
    }
    if (window) {
      window.push(...out.splice(0));
      const rest = setHeader(window);
      window = null;
      reportSkips();
      const recs = toRecords(rest);
      if (recs.length) yield recs;
    } else {
      const recs = flush();
      if (recs.length) yield recs;
    }
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
