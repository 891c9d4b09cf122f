// Near-duplicate people: the same person copied with a perturbed name (case, spacing, transliteration, a
// typo), found with blocking and Jaro-Winkler in near-linear time and bounded memory.
//
// Each record with a name, a birth year and a gender is stored compactly: its folded name (names.ts) in a
// byte pool, and 32-bit hashes of its blocking keys and of the fields that corroborate a match. At the end:
// - Blocking (as Splink does): only records sharing a block key are compared. Two rules, so a copy is
//   found if either holds: A = birth year + gender + the mobile's last 4 digits; B = birth year + gender +
//   district (when there is no district and no mobile, birth year + gender).
// - Within a block of at most SMALL_BLOCK records every pair is compared; a larger block is sorted by folded
//   name and each record compared with the next WINDOW records (sorted neighbourhood), so the cost stays
//   O(n log n + n * WINDOW) whatever the block sizes. A copy whose typo sorts it far from the original in a
//   block of more than SMALL_BLOCK people can be missed.
// - A pair matches when the folded names are similar (Jaro-Winkler) and the rest agrees. The less the other
//   fields say, the closer the names must be: every other non-identifier field equal including dose dates,
//   STRONG_SIM; every other field equal with a mobile but no dates, REST_SIM; only the dose dates equal,
//   DATES_SIM; every other field equal but neither dates nor a mobile (a names-only sample), equal folded
//   names. Identifiers are not compared: a padder gives copies new reference ids. Family members share a
//   mobile, a surname and a district but not a first name, and rarely a birth year and dose dates, so they
//   are not merged.
// - Matches are merged transitively (union-find); each cluster is one person, its earliest row the original.
// Memory: 33 bytes per stored record plus its folded name (~12 bytes), arrays sized once for the projected
// sample (project()) or else grown by doubling. Past BUDGET records, whole blocks are sampled by a hash of
// birth year, gender, mobile tail and district (copies share them), halving the sampled share each time the
// budget fills; the duplicate count is then scaled up by the inverse share.
import { fmix32 } from './hash.js';
import { projectedSize } from './hashset.js';
import { FOLDED } from './names.js';
import { jaroWinklerBytes } from './similarity.js';

/** Records kept before sampling starts: 2^21, about 95 MB at ~45 bytes a record. */
export const BUDGET = 1 << 21;
/** Blocks up to this size are compared pair by pair. */
export const SMALL_BLOCK = 48;
/** In larger blocks, each record is compared with this many following records in folded-name order. */
export const WINDOW = 12;
/** Name similarity needed when every other non-identifier field agrees, dose dates included ... */
export const STRONG_SIM = 0.8;
/** ... when every other field agrees, a mobile number included, but there are no dose dates ... */
export const REST_SIM = 0.88;
/** ... or when only the dose dates agree. */
export const DATES_SIM = 0.93;
/** What a stored record carries besides its name (bits of `evidence`). */
export const HAS_DATES = 1;
export const HAS_MOBILE = 2;

export interface NearMatch {
  /** The duplicate's record (index into the stored records). */
  row: number;
  line: number;
  /** The row of its cluster's earliest record. */
  firstRow: number;
  similarity: number;
}

export interface NearResult {
  /** Records stored (after sampling). */
  stored: number;
  /** Distinct people among them. */
  clusters: number;
  /** Share of blocks sampled (1 unless the budget was exceeded). */
  sampled: number;
  /** Duplicates in stored order (a record that joined an earlier record's cluster). */
  matches: NearMatch[];
}

/** `a` copied into a new array of `length` elements. */
function resized<T extends Uint8Array<ArrayBuffer> | Uint32Array<ArrayBuffer>>(a: T, length: number): T {
  const b = new (a.constructor as new (n: number) => T)(length);
  b.set(a);
  return b;
}

/**
 * The indexes i < n with keys[i] !== 0, ordered by key and then index: two stable counting passes over 16 bits
 * of the key (measured on 10^6 keys: ~55 ms, where sorting packed key-index doubles took ~145 ms).
 */
