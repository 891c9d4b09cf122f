// read: open a sample, sniff its format, and stream its records in batches.
import { InputError, UsageError } from '../errors.js';
import { KIND_LABEL, kindOf, type ArchiveInfo, type IngestIssue, type InputFormat, type RawRecord, type SampleKind } from '../types.js';
import { chatRecords } from './chat.js';
import { defaultCsvParser, readCsv, sniffDelimiter, sniffLineEnding } from './csv.js';
import { fixedColumns, fixedToPipes } from './fixed-width.js';
import { readJson } from './json.js';
import { ByteLimit, fileSha256, MAX_RECORD_CHARS, newBudget, openInput, ReadFailure, recordGuard, type OpenOptions, type TextSource } from './source.js';
import { looksLikeSql, readSql } from './sql.js';
import { looksLikeKeyValue, readKeyValue } from './text.js';
import { readFolderSample } from './folder.js';
import { readTarSample } from './tar.js';
import { readZipSample } from './zip.js';

export interface ReadOptions extends OpenOptions {
  /** Force a format instead of sniffing it. */
  format?: InputFormat;
  /** Force the presence or absence of a header row (delimited text). */
  header?: boolean;
  /** The table of an SQL dump whose rows are the records (default: the first with rows) ... */
  table?: string;
  /** ... and whether a sample that is not a dump ignores it (the other side of a comparison) rather than refuse it. */
  tableIfDump?: boolean;
}

export interface Sample {
  path: string;
  compression: 'none' | 'gzip';
  encoding: string;
  format: () => InputFormat;
  delimiter?: string;
  lineEnding?: 'LF' | 'CRLF' | 'CR' | 'mixed';
  header: () => boolean | undefined;
  /** Column names: final once the first batch has been pulled (or the sample has ended). */
  columns: () => string[];
  bytes: () => number;
  /** The file's size in bytes when known (not for standard input, a zip archive or a workbook): see {@link projectRows}. */
  size?: number;
  batches: AsyncGenerator<RawRecord[]>;
  /** Whether its dates are typed values (MongoDB Extended JSON's `$date`, a workbook's date cells), known once records were read. */
  datesTyped?: () => boolean;
  /** An archive's members and what became of each (final once `batches` has ended). */
  archive?: () => ArchiveInfo;
  /**
   * With the `digest` option: the SHA-256 of the input file's bytes (compressed, archive and all), once `batches`
   * has ended; undefined when the read stopped before the end, or for a folder.
   */
  sha256?: () => Promise<string | undefined>;
}

