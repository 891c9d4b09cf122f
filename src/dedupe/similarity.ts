// Jaro-Winkler similarity (Winkler 1990), the string comparator record linkage uses for names (Splink's
// default for first and last names). Works on byte ranges of a pool so comparing two stored names
// allocates nothing. Names are at most MAX_FOLDED (64) bytes.

import { MAX_FOLDED } from './names.js';

const matchedA = new Uint8Array(MAX_FOLDED);
const matchedB = new Uint8Array(MAX_FOLDED);

/** Winkler's prefix scale and the longest prefix it rewards. */
const PREFIX_SCALE = 0.1;
const MAX_PREFIX = 4;

/** Jaro-Winkler similarity of buf[aStart, aStart+aLen) and buf2[bStart, bStart+bLen): 0 (nothing shared) to 1 (equal). */
export function jaroWinklerBytes(
  buf: Uint8Array,
  aStart: number,
  aLen: number,
  buf2: Uint8Array,
  bStart: number,
  bLen: number,
): number {
  if (aLen === 0 || bLen === 0) return aLen === bLen ? 1 : 0;
  aLen = Math.min(aLen, MAX_FOLDED);
  bLen = Math.min(bLen, MAX_FOLDED);
  const window = Math.max(0, (Math.max(aLen, bLen) >> 1) - 1);
  matchedA.fill(0, 0, aLen);
  matchedB.fill(0, 0, bLen);
  let matches = 0;
  for (let i = 0; i < aLen; i++) {
    const c = buf[aStart + i];
    const lo = Math.max(0, i - window);
    const hi = Math.min(bLen - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (matchedB[j] === 0 && buf2[bStart + j] === c) {
        matchedA[i] = 1;
        matchedB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transposed = 0;
  let j = 0;
  for (let i = 0; i < aLen; i++) {
    if (matchedA[i] === 0) continue;
    while (matchedB[j] === 0) j++;
    if (buf[aStart + i] !== buf2[bStart + j]) transposed++;
    j++;
  }
  const m = matches;
  const jaro = (m / aLen + m / bLen + (m - transposed / 2) / m) / 3;
  let prefix = 0;
  const maxPrefix = Math.min(MAX_PREFIX, aLen, bLen);
  while (prefix < maxPrefix && buf[aStart + prefix] === buf2[bStart + prefix]) prefix++;
  return jaro + prefix * PREFIX_SCALE * (1 - jaro);
}

const scratchA = new Uint8Array(MAX_FOLDED);
const scratchB = new Uint8Array(MAX_FOLDED);

function toBytes(s: string, out: Uint8Array): number {
  const n = Math.min(s.length, MAX_FOLDED);
  for (let i = 0; i < n; i++) out[i] = s.charCodeAt(i) & 0xff;
  return n;
}

/** Jaro-Winkler of two short strings (tests and one-off comparisons; code units above 255 are truncated). */
export function jaroWinkler(a: string, b: string): number {
  return jaroWinklerBytes(scratchA, 0, toBytes(a, scratchA), scratchB, 0, toBytes(b, scratchB));
}