export function byKey(keys: Uint32Array, n: number): Uint32Array {
  let m = 0;
  for (let i = 0; i < n; i++) if (keys[i] !== 0) m++;
  let from = new Uint32Array(m);
  let to = new Uint32Array(m);
  m = 0;
  for (let i = 0; i < n; i++) if (keys[i] !== 0) from[m++] = i;
  const starts = new Uint32Array(65537);
  for (const shift of [0, 16]) {
    starts.fill(0);
    for (let x = 0; x < m; x++) starts[((keys[from[x]] >>> shift) & 0xffff) + 1]++;
    for (let d = 1; d <= 65536; d++) starts[d] += starts[d - 1];
    for (let x = 0; x < m; x++) {
      const i = from[x];
      to[starts[(keys[i] >>> shift) & 0xffff]++] = i;
    }
    [from, to] = [to, from];
  }
  return from;
}

export class NearIndex {
  private n = 0;
  private row = new Uint32Array(1024);
  private line = new Uint32Array(1024);
  private nameAt = new Uint32Array(1025);
  private blockA = new Uint32Array(1024);
  private blockB = new Uint32Array(1024);
  private sample = new Uint32Array(1024);
  private dates = new Uint32Array(1024);
  private rest = new Uint32Array(1024);
  private evidence = new Uint8Array(1024);
  private pool = new Uint8Array(16384);
  /** Sampling level: a record is kept when the top `level` bits of its sample hash are zero. */
  private level = 0;

  constructor(private readonly budget = BUDGET) {
    if (budget > BUDGET) throw new RangeError(`near-duplicate budget above ${BUDGET}`);
  }

  get size(): number {
    return this.n;
  }

  get sampledShare(): number {
    return 1 / 2 ** this.level;
  }

  /** Bytes held by the index's arrays. */
  get byteLength(): number {
    return (
      this.row.byteLength + this.line.byteLength + this.nameAt.byteLength + this.blockA.byteLength + this.blockB.byteLength +
      this.sample.byteLength + this.dates.byteLength + this.rest.byteLength + this.evidence.byteLength + this.pool.byteLength
    );
  }

  private kept(sample: number): boolean {
    return this.level === 0 || sample >>> (32 - this.level) === 0;
  }

  /**
   * Add a record whose folded name is FOLDED[0 .. nameLen). Block keys and corroborating hashes are 32-bit
   * (0 = absent: the record is not in that block rule, or has no such fields); `evidence` is HAS_DATES |
   * HAS_MOBILE as the record has dose dates and a mobile number.
   */
  add(row: number, line: number, nameLen: number, blockA: number, blockB: number, sampleKey: number, dates: number, rest: number, evidence: number): void {
    const sample = fmix32(sampleKey);
    if (!this.kept(sample)) return;
    const i = this.n;
    if (i === this.row.length) this.reserve(i * 2, 0);
    const at = this.nameAt[i];
    if (at + nameLen > this.pool.length) this.reserve(0, Math.max(this.pool.length * 2, at + nameLen));
    const pool = this.pool;
    for (let k = 0; k < nameLen; k++) pool[at + k] = FOLDED[k];
    this.row[i] = row;
    this.line[i] = line;
    this.nameAt[i + 1] = at + nameLen;
    this.blockA[i] = blockA;
    this.blockB[i] = blockB;
    this.sample[i] = sample;
    this.dates[i] = dates;
    this.rest[i] = rest;
    this.evidence[i] = evidence;
    this.n = i + 1;
    if (this.n >= this.budget) this.compact();
  }

  /**
   * Size the arrays once for the records the whole sample will bring: those stored after `rows` rows, scaled to
   * `expectedRows` (CheckContext.expectedRows) with a tenth to spare, at most the budget; as HashSet64.project.
   * Spares them their doublings, each of which copies every record into memory the system must hand over afresh
   * (check-costs on the 1M bench sample, alternating, with add() copying a name byte by byte rather than through a
   * subarray per record: duplicate-rows 1.75-1.78 -> 1.46-1.56 s per million rows). Nothing happens when the
   * projection is unknown or the arrays already hold it.
   */
  project(rows: number, expectedRows: number | undefined): void {
    const projected = projectedSize(this.n, rows, expectedRows);
    if (projected === undefined) return;
    const records = Math.min(this.budget, Math.ceil(projected));
    // Names as long on average as those stored so far.
    this.reserve(records, this.n ? Math.ceil((this.nameAt[this.n] * records) / this.n) : 0);
  }

  /** Room for at least `records` records and `bytes` bytes of folded names. */
  private reserve(records: number, bytes: number): void {
    if (records > this.row.length) {
      this.row = resized(this.row, records);
      this.line = resized(this.line, records);
      this.blockA = resized(this.blockA, records);
      this.blockB = resized(this.blockB, records);
      this.sample = resized(this.sample, records);
      this.dates = resized(this.dates, records);
      this.rest = resized(this.rest, records);
      this.evidence = resized(this.evidence, records);
      this.nameAt = resized(this.nameAt, records + 1);
    }
    if (bytes > this.pool.length) this.pool = resized(this.pool, bytes);
  }

