// Tar archives (.tar, .tar.gz, .tgz), read as one sample by archive.ts. A tar is one stream of 512-byte headers,
// each followed by its file's bytes: files are considered in archive order, as they stream past. Since a file
// passed cannot be gone back to, only files named as data (.csv, .tsv, .tab, .psv, .json, .ndjson, .jsonl, .sql,
// optionally .gz) are tried; the others (a README first of all) are listed as skipped. POSIX (ustar, pax) and
// GNU (long names) headers are read. Every byte that comes out of the gzip layer counts against --max-bytes and
// the expansion limit, those of files skipped included (a bomb hidden in a skipped file is still stopped).
import type { ArchiveMember, IngestIssue } from '../types.js';
import { METADATA, readArchiveSample, shownName, unsafeName, type ArchiveFile } from './archive.js';
import type { ReadOptions, Sample } from './index.js';
import { describeReadError, isTarHeader, MAX_RATIO, RATIO_GRACE, ReadFailure, TAR_BLOCK, type Budget, type ByteInput, type Inflated } from './source.js';

/** Names of the files a tar's reader tries: data names, not `.txt` (a README would lead and push the data out). */
const TAR_DATA_NAME = /\.(?:csv|tsv|tab|psv|json|ndjson|jsonl|sql)(?:\.gz)?$/i;
/** Longest pax or GNU long-name record read (a name, a size); longer ones are skipped. */
const MAX_META = 64 * 1024;

/** The bytes of a tar stream, taken exactly: `take(n)` for headers, `stream(n)` for a file's data. */
class TarBytes {
  private pending: Buffer | null = null;
  private readonly chunks: AsyncIterator<Buffer>;
  /** Bytes handed out so far. */
  offset = 0;

  constructor(inflated: Inflated, onChunk: (n: number) => void, compression: string) {
    this.chunks = (async function* () {
      for (const c of inflated.head) yield c;
      if (inflated.error) throw new ReadFailure(describeReadError(inflated.error, compression));
      if (inflated.done) return;
      for (;;) {
        let next: IteratorResult<Buffer>;
        try {
          next = await inflated.bytes.next();
        } catch (err) {
          throw new ReadFailure(describeReadError(err, compression));
        }
        if (next.done) return;
        onChunk(next.value.length);
        yield next.value;
      }
    })();
  }

  /** The next piece of at most `max` bytes, or null at the end of the stream. */
  private async piece(max: number): Promise<Buffer | null> {
    let buf = this.pending;
    if (!buf) {
      const next = await this.chunks.next();
      if (next.done) return null;
      buf = next.value;
    }
    this.pending = buf.length > max ? buf.subarray(max) : null;
    const out = buf.length > max ? buf.subarray(0, max) : buf;
    this.offset += out.length;
    return out;
  }

  /** Exactly `n` bytes, or fewer when the stream ends first. */
  async take(n: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    let got = 0;
    while (got < n) {
      const p = await this.piece(n - got);
      if (!p) break;
      parts.push(p);
      got += p.length;
    }
    return parts.length === 1 ? parts[0] : Buffer.concat(parts);
  }

  /** The next `n` bytes as they come; `done` says how many were handed out. The stream ending first is an error. */
  async *stream(n: number, done: (k: number) => void): AsyncGenerator<Buffer> {
    let left = n;
    while (left > 0) {
      const p = await this.piece(left);
      if (!p) throw new ReadFailure('the tar archive ends inside a file');
      left -= p.length;
      done(n - left);
      yield p;
    }
  }

  /** Pass `n` bytes by. */
  async skip(n: number): Promise<void> {
    for (let left = n; left > 0; ) {
      const p = await this.piece(Math.min(left, 1 << 20));
      if (!p) throw new ReadFailure('the tar archive ends inside a file');
      left -= p.length;
    }
  }

  close(): void {
    void this.chunks.return?.(undefined);
  }
}

/** A NUL-terminated header field as text. */
function text(block: Buffer, at: number, len: number): string {
  const field = block.subarray(at, at + len);
  const end = field.indexOf(0);
  return field.subarray(0, end < 0 ? len : end).toString('utf8');
}

/** A numeric header field: octal text, or big-endian base-256 when its first byte has the high bit set (GNU). */
function numeric(block: Buffer, at: number, len: number): number {
  if (block[at] & 0x80) {
    let n = block[at] & 0x7f;
    for (let i = at + 1; i < at + len; i++) n = n * 256 + block[i];
    return n;
  }
  const s = text(block, at, len).trim();
  if (!/^[0-7]*$/.test(s)) throw new Error('a tar header with a corrupt size field');
  return s ? parseInt(s, 8) : 0;
}

/** A pax extended header's records (`<length> <key>=<value>\n`): the path and size it sets. */
function paxRecords(data: Buffer): { path?: string; size?: number } {
  const out: { path?: string; size?: number } = {};
  for (const line of data.toString('utf8').split('\n')) {
    const m = /^\d+ ([^=]+)=(.*)$/.exec(line);
    if (m?.[1] === 'path') out.path = m[2];
    else if (m?.[1] === 'size' && /^\d+$/.test(m[2])) out.size = Number(m[2]);
  }
  return out;
}

const padded = (n: number): number => Math.ceil(n / TAR_BLOCK) * TAR_BLOCK;

