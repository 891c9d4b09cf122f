// A privacy-preserving fingerprint of a sample: keyed 64-bit hashes of its people, records and identifiers,
// plus a bottom-k sketch, so two leaks can be compared without either being shared. Format: README,
// "Fingerprint file format".
import { createHmac, randomBytes } from 'node:crypto';
import { UsageError } from '../errors.js';
import type { SampleRecord } from '../types.js';
import { VERSION } from '../version.js';
import { Hasher } from './hash.js';
import { HashSet64 } from './hashset.js';
import { ID_FIELD_KIND, ID_KINDS, birthYearOf, comparableValue, fullMobile, genderCode, normalizeId, type IdKind } from './keys.js';
import { foldName } from './names.js';

export const FINGERPRINT_FORMAT = 'leakcheck-fingerprint';
export const FINGERPRINT_VERSION = 1;
/** Hashes kept in the bottom-k sketch. */
export const SKETCH_K = 1024;

export const SET_KINDS = ['people', 'records', 'ids'] as const;
export type SetKind = (typeof SET_KINDS)[number];

/** Fields whose presence makes a session id a person's session rather than a session record's own key. */
const PERSON_FIELDS = ['beneficiary_reference_id', 'name', 'mobile_number', 'photo_id_number', 'aadhaar_number', 'pan_number', 'certificate_id', 'appointment_id'];

/** Domain tags: each kind of key is hashed in its own namespace. */
const TAG_PEOPLE = 1;
const TAG_RECORDS = 2;
const TAG_ID = 16; // + index in ID_KINDS

/** A keyed 64-bit hash of short texts: the result is in hi/lo. */
export interface KeyHash {
  /** Identifies the key without revealing it (HMAC of a fixed text), so fingerprints made with another key are refused. */
  readonly keyCheck: string;
  /** Written to files? Only HMAC hashes are. */
  readonly keyed: boolean;
  hi: number;
  lo: number;
  hash(tag: number, text: string): void;
}

const KEY_CHECK_TEXT = 'leakcheck-fingerprint key check v1';

/** HMAC-SHA-256 under the user's key, truncated to its first 64 bits: what fingerprint files hold. */
export class HmacKeyHash implements KeyHash {
  readonly keyCheck: string;
  readonly keyed = true;
  hi = 0;
  lo = 0;
  private readonly tags: Buffer[] = [];

  constructor(private readonly key: Buffer) {
    if (key.length === 0) throw new UsageError('the fingerprint key is empty');
    this.keyCheck = createHmac('sha256', key).update(KEY_CHECK_TEXT).digest().subarray(0, 8).toString('hex');
    for (let t = 0; t < 32; t++) this.tags.push(Buffer.from([t, 0]));
  }

  hash(tag: number, text: string): void {
    const d = createHmac('sha256', this.key).update(this.tags[tag]).update(text, 'utf8').digest();
    this.hi = d.readUInt32BE(0);
    this.lo = d.readUInt32BE(4);
  }
}

/**
 * The fast in-process hash with a random seed, for comparisons that never leave the process (two samples):
 * HMAC costs ~3.5 us a key, this ~50 ns. Its hashes are never written anywhere.
 */
export class EphemeralKeyHash implements KeyHash {
  readonly keyCheck = 'ephemeral';
  readonly keyed = false;
  hi = 0;
  lo = 0;
  private readonly h = new Hasher();
  private readonly seed = randomBytes(4).readUInt32LE(0);

  hash(tag: number, text: string): void {
    this.h.start(this.seed ^ Math.imul(tag, 0x2f0b3c5d)).str(text).end();
    this.hi = this.h.hi;
    this.lo = this.h.lo;
  }
}

/** The key from --key or LEAKCHECK_KEY (UTF-8 bytes), or undefined. */
export function keyFrom(option: string | undefined, env: NodeJS.ProcessEnv = process.env): Buffer | undefined {
  const k = option ?? env.LEAKCHECK_KEY;
  return k ? Buffer.from(k, 'utf8') : undefined;
}

/** A sample's fingerprint in memory: per kind, distinct keyed hashes ascending (absent in a sketch-only file). */
export interface Fingerprint {
  keyCheck: string;
  rows: number;
  fields: string[];
  counts: Record<SetKind, number>;
  sets: Partial<Record<SetKind, BigUint64Array>>;
  sketch: { of: SetKind; k: number; hashes: BigUint64Array };
}

/** What one record contributes: called once per key with its set. */
export type KeyVisitor = (set: SetKind, hi: number, lo: number, field: string | null) => void;

