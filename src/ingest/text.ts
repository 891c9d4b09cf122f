// Records written as text, one `Key: value` line per field: what a chat bot replies (the June 2023 CoWin
// Telegram bot answered a mobile number with name, gender, birth year, ID type and number, and centre, one per
// line) and what a paste site or a copied message holds. A blank line, or a key the record already has, starts
// the next record. Read only when the head has no table in it: most of its lines are `key: value`.
import { fieldForHeader } from '../fields.js';
import type { IngestIssue, RawRecord } from '../types.js';

/**
 * `Key: value` or `Key = value`, split at the first `:` or `=`: a key of up to 40 letters, digits, spaces and
 * `._/()#'&-` that starts with a letter, after any decoration (bullets, emoji, the `*` of Telegram's bold around
 * the key), and its value (may be empty; a masked `******1403` keeps its stars). No comma, tab, semicolon or pipe
 * in the key, so a CSV header or row is never one.
 */
const SEPARATOR = /[:=\uff1a]/;
const KEY = /^[^\p{L}\p{N}]*(\p{L}[\p{L}\p{N} ._/()#'&-]{0,39}?)[\s*_]*$/u;
/** Telegram's bold closing around the key (`*Name:* value`). */
const BOLD_END = /^[*_]+(?=\s)/;

/** Lines looked at to decide the format, and the share of them (non-blank) that must be `key: value`. */
const SNIFF_LINES = 50;
const SNIFF_SHARE = 0.8;
/** Fewest fields a record has; a lone `key: value` line between records is a note, not a record. */
const MIN_FIELDS = 2;
const BATCH = 1000;
/** A line with a letter or digit: not blank, not decoration. */
const WORDY = /[\p{L}\p{N}]/u;

/** The key and value of a `Key: value` line, or null (a URL's `scheme://` is not one). */
export function keyValue(line: string): [string, string] | null {
  const at = line.search(SEPARATOR);
  if (at < 1 || at > 80) return null;
  const key = KEY.exec(line.slice(0, at));
  if (!key) return null;
  const value = line.slice(at + 1).replace(BOLD_END, '').trim();
  return value.startsWith('//') ? null : [key[1].trim(), value];
}

/**
 * Whether the head of a text is records of `Key: value` lines: most lines are, and at least two different keys
 * name fields. Keys that name nothing may be data themselves (`Rajesh Kumar: 9876543210`): read as records, they
 * would be column names, shown unmasked.
 */
export function looksLikeKeyValue(head: string): boolean {
  const lines = head.split(/\r\n|\n|\r/, SNIFF_LINES + 1).slice(0, SNIFF_LINES);
  // The last line may be cut by the end of the head.
  if (lines.length > SNIFF_LINES - 1) lines.pop();
  const filled = lines.filter((l) => l.trim() !== '');
  const pairs = filled.map(keyValue).filter((kv) => kv !== null);
  const fields = new Set(pairs.map(([k]) => fieldForHeader(k)).filter((f) => f !== undefined));
  return fields.size >= MIN_FIELDS && pairs.length >= filled.length * SNIFF_SHARE;
}

/**
 * Records from `Key: value` lines fed one at a time: a blank line, a line that is not `key: value`, or a key the
 * record already has ends a record. Lines that are neither blank, `key: value`, nor decoration (no letter or
 * digit: rules, emoji) are reported as `not-key-value` with their line number only (they may hold personal text),
 * and so is a lone `key: value` line; neither becomes a record.
 */
export class KeyValueRecords {
  private values = new Map<string, string>();
  private first = 0;
  private row = 0;

  constructor(
    private readonly push: (record: RawRecord) => void,
    private readonly onIssue: (issue: IngestIssue) => void,
  ) {}

  /** One line of text, `line` its line number (every line of a chat message has the message's). */
  line(text: string, line: number): void {
    const kv = keyValue(text);
    if (kv) {
      if (this.values.has(kv[0])) this.end();
      if (!this.values.size) this.first = line;
      this.values.set(kv[0], kv[1]);
    } else {
      this.end();
      if (WORDY.test(text)) this.onIssue({ code: 'not-key-value', line });
    }
  }

  /** End the record under way. */
  end(): void {
    if (this.values.size >= MIN_FIELDS) this.push({ row: ++this.row, line: this.first, values: this.values });
    else if (this.values.size) this.onIssue({ code: 'not-key-value', line: this.first });
    this.values = new Map();
  }
}

/** Read `Key: value` records in batches (see {@link KeyValueRecords}). */
export async function* readKeyValue(chunks: AsyncIterable<string>, onIssue: (issue: IngestIssue) => void): AsyncGenerator<RawRecord[]> {
  let batch: RawRecord[] = [];
  const records = new KeyValueRecords((r) => batch.push(r), onIssue);
  let line = 0;
  // Lines split chunk by chunk (`\n`, `\r\n` or `\r`); the part after a chunk's last line end waits for the next.
  let rest = '';
  for await (const chunk of chunks) {
    const text = rest + chunk;
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      // A `\r` ending the chunk may be the first half of `\r\n`.
      if (c === 13 && i === text.length - 1) break;
      records.line(text.slice(start, i), ++line);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
    rest = text.slice(start);
    if (batch.length >= BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (rest !== '') records.line(rest, ++line);
  records.end();
  if (batch.length) yield batch;
}
