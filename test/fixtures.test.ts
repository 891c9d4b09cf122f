// The bundled samples: reproducible from the seeded generator, and read alike in every format.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR, fixtureFiles } from '../src/synth/fixtures.js';
import { analyzeJson } from './support/cli.js';

describe('fixtures', () => {
  const files = fixtureFiles();

  it.each([...files.keys()])('%s is what the seeded generator writes', (name) => {
    const committed = readFileSync(join(FIXTURES_DIR, name));
    expect(committed.equals(Buffer.from(files.get(name)!))).toBe(true);
  });

  it('the same records read alike as CSV, {"beneficiaries":[...]} JSON and UTF-16 TSV', () => {
    const reports = ['beneficiaries.csv', 'beneficiaries.json', 'beneficiaries-excel.tsv'].map((f) => analyzeJson([`fixtures/${f}`]).report);
    const [csv, json, tsv] = reports;
    expect([csv.input.format, json.input.format, tsv.input.format]).toEqual(['csv', 'json', 'tsv']);
    expect(tsv.input.encoding).toBe('utf-16le');
    for (const r of reports) {
      expect(r.input.rows).toBe(300);
      expect(r.input.rowsSkipped).toBe(0);
      expect(r.mapping.map((m) => [m.column, m.field])).toEqual(csv.mapping.map((m) => [m.column, m.field]));
      for (const c of r.checks.filter((c) => c.category === 'structure')) expect(c.violations, c.id).toBe(0);
    }
    expect(csv.mapping.every((m) => m.field === m.column && m.source === 'header')).toBe(true);
  });
});

describe('golden reports', () => {
  it.each(['beneficiaries.csv', 'fabricated-faker.csv'])('%s', async (name) => {
    const { report } = analyzeJson([`fixtures/${name}`, '--deterministic', '--as-of', '2026-01-01']);
    await expect(`${JSON.stringify(report, null, 2)}\n`).toMatchFileSnapshot(`golden/${name}.report.json`);
  });
});
