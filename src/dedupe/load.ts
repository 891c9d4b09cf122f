// Turn a path into a fingerprint: read a fingerprint file, or run a sample through the pipeline (same
// reading, mapping and normalisation as `analyze`) collecting its keys. Sniffs which it is from the content.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { analyze, type AnalyzeOptions } from '../analyze.js';
import { UsageError } from '../errors.js';
import { defineCheck } from '../types.js';
import type { AgainstOption } from '../checks/overlap-known.js';
import type { Side } from './compare.js';
import { EphemeralKeyHash, FingerprintBuilder, HmacKeyHash, looksLikeFingerprint, parseFingerprint, type Fingerprint, type KeyHash } from './fingerprint.js';
import { safeText } from '../report/safe.js';

/** The first bytes of a file as text ('' when it cannot be read: the sample reader then reports why). */
function head(path: string, bytes = 256): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(bytes);
    const got = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, got).toString('utf8');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function isFingerprintFile(path: string): boolean {
  return path !== '-' && looksLikeFingerprint(head(path));
}

/**
 * The hash both sides must share. Fingerprint files need the key they were made with; two samples are
 * compared with a fast in-process hash under a random seed (nothing is written), whatever the key.
 */
export function keyHashFor(paths: string[], key: Buffer | undefined): KeyHash {
  const fingerprints = paths.filter(isFingerprintFile);
  if (!fingerprints.length) return new EphemeralKeyHash();
  if (!key) throw new UsageError(`${fingerprints[0]} is a fingerprint: give the key it was made with (--key or LEAKCHECK_KEY)`);
  return new HmacKeyHash(key);
}

export type SampleOptions = Pick<AnalyzeOptions, 'map' | 'limit' | 'asOf' | 'maxBytes' | 'stream' | 'table' | 'tableIfDump'>;

/** Run a sample through the pipeline and collect its fingerprint (no other check runs). */
export async function fingerprintSample(path: string, kh: KeyHash, opts: SampleOptions = {}): Promise<Fingerprint> {
  const builder = new FingerprintBuilder(kh);
  const collect = defineCheck({
    meta: { id: 'fingerprint', category: 'duplicates', severity: 'info', description: 'collects keyed hashes', messages: {} },
    create: () => ({
      record: (rec) => builder.record(rec),
      finish() {},
    }),
  });
  await analyze(path, { ...opts, checks: [collect], deterministic: true });
  return builder.finish();
}

/** A fingerprint file's fingerprint, checked against the key in use. */
export function readFingerprintFile(path: string, kh: KeyHash): Fingerprint {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const fp = parseFingerprint(text, path);
  if (fp.keyCheck !== kh.keyCheck) {
    throw new UsageError(`${path} was made with a different key: give the key it was made with (--key or LEAKCHECK_KEY)`);
  }
  return fp;
}

/** Either side of a comparison, sniffed: a fingerprint file or a sample. */
export async function loadSide(path: string, kh: KeyHash, opts: SampleOptions = {}): Promise<{ side: Side; fingerprint: Fingerprint }> {
  if (path === '-') throw new UsageError('compare and --against read files, not standard input');
  if (isFingerprintFile(path)) {
    const fingerprint = readFingerprintFile(path, kh);
    return { side: { path: safeText(path, 4096), kind: 'fingerprint', rows: fingerprint.rows }, fingerprint };
  }
  const fingerprint = await fingerprintSample(path, kh, opts);
  return { side: { path: safeText(path, 4096), kind: 'sample', rows: fingerprint.rows }, fingerprint };
}

/** What `analyze --against` passes to the overlap-known check. */
export async function loadAgainst(paths: string[], key: Buffer | undefined, opts: SampleOptions = {}): Promise<AgainstOption> {
  const keyHash = keyHashFor(paths, key);
  const references: AgainstOption['references'] = [];
  for (const path of paths) {
    const { fingerprint } = await loadSide(path, keyHash, opts);
    references.push({ label: path.split(/[\\/]/).pop() ?? path, fingerprint });
  }
  return { keyHash, references };
}
