// PIN codes: whether one exists, which CoWin state it lies in, and the state(s) its prefix belongs to.

import table from '../data/pincodes.json' with { type: 'json' };
import { canonicalStates } from './geo.js';

interface PinTable {
  meta: { mergedStates: string[][] } & Record<string, unknown>;
  states: string[];
  pins: Record<string, Array<[number | number[], string]>>;
}

const DATA = table as unknown as PinTable;

/** Provenance, licence, attribution and the fixes applied (see src/dev/build-pincodes.ts). */
export const PINCODE_META: Readonly<Record<string, unknown>> = DATA.meta;

const NO_STATES: readonly string[] = Object.freeze([]);
const MULTI = 255;

// One byte per possible PIN (100000–999999): 0 = not in the directory, 1–254 = 1 + index into DATA.states,
// 255 = filed under several states (see MULTI_STATES). 900 KB, built once, for O(1) lookups per row.
const STATE_OF = new Uint8Array(900_000);
const MULTI_STATES = new Map<number, readonly string[]>();
for (const [prefix, groups] of Object.entries(DATA.pins)) {
  const base = +prefix * 1000 - 100_000;
  for (const [spec, suffixes] of groups) {
    const names = typeof spec === 'number' ? undefined : Object.freeze(spec.map((i) => DATA.states[i]));
    for (let i = 0; i < suffixes.length; i += 3) {
      const pin = base + +suffixes.slice(i, i + 3);
      if (names === undefined) STATE_OF[pin] = (spec as number) + 1;
      else {
        STATE_OF[pin] = MULTI;
        MULTI_STATES.set(pin + 100_000, names);
      }
    }
  }
}
const SINGLE_STATES: ReadonlyArray<readonly string[]> = DATA.states.map((s) => Object.freeze([s]));

/**
 * A PIN as a number, or -1 when the value is not 6 digits with a non-zero first digit (`"110001"`, `"110 001"`,
 * `110001`; indian-id-formats.md §2.13 [S49, S50]).
 */
export function normalizePin(pin: string | number): number {
  if (typeof pin === 'number') return Number.isInteger(pin) && pin >= 100_000 && pin <= 999_999 ? pin : -1;
  let n = 0;
  let digits = 0;
  for (let i = 0; i < pin.length; i++) {
    const c = pin.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (digits === 0 && c === 48) return -1;
      n = n * 10 + (c - 48);
      if (++digits > 6) return -1;
    } else if (c === 32 || c === 9 || c === 0xa0) {
      // Spaces only at the ends or in the `110 001` gap.
      if (digits !== 0 && digits !== 3 && digits !== 6) return -1;
    } else {
      return -1;
    }
  }
  return digits === 6 ? n : -1;
}

/** True for a PIN in the India Post directory (19,159 PINs). Genuine data should be above 98 %, random ≈ 2 % (indian-id-formats.md §2.13 [T]). */
export function pinExists(pin: string | number): boolean {
  const n = normalizePin(pin);
  return n > 0 && STATE_OF[n - 100_000] !== 0;
}

/**
 * The CoWin state(s) a directory PIN lies in; two for the 31 PINs filed under two states (e.g. 160003
 * Chandigarh/Punjab), empty for an unknown PIN.
 */
export function statesOfPin(pin: string | number): readonly string[] {
  const n = normalizePin(pin);
  if (n < 0) return NO_STATES;
  const code = STATE_OF[n - 100_000];
  if (code === 0) return NO_STATES;
  return code === MULTI ? MULTI_STATES.get(n)! : SINGLE_STATES[code - 1];
}

/**
 * The CoWin state a directory PIN lies in, spelt as CoWin spells it (Leh and Kargil → Ladakh); for a PIN filed
 * under two states, the one with more post offices. Undefined for an unknown PIN.
 */
export function stateOfPin(pin: string | number): string | undefined {
  const states = statesOfPin(pin);
  return states.length > 0 ? states[0] : undefined;
}

/** What the first digits of a PIN say about where it is. */
export interface PinPrefixInfo {
  /** The postal circle / region as the reference names it. */
  readonly region: string;
  /** CoWin states the prefix can belong to; empty for the Army Postal Service. */
  readonly states: readonly string[];
}

const APS: PinPrefixInfo = Object.freeze({ region: 'Army Postal Service', states: NO_STATES });

