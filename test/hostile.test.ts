// Hostile input (README, "Hostile input"): every malformed file has a defined outcome, either a report whose
// structure findings say what was skipped, or exit 2 with one line on stderr; never a crash, a stack trace, a
// hang or unbounded memory. Inputs are generated here into a temp dir; the big ones are streamed to disk.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze.js';
import { InputError } from '../src/errors.js';
import { readSample } from '../src/ingest/index.js';
import { ByteLimit, decodeBytes, DEFAULT_MAX_BYTES, MAX_RATIO, newBudget, RATIO_GRACE } from '../src/ingest/source.js';
import { MAX_ZIP_ENTRIES } from '../src/ingest/zip.js';
import { renderHtml } from '../src/reporters/html.js';
import { renderMarkdown } from '../src/reporters/markdown.js';
import { renderTerminal } from '../src/reporters/terminal.js';
import type { CheckResult, Report } from '../src/types.js';
import { BIN, parseReport, ROOT } from './support/cli.js';
import { tar, tarHeader } from './support/tar.js';
import { xlsx } from './support/xlsx.js';
import { zip } from './support/zip.js';

const dir = mkdtempSync(join(tmpdir(), 'leakcheck-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(name: string, content: string | Buffer): string {
  const path = join(dir, `${++n}-${name}`);
  writeFileSync(path, content);
  return path;
}

/** Write a big file in pieces (never held in memory whole). */
function bigFile(name: string, parts: Iterable<string | Buffer>): string {
  const path = join(dir, `${++n}-${name}`);
  const fd = openSync(path, 'w');
  try {
    for (const p of parts) writeSync(fd, typeof p === 'string' ? Buffer.from(p) : p);
  } finally {
    closeSync(fd);
  }
  return path;
}

const NO_NETWORK = join(ROOT, 'test', 'support', 'no-network.mjs');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the built CLI; `heap` caps the V8 heap (MB) so unbounded memory fails the run instead of passing. */
function run(args: string[], opts: { input?: string | Buffer; heap?: number; cwd?: string; env?: Record<string, string>; preload?: boolean } = {}): Run {
  const node = [...(opts.heap ? [`--max-old-space-size=${opts.heap}`] : []), ...(opts.preload ? ['--import', NO_NETWORK] : [])];
  const r = spawnSync(process.execPath, [...node, BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...opts.env } as NodeJS.ProcessEnv,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const noStack = (r: Run): void => {
  expect(r.stderr).not.toMatch(/\n\s+at |Error:|node:internal/);
};

/** Exit 2, nothing on stdout, one line on stderr matching `pattern`, no stack trace, no raw control character. */
function expectOneLineError(r: Run, pattern: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.endsWith('\n')).toBe(true);
  expect(r.stderr.slice(0, -1)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  expect(r.stderr).toMatch(pattern);
  noStack(r);
}

/** A JSON report (exit 0), validated against its schema. */
function report(args: string[], opts: Parameters<typeof run>[1] = {}): Report {
  const r = run(['analyze', ...args, '--format', 'json', '--as-of', '2026-01-01'], opts);
  expect(r.code, r.stderr).toBe(0);
  noStack(r);
  return parseReport(r.stdout);
}

const check = (r: Report, id: string): CheckResult => r.checks.find((c) => c.id === id)!;
const messages = (r: Report, id: string): string[] => check(r, id).examples.map((e) => e.message);

const HEADER = 'Beneficiary Name,Aadhar No,Mobile No.,Gender\n';
const rowsOf = (from: number, count: number): string =>
  Array.from({ length: count }, (_, i) => `Person${from + i} Kumar,${234567890124 + from + i},${9876543210 - from - i},Male\n`).join('');

/** `mib` MiB of 1 KiB lines of one repeated digit under a header: compresses about 1000:1. */
function bombText(mib: number): Buffer {
  const block = Buffer.from(`${'1'.repeat(1023)}\n`.repeat(1024));
  return Buffer.concat([Buffer.from('code\n'), ...Array.from({ length: mib }, () => block)]);
}


describe('malformed delimited text', () => {
  it('ragged rows: read, with the missing cells empty and the extra ones reported (row-shape)', () => {
    const r = report([file('ragged.csv', `${HEADER}Asha Rao,234567890124\nRavi Kumar,345678901235,8765432109,Male,extra,more\nSita Devi,456789012346,7654321098,Female\n`)]);
    expect(r.input.rows).toBe(3);
    expect(check(r, 'row-shape').violations).toBe(2);
    expect(check(r, 'row-shape').examples.map((e) => e.line)).toEqual([2, 3]);
  });

  it('an unterminated quote: the rows before it are read and the quoting finding says the rest was not', () => {
    const r = report([file('unterminated.csv', `${HEADER}Asha Rao,234567890124,9876543210,Female\n"Ravi Kumar,345678901235,8765432109,Male\n${rowsOf(0, 5)}`)]);
    expect(r.input.rows).toBe(1);
    expect(r.input.rowsSkipped).toBe(1);
    expect(messages(r, 'quoting')[0]).toMatch(/never closed.*not read/);
    expect(check(r, 'quoting').examples[0].line).toBe(3);
  });

  it('an unterminated quote early in a 40 MB file: the read stops at 16 MiB, in bounded memory', () => {
    const path = bigFile('unterminated-big.csv', (function* () {
      yield `${HEADER}Asha Rao,234567890124,9876543210,Female\n"Ravi Kumar,345678901235,8765432109,Male\n`;
      const block = rowsOf(0, 10_000);
      for (let i = 0; i < 40e6 / block.length; i++) yield block;
    })());
    const r = report([path], { heap: 400 });
    expect(r.input.rows).toBe(1);
    expect(messages(r, 'input-complete')[0]).toMatch(/a record runs past 16 MiB without ending .*not read/);
  });

  it('NUL bytes inside values: read as data and shown escaped, never raw', () => {
    const path = file('nul.csv', `${HEADER}Asha\u0000Rao,234567890124,98765\u000043210,Female\nRavi Kumar,345678901235,8765432109,Male\n`);
    const r = report([path, '--reveal']);
    expect(r.input.rows).toBe(2);
    expect(JSON.stringify(r)).not.toContain('\\u0000');
    expect(JSON.stringify(r)).toContain('\\\\x00');
    const t = run(['analyze', path, '--reveal', '--all']);
    expect(t.code).toBe(0);
    expect(t.stdout).not.toContain('\u0000');
  });

  it('a file mostly of NUL bytes is binary: exit 2', () => {
    expectOneLineError(run(['analyze', file('zeros.csv', Buffer.concat([Buffer.from(HEADER), Buffer.alloc(4096)]))]), /looks like a binary file/);
  });

  it('invalid UTF-8: read as Windows-1252, reported (text-encoding) at its line', () => {
    const r = report([file('latin.csv', Buffer.concat([Buffer.from(`${HEADER}Asha Rao,234567890124,9876543210,Female\n`), Buffer.from([0x52, 0xe9, 0x6d, 0x79, 0xff, 0xc3, 0x28]), Buffer.from(' Nair,345678901235,8765432109,Female\n')]))]);
    expect(r.input.rows).toBe(2);
    expect(r.input.encoding).toBe('utf-8+windows-1252');
    expect(check(r, 'text-encoding').examples[0]).toMatchObject({ line: 3 });
    expect(messages(r, 'text-encoding')[0]).toMatch(/^3 bytes are not valid UTF-8/);
  });

  it('mixed line endings: every LF, CRLF and CR ends a record', () => {
    const r = report([file('mixed.csv', `${HEADER.trimEnd()}\r\nAsha Rao,234567890124,9876543210,Female\nRavi Kumar,345678901235,8765432109,Male\rSita Devi,456789012346,7654321098,Female\r\n`)]);
    expect(r.input.rows).toBe(3);
    expect(r.input.lineEnding).toBe('mixed');
  });

  it('a 100 MB line: the rows before it are read, the read stops 16 MiB into it, in bounded memory and time', () => {
    const path = bigFile('long-line.csv', (function* () {
      yield `${HEADER}${rowsOf(0, 3)}`;
      const mb = Buffer.alloc(1 << 20, 'x');
      for (let i = 0; i < 100; i++) yield mb;
      yield `,1,2,3\n${rowsOf(3, 3)}`;
    })());
    const started = Date.now();
    const r = report([path], { heap: 400 });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.input.rows).toBe(3);
    expect(check(r, 'input-complete').status).toBe('fail');
    expect(messages(r, 'input-complete')[0]).toMatch(/a record runs past 16 MiB without ending \(an unclosed quote, or a line with no line break\); rows after this point were not read/);
  }, 30_000);

  it('100,000 columns: read; the terminal report lists 200 of them and stays within 80 columns', () => {
    const path = bigFile('wide.csv', (function* () {
      yield `${Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',')}\n`;
      for (let r = 0; r < 3; r++) yield `${Array.from({ length: 100_000 }, (_, i) => String((i * 7 + r) % 10)).join(',')}\n`;
    })());
    const r = report([path]);
    expect(r.input.rows).toBe(3);
    expect(r.input.columns).toHaveLength(100_000);
    const t = run(['analyze', path]);
    expect(t.code).toBe(0);
    const lines = t.stdout.split('\n');
    expect(lines.length).toBeLessThan(300);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(80);
    expect(t.stdout).toContain('99,800 more unmapped columns');
  });

  it.each([
    ['an empty file', '', /is empty: there are no records/],
    ['a whitespace-only file', ' \n\t\r\n   \n', /is empty \(whitespace only\)/],
    ['a BOM and blank lines', '\ufeff\n\n', /is empty/],
  ])('%s: exit 2', (_, content, pattern) => {
    expectOneLineError(run(['analyze', file('blank.csv', content)]), pattern);
  });
});

describe('binary files named .csv', () => {
  it.each([
    ['PNG', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]), /looks like a PNG image/],
    ['PDF', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), /looks like a PDF document \(write its text with pdftotext -layout first\)/],
    ['JPEG', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100)]), /looks like a JPEG image/],
    ['XLS (OLE)', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100)]), /looks like a Microsoft Office/],
    ['bzip2', Buffer.from('BZh91AY&SY\x00\x00', 'latin1'), /bzip2 stream \(only gzip/],
    ['SQLite', Buffer.from('SQLite format 3\x00name,mobile\n', 'latin1'), /an SQLite database \(export a table as CSV/],
    ['Parquet', Buffer.from('PAR1name,mobile_number\nA,9876543210\n', 'latin1'), /a Parquet file/],
    ['pg_dump -Fc', Buffer.from('PGDMP\x01\x0e\x00\x04\x08\x01\x01\x01name,mobile\n', 'latin1'), /a PostgreSQL custom-format dump \(write it as SQL with pg_restore/],
    ['HTML', Buffer.from('\ufeff\n<!DOCTYPE html>\n<html><body><table><tr><td>A</td></tr></table></body></html>\n'), /an HTML page \(save its table as CSV/],
    ['XML', Buffer.from('<?xml version="1.0"?>\n<rows><row><name>A</name></row></rows>\n'), /an XML document/],
    ['random bytes', Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919 + 13) % 256)), /binary file/],
  ])('%s: exit 2 naming what it is', (_, bytes, pattern) => {
    expectOneLineError(run(['analyze', file('sample.csv', bytes)]), pattern);
  });

  it.each([
    // (A workbook is read: one with no sheet in it has nothing to read.)
    ['xlsx', ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml'], /is an Excel workbook with no sheet/],
    ['docx', ['[Content_Types].xml', 'word/document.xml'], /is a Word document/],
    ['ods', ['mimetype', 'content.xml', 'META-INF/manifest.xml'], /is an OpenDocument file/],
  ])('an Office file (%s, a zip of XML): exit 2 naming what it is', (ext, names, pattern) => {
    expectOneLineError(run(['analyze', file(`leak.${ext}`, zip(names.map((name) => ({ name, data: '<x/>' }))))]), pattern);
  });

  it('a workbook whose sheet is a bomb is stopped at the ratio limit, in bounded memory', () => {
    const row = (r: number): string => `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${'1'.repeat(1000)}</t></is></c></row>`;
    const rows = Array.from({ length: 90_000 }, (_, i) => row(i + 2)).join('');
    const book = xlsx({ S: [] }, { S: `<row r="1"><c r="A1" t="inlineStr"><is><t>code</t></is></c></row>${rows}` });
    const r = report([file('bomb.xlsx', book)], { heap: 300 });
    expect(r.input.format).toBe('xlsx');
    expect(r.input.rows).toBeGreaterThan(10_000);
    expect(r.input.rows).toBeLessThan(90_000);
    expect(messages(r, 'input-complete').join('\n')).toMatch(/expands more than 100 times/);
    // Its shared strings, read whole before the sheet: exit 2 saying why.
    const strings = `<sst>${`<si><t>${'1'.repeat(1000)}</t></si>`.repeat(90_000)}</sst>`;
    const parts = [
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/workbook.xml', data: '<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>' },
      { name: 'xl/_rels/workbook.xml.rels', data: '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>' },
      { name: 'xl/sharedStrings.xml', data: strings },
      { name: 'xl/worksheets/sheet1.xml', data: '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>' },
    ];
    expectOneLineError(run(['analyze', file('strings.xlsx', zip(parts))], { heap: 300 }), /cannot read the workbook's xl\/sharedStrings\.xml \(.*expands more than 100 times/);
  });

  it('a zip named .csv is read as the zip archive it is', () => {
    const r = report([file('sample.csv', zip([{ name: 'data.csv', data: HEADER + rowsOf(0, 20) }]))]);
    expect(r.input.rows).toBe(20);
    expect(r.input.archive?.members.map((m) => [m.name, m.status])).toEqual([['data.csv', 'read']]);
  });
});

