// An archive (zip, tar) or a folder read as one sample. Its files come from a source (zip.ts, tar.ts, folder.ts)
// in the order they are to be considered. The first one that reads as a sample leads; every later file in the
// same format with the same columns is read after it, as one sample (records numbered on across files, lines
// within their file). The others are listed as skipped, with the reason, and reported by the `input-complete`
// check. Nothing is extracted: files are streamed, never written to disk.
import yauzl from 'yauzl';
import { InputError } from '../errors.js';
import { safeText } from '../report/safe.js';
import { ARCHIVE_NAMES, KIND_LABEL, kindOf, type ArchiveInfo, type ArchiveMember, type IngestIssue, type RawRecord, type SampleKind } from '../types.js';
import type { ReadOptions, Sample } from './index.js';
import { decodeBytes, type Budget, type ByteInput, type TextSource } from './source.js';

/** Files listed in the report; the rest are counted. */
export const MAX_LISTED = 100;

/** Names of files that usually hold the data, as text (tried before other names). */
const DATA_NAME = /\.(?:csv|tsv|tab|psv|txt|json|ndjson|jsonl|sql)(?:\.gz)?$/i;
/** Names of files that certainly hold data: tried first. */
const STRONG_DATA_NAME = /\.(?:csv|tsv|json|ndjson|jsonl)(?:\.gz)?$/i;

/**
 * The order files of a zip or a folder are tried in, each group in its given order: data names (`.csv`, `.json`,
 * ...), then plain-text names (`.txt`, `.tab`, `.psv`, none), then the rest: a file named `.pdf` or `.png` is
 * still tried (the content decides), but after everything more likely to be the data.
 */
