// A Telegram chat exported as JSON (Telegram Desktop's "Export chat history", result.json): how a responder keeps
// what a bot answered, as in June 2023 when a Telegram bot returned CoWin registrants' details. The export is a
// JSON object whose `messages` array the JSON reader yields as records; here each message's text (rebuilt from
// its `text_entities`, in order) is read as `Key: value` lines, so the bot's replies become the records and
// every record keeps the line where its message starts in the export.
import type { IngestIssue, RawRecord } from '../types.js';
import { KeyValueRecords } from './text.js';

/** Whether a JSON record is an entry of a Telegram export (a message or a service message such as a join) ... */
function isEntry(r: RawRecord): boolean {
  const v = r.values;
  return v !== undefined && v.has('id') && v.has('date') && (v.get('type') === 'message' || v.get('type') === 'service');
}

/** ... and a message with text: its text as entities. */
function isMessage(r: RawRecord): boolean {
  return r.values?.get('type') === 'message' && r.nested?.has('text_entities') === true;
}

/**
 * The records of a Telegram export's messages, read as `Key: value` text; any other JSON passes through as it
 * is. Decided on the first batch: a sample is a chat export or not.
 */
export async function* chatRecords(batches: AsyncGenerator<RawRecord[]>, onIssue: (issue: IngestIssue) => void): AsyncGenerator<RawRecord[]> {
  let chat: boolean | undefined;
  let out: RawRecord[] = [];
  const records = new KeyValueRecords((r) => out.push(r), onIssue);
  for await (const batch of batches) {
    chat ??= batch.length ? batch.every(isEntry) && batch.some(isMessage) : undefined;
    if (!chat) {
      yield batch;
      continue;
    }
    for (const m of batch) {
      // Service messages (joins, pins) have no text entities; a message's lines all carry its line.
      const text = (m.nested?.get('text_entities') ?? []).map((e) => e.get('text') ?? '').join('');
      for (const line of text.split(/\r\n|\n|\r/)) records.line(line, m.line);
      records.end();
    }
    yield out;
    out = [];
  }
}