describe('gzip', () => {
  it('truncated gzip: the rows before the cut, and input-complete says the stream is truncated', () => {
    const gz = gzipSync(HEADER + rowsOf(0, 20_000));
    const r = report([file('cut.csv.gz', gz.subarray(0, Math.floor(gz.length / 2)))]);
    expect(r.input.compression).toBe('gzip');
    expect(r.input.rows).toBeGreaterThan(100);
    expect(r.input.rows).toBeLessThan(20_000);
    expect(messages(r, 'input-complete')[0]).toMatch(/the gzip stream is truncated/);
  });

  it('a gzip header with nothing readable after it: exit 2', () => {
    expectOneLineError(run(['analyze', file('bad.csv.gz', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x67, 0x61, 0x72, 0x62, 0x61, 0x67]))]), /cannot read .*gzip/);
  });

  it(`a gzip bomb: stopped once past ${RATIO_GRACE / 2 ** 20} MiB at a ratio over ${MAX_RATIO}:1, in bounded memory`, () => {
    const gz = gzipSync(bombText(100), { level: 9 });
    expect(gz.length).toBeLessThan(1 << 20);
    const r = report([file('bomb.csv.gz', gz)], { heap: 300 });
    // 1 KiB lines: about 64 Ki of them before the stop, of 100 Ki.
    expect(r.input.rows).toBeGreaterThan(60_000);
    expect(r.input.rows).toBeLessThan(70_000);
    expect(messages(r, 'input-complete')[0]).toMatch(/stopped after 64 MiB: the compressed data expands more than 100 times \(a decompression bomb\?\)/);
  });

  it('--max-bytes stops a gzip stream at its decompressed size', () => {
    const r = report([file('big.csv.gz', gzipSync(HEADER + rowsOf(0, 50_000))), '--max-bytes', '500000']);
    expect(r.input.rows).toBeGreaterThan(1000);
    expect(r.input.rows).toBeLessThan(50_000);
    expect(messages(r, 'input-complete')[0]).toMatch(/stopped after --max-bytes \(500000 bytes of decompressed input; raise --max-bytes to read more\)/);
  });

  it(`--max-bytes defaults to ${DEFAULT_MAX_BYTES / 2 ** 30} GiB of decompressed input`, async () => {
    expect(DEFAULT_MAX_BYTES).toBe(2 ** 30);
    expect(newBudget({}).max).toBe(DEFAULT_MAX_BYTES);
    // 1 GiB and a bit of spaces, decoded without a parser: the limit is met after exactly 1 GiB.
    const chunk = Buffer.alloc(16 << 20, 0x20);
    let served = 0;
    const it = (async function* () {
      for (let i = 0; i < 66; i++) {
        served += chunk.length;
        yield chunk;
      }
    })();
    const text = await decodeBytes({ label: 'spaces', it, bytesIn: () => served }, newBudget({}));
    let decoded = 0;
    const err = await (async () => {
      for await (const t of text.chunks) decoded += t.length;
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ByteLimit);
    expect((err as Error).message).toMatch(/1 GiB/);
    expect(decoded).toBe(DEFAULT_MAX_BYTES);
  });
});

