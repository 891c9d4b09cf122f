// Excel workbooks (.xlsx), read in place rather than "saved as CSV" first: Excel writes a CSV as it shows the
// cells, a 14-digit reference id as 8.16486E+13, while the workbook keeps the number itself. Its sheets are read
// as an archive's files (archive.ts): the first that reads leads and those with its columns join it (`--table
// <sheet>` reads one); their rows are streamed out of the zip, turned into CSV lines (one per sheet row, so a
// record's line is its row number until a cell holds a line break) and read by the CSV reader, header detection
// included. Shared strings are held in memory; dates (numbers in a date format) are written as ISO
// 8601 days, the workbook's typed values (`input.datesTyped`). Nothing is extracted.
import { formatIsoDay } from '../dates.js';
import { InputError, UsageError } from '../errors.js';
import type { ArchiveMember, IngestIssue } from '../types.js';
import { oneLine, readArchiveSample, shownName, type ArchiveFile, type ArchiveSource } from './archive.js';
import type { ReadOptions, Sample } from './index.js';
import { MAX_RECORD_CHARS, ReadFailure, type Budget, type ByteInput, type TextSource } from './source.js';

/** A part of the workbook, opened as decoded text chunks. */
export type OpenPart = (name: string) => Promise<{ input: ByteInput; text: TextSource } | null>;
/** The size a part's entry declares (0 when there is no such part). */
export type PartSize = (name: string) => number;

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const ENTITY = /&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi;

