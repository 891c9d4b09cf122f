// Zip archives, the way leaks are usually shared. Members are streamed, never extracted: nothing is written to
// disk. The data members (`.csv`, `.tsv`, `.txt`, `.json`, `.ndjson`, `.jsonl`, `.sql`, optionally `.gz`) come first, then the
// other files, each group in archive order. The first one that reads as a sample leads; every later member in
// the same format with the same columns is read after it, as one sample (records numbered on across members,
// lines within their member). The others are listed as skipped, with the reason, and reported by the
// `input-complete` check. Limits: see README, "Hostile input".
import { createInflateRaw } from 'node:zlib';
import yauzl from 'yauzl';
import { InputError } from '../errors.js';
import { safeText } from '../report/safe.js';
import { KIND_LABEL, kindOf, type ArchiveInfo, type ArchiveMember, type IngestIssue, type RawRecord, type SampleKind } from '../types.js';
import type { ReadOptions, Sample } from './index.js';
import { decodeBytes, inflate, ReadFailure, SAMPLE_FORMATS, type Budget, type ByteInput, type TextSource } from './source.js';

/** An archive with more entries than this is refused (exit 2): extract the members wanted. */
export const MAX_ZIP_ENTRIES = 10_000;
/** Members listed in the report; the rest are counted. */
export const MAX_LISTED = 100;

const DATA_NAME = /\.(?:csv|tsv|tab|psv|txt|json|ndjson|jsonl|sql)(?:\.gz)?$/i;
const STRONG_DATA_NAME = /\.(?:csv|tsv|json|ndjson|jsonl)(?:\.gz)?$/i;
/** Files archivers add that hold no data (macOS resource forks, Finder and Explorer caches). */
const METADATA = /(?:^|\/)(?:__MACOSX\/|\._[^/]*$|\.DS_Store$|Thumbs\.db$|desktop\.ini$)/i;

type FromText = (path: string, text: TextSource, onIssue: (issue: IngestIssue) => void, opts: ReadOptions) => Sample;

interface Member {
  entry: yauzl.Entry;
  name: string;
  info: ArchiveMember;
}

const shown = (name: string): string => safeText(name, 200);

/** Why a member cannot be read at all, or null. */
function unreadable(entry: yauzl.Entry, name: string): string | null {
  if (yauzl.validateFileName(name) !== null) return 'unsafe member name (an absolute path or ../): not read';
  if (entry.isEncrypted()) return 'encrypted';
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    return `compressed with method ${entry.compressionMethod} (only stored and deflated members are read)`;
  }
  return null;
}

async function openArchive(path: string, buffer: Buffer | undefined): Promise<yauzl.ZipFile> {
  // decodeStrings off: yauzl would reject the whole archive for one unsafe member name; names are decoded
  // and judged per member below. Sizes are enforced while reading (see memberBytes).
  const options = { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: false };
  try {
    return buffer ? await yauzl.fromBufferPromise(buffer, options) : await yauzl.openPromise(path, options);
  } catch (err) {
    throw new InputError(`cannot read ${path} as a zip archive (${oneLine(err)})`);
  }
}

const oneLine = (err: unknown): string => String((err as Error)?.message ?? err).replace(/\s+/g, ' ').slice(0, 160);

/**
 * A member's bytes, decompressed, with its compressed bytes counted (for the ratio limit) and its declared size
 * enforced: a member that inflates past the size the archive declares is cut there (a zip bomb's trick).
 */
async function memberBytes(zip: yauzl.ZipFile, m: Member): Promise<ByteInput> {
  const raw = await zip.openReadStreamPromise(m.entry, { decodeFileData: false });
  let bytesIn = 0;
  const counted = (async function* () {
    for await (const chunk of raw as AsyncIterable<Buffer>) {
      bytesIn += chunk.length;
      yield chunk;
    }
  })();
  const deflated = m.entry.compressionMethod === 8;
  const inner = deflated ? inflate(counted, createInflateRaw()) : counted[Symbol.asyncIterator]();
  const declared = m.entry.uncompressedSize;
  let out = 0;
  const it = (async function* () {
    try {
      for (;;) {
        const next = await inner.next();
        if (next.done) return;
        out += next.value.length;
        if (out > declared) throw new ReadFailure(`the member inflates past its declared ${declared} bytes (a zip bomb?)`);
        yield next.value;
      }
    } finally {
      await inner.return?.();
      raw.destroy();
    }
  })();
  return { label: 'the member', it, bytesIn: () => bytesIn, deflated };
}

/** What kind of Office Open XML or OpenDocument file these member names make, or undefined. */
export function officeKind(names: readonly string[]): string | undefined {
  const has = (prefix: string): boolean => names.some((n) => n.startsWith(prefix));
  if (names.includes('[Content_Types].xml')) {
    if (has('xl/')) return 'an Excel workbook (.xlsx)';
    if (has('word/')) return 'a Word document (.docx)';
    if (has('ppt/')) return 'a PowerPoint presentation (.pptx)';
  }
  if (names.includes('mimetype') && names.includes('content.xml')) return 'an OpenDocument file (.ods, .odt)';
  return undefined;
}

