// The fast path of the delimited-text reader: a hand-written splitter for well-formed records (RFC 4180:
// unquoted fields without quotes, quoted fields with doubled quotes and embedded line breaks), about six
// times csv-parse's speed. Anything else (a quote inside an unquoted field, text after a closing quote, a
// quote never closed) is an anomaly: the record is found as csv-parse would delimit it and parsed by
// csv-parse itself, or, when that cannot be done exactly, the rest of the input is handed to csv-parse
// (csv.ts). Both paths yield identical records (test/perf-paths.test.ts).
import { parse as parseSync } from 'csv-parse/sync';

const QUOTE = 34;
const CR = 13;
const LF = 10;

/** What {@link FastCsv.scan} stopped at. */
export const STOP_MORE = 0; // the text ends inside a record: call again with more text (or final)
export const STOP_HANDOFF = 1; // from `pos` on, hand the input to csv-parse

/**
 * A record longer than this that is still open at the end of the text read so far is handed to csv-parse
 * rather than rescanned as more text arrives (each rescan starts at the record's beginning).
 */
export const MAX_PENDING_RECORD = 1 << 20;

/** Options of csv-parse for one isolated anomalous record (as csv.ts's stream, but errors throw). */
function syncOptions(delimiter: string) {
  return {
    delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    skip_records_with_error: false,
    raw: true,
    bom: false,
  };
}

export type OnRecord = (cells: string[], breaks: number, raw: string | undefined) => void;

/**
 * Line breaks in s[from, to): LF, CRLF once, a lone CR (as csv.ts's lineBreaks counts a record's raw text). A loop
 * over the range, not indexOf: a search for a CR that the text lacks runs to the end of the chunk, for every quoted
 * value (an all-quoted CSV read 3 times slower).
 */
function breaksIn(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === LF || (c === CR && s.charCodeAt(i + 1) !== LF)) n++;
  }
  return n;
}

export class FastCsv {
  private readonly delim: number;
  private readonly delimiter: string;
  private readonly options: ReturnType<typeof syncOptions>;
  /** Position of the next quote / CR in the current text at or after the scan position (-1: none), cached. */
  private nextQuote = -1;
  private nextCr = -1;
  /** Where the last scan stopped: STOP_MORE or STOP_HANDOFF. */
  stop = STOP_MORE;
  /** Records parsed by csv-parse after an anomaly (for the statistics). */
  anomalies = 0;

  constructor(delimiter: string) {
    this.delimiter = delimiter;
    this.delim = delimiter.charCodeAt(0);
    this.options = syncOptions(delimiter);
  }

  /**
   * Parse the complete records of `s` from `pos`, calling `onRecord` for each in order. `final` says `s` ends the
   * input. Returns the position of the first record not parsed: with `stop` STOP_MORE the caller keeps `s` from
   * there and calls again with more text (at the end of the input nothing is left); with STOP_HANDOFF the input
   * from there on goes to csv-parse.
   */
  scan(s: string, pos: number, final: boolean, onRecord: OnRecord): number {
    const len = s.length;
    const delim = this.delim;
    const delimiter = this.delimiter;
    this.nextQuote = s.indexOf('"', pos);
    this.nextCr = s.indexOf('\r', pos);
    for (;;) {
      if (pos >= len) {
        this.stop = STOP_MORE;
        return pos;
      }
      // The common case: a line without quotes or CRs, split at the delimiter.
      const lf = s.indexOf('\n', pos);
      const end = lf === -1 ? len : lf;
      if (this.nextQuote !== -1 && this.nextQuote < pos) this.nextQuote = s.indexOf('"', pos);
      if (this.nextCr !== -1 && this.nextCr < pos) this.nextCr = s.indexOf('\r', pos);
      const q = this.nextQuote;
      const cr = this.nextCr;
      if ((q === -1 || q >= end) && (cr === -1 || cr >= end)) {
        if (lf === -1 && !final) {
          this.stop = STOP_MORE;
          return pos;
        }
        const cells: string[] = [];
        let from = pos;
        for (let d = s.indexOf(delimiter, from); d !== -1 && d < end; d = s.indexOf(delimiter, from)) {
          cells.push(s.slice(from, d));
          from = d + 1;
        }
        cells.push(s.slice(from, end));
        onRecord(cells, lf === -1 ? 0 : 1, undefined);
        pos = lf === -1 ? len : lf + 1;
        continue;
      }
      // A line with a quote or a CR: field by field.
      const next = this.quotedRecord(s, pos, final, delim, onRecord);
      if (next < 0) {
        if (next === -1) {
          this.stop = len - pos > MAX_PENDING_RECORD ? STOP_HANDOFF : STOP_MORE;
          return pos;
        }
        // An anomaly: delimit the record as csv-parse would and let it parse just that record.
        const done = this.anomalous(s, pos, final, onRecord);
        if (done < 0) {
          this.stop = done === -1 ? STOP_MORE : STOP_HANDOFF;
          if (done === -1 && len - pos > MAX_PENDING_RECORD) this.stop = STOP_HANDOFF;
          return pos;
        }
        pos = done;
        continue;
      }
      pos = next;
    }
  }

