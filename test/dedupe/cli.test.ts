// End to end on the built binary: the padded fixture's inflation, fingerprints, compare and --against.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/dates.js';
import { fullRow } from '../../src/synth/padded.js';
import { people } from '../../src/synth/people.js';
import { Random } from '../../src/synth/random.js';
import { toDelimited, toWrappedJson, type Row } from '../../src/synth/samples.js';
import type { Comparison } from '../../src/dedupe/compare.js';
import { foldName } from '../../src/dedupe/names.js';
import { analyzeJson, runCli, tempFile } from '../support/cli.js';

const KEY = { LEAKCHECK_KEY: 'correct horse battery staple' };

// A sample, and the same sample with renamed columns, reordered rows, ISO dates, as JSON.
const base: Row[] = people(new Random(314), 250, { asOf: dayNumber(2022, 6, 30) }).map(fullRow);
const RENAME: Record<string, string> = {
  beneficiary_reference_id: 'Ref ID', name: 'Beneficiary Name', birth_year: 'Year of Birth', gender: 'Sex', mobile_number: 'Mobile No',
  aadhaar_number: 'Aadhar No', district_name: 'District', state_name: 'State', vaccine: 'Vaccine Name', dose1_date: 'First Dose Date',
  dose2_date: 'Second Dose Date',
};
const iso = (dmy: string): string => (dmy ? `${dmy.slice(6)}-${dmy.slice(3, 5)}-${dmy.slice(0, 2)}` : '');
const renamed: Row[] = new Random(2).shuffle(
  base.map((row) => [...row].reverse().map(([k, v]) => [RENAME[k], k.endsWith('_date') ? iso(v) : v] as [string, string])),
);
// Distinct people (folded name + birth year + gender): the synthetic name pools hold a namesake or two.
const PEOPLE = new Set(base.map((row) => { const m = new Map(row); return `${foldName(m.get('name')!)}|${m.get('birth_year')}|${m.get('gender')}`; })).size;
const original = tempFile('leak-2021.csv', toDelimited(base));
const recycled = tempFile('new-leak.json', toWrappedJson('beneficiaries', renamed));
const unrelated = tempFile('other.csv', toDelimited(people(new Random(2718), 250, { asOf: dayNumber(2022, 6, 30) }).map(fullRow)));

function check(report: { checks: { id: string }[] }, id: string) {
  return report.checks.find((c) => c.id === id) as unknown as { violations: number; applicable: number; summary: string; flags?: string[]; data?: Record<string, number> };
}