describe('JSON', () => {
  it('nested 100,000 deep: the deeper part is ignored and reported (json-structure)', () => {
    const r = report([file('deep.json', `[{"name":"Asha Rao","deep":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}},{"name":"Ravi Kumar"}]`)]);
    expect(r.input.rows).toBe(2);
    expect(messages(r, 'json-structure')[0]).toMatch(/nested deeper than 64 levels/);
    const arrays = report([file('deep-arrays.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`)]);
    expect(arrays.input.rows).toBe(0);
    expect(check(arrays, 'json-structure').violations).toBeGreaterThan(0);
  });

  it('duplicate keys: the last value wins (as JSON.parse) and input-complete reports the record', () => {
    const path = file('dup.json', '[{"name":"First Name","mobile":"9876543210","name":"Second Name"},{"name":"Sita Devi","a":{"b":"1"},"a.b":"2"},{"name":"Ravi Kumar"}]');
    const r = report([path, '--reveal']);
    expect(r.input.rows).toBe(3);
    expect(r.input.columns.slice(0, 2)).toEqual(['name', 'mobile']);
    const dup = check(r, 'input-complete');
    expect(dup.violations).toBe(2);
    expect(dup.examples.map((e) => [e.line, e.row, e.message])).toEqual([
      [1, 1, 'the record repeats the key name: only its last value was read'],
      [1, 2, 'the record repeats the key a.b: only its last value was read'],
    ]);
  });

  it('duplicate keys at the ingest layer: the last value is the one read', async () => {
    const issues: string[] = [];
    const s = await readSample(file('dup2.json', '{"id":"1","id":"2"}\n{"id":"3"}\n'), (i) => issues.push(`${i.code}@${i.line}`));
    const values: string[] = [];
    for await (const b of s.batches) for (const rec of b) values.push(rec.values!.get('id')!);
    expect(values).toEqual(['2', '3']);
    expect(issues).toEqual(['duplicate-key@1']);
  });

  it('numbers beyond 2^53 keep every digit (an identifier is never a float)', () => {
    const r = report([file('big.json', '[{"beneficiary_reference_id":98765432109876543210,"name":"Asha Rao","mobile":9876543210},{"beneficiary_reference_id":12345678901234,"name":"Ravi Kumar","mobile":9876543211}]'), '--reveal']);
    const shown = r.checks.flatMap((c) => c.examples).filter((e) => e.field === 'beneficiary_reference_id').map((e) => e.value);
    expect(shown).toContain('98765432109876543210');
    expect(JSON.stringify(r)).not.toContain('98765432109876540000');
  });

  it('a 100 MB string value: the read stops 32 MiB in, with the records before it kept', () => {
    const path = bigFile('long-string.json', (function* () {
      yield '[{"name":"Asha Rao"},{"name":"';
      const mb = Buffer.alloc(1 << 20, 'x');
      for (let i = 0; i < 100; i++) yield mb;
      yield '"},{"name":"Ravi Kumar"}]\n';
    })());
    const r = report([path], { heap: 400 });
    expect(r.input.rows).toBe(1);
    expect(messages(r, 'json-structure')[0]).toMatch(/a value runs past 32 MiB without a record ending; the rest of the input was not read/);
  }, 30_000);
});

describe('zip archives', () => {
  it('one member: analysed like the file itself, and listed', () => {
    const r = report([file('leak.zip', zip([{ name: 'beneficiaries.csv', data: HEADER + rowsOf(0, 50) }]))]);
    expect(r.input.rows).toBe(50);
    expect(r.input.archive).toEqual({ format: 'zip', entries: 1, members: [{ name: 'beneficiaries.csv', bytes: (HEADER + rowsOf(0, 50)).length, status: 'read', firstRow: 1, rows: 50 }], unlisted: 0 });
    expect(r.mapping.map((m) => m.field)).toEqual(['name', 'aadhaar_number', 'mobile_number', 'gender']);
  });

  it('several members: those with the first one\'s columns are one sample in order; the others are listed as skipped', () => {
    const archive = zip([
      { name: 'README.txt', data: 'Sample of 10 crore records. Contact @seller.\n' },
      { name: '__MACOSX/._part1.csv', data: Buffer.alloc(64, 0) },
      { name: 'part1.csv', data: HEADER + rowsOf(0, 30) },
      { name: 'photo.png', data: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100)]) },
      { name: 'other.csv', data: 'state,count\nKerala,3\n' },
      { name: 'part2.csv', data: HEADER + rowsOf(30, 20), store: true },
      { name: 'inner.zip', data: zip([{ name: 'x.csv', data: HEADER + rowsOf(0, 5) }]) },
      { name: 'notes.json', data: '[{"a":1}]' },
      { name: 'folder/', data: '' },
    ]);
    const r = report([file('parts.zip', archive)]);
    expect(r.input.rows).toBe(50);
    const members = r.input.archive!.members.map((m) => [m.name, m.status, m.firstRow ?? null, m.rows ?? null]);
    expect(members).toEqual([
      ['part1.csv', 'read', 1, 30],
      ['other.csv', 'skipped', null, null],
      ['part2.csv', 'read', 31, 20],
      ['notes.json', 'skipped', null, null],
      ['README.txt', 'skipped', null, null],
      ['photo.png', 'skipped', null, null],
      ['inner.zip', 'skipped', null, null],
      ['__MACOSX/._part1.csv', 'skipped', null, null],
    ]);
    const reasons = Object.fromEntries(r.input.archive!.members.map((m) => [m.name, m.reason]));
    expect(reasons['other.csv']).toMatch(/columns differ from the first member's \(state, count\)/);
    expect(reasons['notes.json']).toMatch(/JSON where the first member is delimited text/);
    expect(reasons['photo.png']).toMatch(/looks like a PNG image/);
    expect(reasons['inner.zip']).toMatch(/looks like a zip archive/);
    expect(reasons['__MACOSX/._part1.csv']).toBe('archiver metadata');
    // Every member with data that was not read is a finding; archiver metadata is not.
    expect(check(r, 'input-complete').violations).toBe(5);
    // Records keep their numbers across members: the second member's first record is row 31, line 2 of its file.
    const t = run(['analyze', file('parts.zip', archive)]);
    expect(t.stdout.replace(/\n\s+/g, ' ')).toMatch(/Zip archive: 2 of 8 files read as one sample \(part1\.csv, part2\.csv\)/);
  });

  it('member names with ../ or an absolute path are never read and nothing is extracted anywhere', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'leakcheck-cwd-'));
    const absolute = join(tmpdir(), `leakcheck-abs-${process.pid}-${Date.now()}.csv`);
    const archive = file('slip.zip', zip([
      { name: '../../../escaped.csv', data: HEADER + rowsOf(0, 10) },
      { name: absolute, data: HEADER + rowsOf(0, 10) },
      { name: 'C:/Windows/evil.csv', data: HEADER + rowsOf(0, 10) },
      { name: 'ok.csv', data: HEADER + rowsOf(0, 10) },
    ]));
    const r = run(['analyze', archive, '--format', 'json'], { cwd });
    expect(r.code).toBe(0);
    const rep = parseReport(r.stdout);
    expect(rep.input.rows).toBe(10);
    expect(rep.input.archive!.members.filter((m) => m.status === 'skipped').map((m) => m.reason)).toEqual(Array(3).fill('unsafe member name (an absolute path or ../): not read'));
    expect(readdirSync(cwd)).toEqual([]);
    expect(existsSync(absolute)).toBe(false);
    expect(existsSync(join(cwd, '..', '..', '..', 'escaped.csv'))).toBe(false);
  });

  it('a zip bomb member is stopped at the ratio limit; a member inflating past its declared size is cut there', () => {
    const r = report([file('bomb.zip', zip([{ name: 'bomb.csv', data: bombText(90) }]))], { heap: 300 });
    expect(r.input.rows).toBeGreaterThan(60_000);
    expect(r.input.rows).toBeLessThan(70_000);
    expect(messages(r, 'input-complete')[0]).toMatch(/expands more than 100 times/);
    const liar = report([file('liar.zip', zip([{ name: 'liar.csv', data: HEADER + rowsOf(0, 5000), declaredSize: 100_000 }]))]);
    expect(liar.input.rows).toBeGreaterThan(1000);
    expect(liar.input.rows).toBeLessThan(5000);
    expect(messages(liar, 'input-complete')[0]).toMatch(/inflates past its declared 100000 bytes \(a zip bomb\?\)/);
  });

  it('--max-bytes counts all members together: the members after the limit are listed as not read', () => {
    const members = [0, 1, 2, 3].map((k) => ({ name: `p${k}.csv`, data: HEADER + rowsOf(k * 5000, 5000) }));
    const r = report([file('budget.zip', zip(members)), '--max-bytes', '300000']);
    expect(r.input.rows).toBeGreaterThan(5000);
    expect(r.input.rows).toBeLessThan(10_000);
    expect(messages(r, 'input-complete')).toContain('the input ends early: stopped after --max-bytes (300000 bytes of decompressed input; raise --max-bytes to read more); rows after this point were not read');
    expect(r.input.archive!.members.slice(2).map((m) => m.reason)).toEqual(['not read: the --max-bytes limit was reached', 'not read: the --max-bytes limit was reached']);
  });

  it('encrypted members and unknown compression methods are skipped with the reason', () => {
    const r = report([file('locked.zip', zip([
      { name: 'secret.csv', data: HEADER + rowsOf(0, 5), encrypted: true, store: true },
      { name: 'bzip.csv', data: HEADER + rowsOf(0, 5), method: 12, store: true },
      { name: 'open.csv', data: HEADER + rowsOf(0, 5) },
    ]))]);
    expect(r.input.rows).toBe(5);
    expect(r.input.archive!.members.map((m) => m.reason ?? m.status)).toEqual(['encrypted', 'compressed with method 12 (only stored and deflated members are read)', 'read']);
  });

  it(`more than ${MAX_ZIP_ENTRIES} entries, an empty archive, a truncated archive, no readable member: exit 2`, () => {
    const many = zip(Array.from({ length: MAX_ZIP_ENTRIES + 1 }, (_, i) => ({ name: `f${i}.csv`, data: 'a\n1\n', store: true })));
    expectOneLineError(run(['analyze', file('many.zip', many)]), /zip archive of 10001 entries, more than 10000: extract the members/);
    expectOneLineError(run(['analyze', file('empty.zip', zip([]))]), /is a zip archive with no files in it/);
    const whole = zip([{ name: 'a.csv', data: HEADER + rowsOf(0, 100) }]);
    expectOneLineError(run(['analyze', file('cut.zip', whole.subarray(0, whole.length - 30))]), /cannot read .* as a zip archive/);
    expectOneLineError(run(['analyze', file('pics.zip', zip([{ name: 'a.png', data: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(50)]) }, { name: 'b.csv', data: '  \n' }]))]), /no member that reads as a sample: b\.csv \(is empty \(whitespace only\)\); a\.png \(looks like a PNG image/);
  });

  it('a zip on standard input is read too', () => {
    const r = report(['-'], { input: zip([{ name: 'in.csv', data: HEADER + rowsOf(0, 7) }]) });
    expect(r.input.rows).toBe(7);
    expect(r.input.archive?.members[0]).toMatchObject({ name: 'in.csv', status: 'read' });
  });

  it('corrupted archives (random bytes overwritten anywhere): a report or an InputError, never anything else', async () => {
    const base = zip([
      { name: 'a.csv', data: HEADER + rowsOf(0, 40) },
      { name: 'b.csv', data: HEADER + rowsOf(40, 40), store: true },
      { name: 'c.json', data: '[{"name":"Asha Rao"}]' },
    ]);
    let reports = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }), async (flips) => {
        const bytes = Buffer.from(base);
        for (const [at, b] of flips) bytes[at % bytes.length] = b;
        const path = file('fuzz.zip', bytes);
        try {
          await analyze(path, { asOf: new Date(Date.UTC(2026, 0, 1)) });
          reports++;
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
        }
      }),
      { numRuns: Number(process.env.LEAKCHECK_PROPERTY_RUNS ?? 150) },
    );
    expect(reports).toBeGreaterThan(0);
  });

  it('--limit stops inside the first member: the rest are listed as not reached', () => {
    const r = report([file('limit.zip', zip([{ name: 'a.csv', data: HEADER + rowsOf(0, 600) }, { name: 'b.csv', data: HEADER + rowsOf(600, 600) }])), '--limit', '550']);
    expect(r.input.rows).toBe(550);
    expect(r.input.archive!.members.map((m) => m.reason ?? m.status)).toEqual(['read', 'not read: the analysis stopped before it']);
  });
});