  /** Halve the sampled share until the records fit in three quarters of the budget. */
  private compact(): void {
    while (this.n >= (this.budget * 3) >> 2) {
      this.level++;
      let k = 0;
      let at = 0;
      for (let i = 0; i < this.n; i++) {
        if (!this.kept(this.sample[i])) continue;
        const from = this.nameAt[i];
        const len = this.nameAt[i + 1] - from;
        this.pool.copyWithin(at, from, from + len);
        this.row[k] = this.row[i];
        this.line[k] = this.line[i];
        this.blockA[k] = this.blockA[i];
        this.blockB[k] = this.blockB[i];
        this.sample[k] = this.sample[i];
        this.dates[k] = this.dates[i];
        this.rest[k] = this.rest[i];
        this.evidence[k] = this.evidence[i];
        this.nameAt[k] = at;
        at += len;
        this.nameAt[k + 1] = at;
        k++;
      }
      this.n = k;
    }
  }

  /** Cluster the stored records; matches come out in stored (row) order. */
  cluster(): NearResult {
    const n = this.n;
    const parent = new Int32Array(n);
    const sim = new Float32Array(n);
    for (let i = 0; i < n; i++) parent[i] = i;
    const find = (x: number): number => {
      while (parent[x] !== x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
      }
      return x;
    };
    const compare = (i: number, j: number): void => {
      const ri = find(i);
      const rj = find(j);
      if (ri === rj) return;
      const both = this.evidence[i] & this.evidence[j];
      let need: number;
      if (this.rest[i] === this.rest[j]) need = both & HAS_DATES ? STRONG_SIM : both & HAS_MOBILE ? REST_SIM : 1;
      else if (both & HAS_DATES && this.dates[i] === this.dates[j]) need = DATES_SIM;
      else return;
      const ai = this.nameAt[i];
      const aj = this.nameAt[j];
      const s = jaroWinklerBytes(this.pool, ai, this.nameAt[i + 1] - ai, this.pool, aj, this.nameAt[j + 1] - aj);
      if (s < need) return;
      // The earliest record stays the root, so it is the cluster's original.
      if (ri < rj) parent[rj] = ri;
      else parent[ri] = rj;
      const later = i < j ? j : i;
      if (sim[later] === 0 || s < sim[later]) sim[later] = s;
    };
    for (const keys of [this.blockA, this.blockB]) this.compareBlocks(keys, compare);

    const matches: NearMatch[] = [];
    let clusters = 0;
    for (let i = 0; i < n; i++) {
      const r = find(i);
      if (r === i) clusters++;
      else matches.push({ row: this.row[i], line: this.line[i], firstRow: this.row[r], similarity: sim[i] || 1 });
    }
    return { stored: n, clusters, sampled: this.sampledShare, matches };
  }

  /** Call compare(i, j) on the candidate pairs of one blocking rule, block by block in key order. */
  private compareBlocks(keys: Uint32Array, compare: (i: number, j: number) => void): void {
    const order = byKey(keys, this.n);
    const m = order.length;
    let start = 0;
    while (start < m) {
      const key = keys[order[start]];
      let end = start + 1;
      while (end < m && keys[order[end]] === key) end++;
      const size = end - start;
      if (size > 1) {
        if (size <= SMALL_BLOCK) {
          for (let x = start; x < end; x++) for (let y = x + 1; y < end; y++) compare(order[x], order[y]);
        } else {
          const group = Array.from(order.subarray(start, end));
          group.sort((i, j) => this.compareNames(i, j));
          for (let x = 0; x < group.length; x++) {
            const last = Math.min(group.length, x + 1 + WINDOW);
            for (let y = x + 1; y < last; y++) compare(group[x], group[y]);
          }
        }
      }
      start = end;
    }
  }

  private compareNames(i: number, j: number): number {
    const pool = this.pool;
    let a = this.nameAt[i];
    const aEnd = this.nameAt[i + 1];
    let b = this.nameAt[j];
    const bEnd = this.nameAt[j + 1];
    while (a < aEnd && b < bEnd) {
      const d = pool[a++] - pool[b++];
      if (d !== 0) return d;
    }
    return aEnd - a - (bEnd - b) || i - j;
  }
}