/** The format the text's head shows. */
export function sniffFormat(head: string): SampleKind {
  const m = /^\s*([[{])\s*(\S?)/.exec(head);
  if (!m) return looksLikeSql(head) ? 'sql' : looksLikeKeyValue(head) ? 'text' : 'delimited';
  // JSON opens an object with a key or `}`, an array with a value or `]`; a CSV cell such as
  // `{x},y` or `[draft] notes,...` does not.
  const next = m[2];
  if (next === '') return 'json';
  return m[1] === '{' ? (next === '"' || next === '}' ? 'json' : 'delimited') : /[[{"\]\d\-tfn]/.test(next) ? 'json' : 'delimited';
}

/**
 * Rows the whole sample will hold if the rest of the file is like what has been read: `rows` read so far,
 * scaled by the file's size over the bytes taken from it (compressed bytes for gzip, so the ratio holds).
 * At most `limit` (--limit). Undefined when the size is unknown or nothing has been read. An estimate, for
 * sizing stores, never a count.
 */
export function projectRows(sample: Pick<Sample, 'bytes' | 'size'>, rows: number, limit = Infinity): number | undefined {
  const read = sample.bytes();
  if (sample.size === undefined || read <= 0 || rows <= 0) return undefined;
  return Math.min(limit, Math.max(rows, Math.round((rows * sample.size) / read)));
}

/** Open a sample for reading; structure problems go to `onIssue` as they are met. */
export async function readSample(
  path: string,
  onIssue: (issue: IngestIssue) => void,
  opts: ReadOptions = {},
): Promise<Sample> {
  const budget = newBudget(opts);
  const opened = await openInput(path, opts, budget);
  if (opened.kind === 'folder') return readFolderSample(opened.path, onIssue, opts, budget, sampleFromText);
  // A zip is read out of order (its directory first, members by offset): its file is hashed in a pass of its own.
  const zipFile = opts.digest && opened.kind === 'zip' && !opened.buffer ? fileSha256(path) : undefined;
  const sample =
    opened.kind === 'zip'
      ? await readZipSample(opened, onIssue, opts, budget, sampleFromText)
      : opened.kind === 'tar'
        ? await readTarSample(opened, onIssue, opts, budget, sampleFromText)
        : sampleFromText(path, opened.text, onIssue, opts);
  if (opts.digest) sample.sha256 = () => zipFile ?? Promise.resolve(opened.digest?.sha256);
  return sample;
}

/** A sample over decoded text (a file, stdin, or one archive member). Throws InputError when the text is empty. */
export function sampleFromText(path: string, text: TextSource, onIssue: (issue: IngestIssue) => void, opts: ReadOptions = {}): Sample {
  if (text.head.trim() === '') {
    throw new InputError(`${path} is empty${text.head.length ? ' (whitespace only)' : ''}: there are no records to analyse`);
  }
  const stats = text.decodeStats;
  let reportedEncoding = false;
  if (stats.doubleEncoded) onIssue({ code: 'double-encoded', line: 1 });
  const reportEncoding = (): void => {
    if (stats.invalidBytes && !reportedEncoding) {
      reportedEncoding = true;
      onIssue({ code: 'invalid-encoding', line: stats.firstInvalidLine, data: { bytes: stats.invalidBytes } });
    }
  };
  const kind = opts.format ? kindOf(opts.format) : sniffFormat(text.head);

  /** Turn a read failure into a `truncated` issue: what was read before it is still analysed. */
  async function* guard(batches: AsyncGenerator<RawRecord[]>, lastLine: () => number) {
    try {
      for await (const b of batches) {
        reportEncoding();
        yield b;
      }
    } catch (err) {
      if (err instanceof ReadFailure || err instanceof ByteLimit) {
        onIssue({ code: 'truncated', line: lastLine(), data: { reason: err.message } });
      } else throw err;
    } finally {
      reportEncoding();
    }
  }

  const common = {
    path,
    compression: text.compression,
    bytes: () => text.bytesIn,
    size: text.size,
  };
  // A record that never ends (an unclosed quote, a 100 MB line) stops the read rather than fill memory
  // (JSON bounds its records itself: json.ts MAX_RECORD).
  const watch = recordGuard(text.chunks, kind === 'json' ? Infinity : MAX_RECORD_CHARS);
  const issue = (i: IngestIssue): void => {
    watch.progress();
    onIssue(i);
  };
  let lastLine = 0;
  const track = async function* (batches: AsyncGenerator<RawRecord[]>) {
    for await (const b of batches) {
      if (b.length) {
        lastLine = b[b.length - 1].line;
        watch.progress();
      }
      yield b;
    }
  };
  /** The sample over one reader's records. */
  const sample = (reader: {
    format: () => InputFormat;
    batches: AsyncGenerator<RawRecord[]>;
    columns: () => string[];
    header?: () => boolean | undefined;
    delimiter?: string;
  }): Sample => ({
    ...common,
    get encoding() {
      return stats.invalidBytes ? 'utf-8+windows-1252' : stats.doubleEncoded ? `${text.encoding} (double-encoded, undone)` : text.encoding;
    },
    format: reader.format,
    ...(reader.delimiter === undefined ? {} : { delimiter: reader.delimiter }),
    ...(kind === 'json' ? {} : { lineEnding: sniffLineEnding(text.head) }),
    header: reader.header ?? (() => undefined),
    columns: reader.columns,
    batches: guard(track(reader.batches), () => lastLine),
  });
  if (opts.table !== undefined && kind !== 'sql' && !opts.tableIfDump) throw new UsageError(`--table applies to SQL dumps; ${path} reads as ${KIND_LABEL[kind]}`);
  if (kind === 'json') {
    const r = readJson(watch.chunks, issue);
    return { ...sample({ format: () => opts.format ?? r.format, batches: chatRecords(r.batches, issue), columns: () => [] }), datesTyped: () => r.datesTyped };
  }
  if (kind === 'sql') {
    const r = readSql(watch.chunks, issue, opts.table, watch.progress);
    return sample({ format: () => 'sql', batches: r.batches, columns: () => r.columns });
  }
  if (kind === 'text') return sample({ format: () => 'text', batches: readKeyValue(watch.chunks, issue), columns: () => [] });
  // A table in fixed-width columns (a PDF's, a printed report's): its lines cut into cells, read as a pasted table.
  const table = opts.format === undefined ? fixedColumns(text.head) : null;
  if (table) {
    const r = readCsv(fixedToPipes(watch.chunks, table), '|', issue, opts.header, defaultCsvParser(), true);
    return sample({ format: () => 'fixed-width', batches: r.batches, header: () => r.header, columns: () => r.columns });
  }
  // A workbook's rows come as CSV lines written by xlsx.ts: commas, whatever the cells hold.
  const delimiter = opts.format === 'xlsx' ? ',' : sniffDelimiter(text.head);
  const r = readCsv(watch.chunks, delimiter, issue, opts.header);
  return sample({ format: () => opts.format ?? (delimiter === '\t' ? 'tsv' : 'csv'), delimiter, batches: r.batches, header: () => r.header, columns: () => r.columns });
}
