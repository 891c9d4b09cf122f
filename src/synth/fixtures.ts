// The bundled synthetic samples in fixtures/, each from a fixed seed. `npm run fixtures` rewrites them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dayNumber } from '../dates.js';
import { paddedRows } from './padded.js';
import { formatFixtureFiles } from './format-fixtures.js';
import { people } from './people.js';
import { Random } from './random.js';
import { beneficiaryRow, fakerRow, toDelimited, toExcelUnicodeText, toWrappedJson } from './samples.js';
import { shuffledRows } from './shuffled.js';

/** Seed of fixtures/fabricated-shuffled.csv (src/synth/shuffled.ts). */
export const SHUFFLED_SEED = 20220815;

/** Every generated fixture: file name -> content. */
export function fixtureFiles(): Map<string, string | Buffer> {
  const files = new Map<string, string | Buffer>();
  const genuine = people(new Random(20210616), 300, { asOf: dayNumber(2021, 12, 31) }).map(beneficiaryRow);
  files.set('beneficiaries.csv', toDelimited(genuine));
  files.set('beneficiaries.json', toWrappedJson('beneficiaries', genuine, () => ({ appointments: [] })));
  files.set('beneficiaries-excel.tsv', toExcelUnicodeText(genuine));
  const r = new Random(20230612);
  files.set('fabricated-faker.csv', toDelimited(Array.from({ length: 300 }, (_, i) => fakerRow(r, i))));
  files.set('fabricated-padded.csv', toDelimited(paddedRows(new Random(20210501), { people: 100, factor: 5 })));
  files.set('fabricated-shuffled.csv', toDelimited(shuffledRows(SHUFFLED_SEED, 300)));
  // The six CoWin record formats, genuine-shaped and broken (src/synth/format-fixtures.ts).
  for (const [name, content] of formatFixtureFiles()) files.set(name, content);
  return files;
}

export const FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(FIXTURES_DIR, { recursive: true });
  for (const [name, content] of fixtureFiles()) {
    writeFileSync(join(FIXTURES_DIR, name), content);
    process.stdout.write(`fixtures/${name}\n`);
  }
}