describe('tar archives', () => {
  it('files are considered in archive order: data files join the first one read; the others are listed with the reason', () => {
    const archive = gzipSync(tar([
      { name: 'README.txt', data: 'Sample of 10 crore records. Contact @seller.\n' },
      { name: 'dump', type: '5' },
      { name: 'dump/._part1.csv', data: Buffer.alloc(64, 0) },
      { name: 'dump/part1.csv', data: HEADER + rowsOf(0, 30) },
      { name: 'dump/latest.csv', type: '2' },
      { name: 'dump/states.csv', data: 'state,count\nKerala,3\n' },
      { name: 'dump/part2.csv.gz', data: gzipSync(HEADER + rowsOf(30, 20)) },
      { name: '../escaped.csv', data: HEADER + rowsOf(0, 10) },
      { name: `dump/${'long-folder-name/'.repeat(8)}part3.csv`, data: HEADER + rowsOf(50, 5), longName: 'gnu' },
      { name: `dump/${'other-long-folder/'.repeat(8)}part4.csv`, data: HEADER + rowsOf(55, 5), longName: 'pax' },
    ]));
    const r = report([file('leak.tar.gz', archive)]);
    expect(r.input.rows).toBe(60);
    expect(r.input.compression).toBe('gzip');
    expect(r.input.archive!.format).toBe('tar');
    expect(r.input.archive!.members.map((m) => [m.name, m.reason ?? m.status, m.firstRow ?? null, m.rows ?? null])).toEqual([
      ['README.txt', 'not read: not a data file name (.csv, .tsv, .json, .ndjson, .sql)', null, null],
      ['dump/._part1.csv', 'archiver metadata', null, null],
      ['dump/part1.csv', 'read', 1, 30],
      ['dump/latest.csv', 'not read: a symbolic link, not a file', null, null],
      ['dump/states.csv', "not read: its columns differ from the first member's (state, count)", null, null],
      ['dump/part2.csv.gz', 'read', 31, 20],
      ['../escaped.csv', 'unsafe member name (an absolute path or ../): not read', null, null],
      [`dump/${'long-folder-name/'.repeat(8)}part3.csv`, 'read', 51, 5],
      [`dump/${'other-long-folder/'.repeat(8)}part4.csv`, 'read', 56, 5],
    ]);
    // Files with data that were not read are findings; metadata and links are not.
    expect(check(r, 'input-complete').violations).toBe(3);
    expect(messages(r, 'input-complete')[0]).toBe('archive member README.txt: not read: not a data file name (.csv, .tsv, .json, .ndjson, .sql)');
    const t = run(['analyze', file('leak.tar', gunzipSync(archive))]);
    expect(t.stdout.replace(/\n\s+/g, ' ')).toMatch(/Tar archive: 4 of 9 files read as one sample \(dump\/part1\.csv, dump\/part2\.csv\.gz, dump\/long/);
    // The same archive on standard input.
    expect(report(['-'], { input: archive }).input.rows).toBe(60);
  });

  it('a bomb in a file passed by is stopped at the ratio limit, in bounded memory; the files after it are not reached', () => {
    const path = bigFile('bomb.tar.gz', (function* () {
      // Concatenated gzip members are one gzip stream: 100 MiB of zeros without holding them.
      yield gzipSync(tarHeader('zeros.bin', 100 * 2 ** 20, '0'));
      const mib = gzipSync(Buffer.alloc(2 ** 20));
      for (let i = 0; i < 100; i++) yield mib;
      yield gzipSync(tar([{ name: 'data.csv', data: HEADER + rowsOf(0, 10) }]));
    })());
    expectOneLineError(run(['analyze', path], { heap: 200 }), /with no member that reads as a sample: zeros\.bin \(not read: not a data file name .*\); the compressed data expands more than 100 times \(a decompression bomb\?\): the rest of the archive was not read/);
    const after = bigFile('bomb-after.tar.gz', (function* () {
      yield gzipSync(tar([{ name: 'data.csv', data: HEADER + rowsOf(0, 10) }]).subarray(0, -1024));
      yield gzipSync(tarHeader('zeros.bin', 100 * 2 ** 20, '0'));
      const mib = gzipSync(Buffer.alloc(2 ** 20));
      for (let i = 0; i < 100; i++) yield mib;
      yield gzipSync(tar([{ name: 'more.csv', data: HEADER + rowsOf(10, 10) }]));
    })());
    const r = report([after], { heap: 200 });
    expect(r.input.rows).toBe(10);
    expect(messages(r, 'input-complete')).toContain('archive member (archive): the compressed data expands more than 100 times (a decompression bomb?): the rest of the archive was not read');
  });

  it('an entry type byte that is a control character is shown as a number', () => {
    const r = report([file('odd.tar', tar([{ name: 'odd', type: '\u009b', data: 'x' }, { name: 'a.csv', data: HEADER + rowsOf(0, 3) }]))]);
    expect(r.input.archive!.members[0].reason).toBe('not read: a tar entry of type 0x9b, not a file');
    expect(JSON.stringify(r)).not.toMatch(/[\u0080-\u009f]/);
  });

  it('--max-bytes counts the files passed by too', () => {
    const archive = tar([{ name: 'photos.bin', data: Buffer.alloc(400_000, 7) }, { name: 'data.csv', data: HEADER + rowsOf(0, 10) }]);
    expectOneLineError(run(['analyze', file('budget.tar', archive), '--max-bytes', '300000']), /stopped at the --max-bytes limit \(300000 bytes/);
    expect(report([file('budget.tar', archive), '--max-bytes', '500000']).input.rows).toBe(10);
  });

  it('a truncated or corrupt archive: the rows before the damage are analysed and the report says what was not read', () => {
    const whole = gzipSync(tar([{ name: 'a.csv', data: HEADER + rowsOf(0, 3000) }, { name: 'b.csv', data: HEADER + rowsOf(3000, 3000) }]));
    const cut = report([file('cut.tar.gz', whole.subarray(0, Math.floor(whole.length * 0.4)))]);
    expect(cut.input.rows).toBeGreaterThan(0);
    expect(cut.input.rows).toBeLessThan(3000);
    expect(messages(cut, 'input-complete').join('\n')).toMatch(/the gzip stream is truncated/);
    const plain = tar([{ name: 'a.csv', data: HEADER + rowsOf(0, 30) }, { name: 'b.csv', data: HEADER + rowsOf(30, 30) }]);
    const broken = Buffer.from(plain);
    broken[512 + padded(HEADER + rowsOf(0, 30)) + 148] ^= 1; // b.csv's header checksum
    const r = report([file('broken.tar', broken)]);
    expect(r.input.rows).toBe(30);
    expect(messages(r, 'input-complete')).toEqual([`archive member (archive): no tar header where one should be, at byte ${512 + padded(HEADER + rowsOf(0, 30))}: the rest of the archive was not read`]);
    expectOneLineError(run(['analyze', file('notes.tar', tar([{ name: 'notes.md', data: '# notes\n' }]))]), /notes\.tar is a tar archive with no member that reads as a sample: notes\.md \(not read: not a data file name/);
    expectOneLineError(run(['analyze', file('folders.tar', tar([{ name: 'a', type: '5' }]))]), /is a tar archive with no files in it/);
  });

  it('corrupted archives (random bytes overwritten anywhere): a report or an InputError, never anything else', async () => {
    const base = tar([{ name: 'a.csv', data: HEADER + rowsOf(0, 40) }, { name: 'b.csv.gz', data: gzipSync(HEADER + rowsOf(40, 40)) }, { name: 'c.json', data: '[{"name":"Asha Rao"}]' }]);
    let reports = 0;
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }), async (gz, flips) => {
        const bytes = Buffer.from(gz ? gzipSync(base) : base);
        for (const [at, b] of flips) bytes[at % bytes.length] = b;
        try {
          await analyze(file('fuzz.tar', bytes), { asOf: new Date(Date.UTC(2026, 0, 1)) });
          reports++;
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
        }
      }),
      { numRuns: Number(process.env.LEAKCHECK_PROPERTY_RUNS ?? 150) },
    );
    expect(reports).toBeGreaterThan(0);
  });
});

