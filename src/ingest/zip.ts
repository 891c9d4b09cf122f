// Zip archives, the way leaks are usually shared, read as one sample by archive.ts. The data members (`.csv`,
// `.tsv`, `.json`, `.ndjson`, `.jsonl`, optionally `.gz`) come first, then the other files (plain-text names
// before the rest), each group in archive order. Limits: see README, "Hostile input".
import { createInflateRaw } from 'node:zlib';
import yauzl from 'yauzl';
import { InputError } from '../errors.js';
import type { ArchiveMember, IngestIssue } from '../types.js';
import { dataFirst, METADATA, oneLine, readArchiveSample, shownName, unsafeName, type ArchiveFile } from './archive.js';
import type { ReadOptions, Sample } from './index.js';
import { decodeBytes, inflate, ReadFailure, SAMPLE_FORMATS, type Budget, type ByteInput } from './source.js';
import { readXlsxSample, type OpenPart } from './xlsx.js';

/** An archive with more entries than this is refused (exit 2): extract the members wanted. */
export const MAX_ZIP_ENTRIES = 10_000;

interface Member {
  entry: yauzl.Entry;
  name: string;
  info: ArchiveMember;
}

/** Why a member cannot be read at all, or null. */
function unreadable(entry: yauzl.Entry, name: string): string | null {
  const unsafe = unsafeName(name);
  if (unsafe) return unsafe;
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

const EXCEL = 'an Excel workbook (.xlsx)';

/** What kind of Office Open XML or OpenDocument file these member names make, or undefined. */
export function officeKind(names: readonly string[]): string | undefined {
  const has = (prefix: string): boolean => names.some((n) => n.startsWith(prefix));
  if (names.includes('[Content_Types].xml')) {
    if (has('xl/')) return EXCEL;
    if (has('word/')) return 'a Word document (.docx)';
    if (has('ppt/')) return 'a PowerPoint presentation (.pptx)';
  }
  if (names.includes('mimetype') && names.includes('content.xml')) return 'an OpenDocument file (.ods, .odt)';
  return undefined;
}

/** Read a zip archive as one sample (see archive.ts). Throws InputError when no member is a sample. */
export async function readZipSample(
  opened: { path: string; buffer?: Buffer },
  onIssue: (issue: IngestIssue) => void,
  opts: ReadOptions,
  budget: Budget,
  fromText: Parameters<typeof readArchiveSample>[5],
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
    const files: Member[] = [];
    const ignored: Member[] = [];
    let listError: Error | undefined;
    try {
      for await (const entry of zip.eachEntry()) {
        const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
        if (name.endsWith('/')) continue; // a folder
        const m: Member = { entry, name, info: { name: shownName(name), bytes: entry.uncompressedSize, status: 'skipped' } };
        if (METADATA.test(name)) {
          m.info.reason = 'archiver metadata';
          ignored.push(m);
        } else files.push(m);
      }
    } catch (err) {
      listError = new Error(`its directory: ${oneLine(err)}`);
    }
    // An Office or OpenDocument file is a zip of XML parts: say what it is rather than read its XML as CSV.
    const office = officeKind(files.map((m) => m.name));
    if (office === EXCEL) {
      // A workbook is read in place: its parts are members of this zip, which stays open while the sheet streams.
      const parts = new Map(files.map((m) => [m.name.toLowerCase(), m]));
      // The XML is not the sample's text: the sheets' CSV lines count against --max-bytes, the XML keeps the ratio limit.
      const xmlBudget: Budget = { used: 0, max: Infinity };
      const open: OpenPart = async (name) => {
        const m = parts.get(name.toLowerCase());
        if (!m) return null;
        const input = await memberBytes(zip, m);
        return { input, text: await decodeBytes(input, xmlBudget, undefined, true) };
      };
      const sample = await readXlsxSample(path, open, (name) => parts.get(name.toLowerCase())?.entry.uncompressedSize ?? 0, onIssue, opts, budget, fromText);
      return {
        ...sample,
        batches: (async function* () {
          try {
            yield* sample.batches;
          } finally {
            close();
          }
        })(),
      };
    }
    if (office) throw new InputError(`${path} is ${office}, not a ${SAMPLE_FORMATS} sample: save it as CSV (UTF-8) and analyse that`);
    const members = dataFirst(files, (m) => m.name);
    const listing = [...members, ...ignored].map((m) => m.info);

    let doneIn = 0; // compressed bytes of the members finished
    let currentIn: () => number = () => 0;
    let at = 0;
    return await readArchiveSample(
      path,
      {
        format: 'zip',
        async next(): Promise<ArchiveFile | null> {
          doneIn += currentIn();
          currentIn = () => 0;
          if (at >= members.length) {
            if (listError) throw listError;
            return null;
          }
          const m = members[at++];
          return {
            info: m.info,
            unreadable: unreadable(m.entry, m.name),
            bytes: async () => {
              const input = await memberBytes(zip, m);
              currentIn = input.bytesIn;
              return input;
            },
          };
        },
        listing: () => listing,
        entries: () => zip.entryCount,
        bytesIn: () => doneIn + currentIn(),
        close,
      },
      onIssue,
      opts,
      budget,
      fromText,
    );
  } catch (err) {
    close();
    throw err;
  }
}
