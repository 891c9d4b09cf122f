// A fast, non-cryptographic 64-bit string hash (two 32-bit lanes) for the in-process duplicate stores.
//
// Why not node:crypto here: the stores hash several keys per row (the whole record, each identifier, the
// person), millions of rows; a call into OpenSSL costs about a microsecond, this loop a few nanoseconds per
// character, and nothing it produces leaves the process. Collisions only matter as false "duplicates":
// with 64 bits, 10 million keys collide with probability about 3e-6. Anything written to a file (the
// fingerprint) uses a keyed HMAC-SHA-256 instead (fingerprint.ts), so its hashes cannot be reversed by
// hashing every possible mobile number or Aadhaar number.
//
// Lane A is FNV-1a over UTF-16 code units, lane B a MurmurHash2-style multiply-xorshift; both go through
// the MurmurHash3 finaliser at the end so every output bit depends on every input bit. No allocation: a
// Hasher keeps its state in two numbers and its result in `hi`/`lo`.

/** MurmurHash3's 32-bit finaliser (avalanche). */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A code unit value no string contains: separates the parts of a composite key ("ab"+"c" vs "a"+"bc"). */
const SEPARATOR = 0x1_0001;

export class Hasher {
  private a = 0;
  private b = 0;
  private n = 0;
  /** The result of the last end(): high and low 32 bits (unsigned). */
  hi = 0;
  lo = 0;

  /** Start a key; different seeds give independent hashes of the same text (one per key kind). */
  start(seed: number): this {
    this.a = (0x811c9dc5 ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
    this.b = (0x2545f491 + seed) | 0;
    this.n = 0;
    return this;
  }

  /** Mix in one code unit or small integer (0 <= c < 2^31). */
  code(c: number): this {
    this.a = Math.imul(this.a ^ c, 0x01000193);
    let b = Math.imul(this.b ^ c, 0x5bd1e995);
    this.b = b ^ (b >>> 15);
    this.n++;
    return this;
  }

  /** code(x).code(y).code(z) with one read and one write of the state: a (field, value hash) pair per call. */
  code3(x: number, y: number, z: number): this {
    let a = Math.imul(this.a ^ x, 0x01000193);
    let b = Math.imul(this.b ^ x, 0x5bd1e995);
    b ^= b >>> 15;
    a = Math.imul(a ^ y, 0x01000193);
    b = Math.imul(b ^ y, 0x5bd1e995);
    b ^= b >>> 15;
    this.a = Math.imul(a ^ z, 0x01000193);
    b = Math.imul(b ^ z, 0x5bd1e995);
    this.b = b ^ (b >>> 15);
    this.n += 3;
    return this;
  }

  /** Mix in a string's code units. */
  str(s: string): this {
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    this.a = a;
    this.b = b;
    this.n += s.length;
    return this;
  }

  /** Mix in `len` code units of a typed array from `start`. */
  codes(buf: Uint8Array | Uint16Array, start: number, len: number): this {
    let a = this.a;
    let b = this.b;
    for (let i = start; i < start + len; i++) {
      const c = buf[i];
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    this.a = a;
    this.b = b;
    this.n += len;
    return this;
  }

  /**
   * Mix in a string two code units at a time: half the multiplications of {@link str}, different hashes. For
   * values whose hash is only compared with hashes made the same way.
   */
  strPairs(s: string): this {
    let a = this.a;
    let b = this.b;
    const n = s.length;
    let i = 0;
    for (; i + 1 < n; i += 2) {
      const c = s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    if (i < n) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    this.a = a;
    this.b = b;
    this.n += n;
    return this;
  }

  /**
   * Mix in a string's code units lower-cased as String.prototype.toLowerCase() would (without allocating the
   * lower-cased copy when the string is ASCII).
   */
  strLower(s: string): this {
    for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return this.str(s.toLowerCase());
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < s.length; i++) {
      let c = s.charCodeAt(i);
      if (c >= 65 && c <= 90) c += 32;
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    this.a = a;
    this.b = b;
    this.n += s.length;
    return this;
  }

  /**
   * Finish cheaply, for a value hash that is only mixed into another Hasher (which finishes with full
   * avalanche): the two lanes with the length folded in, without the finaliser. `hi`/`lo` as for end().
   */
  endRaw(): this {
    this.hi = (this.a ^ Math.imul(this.n, 0x9e3779b1)) >>> 0;
    this.lo = this.b >>> 0;
    return this;
  }

  /** Separate two parts of a composite key. */
  sep(): this {
    return this.code(SEPARATOR);
  }

  /** Finish: the hash is in `hi`/`lo`, never both zero. */
  end(): this {
    const a = fmix32(this.a ^ this.n);
    const b = fmix32((this.b ^ Math.imul(this.n, 0x27d4eb2f)) >>> 0);
    this.hi = fmix32((a + Math.imul(b, 0x9e3779b1)) >>> 0);
    this.lo = fmix32((b ^ (a >>> 7) ^ Math.imul(a, 0x165667b1)) >>> 0);
    if (this.hi === 0 && this.lo === 0) this.lo = 1;
    return this;
  }

  /** Only the low 32 bits, for block keys; never 0. */
  end32(): number {
    this.end();
    return this.lo;
  }
}

/** Convenience: the 64-bit hash of one string under a seed, as a 16-digit hex string (tests, debugging). */
export function hashHex(s: string, seed = 0): string {
  const h = new Hasher().start(seed).str(s).end();
  return h.hi.toString(16).padStart(8, '0') + h.lo.toString(16).padStart(8, '0');
}
