// Bytes to text: BOM-selected UTF-8/UTF-16, UTF-8 whose invalid bytes fall back to Windows-1252, and UTF-8 that
// was read as Windows-1252 and saved as UTF-8 again (double-encoded), undone.
import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';

// Windows-1252 differs from Latin-1 only in 0x80-0x9F (WHATWG Encoding Standard, index-windows-1252);
// Node's TextDecoder maps the label to Latin-1, so those 32 bytes are spelled out here.
const CP1252_80_9F =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function cp1252(byte: number): string {
  return byte >= 0x80 && byte <= 0x9f ? CP1252_80_9F[byte - 0x80] : String.fromCharCode(byte);
}

/** The Windows-1252 byte of each character it reads 0x80-0x9F as. */
const CP1252_BYTE = new Map([...CP1252_80_9F].map((ch, i) => [ch.charCodeAt(0), 0x80 + i]));

/** The byte Windows-1252 (or Latin-1, which reads 0x80-0x9F as C1 controls) reads as `c`, or -1. */
function cp1252Byte(c: number): number {
  return c <= 0xff ? c : (CP1252_BYTE.get(c) ?? -1);
}

/** A string as the bytes Windows-1252 or Latin-1 reads as its characters; a character no byte reads as gives its UTF-8 bytes. */
function cp1252Bytes(s: string): Buffer {
  const out = Buffer.allocUnsafe(s.length * 3);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const b = cp1252Byte(s.charCodeAt(i));
    if (b >= 0) out[n++] = b;
    else n += out.write(s[i], n, 'utf8');
  }
  return out.subarray(0, n);
}

/** Runs of double-encoded characters needed before text is taken for double-encoded. */
export const MIN_DOUBLE_RUNS = 3;

/**
 * Whether text is UTF-8 that was read as Windows-1252 (or Latin-1) and saved as UTF-8 again (Excel opening a UTF-8
 * CSV that has no BOM, then "CSV UTF-8"): `à¤ªà¥à¤°à¥à¤·` for पुरुष, `Ã©` for é. Every run of non-ASCII characters
 * comes from those code pages and, as their bytes, is well-formed UTF-8 of two bytes or more; at least
 * MIN_DOUBLE_RUNS runs. A run at the end of `text` (the head of a file, perhaps cut mid-character) is not judged.
 */
export function doubleEncoded(text: string): boolean {
  let runs = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) < 0x80) continue;
    let end = i;
    while (end < text.length && text.charCodeAt(end) >= 0x80) end++;
    if (end === text.length) break;
    const run = text.slice(i, end);
    for (let k = 0; k < run.length; k++) if (cp1252Byte(run.charCodeAt(k)) < 0) return false;
    const bytes = cp1252Bytes(run);
    if (bytes.length < 2 || !isUtf8(bytes)) return false;
    runs++;
    i = end;
  }
  return runs >= MIN_DOUBLE_RUNS;
}

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

/** The encoding a byte-order mark announces, and the BOM's length. */
export function detectBom(head: Uint8Array): { encoding: TextEncoding; bomLength: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8-bom', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return { encoding: 'utf-8', bomLength: 0 };
}

/** Length of the UTF-8 sequence a lead byte starts (0 for a byte that cannot start one). */
function seqLength(b: number): number {
  if (b < 0x80) return 1;
  if (b >= 0xc2 && b <= 0xdf) return 2;
  if (b >= 0xe0 && b <= 0xef) return 3;
  if (b >= 0xf0 && b <= 0xf4) return 4;
  return 0;
}

/**
 * Whether the `len` bytes at `i` form one well-formed UTF-8 sequence (Unicode Table 3-7: no overlong
 * forms, no surrogates, nothing above U+10FFFF). Checked in place, without slicing the buffer.
 */
function wellFormed(buf: Buffer, i: number, len: number): boolean {
  if (i + len > buf.length) return false;
  const lead = buf[i];
  const second = buf[i + 1];
  let lo = 0x80;
  let hi = 0xbf;
  if (lead === 0xe0) lo = 0xa0;
  else if (lead === 0xed) hi = 0x9f;
  else if (lead === 0xf0) lo = 0x90;
  else if (lead === 0xf4) hi = 0x8f;
  if (second < lo || second > hi) return false;
  for (let k = 2; k < len; k++) {
    const b = buf[i + k];
    if (b < 0x80 || b > 0xbf) return false;
  }
  return true;
}

