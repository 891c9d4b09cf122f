// The bundled samples: reproducible from the seeded generator, and read alike in every format.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR, fixtureFiles } from '../src/synth/fixtures.js';
import { xlsx, type XlsxCell } from './support/xlsx.js';
import { analyzeJson, ROOT, runCli, tempFile } from './support/cli.js';
import { readSample } from '../src/ingest/index.js';
import type { Report } from '../src/types.js';

/** What every check other than the structure ones found, and in how much: equal for the same records read from any form. */
const counts = (r: Report) => r.checks.filter((c) => c.category !== 'structure').map((c) => [c.id, c.applicable, c.violations]);

/** The same records read from another form: rows, format, mapping, every non-structure finding and the verdict as the CSV's. */
function expectSameReading(report: Report, csv: Report): void {
  expect(report.input.rows).toBe(csv.input.rows);
  expect(report.profile?.id).toBe(csv.profile?.id);
  expect(report.mapping.map((m) => [m.column, m.field])).toEqual(csv.mapping.map((m) => [m.column, m.field]));
  expect(counts(report)).toEqual(counts(csv));
  expect(report.verdict.label).toBe(csv.verdict.label);
}

describe('fixtures', () => {
  const files = fixtureFiles();

  it.each([...files.keys()])('%s is what the seeded generator writes', (name) => {
    const committed = readFileSync(join(FIXTURES_DIR, name));
    expect(committed.equals(Buffer.from(files.get(name)!))).toBe(true);
  });

  // A summary cites its policy rules' sources: capped for sample text, it was once cut mid-sentence.
  it.each(['beneficiaries.csv', 'vaccinator-export.csv', 'certificates.json'])('%s: no check summary is cut short', (name) => {
    const { report } = analyzeJson([`fixtures/${name}`]);
    const cut = report.checks.filter((c) => c.summary.endsWith('…')).map((c) => c.id);
    expect(cut).toEqual([]);
    expect(Math.max(...report.checks.map((c) => c.summary.length))).toBeGreaterThan(400);
  });

  it('the same records read alike as CSV, JSON, UTF-16 TSV, NDJSON, and gzip of each', () => {
    const csvText = readFileSync(join(FIXTURES_DIR, 'beneficiaries.csv'), 'utf8');
    const [header, ...lines] = csvText.trimEnd().split('\n');
    const keys = header.split(',');
    const ndjson = lines.map((l) => JSON.stringify(Object.fromEntries(l.split(',').map((v, i) => [keys[i], v])))).join('\n');
    const extra = [
      tempFile('b.ndjson', `${ndjson}\n`),
      ...['beneficiaries.csv', 'beneficiaries.json', 'beneficiaries-excel.tsv'].map((f) => tempFile(`${f}.gz`, gzipSync(readFileSync(join(FIXTURES_DIR, f))))),
    ];
    const reports = [...['beneficiaries.csv', 'beneficiaries.json', 'beneficiaries-excel.tsv'].map((f) => `fixtures/${f}`), ...extra].map((f) => analyzeJson([f]).report);
    expect(reports.map((r) => [r.input.format, r.input.compression])).toEqual([
      ['csv', 'none'], ['json', 'none'], ['tsv', 'none'], ['ndjson', 'none'], ['csv', 'gzip'], ['json', 'gzip'], ['tsv', 'gzip'],
    ]);
    const [csv, , tsv] = reports;
    expect(tsv.input.encoding).toBe('utf-16le');
    for (const r of reports) {
      expect(r.input.rows).toBe(300);
      expect(r.input.rowsSkipped).toBe(0);
      expect(r.mapping.map((m) => [m.column, m.field])).toEqual(csv.mapping.map((m) => [m.column, m.field]));
      for (const c of r.checks.filter((c) => c.category === 'structure')) expect(c.violations, c.id).toBe(0);
      // Same records, same findings: every check counts alike whatever the format.
      expect(r.checks.map((c) => [c.id, c.applicable, c.violations])).toEqual(csv.checks.map((c) => [c.id, c.applicable, c.violations]));
      expect(r.verdict).toEqual(csv.verdict);
    }
    expect(csv.mapping.every((m) => m.field === m.column && m.source === 'header')).toBe(true);
  });
  // A database dump: the same records as mysqldump writes them (extended inserts, quotes escaped, NULL for empty).
  it('beneficiaries.csv as an SQL dump: the same records, the same findings', () => {
    const [header, ...lines] = readFileSync(join(FIXTURES_DIR, 'beneficiaries.csv'), 'utf8').trimEnd().split('\n');
    const keys = header.split(',');
    const sqlValue = (v: string): string => (v === '' ? 'NULL' : `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`);
    const rows = lines.map((l) => `(${l.split(',').map(sqlValue).join(',')})`);
    const dump = [
      '-- MySQL dump 10.13',
      `CREATE TABLE \`cowin_beneficiaries\` (\n${keys.map((k) => `  \`${k}\` varchar(64) DEFAULT NULL`).join(',\n')},\n  PRIMARY KEY (\`${keys[0]}\`)\n) ENGINE=InnoDB;`,
      `INSERT INTO \`cowin_beneficiaries\` VALUES ${rows.slice(0, 150).join(',')};`,
      `INSERT INTO \`cowin_beneficiaries\` VALUES ${rows.slice(150).join(',')};`,
    ].join('\n');
    const sql = analyzeJson([tempFile('dump.sql', `${dump}\n`)]).report;
    const csv = analyzeJson(['fixtures/beneficiaries.csv']).report;
    expect(sql.input.format).toBe('sql');
    expect(sql.input.rows).toBe(300);
    expect(sql.mapping.map((m) => [m.column, m.field])).toEqual(csv.mapping.map((m) => [m.column, m.field]));
    expect(sql.checks.map((c) => [c.id, c.applicable, c.violations])).toEqual(csv.checks.map((c) => [c.id, c.applicable, c.violations]));
    expect(sql.verdict).toEqual(csv.verdict);
  });

  // A database keeps dates as dates: its dump writes them in its own convention, which says nothing against them.
  it('beneficiaries.csv as a dump with DATETIME columns and as mongoexport with $date: judged as the CSV', () => {
    const [header, ...lines] = readFileSync(join(FIXTURES_DIR, 'beneficiaries.csv'), 'utf8').trimEnd().split('\n');
    const keys = header.split(',');
    const rows = lines.map((l) => l.split(','));
    const iso = (dmy: string): string => `${dmy.slice(6)}-${dmy.slice(3, 5)}-${dmy.slice(0, 2)}`;
    const sqlValue = (k: string, v: string): string => (v === '' ? 'NULL' : k.endsWith('_date') ? `'${iso(v)} 00:00:00'` : `'${v.replace(/'/g, "''")}'`);
    const dump = `INSERT INTO beneficiaries (${keys.join(', ')}) VALUES\n${rows.map((r) => `(${r.map((v, k) => sqlValue(keys[k], v)).join(',')})`).join(',\n')};\n`;
    // Dates stored as midnight in India, as a server there would: 18:30 UTC the evening before.
    const mongoValue = (k: string, v: string): unknown =>
      k.endsWith('_date') ? { $date: new Date(Date.parse(`${iso(v)}T00:00:00+05:30`)).toISOString() } : /^\d{10,}$/.test(v) ? { $numberLong: v } : v;
    const mongo = rows.map((r) => JSON.stringify(Object.fromEntries(r.flatMap((v, k) => (v === '' ? [] : [[keys[k], mongoValue(keys[k], v)]]))))).join('\n');
    const csv = analyzeJson(['fixtures/beneficiaries.csv']).report;
    for (const report of [analyzeJson([tempFile('dump.sql', dump)]).report, analyzeJson([tempFile('export.ndjson', `${mongo}\n`)]).report]) {
      expect(report.input.datesTyped).toBe(true);
      expect(report.checks.find((c) => c.id === 'date-format')!.violations).toBe(0);
      expectSameReading(report, csv);
    }
    // The CSV's dates written ISO 8601 throughout, as psql's \copy or pandas writes them: read back as the days
    // they name, and the re-writing noted, not weighed.
    const isoCsv = [header, ...rows.map((r) => r.map((v, k) => (keys[k].endsWith('_date') && v ? iso(v) : v)).join(','))].join('\n');
    const plain = analyzeJson([tempFile('iso.csv', `${isoCsv}\n`)]).report;
    expect(plain.mapping.filter((m) => m.dates).map((m) => [m.column, m.dates])).toEqual([
      ['dose1_date', 'YYYY-MM-DD'],
      ['dose2_date', 'YYYY-MM-DD'],
    ]);
    const rewritten = plain.checks.find((c) => c.id === 'rewritten-values')!;
    expect(rewritten.data).toMatchObject({ isoDates: 475, retyped: 0 });
    expectSameReading(plain, csv);
    expect(plain.verdict).toEqual(csv.verdict);
    // A few ISO dates among DD-MM-YYYY ones are still a departure from the API's convention.
    const mixed = [header, ...rows.map((r, i) => r.map((v, k) => (keys[k] === 'dose1_date' && v && i % 10 === 0 ? iso(v) : v)).join(','))].join('\n');
    const edited = analyzeJson([tempFile('mixed.csv', `${mixed}\n`)]).report;
    expect(edited.mapping.some((m) => m.dates)).toBe(false);
    const rewrote = rows.filter((r, i) => i % 10 === 0 && r[keys.indexOf('dose1_date')]).length;
    expect(rewrote).toBeGreaterThan(20);
    expect(edited.checks.find((c) => c.id === 'date-format')!.violations).toBe(rewrote);
  });

  // A workbook keeps numbers and dates as values: read in place, it gives the CSV's records, where "save as CSV"
  // would have written the reference ids as 8.16486E+13.
  it('beneficiaries.csv as an Excel workbook, split across two sheets: the same records, the same findings; --table picks a sheet', () => {
    const [header, ...lines] = readFileSync(join(FIXTURES_DIR, 'beneficiaries.csv'), 'utf8').trimEnd().split('\n');
    const keys = header.split(',');
    const cell = (k: string, v: string): XlsxCell =>
      v === '' ? null : k.endsWith('_date') ? new Date(Date.UTC(+v.slice(6), +v.slice(3, 5) - 1, +v.slice(0, 2))) : /^\d+$/.test(v) && k !== 'mobile_number' ? Number(v) : v;
    const rows = lines.map((l) => l.split(',').map((v, k) => cell(keys[k], v)));
    // As a dump past Excel's row limit is split: the same header on each sheet; and a sheet of something else.
    const book = tempFile('leak.xlsx', xlsx({ Part1: [keys, ...rows.slice(0, 120)], States: [['state', 'count'], ['Bihar', 3]], Part2: [keys, ...rows.slice(120)] }));
    const workbook = analyzeJson([book]).report;
    const csv = analyzeJson(['fixtures/beneficiaries.csv']).report;
    expect([workbook.input.format, workbook.input.rows, workbook.input.datesTyped]).toEqual(['xlsx', 300, true]);
    expectSameReading(workbook, csv);
    expect(workbook.input.archive!.members.map((m) => [m.name, m.reason ?? m.status, m.firstRow ?? null])).toEqual([
      ['Part1', 'read', 1],
      ['States', "not read: its columns differ from the first member's (state, count)", null],
      ['Part2', 'read', 121],
    ]);
    expect(workbook.checks.find((c) => c.id === 'input-complete')!.examples.map((e) => e.message)).toEqual([
      "archive member States: not read: its columns differ from the first member's (state, count)",
    ]);
    expect(runCli(['analyze', book]).stdout.replace(/\n\s+/g, ' ')).toMatch(/Workbook: 2 of 3 sheets read as one sample \(Part1, Part2\)/);
    const states = analyzeJson([book, '--table', 'states']).report;
    expect([states.input.rows, states.input.columns, states.input.archive!.members.map((m) => m.reason ?? m.status)]).toEqual([
      1,
      ['state', 'count'],
      ['not read: --table chose another sheet', 'read', 'not read: --table chose another sheet'],
    ]);
    const wrong = runCli(['analyze', book, '--table', 'people']);
    expect([wrong.code, wrong.stderr]).toEqual([2, 'leakcheck: --table people: the workbook has no such sheet (sheets: Part1, States, Part2)\n']);
  });

  // A database client or a script writes a word for a missing value: SQL's NULL, MySQL's \N, R's NA, pandas' nan.
  it.each(['NULL', '\\N', 'NA', 'nan'])('beneficiaries.csv with its empty values written %s: the same records, the same findings', (marker) => {
    const [header, ...lines] = readFileSync(join(FIXTURES_DIR, 'beneficiaries.csv'), 'utf8').trimEnd().split('\n');
    const written = [header, ...lines.map((l) => l.split(',').map((v) => v || marker).join(','))].join('\n');
    expect(written.split(marker).length).toBeGreaterThan(100);
    const report = analyzeJson([tempFile('export.csv', `${written}\n`)]).report;
    const csv = analyzeJson(['fixtures/beneficiaries.csv']).report;
    expect(report.mapping.every((m) => m.nullMarker === marker)).toBe(true);
    expectSameReading(report, csv);
    expect(runCli(['analyze', tempFile('export.csv', `${written}\n`)]).stdout).toContain(`Empty values are written ${marker} (the exporting tool's marker): read as empty.`);
  });

  // A "proof" is often a PDF: its table through `pdftotext -layout` is columns aligned with spaces; or a query's
  // result pasted from psql.
  it('beneficiaries.csv as a fixed-width table and as a psql paste: the same records, the same findings', () => {
    const rows = readFileSync(join(FIXTURES_DIR, 'beneficiaries.csv'), 'utf8').trimEnd().split('\n').map((l) => l.split(','));
    const widths = rows[0].map((_, k) => Math.max(...rows.map((r) => r[k].length)));
    const fixed = rows.map((r) => r.map((v, k) => v.padEnd(widths[k])).join('   ').trimEnd()).join('\n');
    const psql = [
      ...rows.slice(0, 1).map((r) => ` ${r.map((v, k) => v.padEnd(widths[k])).join(' | ')}`),
      `-${widths.map((w) => '-'.repeat(w)).join('-+-')}-`,
      ...rows.slice(1).map((r) => ` ${r.map((v, k) => v.padEnd(widths[k])).join(' | ')}`),
      `(${rows.length - 1} rows)`,
    ].join('\n');
    const csv = analyzeJson(['fixtures/beneficiaries.csv']).report;
    const layout = analyzeJson([tempFile('proof.txt', `${fixed}\n`)]).report;
    expect(layout.input.format).toBe('fixed-width');
    expectSameReading(layout, csv);
    const pasted = analyzeJson([tempFile('query.txt', `${psql}\n`)]).report;
    expect(pasted.input.format).toBe('csv');
    expectSameReading(pasted, csv);
    expect(pasted.checks.find((c) => c.id === 'header-labels')!.violations).toBe(2);
  });

  // In a PDF's table a long cell goes on under itself: here every value of two words or more (a name, "Aadhaar
  // Card", "Partially Vaccinated") wraps after its first word, as in a table with narrow columns.
  it('beneficiaries.csv as a PDF table whose cells wrap onto a second line: the same records, the same findings', () => {
    const rows = readFileSync(join(FIXTURES_DIR, 'beneficiaries.csv'), 'utf8').trimEnd().split('\n').map((l) => l.split(','));
    const first = rows.map((r) => r.map((v) => v.split(' ')[0]));
    const widths = rows[0].map((_, k) => Math.max(...rows.map((r) => r[k].length)));
    const line = (r: string[]) => r.map((v, k) => v.padEnd(widths[k])).join('   ').trimEnd();
    const lines: string[] = [];
    rows.forEach((r, i) => {
      const rest = r.map((v) => v.split(' ').slice(1).join(' '));
      const wraps = i > 0 && rest.some((v) => v !== '');
      lines.push(line(wraps ? first[i] : r));
      if (wraps) lines.push(line(rest));
    });
    const wrapped = lines.length - rows.length;
    expect(wrapped).toBeGreaterThan(200);
    const { report } = analyzeJson([tempFile('proof.txt', `${lines.join('\n')}\n`)]);
    expectSameReading(report, analyzeJson(['fixtures/beneficiaries.csv']).report);
    const shape = report.checks.find((c) => c.id === 'row-shape')!;
    expect(shape.violations).toBe(wrapped);
    expect(shape.examples[0]).toMatchObject({ line: 3, row: 1, message: expect.stringContaining("parts of this row's wrapped cells") });
  });

  // The same table printed to PDF and read back by pdftotext, its cells aligned at the top, in the middle and at the
  // bottom of their rows (test/pdftotext/SOURCES.md): a wrapped cell's other lines come after, around or before its
  // row's own line.
  it.each(['top', 'middle', 'bottom'])('beneficiaries.csv printed to PDF, cells aligned %s, through pdftotext -layout: the same records', async (align) => {
    const path = join(ROOT, 'test/pdftotext', `beneficiaries-${align}.txt`);
    const csv = readFileSync(join(FIXTURES_DIR, 'beneficiaries.csv'), 'utf8').trimEnd().split('\n').slice(0, 31);
    // Also under a document's heading, over a blank line.
    const titled = tempFile('proof.txt', `CoWin beneficiaries - sample of 30\n\n${readFileSync(path, 'utf8')}`);
    for (const p of [path, titled]) {
      const sample = await readSample(p, () => {});
      const records: string[] = [];
      for await (const batch of sample.batches) for (const r of batch) records.push(r.cells!.join(','));
      expect([sample.format(), sample.columns().join(','), records]).toEqual(['fixed-width', csv[0], csv.slice(1)]);
    }
    const { report } = analyzeJson([path]);
    expectSameReading(report, analyzeJson([tempFile('first30.csv', `${csv.join('\n')}\n`)]).report);
    expect(report.checks.find((c) => c.id === 'row-shape')!.violations).toBe(align === 'middle' ? 36 : 18);
  });

  // The June 2023 bot answered with one `Key: value` line per field; the same records pasted that way read alike.
  it('telegram-bot.csv as the bot\'s replies (key-value text): the same records, the same findings', () => {
    const [header, ...lines] = readFileSync(join(FIXTURES_DIR, 'telegram-bot.csv'), 'utf8').trimEnd().split('\n');
    const keys = header.split(',');
    const replies = lines.map((l, i) => [`Result ${i + 1} for the number you sent`, ...l.split(',').map((v, k) => `• ${keys[k]}: ${v}`)].join('\n'));
    const text = analyzeJson([tempFile('bot.txt', `${replies.join('\n\n')}\n`)]).report;
    const csv = analyzeJson(['fixtures/telegram-bot.csv']).report;
    expect(text.input.format).toBe('text');
    expectSameReading(text, csv);
    // Each reply's heading line is reported (by line, without its text) and not read as a record.
    const shape = text.checks.find((c) => c.id === 'row-shape')!;
    expect(shape.violations).toBe(lines.length);
    expect(shape.examples[0]).toMatchObject({ line: 1, value: null });
  });

  // What a responder keeps of such a chat: Telegram Desktop's JSON export, the query and each reply a message.
  it('telegram-bot.csv as an exported Telegram chat (result.json): the same records, the same findings', () => {
    const [header, ...lines] = readFileSync(join(FIXTURES_DIR, 'telegram-bot.csv'), 'utf8').trimEnd().split('\n');
    const keys = header.split(',');
    const message = (id: number, from: string, entities: { type: string; text: string }[]) => ({
      id, type: 'message', date: '2023-06-12T10:00:00', from, text: entities.map((e) => (e.type === 'plain' ? e.text : e)), text_entities: entities,
    });
    const messages: object[] = [{ id: 1, type: 'service', date: '2023-06-12T09:59:00', actor: 'Me', action: 'join_group_by_link', text: '', text_entities: [] }];
    lines.forEach((l, i) => {
      const cells = l.split(',');
      messages.push(message(2 * i + 2, 'Me', [{ type: 'phone', text: cells[0] }]));
      messages.push(message(2 * i + 3, 'CoWIN Bot', cells.flatMap((v, k) => [{ type: 'bold', text: keys[k] }, { type: 'plain', text: `: ${v}\n` }])));
    });
    const chat = analyzeJson([tempFile('result.json', JSON.stringify({ name: 'CoWIN Bot', type: 'bot_chat', id: 1, messages }, null, 1))]).report;
    const csv = analyzeJson(['fixtures/telegram-bot.csv']).report;
    expectSameReading(chat, csv);
    // The queries (one number each) are reported by the line their message starts on, without their text.
    const shape = chat.checks.find((c) => c.id === 'row-shape')!;
    expect(shape.violations).toBe(lines.length);
    expect(shape.examples[0]).toMatchObject({ value: null });
    expect(shape.examples[0].line).toBeGreaterThan(10);
  });
});