/**
 * Compute a record's keys and pass each to `visit`:
 * - people: folded name (names.ts) + birth year + gender; rows missing one of them have no person key;
 * - records: every mapped field, values compared as comparableValue() does (dates as days, case folded),
 *   independent of column order and names;
 * - ids: each unmasked identifier (reference id, Aadhaar/PAN/photo ID number, certificate, appointment,
 *   a full 10-digit mobile; a session id only in a record about no person), in its kind's namespace.
 */
export class RecordKeys {
  private readonly digest = new Hasher();
  constructor(private readonly kh: KeyHash) {}

  visit(rec: SampleRecord, visit: KeyVisitor): void {
    const f = rec.fields;
    const kh = this.kh;
    // records: sum of per-field hashes (order-independent), then keyed.
    let sumHi = 0;
    let sumLo = 0;
    let x = 0;
    let n = 0;
    for (const k in f) {
      // The normaliser gives every mapped field a property, undefined when the cell is empty.
      const v = f[k];
      if (v === undefined) continue;
      this.digest.start(7).str(k).sep().str(comparableValue(k, v)).end();
      sumHi = (sumHi + this.digest.hi) >>> 0;
      sumLo = (sumLo + this.digest.lo) >>> 0;
      x = (x ^ Math.imul(this.digest.lo, 0x9e3779b1)) >>> 0;
      n++;
    }
    if (n === 0) return;
    kh.hash(TAG_RECORDS, `${n}:${sumHi.toString(16)}:${sumLo.toString(16)}:${x.toString(16)}`);
    visit('records', kh.hi, kh.lo, null);

    const name = f.name;
    if (name !== undefined) {
      const folded = foldName(name);
      const yob = birthYearOf(f);
      const g = genderCode(f.gender);
      if (folded.length >= 2 && !Number.isNaN(yob) && g) {
        kh.hash(TAG_PEOPLE, `${folded}|${yob}|${g}`);
        visit('people', kh.hi, kh.lo, 'name');
      }
    }

    let personal = false;
    for (const field of PERSON_FIELDS) if (f[field] !== undefined) personal = true;
    for (const field in ID_FIELD_KIND) {
      const v = f[field];
      if (v === undefined) continue;
      const kind = ID_FIELD_KIND[field];
      if (kind === 'session' && personal) continue;
      this.id(kind, normalizeId(v), field, visit);
    }
    if (f.mobile_number !== undefined) this.id('mobile', fullMobile(f.mobile_number), 'mobile_number', visit);
    const appointments = rec.nested?.get('appointments');
    if (appointments) for (const a of appointments) this.id('appointment', normalizeId(a.get('appointment_id') ?? ''), 'appointment_id', visit);
  }

  private id(kind: IdKind, id: string, field: string, visit: KeyVisitor): void {
    if (!id) return;
    this.kh.hash(TAG_ID + ID_KINDS.indexOf(kind), id);
    visit('ids', this.kh.hi, this.kh.lo, field);
  }
}

/** Collects a sample's keys into hash sets (typed arrays; no strings kept) and finishes into a Fingerprint. */
export class FingerprintBuilder {
  private readonly sets: Record<SetKind, HashSet64> = { people: new HashSet64(), records: new HashSet64(), ids: new HashSet64() };
  private readonly keys: RecordKeys;
  private readonly fields = new Set<string>();
  private readonly add: KeyVisitor = (set, hi, lo) => {
    this.sets[set].add(hi, lo);
  };
  rows = 0;

  constructor(private readonly kh: KeyHash) {
    this.keys = new RecordKeys(kh);
  }

  record(rec: SampleRecord): void {
    this.rows++;
    if (this.rows <= 1000) for (const k in rec.fields) if (rec.fields[k] !== undefined) this.fields.add(k);
    this.keys.visit(rec, this.add);
  }

  finish(): Fingerprint {
    const sorted = { people: this.sets.people.sorted(), records: this.sets.records.sorted(), ids: this.sets.ids.sorted() };
    const of: SetKind = sorted.people.length ? 'people' : 'records';
    return {
      keyCheck: this.kh.keyCheck,
      rows: this.rows,
      fields: [...this.fields].sort(),
      counts: { people: sorted.people.length, records: sorted.records.length, ids: sorted.ids.length },
      sets: sorted,
      sketch: { of, k: SKETCH_K, hashes: sorted[of].slice(0, SKETCH_K) },
    };
  }
}

