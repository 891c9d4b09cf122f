// Opens a sample (file or stdin), recognises zip and tar archives, undoes gzip, recognises binary files, and yields
// decoded text chunks, within the byte and compression-ratio limits of hostile input (README, "Hostile input").
import { createHash } from 'node:crypto';
import { closeSync, constants, createReadStream, fstatSync, openSync, promises as fsp, readSync } from 'node:fs';
import { Readable, type Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InputError } from '../errors.js';
import { Decoder, detectBom, doubleEncoded, type DecodeStats, type TextEncoding } from './decode.js';

/**
 * The read size, the head peeked at to tell the format, and so the size of a batch of records: 64 KiB (~570
 * beneficiary rows). Measured on the 1M-row bench sample: 1 MiB reads doubled the analysis (4.6 -> 10 s; batches
 * of ~9,000 records outlive V8's young generation and are promoted), 32 KiB made no difference.
 */
const CHUNK_BYTES = 64 * 1024;

/** Default of `--max-bytes`: decompressed bytes read from one input (all archive members together). */
export const DEFAULT_MAX_BYTES = 2 ** 30;
/** A compressed stream (gzip, a zip member) may expand at most this many times ... */
export const MAX_RATIO = 100;
/** ... once it has produced this many bytes (small, very repetitive files are fine). */
export const RATIO_GRACE = 64 * 2 ** 20;

export interface TextSource {
  path: string;
  compression: 'none' | 'gzip';
  encoding: TextEncoding;
  /** Bytes read from the file or stdin (compressed size for gzip), updated while reading. */
  readonly bytesIn: number;
  /** Bytes after decompression, updated while reading. */
  readonly bytesOut: number;
  /** The file's size in bytes when it is a regular file (not standard input, not an archive member). */
  size?: number;
  /** The first decoded text, for sniffing. It is also the start of `chunks`. */
  head: string;
  /** Decoded text in order, starting with `head`. A read error after the head is thrown from here. */
  chunks: AsyncIterable<string>;
  decodeStats: DecodeStats;
}

export interface OpenOptions {
  /** Stop after this many decompressed bytes (default DEFAULT_MAX_BYTES; guards against decompression bombs). */
  maxBytes?: number;
  /** Read from this stream instead of opening `path` (stdin). */
  stream?: Readable;
  /** Take the SHA-256 of the input's bytes as they are read (the analysis's own read, not a worker's). */
  digest?: boolean;
}

/** The SHA-256 of an input's bytes, fed as they are read: its hex digest once they were read to the end. */
export class InputDigest {
  private readonly hash = createHash('sha256');
  private hex: string | undefined;

  update(chunk: Buffer): void {
    if (this.hex === undefined) this.hash.update(chunk);
  }

  end(): void {
    this.hex ??= this.hash.digest('hex');
  }

  /** Undefined until the input was read to its end (a read stopped by --limit or --max-bytes has none). */
  get sha256(): string | undefined {
    return this.hex;
  }
}

/** The SHA-256 of a whole file, read apart from the analysis (a zip archive is read out of order); undefined when it cannot be read. */
export async function fileSha256(path: string): Promise<string | undefined> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  } catch {
    return undefined;
  }
  return hash.digest('hex');
}

/** Decompressed bytes read so far from one input, shared by its parts (archive members), against --max-bytes. */
export interface Budget {
  used: number;
  readonly max: number;
}

export function newBudget(opts: OpenOptions): Budget {
  return { used: 0, max: opts.maxBytes ?? DEFAULT_MAX_BYTES };
}

/** What a sample can be, for messages. */
export const SAMPLE_FORMATS = 'CSV, TSV, JSON, NDJSON, SQL dump, key-value text, fixed-width table or Excel workbook';

const ZIP_MAGIC = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06], // an empty archive: only the end-of-central-directory record
  [0x50, 0x4b, 0x07, 0x08], // a spanned archive's marker before the first local header
];

