// Unit tests of the reading layer (src/ingest) on small inputs written to a temp dir.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { quotingProblem, sniffDelimiter } from '../src/ingest/csv.js';
import { Decoder, doubleEncoded } from '../src/ingest/decode.js';
import { fileChunks } from '../src/ingest/source.js';
import { projectRows, readSample, sniffFormat, type ReadOptions, type Sample } from '../src/ingest/index.js';
import { keyValue } from '../src/ingest/text.js';
import type { IngestIssue, RawRecord } from '../src/types.js';
import { doubleEncode } from '../src/synth/samples.js';
import { ROOT } from './support/cli.js';
import { xlsx } from './support/xlsx.js';

const dir = mkdtempSync(join(tmpdir(), 'leakcheck-ingest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function file(content: string | Buffer, ext = 'csv'): string {
  const path = join(dir, `f${++n}.${ext}`);
  writeFileSync(path, content);
  return path;
}

interface Read {
  sample: Sample;
  issues: IngestIssue[];
  records: RawRecord[];
}

async function read(path: string, opts: ReadOptions = {}): Promise<Read> {
  const issues: IngestIssue[] = [];
  const sample = await readSample(path, (i) => issues.push(i), opts);
  const records: RawRecord[] = [];
  for await (const batch of sample.batches) records.push(...batch);
  return { sample, issues, records };
}

const cells = (r: Read): string[][] => r.records.map((x) => x.cells!);
const values = (rec: RawRecord): Record<string, string> => Object.fromEntries(rec.values!);
const codes = (r: Read): string[] => r.issues.map((i) => `${i.code}@${i.line}`);

/** UTF-16 with a byte-order mark, as Excel's "Unicode text" export writes it. */
function utf16(text: string, order: 'le' | 'be'): Buffer {
  const body = Buffer.from(text, 'utf16le');
  if (order === 'be') body.swap16();
  return Buffer.concat([Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
}

describe('delimited text', () => {
  it.each([
    [',', 'csv'],
    [';', 'csv'],
    ['\t', 'tsv'],
    ['|', 'csv'],
  ])('sniffs the delimiter %j', async (d, format) => {
    const text = ['name', 'mobile', 'district'].join(d) + '\n' + ['Asha', '9876543210', 'Pune'].join(d) + '\n' + ['Ravi', '9123456789', 'Thane'].join(d) + '\n';
    const r = await read(file(text));
    expect(r.sample.delimiter).toBe(d);
    expect(r.sample.format()).toBe(format);
    expect(r.sample.columns()).toEqual(['name', 'mobile', 'district']);
    expect(cells(r)).toEqual([['Asha', '9876543210', 'Pune'], ['Ravi', '9123456789', 'Thane']]);
    expect(r.issues).toEqual([]);
  });

  it('does not count delimiters inside quotes when sniffing', () => {
    expect(sniffDelimiter('a;b\n"x, y, z";2\n"p, q";3\n')).toBe(';');
  });

  it('detects a header row and reads a headerless file as column_1..n', async () => {
    const withHeader = await read(file('Name,Mobile No\nAsha,9876543210\n'));
    expect(withHeader.sample.header()).toBe(true);
    expect(withHeader.sample.columns()).toEqual(['Name', 'Mobile No']);
    expect(withHeader.records[0]).toMatchObject({ row: 1, line: 2 });

    const headerless = await read(file('Asha,9876543210,Pune\nRavi,9123456789,Thane\n'));
    expect(headerless.sample.header()).toBe(false);
    expect(headerless.sample.columns()).toEqual(['column_1', 'column_2', 'column_3']);
    expect(headerless.records.map((x) => [x.row, x.line])).toEqual([[1, 1], [2, 2]]);
    expect(headerless.issues).toEqual([]);

    // Title lines above the header are skipped and reported; a one-column file has none.
    const titled = await read(file('CoWin dump,,\nJune 2021,,\nname,mobile,district\nAsha,9876543210,Pune\n'));
    expect(titled.sample.columns()).toEqual(['name', 'mobile', 'district']);
    expect(titled.records.map((x) => [x.row, x.line, x.cells])).toEqual([[1, 4, ['Asha', '9876543210', 'Pune']]]);
    expect(codes(titled)).toEqual(['title-row@1', 'title-row@2']);
    // A title may stand over blank rows, as a document's heading stands over its table.
    const spaced = await read(file('CoWin dump,,\n,,\n\nname,mobile,district\nAsha,9876543210,Pune\n'));
    expect([spaced.sample.columns(), spaced.records.map((x) => x.line), codes(spaced)]).toEqual([['name', 'mobile', 'district'], [5], ['title-row@1', 'blank-row@2', 'blank-row@3']]);
    // Excel's `sep=;` first line names the delimiter: skipped, and reported as what it is.
    const excel = await read(file('sep=;\nname;mobile;district\nAsha;9876543210;Pune\n'));
    expect([excel.sample.columns(), excel.records.map((x) => [x.line, x.cells]), codes(excel)]).toEqual([
      ['name', 'mobile', 'district'],
      [[3, ['Asha', '9876543210', 'Pune']]],
      ['delimiter-hint@1'],
    ]);
    const single = await read(file('name\nAsha\nRavi\n'));
    expect([single.sample.columns(), single.records.length, single.issues]).toEqual([['name'], 2, []]);

    // The header repeated further down (two exports joined) is reported and skipped, not read as a record.
    const joined = await read(file('name,mobile\nAsha,9876543210\nname,mobile\nRavi,9123456789\n'));
    expect(joined.records.map((x) => [x.row, x.line, x.cells])).toEqual([[1, 2, ['Asha', '9876543210']], [2, 4, ['Ravi', '9123456789']]]);
    expect(codes(joined)).toEqual(['repeated-header@3']);

    // A data row whose values also name fields (a photo-ID type, a vaccine) is still data.
    const values = await read(file('81648558615904,Sanjay Mahato,1989,Male,Aadhaar Card,XXXXXXXX4739,COVISHIELD,21-06-2021\n'.repeat(3)));
    expect(values.sample.header()).toBe(false);
    expect(values.records).toHaveLength(3);
    // A header with one data-like label is still a header.
    expect((await read(file('name,mobile,2021\nAsha,9876543210,x\n'))).sample.header()).toBe(true);
    // Rows of text only, no cell naming a field: a list of names is not its own header (its first name would
    // be shown as a column name, unmasked); a column whose values repeat tells data (one of them) from a label.
    const names = await read(file('Rajesh Kumar\nSunita Devi\nAmit Shah\n'));
    expect([names.sample.header(), names.records.length]).toEqual([false, 3]);
    const people = (g: string): string => Array.from({ length: 12 }, (_, i) => `P${String.fromCharCode(65 + i)} Devi,${g}\n`).join('');
    expect((await read(file(`Rajesh Kumar,Male\n${people('Female')}${people('Male')}`))).sample.header()).toBe(false);
    expect((await read(file(`Person,Sexe\n${people('Female')}${people('Male')}`))).sample.header()).toBe(true);
    expect((await read(file('Person,Place\nRajesh Kumar,Rampur\n'))).sample.header()).toBe(true);

    const forced = await read(file('a,b\nc,d\n'), { header: false });
    expect(forced.sample.columns()).toEqual(['column_1', 'column_2']);
    expect(cells(forced)).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('reads quoted fields with embedded delimiters, quotes and newlines, keeping physical lines', async () => {
    const r = await read(file('name,address,note\n"Rao, K","12 MG Road\nBengaluru","said ""hi"""\nAsha,Pune,x\n'));
    expect(cells(r)).toEqual([['Rao, K', '12 MG Road\nBengaluru', 'said "hi"'], ['Asha', 'Pune', 'x']]);
    expect(r.records.map((x) => x.line)).toEqual([2, 4]);
    expect(r.issues).toEqual([]);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('reads %s line ends, also inside quoted fields', async (name, eol) => {
    const text = ['id,note', `1,"two${eol}lines"`, '2,b', '', '3,c', ''].join(eol);
    const r = await read(file(text));
    expect(r.sample.lineEnding).toBe(name);
    expect(cells(r)).toEqual([['1', `two${eol}lines`], ['2', 'b'], ['3', 'c']]);
    expect(r.records.map((x) => x.line)).toEqual([2, 4, 6]);
    expect(codes(r)).toEqual(['blank-row@5']);
  });

  it('splits records at every line end when a file mixes them', async () => {
    const r = await read(file('id,name\r\n1,a\n2,b\r3,c\r\n'));
    expect(r.sample.lineEnding).toBe('mixed');
    expect(cells(r)).toEqual([['1', 'a'], ['2', 'b'], ['3', 'c']]);
    expect(r.records.map((x) => x.line)).toEqual([2, 3, 4]);
  });

  it('reports ragged rows, blank rows and header problems at their physical lines', async () => {
    const r = await read(file('id,name,,name\n1,"a\nb"\n\n2,x,y,z,extra\n ,  \n3,q,r,s\n'));
    expect(r.sample.columns()).toEqual(['id', 'name', 'column_3', 'name_2']);
    expect(codes(r)).toEqual([
      'blank-header@1', 'duplicate-header@1', 'missing-cells@2', 'blank-row@4', 'extra-cells@5', 'blank-row@6',
    ]);
    expect(r.issues.find((i) => i.code === 'missing-cells')).toMatchObject({ row: 1, data: { expected: 4, actual: 2 } });
    expect(r.records.map((x) => [x.row, x.line])).toEqual([[1, 2], [2, 5], [3, 7]]);
  });

  it('reads a Markdown table: the row over the rule is the header, the rule is skipped, the edge pipes add no columns', async () => {
    const md = '| Name | Mobile No | Gender |\n|:-----|------:|:---:|\n| Asha Rao | 9876543210 | Female |\n| Ravi \\| Kumar | 9123456780 | Male |\n|  | 9000000000 | Male |\n';
    const r = await read(file(md, 'md'));
    expect(r.sample.columns()).toEqual(['Name', 'Mobile No', 'Gender']);
    expect(codes(r)).toEqual(['table-rule@2', 'extra-cells@4']);
    expect(r.records.map((x) => [x.line, x.cells!.map((c) => c.trim())])).toEqual([
      [3, ['Asha Rao', '9876543210', 'Female']],
      [4, ['Ravi \\', 'Kumar', '9123456780', 'Male']],
      [5, ['', '9000000000', 'Male']],
    ]);
    // Without edge pipes, and a pipe-separated file with no rule, read as before.
    const bare = await read(file('Name | Gender\n--- | ---\nAsha | Female\n'));
    expect([bare.sample.columns(), bare.records.map((x) => x.cells!.map((c) => c.trim())), codes(bare)]).toEqual([['Name', 'Gender'], [['Asha', 'Female']], ['table-rule@2']]);
    const psv = await read(file('|name|gender|\n|Asha|Female|\n'));
    expect(psv.sample.columns()).toEqual(['column_1', 'name', 'gender', 'column_4']);
  });

  // A PDF's table through `pdftotext -layout`, a printed report: columns aligned with spaces.
  it('reads a table in fixed-width columns: cut at the columns every line leaves two spaces between', async () => {
    const text = [
      'Name          Mobile No     Gender   Dose 1',
      'Asha Rao      9876543210    Female   21-06-2021',
      '',
      'Ravi          9123456780             05-07-2021',
      'K. "Bala" M   9000000000    Male',
      '',
    ].join('\r\n');
    const r = await read(file(text, 'txt'));
    expect([r.sample.format(), r.sample.columns()]).toEqual(['fixed-width', ['Name', 'Mobile No', 'Gender', 'Dose 1']]);
    expect(r.records.map((x) => [x.row, x.line, x.cells])).toEqual([
      [1, 2, ['Asha Rao', '9876543210', 'Female', '21-06-2021']],
      [2, 4, ['Ravi', '9123456780', '', '05-07-2021']],
      [3, 5, ['K. "Bala" M', '9000000000', 'Male', '']],
    ]);
    expect(codes(r)).toEqual(['blank-row@3']);
  });

  it('reads SQL*Plus output: the dash rule gives the columns; rules, repeated headers and the row count are skipped', async () => {
    const page = 'NAME       MOBILE     GENDER\n---------- ---------- ------\n';
    const text = `${page}Asha Rao   9876543210 Female\n\n${page}Ravi Kumar 9123456780 Male\n\n2 rows selected.\n`;
    const r = await read(file(text, 'lst'));
    expect([r.sample.format(), r.sample.columns()]).toEqual(['fixed-width', ['NAME', 'MOBILE', 'GENDER']]);
    expect(r.records.map((x) => [x.line, x.cells])).toEqual([
      [3, ['Asha Rao', '9876543210', 'Female']],
      [7, ['Ravi Kumar', '9123456780', 'Male']],
    ]);
    expect(codes(r)).toEqual(['table-rule@2', 'blank-row@4', 'repeated-header@5', 'table-rule@6', 'blank-row@8', 'table-rule@9']);
  });

  // A PDF's table through `pdftotext -layout`: a cell too long for its column goes on under it.
  it('joins a wrapped cell\'s lines to its row, not across a blank line or a page break; digits alone are a row', async () => {
    const text = [
      'Reference ID    Name          Mobile No     Gender   Dose 1',
      '8164855861      Sanjay        9876543210    Male     21-06-',
      '                Meena                                2021',
      '1201338890      Ravi Kumar    9123456       Male     05-07-2021',
      '                Reddy         780',
      '',
      '                Page 1 of 2',
      '\f8247395669      Asha          9000000000    Female   11-05-2021',
      '\f               Rao',
      '1085156888      Ravi          9000000001',
      `${''.padEnd(44)}Male`,
      '',
    ].join('\n');
    const r = await read(file(text, 'txt'));
    expect(r.sample.columns()).toEqual(['Reference ID', 'Name', 'Mobile No', 'Gender', 'Dose 1']);
    expect(r.records.map((x) => [x.row, x.line, x.cells])).toEqual([
      // Wrapped inside a date and a number: joined without a space; a name: with one. Lines stay physical.
      [1, 2, ['8164855861', 'Sanjay Meena', '9876543210', 'Male', '21-06-2021']],
      [2, 4, ['1201338890', 'Ravi Kumar Reddy', '9123456780', 'Male', '05-07-2021']],
      // A footer after a blank line, a line after a page break, and text under an empty cell are rows of their own.
      [3, 7, ['', 'Page 1 of 2', '', '', '']],
      [4, 8, ['8247395669', 'Asha', '9000000000', 'Female', '11-05-2021']],
      [5, 9, ['', 'Rao', '', '', '']],
      // Text under a row's empty cell is that row's (a middle-aligned row's own line has none of a wrapped cell).
      [6, 10, ['1085156888', 'Ravi', '9000000001', 'Male', '']],
    ]);
    expect(codes(r)).toEqual(['wrapped-line@3', 'wrapped-line@5', 'blank-row@6', 'wrapped-line@11']);
    // A line of digits alone is a row (a mobile number, not a wrapped one), and so is a line with text in more than
    // half the columns.
    const own = await read(file('No  Name          Mobile No     Gender\n1   Asha Rao      9876543210    Female\n                  9123456780\n    Ravi          9000000000    Male\n', 'txt'));
    expect([own.records.map((x) => x.cells), codes(own)]).toEqual([
      [
        ['1', 'Asha Rao', '9876543210', 'Female'],
        ['', '', '9123456780', ''],
        ['', 'Ravi', '9000000000', 'Male'],
      ],
      [],
    ]);
  });

  it('joins wrapped cells in SQL*Plus output, and in a large file whatever the read chunks', async () => {
    const sqlplus = 'ID   NAME       GENDER\n---- ---------- ------\n1    Asha Sri   Female\n     Devi\n2    Ravi       Male\n';
    const r = await read(file(sqlplus, 'lst'));
    expect([r.records.map((x) => [x.line, x.cells]), codes(r)]).toEqual([
      [
        [3, ['1', 'Asha Sri Devi', 'Female']],
        [5, ['2', 'Ravi', 'Male']],
      ],
      ['table-rule@2', 'wrapped-line@4'],
    ]);
    // A row takes 16 lines at most: a block of text under one column is not one cell, and its lines past them stand
    // as rows of their own.
    const block = await read(file(`ID   NAME       GENDER\n1    Asha       Female\n${Array.from({ length: 20 }, (_, i) => `     word${i}`).join('\n')}\n`, 'txt'));
    expect(block.records.map((x) => [x.line, x.cells![1].split(' ').length])).toEqual([[2, 16], [18, 1], [19, 1], [20, 1], [21, 1], [22, 1]]);
    expect(block.issues.length).toBe(15);
    // Every fifth person's name wraps, its second word under the row's line (top-aligned cells) or its first above
    // it (bottom-aligned, the first row's too: the run's start shows it): 30,000 rows over 36,000 lines, read in many
    // chunks and held back in runs of 1,024 lines, the first run ending between a wrapped row's two lines.
    for (const below of [true, false]) {
      const wraps = (i: number): boolean => (below ? i % 5 === 3 : i === 0 || i % 5 === 2);
      const lines = ['No'.padEnd(8) + 'Name'.padEnd(16) + 'Mobile'.padEnd(14) + 'Gender'];
      const lineOf: number[] = [];
      for (let i = 0; i < 30_000; i++) {
        lineOf.push(lines.length + 1);
        if (wraps(i) && !below) lines.push(`${''.padEnd(8)}Person`);
        lines.push(`${String(i + 1).padEnd(8)}${(wraps(i) && !below ? `${i}` : `Person ${i}`).padEnd(16)}${String(9000000000 + i).padEnd(14)}Male`);
        if (wraps(i) && below) lines.push(`${''.padEnd(8)}Kumar`);
      }
      const big = await read(file(`${lines.join('\r\n')}\r\n`, 'txt'));
      expect(big.records.length).toBe(30_000);
      const name = (i: number): string => (wraps(i) && below ? `Person ${i} Kumar` : `Person ${i}`);
      expect(big.records.every((x, i) => x.line === lineOf[i] && x.cells![1] === name(i) && x.cells![2] === String(9000000000 + i))).toBe(true);
      expect(big.issues.length).toBe(below ? 6_000 : 6_001);
    }
    // A run of 1,024 rows without a wrapped cell, and then the last one's.
    const plain = Array.from({ length: 1_024 }, (_, i) => `${String(i + 1).padEnd(8)}${`Person ${i}`.padEnd(16)}Male`);
    const late = await read(file(`${'No'.padEnd(8)}${'Name'.padEnd(16)}Gender\n${plain.join('\n')}\n${''.padEnd(8)}Kumar\n`, 'txt'));
    expect([late.records.length, late.records[1_023].cells, codes(late)]).toEqual([1_024, ['1024', 'Person 1023 Kumar', 'Male'], ['wrapped-line@1026']]);
  });

  it('cuts every line of a large fixed-width file alike, whatever the read chunks', async () => {
    const line = (i: number): string => `${`Person ${i}`.padEnd(16)}${String(9000000000 + i).padEnd(14)}${i % 3 ? 'Male' : ''}`;
    const text = `${'Name'.padEnd(16)}${'Mobile'.padEnd(14)}Gender\r\n${Array.from({ length: 30_000 }, (_, i) => line(i)).join('\r\n')}\r\n`;
    const r = await read(file(text, 'txt'));
    expect(r.records.length).toBe(30_000);
    expect(r.records.every((x, i) => x.line === i + 2 && x.cells![0] === `Person ${i}` && x.cells![1] === String(9000000000 + i) && x.cells![2] === (i % 3 ? 'Male' : ''))).toBe(true);
    expect(r.issues).toEqual([]);
  });

  it('reads text that is no fixed-width table as before: a list, two columns, words with single spaces', async () => {
    // A one-column CSV, quoted, whose values have wide spaces (found by the property test: read as a table's columns).
    const quoted = await read(file('"U"\n"0   -  "\n', 'txt'));
    expect([quoted.sample.format(), quoted.records.map((x) => x.cells)]).toEqual(['csv', [['0   -  ']]]);
    for (const text of ['mobile\n9876543210\n9123456780\n', 'Name      Mobile\nAsha Rao  9876543210\nRavi      9123456780\n', 'name mobile gender\nAsha 9876543210 Female\nRavi 9123456780 Male\n']) {
      const r = await read(file(text, 'txt'));
      expect(r.sample.format(), text).toBe('csv');
    }
  });

  // What a query's result looks like pasted from a terminal: psql's aligned output, and MySQL's boxed one.
  it.each([
    ['psql', ' name     | mobile     | gender\n----------+------------+--------\n Asha Rao | 9876543210 | Female\n Ravi     | 9123456780 | Male\n(2 rows)\n\n', ['table-rule@2', 'table-rule@5', 'blank-row@6']],
    [
      'MySQL',
      '+----------+------------+--------+\n| name     | mobile     | gender |\n+----------+------------+--------+\n| Asha Rao | 9876543210 | Female |\n| Ravi     | 9123456780 | Male   |\n+----------+------------+--------+\n2 rows in set (0.00 sec)\n',
      ['table-rule@1', 'table-rule@3', 'table-rule@6', 'table-rule@7'],
    ],
  ])('reads a table pasted from %s: its borders and row count are skipped, not read as records', async (_, text, issues) => {
    const r = await read(file(text, 'txt'));
    expect(r.sample.columns()).toEqual(['name', 'mobile', 'gender']);
    expect(r.records.map((x) => [x.row, x.cells!.map((c) => c.trim())])).toEqual([
      [1, ['Asha Rao', '9876543210', 'Female']],
      [2, ['Ravi', '9123456780', 'Male']],
    ]);
    expect(codes(r)).toEqual(issues);
  });

  it('reports blank lines above the header as blank rows', async () => {
    const r = await read(file('\n,,\nid,name\n1,a\n'));
    expect(codes(r)).toEqual(['blank-row@1', 'blank-row@2']);
    expect(r.sample.columns()).toEqual(['id', 'name']);
    expect(r.records[0].line).toBe(4);
  });

  it('reports bad quoting (space before or text after a quote) in the header and in records', async () => {
    const r = await read(file(' "id","name"\n"1","a"\n"2", "b"\n"3","c" \n"4","d"x\n"5",7"N\n'));
    expect(r.issues.map((i) => [i.code, i.line, i.data?.problem])).toEqual([
      ['bad-quoting', 1, 'space before an opening quote'],
      ['bad-quoting', 3, 'space before an opening quote'],
      ['bad-quoting', 4, 'space after a closing quote'],
      ['bad-quoting', 5, 'text after a closing quote'],
    ]);
    // The cells keep the text csv-parse read (a bare quote inside an unquoted field is accepted).
    expect(cells(r)[4]).toEqual(['5', '7"N']);
  });

  it('quotingProblem accepts well-formed quoting and an empty quoted field', () => {
    expect(quotingProblem('"a","b ""c""",,"",x\r\n', ',')).toBeNull();
    expect(quotingProblem('a\t"b"\t c\n', '\t')).toBeNull();
    expect(quotingProblem('a,\t"b"\n', ',')).toBe('space before an opening quote');
    expect(quotingProblem('"a"b,c', ',')).toBe('text after a closing quote');
  });

  it('reports an unclosed quote at the line its record starts, after reading the records before it', async () => {
    const r = await read(file('id,note\n1,"a\nb"\n2,ok\n3,"never closed\n4,x\n5,y\n'));
    expect(cells(r)).toEqual([['1', 'a\nb'], ['2', 'ok']]);
    expect(codes(r)).toEqual(['unclosed-quote@5']);
  });
});

describe('text encodings', () => {
  const text = 'name,district\nराम कुमार,पुणे\nதமிழ்செல்வி,சென்னை\n';
  const rows = [['राम कुमार', 'पुणे'], ['தமிழ்செல்வி', 'சென்னை']];

  it('reads UTF-8 without a BOM, keeping Devanagari and Tamil intact', async () => {
    const r = await read(file(text));
    expect(r.sample.encoding).toBe('utf-8');
    expect(cells(r)).toEqual(rows);
    expect(r.issues).toEqual([]);
  });

  it('reads UTF-8 with a BOM, which does not join the first label', async () => {
    const r = await read(file(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])));
    expect(r.sample.encoding).toBe('utf-8-bom');
    expect(r.sample.columns()).toEqual(['name', 'district']);
    expect(cells(r)).toEqual(rows);
  });

  it.each(['le', 'be'] as const)('reads UTF-16%s with a BOM', async (order) => {
    const r = await read(file(utf16(text, order)));
    expect(r.sample.encoding).toBe(`utf-16${order}`);
    expect(r.sample.columns()).toEqual(['name', 'district']);
    expect(cells(r)).toEqual(rows);
    expect(r.issues).toEqual([]);
  });

  it('reads Excel "Unicode text" (UTF-16LE, tab-separated, CRLF)', async () => {
    const r = await read(file(utf16('Name\tMobile\r\nराम\t9876543210\r\nசெல்வி\t9123456789\r\n', 'le'), 'txt'));
    expect(r.sample.delimiter).toBe('\t');
    expect(r.sample.format()).toBe('tsv');
    expect(cells(r)).toEqual([['राम', '9876543210'], ['செல்வி', '9123456789']]);
  });

  it('reads invalid UTF-8 bytes as Windows-1252 and reports the first bad line', async () => {
    const bytes = Buffer.concat([Buffer.from('id,price,name\n1,10,a\n2,'), Buffer.from([0x80]), Buffer.from('5,Jos'), Buffer.from([0xe9]), Buffer.from('\n')]);
    const r = await read(file(bytes));
    expect(cells(r)).toEqual([['1', '10', 'a'], ['2', '€5', 'José']]);
    expect(r.sample.encoding).toBe('utf-8+windows-1252');
    expect(r.issues).toEqual([{ code: 'invalid-encoding', line: 3, data: { bytes: 2 } }]);
  });

  it('reads UTF-8 that was read as Windows-1252 and saved again as it was before, and says so', async () => {
    const twice = doubleEncode(text);
    expect(twice).toContain('à¤°à¤¾à¤®');
    const r = await read(file(Buffer.from(twice, 'utf8')));
    expect(cells(r)).toEqual(rows);
    expect(r.sample.encoding).toBe('utf-8 (double-encoded, undone)');
    expect(r.issues).toEqual([{ code: 'double-encoded', line: 1 }]);
    // With a BOM, and across read chunks: a 1 MB file, its sequences cut anywhere.
    const long = `name,district\n${'राम कुमार,पुणे\n'.repeat(40_000)}`;
    const big = await read(file(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(doubleEncode(long), 'utf8')])));
    expect(big.records.length).toBe(40_000);
    expect(big.records.every((rec) => rec.cells?.[0] === 'राम कुमार' && rec.cells[1] === 'पुणे')).toBe(true);
  });

  it('knows double-encoded text from text that merely holds Latin letters or Windows-1252 punctuation', () => {
    expect(doubleEncoded(`${doubleEncode('पुरुष,महिला,अन्य,')}x`)).toBe(true);
    expect(doubleEncoded(`${doubleEncode('José, Zoë, Ñandú,')}x`)).toBe(true);
    // Genuine accents, quotes and dashes are not UTF-8 when read back as their Windows-1252 bytes.
    expect(doubleEncoded('José, Zoë, Ñandú, “quoted” – x')).toBe(false);
    // Devanagari itself is not Windows-1252; too few runs say nothing; a run cut at the end is not judged.
    expect(doubleEncoded(`पुरुष,${doubleEncode('महिला,अन्य,')}x`)).toBe(false);
    expect(doubleEncoded(`${doubleEncode('José,Zoë,')}x`)).toBe(false);
    expect(doubleEncoded(doubleEncode('José,Zoë,Ñ'))).toBe(false);
  });

  it('counts lines of CR-only files for the invalid-encoding line', async () => {
    const bytes = Buffer.concat([Buffer.from('id,name\r1,a\r2,b\r3,'), Buffer.from([0xe9]), Buffer.from('\r')]);
    const r = await read(file(bytes));
    expect(cells(r)[2]).toEqual(['3', 'é']);
    expect(codes(r)).toEqual(['invalid-encoding@4']);
  });

  it('decodes the same text whatever the chunk boundaries (split sequences, split CRLF)', () => {
    const bytes = Buffer.concat([Buffer.from('a,राम\r\n'), Buffer.from([0xe9, 0x80]), Buffer.from('\r\nதமிழ்\r'), Buffer.from([0xff]), Buffer.from('\n')]);
    const whole = new Decoder('utf-8');
    const expected = whole.write(bytes) + whole.end();
    expect(expected).toBe('a,राम\r\né€\r\nதமிழ்\rÿ\n');
    expect(whole.stats).toEqual({ invalidBytes: 3, firstInvalidLine: 2 });
    for (let size = 1; size <= 4; size++) {
      const d = new Decoder('utf-8');
      let out = '';
      for (let i = 0; i < bytes.length; i += size) out += d.write(bytes.subarray(i, i + size));
      out += d.end();
      expect(out).toBe(expected);
      expect(d.stats).toEqual(whole.stats);
    }
  });
});

describe('large inputs: line numbers across read chunks', () => {
  it('keeps physical lines, issues and multi-byte text across many 64 KiB chunks', async () => {
    // CRLF file; every 7th record has a quoted CRLF inside, every 11th is followed by a blank line,
    // every 13th is short by one cell. Expected lines are counted while the file is built.
    const parts = ['ref_id,name,district,note\r\n'];
    let line = 2;
    const expectLines: number[] = [];
    const expectIssues: string[] = [];
    for (let i = 0; i < 6000; i++) {
      expectLines.push(line);
      const note = i % 7 === 0 ? `"first\r\nsecond"` : 'plain';
      const rec = i % 13 === 0 ? `${12345678901234 + i},राम ${i},पुणे` : `${12345678901234 + i},राम ${i},பெங்களூரு,${note}`;
      if (i % 13 === 0) expectIssues.push(`missing-cells@${line}`);
      parts.push(rec + '\r\n');
      line += i % 13 !== 0 && i % 7 === 0 ? 2 : 1;
      if (i % 11 === 0) {
        parts.push('\r\n');
        expectIssues.push(`blank-row@${line}`);
        line++;
      }
    }
    const text = parts.join('');
    expect(Buffer.byteLength(text)).toBeGreaterThan(4 * 65536);
    const r = await read(file(text));
    expect(r.records).toHaveLength(6000);
    expect(r.records.map((x) => x.line)).toEqual(expectLines);
    expect(codes(r)).toEqual(expectIssues);
    expect(r.records.every((x, i) => x.cells![1] === `राम ${i}`)).toBe(true);
    expect(r.records.filter((x) => x.cells!.length === 4).every((x) => x.cells![2] === 'பெங்களூரு')).toBe(true);
  });

  it('reports an invalid byte far into the file at its line', async () => {
    const lines = ['id,name'];
    for (let i = 1; i <= 20000; i++) lines.push(`${i},name${i}`);
    const head = Buffer.from(lines.join('\n') + '\n');
    const r = await read(file(Buffer.concat([head, Buffer.from('20001,'), Buffer.from([0x96]), Buffer.from('\n')])));
    expect(r.records.at(-1)!.cells).toEqual(['20001', '–']);
    expect(codes(r)).toEqual(['invalid-encoding@20002']);
  });
});

describe('reading a regular file', () => {
  const content = Buffer.alloc(300_001);
  for (let i = 0; i < content.length; i++) content[i] = (i * 131 + (i >> 9)) & 0xff;
  const path = file(content, 'bin');

  it('yields its bytes whole and in order, 64 KiB at a time', async () => {
    const chunks: Buffer[] = [];
    for await (const c of fileChunks(path)) chunks.push(c);
    expect(chunks.length).toBe(5);
    expect(chunks.every((c) => c.length <= 64 * 1024)).toBe(true);
    expect(Buffer.concat(chunks).equals(content)).toBe(true);
  });

  it.runIf(existsSync('/proc/self/fd'))('closes the file when its reader stops early', async () => {
    // Descriptors of this process open on the file (others come and go with the test runner).
    const open = (): number =>
      readdirSync('/proc/self/fd').filter((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`) === path;
        } catch {
          return false;
        }
      }).length;
    expect(open()).toBe(0);
    for await (const c of fileChunks(path)) {
      expect(c.length).toBe(64 * 1024);
      expect(open()).toBe(1);
      break;
    }
    expect(open()).toBe(0);
  });

  // A named pipe opened for reading waits for a writer; one put where a file was must fail, not stall the thread. Run
  // in a child (the built module), so a blocking open shows as a killed child rather than a hung test run.
  it.runIf(process.platform !== 'win32')('a pipe in a regular file\'s place fails at once instead of waiting for a writer', () => {
    const fifo = join(dir, 'swapped.csv');
    execFileSync('mkfifo', [fifo]);
    const source = pathToFileURL(join(ROOT, 'dist/ingest/source.js')).href;
    const code = `import { fileChunks } from ${JSON.stringify(source)}; await fileChunks(process.argv[1]).next().catch((e) => process.stdout.write(String(e.code)));`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', code, fifo], { encoding: 'utf8', timeout: 15_000 });
    expect([child.signal, child.stdout]).toEqual([null, 'ENOTFILE']);
  });

  it('a file that cannot be opened fails on the first read, as a stream would', async () => {
    await expect(fileChunks(join(dir, 'missing.csv')).next()).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('projected row counts', () => {
  // 300,000 rows of 20 bytes: several read chunks, so the projection is made part way through.
  const lines = ['ref_id,name'];
  for (let i = 0; i < 300_000; i++) lines.push(`${12345678901234 + i},n${String(i).padStart(3, '0')}`);
  const text = lines.join('\n') + '\n';

  async function projections(sample: Sample): Promise<number[]> {
    const out: number[] = [];
    let rows = 0;
    for await (const batch of sample.batches) {
      rows += batch.length;
      out.push(projectRows(sample, rows)!);
    }
    return out;
  }

  it('scales the rows read by the share of the file read', async () => {
    const seen = await projections(await readSample(file(text), () => {}));
    expect(seen.length).toBeGreaterThan(10);
    // The reader is at most a chunk ahead of the records: within 10% after the first chunks, exact at the end.
    for (const p of seen.slice(5)) expect(Math.abs(p / 300_000 - 1)).toBeLessThan(0.1);
    expect(seen.at(-1)).toBe(300_000);
  });

  it('never overshoots for gzip (the decompressor reads ahead), and is capped by --limit', async () => {
    const sample = await readSample(file(gzipSync(text), 'csv.gz'), () => {});
    const seen = await projections(sample);
    for (const p of seen) expect(p).toBeLessThanOrEqual(300_000 * 1.05);
    expect(seen.at(-1)).toBe(300_000);
    expect(projectRows(sample, 1000, 500)).toBe(500);
  });

  it('is unknown for standard input, which may come in one large chunk', async () => {
    const sample = await readSample('-', () => {}, { stream: Readable.from([Buffer.from(text)]) });
    let rows = 0;
    for await (const batch of sample.batches) rows += batch.length;
    expect(rows).toBe(300_000);
    expect(projectRows(sample, rows)).toBeUndefined();
  });
});

describe('gzip', () => {
  it('reads gzipped CSV, JSON and NDJSON', async () => {
    const csv = await read(file(gzipSync('id,name\n1,a\n2,b\n'), 'csv.gz'));
    expect(csv.sample.compression).toBe('gzip');
    expect(cells(csv)).toEqual([['1', 'a'], ['2', 'b']]);

    const json = await read(file(gzipSync(JSON.stringify([{ id: 1 }, { id: 2 }])), 'json.gz'));
    expect(json.sample.format()).toBe('json');
    expect(json.records.map(values)).toEqual([{ id: '1' }, { id: '2' }]);

    const ndjson = await read(file(gzipSync('{"id":1}\n{"id":2}\n'), 'ndjson.gz'));
    expect(ndjson.sample.format()).toBe('ndjson');
    expect(ndjson.records.map((x) => [x.line, values(x).id])).toEqual([[1, '1'], [2, '2']]);
  });

  it.each([
    ['a large', 200000],
    ['a small', 12],
  ])('reads the records before the cut of %s truncated gzip, then reports truncated', async (_, rows) => {
    const lines = ['ref_id,name'];
    for (let i = 0; i < rows; i++) lines.push(`${12345678901234 + i},name${i}`);
    const full = gzipSync(lines.join('\n') + '\n');
    // Cut off the trailer and the end of the deflate data (half of it for the large one).
    const cut = rows > 1000 ? Math.floor(full.length / 2) : 12;
    const r = await read(file(full.subarray(0, full.length - cut), 'csv.gz'));
    expect(r.records.length).toBeGreaterThan(0);
    expect(r.records.length).toBeLessThan(rows);
    // Complete records only, in order, from the first.
    r.records.forEach((x, i) => expect(x.cells).toEqual([`${12345678901234 + i}`, `name${i}`]));
    const last = r.issues.at(-1)!;
    expect(last.code).toBe('truncated');
    expect(last.data?.reason).toMatch(/truncated/);
    expect(last.line).toBe(r.records.at(-1)!.line);
  });

  it('stops at --max-bytes with a truncated issue', async () => {
    const lines = ['id,name'];
    for (let i = 0; i < 50000; i++) lines.push(`${i},n${i}`);
    const r = await read(file(lines.join('\n') + '\n'), { maxBytes: 200000 });
    expect(r.records.length).toBeGreaterThan(1000);
    expect(r.records.length).toBeLessThan(50000);
    expect(r.issues.at(-1)).toMatchObject({ code: 'truncated' });
  });
});

describe('JSON and NDJSON', () => {
  it('reads a JSON array of records', async () => {
    const r = await read(file(JSON.stringify([{ name: 'Asha', age: 34 }, { name: 'Ravi', age: 51 }]), 'json'));
    expect(r.sample.format()).toBe('json');
    expect(r.records.map(values)).toEqual([{ name: 'Asha', age: '34' }, { name: 'Ravi', age: '51' }]);
    expect(r.issues).toEqual([]);
  });

  it('reads {"beneficiaries":[...]} with appointments kept as nested records', async () => {
    const doc = {
      beneficiaries: [
        { beneficiary_reference_id: '12345678901234', name: 'राम', appointments: [{ dose: 1, center_id: 1234 }] },
        { beneficiary_reference_id: '12345678901235', name: 'தமிழ்' },
      ],
    };
    const r = await read(file(JSON.stringify(doc), 'json'));
    expect(r.records.map(values)).toEqual([
      { beneficiary_reference_id: '12345678901234', name: 'राम' },
      { beneficiary_reference_id: '12345678901235', name: 'தமிழ்' },
    ]);
    expect(r.records[0].nested?.get('appointments')?.map((m) => Object.fromEntries(m))).toEqual([{ dose: '1', center_id: '1234' }]);
  });

  it('reads a beneficiary object (a JSON file or NDJSON lines) as a record, its appointments nested, not as a wrapper', async () => {
    const a = { beneficiary_reference_id: '12345678901234', name: 'Asha Rao', appointments: [{ appointment_id: 'a1', center_id: 1 }] };
    const b = { ...a, beneficiary_reference_id: '12345678901235', name: 'Ravi Rao' };
    for (const [text, ext] of [[JSON.stringify(a), 'json'], [`${JSON.stringify(a)}\n${JSON.stringify(b)}\n`, 'ndjson']]) {
      const r = await read(file(text, ext));
      expect(r.records.map(values), ext).toEqual([a, b].slice(0, ext === 'json' ? 1 : 2).map(({ appointments: _, ...rest }) => rest));
      expect(r.records[0].nested?.get('appointments')?.map((m) => Object.fromEntries(m))).toEqual([{ appointment_id: 'a1', center_id: '1' }]);
    }
  });

  it("unwraps MongoDB Extended JSON (mongoexport): numbers, ids and dates read as the values they wrap", async () => {
    const line = (d: object): string => JSON.stringify(d);
    const text = [
      line({ _id: { $oid: '64a1f0c2e4b0a1b2c3d4e500' }, mobile_number: { $numberLong: '9876543210' }, birth_year: { $numberInt: '1989' }, dose1_date: { $date: '2021-03-19T00:00:00Z' } }),
      line({ _id: { $oid: '64a1f0c2e4b0a1b2c3d4e501' }, dose1_date: { $date: { $numberLong: '1616112000000' } }, tags: [{ $numberInt: '1' }, { $numberInt: '2' }] }),
      // Not a wrapper: another key beside it, or a key that is no BSON type.
      line({ a: { $numberLong: '5', note: 'x' }, b: { $where: 'y' } }),
    ].join('\n');
    const r = await read(file(`${text}\n`, 'ndjson'));
    expect(r.records.map(values)).toEqual([
      { _id: '64a1f0c2e4b0a1b2c3d4e500', mobile_number: '9876543210', birth_year: '1989', dose1_date: '2021-03-19T00:00:00Z' },
      { _id: '64a1f0c2e4b0a1b2c3d4e501', dose1_date: '2021-03-19T00:00:00.000Z', tags: '1|2' },
      { 'a.$numberLong': '5', 'a.note': 'x', 'b.$where': 'y' },
    ]);
  });

  it('reads the hits of an Elasticsearch or OpenSearch search response as the records', async () => {
    const hit = (id: string, name: string): object => ({ _index: 'cowin', _id: id, _score: 1, _source: { name, mobile_number: '9876543210' } });
    const doc = { took: 3, timed_out: false, _shards: { total: 1 }, hits: { total: { value: 2 }, max_score: 1, hits: [hit('1', 'Asha Rao'), hit('2', 'Ravi Kumar')] }, aggregations: { by: { buckets: [{ key: 'x' }] } } };
    const r = await read(file(JSON.stringify(doc, null, 1), 'json'));
    expect(r.records.map(values)).toEqual([
      { _index: 'cowin', _id: '1', _score: '1', '_source.name': 'Asha Rao', '_source.mobile_number': '9876543210' },
      { _index: 'cowin', _id: '2', _score: '1', '_source.name': 'Ravi Kumar', '_source.mobile_number': '9876543210' },
    ]);
    expect(r.issues).toEqual([]);
  });

  it('reads the array of records under any key of a wrapper object, and every record array of it', async () => {
    const recs = [{ name: 'Asha' }, { name: 'Ravi' }];
    const cases: [unknown, Record<string, string>[]][] = [
      [{ leaked: recs }, recs],
      [{ status: 'ok', count: 2, data: recs, page: 1 }, recs],
      [{ centers: [recs[0]], note: 'x', sessions: [recs[1]] }, recs],
      // Metadata under field names does not make a wrapper a record: only a record's own nested list does.
      [{ state_name: 'Kerala', district_name: 'Ernakulam', centers: recs }, recs],
      // A JSON-LD credential (arrays before its evidence) is one record, whatever its key order.
      [{ '@context': ['https://www.w3.org/2018/credentials/v1'], evidence: [{ batch: 'B1' }], issuer: 'x' }, [{ '@context': 'https://www.w3.org/2018/credentials/v1', issuer: 'x' }]],
      // An array of scalars is a record's value, not records.
      [{ name: 'Asha', tags: ['a', 'b'], mobile: '9876543210' }, [{ name: 'Asha', tags: 'a|b', mobile: '9876543210' }]],
    ];
    for (const [doc, want] of cases) {
      const r = await read(file(JSON.stringify(doc), 'json'));
      expect(r.records.map(values), JSON.stringify(doc)).toEqual(want);
      expect(r.issues).toEqual([]);
    }
  });

  it('reads rows given as arrays: a header row first, pandas\' columns + data, or no header', async () => {
    const header = ['name', 'mobile'];
    const rows = [['Asha Rao', '9876543210'], ['Ravi Rao', null]];
    const named: Record<string, string>[] = [{ name: 'Asha Rao', mobile: '9876543210' }, { name: 'Ravi Rao' }];
    const cases: [unknown, Record<string, string>[]][] = [
      [[header, ...rows], named],
      [{ columns: header, index: [0, 1], data: rows }, named],
      [{ data: rows }, [{ column_1: 'Asha Rao', column_2: '9876543210' }, { column_1: 'Ravi Rao' }]],
    ];
    for (const [doc, want] of cases) {
      const r = await read(file(JSON.stringify(doc), 'json'));
      expect(r.records.map(values), JSON.stringify(doc)).toEqual(want);
      expect(r.issues).toEqual([]);
    }
    // A repeated label is told as in CSV; an array among records is still not a record.
    const dup = await read(file(JSON.stringify([['name', 'name'], ['a', 'b']]), 'json'));
    expect(dup.records.map(values)).toEqual([{ name: 'a', name_2: 'b' }]);
    expect(dup.issues.map((i) => i.code)).toEqual(['duplicate-header']);
    // pandas' columns are told alike, with the line of the object naming them.
    const pandas = await read(file(`\n${JSON.stringify({ columns: ['name', 'name', ''], data: [['a', 'b', 'c']] })}`, 'json'));
    expect(pandas.records.map(values)).toEqual([{ name: 'a', name_2: 'b', column_3: 'c' }]);
    expect(codes(pandas)).toEqual(['duplicate-header@2', 'blank-header@2']);
    const mixed = await read(file(JSON.stringify([{ name: 'a' }, ['x'], { name: 'b' }]), 'json'));
    expect(mixed.records.map(values)).toEqual([{ name: 'a' }, { name: 'b' }]);
    expect(mixed.issues.map((i) => i.code)).toEqual(['not-a-record']);
  });

  it('reads {"centers":[...]} keeping each centre\'s sessions in nested', async () => {
    const doc = {
      centers: [
        {
          center_id: 561,
          name: 'PHC Nashik',
          sessions: [
            { session_id: 'a1', date: '01-05-2021', available_capacity: 10, vaccine: 'COVISHIELD' },
            { session_id: 'a2', date: '02-05-2021', available_capacity: 0, vaccine: 'COVAXIN' },
          ],
        },
      ],
    };
    const r = await read(file(JSON.stringify(doc, null, 2), 'json'));
    expect(r.records).toHaveLength(1);
    expect(values(r.records[0])).toEqual({ center_id: '561', name: 'PHC Nashik' });
    const sessions = r.records[0].nested?.get('sessions')?.map((m) => Object.fromEntries(m));
    expect(sessions).toEqual([
      { session_id: 'a1', date: '01-05-2021', available_capacity: '10', vaccine: 'COVISHIELD' },
      { session_id: 'a2', date: '02-05-2021', available_capacity: '0', vaccine: 'COVAXIN' },
    ]);
  });

  it('reads {"sessions":[...]} as one record per session', async () => {
    const r = await read(file(JSON.stringify({ sessions: [{ center_id: 1, date: '01-05-2021' }, { center_id: 2, date: '02-05-2021' }] }), 'json'));
    expect(r.records.map(values)).toEqual([{ center_id: '1', date: '01-05-2021' }, { center_id: '2', date: '02-05-2021' }]);
  });

  it('reads NDJSON with each record on its line', async () => {
    const r = await read(file('{"id":1}\n{"id":2}\n\n{"id":3}\n', 'ndjson'));
    expect(r.sample.format()).toBe('ndjson');
    expect(r.records.map((x) => [x.line, values(x).id])).toEqual([[1, '1'], [2, '2'], [4, '3']]);
    expect(r.issues).toEqual([]);
  });

  it('skips an invalid NDJSON line with an invalid-json issue at its line', async () => {
    const r = await read(file('{"id":1}\n{"id":2,,}\n{"id":3}\n', 'ndjson'));
    expect(r.records.map((x) => [x.line, values(x).id])).toEqual([[1, '1'], [3, '3']]);
    expect(codes(r)).toEqual(['invalid-json@2']);
  });

  it('flattens nested objects to dotted paths', async () => {
    const r = await read(file(JSON.stringify([{ credentialSubject: { name: 'Asha', address: { district: 'Pune', pin: '411001' } }, ok: true }]), 'json'));
    expect(values(r.records[0])).toEqual({
      'credentialSubject.name': 'Asha',
      'credentialSubject.address.district': 'Pune',
      'credentialSubject.address.pin': '411001',
      ok: 'true',
    });
  });

  it('keeps every digit of 14-, 16- and 20-digit numbers', async () => {
    const r = await read(file('[{"ref":12345678901234,"card":1234567890123456,"big":12345678901234567890,"neg":-98765432109876543210}]', 'json'));
    expect(values(r.records[0])).toEqual({ ref: '12345678901234', card: '1234567890123456', big: '12345678901234567890', neg: '-98765432109876543210' });
  });

  it('keeps __proto__ and constructor keys as data without touching any prototype', async () => {
    const r = await read(file('[{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"id":"1"}]', 'json'));
    expect(values(r.records[0])).toEqual({ '__proto__.polluted': 'yes', 'constructor.prototype.polluted': 'yes', id: '1' });
    expect(r.records[0].values!.get('__proto__.polluted')).toBe('yes');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('does not crash on JSON nested 100,000 deep', async () => {
    const arrays = await read(file('['.repeat(100000) + ']'.repeat(100000), 'json'));
    expect(arrays.records).toEqual([]);
    expect(arrays.issues.length).toBeGreaterThan(0);
    const objects = await read(file('[{"id":"1","deep":' + '{"a":'.repeat(100000) + '1' + '}'.repeat(100000) + '},{"id":"2"}]', 'json'));
    expect(objects.records.map((x) => values(x).id)).toEqual(['1', '2']);
    expect(codes(objects)).toEqual(['invalid-json@1']);
  });

  it('keeps the records completed before a syntax error on the same line', async () => {
    const r = await read(file('[{"id":"1"},{"id":"2"},{"id":,}]', 'json'));
    expect(r.records.map((x) => values(x).id)).toEqual(['1', '2']);
    expect(codes(r)).toEqual(['invalid-json@1']);
  });

  it('reports an unfinished NDJSON line at its own line and still reads the next', async () => {
    const r = await read(file('{"id":1}\n{"id":2\n{"id":3}\nnot json\n{"id":5}\n', 'ndjson'));
    expect(r.records.map((x) => [x.line, values(x).id])).toEqual([[1, '1'], [3, '3'], [5, '5']]);
    expect(codes(r)).toEqual(['invalid-json@2', 'invalid-json@4']);
  });

  it('reads concatenated pretty-printed JSON values', async () => {
    const r = await read(file('{\n  "id": 1\n}\n{\n  "id": 2\n}\n', 'json'));
    expect(r.sample.format()).toBe('ndjson');
    expect(r.records.map((x) => [x.line, values(x).id])).toEqual([[1, '1'], [4, '2']]);
  });
});

describe('inputs that are not samples', () => {
  it.each([
    ['an empty file', () => file(''), /empty/],
    ['a whitespace-only file', () => file(' \n\t\r\n  '), /whitespace only/],
    ['a BOM-only file', () => file(Buffer.from([0xef, 0xbb, 0xbf])), /empty/],
    ['a PNG image', () => file(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), 'png'), /PNG image/],
    ['an empty folder', () => {
      const d = join(dir, `d${++n}`);
      mkdirSync(d);
      return d;
    }, /is a folder with no files in it/],
    ['a missing file', () => join(dir, 'no-such-file.csv'), /no such file/],
    ['a corrupt gzip with nothing readable', () => file(Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x67, 0x61, 0x72, 0x62]), 'gz'), /gzip/],
  ])('%s is an InputError', async (_, make, message) => {
    const path = make();
    const err = await readSample(path, () => {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toMatch(message);
  });

  it('reads from a stream (stdin) like a file', async () => {
    const issues: IngestIssue[] = [];
    const sample = await readSample('-', (i) => issues.push(i), { stream: Readable.from([Buffer.from('id,na'), Buffer.from('me\n1,a\n')]) });
    const records: RawRecord[] = [];
    for await (const b of sample.batches) records.push(...b);
    expect(sample.columns()).toEqual(['id', 'name']);
    expect(records.map((x) => x.cells)).toEqual([['1', 'a']]);
    expect(issues).toEqual([]);
  });
});

describe('format sniffing', () => {
  it('tells JSON from delimited text whose first cell starts with a bracket', () => {
    expect(sniffFormat('[{"a":1}]')).toBe('json');
    expect(sniffFormat('  [\n  {"a": 1}\n]')).toBe('json');
    expect(sniffFormat('{"beneficiaries":[]}')).toBe('json');
    expect(sniffFormat('[]')).toBe('json');
    expect(sniffFormat('{}')).toBe('json');
    expect(sniffFormat('[draft] name,mobile\nA,1\n')).toBe('delimited');
    expect(sniffFormat('{id},name\n1,A\n')).toBe('delimited');
    expect(sniffFormat('name,mobile\n')).toBe('delimited');
  });
});

describe('key-value text (a bot\'s replies, a paste)', () => {
  it('reads `Key: value` lines, whatever decorates them, values as written', () => {
    expect(keyValue('Name: Rajesh Kumar')).toEqual(['Name', 'Rajesh Kumar']);
    expect(keyValue('👤 *Name:* Rajesh Kumar')).toEqual(['Name', 'Rajesh Kumar']);
    expect(keyValue('• ID Number : XXXXXXXX4321  ')).toEqual(['ID Number', 'XXXXXXXX4321']);
    expect(keyValue('Mobile = ******1403')).toEqual(['Mobile', '******1403']);
    expect(keyValue('Dose 2:')).toEqual(['Dose 2', '']);
    expect(keyValue('Centre: PHC Rampur, Sitapur')).toEqual(['Centre', 'PHC Rampur, Sitapur']);
    expect(keyValue('Time: 10:30')).toEqual(['Time', '10:30']);
    // Not a key: a URL, a time first, a CSV header or row, prose without a colon.
    expect(keyValue('https://cowin.gov.in/x')).toBeNull();
    expect(keyValue('10:30 slot booked')).toBeNull();
    expect(keyValue('name,mobile:number,gender')).toBeNull();
    expect(keyValue('Details found for 98XXXXXX21')).toBeNull();
  });

  it('is sniffed when most lines of the head are `key: value` and two keys name fields, never for a table', () => {
    expect(sniffFormat('Name: A B\nGender: Male\n\nName: C D\nGender: Female\n')).toBe('text');
    expect(sniffFormat('Details found\nName: A B\nGender: Male\nBirth Year: 1985\nID Type: PAN Card\n')).toBe('text');
    expect(sniffFormat('name,mobile\nA: x,1\nB: y,2\n')).toBe('delimited');
    expect(sniffFormat('url\nhttps://a.example/1\nhttps://a.example/2\n')).toBe('delimited');
    expect(sniffFormat('Note: one line only\n')).toBe('delimited');
    // Keys that name no field may be data: a name before each number is not a column name.
    expect(sniffFormat('Rajesh Kumar: 9876543210\nSunita Devi: 9876543211\nAmit Shah: 9876543212\n')).toBe('delimited');
    expect(sniffFormat('Some prose here.\nMore prose: with a colon.\nAnd more prose.\nStill prose.\n')).toBe('delimited');
  });

  it('a blank line or a key the record already has starts the next record; other lines are reported by line only', async () => {
    const text = [
      '✅ Details found for 9876543210', // 1: reported, not read
      '',
      '*Name:* Rajesh Kumar', // 3: record 1
      'Gender: Male',
      'Birth Year: 1985',
      'Name: Sunita Devi', // 6: a repeated key, record 2
      'Gender: Female',
      '━━━━━━━━━━', // decoration: ends the record, not reported
      'Note: lone line', // 9: a lone key-value line, reported
      '',
      'Name: Amit Shah', // 11: record 3, CRLF ends
      'Gender: Male',
    ].join('\n').replace('Name: Amit Shah\nGender: Male', 'Name: Amit Shah\r\nGender: Male\r\n');
    const r = await read(file(text, 'txt'));
    expect(r.sample.format()).toBe('text');
    expect(r.records.map((x) => [x.row, x.line, values(x)])).toEqual([
      [1, 3, { Name: 'Rajesh Kumar', Gender: 'Male', 'Birth Year': '1985' }],
      [2, 6, { Name: 'Sunita Devi', Gender: 'Female' }],
      [3, 11, { Name: 'Amit Shah', Gender: 'Male' }],
    ]);
    expect(codes(r)).toEqual(['not-key-value@1', 'not-key-value@9']);
    // Nothing of a skipped line's text is kept.
    expect(JSON.stringify(r.issues)).not.toMatch(/9876543210|lone/);
  });

  it('reads records across chunk boundaries, `\\r\\n` split between chunks included', async () => {
    const blocks = Array.from({ length: 3000 }, (_, i) => `Name: Person ${i}\r\nGender: ${i % 2 ? 'Male' : 'Female'}\r\nBirth Year: ${1950 + (i % 50)}\r\n`);
    const r = await read(file(blocks.join('\r\n'), 'txt'));
    expect(r.records).toHaveLength(3000);
    expect(r.records[2999].line).toBe(2999 * 4 + 1);
    expect(values(r.records[1234])).toEqual({ Name: 'Person 1234', Gender: 'Female', 'Birth Year': '1984' });
    expect(r.issues).toEqual([]);
  });
});

describe('Excel workbooks', () => {
  it('reads cells as the workbook holds them: shared, inline and rich text, numbers in full, dates, gaps', async () => {
    const sheet = [
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c><c r="B1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c><c r="D1" t="s"><v>2</v></c><c r="E1" t="s"><v>3</v></c></row>',
      // Rich text with a phonetic guide, an entity, a number Excel wrote with an exponent, a date, a boolean.
      '<row r="2"><c r="A2" t="inlineStr"><is><r><t>Asha</t></r><r><t xml:space="preserve"> R&amp;o</t></r><rPh><t>x</t></rPh></is></c><c r="B2"><v>8.1648558615904E+13</v></c><c r="C2" s="1"><v>44368</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="e"><v>#N/A</v></c></row>',
      // Row 3 left out (blank), a gap at B, trailing cells left out.
      '<row r="4"><c r="A4" t="str"><v>Ravi</v></c><c r="C4" s="1"><v>44400.75</v></c></row>',
    ].join('');
    const r = await read(file(xlsx({ People: [['Ref', 'Dose date', 'Consent', 'Note']] }, { People: sheet }), 'xlsx'));
    expect([r.sample.format(), r.sample.columns()]).toEqual(['xlsx', ['Name', 'Ref', 'Dose date', 'Consent', 'Note']]);
    expect(r.records.map((x) => [x.line, x.cells])).toEqual([
      [2, ['Asha R&o', '81648558615904', '2021-06-21', 'TRUE', '#N/A']],
      [4, ['Ravi', '', '2021-07-23', '', '']],
    ]);
    expect(codes(r)).toEqual(['blank-row@3']);
    expect(r.sample.datesTyped?.()).toBe(true);
  });

  it('a one-column sheet of text with semicolons and tabs stays one column', async () => {
    const r = await read(file(xlsx({ Notes: [['note'], ['a;b;c'], ['d\te;f'], ['g;h'], ['x, "y"']] }), 'xlsx'));
    // (A single column of text is a list: its first cell is data, as in a CSV.)
    expect(r.records.map((x) => x.cells)).toEqual([['note'], ['a;b;c'], ['d\te;f'], ['g;h'], ['x, "y"']]);
  });

  it('a workbook without sheets, or whose sheet is empty, is not a sample', async () => {
    await expect(read(file(xlsx({ Empty: [] }), 'xlsx'))).rejects.toThrow(/is an Excel workbook with no member that reads as a sample: Empty \(is empty\)/);
    await expect(read(file(xlsx({}), 'xlsx'))).rejects.toThrow(/is an Excel workbook with no sheet$/);
  });
});

describe('SQL dumps', () => {
  const MYSQL = [
    '-- MySQL dump 10.13  Distrib 8.0.36; it\'s a comment with a quote',
    '/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;',
    'DROP TABLE IF EXISTS `beneficiaries`;',
    'CREATE TABLE `beneficiaries` (',
    '  `id` int NOT NULL AUTO_INCREMENT,',
    '  `name` varchar(100) DEFAULT NULL COMMENT \'full name; as given\',',
    '  `mobile` varchar(15),',
    '  `amount` decimal(10,2),',
    '  PRIMARY KEY (`id`),',
    '  KEY `idx_mobile` (`mobile`)',
    ') ENGINE=InnoDB;',
    'LOCK TABLES `beneficiaries` WRITE;',
    "INSERT INTO `beneficiaries` VALUES (1,'Rajesh Kumar','9876543210',10.50),(2,'O\\'Brien, Mary','98765\\\\43211',NULL),",
    "(3,'It''s (here)','line\\nbreak',ROUND(2.5,0));",
    'UNLOCK TABLES;',
    'INSERT INTO `states` VALUES (1,\'Bihar\');',
    "INSERT INTO beneficiaries (`id`,`name`,`mobile`,`amount`) VALUES (4,\"Amit\",'',1);",
    '',
  ].join('\n');

  it('reads the rows of inserts, columns from CREATE TABLE, values unescaped, NULL empty', async () => {
    expect(sniffFormat(MYSQL)).toBe('sql');
    const r = await read(file(MYSQL, 'sql'));
    expect(r.sample.format()).toBe('sql');
    expect(r.sample.columns()).toEqual(['id', 'name', 'mobile', 'amount']);
    expect(r.records.map((x) => [x.row, x.line, x.cells])).toEqual([
      [1, 13, ['1', 'Rajesh Kumar', '9876543210', '10.50']],
      [2, 13, ['2', "O'Brien, Mary", '98765\\43211', '']],
      [3, 14, ['3', "It's (here)", 'line\nbreak', 'ROUND(2.5,0)']],
      [4, 17, ['4', 'Amit', '', '1']],
    ]);
    // Another table's rows are reported, not read.
    expect(codes(r)).toEqual(['other-table@16']);
    expect(r.issues[0].data).toEqual({ table: 'states', first: 'beneficiaries' });
  });

  it('--table chooses the table whose rows are read; a sample that is not a dump refuses it', async () => {
    const r = await read(file(MYSQL, 'sql'), { table: 'STATES' });
    expect([r.sample.columns(), r.records.map((x) => x.cells)]).toEqual([['column_1', 'column_2'], [['1', 'Bihar']]]);
    expect(codes(r)).toEqual(['other-table@13', 'other-table@17']);
    // Before the table is met, it is named as asked.
    expect(r.issues[0].data).toEqual({ table: 'beneficiaries', first: 'STATES' });
    await expect(read(file('name,mobile\nA,1\n'), { table: 'states' })).rejects.toThrow(/--table applies to SQL dumps/);
    // A table that has no rows in the dump (a typo) is an error naming those that have, not an empty report.
    await expect(read(file(MYSQL, 'sql'), { table: 'beneficiary' })).rejects.toThrow(
      /^--table beneficiary: no such table has rows in the dump \(tables with rows: beneficiaries, states\)$/,
    );
    await expect(read(file('[{"name":"A"}]', 'json'), { table: 'states' })).rejects.toThrow(/reads as JSON/);
  });

  it("reads pg_dump's COPY blocks, and numbers the columns no statement names", async () => {
    const pg = [
      'SET statement_timeout = 0;',
      "SELECT pg_catalog.set_config('search_path', '', false);",
      'COPY public.beneficiaries (id, name, mobile) FROM stdin;',
      '1\tRajesh Kumar\t9876543210',
      '2\tTab\\there\t\\N',
      '\\.',
      '',
    ].join('\n');
    const r = await read(file(pg, 'sql'));
    expect(r.sample.columns()).toEqual(['id', 'name', 'mobile']);
    expect(r.records.map((x) => [x.line, x.cells])).toEqual([[4, ['1', 'Rajesh Kumar', '9876543210']], [5, ['2', 'Tab\there', '']]]);

    const bare = await read(file("INSERT INTO t VALUES ('a','b'),('c','d','e');\n", 'sql'));
    expect(bare.sample.columns()).toEqual(['column_1', 'column_2']);
    expect(bare.records.map((x) => x.cells)).toEqual([['a', 'b'], ['c', 'd', 'e']]);
    expect(codes(bare)).toEqual(['extra-cells@1']);
  });

  it('drops what stands before a quoted value: character-set introducers, N and E strings', async () => {
    const sql = "INSERT INTO t VALUES (_binary 'a,b',_utf8mb4'Ravi',N'x(y)', E'it\\'s',name_x,'');\n";
    const r = await read(file(sql, 'sql'));
    expect(r.records.map((x) => x.cells)).toEqual([['a,b', 'Ravi', 'x(y)', "it's", 'name_x', '']]);
    expect(r.issues).toEqual([]);
  });

  it('reads the same rows whatever the read chunks cut: quotes, escapes and comments across boundaries', async () => {
    const rows = Array.from({ length: 6000 }, (_, i) => `(${i},'P''s ${i}','a\\'b\\\\${i}',NULL)`);
    const parts: string[] = [];
    for (let i = 0; i < rows.length; i += 500) parts.push(`-- part ${i}, it's\n/* block ${i} */\nINSERT INTO t (a,b,c,d) VALUES ${rows.slice(i, i + 500).join(',\n')};`);
    const r = await read(file(`${parts.join('\n')}\n`, 'sql'));
    expect(r.records).toHaveLength(6000);
    expect(r.records[4321].cells).toEqual(['4321', "P's 4321", "a'b\\4321", '']);
    expect(r.issues).toEqual([]);
    const copy = await read(file(`COPY t (a, b) FROM stdin;\n${Array.from({ length: 6000 }, (_, i) => `${i}\tx\\ty ${i}`).join('\n')}\n\\.\n`, 'sql'));
    expect(copy.records).toHaveLength(6000);
    expect(copy.records[4321]).toMatchObject({ line: 4323, cells: ['4321', 'x\ty 4321'] });
  });

  it('reads the chosen table after more than 16 MiB of another table\'s rows (they are progress, not one endless record)', async () => {
    const other = Array.from({ length: 700_000 }, (_, i) => `${i}\tan audit note, number ${i}`).join('\n');
    const r = await read(file(`COPY audit_log (id, note) FROM stdin;\n${other}\n\\.\nCOPY people (ref, name) FROM stdin;\n1\tA B\n2\tC D\n\\.\n`, 'sql'), { table: 'people' });
    expect(other.length).toBeGreaterThan(17 * 2 ** 20);
    expect(r.records.map((x) => x.cells)).toEqual([['1', 'A B'], ['2', 'C D']]);
    expect(codes(r)).toEqual(['other-table@1']);
  });

  it('is sniffed only for dumps', () => {
    expect(sniffFormat('name,mobile\nA,1\n')).toBe('delimited');
    expect(sniffFormat('Note: insert into the table\nName: A\nGender: Male\n')).toBe('text');
    expect(sniffFormat('-- dump\n\nCREATE TABLE t (a int);\n')).toBe('sql');
  });
});