function toBase64(a: BigUint64Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

function fromBase64(s: unknown, what: string): BigUint64Array {
  if (typeof s !== 'string') throw new UsageError(`fingerprint: ${what} is not a base64 string`);
  const b = Buffer.from(s, 'base64');
  if (b.length % 8) throw new UsageError(`fingerprint: ${what} is not a whole number of 64-bit hashes`);
  const out = new BigUint64Array(b.length / 8);
  new Uint8Array(out.buffer).set(b);
  const w = new Uint32Array(out.buffer);
  for (let i = 1; i < out.length; i++) {
    const ph = w[2 * i - 1];
    const h = w[2 * i + 1];
    if (ph > h || (ph === h && w[2 * i - 2] >= w[2 * i])) throw new UsageError(`fingerprint: ${what} is not sorted ascending without repeats`);
  }
  return out;
}

/** The fingerprint as the versioned JSON file (README, "Fingerprint file format"). */
export function serializeFingerprint(fp: Fingerprint, opts: { sketchOnly?: boolean } = {}): string {
  const sets: Record<string, { count: number; hashes?: string }> = {};
  for (const kind of SET_KINDS) {
    const a = fp.sets[kind];
    sets[kind] = opts.sketchOnly || !a ? { count: fp.counts[kind] } : { count: fp.counts[kind], hashes: toBase64(a) };
  }
  const doc = {
    format: FINGERPRINT_FORMAT,
    version: FINGERPRINT_VERSION,
    tool: { name: 'leakcheck', version: VERSION },
    hash: {
      algorithm: 'HMAC-SHA-256',
      bits: 64,
      keyCheck: fp.keyCheck,
      encoding: 'base64 of unsigned 64-bit little-endian integers, ascending, distinct',
    },
    rows: fp.rows,
    fields: fp.fields,
    sets,
    sketch: { kind: 'bottom-k', of: fp.sketch.of, k: fp.sketch.k, hashes: toBase64(fp.sketch.hashes) },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Parse and validate a fingerprint file's text. Throws UsageError when it is not one this version reads. */
export function parseFingerprint(text: string, source = 'fingerprint'): Fingerprint {
  let doc: Record<string, any>;
  try {
    doc = JSON.parse(text) as Record<string, any>;
  } catch {
    throw new UsageError(`${source} is not valid JSON`);
  }
  if (doc?.format !== FINGERPRINT_FORMAT) throw new UsageError(`${source} is not a leakcheck fingerprint`);
  if (doc.version !== FINGERPRINT_VERSION) {
    throw new UsageError(`${source} is a version ${String(doc.version)} fingerprint; this leakcheck reads version ${FINGERPRINT_VERSION}`);
  }
  const keyCheck = doc.hash?.keyCheck;
  if (typeof keyCheck !== 'string' || doc.hash?.algorithm !== 'HMAC-SHA-256' || doc.hash?.bits !== 64) {
    throw new UsageError(`${source}: unsupported hash`);
  }
  const counts = { people: 0, records: 0, ids: 0 };
  const sets: Partial<Record<SetKind, BigUint64Array>> = {};
  for (const kind of SET_KINDS) {
    const s = doc.sets?.[kind];
    if (!s || !Number.isSafeInteger(s.count) || s.count < 0) throw new UsageError(`${source}: sets.${kind}.count is missing`);
    counts[kind] = s.count;
    if (s.hashes !== undefined) {
      sets[kind] = fromBase64(s.hashes, `sets.${kind}.hashes`);
      if (sets[kind]!.length !== s.count) throw new UsageError(`${source}: sets.${kind} holds ${sets[kind]!.length} hashes, count says ${s.count}`);
    }
  }
  const sk = doc.sketch;
  if (!sk || sk.kind !== 'bottom-k' || !(SET_KINDS as readonly string[]).includes(sk.of) || !Number.isSafeInteger(sk.k) || sk.k < 1) {
    throw new UsageError(`${source}: the sketch is missing or not a bottom-k sketch`);
  }
  return {
    keyCheck,
    rows: Number.isSafeInteger(doc.rows) ? doc.rows : 0,
    fields: Array.isArray(doc.fields) ? doc.fields.filter((x: unknown): x is string => typeof x === 'string') : [],
    counts,
    sets,
    sketch: { of: sk.of as SetKind, k: sk.k, hashes: fromBase64(sk.hashes, 'sketch.hashes') },
  };
}

/** Does this text (the head of a file) look like a fingerprint rather than a sample? */
export function looksLikeFingerprint(head: string): boolean {
  const t = head.trimStart();
  return t.startsWith('{') && /^\{\s*"format"\s*:\s*"leakcheck-fingerprint"/.test(t);
}
