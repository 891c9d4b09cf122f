// Which known CoWin record format a sample matches best, and how well: decided once, on the mapping and the
// first records (the mapping window), before the checks are created.
//
// For each profile (src/profiles.ts) the sample is scored on four things, all in [0, 1]:
//   recall     the profile's core fields the sample maps, weighted by how characteristic each is (a format-only
//              marker key present, such as a centre's `sessions` or the beneficiary API's 2022 additions, adds 2);
//   precision  how much of what the sample maps belongs to the profile, each field weighted by how
//              characteristic it is of any format (a beneficiary reference id says more than a name);
//   keys       the share of mapped columns named exactly as the format names them (a CSV whose headers are the
//              API's JSON keys claims to be that API's output); for a format without key names of its own (the
//              Telegram bot printed labels), the share of mapped columns not named as any format's keys;
//   values     the share of the window's values that pass the profile's JSON Schema (src/formats/).
// confidence = F1(recall, precision) x (0.75 + 0.25 keys) x (0.4 + 0.6 values); values are measured only for
// profiles that could still come first (see detectProfile). The best profile is reported
// unless its confidence is below NOT_COWIN_BELOW or fewer than MIN_COWIN_FIELDS CoWin fields map: then the
// sample fits no known format (`not-cowin`).
import { FIELD_BY_ID, foldHeader } from './fields.js';
import { formatValidator } from './formats/index.js';
import { createNormalizer } from './normalize/record.js';
import { findProfile, PROFILES, type ProfileDef } from './profiles.js';
import type { MappingEntry, Profile, RawRecord } from './types.js';

/** Below this confidence no profile fits: the sample is not CoWin-shaped. */
export const NOT_COWIN_BELOW = 0.3;
/** Fewer mapped CoWin fields than this: not CoWin-shaped, whatever the scores. */
export const MIN_COWIN_FIELDS = 2;
/** Weight a marker key adds to recall. */
const MARKER_WEIGHT = 2;

export interface ProfileScore {
  id: string;
  /** The confidence; when `values` is null, the most it could be (values all passing). */
  confidence: number;
  recall: number;
  precision: number;
  keys: number;
  /** Null when not measured: the profile could not beat a better one even with every value passing. */
  values: number | null;
}

export interface Detection {
  /** The profile reported (`{id, confidence}`), or null when none fits. */
  profile: Profile | null;
  def: ProfileDef | undefined;
  /** The mapping as the chosen profile reads it (its own meaning of generic keys applied). */
  mapping: MappingEntry[];
  /** Every profile's score, best first. */
  scores: ProfileScore[];
}

/** How characteristic a field is of any format: its highest core weight in any profile (1 when in none). */
const FIELD_WEIGHT: ReadonlyMap<string, number> = (() => {
  const w = new Map<string, number>();
  for (const p of PROFILES) {
    for (const [slot, weight] of p.core) {
      for (const f of typeof slot === 'string' ? [slot] : slot) w.set(f, Math.max(w.get(f) ?? 1, weight));
    }
  }
  return w;
})();

interface Prepared {
  def: ProfileDef;
  /** Fields the profile knows (core, optional, carried). */
  known: ReadonlySet<string>;
  coreTotal: number;
  apiKeys: ReadonlySet<string>;
}

const PREPARED: readonly Prepared[] = PROFILES.map((def) => {
  const known = new Set<string>([...def.optional, ...def.carries]);
  let coreTotal = 0;
  for (const [slot, weight] of def.core) {
    coreTotal += weight;
    for (const f of typeof slot === 'string' ? [slot] : slot) known.add(f);
  }
  const apiKeys = new Set<string>();
  if (def.apiKeys === 'canonical') {
    for (const f of known) apiKeys.add(f);
    for (const k of Object.keys(def.columns)) apiKeys.add(k);
  } else for (const k of def.apiKeys) apiKeys.add(k);
  return { def, known, coreTotal, apiKeys };
});

/** Every format's own key names. */
const ALL_API_KEYS: ReadonlySet<string> = new Set(PREPARED.flatMap((p) => [...p.apiKeys]));

/**
 * The mapping as a profile reads it: columns the profile names in its column table (`name` in a centre record is
 * the centre's name) take the profile's field, unless set by --map or the field is already another column's.
 * Dates written ISO 8601 throughout are read back as re-written only for a format that writes DD-MM-YYYY.
 */
export function applyProfileColumns(mapping: readonly MappingEntry[], def: ProfileDef | undefined): MappingEntry[] {
  const out = mapping.map((m) => ({ ...m }));
  if (def?.dates !== 'dmy') for (const m of out) if (m.dates === 'YYYY-MM-DD') delete m.dates;
  if (!def) return out;
  for (const m of out) {
    if (m.source === 'option') continue;
    const key = foldHeader(m.column);
    if (!Object.hasOwn(def.columns, key)) continue;
    const target = def.columns[key];
    if (target === m.field) continue;
    if (target !== null && out.some((o) => o !== m && o.field === target)) continue;
    m.field = target;
    m.source = target === null ? null : 'header';
  }
  return out;
}