const BINARY_MAGIC: [string, number[]][] = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  // A proof posted as a PDF: poppler's `pdftotext -layout` keeps its tables' columns, which are then read as such.
  ['a PDF document (write its text with pdftotext -layout first)', [0x25, 0x50, 0x44, 0x46]],
  ['a Microsoft Office (OLE) file such as .xls', [0xd0, 0xcf, 0x11, 0xe0]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['an ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['a 7-Zip archive', [0x37, 0x7a, 0xbc, 0xaf]],
  ['a RAR archive', [0x52, 0x61, 0x72, 0x21]],
  ['a bzip2 stream (only gzip is supported)', [0x42, 0x5a, 0x68]],
  ['an xz stream (only gzip is supported)', [0xfd, 0x37, 0x7a, 0x58]],
  ['a zstd stream (only gzip is supported)', [0x28, 0xb5, 0x2f, 0xfd]],
  // "SQLite format 3\0" and "PAR1": database files and Parquet tables, which a dump may come as.
  ['an SQLite database (export a table as CSV first)', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66, 0x6f, 0x72, 0x6d, 0x61, 0x74, 0x20, 0x33, 0x00]],
  ['a Parquet file (export it as CSV or NDJSON first)', [0x50, 0x41, 0x52, 0x31]],
  // pg_dump -Fc: "PGDMP". Its plain-text form (pg_dump without -Fc, or pg_restore -f) is read.
  ['a PostgreSQL custom-format dump (write it as SQL with pg_restore -f dump.sql first)', [0x50, 0x47, 0x44, 0x4d, 0x50]],
];

function startsWith(buf: Uint8Array, magic: number[]): boolean {
  return buf.length >= magic.length && magic.every((b, i) => buf[i] === b);
}

export function isZip(head: Uint8Array): boolean {
  return ZIP_MAGIC.some((m) => startsWith(head, m));
}

/** Size of a tar block (headers, and the unit file data is padded to). */
export const TAR_BLOCK = 512;

/**
 * Whether a 512-byte block is a tar header: its checksum (the byte sum with the checksum field read as
 * spaces, in octal at offset 148) holds. POSIX ustar, GNU and old v7 headers alike.
 */
export function isTarHeader(block: Uint8Array): boolean {
  if (block.length < TAR_BLOCK) return false;
  const field = Buffer.from(block.subarray(148, 156)).toString('latin1').replace(/[\0 ]+$/, '').trim();
  if (!/^[0-7]{1,7}$/.test(field)) return false;
  let sum = 8 * 32;
  for (let i = 0; i < TAR_BLOCK; i++) if (i < 148 || i >= 156) sum += block[i];
  return sum === parseInt(field, 8);
}

/** An HTML page or XML document: text, but markup around any table it holds. */
const MARKUP = /^\s*<(?:(!doctype\s+html|html)|(\?xml))\b/i;

/** What a marked-up text file is (its head decoded as Latin-1 is enough to tell), or null. */
export function markupKind(head: Uint8Array): string | null {
  const m = MARKUP.exec(Buffer.from(head.subarray(0, 512)).toString('latin1'));
  if (!m) return null;
  return m[1] ? 'an HTML page (save its table as CSV first)' : 'an XML document (export its records as CSV or JSON first)';
}

/** What a binary file is, or null when the head looks like text. */
export function binaryKind(head: Uint8Array, encoding: TextEncoding): string | null {
  if (isZip(head)) return 'a zip archive (inside another archive or compressed stream: extract it first)';
  if (isTarHeader(head)) return 'a tar archive (inside another archive: extract it first)';
  for (const [kind, magic] of BINARY_MAGIC) if (startsWith(head, magic)) return kind;
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return null;
  const n = Math.min(head.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i];
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return n > 0 && control / n > 0.1 ? 'a binary file (not text)' : null;
}

/** The input's bytes and, for a regular file, its size; 'folder' for a folder (read by folder.ts). */
async function openBytes(path: string, opts: OpenOptions): Promise<{ it: AsyncIterator<Buffer>; size?: number } | 'folder'> {
  if (opts.stream) return { it: opts.stream[Symbol.asyncIterator]() };
  let stat;
  try {
    stat = await fsp.stat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `no such file: ${path}` : `cannot open ${path} (${code ?? 'error'})`);
  }
  if (stat.isDirectory()) return 'folder';
  if (stat.isFile()) return { it: fileChunks(path), size: stat.size };
  return { it: createReadStream(path, { flags: 'r', highWaterMark: CHUNK_BYTES })[Symbol.asyncIterator]() };
}

/**
 * A regular file's bytes, read synchronously {@link CHUNK_BYTES} at a time: the analysis is CPU-bound, and each
 * asynchronous read is a round trip through libuv's thread pool (a futex wake-up, an epoll wait, a third thread
 * on two cores). Measured on the 1M-row bench sample: the reader alone 0.93 -> 0.81 s, the whole analysis on two
 * threads 4.94 -> 4.53 s (medians of 5, alternating). Every 16 reads (1 MiB) it lets the event loop run once, for
 * the progress bar's timer and signal handlers. Not for pipes or devices, which can block: they are streamed. The
 * path is opened without blocking and must still be a regular file once open, so a pipe put in the file's place
 * after it was looked at cannot stall the thread.
 */