/** XML text with its character references and entities replaced. */
function unescapeXml(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (m, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    const code = hex ? parseInt(hex, 16) : dec ? Number(dec) : -1;
    if (name) return ENTITIES[name.toLowerCase()];
    return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

const T = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g;
const PHONETIC = /<rPh\b[\s\S]*?<\/rPh>/g;

/** The text of a rich or plain string (`<t>` runs, phonetic guides left out). */
function runs(xml: string): string {
  let out = '';
  for (const m of xml.replace(PHONETIC, '').matchAll(T)) out += m[1] ?? '';
  return unescapeXml(out);
}

/** One regex per attribute name, compiled once (attributes are read for every cell). */
const ATTRIBUTES = new Map<string, RegExp>();
function attr(attrs: string, name: string): string | undefined {
  let re = ATTRIBUTES.get(name);
  if (!re) ATTRIBUTES.set(name, (re = new RegExp(`\\b${name}="([^"]*)"`)));
  return re.exec(attrs)?.[1];
}

/** Excel's built-in number formats that show dates (and times): 14-22, 27-36, 45-47, 50-58. */
function builtinDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/** Whether a custom number format shows a date: a d, m or y outside quotes, brackets and escapes. */
function customDate(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dmy]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** Largest part read whole (the shared strings, the styles): a string of its size is held in memory. */
const MAX_PART = 256 * 2 ** 20;

/** Read a whole part as a string, or '' when the workbook has none. */
async function whole(open: OpenPart, name: string): Promise<string> {
  const part = await open(name);
  if (!part) return '';
  let s = '';
  try {
    for await (const chunk of part.text.chunks) {
      s += chunk;
      if (s.length > MAX_PART) throw new InputError(`the workbook's ${name} is larger than ${MAX_PART / 2 ** 20} MiB: save the sheet as CSV, numbers formatted as text`);
    }
  } catch (err) {
    // A limit or a corrupt member stops the part: nothing of the sheet can be read without it.
    throw err instanceof InputError ? err : new InputError(`cannot read the workbook's ${name} (${oneLine(err)})`);
  }
  return s;
}

/** Column letters of a cell reference (`AB12`) as a 0-based index; -1 when there are none. */
function columnOf(ref: string | undefined): number {
  if (!ref) return -1;
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 32;
    if (c < 97 || c > 122) break;
    n = n * 26 + (c - 96);
  }
  return i ? n - 1 : -1;
}

/** Day 0 of Excel's 1900 date system, as a Unix day number (serials from 61 on; Excel's 29-02-1900 never was). */
const EPOCH_1900 = -25569;
const EPOCH_1904 = EPOCH_1900 + 1462;

/** A CSV cell: quoted when it must be. */
const csvCell = (v: string): string => (/[",\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v);

const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const VALUE = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/;
const INLINE = /<is>([\s\S]*?)<\/is>/;

/**
 * Read an .xlsx workbook as a sample: `open` gives its parts, `onIssue` hears of the sheets not read. Throws
 * UsageError for a `--table` that names no sheet, InputError when the workbook has no sheet.
 */
export async function readXlsxSample(
  path: string,
  open: OpenPart,
  sizeOf: PartSize,
  onIssue: (issue: IngestIssue) => void,
  opts: ReadOptions,
  budget: Budget,
  fromText: Parameters<typeof readArchiveSample>[5],
): Promise<Sample> {
  const workbook = await whole(open, 'xl/workbook.xml');
  const rels = await whole(open, 'xl/_rels/workbook.xml.rels');
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = attr(m[1], 'Id');
    const target = attr(m[1], 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sheets = [...workbook.matchAll(/<sheet\b([^>]*)\/?>/g)].map((m) => ({
    name: unescapeXml(attr(m[1], 'name') ?? ''),
    part: targets.get(attr(m[1], 'r:id') ?? '') ?? '',
  }));
  if (!sheets.length) throw new InputError(`${path} is an Excel workbook with no sheet`);
  const want = opts.table;
  const sheet = want === undefined ? sheets[0] : sheets.find((s) => s.name.toLowerCase() === want.toLowerCase());
  if (!sheet) throw new UsageError(`--table ${want!.slice(0, 80)}: the workbook has no such sheet (sheets: ${sheets.map((s) => s.name).join(', ').slice(0, 200)})`);
  const date1904 = /<workbookPr\b[^>]*\bdate1904="(?:1|true)"/.test(workbook);

  // Shared strings, and which cell styles show dates.
  const strings: string[] = [];
  const sst = await whole(open, 'xl/sharedStrings.xml');
  for (const m of sst.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) strings.push(m[1] === undefined ? '' : runs(m[1]));
  const styles = await whole(open, 'xl/styles.xml');
  const custom = new Map<number, string>();
  for (const m of styles.matchAll(/<numFmt\b([^>]*)\/?>/g)) custom.set(Number(attr(m[1], 'numFmtId')), unescapeXml(attr(m[1], 'formatCode') ?? ''));
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  const dateStyle = [...xfs.matchAll(/<xf\b([^>]*)\/?>/g)].map((m) => {
    const id = Number(attr(m[1], 'numFmtId') ?? 0);
    return builtinDate(id) || customDate(custom.get(id) ?? '');
  });

  let typedDates = false;
  /** A cell's text as the sheet holds it. */
  const cellText = (attrs: string, inner: string): string => {
    const type = attr(attrs, 't');
    if (type === 'inlineStr') return runs(INLINE.exec(inner)?.[1] ?? '');
    const v = VALUE.exec(inner)?.[1];
    if (v === undefined) return '';
    if (type === 's') return strings[Number(v)] ?? '';
    if (type === 'b') return v === '1' ? 'TRUE' : 'FALSE';
    if (type === 'str' || type === 'e' || type === 'd') return unescapeXml(v);
    const n = Number(v);
    if (Number.isNaN(n)) return unescapeXml(v);
    if (dateStyle[Number(attr(attrs, 's') ?? 0)] && n >= 1) {
      const day = Math.floor(n) + (date1904 ? EPOCH_1904 : EPOCH_1900) - (!date1904 && n < 61 ? -1 : 0);
      typedDates = true;
      return formatIsoDay(day);
    }
    // A whole number Excel wrote with an exponent (1.2345678901E+11) is written out in full when it is exact.
    return /e/i.test(v) && Number.isSafeInteger(n) ? String(n) : v;
  };

  /**
   * A sheet as CSV text: one line per sheet row (rows the sheet skips are blank lines), in chunks. A sheet leaves
   * out the empty cells at the end of a row: rows are padded to the widest row before them (the header's, as a rule).
   */
  async function* csv(xml: TextSource): AsyncGenerator<string> {
    let buffer = '';
    let nextRow = 1;
    let width = 0;
    for await (const chunk of xml.chunks) {
      buffer += chunk;
      let out = '';
      let end = 0;
      ROW.lastIndex = 0;
      for (let m = ROW.exec(buffer); m; m = ROW.exec(buffer)) {
        end = ROW.lastIndex;
        const r = Number(attr(m[1], 'r') ?? nextRow);
        for (; nextRow < r; nextRow++) out += '\n';
        const cells: string[] = [];
        CELL.lastIndex = 0;
        for (let c = CELL.exec(m[2] ?? ''); c; c = CELL.exec(m[2] ?? '')) {
          const at = columnOf(attr(c[1], 'r'));
          const value = cellText(c[1], c[2] ?? '');
          if (at >= 0) while (cells.length < at) cells.push('');
          cells.push(value);
        }
        if (cells.some((c) => c !== '')) while (cells.length < width) cells.push('');
        width = Math.max(width, cells.length);
        out += `${cells.map(csvCell).join(',')}\n`;
        nextRow = Math.max(nextRow, r) + 1;
      }
      buffer = buffer.slice(end);
      if (buffer.length > MAX_RECORD_CHARS) throw new ReadFailure(`a sheet row runs past ${MAX_RECORD_CHARS / 2 ** 20} MiB without ending`);
      if (out) yield out;
    }
  }

  // The sheets are the archive's files: those with the first's columns are one sample (a dump past Excel's
  // 1,048,576 rows is split across sheets), the others are skipped with the reason. `--table` reads one.
  const listing: ArchiveMember[] = sheets.map((s) => ({ name: shownName(s.name), bytes: sizeOf(s.part), status: 'skipped' }));
  sheets.forEach((s, i) => {
    if (want === undefined || s === sheet) return;
    listing[i].reason = 'not read: --table chose another sheet';
    onIssue({ code: 'archive-member', line: 0, data: { member: listing[i].name, reason: listing[i].reason } });
  });
  let at = 0;
  let done = 0;
  let current: () => number = () => 0;
  const source: ArchiveSource = {
    format: 'workbook',
    async next(): Promise<ArchiveFile | null> {
      done += current();
      current = () => 0;
      while (at < sheets.length) {
        const i = at++;
        if (want !== undefined && sheets[i] !== sheet) continue;
        const { part } = sheets[i];
        return {
          info: listing[i],
          unreadable: part ? null : 'not read: the workbook does not hold its part',
          bytes: async () => {
            const opened = await open(part);
            if (!opened) throw new Error('the workbook does not hold its part');
            current = opened.input.bytesIn;
            const it = (async function* () {
              for await (const text of csv(opened.text)) yield Buffer.from(text);
            })();
            return { label: 'the member', it, bytesIn: opened.input.bytesIn };
          },
        };
      }
      return null;
    },
    listing: () => listing,
    entries: () => sheets.length,
    bytesIn: () => done + current(),
    close: () => {},
  };
  // The CSV lines are ours: read with commas, and no delimiter or line ending of the sample's to report.
  const sample = await readArchiveSample(path, source, onIssue, opts, budget, (p, text, issue, o) => fromText(p, text, issue, { ...o, table: undefined, format: 'xlsx' }));
  return { ...sample, delimiter: undefined, lineEnding: undefined, datesTyped: () => typedDates };
}
