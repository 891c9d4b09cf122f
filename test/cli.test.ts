// End-to-end runs of the built binary: options, exit codes and bad input.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { internalError } from '../src/cli.js';
import { renderTerminal } from '../src/reporters/terminal.js';
import { analyzeJson, ROOT, runCli, tempFile } from './support/cli.js';
import { tar } from './support/tar.js';
import { zip } from './support/zip.js';

const CSV = 'Beneficiary Name,Aadhar No,Mobile No.,Gender\nRavi Kumar,234567890124,9876543210,Male\nSita Devi,345678901235,8765432109,Female\n';

/** A bad input fails with exactly one line on stderr, the documented exit code, and no stack trace. */
function expectOneLineError(r: { code: number; stdout: string; stderr: string }, pattern: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('leakcheck CLI', () => {
  it('prints its version and help with examples', () => {
    const v = runCli(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const h = runCli(['analyze', '--help']);
    expect(h.code).toBe(0);
    for (const opt of ['--format', '--output', '--map', '--profile', '--fail-on', '--limit', '--reveal', '--quiet']) {
      expect(h.stdout).toContain(opt);
    }
    expect(h.stdout).toContain('Examples:');
  });

  it('reads standard input with -', () => {
    const { report } = analyzeJson(['-'], { input: CSV });
    expect(report.input.path).toBe('-');
    expect(report.input.rows).toBe(2);
    expect(report.mapping.map((m) => m.field)).toEqual(['name', 'aadhaar_number', 'mobile_number', 'gender']);
  });

  it('applies --map over header and value mapping, and reports how each column was mapped', () => {
    const file = tempFile('s.csv', 'who,x\nRavi Kumar,1\nSita Devi,2\nAmit Shah,3\n');
    const { report } = analyzeJson([file, '--map', 'x=dose', '--map', 'who=-']);
    expect(report.mapping).toEqual([
      { column: 'who', field: null, source: 'option' },
      { column: 'x', field: 'dose', source: 'option' },
    ]);
    const bad = runCli(['analyze', file, '--map', 'x=shoe_size']);
    expectOneLineError(bad, /unknown field "shoe_size"/);
    const missing = runCli(['analyze', file, '--map', 'nope=name']);
    expectOneLineError(missing, /does not have/);
  });

  it('reads the first row as data or as the header when told (--no-header, --header)', () => {
    const path = tempFile('h.csv', 'name,mobile\nAsha Rao,9876543210\nRavi Rao,9123456789\n');
    expect(analyzeJson([path]).report.input).toMatchObject({ header: true, rows: 2 });
    expect(analyzeJson([path, '--no-header']).report.input).toMatchObject({ header: false, rows: 3, columns: ['column_1', 'column_2'] });
    const headerless = tempFile('n.csv', 'Asha Rao,9876543210\nRavi Rao,9123456789\n');
    expect(analyzeJson([headerless]).report.input).toMatchObject({ header: false, rows: 2 });
    expect(analyzeJson([headerless, '--header']).report.input).toMatchObject({ header: true, rows: 1 });
  });

  // What `sha256sum` prints for the file as given, so a report can be tied to the evidence it was made from.
  it('reports the SHA-256 of the input file as given: plain, gzip, zip, tar, standard input; none when the read stopped early', () => {
    const sha = (b: string | Buffer): string => createHash('sha256').update(b).digest('hex');
    const csv = readFileSync(join(ROOT, 'fixtures/beneficiaries.csv'));
    const inputs: [string, Buffer][] = [
      ['b.csv', csv],
      ['b.csv.gz', gzipSync(csv)],
      ['b.zip', zip([{ name: 'b.csv', data: csv }])],
      ['b.tar.gz', gzipSync(tar([{ name: 'b.csv', data: csv }]))],
    ];
    for (const [name, bytes] of inputs) {
      const { code, report } = analyzeJson([tempFile(name, bytes)]);
      expect([name, code, report.input.sha256]).toEqual([name, 0, sha(bytes)]);
    }
    expect(analyzeJson(['-'], { input: gzipSync(csv) }).report.input.sha256).toBe(sha(gzipSync(csv)));
    const terminal = runCli(['analyze', tempFile('b.csv', csv)]).stdout;
    expect(terminal.split('\n').slice(0, 4)).toContain(`  sha256 ${sha(csv)}`);
    // Not the whole file: a read stopped by --limit (past the first read's 64 KiB) or --max-bytes.
    const big = Buffer.concat([csv, ...Array.from({ length: 20 }, () => csv.subarray(csv.indexOf('\n') + 1))]);
    const file = tempFile('big.csv', big);
    expect(analyzeJson([file]).report.input.sha256).toBe(sha(big));
    expect(analyzeJson([file, '--limit', '10']).report.input.sha256).toBeUndefined();
    expect(analyzeJson([file, '--max-bytes', '100000']).report.input.sha256).toBeUndefined();
  });

  // The evidence row by row: every finding, not the five examples a check keeps.
  it('writes every finding to --findings as JSON lines, masked unless --reveal, on one thread or two', () => {
    const out = tempFile('findings.ndjson', '');
    const { report } = analyzeJson(['fixtures/beneficiaries-broken.csv', '--findings', out]);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const total = report.checks.reduce((n, c) => n + c.violations, 0);
    expect(total).toBeGreaterThan(report.checks.reduce((n, c) => n + c.examples.length, 0));
    expect(lines.length).toBe(total);
    for (const c of report.checks) expect(lines.filter((l) => l.check === c.id).length, c.id).toBe(c.violations);
    expect(Object.keys(lines[0])).toEqual(['check', 'row', 'line', 'field', 'value', 'message']);
    // The report's examples are the first of each check's lines.
    const dates = report.checks.find((c) => c.id === 'date-format')!;
    expect(lines.filter((l) => l.check === 'date-format').slice(0, dates.examples.length)).toEqual(dates.examples.map((e) => ({ check: 'date-format', ...e })));
    // Masked as in the report; --reveal shows the values.
    const mobiles = (file: string) => readFileSync(file, 'utf8').match(/"value":"[6-9]\d{9}"/g) ?? [];
    expect(mobiles(out)).toEqual([]);
    const revealed = tempFile('revealed.ndjson', '');
    runCli(['analyze', 'fixtures/beneficiaries-broken.csv', '--findings', revealed, '--reveal', '-q']);
    expect(mobiles(revealed).length).toBeGreaterThan(0);
    // A file large enough for two threads is analysed on one when every finding is wanted: the same report.
    const rows = readFileSync(join(ROOT, 'fixtures/beneficiaries-broken.csv'), 'utf8').trimEnd().split('\n');
    const big = tempFile('big.csv', `${[rows[0], ...Array.from({ length: 20 }, () => rows.slice(1)).flat()].join('\n')}\n`);
    const two = runCli(['analyze', big, '--format', 'json', '--deterministic', '--findings', tempFile('two.ndjson', ''), '-q'], { env: { LEAKCHECK_THREADS: '2' } });
    const one = runCli(['analyze', big, '--format', 'json', '--deterministic'], { env: { LEAKCHECK_THREADS: '1' } });
    expect([two.code, two.stdout]).toEqual([0, one.stdout]);
    // Never into the input.
    expectOneLineError(runCli(['analyze', 'fixtures/beneficiaries-broken.csv', '--findings', 'fixtures/beneficiaries-broken.csv']), /--findings names the input file/);
    // A sample that cannot be read is one line on stderr, findings or not.
    expectOneLineError(runCli(['analyze', tempFile('empty.csv', ''), '--findings', tempFile('none.ndjson', '')]), /is empty: there are no records/);
  });

  // For a spreadsheet: the same findings as CSV, and no sample value that a spreadsheet would run as a formula.
  it('writes --findings as CSV when the file ends in .csv, each cell shown as text', () => {
    const hostile = ['=HYPERLINK("http://x.invalid","open")', '+1+1', '-2+3', '@SUM(A1:A9)', 'a "quoted", value'];
    const [header, ...lines] = readFileSync(join(ROOT, 'fixtures/beneficiaries.csv'), 'utf8').trimEnd().split('\n');
    const g = header.split(',').indexOf('gender');
    const cell = (v: string): string => (/[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    const sample = [header, ...lines.map((l, i) => l.split(',').map((v, k) => (k === g && i < hostile.length ? cell(hostile[i]) : v)).join(','))].join('\n');
    const input = tempFile('hostile-gender.csv', `${sample}\n`);
    const csvOut = tempFile('findings.csv', '');
    const jsonOut = tempFile('findings.ndjson', '');
    expect(runCli(['analyze', input, '--findings', csvOut, '--reveal', '-q']).code).toBe(0);
    runCli(['analyze', input, '--findings', jsonOut, '--reveal', '-q']);
    const text = readFileSync(csvOut, 'utf8');
    expect(text.startsWith('\ufeffcheck,row,line,field,value,message\r\n')).toBe(true);
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    const json = readFileSync(jsonOut, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.length).toBe(json.length);
    // Every finding as in the JSON lines, formula-like text behind a quote mark.
    const shown = (v: unknown): string => (v === null ? '' : typeof v === 'string' && /^[=+\-@]/.test(v) ? `'${v}` : String(v));
    expect(rows.map((r) => [r.check, r.row, r.line, r.field, r.value, r.message])).toEqual(json.map((j) => [j.check, j.row, j.line, j.field, j.value, j.message].map(shown)));
    const flagged = rows.filter((r) => r.check === 'vocabulary').map((r) => r.value);
    expect(flagged).toEqual(expect.arrayContaining([`'${hostile[0]}`, `'${hostile[1]}`, `'${hostile[2]}`, `'${hostile[3]}`, hostile[4]]));
    for (const r of rows) for (const v of Object.values(r)) expect(v, v).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('stops at --limit rows', () => {
    const rows = Array.from({ length: 50 }, (_, i) => `Person ${i},${9000000000 + i}`).join('\n');
    const { report } = analyzeJson([tempFile('l.csv', `name,mobile\n${rows}\n`), '--limit', '7']);
    expect(report.input.rows).toBe(7);
  });

  it('gates on --fail-on with exit 1, and rejects unknown labels with exit 2', () => {
    const file = tempFile('f.csv', CSV);
    const hit = runCli(['analyze', file, '--fail-on', 'inconclusive,enriched', '--quiet']);
    expect(hit.code).toBe(1);
    expect(hit.stderr).toBe('');
    const miss = runCli(['analyze', file, '--fail-on', 'likely-genuine']);
    expect(miss.code).toBe(0);
    const bad = runCli(['analyze', file, '--fail-on', 'genuine']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not a label/);
  });

  it('writes --output to a file and never over its input', () => {
    const file = tempFile('o.csv', CSV);
    const out = `${file}.json`;
    const r = runCli(['analyze', file, '--format', 'json', '--output', out, '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const same = runCli(['analyze', file, '--output', file]);
    expectOneLineError(same, /never writes to its input/);
  });

  it('leads the terminal report with the verdict, stays within 80 columns, and has no colour off a TTY', () => {
    const r = runCli(['analyze', tempFile('t.csv', CSV)]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const verdictLine = lines.findIndex((l) => /^ {2}(LIKELY GENUINE|INCONCLUSIVE|LIKELY FABRICATED|NOT COWIN) {3}plausibility \d+ \/ 100$/.test(l));
    expect(verdictLine).toBeGreaterThan(0);
    expect(verdictLine).toBeLessThanOrEqual(4);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(80);
    expect(r.stdout).not.toMatch(/\u001b\[/);
    const forced = runCli(['analyze', tempFile('t.csv', CSV)], { env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    expect(forced.stdout).toMatch(/\u001b\[/);
  });

  it('gives findings in nothing that was read as a count, not as "2 of 0 (0%)"', () => {
    const { report } = analyzeJson([tempFile('t.csv', CSV)]);
    const c = report.checks.find((x) => x.id === 'input-complete')!;
    Object.assign(c, { status: 'fail', applicable: 0, violations: 2, rate: null, summary: '' });
    const text = renderTerminal(report, { color: false, all: false });
    expect(text).toMatch(/x input-complete +2 findings\n/);
    expect(text).not.toContain('2 of 0');
  });

  describe('bad input: one line on stderr and exit 2, or a report saying what was skipped', () => {
    it('missing file', () => expectOneLineError(runCli(['analyze', '/no/such/file.csv']), /no such file/));
    it('a folder of nothing readable', () => expectOneLineError(runCli(['analyze', tempFile('x', '').replace(/x$/, '')]), /is a folder with no member that reads as a sample: x \(is empty\)/));
    it('an empty file', () => expectOneLineError(runCli(['analyze', tempFile('e.csv', '')]), /is empty/));
    it('a whitespace-only file', () => expectOneLineError(runCli(['analyze', tempFile('w.csv', ' \n\t\n')]), /is empty/));
    it('a PNG named .csv', () => {
      const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
      expectOneLineError(runCli(['analyze', tempFile('p.csv', png)]), /looks like a PNG image/);
    });
    it('random binary named .csv', () => {
      const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
      expectOneLineError(runCli(['analyze', tempFile('b.csv', bytes)]), /binary/);
    });
    it('a --table the SQL dump has no rows for', () =>
      expectOneLineError(
        runCli(['analyze', tempFile('d.sql', "INSERT INTO people VALUES ('Ravi Kumar','9876543210');\n"), '--table', 'peple']),
        /--table peple: no such table has rows in the dump \(tables with rows: people\)/,
      ));
    it('an unknown --profile', () => expectOneLineError(runCli(['analyze', tempFile('q.csv', CSV), '--profile', 'nope']), /unknown profile/));

    it('a header-only file gives a report with zero rows', () => {
      const { report } = analyzeJson([tempFile('h.csv', 'name,aadhaar,mobile\n')]);
      expect(report.input.rows).toBe(0);
      expect(report.mapping.map((m) => m.field)).toEqual(['name', 'aadhaar_number', 'mobile_number']);
    });

    it('truncated gzip: the rows before the cut are analysed and the report says the input ended early', () => {
      const rows = Array.from({ length: 20000 }, (_, i) => `Person ${i},${9000000000 + i},Male`).join('\n');
      const gz = gzipSync(`name,mobile,gender\n${rows}\n`);
      const { report } = analyzeJson([tempFile('t.csv.gz', gz.subarray(0, Math.floor(gz.length * 0.6)))]);
      expect(report.input.compression).toBe('gzip');
      expect(report.input.rows).toBeGreaterThan(0);
      expect(report.input.rows).toBeLessThan(20000);
      const complete = report.checks.find((c) => c.id === 'input-complete')!;
      expect(complete.status).toBe('fail');
      expect(complete.examples[0].message).toMatch(/truncated/);
    });

    it('invalid JSON: a report whose structure findings say where it broke', () => {
      const { report } = analyzeJson([tempFile('j.json', '[{"name":"A B","mobile":"9876543210"},{"name":"C D",,}]')]);
      expect(report.input.rows).toBe(1);
      const json = report.checks.find((c) => c.id === 'json-structure')!;
      expect(json.status).toBe('fail');
      expect(json.examples[0].line).toBe(1);
    });
  });

  it('names running out of memory for what it is, with what to do instead', () => {
    // What a store's typed array raises when memory runs out, and what a table past 2^30 slots raises.
    for (const e of [new RangeError('Array buffer allocation failed'), new RangeError('hash set too large')]) {
      expect(internalError(e)).toMatch(/^out of memory .* --engine duckdb .* --limit/);
    }
    expect(internalError(new TypeError('x is undefined'))).toBe('internal error: x is undefined (rerun with --debug for details)');
  });
});