export interface DecodeStats {
  /** Bytes that were not valid UTF-8 and were read as Windows-1252. */
  invalidBytes: number;
  /** Physical line of the first invalid byte (1-based), or 0. */
  firstInvalidLine: number;
  /** The text was double-encoded UTF-8 (see {@link doubleEncoded}), read as what it was before. */
  doubleEncoded?: boolean;
}

/** A streaming decoder; call `write` per chunk and `end` once. */
export class Decoder {
  readonly stats: DecodeStats = { invalidBytes: 0, firstInvalidLine: 0 };
  private pending: Buffer = Buffer.alloc(0);
  private newlines = 0;
  private pendingCR = false;
  private readonly utf16?: TextDecoder;

  constructor(readonly encoding: TextEncoding) {
    if (encoding === 'utf-16le' || encoding === 'utf-16be') this.utf16 = new TextDecoder(encoding);
  }

  /** From now on, undo a double encoding: the decoded text's Windows-1252 bytes are decoded as UTF-8 again. */
  undoDoubleEncoding(): void {
    this.stats.doubleEncoded = true;
    this.inner = new Decoder('utf-8');
  }

  private inner: Decoder | undefined;

  write(chunk: Buffer): string {
    if (this.inner) return this.inner.write(cp1252Bytes(this.decode(chunk)));
    return this.decode(chunk);
  }

  end(): string {
    if (this.inner) return this.inner.write(cp1252Bytes(this.finish())) + this.inner.end();
    return this.finish();
  }

  private decode(chunk: Buffer): string {
    if (this.utf16) return this.utf16.decode(chunk, { stream: true });
    const buf = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    // Hold back a sequence cut by the chunk boundary.
    let cut = buf.length;
    for (let back = 1; back <= 3 && back <= buf.length; back++) {
      const b = buf[buf.length - back];
      if (b >= 0x80 && b < 0xc0) continue;
      if (seqLength(b) > back) cut = buf.length - back;
      break;
    }
    this.pending = Buffer.from(buf.subarray(cut));
    return this.decodeUtf8(buf.subarray(0, cut));
  }

  private finish(): string {
    if (this.utf16) return this.utf16.decode();
    const rest = this.pending;
    this.pending = Buffer.alloc(0);
    return rest.length ? this.decodeUtf8(rest) : '';
  }

  private decodeUtf8(buf: Buffer): string {
    if (isUtf8(buf)) {
      const text = buf.toString('utf8');
      if (!this.stats.firstInvalidLine) this.countNewlines(buf, buf.length);
      return text;
    }
    let out = '';
    let start = 0; // start of the current valid run
    let i = 0;
    while (i < buf.length) {
      const len = seqLength(buf[i]);
      if (len === 1 || (len > 1 && wellFormed(buf, i, len))) {
        i += len;
        continue;
      }
      if (start < i) out += buf.toString('utf8', start, i);
      if (!this.stats.firstInvalidLine) {
        this.countNewlines(buf, i);
        this.stats.firstInvalidLine = this.newlines + 1;
      }
      this.stats.invalidBytes++;
      out += cp1252(buf[i]);
      i++;
      start = i;
    }
    if (start < buf.length) out += buf.toString('utf8', start);
    if (!this.stats.firstInvalidLine) this.countNewlines(buf, buf.length);
    return out;
  }

  /**
   * Count the line breaks in buf[0, end): LF, CRLF (once) and a lone CR (old Mac files), so the
   * first invalid byte gets its physical line whatever the line ends. A CR that ends one buffer is
   * settled by the first byte of the next.
   */
  private countNewlines(buf: Buffer, end: number): void {
    if (this.pendingCR) {
      this.pendingCR = false;
      if (buf.length && buf[0] !== 10) this.newlines++;
    }
    for (let at = buf.indexOf(10); at !== -1 && at < end; at = buf.indexOf(10, at + 1)) this.newlines++;
    for (let at = buf.indexOf(13); at !== -1 && at < end; at = buf.indexOf(13, at + 1)) {
      if (at + 1 < buf.length) {
        if (buf[at + 1] !== 10) this.newlines++;
      } else this.pendingCR = true;
    }
  }
}
