// Property tests (fast-check): random bytes, random delimited text, JSON, SQL and key-value text through the reading and
// mapping layers and the whole pipeline, in process. Nothing may throw past the CLI boundary except the two
// errors the CLI turns into exit 2 (InputError, UsageError); equivalent CSV and JSON read as the same records.
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze.js';
import { InputError, UsageError } from '../src/errors.js';
import { readSample, type ReadOptions } from '../src/ingest/index.js';
import { inferMapping, jsonColumns, parseMapOptions } from '../src/normalize/mapping.js';
import { createNormalizer } from '../src/normalize/record.js';
import { count } from '../src/report/numbers.js';
import type { IngestIssue, RawRecord } from '../src/types.js';

const AS_OF = new Date(Date.UTC(2026, 0, 1));
const RUNS = Number(process.env.LEAKCHECK_PROPERTY_RUNS ?? 120);

/** Stream `bytes` in pieces cut at the given points (a file read in chunks, or stdin). */
function streamOf(bytes: Buffer, cuts: number[] = []): Readable {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces: Buffer[] = [];
  let from = 0;
  for (const c of at) {
    pieces.push(bytes.subarray(from, c));
    from = c;
  }
  pieces.push(bytes.subarray(from));
  return Readable.from(pieces.filter((p) => p.length));
}

/** Resolve, or reject with one of the two errors the CLI reports as exit 2; anything else fails the property. */
async function expectedOutcome(p: Promise<unknown>): Promise<'ok' | 'input' | 'usage'> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    if (err instanceof InputError) return 'input';
    if (err instanceof UsageError) return 'usage';
    throw err;
  }
}

/** The ingest and mapping layers alone: read every record, infer the mapping, normalise every record. */
async function readAndMap(bytes: Buffer, cuts: number[], map: string[] = [], opts: ReadOptions = {}): Promise<RawRecord[]> {
  const overrides = parseMapOptions(map); // as the CLI: options are checked before the input is read
  const issues: IngestIssue[] = [];
  const sample = await readSample('-', (i) => issues.push(i), { ...opts, stream: streamOf(bytes, cuts) });
  const records: RawRecord[] = [];
  for await (const b of sample.batches) records.push(...b);
  const columns = sample.columns().length ? sample.columns() : jsonColumns(records.slice(0, 500));
  const mapping = inferMapping(columns, records.slice(0, 500), overrides);
  const normalize = createNormalizer(mapping);
  for (const r of records) normalize(r);
  for (const i of issues) expect(Number.isInteger(i.line) && i.line >= 0).toBe(true);
  return records;
}

/** Headers that name CoWin fields, so random samples reach the field checks too. */
const HEADERS = ['Beneficiary Name', 'Aadhar No', 'Mobile No.', 'Gender', 'dob', 'Dose 1 Date', 'ref id', 'pincode', 'state', '__proto__', 'constructor', 'x'];
const cell = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom('', ' ', '"', '""', ',', ';', '\t', '|', '\n', '\r\n', '\r', '\u0000', '\u001b[31m', '9876543210', '234567890124', '12345678901234', '01-05-2021', 'Male', 'COVISHIELD', '560001'),
  fc.stringMatching(/^[0-9 -]{1,16}$/),
);
const header = fc.oneof(fc.constantFrom(...HEADERS), fc.string({ maxLength: 8 }));