export function dataFirst<T>(files: readonly T[], name: (f: T) => string): T[] {
  const rank = (f: T): number => {
    const n = name(f);
    return STRONG_DATA_NAME.test(n) ? 0 : DATA_NAME.test(n) || !/\.[a-z0-9]{1,5}$/i.test(n) ? 1 : 2;
  };
  return files.map((f, i) => ({ f, i, r: rank(f) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.f);
}

/** Files archivers add that hold no data (macOS resource forks, Finder and Explorer caches). */
export const METADATA = /(?:^|\/)(?:__MACOSX\/|\._[^/]*$|\.DS_Store$|Thumbs\.db$|desktop\.ini$)/i;

/** An archive member name as reports show it. */
export const shownName = (name: string): string => safeText(name, 200);

/** Why a member is not read for its name (an absolute path, a `..` segment: yauzl's rules), or null. */
export function unsafeName(name: string): string | null {
  return yauzl.validateFileName(name) === null ? null : 'unsafe member name (an absolute path or ../): not read';
}

export const oneLine = (err: unknown): string => String((err as Error)?.message ?? err).replace(/\s+/g, ' ').slice(0, 160);

type FromText = (path: string, text: TextSource, onIssue: (issue: IngestIssue) => void, opts: ReadOptions) => Sample;

/** One file of an archive as the source offers it. */
export interface ArchiveFile {
  info: ArchiveMember;
  /** Why it cannot be read at all, or null. */
  unreadable: string | null;
  /** Its bytes; asked for at most once, when the file is reached. */
  bytes: () => Promise<ByteInput>;
}

/** What zip.ts, tar.ts, folder.ts and xlsx.ts give the reader. */
export interface ArchiveSource {
  format: ArchiveInfo['format'];
  /** The next file to consider, or null after the last. Asking for the next ends the previous file's bytes. */
  next: () => Promise<ArchiveFile | null>;
  /** Every file as the report lists it, in order (those not reached included when the source knows them). */
  listing: () => ArchiveMember[];
  /** Entries of the archive counted so far (files and folders). */
  entries: () => number;
  /** Bytes taken from the archive so far (compressed), for progress and the projected row count ... */
  bytesIn: () => number;
  /** ... and its size, when those bytes are read from a file of this size. */
  size?: number;
  /** The archive's own compression (a .tar.gz); otherwise the sample says its first file's. */
  compression?: Sample['compression'];
  close: () => void;
}

/** Read an archive as one sample (see the head of this file). Throws InputError when no file is a sample. */
export async function readArchiveSample(
  path: string,
  source: ArchiveSource,
  onIssue: (issue: IngestIssue) => void,
  opts: ReadOptions,
  budget: Budget,
  fromText: FromText,
): Promise<Sample> {
  const label = ARCHIVE_NAMES[source.format].phrase;
  const archive = (): ArchiveInfo => {
    const all = source.listing();
    return { format: source.format, entries: source.entries(), members: all.slice(0, MAX_LISTED), unlisted: Math.max(0, all.length - MAX_LISTED) };
  };

  const skip = (m: ArchiveMember, why: string, finding = true): void => {
    const reason = safeText(why, 300);
    m.status = 'skipped';
    m.reason = reason;
    if (finding) onIssue({ code: 'archive-member', line: 0, data: { member: m.name, reason } });
  };

  interface Opened {
    member: ArchiveMember;
    sample: Sample;
    kind: SampleKind;
    /** Issues held until the file is accepted (a later file may yet be skipped), then null. */
    held: IngestIssue[] | null;
  }

  /** Open one file as a sample, or skip it with the reason. */
  const open = async (f: ArchiveFile, rowOffset: number, hold: boolean): Promise<Opened | null> => {
    const m = f.info;
    if (f.unreadable) {
      skip(m, f.unreadable);
      return null;
    }
    let input: ByteInput;
    try {
      input = await f.bytes();
    } catch (err) {
      skip(m, `cannot be read (${oneLine(err)})`);
      return null;
    }
    const opened: Opened = { member: m, sample: undefined as unknown as Sample, kind: 'delimited', held: hold ? [] : null };
    const shift = (i: IngestIssue): void => {
      const issue = i.row !== undefined && rowOffset ? { ...i, row: i.row + rowOffset } : i;
      if (opened.held) opened.held.push(issue);
      else onIssue(issue);
    };
    try {
      const text = await decodeBytes(input, budget);
      opened.sample = fromText('the member', text, shift, opts);
      opened.kind = kindOf(opened.sample.format());
      return opened;
    } catch (err) {
      await input.it.return?.(undefined);
      if (!(err instanceof InputError)) throw err;
      skip(m, err.message.replace(/^the member /, '').replace(/: there are no records to analyse$/, ''));
      return null;
    }
  };

  /** The next file, or null at the end; a source that fails (a corrupt directory or header) ends the listing with the reason. */
  let ended: string | undefined;
  const nextFile = async (): Promise<ArchiveFile | null> => {
    if (ended !== undefined) return null;
    try {
      return await source.next();
    } catch (err) {
      ended = `${oneLine(err)}: the rest of the archive was not read`;
      return null;
    }
  };

  try {
    // The lead: the first file that reads as a sample.
    const tried: ArchiveMember[] = [];
    let lead: Opened | null = null;
    while (!lead) {
      const f = await nextFile();
      if (!f) break;
      tried.push(f.info);
      lead = await open(f, 0, false);
    }
    if (!lead) {
      const list = tried.map((m) => `${m.name} (${m.reason})`).join('; ');
      const why = tried.length ? `no member that reads as a sample: ${list.slice(0, 240)}` : 'no files in it';
      throw new InputError(`${path} is ${label} with ${why}${ended === undefined ? '' : `; ${ended}`}`);
    }
    const { sample: leadSample, kind: leadKind } = lead;

    /** Why a later file cannot join the lead's records, or null. */
    const mismatch = (o: Opened): string | null => {
      if (o.kind !== leadKind) return `not read: ${KIND_LABEL[o.kind]} where the first member is ${KIND_LABEL[leadKind]}`;
      if (leadKind === 'json' || leadKind === 'text') return null;
      const a = leadSample.columns();
      const b = o.sample.columns();
      if (a.length === b.length && a.every((c, i) => c === b[i])) return null;
      return `not read: its columns differ from the first member's (${b.slice(0, 3).join(', ')}${b.length > 3 ? ', ...' : ''})`;
    };

    async function* batches(): AsyncGenerator<RawRecord[]> {
      let rows = 0;
      let current: Opened | null = lead;
      try {
        while (current) {
          const { sample, member } = current;
          const first = rows + 1;
          let n = 0;
          for await (const batch of sample.batches) {
            if (current.held) {
              // A later file: its first batch tells its columns; join the lead's records or be skipped.
              const why = mismatch(current);
              if (why) {
                current.held = null;
                skip(member, why);
                break;
              }
              for (const i of current.held) onIssue(i);
              current.held = null;
            }
            for (const r of batch) r.row += first - 1;
            if (batch.length && !n) {
              member.status = 'read';
              member.firstRow = first;
            }
            n += batch.length;
            rows += batch.length;
            member.rows = n;
            yield batch;
          }
          if (current.held) {
            // No records at all: a header that differs (a README read as a one-column file) is still skipped.
            const why = mismatch(current);
            if (why) skip(member, why);
            else for (const i of current.held) onIssue(i);
            current.held = null;
          }
          if (member.reason === undefined) {
            member.status = 'read';
            member.rows = n;
          }
          current = null;
          while (!current) {
            const f = await nextFile();
            if (!f) break;
            if (budget.used >= budget.max) skip(f.info, 'not read: the --max-bytes limit was reached', false);
            else current = await open(f, rows, true);
          }
        }
        if (ended !== undefined) onIssue({ code: 'archive-member', line: 0, data: { member: '(archive)', reason: ended } });
      } finally {
        if (current) await current.sample.batches.return(undefined);
        // Stopped early (--limit): what was not reached is listed as such.
        for (const m of source.listing()) if (m.status === 'skipped' && m.reason === undefined) m.reason = 'not read: the analysis stopped before it';
        source.close();
      }
    }

    return {
      ...leadSample,
      path,
      compression: source.compression ?? leadSample.compression,
      get encoding() {
        return leadSample.encoding;
      },
      size: source.size,
      bytes: source.bytesIn,
      batches: batches(),
      archive,
    };
  } catch (err) {
    source.close();
    throw err;
  }
}