/** A profile's score without its value fit (`values` null, `confidence` its upper bound), and its mapping. */
function score(p: Prepared, mapping: readonly MappingEntry[], nestedKeys: ReadonlySet<string>): { score: ProfileScore; mapping: MappingEntry[] } {
  const { def } = p;
  const m = applyProfileColumns(mapping, def);
  const fields = new Set<string>();
  for (const e of m) if (e.field) fields.add(e.field);

  let present = 0;
  for (const [slot, weight] of def.core) {
    if (typeof slot === 'string' ? fields.has(slot) : slot.some((f) => fields.has(f))) present += weight;
  }
  let markers = 0;
  for (const k of def.markers) if (nestedKeys.has(k) || m.some((e) => foldHeader(e.column) === k)) markers++;
  const recall = (present + MARKER_WEIGHT * markers) / (p.coreTotal + MARKER_WEIGHT * markers);

  // Fields CoWin never collects are enrichment, a finding of their own, unless the format has no personal data:
  // then a person's email or address beside it says it is not that format.
  let inside = 0;
  let total = 0;
  for (const f of fields) {
    const d = FIELD_BY_ID.get(f);
    if (!d || (!d.cowin && def.personal && !p.known.has(f))) continue;
    const w = FIELD_WEIGHT.get(f) ?? 1;
    total += w;
    if (p.known.has(f)) inside += w;
  }
  const precision = total > 0 ? inside / total : 0;
  const shape = recall > 0 && precision > 0 ? (2 * recall * precision) / (recall + precision) : 0;

  const mapped = m.filter((e) => e.field);
  const keys = mapped.length === 0 ? 0
    : p.apiKeys.size > 0 ? mapped.filter((e) => p.apiKeys.has(e.column)).length / mapped.length
    : 1 - mapped.filter((e) => ALL_API_KEYS.has(e.column)).length / mapped.length;

  return {
    score: { id: def.id, confidence: shape * (0.75 + 0.25 * keys), recall: r2(recall), precision: r2(precision), keys: r2(keys), values: null },
    mapping: m,
  };
}

const r2 = (x: number): number => Math.round(x * 100) / 100;

/** Share of the window's values (of fields the profile's schema describes, nested arrays included) that pass it. */
function valueFit(id: string, mapping: MappingEntry[], window: readonly RawRecord[]): number {
  const v = formatValidator(id);
  if (!v) return 1;
  const normalize = createNormalizer(mapping, id);
  let checked = 0;
  let failed = 0;
  for (const raw of window) {
    const rec = normalize(raw);
    for (const f of v.properties) if (rec.fields[f] !== undefined) checked++;
    if (!v.validate(rec.fields)) for (const e of v.validate.errors ?? []) if (e.keyword !== 'required' && e.keyword !== 'anyOf') failed++;
    if (!rec.nested) continue;
    for (const n of v.nested) {
      const items = rec.nested.get(n.key);
      if (!items) continue;
      for (const item of items) {
        for (const k of n.properties) if (item.has(k)) checked++;
        if (!n.validate(Object.fromEntries(item))) for (const e of n.validate.errors ?? []) if (e.keyword !== 'required' && e.keyword !== 'anyOf') failed++;
      }
    }
  }
  return checked > 0 ? Math.max(0, 1 - failed / checked) : 1;
}

export interface DetectOptions {
  /** A profile id to use whatever the scores (`--profile`); its confidence is still measured. */
  force?: string;
}

/** Decide the sample's profile from its mapping and the first records. */
export function detectProfile(mapping: readonly MappingEntry[], window: readonly RawRecord[], opts: DetectOptions = {}): Detection {
  const nestedKeys = new Set<string>();
  for (const r of window) if (r.nested) for (const k of r.nested.keys()) nestedKeys.add(foldHeader(k));
  const results = PREPARED.map((p) => score(p, mapping, nestedKeys));
  // The value fit validates with the profile's schema, which ajv compiles when run from sources (~25 ms each; the
  // built CLI has them precompiled): measured for the profiles that can still win, most promising first, and for a
  // forced one. One that cannot beat the best so far even with every value passing keeps its upper bound; the
  // choice is the one measuring every profile makes.
  let top = 0;
  const order = results.map((_, i) => i).sort((a, b) => results[b].score.confidence - results[a].score.confidence || a - b);
  for (const i of order) {
    const s = results[i].score;
    if (r2(s.confidence) < top && s.id !== opts.force) {
      s.confidence = r2(s.confidence);
      continue;
    }
    const values = valueFit(s.id, results[i].mapping, window);
    s.values = r2(values);
    s.confidence = r2(s.confidence * (0.4 + 0.6 * values));
    top = Math.max(top, s.confidence);
  }
  const scores = results.map((r) => r.score).sort((a, b) => b.confidence - a.confidence);
  const cowinFields = new Set(mapping.filter((m) => m.field && FIELD_BY_ID.get(m.field)?.cowin).map((m) => m.field)).size;

  const chosen = opts.force !== undefined ? findProfile(opts.force) : findProfile(scores[0].id);
  if (opts.force !== undefined && !chosen) throw new Error(`unknown profile ${opts.force}`);
  const i = PROFILES.indexOf(chosen!);
  const best = results[i];
  if (opts.force === undefined && (cowinFields < MIN_COWIN_FIELDS || best.score.confidence < NOT_COWIN_BELOW)) {
    return { profile: null, def: undefined, mapping: applyProfileColumns(mapping, undefined), scores };
  }
  return { profile: { id: chosen!.id, confidence: best.score.confidence }, def: chosen, mapping: best.mapping, scores };
}