const padded = (s: string): number => Math.ceil(Buffer.byteLength(s) / 512) * 512;

describe('folders', () => {
  it('a folder is read as an archive is: data files first, sub-folders included, links listed and never followed', () => {
    const root = mkdtempSync(join(dir, 'leak-'));
    mkdirSync(join(root, 'dump', 'more'), { recursive: true });
    writeFileSync(join(root, 'README.txt'), 'Sample of 10 crore records. Contact @seller.\n');
    writeFileSync(join(root, 'dump', 'part1.csv'), HEADER + rowsOf(0, 30));
    writeFileSync(join(root, 'dump', 'more', 'part2.csv'), HEADER + rowsOf(30, 20));
    writeFileSync(join(root, 'dump', '._part1.csv'), Buffer.alloc(64, 0));
    const outside = file('outside.csv', HEADER + rowsOf(100, 5));
    symlinkSync(outside, join(root, 'dump', 'link.csv'));
    const r = report([root]);
    expect(r.input.rows).toBe(50);
    expect(r.input.archive!.format).toBe('folder');
    expect(r.input.archive!.members.map((m) => [m.name, m.reason ?? m.status, m.firstRow ?? null])).toEqual([
      ['dump/part1.csv', 'read', 1],
      ['dump/more/part2.csv', 'read', 31],
      ['README.txt', "not read: its columns differ from the first member's (Sample of 10 crore records. Contact @seller.)", null],
      ['dump/._part1.csv', 'archiver metadata', null],
      ['dump/link.csv', 'a symbolic link: not followed', null],
    ]);
    expect(check(r, 'input-complete').violations).toBe(1);
    const t = run(['analyze', root]);
    expect(t.stdout.replace(/\n\s+/g, ' ')).toMatch(/Folder: 2 of 5 files read as one sample \(dump\/part1\.csv, dump\/more\/part2\.csv\)/);
    // The report is never written into the folder it reads.
    expectOneLineError(run(['analyze', root, '-o', join(root, 'dump', 'report.json')]), /never writes to its input/);
    expect(readdirSync(join(root, 'dump')).sort()).toEqual(['._part1.csv', 'link.csv', 'more', 'part1.csv']);
  });

  it(`a folder of more than ${MAX_ZIP_ENTRIES} entries is refused`, () => {
    const root = mkdtempSync(join(dir, 'many-'));
    for (let i = 0; i <= MAX_ZIP_ENTRIES; i++) writeFileSync(join(root, `f${i}.csv`), '');
    expectOneLineError(run(['analyze', root]), /is a folder of more than 10000 entries/);
  });
});