// Postal circles by 2-digit prefix, then 3-digit exceptions (later rows override earlier ones), from
// indian-id-formats.md §2.13 [S49] and its directory-derived list of the 18 prefixes that span states [T].
// [first 3-digit prefix, last 3-digit prefix, region, states]
const PREFIX_ROWS: ReadonlyArray<[number, number, string, string[]]> = [
  [110, 119, 'Delhi', ['Delhi']],
  [120, 139, 'Haryana', ['Haryana']],
  [140, 159, 'Punjab', ['Punjab']],
  [140, 140, 'Punjab', ['Punjab', 'Chandigarh']],
  [160, 169, 'Chandigarh', ['Chandigarh', 'Punjab']],
  [170, 179, 'Himachal Pradesh', ['Himachal Pradesh']],
  [180, 199, 'Jammu & Kashmir', ['Jammu and Kashmir']],
  [194, 194, 'Ladakh', ['Ladakh']],
  [200, 289, 'Uttar Pradesh', ['Uttar Pradesh']],
  [240, 249, 'Uttar Pradesh / Uttarakhand', ['Uttar Pradesh', 'Uttarakhand']],
  [260, 269, 'Uttar Pradesh / Uttarakhand', ['Uttar Pradesh', 'Uttarakhand']],
  [300, 349, 'Rajasthan', ['Rajasthan']],
  [360, 399, 'Gujarat', ['Gujarat']],
  [362, 362, 'Gujarat / Daman and Diu', ['Gujarat', 'Daman and Diu', 'Dadra and Nagar Haveli']],
  [396, 396, 'Gujarat / Dadra and Nagar Haveli and Daman and Diu', ['Gujarat', 'Dadra and Nagar Haveli', 'Daman and Diu']],
  [400, 449, 'Maharashtra', ['Maharashtra']],
  [403, 403, 'Goa', ['Goa']],
  [450, 489, 'Madhya Pradesh', ['Madhya Pradesh']],
  [490, 499, 'Chhattisgarh', ['Chhattisgarh']],
  [500, 509, 'Telangana', ['Telangana']],
  [507, 507, 'Telangana / Andhra Pradesh', ['Telangana', 'Andhra Pradesh']],
  [510, 539, 'Andhra Pradesh', ['Andhra Pradesh']],
  [533, 533, 'Andhra Pradesh / Puducherry (Yanam)', ['Andhra Pradesh', 'Puducherry']],
  [560, 599, 'Karnataka', ['Karnataka']],
  [600, 649, 'Tamil Nadu', ['Tamil Nadu']],
  [605, 605, 'Tamil Nadu / Puducherry', ['Tamil Nadu', 'Puducherry']],
  [607, 607, 'Tamil Nadu / Puducherry', ['Tamil Nadu', 'Puducherry']],
  [609, 609, 'Tamil Nadu / Puducherry (Karaikal)', ['Tamil Nadu', 'Puducherry']],
  [670, 699, 'Kerala', ['Kerala']],
  [673, 673, 'Kerala / Puducherry (Mahe)', ['Kerala', 'Puducherry']],
  [682, 682, 'Kerala / Lakshadweep', ['Kerala', 'Lakshadweep']],
  [700, 749, 'West Bengal', ['West Bengal']],
  [737, 737, 'Sikkim', ['Sikkim']],
  [744, 744, 'Andaman and Nicobar Islands', ['Andaman and Nicobar Islands']],
  [750, 779, 'Odisha', ['Odisha']],
  [780, 789, 'Assam', ['Assam']],
  [783, 783, 'Assam / Meghalaya', ['Assam', 'Meghalaya']],
  [790, 792, 'Arunachal Pradesh', ['Arunachal Pradesh']],
  [793, 794, 'Meghalaya', ['Meghalaya']],
  [795, 795, 'Manipur', ['Manipur']],
  [796, 796, 'Mizoram', ['Mizoram']],
  [797, 798, 'Nagaland', ['Nagaland']],
  [799, 799, 'Tripura', ['Tripura']],
  [800, 859, 'Bihar', ['Bihar']],
  [810, 839, 'Bihar / Jharkhand', ['Jharkhand', 'Bihar']],
];

const PREFIX_INFO: Array<PinPrefixInfo | undefined> = (() => {
  const info = new Array<PinPrefixInfo | undefined>(1000).fill(undefined);
  for (const [from, to, region, states] of PREFIX_ROWS) {
    const entry = Object.freeze({ region, states: Object.freeze(states) });
    for (let p = from; p <= to; p++) info[p] = entry;
  }
  for (let p = 900; p <= 999; p++) info[p] = APS;
  return info;
})();

/**
 * The region and CoWin state(s) a PIN's prefix belongs to, from the postal-circle table, whether or not the PIN
 * itself exists; undefined for prefixes no civilian PIN uses (10, 29, 35, 54, 55, 65, 66, 86–89; indian-id-formats.md
 * §2.13 [T]). 9xxxxx is the Army Postal Service, with no state.
 */
export function pinPrefixState(pin: string | number): PinPrefixInfo | undefined {
  const n = normalizePin(pin);
  return n < 0 ? undefined : PREFIX_INFO[(n / 1000) | 0];
}

const MERGED: ReadonlyMap<string, readonly string[]> = (() => {
  const m = new Map<string, readonly string[]>();
  for (const group of DATA.meta.mergedStates) for (const s of group) m.set(s, Object.freeze(group));
  return m;
})();

/**
 * Whether a PIN lies in the state a record gives (any spelling {@link canonicalStates} resolves): `true`/`false`
 * from the directory when the PIN exists, else from its prefix; undefined when neither the PIN's prefix nor the
 * state is known, or for APS PINs. Dadra and Nagar Haveli and Daman and Diu count as one territory (merged 2020).
 */
export function pinMatchesState(pin: string | number, state: string): boolean | undefined {
  const wanted = canonicalStates(state);
  if (wanted.length === 0) return undefined;
  let states = statesOfPin(pin);
  if (states.length === 0) {
    const info = pinPrefixState(pin);
    if (info === undefined || info.states.length === 0) return undefined;
    states = info.states;
  }
  for (const w of wanted) {
    const group = MERGED.get(w);
    for (const s of states) if (s === w || (group !== undefined && group.includes(s))) return true;
  }
  return false;
}