const ENTRY_KIND: Record<string, string> = {
  '1': 'a hard link',
  '2': 'a symbolic link',
  '3': 'a character device',
  '4': 'a block device',
  '6': 'a FIFO',
};

/** Read a tar archive (gzip already undone) as one sample (see archive.ts). Throws InputError when no file is a sample. */
export async function readTarSample(
  opened: { path: string; input: ByteInput; inflated: Inflated; size?: number },
  onIssue: (issue: IngestIssue) => void,
  opts: ReadOptions,
  budget: Budget,
  fromText: Parameters<typeof readArchiveSample>[5],
): Promise<Sample> {
  const { path, input, inflated } = opened;
  const gzip = inflated.compression === 'gzip';
  let out = inflated.head.reduce((n, c) => n + c.length, 0);
  // Bytes handed to a file's reader count against the budget there, as decoded text; the rest (headers,
  // padding, files passed by) count here.
  const tar = new TarBytes(
    inflated,
    (n) => {
      out += n;
      if (gzip && out > RATIO_GRACE && out > MAX_RATIO * input.bytesIn()) {
        throw new ReadFailure(`the compressed data expands more than ${MAX_RATIO} times (a decompression bomb?)`);
      }
    },
    inflated.compression,
  );
  const passed = async (n: number): Promise<void> => {
    budget.used += n;
    if (budget.used > budget.max) throw new ReadFailure(`stopped at the --max-bytes limit (${budget.max} bytes of decompressed input)`);
    await tar.skip(n);
  };

  const listing: ArchiveMember[] = [];
  let entries = 0;
  /** The file under way: its data's end (offset) and its padded end. */
  let dataEnd = 0;
  let blockEnd = 0;
  let ended = false;

  async function next(): Promise<ArchiveFile | null> {
    if (ended) return null;
    // Finish the previous file: what its reader left unread, and its padding.
    if (tar.offset < blockEnd) await passed(blockEnd - tar.offset);
    let longName: string | undefined;
    let pax: { path?: string; size?: number } = {};
    for (;;) {
      const at = tar.offset;
      const block = await tar.take(TAR_BLOCK);
      if (block.length === 0 || block.every((b) => b === 0)) {
        ended = true;
        return null;
      }
      if (block.length < TAR_BLOCK) throw new Error('the tar archive ends inside a header');
      if (!isTarHeader(block)) throw new Error(`no tar header where one should be, at byte ${at}`);
      budget.used += TAR_BLOCK;
      const type = String.fromCharCode(block[156] || 48);
      const own = numeric(block, 124, 12);
      if (type === 'x' || type === 'L') {
        // Metadata for the next header: a pax record set, or a GNU long name.
        if (own > MAX_META) {
          await passed(padded(own));
          continue;
        }
        const data = await tar.take(padded(own));
        budget.used += data.length;
        if (type === 'x') pax = paxRecords(data.subarray(0, own));
        else longName = text(data, 0, own);
        continue;
      }
      const size = pax.size ?? own;
      // POSIX ustar ("ustar\0") keeps a name prefix at 345; old GNU headers ("ustar ") keep other fields there.
      const posix = block.subarray(257, 262).toString('latin1') === 'ustar' && block[262] === 0;
      const prefix = posix ? text(block, 345, 155) : '';
      const name = pax.path ?? longName ?? (prefix ? `${prefix}/${text(block, 0, 100)}` : text(block, 0, 100));
      pax = {};
      longName = undefined;
      entries++;
      dataEnd = tar.offset + (type === '5' || ENTRY_KIND[type] ? 0 : size);
      blockEnd = tar.offset + padded(dataEnd - tar.offset);
      if (type === '5' || type === 'g' || type === 'K') {
        // A folder, global pax metadata, a GNU long link name: nothing to list.
        await passed(blockEnd - tar.offset);
        continue;
      }
      const info: ArchiveMember = { name: shownName(name), bytes: dataEnd - tar.offset, status: 'skipped' };
      listing.push(info);
      // Links, devices and archiver metadata are listed, as a zip's metadata is, but hold nothing to read.
      const regular = type === '0' || type === '7';
      // (The type is a byte of the file: shown as a number unless it is a printable character.)
      const kind = ENTRY_KIND[type] ?? `a tar entry of type ${/^[!-~]$/.test(type) ? type : `0x${block[156].toString(16)}`}`;
      const nothing = !regular ? `not read: ${kind}, not a file` : METADATA.test(name) ? 'archiver metadata' : undefined;
      if (nothing) {
        info.reason = nothing;
        await passed(blockEnd - tar.offset);
        continue;
      }
      const unreadable =
        unsafeName(name) ??
        (TAR_DATA_NAME.test(name) ? null : 'not read: not a data file name (.csv, .tsv, .json, .ndjson, .sql)');
      const length = dataEnd - tar.offset;
      return {
        info,
        unreadable,
        bytes: async () => {
          let taken = 0;
          return {
            label: 'the member',
            it: tar.stream(length, (k) => (taken = k))[Symbol.asyncIterator](),
            bytesIn: () => taken,
          };
        },
      };
    }
  }

  return readArchiveSample(
    path,
    {
      format: 'tar',
      next,
      listing: () => listing,
      entries: () => entries,
      bytesIn: input.bytesIn,
      size: opened.size,
      compression: inflated.compression,
      close: () => tar.close(),
    },
    onIssue,
    opts,
    budget,
    fromText,
  );
}
