// Compact per-key state for the cross-record checks: 64-bit string hashes in an open-addressing table of
// typed arrays, bounded in memory. Not a check; the consistency checks share it.
//
// Memory is bounded by hash sampling: when the table reaches its size cap, it keeps only the keys whose hash
// has one more low bit zero (half of them) and from then on ignores keys outside that sample. A key is thus
// either followed through the whole sample or not at all, so rates over the followed keys stay unbiased.
import { PROJECT_AT, projectedSize } from '../../dedupe/hashset.js';

/** The second 32 bits of the last hash computed by {@link hashString} / {@link hashFolded}. */
export let hashHigh = 0;

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Hash a string to 64 bits: returns the low 32 (unsigned) and leaves the high 32 in {@link hashHigh}.
 * `seed` separates namespaces (the same digits as an Aadhaar and as a PAN are different keys). No allocation.
 */
export function hashString(s: string, seed = 0): number {
  let a = 0x811c9dc5 ^ seed;
  let b = 0x9747b28c ^ Math.imul(seed, 0x27d4eb2d);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  a = fmix(a ^ s.length);
  hashHigh = fmix(b ^ a);
  return a;
}

/**
 * Hash a name or place folded for comparison: ASCII letters and digits lower-cased, other ASCII (spaces,
 * punctuation) dropped, non-ASCII letters kept as they are. "RAJESH  KUMAR" and "Rajesh Kumar." hash alike.
 * Returns 0 when nothing is left (0 is never returned otherwise). 32 bits: for comparing two values under one key.
 */
export function hashFolded(s: string): number {
  let a = 0x811c9dc5;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 128) {
      if (c >= 65 && c <= 90) c += 32;
      else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) continue;
    }
    a = Math.imul(a ^ c, 0x01000193);
    n++;
  }
  if (n === 0) return 0;
  return fmix(a ^ n) || 1;
}

/** Most slots a table may have unless told otherwise: 2^20 (about 786,000 keys at 3/4 load). */
export const DEFAULT_MAX_SLOTS_LOG2 = 20;
const INITIAL_SLOTS_LOG2 = 10;
const MAX_LOAD = 0.75;

/**
 * A hash table from 64-bit keys to `width` unsigned 32-bit values each, zero-initialised. Each slot is
 * `[lo, hi, value 0, ..., value width-1]` in one Uint32Array, so a probe touches one cache line; `(0, 0)` marks an
 * empty slot (a key hashing to it is stored as `(0, 1)`). Grows by doubling up to `2^maxSlotsLog2` slots, then
 * samples keys by hash (see the file comment).
 */
export class KeyTable {
  /** The slots; reassigned when the table grows, so read it after {@link slot}. Values of a key start at the index {@link slot} returns. */
  data: Uint32Array;
  /** True when the last {@link slot} call inserted the key. */
  created = false;
  /** Keys held. */
  size = 0;
  /** Keys are kept when their low `level` hash bits are zero: 1 / 2^level of all keys are followed. */
  level = 0;
  private projected = false;
  private readonly stride: number;
  private mask: number;
  private limit: number;
  private readonly maxLog2: number;

  constructor(
    readonly width: number,
    maxSlotsLog2 = DEFAULT_MAX_SLOTS_LOG2,
  ) {
    this.maxLog2 = maxSlotsLog2;
    this.stride = width + 2;
    const slots = 1 << Math.min(INITIAL_SLOTS_LOG2, maxSlotsLog2);
    this.data = new Uint32Array(slots * this.stride);
    this.mask = slots - 1;
    this.limit = Math.floor(slots * MAX_LOAD);
  }

  /** Slots allocated. */
  get capacity(): number {
    return this.mask + 1;
  }

  /** Share of all keys the table follows (1 until it has had to sample). */
  get sampled(): number {
    return 1 / 2 ** this.level;
  }

  private inSample(lo: number): boolean {
    return this.level === 0 || (lo & ((1 << this.level) - 1)) === 0;
  }

  /** Index of the key's slot in `data`, or -1 - (index of the empty slot where it would go). */
  private find(lo: number, hi: number): number {
    const { data, stride, mask } = this;
    let i = (hi ^ Math.imul(lo, 0x9e3779b1)) & mask;
    for (;;) {
      const at = i * stride;
      const klo = data[at];
      const khi = data[at + 1];
      if (klo === lo && khi === hi) return at;
      if (klo === 0 && khi === 0) return -1 - at;
      i = (i + 1) & mask;
    }
  }

