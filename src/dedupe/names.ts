// Name folding: the spellings of one Indian name that copies, clerks and transliterations produce, reduced
// to one key. "RAJESH  KUMAR", "Rajesh Kumaar", "rajeshkumar" and "Raajesh Kumar" all fold to "rajeskumar".
//
// Steps, in one pass over the code units (no regex, no allocation but the result):
// - case: A-Z to a-z; accents stripped (NFKD, combining marks dropped) when the name is not plain ASCII;
// - spacing and punctuation: dropped (so "R. K. Sharma", "R.K. Sharma" and "RK Sharma" agree, and initials
//   written with or without dots and spaces fold alike); digits kept;
// - transliteration variants of Indian names in Latin script: ee -> i, oo -> u, w -> v, ph -> f, an h after
//   a consonant dropped (th -> t, sh -> s, dh -> d, bh -> b, kh -> k, gh -> g, ch -> c, jh -> j), and any
//   doubled letter collapsed (aa -> a, nn -> n, ...).
// Letters outside Latin (Devanagari, Tamil, ...) are kept as one byte each: the low 7 bits of the code unit
// with the high bit set, which keeps the 128 letters of any one Indic block distinct.
//
// Word order is kept: "Kumar Rajesh" and "Rajesh Kumar" fold differently (a reordered name is not matched).

/** Longest folded name kept (bytes); longer names are cut. */
export const MAX_FOLDED = 64;

/** The last foldInto() result: FOLDED[0 .. length). Overwritten by the next call. */
export const FOLDED = new Uint8Array(MAX_FOLDED);

const a = 97;
const e = 101;
const f = 102;
const h = 104;
const i_ = 105;
const o = 111;
const p = 112;
const u = 117;
const v = 118;
const w = 119;

function isVowel(c: number): boolean {
  return c === a || c === e || c === i_ || c === o || c === u;
}

function needsNormalising(s: string): boolean {
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) > 0x7f) return true;
  return false;
}

/** Fold a name into FOLDED; returns its length (0 when nothing is left). */
export function foldInto(name: string): number {
  const s = needsNormalising(name) ? name.normalize('NFKD') : name;
  let n = 0;
  let last = -1;
  for (let k = 0; k < s.length && n < MAX_FOLDED; k++) {
    let c = s.charCodeAt(k);
    if (c >= 65 && c <= 90) c += 32;
    if (c >= 97 && c <= 122) {
      if (c === w) c = v;
      if (c === h && last >= 97 && last <= 122 && !isVowel(last) && last !== h) {
        if (last === p) FOLDED[n - 1] = last = f; // ph -> f
        continue; // th -> t, sh -> s, ...
      }
      if (c === last) {
        if (c === e) FOLDED[n - 1] = last = i_; // ee -> i
        else if (c === o) FOLDED[n - 1] = last = u; // oo -> u
        continue; // doubled letter
      }
      FOLDED[n++] = last = c;
    } else if (c >= 48 && c <= 57) {
      FOLDED[n++] = last = c;
    } else if (c > 0x7f) {
      if ((c >= 0x300 && c <= 0x36f) || (c >= 0x2000 && c <= 0x206f) || c === 0xa0 || c === 0xfeff || c === 0x3000) continue;
      if (c >= 0xa1 && c <= 0xbf) continue; // Latin-1 punctuation and symbols
      const b = (c & 0x7f) | 0x80;
      if (b === last) continue;
      FOLDED[n++] = last = b;
    }
    // anything else (space, punctuation, control) is dropped without breaking the letter sequence
  }
  return n;
}

/** The folded name as a string (fingerprint keys, tests). */
export function foldName(name: string): string {
  const n = foldInto(name);
  let out = '';
  for (let k = 0; k < n; k++) out += String.fromCharCode(FOLDED[k]);
  return out;
}