export async function* fileChunks(path: string): AsyncGenerator<Buffer> {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    if (!fstatSync(fd).isFile()) throw Object.assign(new Error(`${path} is no longer a regular file`), { code: 'ENOTFILE' });
    for (let n = 1; ; n++) {
      const buf = Buffer.allocUnsafe(CHUNK_BYTES);
      const got = readSync(fd, buf, 0, CHUNK_BYTES, null);
      if (got === 0) return;
      yield got < CHUNK_BYTES ? buf.subarray(0, got) : buf;
      if (n % 16 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Read chunks until at least `min` bytes (or the end); returns them and the iterator to continue. A read
 * error ends the peek: it is returned with the chunks read before it, which are still good.
 */
async function peek(it: AsyncIterator<Buffer>, min: number): Promise<{ head: Buffer[]; done: boolean; error?: unknown }> {
  const head: Buffer[] = [];
  let size = 0;
  while (size < min) {
    let next: IteratorResult<Buffer>;
    try {
      next = await it.next();
    } catch (error) {
      return { head, done: true, error };
    }
    if (next.done) return { head, done: true };
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    head.push(chunk);
    size += chunk.length;
  }
  return { head, done: false };
}

/** `head`, then the rest of `rest`: `count` sees each chunk after the head, `end` is called when `rest` has ended. */
async function* chain(head: Buffer[], rest: AsyncIterator<Buffer>, done: boolean, count: (chunk: Buffer) => void, end = (): void => {}) {
  try {
    for (const c of head) yield c;
    if (done) return end();
    for (;;) {
      const next = await rest.next();
      if (next.done) return end();
      const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
      count(chunk);
      yield chunk;
    }
  } finally {
    // Stopped early (a limit, --limit, an error): close the file rather than leave it open.
    if (!done) await rest.return?.();
  }
}

/**
 * Pump `src` through a zlib transform with backpressure; returns the transform's output. An error of `src`
 * destroys the transform with it (read as a truncated stream); when the consumer stops, `src` is closed.
 */
export function inflate(src: AsyncIterable<Buffer>, z: Transform): AsyncIterator<Buffer> {
  const input = Readable.from(src, { objectMode: false });
  input.on('error', (err) => z.destroy(err));
  z.on('close', () => input.destroy());
  input.pipe(z);
  return z[Symbol.asyncIterator]();
}

export function describeReadError(err: unknown, compression: string): string {
  const e = err as NodeJS.ErrnoException;
  if (e instanceof ReadFailure) return e.message;
  if (compression === 'gzip' && (e.code === 'Z_BUF_ERROR' || /unexpected end/i.test(e.message ?? ''))) {
    return 'the gzip stream is truncated';
  }
  if (compression === 'gzip' && e.code?.startsWith('Z_')) return `the gzip stream is corrupt (${e.message})`;
  if (e.code?.startsWith('Z_')) return `the compressed data is corrupt (${e.message})`;
  return `read error (${e.code ?? e.message})`;
}

/** The error a read failure raises inside `chunks`: a sample that ends early. */
export class ReadFailure extends Error {
  override name = 'ReadFailure';
}

/** Raised inside `chunks` when a size or ratio limit stops the read. */
export class ByteLimit extends Error {
  override name = 'ByteLimit';
}

const mib = (n: number): string => (n >= 2 ** 30 && n % 2 ** 30 === 0 ? `${n / 2 ** 30} GiB` : n >= 2 ** 20 && n % 2 ** 20 === 0 ? `${n / 2 ** 20} MiB` : `${n} bytes`);

/** A byte stream to decode: what `decodeBytes` reads. */
export interface ByteInput {
  /** For error messages: the path, or `archive.zip: member.csv`. */
  label: string;
  it: AsyncIterator<Buffer>;
  /** Bytes taken from the file so far (for a zip member: its compressed bytes), for the ratio limit and `bytesIn`. */
  bytesIn: () => number;
  /** Already decompressed (a deflated zip member): the ratio limit applies to it. */
  deflated?: boolean;
}

/**
 * An opened input: decoded text; a zip archive for zip.ts (its path; its bytes when it came on stdin); a folder
 * for folder.ts; or a tar archive for tar.ts (its bytes, gzip undone, and the file's size when known).
 */
export type Opened =
  | { kind: 'text'; text: TextSource; digest?: InputDigest }
  | { kind: 'zip'; path: string; buffer?: Buffer; digest?: InputDigest }
  | { kind: 'folder'; path: string }
  | { kind: 'tar'; path: string; input: ByteInput; inflated: Inflated; size?: number; digest?: InputDigest };

/** Largest zip archive read from standard input (it must be held in memory: a zip is read from its end). */
export const MAX_STDIN_ZIP = 256 * 2 ** 20;

/**
 * Open an input: a zip or tar archive (zip.ts, tar.ts), a folder (folder.ts), or a text sample, decoded. Throws InputError
 * when there is no text to read.
 */
export async function openInput(path: string, opts: OpenOptions = {}, budget = newBudget(opts)): Promise<Opened> {
  const bytes = await openBytes(path, opts);
  if (bytes === 'folder') return { kind: 'folder', path };
  const { it: raw, size } = bytes;
  const first = await peek(raw, CHUNK_BYTES);
  if (first.error) {
    const err = first.error as NodeJS.ErrnoException;
    throw new InputError(`cannot read ${path} (${err.code ?? err.message})`);
  }
  const rawHead = Buffer.concat(first.head);
  const digest = opts.digest ? new InputDigest() : undefined;
  if (isZip(rawHead)) {
    if (!opts.stream) {
      await raw.return?.();
      return { kind: 'zip', path };
    }
    // Standard input cannot seek: hold the archive in memory, up to a cap.
    const parts = [...first.head];
    let size = rawHead.length;
    while (!first.done) {
      const next = await raw.next().catch((err: NodeJS.ErrnoException) => {
        throw new InputError(`cannot read ${path} (${err.code ?? err.message})`);
      });
      if (next.done) break;
      size += next.value.length;
      if (size > MAX_STDIN_ZIP) {
        await raw.return?.();
        throw new InputError(`a zip archive on standard input larger than ${mib(MAX_STDIN_ZIP)}: pass it as a file`);
      }
      parts.push(next.value);
    }
    const buffer = Buffer.concat(parts);
    digest?.update(buffer);
    digest?.end();
    return { kind: 'zip', path, buffer, digest };
  }
  let bytesIn = 0;
  for (const c of first.head) {
    bytesIn += c.length;
    digest?.update(c);
  }
  const count = (chunk: Buffer): void => {
    bytesIn += chunk.length;
    digest?.update(chunk);
  };
  const input: ByteInput = {
    label: path,
    it: chain(first.head, raw, first.done, count, () => digest?.end())[Symbol.asyncIterator](),
    bytesIn: () => bytesIn,
  };
  const inflated = await inflateInput(input);
  if (isTarHeader(Buffer.concat(inflated.head))) return { kind: 'tar', path, input, inflated, size, digest };
  const text = await decodeBytes(input, budget, inflated);
  if (size !== undefined) text.size = size;
  return { kind: 'text', text, digest };
}

/** A byte stream with its gzip layer undone, and the head of what came out (for sniffing). */
export interface Inflated {
  compression: 'none' | 'gzip';
  /** The decompressed bytes after `head`. */
  bytes: AsyncIterator<Buffer>;
  head: Buffer[];
  /** `bytes` has ended already. */
  done: boolean;
  /** A read error met while peeking at the head (the head read before it is still good). */
  error?: unknown;
}

/** Undo gzip and peek at the first {@link CHUNK_BYTES} decompressed bytes. Throws InputError when nothing can be read. */
export async function inflateInput(input: ByteInput): Promise<Inflated> {
  const first = await peek(input.it, 2);
  const rawHead = Buffer.concat(first.head);
  const gzip = rawHead[0] === 0x1f && rawHead[1] === 0x8b;
  const compression = gzip ? 'gzip' : 'none';
  let bytes: AsyncIterator<Buffer>;
  if (gzip) {
    bytes = inflate(chain(first.head, input.it, first.done, () => {}), createGunzip());
  } else if (first.error && !first.head.length) {
    throw new InputError(`cannot read ${input.label}: ${describeReadError(first.error, compression)}`);
  } else {
    bytes = chain(first.head, input.it, first.done, () => {})[Symbol.asyncIterator]();
  }
  const dhead = await peek(bytes, CHUNK_BYTES);
  // A stream that fails before yielding anything has no text to read. One that fails later (a small
  // truncated gzip) still has its head: the records in it are read, then `chunks` throws ReadFailure.
  if (dhead.error && dhead.head.length === 0) {
    throw new InputError(`cannot read ${input.label}: ${describeReadError(dhead.error, compression)}`);
  }
  return { compression, bytes, head: dhead.head, done: dhead.done, error: dhead.error };
}

/**
 * Decode a byte stream: undo gzip, refuse binary content (and markup, unless `xml`: a workbook's parts), decode
 * the text, and stop at the byte budget or when a compressed stream expands more than MAX_RATIO times. Throws
 * InputError when there is no text.
 */
export async function decodeBytes(input: ByteInput, budget: Budget, inflated?: Inflated, xml = false): Promise<TextSource> {
  const { label } = input;
  const { compression, bytes, head: headChunks, done: headDone, error: headError } = inflated ?? (await inflateInput(input));
  const compressed = compression === 'gzip' || input.deflated === true;
  const headBuf = Buffer.concat(headChunks);
  const { encoding, bomLength } = detectBom(headBuf);
  const kind = binaryKind(headBuf.subarray(bomLength), encoding) ?? (xml ? null : markupKind(headBuf.subarray(bomLength)));
  if (kind) {
    await bytes.return?.();
    throw new InputError(`${label} looks like ${kind}, not a ${SAMPLE_FORMATS} sample`);
  }
  let decoder = new Decoder(encoding);
  let bytesOut = headBuf.length;
  budget.used += headBuf.length;
  if (budget.used > budget.max) {
    await bytes.return?.();
    throw new InputError(`${label} is larger than --max-bytes (${budget.max} bytes)`);
  }
  let head = decoder.write(headBuf.subarray(bomLength)) + (headDone ? decoder.end() : '');
  // UTF-8 read as Windows-1252 and saved as UTF-8 again: read again from the start, undoing it.
  if (!encoding.startsWith('utf-16') && !decoder.stats.invalidBytes && doubleEncoded(head)) {
    decoder = new Decoder(encoding);
    decoder.undoDoubleEncoding();
    head = decoder.write(headBuf.subarray(bomLength)) + (headDone ? decoder.end() : '');
  }
  async function* text(): AsyncGenerator<string> {
    try {
      yield head;
      if (headError) throw new ReadFailure(describeReadError(headError, compression));
      if (headDone) return;
      for (;;) {
        let next: IteratorResult<Buffer>;
        try {
          next = await bytes.next();
        } catch (err) {
          throw new ReadFailure(describeReadError(err, compression));
        }
        if (next.done) break;
        bytesOut += next.value.length;
        budget.used += next.value.length;
        if (budget.used > budget.max) {
          throw new ByteLimit(`stopped after --max-bytes (${mib(budget.max)} of decompressed input; raise --max-bytes to read more)`);
        }
        if (compressed && bytesOut > RATIO_GRACE && bytesOut > MAX_RATIO * input.bytesIn()) {
          throw new ByteLimit(
            `stopped after ${mib(Math.floor(bytesOut / 2 ** 20) * 2 ** 20)}: the compressed data expands more than ${MAX_RATIO} times (a decompression bomb?)`,
          );
        }
        yield decoder.write(next.value);
      }
      const tail = decoder.end();
      if (tail) yield tail;
    } finally {
      await bytes.return?.();
    }
  }
  return {
    path: label,
    compression,
    encoding,
    get bytesIn() {
      return input.bytesIn();
    },
    get bytesOut() {
      return bytesOut;
    },
    head,
    chunks: text(),
    decodeStats: decoder.stats,
  };
}

/** Text read without a record coming out of it (CSV: an unclosed quote, a line with no break) ends the read. */
export const MAX_RECORD_CHARS = 16 * 2 ** 20;

/**
 * Watch a text stream for a record that never ends: `progress()` is called whenever the reader completes a
 * record or reports an issue; text beyond MAX_RECORD_CHARS without progress throws ByteLimit from `chunks`
 * (the reader keeps the records before it, and the read ends with a `truncated` issue). This bounds the
 * memory a parser spends holding one record.
 */
export function recordGuard(chunks: AsyncIterable<string>, max = MAX_RECORD_CHARS): { chunks: AsyncGenerator<string>; progress: () => void } {
  let pending = 0;
  async function* guarded(): AsyncGenerator<string> {
    for await (const text of chunks) {
      pending += text.length;
      if (pending > max) {
        throw new ByteLimit(`a record runs past ${mib(max)} without ending (an unclosed quote, or a line with no line break)`);
      }
      yield text;
    }
  }
  return { chunks: guarded(), progress: () => void (pending = 0) };
}
