// The format fixtures: each defect the generator injected is reported at its row and field; the genuine-shaped
// samples have no findings from the format checks; the Faker sample shows its impossible numbers.
import { describe, expect, it } from 'vitest';
import { FORMAT_CHECKS } from '../../src/checks/index.js';
import { formatFixtureFiles, FORMAT_DEFECTS } from '../../src/synth/format-fixtures.js';
import { collect } from './collect.js';

formatFixtureFiles();

describe('broken format fixtures', () => {
  it.each([...FORMAT_DEFECTS.keys()])('%s: every injected defect is reported at its row and field', async (name) => {
    const { findings } = await collect(`fixtures/${name}`);
    const defects = FORMAT_DEFECTS.get(name)!;
    expect(defects.size).toBeGreaterThanOrEqual(8);
    const missed = [...defects].filter(([row, d]) => !findings.some((f) => f.row === row && f.field === d.field)).map(([row, d]) => `${row} ${d.field} (${d.kind})`);
    expect(missed).toEqual([]);
  });
});

describe('genuine-shaped format fixtures', () => {
  it.each(['beneficiaries.csv', 'beneficiaries-2022.json', 'appointments.json', 'sessions-findbydistrict.json', 'certificates.json', 'vaccinator-export.csv', 'telegram-bot.csv'])(
    '%s: no finding from the format checks',
    async (name) => {
      const { report, findings } = await collect(`fixtures/${name}`, { checks: FORMAT_CHECKS });
      expect(findings.map((f) => `${f.check} row ${f.row} ${f.field}`)).toEqual([]);
      expect(report.checks.find((c) => c.id === 'record-schema')!.applicable).toBeGreaterThan(1000);
    },
  );
});

describe('the Faker-made sample', () => {
  it('shows its failed Aadhaar checksums and impossible PINs, row by row', async () => {
    const { report, findings } = await collect('fixtures/fabricated-faker.csv');
    const aadhaar = report.checks.find((c) => c.id === 'aadhaar-checksum')!;
    const pins = report.checks.find((c) => c.id === 'pincode-exists')!;
    expect(aadhaar.applicable).toBe(300);
    expect(aadhaar.rate).toBeGreaterThan(0.85);
    expect(pins.applicable).toBe(300);
    expect(pins.rate).toBeGreaterThan(0.9);
    expect(aadhaar.examples[0]).toMatchObject({ field: 'aadhaar_number' });
    expect(aadhaar.examples[0].row).toBeGreaterThan(0);
    // Values in the report are masked.
    expect(aadhaar.examples[0].value).toMatch(/^•+\d{4}$/);
    expect(findings.filter((f) => f.check === 'aadhaar-checksum').length).toBe(aadhaar.violations);
    expect(report.verdict.flags).toContain('enriched');
    expect(report.checks.find((c) => c.id === 'masking-consistency')!.rate).toBe(1);
  });
});
