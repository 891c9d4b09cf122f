// Overlap between two fingerprints (each from a sample or a fingerprint file): shared people, records and
// identifiers, exact when both sides carry their hash sets, estimated from the bottom-k sketches otherwise.
import { intersectCount } from './hashset.js';
import { SET_KINDS, type Fingerprint, type SetKind } from './fingerprint.js';
import { count } from '../report/numbers.js';

/** Share of either side's people, records or identifiers found in the other at or above which `compare` reports recycling ... */
export const COMPARE_RECYCLED_MIN_SHARE = 0.2;
/** ... provided at least this many are shared. */
export const COMPARE_RECYCLED_MIN_SHARED = 5;

export interface SetOverlap {
  a: number;
  b: number;
  /** Distinct keys in both, or null when neither exact sets nor comparable sketches are available. */
  shared: number | null;
  /** True when `shared` was estimated from the sketches. */
  estimated: boolean;
  shareOfA: number | null;
  shareOfB: number | null;
}

export interface Side {
  path: string;
  kind: 'sample' | 'fingerprint';
  rows: number;
}

export interface Comparison {
  format: 'leakcheck-compare';
  version: 1;
  a: Side;
  b: Side;
  overlap: Record<SetKind, SetOverlap>;
  /** Jaccard similarity of the sketched sets (people, else records), from the bottom-k sketches. */
  sketchJaccard: number | null;
  recycled: boolean;
  summary: string;
}

/** Jaccard estimate from two bottom-k sketches: share of the k smallest hashes of the union present in both. */
export function sketchJaccard(a: BigUint64Array, b: BigUint64Array, k: number): number | null {
  const wa = new Uint32Array(a.buffer, a.byteOffset, a.length * 2);
  const wb = new Uint32Array(b.buffer, b.byteOffset, b.length * 2);
  let i = 0;
  let j = 0;
  let taken = 0;
  let both = 0;
  while (taken < k && (i < a.length || j < b.length)) {
    if (i < a.length && j < b.length) {
      const ah = wa[2 * i + 1];
      const bh = wb[2 * j + 1];
      const al = wa[2 * i];
      const bl = wb[2 * j];
      if (ah === bh && al === bl) {
        both++;
        i++;
        j++;
      } else if (ah < bh || (ah === bh && al < bl)) i++;
      else j++;
    } else if (i < a.length) i++;
    else j++;
    taken++;
  }
  return taken ? both / taken : null;
}

export function compareFingerprints(fa: Fingerprint, fb: Fingerprint, a: Side, b: Side): Comparison {
  const k = Math.min(fa.sketch.k, fb.sketch.k);
  const jaccard = fa.sketch.of === fb.sketch.of ? sketchJaccard(fa.sketch.hashes, fb.sketch.hashes, k) : null;
  const overlap = {} as Record<SetKind, SetOverlap>;
  for (const kind of SET_KINDS) {
    const sa = fa.sets[kind];
    const sb = fb.sets[kind];
    const na = fa.counts[kind];
    const nb = fb.counts[kind];
    let shared: number | null = null;
    let estimated = false;
    if (sa && sb) shared = intersectCount(sa, sb);
    else if (jaccard !== null && kind === fa.sketch.of) {
      // |A n B| = J |A u B| and |A u B| = |A| + |B| - |A n B|  =>  |A n B| = J (|A| + |B|) / (1 + J)
      shared = Math.round((jaccard * (na + nb)) / (1 + jaccard));
      estimated = true;
    }
    overlap[kind] = {
      a: na,
      b: nb,
      shared,
      estimated,
      shareOfA: shared === null || !na ? null : shared / na,
      shareOfB: shared === null || !nb ? null : shared / nb,
    };
  }
  let recycled = false;
  let strongest: { kind: SetKind; share: number; of: 'a' | 'b' } | null = null;
  for (const kind of SET_KINDS) {
    const o = overlap[kind];
    if (o.shared === null || o.shared < COMPARE_RECYCLED_MIN_SHARED) continue;
    for (const of of ['a', 'b'] as const) {
      const share = of === 'a' ? o.shareOfA : o.shareOfB;
      if (share === null) continue;
      if (!strongest || share > strongest.share) strongest = { kind, share, of };
      if (share >= COMPARE_RECYCLED_MIN_SHARE) recycled = true;
    }
  }
  const pct = (x: number): string => `${Math.round(x * 100)}%`;
  const summary = strongest
    ? `${pct(strongest.share)} of ${strongest.of}'s ${strongest.kind === 'ids' ? 'identifiers' : strongest.kind} are in ${strongest.of === 'a' ? 'b' : 'a'}: ${recycled ? 'one recycles the other' : 'overlap below the recycling threshold'} (${pct(COMPARE_RECYCLED_MIN_SHARE)})`
    : 'no material overlap';
  return { format: 'leakcheck-compare', version: 1, a, b, overlap, sketchJaccard: jaccard, recycled, summary };
}

/** The comparison as an aligned table for a terminal (80 columns). */
export function renderComparison(c: Comparison): string {
  const n = (x: number | null): string => (x === null ? '?' : count(x));
  const p = (x: number | null): string => (x === null ? '-' : `${Math.round(x * 100)}%`);
  const side = (name: string, s: Side): string => `  ${name}: ${s.path} (${s.kind}, ${n(s.rows)} rows)`;
  const pad = (s: string, w: number): string => (s.length >= w ? s : ' '.repeat(w - s.length) + s);
  const out = ['leakcheck compare', side('a', c.a), side('b', c.b), ''];
  out.push(`  ${'set'.padEnd(12)}${pad('in a', 12)}${pad('in b', 12)}${pad('shared', 12)}${pad('of a', 7)}${pad('of b', 7)}`);
  const labels: Record<SetKind, string> = { people: 'people', records: 'records', ids: 'identifiers' };
  for (const kind of SET_KINDS) {
    const o = c.overlap[kind];
    const shared = o.shared === null ? '?' : `${o.estimated ? '~' : ''}${n(o.shared)}`;
    out.push(`  ${labels[kind].padEnd(12)}${pad(n(o.a), 12)}${pad(n(o.b), 12)}${pad(shared, 12)}${pad(p(o.shareOfA), 7)}${pad(p(o.shareOfB), 7)}`);
  }
  out.push('');
  if (c.sketchJaccard !== null) out.push(`  Sketch Jaccard similarity: ${c.sketchJaccard.toFixed(3)}`);
  out.push(`  ${c.recycled ? 'RECYCLED' : 'Not recycled'}: ${c.summary}`);
  return `${out.join('\n')}\n`;
}