  /** Index of the first value of a key in `data`, or -1 when it is not held (nothing is inserted). */
  get(lo: number, hi: number): number {
    lo >>>= 0;
    hi >>>= 0;
    if (lo === 0 && hi === 0) hi = 1;
    if (!this.inSample(lo)) return -1;
    const at = this.find(lo, hi);
    return at >= 0 ? at + 2 : -1;
  }

  /**
   * Index of the first value of a key in `data`, inserting the key (values zero, `created` true) when absent;
   * -1 when the key is outside the sample. Pass `lo` from {@link hashString} and `hi` from {@link hashHigh}.
   */
  slot(lo: number, hi: number): number {
    this.created = false;
    lo >>>= 0;
    hi >>>= 0;
    if (lo === 0 && hi === 0) hi = 1;
    if (!this.inSample(lo)) return -1;
    let at = this.find(lo, hi);
    if (at >= 0) return at + 2;
    if (this.size >= this.limit) {
      this.grow();
      if (!this.inSample(lo)) return -1;
      at = this.find(lo, hi);
    }
    at = -1 - at;
    this.data[at] = lo;
    this.data[at + 1] = hi;
    this.size++;
    this.created = true;
    return at + 2;
  }

  /**
   * Size the table once for the keys the whole sample will bring (`size` keys after `rows` rows, scaled to
   * `expectedRows` with a tenth to spare; as HashSet64.project): the power of two that holds them, or at the cap
   * the sampling level that makes them fit. Spares a large sample the table's doublings and halvings, each of
   * which reinserts every key held. Called with every record's row number, it projects once, at
   * {@link PROJECT_AT} rows; nothing happens when the projection is unknown or the table already fits it.
   */
  project(row: number, expectedRows: () => number | undefined): void {
    if (this.projected || row < PROJECT_AT) return;
    this.projected = true;
    this.projectFrom(row, expectedRows());
  }

  /** {@link project} from `rows` rows read to `expectedRows`. */
  projectFrom(rows: number, expectedRows: number | undefined): void {
    const keys = projectedSize(this.size, rows, expectedRows);
    if (keys === undefined) return;
    let log2 = Math.max(INITIAL_SLOTS_LOG2, Math.ceil(Math.log2(keys / MAX_LOAD)));
    let level = this.level;
    if (log2 > this.maxLog2) {
      level = Math.max(level, Math.ceil(log2 - this.maxLog2));
      log2 = this.maxLog2;
    }
    if (log2 > Math.log2(this.capacity) || level > this.level) this.rebuild(log2, level);
  }

  /** Call `fn(index of the first value)` for every key held. */
  forEach(fn: (at: number) => void): void {
    const { data, stride } = this;
    for (let at = 0; at < data.length; at += stride) if (data[at] !== 0 || data[at + 1] !== 0) fn(at + 2);
  }

  /** Double the slots, or at the cap halve the sample. */
  private grow(): void {
    const log2 = Math.log2(this.capacity);
    if (log2 < this.maxLog2) this.rebuild(log2 + 1, this.level);
    else this.rebuild(log2, this.level + 1);
  }

  /** Reinsert the keys kept at sampling `level` into `2^log2` slots. */
  private rebuild(log2: number, level: number): void {
    this.level = level;
    const old = this.data;
    const { stride } = this;
    const slots = 1 << log2;
    this.data = new Uint32Array(slots * stride);
    this.mask = slots - 1;
    this.limit = Math.floor(slots * MAX_LOAD);
    this.size = 0;
    for (let from = 0; from < old.length; from += stride) {
      const lo = old[from];
      const hi = old[from + 1];
      if ((lo === 0 && hi === 0) || !this.inSample(lo)) continue;
      const to = -1 - this.find(lo, hi);
      for (let k = 0; k < stride; k++) this.data[to + k] = old[from + k];
      this.size++;
    }
    // A sample that is still full (a pathological hash skew) halves again.
    if (this.size >= this.limit) this.grow();
  }
}
