// Identifiers that look manufactured: issued in sequence or at an even step (sorted differences mostly one
// constant), or squeezed into a sliver of the range their digit count allows.
import { digitsOf, fullMobile, isAadhaarShaped, normalizeId, isDigits } from '../dedupe/keys.js';
import { defineCheck, type Dict } from '../types.js';

/** The smallest ids kept per field to judge spacing (a max-heap): evenly issued ids are evenly spaced at the bottom too. */
export const SERIES_K = 8192;
/** Distinct ids needed before a field is judged. */
export const MIN_SERIES = 20;
/** Share of the sorted gaps equal to the most common gap at or above which ids count as evenly spaced. */
export const EVEN_MIN_SHARE = 0.5;
/** Range of the ids over the range their digit count allows below which they count as squeezed. */
export const NARROW_MAX_RATIO = 1e-3;
/** Distinct ids needed before the range is judged. */
export const MIN_RANGE_SERIES = 30;
/** Examples with rows reported per check before the remaining rows are counted. */
const DETAILS = 5;

interface Series {
  field: string;
  label: string;
  /** Values with more digits than this are not exact in a double and are skipped. */
  maxDigits: number;
  /** Size of the space ids of `digits` digits are drawn from. */
  space: (digits: number) => number;
  count: number;
  min: number;
  max: number;
  lengths: Uint32Array;
  heap: Float64Array;
  heapRows: Uint32Array;
  heapSize: number;
}

const anyFirstDigit = (d: number): number => 9 * 10 ** (d - 1);

function series(field: string, label: string, space: (d: number) => number = anyFirstDigit): Series {
  return {
    field, label, maxDigits: 15, space, count: 0, min: Infinity, max: -Infinity,
    lengths: new Uint32Array(16), heap: new Float64Array(SERIES_K), heapRows: new Uint32Array(SERIES_K), heapSize: 0,
  };
}

function add(s: Series, digits: string, row: number): void {
  const len = digits.length;
  if (len === 0 || len > s.maxDigits) return;
  const v = Number(digits);
  s.count++;
  s.lengths[len]++;
  if (v < s.min) s.min = v;
  if (v > s.max) s.max = v;
  const heap = s.heap;
  const rows = s.heapRows;
  if (s.heapSize < SERIES_K) {
    let i = s.heapSize++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heap[p] >= v) break;
      heap[i] = heap[p];
      rows[i] = rows[p];
      i = p;
    }
    heap[i] = v;
    rows[i] = row;
  } else if (v < heap[0]) {
    let i = 0;
    const size = s.heapSize;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) break;
      const c = l + 1 < size && heap[l + 1] > heap[l] ? l + 1 : l;
      if (heap[c] <= v) break;
      heap[i] = heap[c];
      rows[i] = rows[c];
      i = c;
    }
    heap[i] = v;
    rows[i] = row;
  }
}

interface Judgement {
  s: Series;
  messageId: 'even' | 'narrow';
  /** Distinct values ascending with their rows. */
  values: number[];
  rows: number[];
  data: Dict<string | number>;
  step?: number;
}

const pct = (x: number): string => {
  const p = x * 100;
  return p >= 1 ? `${Math.round(p)}%` : p >= 0.001 ? `${Number(p.toPrecision(2))}%` : `${p.toExponential(1)}%`;
};

function judge(s: Series): Judgement | null {
  // Equal values by row: a repeated id shows its earliest row kept, whatever the heap's layout.
  const order = Array.from({ length: s.heapSize }, (_, i) => i).sort((a, b) => s.heap[a] - s.heap[b] || s.heapRows[a] - s.heapRows[b]);
  const values: number[] = [];
  const rows: number[] = [];
  for (const i of order) {
    if (values.length && values[values.length - 1] === s.heap[i]) continue;
    values.push(s.heap[i]);
    rows.push(s.heapRows[i]);
  }
  if (values.length < MIN_SERIES) return null;
  const gaps = new Float64Array(values.length - 1);
  for (let i = 1; i < values.length; i++) gaps[i - 1] = values[i] - values[i - 1];
  gaps.sort();
  let best = 0;
  let bestGap = 0;
  for (let i = 0; i < gaps.length; ) {
    let j = i + 1;
    while (j < gaps.length && gaps[j] === gaps[i]) j++;
    if (j - i > best) {
      best = j - i;
      bestGap = gaps[i];
    }
    i = j;
  }
  const share = best / gaps.length;
  if (share >= EVEN_MIN_SHARE) {
    return { s, messageId: 'even', values, rows, step: bestGap, data: { label: s.label, step: bestGap, share: pct(share) } };
  }
  let digits = 1;
  for (let d = 1; d < s.lengths.length; d++) if (s.lengths[d] > s.lengths[digits]) digits = d;
  const ratio = (s.max - s.min) / s.space(digits);
  if (values.length >= MIN_RANGE_SERIES && ratio < NARROW_MAX_RATIO) {
    return { s, messageId: 'narrow', values, rows, data: { label: s.label, span: s.max - s.min, digits, ratio: pct(ratio) } };
  }
  return null;
}

