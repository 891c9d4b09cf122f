// An open-addressing hash set of 64-bit hashes in typed arrays, with an optional 32-bit value per key.
//
// The duplicate stores keep one entry per distinct key of a sample that may have tens of millions of rows,
// so they hold fixed-size hashes, never the key strings: a string is ~40 bytes of heap plus its header, and
// a substring of a parsed chunk keeps the whole chunk alive. Here a key costs 8 bytes (two Uint32 words,
// interleaved so a probe reads one cache line) plus 4 for the value when there is one. Linear probing from
// a multiplicative (Fibonacci) home slot mapped onto any capacity (fastrange), so the table can grow by half
// rather than double: it grows when 80% full, so the load stays between 53% and 80%: 10-15 bytes per key
// without values, 15-22.5 with (measured: 20 at 10 million keys), and a growth briefly holds the old and
// new arrays (2.5 times the old size). A store that is told how many rows the sample will hold sizes itself
// once, early (project()): about 16.5 bytes per key with values, and no late growth.

/** Grow when size exceeds this share of the capacity ... */
export const MAX_LOAD = 0.8;
/** ... by this factor. */
export const GROWTH = 1.5;
/** A projection of the keys to come ({@link HashSet64.project}) is sized this much larger. */
export const PROJECTION_SPARE = 1.1;
/** Rows read before a store projects its final size: enough for the share of keys per row to have settled. */
export const PROJECT_AT = 1 << 16;

/**
 * The keys (or records) a store holding `size` after `rows` rows will hold at `expectedRows`
 * (CheckContext.expectedRows), with {@link PROJECTION_SPARE} to spare; undefined when there is nothing to project
 * (no projection, or no more rows to come). Shared by every store that sizes itself once.
 */
export function projectedSize(size: number, rows: number, expectedRows: number | undefined): number | undefined {
  if (expectedRows === undefined || expectedRows <= rows || rows <= 0) return undefined;
  return (size * expectedRows * PROJECTION_SPARE) / rows;
}
/** Largest capacity (slots): 2^30, 12 GiB with values. */
const MAX_CAPACITY = 2 ** 30;

export class HashSet64 {
  /** Interleaved [hi, lo] per slot; (0, 0) marks an empty slot (a key that hashes to it is stored as (0, 1)). */
  private keys: Uint32Array;
  private vals: Uint32Array | null;
  private cap: number;
  private limit: number;
  size = 0;

  constructor(withValues = false, initialCapacity = 1024) {
    this.cap = Math.max(16, Math.ceil(initialCapacity));
    this.keys = new Uint32Array(2 * this.cap);
    this.vals = withValues ? new Uint32Array(this.cap) : null;
    this.limit = Math.floor(this.cap * MAX_LOAD);
  }

  get capacity(): number {
    return this.cap;
  }

  /** Bytes held by the table's arrays. */
  get byteLength(): number {
    return this.keys.byteLength + (this.vals?.byteLength ?? 0);
  }

  /**
   * The home slot: the key's low word times the golden ratio (Fibonacci hashing), scaled onto [0, cap) by
   * its high bits (Lemire's fastrange). The product is below cap * 2^32, and its rounding error is far
   * smaller than cap, so the slot is always < cap.
   */
  private home(lo: number, cap: number): number {
    return Math.floor(((Math.imul(lo, 0x9e3779b1) >>> 0) * cap) / 4294967296);
  }

  /**
   * Insert a key with a value. Returns -1 when the key is new (the value is stored), otherwise the slot of
   * the existing key (read or update its value with value()/setValue()).
   */
  add(hi: number, lo: number, value = 0): number {
    hi >>>= 0;
    lo >>>= 0;
    if (hi === 0 && lo === 0) lo = 1;
    const keys = this.keys;
    const cap = this.cap;
    let i = this.home(lo, cap);
    for (;;) {
      const h = keys[2 * i];
      const l = keys[2 * i + 1];
      if (h === 0 && l === 0) break;
      if (h === hi && l === lo) return i;
      if (++i === cap) i = 0;
    }
    keys[2 * i] = hi;
    keys[2 * i + 1] = lo;
    if (this.vals) this.vals[i] = value;
    if (++this.size > this.limit) this.grow();
    return -1;
  }

  /** The slot of a key, or -1. */
  find(hi: number, lo: number): number {
    hi >>>= 0;
    lo >>>= 0;
    if (hi === 0 && lo === 0) lo = 1;
    const keys = this.keys;
    const cap = this.cap;
    let i = this.home(lo, cap);
    for (;;) {
      const h = keys[2 * i];
      const l = keys[2 * i + 1];
      if (h === 0 && l === 0) return -1;
      if (h === hi && l === lo) return i;
      if (++i === cap) i = 0;
    }
  }