/** A table rendered as delimited text, quoting fields at random (always when the field needs it). */
const delimited = fc
  .record({
    delimiter: fc.constantFrom(',', ';', '\t', '|'),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    width: fc.integer({ min: 1, max: 6 }),
    header: fc.array(header, { minLength: 6, maxLength: 6 }),
    rows: fc.array(fc.array(cell, { minLength: 0, maxLength: 8 }), { maxLength: 30 }),
    quoteAll: fc.boolean(),
    trailing: fc.boolean(),
  })
  .map(({ delimiter, eol, width, header: h, rows, quoteAll, trailing }) => {
    const field = (v: string): string =>
      quoteAll || v.includes(delimiter) || /["\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
    const lines = [h.slice(0, width), ...rows].map((r) => r.map(field).join(delimiter));
    return lines.join(eol) + (trailing ? eol : '');
  });

describe('nothing throws past the CLI boundary but InputError and UsageError', () => {
  it('random bytes, with or without a gzip, zip, BOM or UTF-16 prefix, in random chunks: analyze', async () => {
    const prefix = fc.constantFrom(
      Buffer.alloc(0),
      Buffer.from([0x1f, 0x8b, 0x08, 0x00]),
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.from([0x50, 0x4b, 0x05, 0x06]),
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from([0xff, 0xfe]),
      Buffer.from([0xfe, 0xff]),
      Buffer.from('[{"a":'),
      Buffer.from('name,mobile\n'),
    );
    await fc.assert(
      fc.asyncProperty(prefix, fc.uint8Array({ maxLength: 600 }), fc.array(fc.nat(), { maxLength: 4 }), async (pre, body, cuts) => {
        const bytes = Buffer.concat([pre, Buffer.from(body)]);
        await expectedOutcome(analyze('-', { stream: streamOf(bytes, cuts), asOf: AS_OF, deterministic: true }));
      }),
      { numRuns: RUNS },
    );
  });

  it('random delimited text, plain and gzipped (whole or cut short): ingest + mapping, and analyze', async () => {
    await fc.assert(
      fc.asyncProperty(delimited, fc.array(fc.nat(), { maxLength: 3 }), fc.constantFrom('plain', 'gzip', 'gzip-cut'), fc.nat(), async (text, cuts, packing, cutAt) => {
        let bytes = Buffer.from(text);
        if (packing !== 'plain') bytes = gzipSync(bytes);
        if (packing === 'gzip-cut') bytes = bytes.subarray(0, Math.max(2, cutAt % bytes.length));
        await expectedOutcome(readAndMap(bytes, cuts));
        await expectedOutcome(analyze('-', { stream: streamOf(bytes, cuts), asOf: AS_OF, deterministic: true }));
      }),
      { numRuns: RUNS },
    );
  });

  it('random JSON values, whole or cut short, as JSON or NDJSON: ingest + mapping, and analyze', async () => {
    const json = fc.oneof(
      fc.jsonValue({ maxDepth: 5 }),
      fc.array(fc.dictionary(fc.oneof(fc.constantFrom(...HEADERS), fc.string({ maxLength: 6 })), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }), { maxLength: 12 }),
    );
    await fc.assert(
      fc.asyncProperty(json, fc.constantFrom('json', 'pretty', 'ndjson'), fc.option(fc.nat()), fc.array(fc.nat(), { maxLength: 3 }), async (value, style, cut, cuts) => {
        let text =
          style === 'ndjson' && Array.isArray(value)
            ? value.map((v) => JSON.stringify(v)).join('\n')
            : JSON.stringify(value, null, style === 'pretty' ? 2 : undefined);
        if (cut !== null) text = text.slice(0, cut % (text.length + 1));
        const bytes = Buffer.from(text);
        await expectedOutcome(readAndMap(bytes, cuts));
        await expectedOutcome(analyze('-', { stream: streamOf(bytes, cuts), asOf: AS_OF, deterministic: true }));
      }),
      { numRuns: RUNS },
    );
  });

  it('random SQL-like text, in random chunks: ingest + mapping, and analyze', async () => {
    const piece = fc.oneof(
      fc.constantFrom('INSERT INTO t VALUES ', 'INSERT INTO `t` (a,b) VALUES ', 'CREATE TABLE t (a int, b text);', 'COPY t (a) FROM stdin;\n', '\\.\n', '(', ')', "'", "''", '"', '\\', ',', ';', '--', '/*', '*/', '#', '\n', '\t', 'NULL', '9876543210', '`'),
      fc.string({ maxLength: 6 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 3 }), async (pieces, cuts) => {
        const bytes = Buffer.from(`-- dump\nINSERT INTO t VALUES (1);\n${pieces.join('')}`);
        expect(await expectedOutcome(readAndMap(bytes, cuts))).not.toBe('usage');
        expect(await expectedOutcome(analyze('-', { stream: streamOf(bytes, cuts), asOf: AS_OF }))).not.toBe('usage');
      }),
      { numRuns: RUNS },
    );
  });

  it('random key-value text, in random chunks: ingest + mapping, and analyze', async () => {
    const piece = fc.oneof(
      fc.constantFrom('Name: ', 'Mobile = ', '*ID Number:* ', '• Gender: ', '\n', '\r\n', '\r', '\n\n', '━━━', ':', '=', '*', '__proto__: ', 'constructor: ', '9876543210', 'Male'),
      fc.string({ maxLength: 6 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 3 }), async (pieces, cuts) => {
        const bytes = Buffer.from(`Name: A\nGender: Male\n${pieces.join('')}`);
        expect(await expectedOutcome(readAndMap(bytes, cuts))).not.toBe('usage');
        expect(await expectedOutcome(analyze('-', { stream: streamOf(bytes, cuts), asOf: AS_OF }))).not.toBe('usage');
      }),
      { numRuns: RUNS },
    );
  });

  it('random --map options over random samples: a mapping, or a UsageError', async () => {
    const option = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.tuple(fc.constantFrom(...HEADERS, 'name', 'nope'), fc.constantFrom('name', 'mobile_number', '-', '', '__proto__', 'constructor', 'toString', 'aadhaar_number')).map(([c, f]) => `${c}=${f}`),
    );
    await fc.assert(
      fc.asyncProperty(delimited, fc.array(option, { maxLength: 3 }), async (text, map) => {
        const outcome = await expectedOutcome(readAndMap(Buffer.from(text), [], map));
        const viaAnalyze = await expectedOutcome(
          (async () => analyze('-', { stream: streamOf(Buffer.from(text)), map: parseMapOptions(map), asOf: AS_OF, deterministic: true }))(),
        );
        expect(viaAnalyze).toBe(outcome);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  });
});

