// Opens a sample (file or stdin), undoes gzip, recognises binary files, and yields decoded text chunks.
import { createReadStream, promises as fsp } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InputError } from '../errors.js';
import { Decoder, detectBom, type DecodeStats, type TextEncoding } from './decode.js';

const HEAD_BYTES = 64 * 1024;

export interface TextSource {
  path: string;
  compression: 'none' | 'gzip';
  encoding: TextEncoding;
  /** Bytes read from the file or stdin (compressed size for gzip), updated while reading. */
  readonly bytesIn: number;
  /** Bytes after decompression, updated while reading. */
  readonly bytesOut: number;
  /** The first decoded text, for sniffing. It is also the start of `chunks`. */
  head: string;
  /** Decoded text in order, starting with `head`. A read error after the head is thrown from here. */
  chunks: AsyncIterable<string>;
  decodeStats: DecodeStats;
}

export interface OpenOptions {
  /** Stop after this many decompressed bytes (guards against decompression bombs). */
  maxBytes?: number;
  /** Read from this stream instead of opening `path` (stdin). */
  stream?: Readable;
}

const BINARY_MAGIC: [string, number[]][] = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['a zip archive (zip input is not supported yet: extract it first)', [0x50, 0x4b, 0x03, 0x04]],
  ['an empty zip archive', [0x50, 0x4b, 0x05, 0x06]],
  ['a Microsoft Office (OLE) file such as .xls', [0xd0, 0xcf, 0x11, 0xe0]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['an ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['a 7-Zip archive', [0x37, 0x7a, 0xbc, 0xaf]],
  ['a RAR archive', [0x52, 0x61, 0x72, 0x21]],
  ['a bzip2 stream (only gzip is supported)', [0x42, 0x5a, 0x68]],
  ['an xz stream (only gzip is supported)', [0xfd, 0x37, 0x7a, 0x58]],
  ['a zstd stream (only gzip is supported)', [0x28, 0xb5, 0x2f, 0xfd]],
];

function startsWith(buf: Uint8Array, magic: number[]): boolean {
  return buf.length >= magic.length && magic.every((b, i) => buf[i] === b);
}

/** What a binary file is, or null when the head looks like text. */
export function binaryKind(head: Uint8Array, encoding: TextEncoding): string | null {
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

async function openBytes(path: string, opts: OpenOptions): Promise<AsyncIterator<Buffer>> {
  if (opts.stream) return opts.stream[Symbol.asyncIterator]();
  let stat;
  try {
    stat = await fsp.stat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `no such file: ${path}` : `cannot open ${path} (${code ?? 'error'})`);
  }
  if (stat.isDirectory()) throw new InputError(`${path} is a directory, not a sample file`);
  return createReadStream(path, { flags: 'r', highWaterMark: HEAD_BYTES })[Symbol.asyncIterator]();
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

async function* chain(head: Buffer[], rest: AsyncIterator<Buffer>, done: boolean, count: (n: number) => void) {
  for (const c of head) yield c;
  if (done) return;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    count(chunk.length);
    yield chunk;
  }
}

function describeReadError(err: unknown, compression: string): string {
  const e = err as NodeJS.ErrnoException;
  if (compression === 'gzip' && (e.code === 'Z_BUF_ERROR' || /unexpected end/i.test(e.message ?? ''))) {
    return 'the gzip stream is truncated';
  }
  if (compression === 'gzip' && e.code?.startsWith('Z_')) return `the gzip stream is corrupt (${e.message})`;
  return `read error (${e.code ?? e.message})`;
}

/** The error a read failure raises inside `chunks`: a sample that ends early. */
export class ReadFailure extends Error {
  override name = 'ReadFailure';
}

export class ByteLimit extends Error {
  override name = 'ByteLimit';
}

/** Open a sample and decode its text. Throws InputError when there is no text to read. */
export async function openText(path: string, opts: OpenOptions = {}): Promise<TextSource> {
  const raw = await openBytes(path, opts);
  let bytesIn = 0;
  let bytesOut = 0;
  const first = await peek(raw, HEAD_BYTES);
  if (first.error) {
    const err = first.error as NodeJS.ErrnoException;
    throw new InputError(`cannot read ${path} (${err.code ?? err.message})`);
  }
  for (const c of first.head) bytesIn += c.length;
  const rawHead = Buffer.concat(first.head);
  const gzip = rawHead[0] === 0x1f && rawHead[1] === 0x8b;
  let bytes: AsyncIterator<Buffer>;
  if (gzip) {
    const gunzip = createGunzip();
    const compressed = chain(first.head, raw, first.done, (n) => (bytesIn += n));
    (async () => {
      try {
        for await (const c of compressed) if (!gunzip.write(c)) await new Promise((r) => gunzip.once('drain', r));
        gunzip.end();
      } catch (err) {
        gunzip.destroy(err as Error);
      }
    })();
    bytes = gunzip[Symbol.asyncIterator]();
  } else {
    bytes = chain(first.head, raw, first.done, (n) => (bytesIn += n))[Symbol.asyncIterator]();
  }
  const compression = gzip ? 'gzip' : 'none';
  const dhead = await peek(bytes, HEAD_BYTES);
  const headBuf = Buffer.concat(dhead.head);
  // A stream that fails before yielding anything has no text to read. One that fails later (a small
  // truncated gzip) still has its head: the records in it are read, then `chunks` throws ReadFailure.
  if (dhead.error && headBuf.length === 0) {
    throw new InputError(`cannot read ${path}: ${describeReadError(dhead.error, compression)}`);
  }
  const { encoding, bomLength } = detectBom(headBuf);
  const kind = binaryKind(headBuf.subarray(bomLength), encoding);
  if (kind) throw new InputError(`${path} looks like ${kind}, not a CSV, TSV, JSON or NDJSON sample`);
  const decoder = new Decoder(encoding);
  const maxBytes = opts.maxBytes ?? Infinity;
  bytesOut = headBuf.length;
  if (bytesOut > maxBytes) throw new InputError(`${path} is larger than --max-bytes (${maxBytes} bytes)`);
  const head = decoder.write(headBuf.subarray(bomLength)) + (dhead.done ? decoder.end() : '');
  async function* text(): AsyncGenerator<string> {
    yield head;
    if (dhead.error) throw new ReadFailure(describeReadError(dhead.error, compression));
    if (dhead.done) return;
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = await bytes.next();
      } catch (err) {
        throw new ReadFailure(describeReadError(err, compression));
      }
      if (next.done) break;
      bytesOut += next.value.length;
      if (bytesOut > maxBytes) throw new ByteLimit(`stopped after --max-bytes (${maxBytes} bytes of decompressed input)`);
      yield decoder.write(next.value);
    }
    const tail = decoder.end();
    if (tail) yield tail;
  }
  return {
    path,
    compression,
    encoding,
    get bytesIn() {
      return bytesIn;
    },
    get bytesOut() {
      return bytesOut;
    },
    head,
    chunks: text(),
    decodeStats: decoder.stats,
  };
}