describe('duplicates end to end', () => {
  it('flags the padded fixture inflated, estimating its 100 people within 10%', () => {
    const { report } = analyzeJson(['fixtures/fabricated-padded.csv']);
    expect(report.verdict.flags).toContain('inflated');
    const d = check(report, 'duplicate-rows');
    expect(d.data!.rows).toBe(500);
    expect(Math.abs(d.data!.estimatedDistinct - 100)).toBeLessThanOrEqual(10);
    expect(d.data!.inflationFactor).toBeGreaterThan(4.5);
    expect(d.summary).toMatch(/500 rows hold about \d+ distinct people/);
    expect(check(report, 'duplicate-ids').violations).toBeGreaterThan(100);
  });

  it('does not flag the genuine fixture, whose families share a mobile and a surname', () => {
    const { report } = analyzeJson(['fixtures/beneficiaries.csv']);
    expect(report.verdict.flags).not.toContain('inflated');
    expect(check(report, 'duplicate-rows').violations).toBe(0);
    expect(check(report, 'duplicate-ids').violations).toBe(0);
    expect(check(report, 'manufactured-ids').violations).toBe(0);
  });

  it('writes a fingerprint only with a key, and it holds no raw identifier, name or mobile', () => {
    const out = tempFile('fp.json', '');
    const none = runCli(['fingerprint', 'fixtures/fabricated-padded.csv', '-o', out], { env: { LEAKCHECK_KEY: '' } });
    expect(none.code).toBe(2);
    expect(none.stderr.trim().split('\n')).toHaveLength(1);
    expect(none.stderr).toMatch(/needs a key/);
    const r = runCli(['fingerprint', 'fixtures/fabricated-padded.csv', '-o', out, '--key', 'k1']);
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 'leakcheck-fingerprint', version: 1, rows: 500 });
    const csv = readFileSync('fixtures/fabricated-padded.csv', 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    for (const cells of csv) {
      for (const v of [cells[0], cells[1], cells[4], cells[5]]) expect(text.includes(v), v).toBe(false); // ref id, name, mobile, Aadhaar
    }
    const self = runCli(['fingerprint', out, '-o', out, '--key', 'k1']);
    expect(self.code).toBe(2);
  });

  it('fingerprint --table reads that table of an SQL dump', () => {
    const dump = tempFile(
      'd.sql',
      "INSERT INTO states VALUES (1,'Bihar');\nINSERT INTO people (ref,name,mobile) VALUES ('81648558615904','Sanjay Mahato','9876543210'),('81648558615905','Asha Devi','9876543211');\n",
    );
    const rows = (args: string[]): number => JSON.parse(runCli(['fingerprint', dump, '--key', 'k1', ...args]).stdout).rows;
    expect(rows(['--table', 'people'])).toBe(2);
    expect(rows([])).toBe(1);
  });

  it('compare finds a renamed, reordered JSON copy recycled, from the sample or its fingerprint', () => {
    const both = runCli(['compare', original, recycled, '--format', 'json']);
    expect(both.code).toBe(0);
    const c = JSON.parse(both.stdout) as Comparison;
    expect(c.recycled).toBe(true);
    expect(PEOPLE).toBeGreaterThan(240);
    expect(c.overlap.people).toMatchObject({ a: PEOPLE, b: PEOPLE, shared: PEOPLE });
    expect(c.overlap.records.shared).toBe(250);
    expect(c.overlap.ids.shared).toBe(c.overlap.ids.a);

    const fp = tempFile('leak-2021.fp.json', '');
    expect(runCli(['fingerprint', original, '-o', fp], { env: KEY }).code).toBe(0);
    const viaFp = runCli(['compare', recycled, fp], { env: KEY });
    expect(viaFp.code).toBe(0);
    expect(viaFp.stdout).toMatch(new RegExp(`people\\s+${PEOPLE}\\s+${PEOPLE}\\s+${PEOPLE}\\s+100%\\s+100%`));
    expect(viaFp.stdout).toMatch(/RECYCLED/);
    expect(runCli(['compare', recycled, fp], { env: { LEAKCHECK_KEY: 'wrong' } }).stderr).toMatch(/different key/);
    expect(runCli(['compare', recycled, fp], { env: { LEAKCHECK_KEY: '' } }).code).toBe(2);

    const other = JSON.parse(runCli(['compare', original, unrelated, '-f', 'json']).stdout) as Comparison;
    expect(other.recycled).toBe(false);
    expect(other.overlap.records.shared).toBe(0);
  });

  it('--table picks the people of a dump for compare and --against; a side that is not a dump ignores it', () => {
    const keys = base[0].map(([k]) => k);
    const sql = (v: string): string => `'${v.replace(/'/g, "''")}'`;
    const dump = tempFile(
      'old-leak.sql',
      "INSERT INTO states (id, name) VALUES (1,'Bihar'),(2,'Kerala');\n" +
        `INSERT INTO people (${keys.join(', ')}) VALUES\n${base.map((row) => `(${row.map(([, v]) => sql(v)).join(',')})`).join(',\n')};\n`,
    );
    const compare = (args: string[]): Comparison => JSON.parse(runCli(['compare', dump, original, '-f', 'json', ...args]).stdout) as Comparison;
    expect(compare([]).overlap.records.shared).toBe(0);
    const chosen = compare(['--table', 'people']);
    expect(chosen.recycled).toBe(true);
    expect(chosen.overlap.records).toMatchObject({ a: 250, shared: 250 });
    const { report } = analyzeJson([dump, '--table', 'people', '--against', tempFile('copy.sql', readFileSync(dump))]);
    expect(report.verdict.flags).toContain('recycled');
    expect(check(report, 'overlap-known').violations).toBe(250);
    expect(runCli(['compare', dump, original, '--table', 'peple']).stderr).toMatch(/--table peple: no such table has rows in the dump \(tables with rows: states, people\)/);
  });

  it('analyze --against adds overlap-known and the recycled flag', () => {
    const fp = tempFile('known.fp.json', '');
    expect(runCli(['fingerprint', original, '-o', fp, '-q'], { env: KEY }).code).toBe(0);
    for (const ref of [original, fp]) {
      const r = runCli(['analyze', recycled, '--against', ref, '--format', 'json', '--fail-on', 'recycled'], { env: KEY });
      expect(r.code).toBe(1);
      const report = JSON.parse(r.stdout);
      expect(report.verdict.flags).toContain('recycled');
      const o = check(report, 'overlap-known');
      expect(o.violations).toBe(250);
      expect(o.data).toMatchObject({ rowsKnown: 250, sharedPeople: PEOPLE, sharedRecords: 250 });
    }
    const { report } = analyzeJson([unrelated, '--against', original]);
    expect(report.verdict.flags).not.toContain('recycled');
    expect(check(report, 'overlap-known').violations).toBe(0);
    const plain = analyzeJson([unrelated]).report;
    expect((plain.checks.find((c) => c.id === 'overlap-known') ?? { status: 'skip' }).status).toBe('skip');
    const noKey = runCli(['analyze', recycled, '--against', fp], { env: { LEAKCHECK_KEY: '' } });
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toMatch(/is a fingerprint: give the key/);
  });
});

describe('compare with hostile file names', () => {
  it('escapes control characters in the paths it prints, in the terminal and in JSON', () => {
    const a = tempFile('a\u001b[31mred\u0007.csv', toDelimited(base.slice(0, 40)));
    const b = tempFile('b.csv', toDelimited(base.slice(0, 40)));
    for (const format of ['terminal', 'json']) {
      const r = runCli(['compare', a, b, '--format', format]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
      const shown = format === 'json' ? (JSON.parse(r.stdout) as Comparison).a.path : r.stdout;
      expect(shown).toContain('\\x1b[31mred\\x07.csv');
    }
  });
});