describe('golden reports', () => {
  it.each(['beneficiaries.csv', 'fabricated-faker.csv'])('%s', async (name) => {
    const { report } = analyzeJson([`fixtures/${name}`, '--deterministic', '--as-of', '2026-01-01']);
    await expect(`${JSON.stringify(report, null, 2)}\n`).toMatchFileSnapshot(`golden/${name}.report.json`);
  });

  // Every column of genuine-shaped records permuted on its own: caught by the consistency checks (Part 3).
  it('fabricated-shuffled.csv', async () => {
    const { report } = analyzeJson(['fixtures/fabricated-shuffled.csv', '--deterministic', '--as-of', '2026-01-01']);
    await expect(`${JSON.stringify(report, null, 2)}\n`).toMatchFileSnapshot('golden/fabricated-shuffled.csv.report.json');
  });

  // 100 genuine-like people each copied four times with perturbed names and often new ids (Part 4).
  it('fabricated-padded.csv', async () => {
    const { report } = analyzeJson(['fixtures/fabricated-padded.csv', '--deterministic', '--as-of', '2026-01-01']);
    await expect(`${JSON.stringify(report, null, 2)}\n`).toMatchFileSnapshot('golden/fabricated-padded.csv.report.json');
  });

  // The six CoWin record formats, genuine-shaped and broken, and the real public sample (Part 2).
  it.each([
    'beneficiaries-2022.json',
    'beneficiaries-broken.csv',
    'appointments.json',
    'appointments-broken.json',
    'sessions-findbydistrict.json',
    'centers-broken.json',
    'public/calendarByDistrict_Bellary_2021-05-26.json',
    'certificates.json',
    'certificates-broken.json',
    'vaccinator-export.csv',
    'vaccinator-export-broken.csv',
    'telegram-bot.csv',
    'telegram-bot-broken.csv',
  ])('%s', async (name) => {
    const { report } = analyzeJson([`fixtures/${name}`, '--deterministic', '--as-of', '2026-01-01']);
    await expect(`${JSON.stringify(report, null, 2)}\n`).toMatchFileSnapshot(`golden/${name.replace('public/', '')}.report.json`);
  });
});

describe('golden markdown report', () => {
  // The ticket format (Part 6): verdict, evidence with weights, examples, mapping.
  it('fabricated-faker.csv', async () => {
    const r = runCli(['analyze', 'fixtures/fabricated-faker.csv', '--format', 'markdown', '--deterministic', '--as-of', '2026-01-01']);
    expect(r.code, r.stderr).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot('golden/fabricated-faker.csv.report.md');
  });
});
