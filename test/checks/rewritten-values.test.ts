// rewritten-values: identifiers Excel rewrote in scientific notation are reported and kept out of the other checks;
// dates Excel re-typed are read back as the days they name; labels translated into Hindi, genders coded as letters or
// as CoWin's ids are read as CoWin's words.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { createNormalizer, isScientific } from '../../src/normalize/record.js';
import { doubleEncode, excelUsCell } from '../../src/synth/samples.js';
import type { Report } from '../../src/types.js';
import { ROOT, tempFile } from '../support/cli.js';

/** A CSV's cells as Excel's General format writes numbers of 12 digits or more: 6 significant digits. */
const excel = (cell: string): string => (/^\d{12,15}$/.test(cell) ? excelUsCell(cell) : cell);

describe('rewritten-values', () => {
  it('knows scientific notation as spreadsheets write it, and nothing else', () => {
    for (const v of ['8.16486E+13', '2.34568E+11', '1E+11', '9.87654e+11', '8.1648558615904E+13']) expect(isScientific(v), v).toBe(true);
    for (const v of ['81648558615904', '8.5', '1E-5', 'E+13', '8.16486E13', '12E+11', 'XXXXXXXX4739', '1.2.3E+4']) expect(isScientific(v), v).toBe(false);
    expect(excel('81648558615904')).toBe('8.16486E+13');
    expect(excel('100000000000')).toBe('1E+11');
  });

  it('the normaliser keeps a rewritten identifier out of the fields; other fields keep such text', () => {
    const normalize = createNormalizer([
      { column: 'Ref', field: 'beneficiary_reference_id', source: 'header' },
      { column: 'Mobile', field: 'mobile_number', source: 'header' },
      { column: 'Name', field: 'name', source: 'header' },
    ]);
    const rec = normalize({ row: 1, line: 2, cells: ['8.16486E+13', '9.19877E+11', '1E+5'] });
    expect(rec.fields.beneficiary_reference_id).toBeUndefined();
    expect(rec.fields.mobile_number).toBeUndefined();
    expect(rec.fields.name).toBe('1E+5');
    expect(Object.fromEntries(rec.rewritten!)).toEqual({ beneficiary_reference_id: '8.16486E+13', mobile_number: '9.19877E+11' });
    expect(normalize({ row: 2, line: 3, cells: ['81648558615904', '9876543210', 'Asha Rao'] }).rewritten).toBeUndefined();
  });

  it('the bundled genuine sample saved from Excel: its ids reported, not judged, and the verdict unchanged', async () => {
    const text = readFileSync(join(ROOT, 'fixtures/beneficiaries.csv'), 'utf8');
    const saved = text.split('\n').map((line) => line.split(',').map(excel).join(',')).join('\n');
    expect(saved).toContain('8.16486E+13');
    const asOf = new Date(Date.UTC(2026, 0, 1));
    const check = (r: Report, id: string) => r.checks.find((c) => c.id === id)!;
    const original = await analyze(join(ROOT, 'fixtures/beneficiaries.csv'), { asOf });
    const report = await analyze(tempFile('excel.csv', saved), { asOf });
    expect(report.verdict.label).toBe(original.verdict.label);
    const s = check(report, 'rewritten-values');
    expect(s.status).toBe('warn');
    expect(s.violations).toBe(report.input.rows);
    expect(s.summary).toMatch(/identifiers a spreadsheet wrote in scientific notation, their digits rounded away: they were not judged/);
    expect(s.examples[0]).toMatchObject({ field: 'beneficiary_reference_id', line: 2 });
    // Nothing else calls the rewritten ids malformed, missing, repeated or manufactured.
    for (const id of ['record-schema', 'id-formats', 'duplicate-ids', 'manufactured-ids']) {
      expect(check(report, id).fields?.find((f) => f.field === 'beneficiary_reference_id')?.violations ?? 0, id).toBe(0);
    }
    expect(check(original, 'rewritten-values')).toMatchObject({ status: 'pass', violations: 0 });
  });

  it('the bundled genuine sample with its genders in Hindi: read as CoWin\'s, reported, the verdict unchanged', async () => {
    const text = readFileSync(join(ROOT, 'fixtures/beneficiaries.csv'), 'utf8');
    const hindi: Record<string, string> = { Male: 'पुरुष', Female: 'महिला', Others: 'अन्य' };
    const [header, ...lines] = text.trimEnd().split('\n');
    const g = header.split(',').indexOf('gender');
    const translated = [header, ...lines.map((l) => l.split(',').map((v, k) => (k === g ? hindi[v] ?? v : v)).join(','))].join('\n');
    const asOf = new Date(Date.UTC(2026, 0, 1));
    const check = (r: Report, id: string) => r.checks.find((c) => c.id === id)!;
    const original = await analyze(join(ROOT, 'fixtures/beneficiaries.csv'), { asOf });
    const report = await analyze(tempFile('hindi.csv', `${translated}\n`), { asOf });
    expect(report.verdict.label).toBe(original.verdict.label);
    for (const id of ['record-schema', 'vocabulary', 'gender-split']) expect(check(report, id).violations, id).toBe(check(original, id).violations);
    const s = check(report, 'rewritten-values');
    expect(s.violations).toBe(lines.length);
    expect(s.examples[0]).toMatchObject({ field: 'gender', message: `written in Hindi: read as CoWin's "${lines[0].split(',')[g]}"` });
    expect(s.summary).toMatch(/300 labels were translated into Hindi \((पुरुष|महिला) -> (Male|Female)\): read as CoWin's/);
    // The same file opened in Excel (as Windows-1252) and saved as CSV UTF-8: पुरुष became à¤ªà¥à¤°à¥à¤·, and is read back.
    const excel = await analyze(tempFile('hindi-excel.csv', doubleEncode(`${translated}\n`)), { asOf });
    expect(excel.input.encoding).toBe('utf-8 (double-encoded, undone)');
    expect(check(excel, 'text-encoding')).toMatchObject({ status: 'warn', violations: 1 });
    expect(check(excel, 'rewritten-values').violations).toBe(lines.length);
    expect([excel.verdict.label, excel.verdict.score]).toEqual([original.verdict.label, original.verdict.score]);
  });

  // Data tools recode gender as one letter (pandas .map, an Excel replace); CoWin's back end keeps it as an id (1, 2,
  // 3). Read as written, every record broke the schema and the vocabulary, and the genuine sample came out LIKELY
  // FABRICATED 0/100.
  const codings = [
    {
      labels: 'letters',
      code: (v: string) => (v === 'Others' ? 'T' : v.charAt(0)),
      message: (label: string) => `a label coded as a letter: read as CoWin's "${label}"`,
      summary: /300 genders were coded as letters \([MF] -> (Male|Female)\), which no CoWin format writes: read as CoWin's words/,
    },
    {
      labels: 'ids',
      code: (v: string) => ({ Male: '1', Female: '2', Others: '3' })[v] ?? v,
      message: (label: string) => `a gender written as CoWin's gender id: read as its "${label}"`,
      summary: /300 genders were written as CoWin's gender ids \([12] -> (Male|Female)\), as its registration API takes them: read as its words/,
    },
  ] as const;
  it.each(codings)('the bundled genuine sample with its genders coded as $labels: read as CoWin\'s, reported, the verdict unchanged; a few among words are judged', async ({ labels, code, message, summary }) => {
    const text = readFileSync(join(ROOT, 'fixtures/beneficiaries.csv'), 'utf8');
    const [header, ...lines] = text.trimEnd().split('\n');
    const g = header.split(',').indexOf('gender');
    const recode = (keep: (i: number) => boolean): string =>
      [header, ...lines.map((l, i) => l.split(',').map((v, k) => (k === g && !keep(i) ? code(v) : v)).join(','))].join('\n');
    const asOf = new Date(Date.UTC(2026, 0, 1));
    const check = (r: Report, id: string) => r.checks.find((c) => c.id === id)!;
    const original = await analyze(join(ROOT, 'fixtures/beneficiaries.csv'), { asOf });
    const report = await analyze(tempFile(`${labels}.csv`, `${recode(() => false)}\n`), { asOf });
    expect(report.mapping.find((m) => m.field === 'gender')).toMatchObject({ column: 'gender', labels });
    expect([report.verdict.label, report.verdict.score]).toEqual([original.verdict.label, original.verdict.score]);
    for (const id of ['record-schema', 'vocabulary', 'gender-split', 'duplicate-rows']) expect(check(report, id).violations, id).toBe(check(original, id).violations);
    const s = check(report, 'rewritten-values');
    expect(s.violations).toBe(lines.length);
    expect(s.data).toMatchObject({ letters: labels === 'letters' ? lines.length : 0, ids: labels === 'ids' ? lines.length : 0, translated: 0 });
    expect(s.examples[0]).toMatchObject({ field: 'gender', message: message(lines[0].split(',')[g]) });
    expect(s.summary).toMatch(summary);
    // Codes in a column of words are edits, judged as written.
    const edited = await analyze(tempFile(`some-${labels}.csv`, `${recode((i) => i % 10 !== 0)}\n`), { asOf });
    expect(edited.mapping.find((m) => m.field === 'gender')!.labels).toBeUndefined();
    expect(check(edited, 'vocabulary').violations).toBe(30);
    expect(check(edited, 'rewritten-values').violations).toBe(0);
  });

  // Opened in Excel with a US locale and saved as CSV: 05-06-2021 becomes 5/6/2021 (read as May 6, written m/d/yyyy),
  // 21-06-2021 stays as text. Read as written, a third of the dates were invalid and the genuine sample "fabricated".
  // A day-first locale (en-GB) writes every date 05/06/2021 (LibreOffice 05/06/21), a d-mmm-yy format 21-Jun-21, a German-style locale
  // 21.06.2021: read as written, all of them broke the convention.
  const MONTHS = 'JanFebMarAprMayJunJulAugSepOctNovDec';
  it.each([
    ['a US locale', (d: string, m: string, y: string): string => excelUsCell(`${d}-${m}-${y}`), 'D/M/YYYY', /\b\d{1,2}\/\d{1,2}\/\d{4}\b/g],
    ['a day-first locale', (d: string, m: string, y: string): string => `${d}/${m}/${y}`, 'D/M/YYYY', /\b\d{1,2}\/\d{1,2}\/\d{4}\b/g],
    // LibreOffice in an Indian locale (en-IN takes en-GB's formats): short dates DD/MM/YY.
    ['LibreOffice, an Indian locale', (d: string, m: string, y: string): string => `${d}/${m}/${y.slice(2)}`, 'D/M/YYYY', /\b\d\d\/\d\d\/\d\d\b/g],
    ['a d-mmm-yy format', (d: string, m: string, y: string): string => `${d}-${MONTHS.slice(3 * (+m - 1), 3 * +m)}-${y.slice(2)}`, 'D-Mon-YYYY', /\b\d\d-[A-Z][a-z]{2}-\d\d\b/g],
    ['a German-style locale', (d: string, m: string, y: string): string => `${d}.${m}.${y}`, 'DD.MM.YYYY', /\b\d\d\.\d\d\.\d{4}\b/g],
    // A date-time format (dd-mm-yyyy hh:mm:ss), or a database's timestamp written in CoWin's order.
    ['a date-time format', (d: string, m: string, y: string): string => `${d}-${m}-${y} 00:00:00`, 'DD-MM-YYYY hh:mm', /\b\d\d-\d\d-\d{4} 00:00:00/g],
  ] as const)('the bundled genuine sample re-saved by Excel in %s: its dates read back, reported, the findings unchanged', async (locale, excelDate, form, shown) => {
    const text = readFileSync(join(ROOT, 'fixtures/beneficiaries.csv'), 'utf8');
    const saved = text.replace(/\b(\d\d)-(\d\d)-(\d{4})\b/g, (_, d: string, m: string, y: string) => excelDate(d, m, y));
    const retyped = (saved.match(shown) ?? []).length;
    expect(retyped).toBeGreaterThan(100);
    const asOf = new Date(Date.UTC(2026, 0, 1));
    const check = (r: Report, id: string) => r.checks.find((c) => c.id === id)!;
    const original = await analyze(join(ROOT, 'fixtures/beneficiaries.csv'), { asOf });
    const report = await analyze(tempFile(`excel ${locale}.csv`, saved), { asOf });
    expect(report.mapping.filter((m) => m.dates).map((m) => [m.column, m.dates])).toEqual([
      ['dose1_date', form],
      ['dose2_date', form],
    ]);
    const s = check(report, 'rewritten-values');
    expect(s.violations).toBe(retyped);
    // A time of day is a date-time format's or a timestamp's, not a spreadsheet's re-typing.
    const [said, summary] =
      form === 'DD-MM-YYYY hh:mm' ? ['a date written with a time of day', 'dates written with a time of day, as a date-time format or a timestamp writes them'] : ['a date a spreadsheet re-typed', 'dates a spreadsheet re-typed'];
    expect(s.examples[0].message).toMatch(new RegExp(`^${said}: read as \\d\\d-\\d\\d-2021$`));
    expect(s.summary).toMatch(new RegExp(`values were ${summary} \\([^)]+ -> \\d\\d-\\d\\d-2021\\): read back as the days they name`));
    expect(s.data).toMatchObject(form === 'DD-MM-YYYY hh:mm' ? { timed: retyped, retyped: 0 } : { timed: 0, retyped });
    // Every other check finds what it found in the sample as exported.
    const others = (r: Report) => r.checks.filter((c) => c.id !== 'rewritten-values').map((c) => [c.id, c.applicable, c.violations]);
    expect(others(report)).toEqual(others(original));
    expect([report.verdict.label, report.verdict.score]).toEqual([original.verdict.label, original.verdict.score]);
  });

  it('month-first short dates, or a few DD/MM/YYYY among DD-MM-YYYY, are judged as written', async () => {
    const text = readFileSync(join(ROOT, 'fixtures/beneficiaries.csv'), 'utf8');
    const asOf = new Date(Date.UTC(2026, 0, 1));
    const check = (r: Report, id: string) => r.checks.find((c) => c.id === id)!;
    // The same dates written month first were not CoWin's re-typed.
    const monthFirst = text.replace(/\b(\d\d)-(\d\d)-(\d{4})\b/g, (_, d: string, m: string, y: string) => `${+m}/${+d}/${y}`);
    const us = await analyze(tempFile('us-dates.csv', monthFirst), { asOf });
    expect(us.mapping.some((m) => m.dates)).toBe(false);
    expect(check(us, 'rewritten-values').violations).toBe(0);
    expect(check(us, 'date-format').violations).toBeGreaterThan(100);
    // Three dates edited by hand among the others.
    let edits = 0;
    const edited = text.replace(/\b(\d\d)-(\d\d)-(\d{4})\b/g, (all, d: string, m: string, y: string) => (edits++ % 100 === 1 ? `${d}/${m}/${y}` : all));
    const hand = await analyze(tempFile('edited.csv', edited), { asOf });
    expect(hand.mapping.some((m) => m.dates)).toBe(false);
    expect([check(hand, 'rewritten-values').violations, check(hand, 'date-format').violations]).toEqual([0, Math.ceil((edits - 1) / 100)]);
  });
});