describe('equivalent CSV and JSON read as the same records', () => {
  // Unique, trimmed, non-empty column names (not integer-like: a JS object would reorder those); any text values.
  const table = fc
    .uniqueArray(fc.string({ minLength: 1, maxLength: 8 }).filter((k) => k.trim() === k && k !== '' && !/[\r\n]/.test(k) && !/^\d+$/.test(k)), { minLength: 1, maxLength: 6 })
    .chain((keys) =>
      fc.record({
        keys: fc.constant(keys),
        rows: fc.array(
          // A record with at least one non-blank cell (an all-blank CSV row is a blank row, skipped), and not the
          // header again (a CSV row equal to its header is reported as a repeated header and skipped).
          // No C0 control characters but tab and line breaks: a file of them is refused as binary (exit 2).
          fc
            .array(fc.oneof(cell, fc.string({ maxLength: 10 })), { minLength: keys.length, maxLength: keys.length })
            .filter(
              (r) =>
                r.some((v) => v.trim() !== '') &&
                !r.some((v) => /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(v)) &&
                r.some((v, i) => v !== keys[i]),
            ),
          { maxLength: 40 },
        ),
        eol: fc.constantFrom('\n', '\r\n'),
      }),
    );

  it('CSV (every field quoted) and a JSON array of objects: same count, same values', async () => {
    await fc.assert(
      fc.asyncProperty(table, fc.array(fc.nat(), { maxLength: 3 }), async ({ keys, rows, eol }, cuts) => {
        const q = (v: string): string => `"${v.replace(/"/g, '""')}"`;
        const csv = [keys, ...rows].map((r) => r.map(q).join(',')).join(eol) + eol;
        const json = JSON.stringify(rows.map((r) => Object.fromEntries(r.map((v, i) => [keys[i], v]))));
        const fromCsv = await readAndMap(Buffer.from(csv), cuts, [], { header: true });
        const fromJson = await readAndMap(Buffer.from(json), cuts);
        expect(fromCsv.length).toBe(rows.length);
        expect(fromJson.length).toBe(rows.length);
        fromCsv.forEach((rec, i) => expect(rec.cells).toEqual(rows[i]));
        fromJson.forEach((rec, i) => expect(keys.map((k) => rec.values!.get(k))).toEqual(rows[i]));
      }),
      { numRuns: RUNS },
    );
  });

  it('an SQL dump of the same table (extended inserts, MySQL escapes): same values', async () => {
    const plainKeys = table.filter(({ keys }) => keys.every((k) => !/[`,()'"\\]/.test(k)));
    await fc.assert(
      fc.asyncProperty(plainKeys, fc.array(fc.nat(), { maxLength: 3 }), fc.integer({ min: 1, max: 5 }), async ({ keys, rows }, cuts, perInsert) => {
        const q = (v: string): string => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
        const inserts: string[] = [];
        for (let i = 0; i < rows.length; i += perInsert) {
          const tuples = rows.slice(i, i + perInsert).map((r) => `(${r.map(q).join(',')})`);
          inserts.push(`INSERT INTO \`t\` (${keys.map((k) => `\`${k}\``).join(',')}) VALUES ${tuples.join(',\n')};`);
        }
        const dump = `-- dump; it's random\n/*!40101 SET NAMES utf8 */;\n${inserts.join('\n')}\n`;
        if (rows.length === 0) return;
        const fromSql = await readAndMap(Buffer.from(dump), cuts);
        expect(fromSql.map((r) => r.cells)).toEqual(rows);
      }),
      { numRuns: RUNS },
    );
  });

  it('the same, through analyze: same rows analysed, same mapping', async () => {
    await fc.assert(
      fc.asyncProperty(table, async ({ keys, rows }) => {
        const q = (v: string): string => `"${v.replace(/"/g, '""')}"`;
        const csv = `${[keys, ...rows].map((r) => r.map(q).join(',')).join('\n')}\n`;
        const json = `${rows.map((r) => JSON.stringify(Object.fromEntries(r.map((v, i) => [keys[i], v])))).join('\n')}\n`;
        const a = await analyze('-', { stream: streamOf(Buffer.from(csv)), header: true, asOf: AS_OF, deterministic: true });
        if (rows.length === 0) return;
        const b = await analyze('-', { stream: streamOf(Buffer.from(json)), asOf: AS_OF, deterministic: true });
        expect(a.input.rows).toBe(rows.length);
        expect(b.input.rows).toBe(rows.length);
        expect(b.mapping.map((m) => m.field)).toEqual(a.mapping.map((m) => m.field));
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });
});

describe('count', () => {
  it('groups digits as toLocaleString("en-US") does, without loading ICU for integers', () => {
    const n = fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.integer({ min: -1e6, max: 1e6 }), fc.double({ noNaN: true }), fc.constantFrom(0, -0, 999, 1000, -1000, Number.MAX_SAFE_INTEGER, 2 ** 53));
    fc.assert(fc.property(n, (x) => count(x) === x.toLocaleString('en-US')), { numRuns: RUNS * 10 });
  });
});