  /**
   * One well-formed record from `pos` whose line holds a quote or a CR. Returns where the next record starts,
   * -1 when the text ends inside the record (not final), -2 at an anomaly.
   */
  private quotedRecord(s: string, pos: number, final: boolean, delim: number, onRecord: OnRecord): number {
    const len = s.length;
    const cells: string[] = [];
    let breaks = 0;
    let i = pos;
    for (;;) {
      // At the start of a field.
      if (i < len && s.charCodeAt(i) === QUOTE) {
        let j = i + 1;
        let escaped = false;
        let k: number;
        for (;;) {
          k = s.indexOf('"', j);
          if (k === -1) return final ? -2 : -1; // never closed (so far)
          if (k + 1 >= len && !final) return -1; // a doubled quote or the closing one: the next text tells
          if (s.charCodeAt(k + 1) !== QUOTE) break;
          escaped = true;
          j = k + 2;
        }
        const c = k + 1 < len ? s.charCodeAt(k + 1) : -1;
        if (c !== delim && c !== LF && c !== CR && c !== -1) return -2; // text after the closing quote
        const value = s.slice(i + 1, k);
        cells.push(escaped ? value.replaceAll('""', '"') : value);
        if (value.length) breaks += breaksIn(s, i + 1, k);
        i = k + 1;
      } else {
        // An unquoted field: runs to the delimiter or a line end; a quote in it is an anomaly.
        let j = i;
        let c = -1;
        for (; j < len; j++) {
          c = s.charCodeAt(j);
          if (c === delim || c === LF || c === CR) break;
          if (c === QUOTE) return -2;
        }
        if (j >= len) c = -1;
        cells.push(s.slice(i, j));
        i = j;
      }
      // After a field: a delimiter, a line end, or the end of the text.
      if (i >= len) {
        if (!final) return -1;
        onRecord(cells, breaks, undefined);
        return len;
      }
      const c = s.charCodeAt(i);
      if (c === delim) {
        i++;
        continue;
      }
      if (c === LF) {
        onRecord(cells, breaks + 1, undefined);
        return i + 1;
      }
      // CR: with an LF after it one line end, alone one too (old Mac files); at the end of the text, wait.
      if (i + 1 >= len && !final) return -1;
      onRecord(cells, breaks + 1, undefined);
      return s.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
    }
  }

  /**
   * An anomalous record: find where csv-parse (relax_quotes) ends it, by its quoting rules, and parse that text
   * alone with csv-parse. Returns where the next record starts, -1 when the text ends inside the record (not
   * final), -2 when the record cannot be isolated (a quote never closed, or csv-parse disagrees): hand off.
   */
  private anomalous(s: string, pos: number, final: boolean, onRecord: OnRecord): number {
    const len = s.length;
    const delim = this.delim;
    let quoting = false;
    let filled = false; // the current field has content (a quote then is literal)
    let end = -1;
    for (let i = pos; i < len; i++) {
      const c = s.charCodeAt(i);
      if (quoting) {
        if (c !== QUOTE) continue;
        if (i + 1 >= len) {
          if (!final) return -1;
          quoting = false;
          continue;
        }
        const n = s.charCodeAt(i + 1);
        if (n === QUOTE) {
          i++;
          continue;
        }
        quoting = false;
        // Closed before a delimiter or line end (or a NUL, which csv-parse's `!nextChr` also takes); before
        // anything else the quotes become literal text of the field.
        filled = !(n === delim || n === LF || n === CR || n === 0);
        continue;
      }
      if (c === QUOTE) {
        if (!filled) quoting = true;
        continue;
      }
      if (c === LF) {
        end = i + 1;
        break;
      }
      if (c === CR) {
        if (i + 1 >= len && !final) return -1;
        end = s.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
        break;
      }
      filled = c !== delim;
    }
    if (end === -1) {
      if (!final) return -1;
      if (quoting) return -2;
      end = len;
    }
    const text = s.slice(pos, end);
    let records: { record: string[]; raw: string }[];
    try {
      records = parseSync(text, this.options) as unknown as { record: string[]; raw: string }[];
    } catch {
      return -2;
    }
    if (records.length !== 1) return -2;
    const { record, raw } = records[0];
    // csv-parse leaves the LF of a CRLF out of the raw text.
    const crlf = text.length >= 2 && text.charCodeAt(text.length - 1) === LF && text.charCodeAt(text.length - 2) === CR;
    if (raw.length !== text.length && !(crlf && raw.length === text.length - 1)) return -2;
    this.anomalies++;
    onRecord(record, breaksIn(text, 0, text.length), raw);
    return end;
  }
}