/** Read a zip archive as one sample (see the head of this file). Throws InputError when no member is a sample. */
export async function readZipSample(
  opened: { path: string; buffer?: Buffer },
  onIssue: (issue: IngestIssue) => void,
  opts: ReadOptions,
  budget: Budget,
  fromText: FromText,
): Promise<Sample> {
  const { path } = opened;
  const zip = await openArchive(path, opened.buffer);
  // Errors reach us through eachEntry() and the member streams; one emitted after those must not go unhandled.
  zip.on('error', () => {});
  let closed = false;
  const close = (): void => {
    if (!closed) zip.close();
    closed = true;
  };
  try {
    if (zip.entryCount > MAX_ZIP_ENTRIES) {
      throw new InputError(`${path} is a zip archive of ${zip.entryCount} entries, more than ${MAX_ZIP_ENTRIES}: extract the members to analyse`);
    }
    const data: Member[] = [];
    const other: Member[] = [];
    const ignored: Member[] = [];
    let listError: string | undefined;
    try {
      for await (const entry of zip.eachEntry()) {
        const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
        if (name.endsWith('/')) continue; // a folder
        const m: Member = { entry, name, info: { name: shown(name), bytes: entry.uncompressedSize, status: 'skipped' } };
        if (METADATA.test(name)) {
          m.info.reason = 'archiver metadata';
          ignored.push(m);
        } else (STRONG_DATA_NAME.test(name) ? data : other).push(m);
      }
    } catch (err) {
      listError = `the archive's directory is corrupt (${oneLine(err)}): the members after it were not read`;
    }
    // An Office or OpenDocument file is a zip of XML parts: say what it is rather than read its XML as CSV.
    const office = data.length ? undefined : officeKind(other.map((m) => m.name));
    if (office) throw new InputError(`${path} is ${office}, not a ${SAMPLE_FORMATS} sample: save it as CSV (UTF-8) and analyse that`);
    // Plain-text names (.txt, .tab, .psv, none) before other files: a member named .pdf or .png is still
    // tried (the content decides), but after everything more likely to be the data.
    other.sort((a, b) => Number(!DATA_NAME.test(a.name) && /\.[a-z0-9]{1,5}$/i.test(a.name)) - Number(!DATA_NAME.test(b.name) && /\.[a-z0-9]{1,5}$/i.test(b.name)));
    const members = [...data, ...other];
    const all = [...members, ...ignored];
    const archive = (): ArchiveInfo => ({
      format: 'zip',
      entries: zip.entryCount,
      members: all.slice(0, MAX_LISTED).map((m) => m.info),
      unlisted: Math.max(0, all.length - MAX_LISTED),
    });

    const skip = (m: Member, why: string, finding = true): void => {
      const reason = safeText(why, 300);
      m.info.status = 'skipped';
      m.info.reason = reason;
      if (finding) onIssue({ code: 'archive-member', line: 0, data: { member: m.info.name, reason } });
    };

    let doneIn = 0; // compressed bytes of the members finished
    let currentIn: () => number = () => 0;
    const finish = (): void => {
      doneIn += currentIn();
      currentIn = () => 0;
    };

    interface Opened {
      member: Member;
      sample: Sample;
      kind: SampleKind;
      /** Issues held until the member is accepted (a later member may yet be skipped), then null. */
      held: IngestIssue[] | null;
    }

    /** Open one member as a sample, or skip it with the reason. */
    const open = async (m: Member, rowOffset: number, hold: boolean): Promise<Opened | null> => {
      const why = unreadable(m.entry, m.name);
      if (why) {
        skip(m, why);
        return null;
      }
      let input: ByteInput;
      try {
        input = await memberBytes(zip, m);
      } catch (err) {
        skip(m, `cannot be read (${oneLine(err)})`);
        return null;
      }
      currentIn = input.bytesIn;
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
        finish();
        if (!(err instanceof InputError)) throw err;
        skip(m, err.message.replace(/^the member /, '').replace(/: there are no records to analyse$/, ''));
        return null;
      }
    };

    // The lead: the first member that reads as a sample.
    let lead: Opened | null = null;
    let at = 0;
    while (at < members.length && !lead) lead = await open(members[at++], 0, false);
    if (!lead) {
      const tried = members.map((m) => `${m.info.name} (${m.info.reason})`).join('; ');
      throw new InputError(
        members.length ? `${path} is a zip archive with no member that reads as a sample: ${tried.slice(0, 240)}` : `${path} is a zip archive with no files in it`,
      );
    }
    if (listError) onIssue({ code: 'archive-member', line: 0, data: { member: '(directory)', reason: listError } });
    const leadSample = lead.sample;
    const leadKind = lead.kind;

    /** Why a later member cannot join the lead's records, or null. */
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
      let next = at;
      let current: Opened | null = lead;
      try {
        while (current) {
          const { sample, member } = current;
          const first = rows + 1;
          let n = 0;
          for await (const batch of sample.batches) {
            if (current.held) {
              // A later member: its first batch tells its columns; join the lead's records or be skipped.
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
              member.info.status = 'read';
              member.info.firstRow = first;
            }
            n += batch.length;
            rows += batch.length;
            member.info.rows = n;
            yield batch;
          }
          if (current.held) {
            // No records at all: a header that differs (a README read as a one-column file) is still skipped.
            const why = mismatch(current);
            if (why) skip(member, why);
            else for (const i of current.held) onIssue(i);
            current.held = null;
          }
          if (member.info.reason === undefined) {
            member.info.status = 'read';
            member.info.rows = n;
          }
          finish();
          current = null;
          while (!current && next < members.length) {
            const m = members[next++];
            if (budget.used >= budget.max) skip(m, 'not read: the --max-bytes limit was reached', false);
            else current = await open(m, rows, true);
          }
        }
      } finally {
        if (current) await current.sample.batches.return(undefined);
        // Stopped early (--limit): what was not reached is listed as such.
        for (const m of members) if (m.info.status === 'skipped' && m.info.reason === undefined) m.info.reason = 'not read: the analysis stopped before it';
        close();
      }
    }

    return {
      ...leadSample,
      path,
      get encoding() {
        return leadSample.encoding;
      },
      bytes: () => doneIn + currentIn(),
      batches: batches(),
      archive,
    };
  } catch (err) {
    close();
    throw err;
  }
}
