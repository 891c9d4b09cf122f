// Profile detection: which known CoWin format a sample matches, how well, and forcing one with --profile.
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze.js';
import { applyProfileColumns, detectProfile } from '../src/detect-profile.js';
import { findProfile, PROFILES } from '../src/profiles.js';
import { readSample } from '../src/ingest/index.js';
import { inferMapping, jsonColumns } from '../src/normalize/mapping.js';
import type { MappingEntry, RawRecord } from '../src/types.js';
import { analyzeJson, tempFile } from './support/cli.js';

const AS_OF = new Date('2026-01-01T00:00:00Z');
const profileOf = async (path: string, profile?: string) => (await analyze(path, { asOf: AS_OF, deterministic: true, profile })).profile;

describe('profile detection on the bundled samples', () => {
  it.each([
    ['fixtures/beneficiaries.csv', 'cowin-beneficiary'],
    ['fixtures/beneficiaries.json', 'cowin-beneficiary'],
    ['fixtures/beneficiaries-2022.json', 'cowin-beneficiary'],
    ['fixtures/appointments.json', 'cowin-appointment'],
    ['fixtures/sessions-findbydistrict.json', 'cowin-public-sessions'],
    ['fixtures/public/calendarByDistrict_Bellary_2021-05-26.json', 'cowin-public-sessions'],
    ['fixtures/certificates.json', 'divoc-certificate'],
    ['fixtures/vaccinator-export.csv', 'cowin-vaccinator-export'],
    ['fixtures/telegram-bot.csv', 'telegram-bot-2023'],
  ])('%s is %s, with a confident fit', async (path, id) => {
    const p = await profileOf(path);
    expect(p?.id).toBe(id);
    expect(p!.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it.each([
    ['fixtures/beneficiaries-broken.csv', 'cowin-beneficiary'],
    ['fixtures/appointments-broken.json', 'cowin-appointment'],
    ['fixtures/centers-broken.json', 'cowin-public-sessions'],
    ['fixtures/certificates-broken.json', 'divoc-certificate'],
    ['fixtures/vaccinator-export-broken.csv', 'cowin-vaccinator-export'],
    ['fixtures/telegram-bot-broken.csv', 'telegram-bot-2023'],
  ])('broken %s is still recognised as %s', async (path, id) => {
    expect((await profileOf(path))?.id).toBe(id);
  });

  it('the Faker sample, named with the API keys but holding full numbers, is closest to the beneficiary format, with a poorer fit', async () => {
    const p = await profileOf('fixtures/fabricated-faker.csv');
    expect(p?.id).toBe('cowin-beneficiary');
    expect(p!.confidence).toBeLessThan(0.8);
  });
});

describe('the value fit is measured only where it can change the choice', () => {
  // Every profile forced (its values then measured) against the detection that measures only the contenders:
  // the same profile wins, at the same confidence, ties going to the earlier profile.
  it.each(['beneficiaries.csv', 'fabricated-shuffled.csv', 'fabricated-faker.csv', 'certificates.json', 'centers-broken.json', 'telegram-bot.csv'])('%s', async (name) => {
    const sample = await readSample(`fixtures/${name}`, () => {}, {});
    const window: RawRecord[] = [];
    for await (const b of sample.batches) {
      window.push(...b);
      if (window.length >= 500) break;
    }
    const mapping = inferMapping(sample.columns().length ? sample.columns() : jsonColumns(window), window, new Map());
    const forced = PROFILES.map((p) => detectProfile(mapping, window, { force: p.id }).scores.find((s) => s.id === p.id)!);
    for (const s of forced) expect(s.values).not.toBeNull();
    const best = Math.max(...forced.map((s) => s.confidence));
    const d = detectProfile(mapping, window);
    expect(d.profile).toEqual({ id: forced.find((s) => s.confidence === best)!.id, confidence: best });
    expect(d.scores.filter((s) => s.values !== null).length).toBeLessThan(PROFILES.length);
  });
});

describe('not-cowin', () => {
  it('a sample that fits no format has no profile and is labelled not-cowin', () => {
    const { report } = analyzeJson([tempFile('x.csv', 'a,b,c\n1,2,3\n4,5,6\n'), '--deterministic']);
    expect(report.profile).toBeNull();
    expect(report.verdict.label).toBe('not-cowin');
    const contacts = analyzeJson([tempFile('c.csv', 'email,address\na@example.com,1 Main St\nb@example.com,2 Main St\n')]).report;
    expect(contacts.profile).toBeNull();
    expect(contacts.verdict.label).toBe('not-cowin');
  });

  it('needs two CoWin fields whatever the scores', () => {
    const mapping: MappingEntry[] = [{ column: 'fee_type', field: 'fee_type', source: 'header' }];
    const window: RawRecord[] = [{ row: 1, line: 2, cells: ['Free'] }];
    expect(detectProfile(mapping, window).profile).toBeNull();
  });
});

describe('the public-data flag', () => {
  it('public centre data gets public-data; the same shape with a personal field does not', () => {
    const bellary = analyzeJson(['fixtures/public/calendarByDistrict_Bellary_2021-05-26.json', '--deterministic', '--as-of', '2026-01-01']).report;
    expect(bellary.verdict.flags).toContain('public-data');
    const withMobile = tempFile('s.json', JSON.stringify({ sessions: [
      { center_id: 564712, name: 'Morigere PHC', state_name: 'Karnataka', district_name: 'Bellary', block_name: 'Hagaribommanahalli', pincode: 583220, fee_type: 'Free', session_id: '6d4478fc-195a-47a0-b7d9-afc6eda86c9b', date: '26-05-2021', available_capacity: 0, min_age_limit: 45, vaccine: 'COVISHIELD', mobile_number: '9876501234' },
      { center_id: 562695, name: 'Huvina Hadagali GH', state_name: 'Karnataka', district_name: 'Bellary', block_name: 'Hoovina Hadagalli', pincode: 583219, fee_type: 'Free', session_id: '2c80ecd6-b21a-47f9-b9b2-1040341c125e', date: '26-05-2021', available_capacity: 42, min_age_limit: 45, vaccine: 'COVISHIELD', mobile_number: '9876501235' },
    ] }));
    const r = analyzeJson([withMobile]).report;
    expect(r.profile?.id).toBe('cowin-public-sessions');
    expect(r.verdict.flags).not.toContain('public-data');
  });
});

describe("a format's own meaning of generic keys", () => {
  it("in a centre record, name and address are the centre's; --map and taken fields are respected", () => {
    const def = findProfile('cowin-public-sessions');
    const m: MappingEntry[] = [
      { column: 'name', field: 'name', source: 'header' },
      { column: 'address', field: 'address', source: 'header' },
      { column: 'lat', field: 'latitude', source: 'option' },
      { column: 'date', field: 'dose1_date', source: 'values' },
    ];
    expect(applyProfileColumns(m, def).map((e) => [e.field, e.source])).toEqual([
      ['center_name', 'header'],
      ['center_address', 'header'],
      ['latitude', 'option'],
      ['session_date', 'header'],
    ]);
    const taken = applyProfileColumns([...m.slice(0, 1), { column: 'centre', field: 'center_name', source: 'header' }], def);
    expect(taken[0].field).toBe('name');
    // The input is not modified.
    expect(m[0].field).toBe('name');
  });

  it('dates written ISO 8601 throughout are read back only for a format that writes DD-MM-YYYY', () => {
    const m: MappingEntry[] = [
      { column: 'dose1_date', field: 'dose1_date', source: 'header', dates: 'YYYY-MM-DD' },
      { column: 'dose2_date', field: 'dose2_date', source: 'header', dates: 'D/M/YYYY' },
    ];
    const dates = (def: Parameters<typeof applyProfileColumns>[1]): unknown => applyProfileColumns(m, def).map((e) => e.dates ?? null);
    expect(findProfile('cowin-beneficiary')!.dates).toBe('dmy');
    expect(dates(findProfile('cowin-beneficiary'))).toEqual(['YYYY-MM-DD', 'D/M/YYYY']);
    expect(findProfile('divoc-certificate')!.dates).toBe('iso');
    expect(dates(findProfile('divoc-certificate'))).toEqual([null, 'D/M/YYYY']);
    expect(dates(undefined)).toEqual([null, 'D/M/YYYY']);
  });
});

describe('--profile forces the format, and checks see it', () => {
  it('the forced profile is reported with its measured fit and the schema check validates against it', async () => {
    const forced = await analyze('fixtures/beneficiaries.csv', { asOf: AS_OF, deterministic: true, profile: 'cowin-vaccinator-export' });
    expect(forced.profile?.id).toBe('cowin-vaccinator-export');
    expect(forced.profile!.confidence).toBeLessThan(0.9);
    const schema = forced.checks.find((c) => c.id === 'record-schema')!;
    // The vaccinator format holds full mobile numbers: the beneficiary API's last-4 form breaks it on every row.
    expect(schema.fields?.find((f) => f.field === 'mobile_number')).toMatchObject({ applicable: 300, violations: 300 });
  });

  it('through the CLI', () => {
    const { report } = analyzeJson(['fixtures/telegram-bot.csv', '--profile', 'cowin-beneficiary', '--deterministic']);
    expect(report.profile?.id).toBe('cowin-beneficiary');
    expect(report.checks.find((c) => c.id === 'masking-consistency')!.violations).toBeGreaterThan(0);
  });

  it('every profile has a title and a source', () => {
    for (const p of PROFILES) {
      expect(p.title.length).toBeGreaterThan(10);
      expect(p.source).toMatch(/cowin-formats\.md|indian-id-formats\.md/);
    }
  });
});
