// A folder given as the sample (a leak extracted from its archive): its files read as one sample by archive.ts,
// in the order a zip's would be (data names first), each group in name order. Files in sub-folders are included;
// symbolic links are listed, never followed (a link can point anywhere on the machine). Nothing is written.
import { promises as fsp } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { InputError } from '../errors.js';
import type { ArchiveMember, IngestIssue } from '../types.js';
import { dataFirst, METADATA, readArchiveSample, shownName, type ArchiveFile } from './archive.js';
import type { ReadOptions, Sample } from './index.js';
import { fileChunks, type Budget } from './source.js';
import { MAX_ZIP_ENTRIES } from './zip.js';

interface Entry {
  path: string;
  /** Relative to the folder, with `/` between parts. */
  name: string;
  size: number;
  info: ArchiveMember;
}

/** Read a folder as one sample (see archive.ts). Throws InputError when it holds no file that is a sample. */
export async function readFolderSample(
  path: string,
  onIssue: (issue: IngestIssue) => void,
  opts: ReadOptions,
  budget: Budget,
  fromText: Parameters<typeof readArchiveSample>[5],
): Promise<Sample> {
  const files: Entry[] = [];
  const ignored: Entry[] = [];
  let entries = 0;
  // Breadth first, names sorted: the same order on every machine.
  const folders = [path];
  while (folders.length) {
    const dir = folders.shift()!;
    let list;
    try {
      list = await fsp.readdir(dir, { withFileTypes: true });
    } catch (err) {
      throw new InputError(`cannot list ${dir} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const d of list) {
      if (++entries > MAX_ZIP_ENTRIES) {
        throw new InputError(`${path} is a folder of more than ${MAX_ZIP_ENTRIES} entries: give the files to analyse (or a folder of them)`);
      }
      const full = join(dir, d.name);
      const name = relative(path, full).split(sep).join('/');
      if (d.isDirectory()) {
        folders.push(full);
        continue;
      }
      const e: Entry = { path: full, name, size: 0, info: { name: shownName(name), bytes: 0, status: 'skipped' } };
      if (d.isSymbolicLink() || !d.isFile()) {
        e.info.reason = d.isSymbolicLink() ? 'a symbolic link: not followed' : 'not a regular file';
        ignored.push(e);
      } else if (METADATA.test(name)) {
        e.info.reason = 'archiver metadata';
        ignored.push(e);
      } else {
        e.size = e.info.bytes = (await fsp.stat(full)).size;
        files.push(e);
      }
    }
  }
  const members = dataFirst(files, (f) => f.name);
  const listing = [...members, ...ignored].map((f) => f.info);
  let done = 0; // bytes of the files finished
  let current: () => number = () => 0;
  let at = 0;
  return readArchiveSample(
    path,
    {
      format: 'folder',
      async next(): Promise<ArchiveFile | null> {
        done += current();
        current = () => 0;
        if (at >= members.length) return null;
        const f = members[at++];
        return {
          info: f.info,
          unreadable: null,
          bytes: async () => {
            let taken = 0;
            const it = (async function* () {
              for await (const chunk of fileChunks(f.path)) {
                taken += chunk.length;
                yield chunk;
              }
            })();
            current = () => taken;
            return { label: 'the member', it, bytesIn: () => taken };
          },
        };
      },
      listing: () => listing,
      entries: () => entries,
      bytesIn: () => done + current(),
      size: files.reduce((n, f) => n + f.size, 0),
      close: () => {},
    },
    onIssue,
    opts,
    budget,
    fromText,
  );
}