describe('nothing from the sample reaches anyone unescaped', () => {
  const ESC = '\u001b';
  const hostile = `${['Beneficiary Name', `Mobile\u001b[2J\u001b]0;pwned\u0007No`, 'Aadhar No', '__proto__', 'constructor', 'prototype', '<b>x</b>|`y`'].join(',')}\n` +
    [
      `Asha\u001b[31m Rao\u009b1m,9876543210,234567890124,a,b,c,<script>alert(1)</script>|\`rm\``,
      `\u001b]8;;http://evil.example/\u0007Ravi Kumar\u001b]8;;\u0007,8765432109,345678901235,d,e,f,\u202eevil`,
      `"Sita Devi\r\u001b[1A",7654321098,456789012346,g,h,i,ok`,
    ].join('\n') + '\n';

  it('terminal, JSON and stderr: no raw control character (ANSI, OSC, C1, bidi) anywhere', () => {
    const path = file(`evil\u001b[31mname.csv`, hostile);
    for (const format of ['terminal', 'json']) {
      for (const extra of [[], ['--reveal'], ['--all']]) {
        const r = run(['analyze', path, '--format', format, ...extra], { env: { FORCE_COLOR: '0' } });
        expect(r.code).toBe(0);
        expect(r.stdout).not.toContain(ESC);
        expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
        expect(r.stderr).not.toContain(ESC);
      }
    }
    // With colour on, the only escapes are chalk's SGR codes: none of the sample's (OSC, clear screen, C1 CSI, BEL).
    const coloured = run(['analyze', path, '--reveal', '--all'], { env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    expect(coloured.stdout).toMatch(/\u001b\[\d+m/);
    expect(coloured.stdout).not.toMatch(/\u001b\]|\u001b\[(?:2J|1A)|[\u0007\u009b\u202e]/);
    const rep = report([path, '--reveal']);
    const strings: string[] = [];
    JSON.parse(JSON.stringify(rep), (_, v: unknown) => (typeof v === 'string' && strings.push(v), v));
    for (const s of strings) expect(s).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
    expect(rep.input.path).toContain('evil\\x1b[31mname.csv');
    expect(rep.input.columns[1]).toBe('Mobile\\x1b[2J\\x1b]0;pwned\\x07No');
  });

  it('error messages quoting a file or column name escape it and stay on one line', () => {
    const png = file(`photo\u001b]0;owned\u0007\nname.csv`, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(40)]));
    expectOneLineError(run(['analyze', png]), /photo\\x1b\]0;owned\\x07 name\.csv looks like a PNG image/);
    const csv = file('cols.csv', hostile);
    expectOneLineError(run(['analyze', csv, '--map', `No\u001b[2J\u001b[H=name`]), /names column "No\\x1b\[2J\\x1b\[H", which the sample does not have/);
    expectOneLineError(run(['analyze', join(dir, `missing\u001b[5m.csv`)]), /no such file: .*missing\\x1b\[5m\.csv/);
  });

  it('Markdown and HTML: pipes, backticks, markup and line breaks in values and headers are escaped', async () => {
    const path = file('md.csv', hostile);
    const r = await analyze(path, { reveal: true, asOf: new Date(Date.UTC(2026, 0, 1)) });
    const md = renderMarkdown(r);
    expect(md).not.toContain(ESC);
    expect(md).not.toMatch(/<script|<b>/);
    expect(md).toContain('&lt;b&gt;x&lt;/b&gt;\\|\\`y\\`');
    // Every table row keeps its column count: no cell breaks out with an unescaped pipe or line break.
    const rows = md.split('\n').filter((l) => l.startsWith('| '));
    const cells = (l: string): number => l.replace(/\\\|/g, '').split('|').length;
    const mappingRows = md.split('## Column mapping')[1].split('\n').filter((l) => l.startsWith('| '));
    expect(mappingRows).toHaveLength(2 + 7);
    for (const l of mappingRows) expect(cells(l)).toBe(cells(mappingRows[0]));
    expect(rows.length).toBeGreaterThan(10);
    const term = renderTerminal(r, { color: false, all: true });
    expect(term).not.toContain(ESC);
    const html = renderHtml(r);
    expect(html).not.toContain(ESC);
    expect(html).not.toMatch(/<script|<b>x<\/b>/);
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
  });

  it('__proto__, constructor and prototype headers and keys are data: no prototype is touched, --map works on them', async () => {
    const json = file('proto.json', JSON.stringify([{ name: 'Asha Rao', __proto__x: 1 }]).replace('__proto__x', '__proto__') + '\n');
    const csvRep = report([file('proto.csv', hostile), '--map', '__proto__=name', '--map', 'constructor=mobile_number', '--map', 'prototype=-', '--map', 'Beneficiary Name=-']);
    expect(csvRep.mapping.filter((m) => m.source === 'option').map((m) => [m.column, m.field])).toEqual([
      ['Beneficiary Name', null],
      ['__proto__', 'name'],
      ['constructor', 'mobile_number'],
      ['prototype', null],
    ]);
    const jsonRep = report([json, '--map', '__proto__=dose']);
    expect(jsonRep.mapping).toContainEqual({ column: '__proto__', field: 'dose', source: 'option' });
    expectOneLineError(run(['analyze', json, '--map', 'name=__proto__']), /unknown field "__proto__"/);
    expectOneLineError(run(['analyze', json, '--map', 'name=constructor']), /unknown field "constructor"/);
    // In process, end to end: nothing lands on Object.prototype.
    const deep = file('proto-deep.json', '[{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":"p","name":"Asha Rao"}]');
    const r = await analyze(deep, { map: new Map([['__proto__.polluted', 'name'], ['constructor.prototype.polluted', 'mobile_number']]) });
    expect(r.input.columns).toEqual(['__proto__.polluted', 'constructor.prototype.polluted', 'prototype', 'name']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    expect(typeof ({} as { constructor: unknown }).constructor).toBe('function');
  });
});

describe('no network', () => {
  it('the preload blocks every way to the network (so the runs below prove something)', () => {
    const probes = [
      "await fetch('http://127.0.0.1:9/')",
      "(await import('node:net')).connect(9, '127.0.0.1')",
      "new (await import('node:net')).Socket().connect(9, '127.0.0.1')",
      "(await import('node:tls')).connect(9, '127.0.0.1')",
      "(await import('node:dns')).lookup('example.com', () => {})",
      "await (await import('node:dns')).promises.lookup('example.com')",
      "(await import('node:http')).get('http://127.0.0.1:9/')",
      "(await import('node:https')).request('https://127.0.0.1:9/')",
    ];
    for (const probe of probes) {
      const r = spawnSync(process.execPath, ['--import', NO_NETWORK, '--input-type=module', '-e', `try { ${probe}; console.log('CONNECTED') } catch (e) { console.log('BLOCKED ' + e.message) }`], { encoding: 'utf8', timeout: 10_000 });
      expect(r.stdout, probe).toMatch(/^BLOCKED network access blocked/);
      expect(r.stderr, probe).toMatch(/NO-NETWORK: /);
    }
  });

  it('analyze (CSV, gzip, zip, JSON), fingerprint and compare succeed with the network blocked', () => {
    const csv = file('net.csv', HEADER + rowsOf(0, 40));
    const runs = [
      ['analyze', csv, '--format', 'json'],
      ['analyze', file('net.csv.gz', gzipSync(HEADER + rowsOf(0, 40)))],
      ['analyze', file('net.zip', zip([{ name: 'a.csv', data: HEADER + rowsOf(0, 40) }]))],
      ['analyze', join(ROOT, 'fixtures', 'certificates.json'), '--all'],
      ['fingerprint', csv, '--key', 'k'],
      ['compare', csv, join(ROOT, 'fixtures', 'beneficiaries.csv')],
    ];
    for (const args of runs) {
      const r = run(args, { preload: true });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stderr).not.toMatch(/NO-NETWORK|network access blocked/);
      expect(r.stdout.length).toBeGreaterThan(0);
    }
  });
});

describe('the CLI boundary', () => {
  it('a reader that closes the pipe early (| head) ends the run quietly, without a stack trace', () => {
    // A JSON report of 5,000 columns is far more than a pipe holds: the write after `head` exits fails (EPIPE).
    const wide = bigFileWide();
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" analyze "${wide}" --format json | head -c 10 > /dev/null`], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('an input error from the ingest layer is an InputError, never anything else', async () => {
    const err = await readSample(file('x.csv', Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d])), () => {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    const stream = Readable.from([Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18)]);
    const zipErr = await readSample('-', () => {}, { stream }).catch((e: unknown) => e);
    expect(zipErr).toBeInstanceOf(InputError);
  });
});

function bigFileWide(): string {
  const d = join(dir, `wide-${++n}`);
  mkdirSync(d);
  const path = join(d, 'w.csv');
  writeFileSync(path, `${Array.from({ length: 5000 }, (_, i) => `c${i}`).join(',')}\n${'1,'.repeat(4999)}1\n`);
  return path;
}