export default defineCheck({
  meta: {
    id: 'manufactured-ids',
    category: 'plausibility',
    severity: 'warning',
    description: 'Identifiers issued in sequence, at an even step, or squeezed into a narrow range',
    fields: ['beneficiary_reference_id', 'aadhaar_number', 'photo_id_number', 'mobile_number'],
    messages: {
      even: '{{label}}s are evenly spaced: {{share}} of the gaps between sorted ids are exactly {{step}}',
      narrow: '{{label}}s span only {{span}} of the {{digits}}-digit range ({{ratio}} of it)',
      counted: 'in an identifier field that looks manufactured',
    },
    docs: {
      why:
        'A generator counting up (or stepping by a constant) leaves ids whose sorted gaps are one number; one drawing from a small range leaves ids packed into a sliver of the space. Aadhaar numbers are random by design (their 11-digit payloads are judged), mobile numbers spread over the numbering plan, and CoWin reference ids seen in public are spread over the 14-digit range.',
      baseline:
        'Judged per field on at least 20 distinct unmasked numeric ids (spacing, on the 8,192 smallest) and 30 (range, on min and max): evenly spaced when at least half the sorted gaps are equal; squeezed when the range is under 0.1% of what the digit count allows. Certificate ids are not judged (they may be issued in sequence). Violations: the rows of the largest flagged field.',
      sources: ['Frictionless sequential-value check', 'verification-and-peers.md R7', 'indian-id-formats.md §1'],
    },
  },
  create(ctx) {
    const ref = series('beneficiary_reference_id', 'beneficiary reference id');
    const aadhaar = series('aadhaar_number', 'Aadhaar number', () => 8e10); // payloads: 11 digits, first 2-9
    const photo = series('photo_id_number', 'photo ID number');
    const mobile = series('mobile_number', 'mobile number', () => 4e9); // 10 digits, first 6-9
    const all = [ref, aadhaar, photo, mobile];
    return {
      record(rec) {
        const f = rec.fields;
        const before = ref.count + aadhaar.count + photo.count + mobile.count;
        if (f.beneficiary_reference_id !== undefined) {
          const id = normalizeId(f.beneficiary_reference_id);
          if (isDigits(id)) add(ref, id, rec.row);
        }
        if (f.aadhaar_number !== undefined) {
          const id = normalizeId(f.aadhaar_number);
          if (isAadhaarShaped(id)) add(aadhaar, id.slice(0, 11), rec.row);
        }
        if (f.photo_id_number !== undefined) {
          const id = normalizeId(f.photo_id_number);
          if (isAadhaarShaped(id) && f.aadhaar_number === undefined) add(aadhaar, id.slice(0, 11), rec.row);
          else if (id.length >= 8 && isDigits(id) && !isAadhaarShaped(id)) add(photo, id, rec.row);
        }
        if (f.mobile_number !== undefined) {
          const m = fullMobile(f.mobile_number);
          if (m) add(mobile, digitsOf(m), rec.row);
        }
        if (ref.count + aadhaar.count + photo.count + mobile.count > before) ctx.applicable();
      },
      finish() {
        const flagged = all.map(judge).filter((j): j is Judgement => j !== null);
        if (!flagged.length) return;
        // Examples first, taken in turn from each flagged field, then the remaining rows of the largest field.
        let reported = 0;
        for (let k = 0; reported < DETAILS && k < DETAILS; k++) {
          for (const j of flagged) {
            if (reported >= DETAILS) break;
            let at = k;
            if (j.messageId === 'even') {
              // Show ids that sit one step apart.
              let found = -1;
              for (let i = 1, seen = 0; i < j.values.length; i++) {
                if (j.values[i] - j.values[i - 1] === j.step && seen++ === k) {
                  found = i;
                  break;
                }
              }
              at = found < 0 ? k : found;
            }
            if (at >= j.values.length) continue;
            ctx.report({ messageId: j.messageId, row: j.rows[at], field: j.s.field, value: String(j.values[at]), data: j.data });
            reported++;
          }
        }
        const rows = Math.max(...flagged.map((j) => j.s.count));
        for (let i = reported; i < rows; i++) ctx.report({ messageId: 'counted' });
        const parts = flagged.map((j) =>
          j.messageId === 'even'
            ? `${j.s.label}s evenly spaced (${j.data.share} of gaps = ${j.step})`
            : `${j.s.label}s squeezed into ${j.data.ratio} of their range`,
        );
        return { summary: `${parts.join('; ')}: identifiers look manufactured`, data: Object.fromEntries(flagged.map((j) => [j.s.field, j.messageId])) };
      },
    };
  },
});
