// Builds src/data/mobile-ranges.json: how libphonenumber's `max` metadata types each 5-digit prefix of an Indian
// 6-9 series number (from the repo root: `npm run build && node dist/dev/build-mobile-ranges.js [out]`). The
// `libphonenumber-js` devDependency is the source; at run time the table answers (a lookup, where the library
// took ~14 µs a call and ~70 ms to load its metadata), and test/validators/mobile.test.ts compares every prefix
// with the installed library.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { PREFIXES, RANGE_CODES, RANGES, type MobileRange } from '../validators/mobile.js';

/** The type libphonenumber-js (`max` metadata) gives a 10-digit Indian national number. */
export function libphonenumberRange(national: string): MobileRange {
  const type = parsePhoneNumberFromString(national, 'IN')?.getType();
  if (type === 'MOBILE') return 'mobile';
  if (type === 'FIXED_LINE_OR_MOBILE') return 'fixed-line-or-mobile';
  if (type === 'FIXED_LINE') return 'fixed-line';
  return 'unknown';
}

/** Each prefix's range, as the letters of RANGE_CODES, run-length encoded: `1200m35f...`. */
export function buildTable(): string {
  let out = '';
  let run = 0;
  let last = '';
  for (let i = 0; i < PREFIXES; i++) {
    const prefix = String(60_000 + i);
    const range = libphonenumberRange(`${prefix}00000`);
    // The table's premise: the last five digits never change the type. Checked on ten spread suffixes per prefix.
    for (let s = 1; s < 10; s++) {
      const other = libphonenumberRange(`${prefix}${String(s * 11_111 + i * 7).slice(-5).padStart(5, '0')}`);
      if (other !== range) throw new Error(`prefix ${prefix}: ${range} and ${other} for different last digits`);
    }
    const code = RANGE_CODES[RANGES.indexOf(range)];
    if (code === last) run++;
    else {
      if (run) out += `${run}${last}`;
      last = code;
      run = 1;
    }
  }
  return `${out}${run}${last}`;
}

function main(): void {
  const out = process.argv[2] ?? 'src/data/mobile-ranges.json';
  const pkgPath = createRequire(import.meta.url).resolve('libphonenumber-js/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { version: string };
  const table = {
    source: `libphonenumber-js ${pkg.version}, "max" metadata (Google libphonenumber's PhoneNumberMetadata.xml, from DoT number allocations): the type of each 5-digit prefix 60000-99999 of a 10-digit Indian number.`,
    licence: 'Facts (which prefixes are allocated to which number type) derived from libphonenumber-js (MIT) and its source, Google libphonenumber (Apache License 2.0).',
    codes: Object.fromEntries(RANGES.map((r, i) => [RANGE_CODES[i], r])),
    generator: 'src/dev/build-mobile-ranges.ts (node dist/dev/build-mobile-ranges.js)',
    ranges: buildTable(),
  };
  writeFileSync(out, `${JSON.stringify(table, null, 1)}\n`);
  process.stdout.write(`${out}: ${PREFIXES} prefixes, ${table.ranges.length} characters\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