  has(hi: number, lo: number): boolean {
    return this.find(hi, lo) >= 0;
  }

  value(slot: number): number {
    return this.vals ? this.vals[slot] : 0;
  }

  setValue(slot: number, value: number): void {
    if (this.vals) this.vals[slot] = value;
  }

  private grow(): void {
    this.resize(Math.ceil(this.cap * GROWTH));
  }

  /**
   * Size the table once for the keys the whole sample will bring: `size` keys after `rows` rows, scaled to
   * `expectedRows` (CheckContext.expectedRows) with a tenth to spare. Spares a large table its step-by-step
   * growths, each of which briefly holds the old and the new arrays. Nothing happens when the projection is
   * unknown, the table already fits it, or it exceeds the largest table.
   */
  project(rows: number, expectedRows: number | undefined): void {
    const keys = projectedSize(this.size, rows, expectedRows);
    if (keys === undefined) return;
    const cap = Math.ceil(keys / MAX_LOAD);
    // Past the largest table the projection is no use: growth step by step reports it if it comes to that.
    if (cap > this.cap && cap <= MAX_CAPACITY) this.resize(cap);
  }

  private resize(cap: number): void {
    const oldKeys = this.keys;
    const oldVals = this.vals;
    const oldCap = this.cap;
    if (cap > MAX_CAPACITY) throw new RangeError('hash set too large');
    const keys = new Uint32Array(2 * cap);
    const vals = oldVals ? new Uint32Array(cap) : null;
    for (let j = 0; j < oldCap; j++) {
      const hi = oldKeys[2 * j];
      const lo = oldKeys[2 * j + 1];
      if (hi === 0 && lo === 0) continue;
      let i = this.home(lo, cap);
      while (keys[2 * i] !== 0 || keys[2 * i + 1] !== 0) if (++i === cap) i = 0;
      keys[2 * i] = hi;
      keys[2 * i + 1] = lo;
      if (vals) vals[i] = oldVals![j];
    }
    this.keys = keys;
    this.vals = vals;
    this.cap = cap;
    this.limit = Math.floor(cap * MAX_LOAD);
  }

  /** Every key as an unsigned 64-bit number (hi * 2^32 + lo), ascending. */
  sorted(): BigUint64Array {
    const out = new BigUint64Array(this.size);
    const words = new Uint32Array(out.buffer);
    const keys = this.keys;
    let n = 0;
    for (let j = 0; j < keys.length; j += 2) {
      if (keys[j] === 0 && keys[j + 1] === 0) continue;
      // BigUint64Array elements are little-endian on every platform Node runs on: low word first.
      words[2 * n] = keys[j + 1];
      words[2 * n + 1] = keys[j];
      n++;
    }
    return out.sort();
  }

  /** Call fn(hi, lo, value) for every key, in table order. */
  forEach(fn: (hi: number, lo: number, value: number) => void): void {
    const keys = this.keys;
    for (let j = 0; j < keys.length; j += 2) {
      if (keys[j] === 0 && keys[j + 1] === 0) continue;
      fn(keys[j], keys[j + 1], this.vals ? this.vals[j >> 1] : 0);
    }
  }
}

/** A set built from sorted 64-bit keys (a fingerprint's), for membership tests per row. */
export function setOf(sorted: BigUint64Array): HashSet64 {
  const set = new HashSet64(false, Math.ceil(sorted.length / MAX_LOAD) + 1);
  const words = new Uint32Array(sorted.buffer, sorted.byteOffset, sorted.length * 2);
  for (let i = 0; i < sorted.length; i++) set.add(words[2 * i + 1], words[2 * i]);
  return set;
}

/** How many keys two ascending arrays share (merge walk). */
export function intersectCount(a: BigUint64Array, b: BigUint64Array): number {
  // Compare through 32-bit views: reading a BigUint64Array element allocates a BigInt.
  const wa = new Uint32Array(a.buffer, a.byteOffset, a.length * 2);
  const wb = new Uint32Array(b.buffer, b.byteOffset, b.length * 2);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const xh = wa[2 * i + 1];
    const yh = wb[2 * j + 1];
    const xl = wa[2 * i];
    const yl = wb[2 * j];
    if (xh === yh && xl === yl) {
      n++;
      i++;
      j++;
    } else if (xh < yh || (xh === yh && xl < yl)) i++;
    else j++;
  }
  return n;
}
