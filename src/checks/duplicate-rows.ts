// Copies of rows: exact duplicates, and the same person copied with a perturbed name (near-duplicates);
// from both, an estimate of how many distinct people the sample holds and the `inflated` flag.
import { Hasher } from '../dedupe/hash.js';
import { HashSet64, PROJECT_AT } from '../dedupe/hashset.js';
import { DOSE_DATE_FIELDS, ID_FIELDS, NAME_FIELDS, birthYearOf, genderCode, mobileTailNumber } from '../dedupe/keys.js';
import { HAS_DATES, HAS_MOBILE, NearIndex } from '../dedupe/near.js';
import { foldInto } from '../dedupe/names.js';
import { FIELDS } from '../fields.js';
import { defineCheck, type Flag } from '../types.js';

/** Rows per distinct person at or above which a sample is flagged `inflated` ... */
export const INFLATED_MIN_FACTOR = 1.2;
/** ... provided at least this many rows are copies. */
export const INFLATED_MIN_COPIES = 10;
/**
 * Rows with fewer mapped, non-empty fields are not judged: name, birth year and gender alone cannot tell a
 * namesake from a copy (two Rajesh Kumars born in 1985 are common in any large sample).
 */
export const MIN_FIELDS = 4;

const ROLE_OTHER = 0;
const ROLE_ID = 1;
const ROLE_NAME = 2;
const ROLE_DOSE_DATE = 3;

const ROLES: Record<string, number> = Object.create(null);
for (const f of FIELDS) ROLES[f.id] = ROLE_OTHER;
for (const f of ID_FIELDS) ROLES[f] = ROLE_ID;
for (const f of NAME_FIELDS) ROLES[f] = ROLE_NAME;
for (const f of DOSE_DATE_FIELDS) ROLES[f] = ROLE_DOSE_DATE;

/** A small integer per canonical field, hashed instead of the field's name. */
const FIELD_CODE: Record<string, number> = Object.create(null);
FIELDS.forEach((f, i) => (FIELD_CODE[f.id] = i + 1));

const n = (x: number): string => x.toLocaleString('en-US');

/** Mix four decimal digits (0-9999, zero-padded) into `h` as their characters. */
function digits4(h: Hasher, v: number): Hasher {
  const a = (v / 1000) | 0;
  const b = ((v / 100) | 0) - a * 10;
  const c = ((v / 10) | 0) - ((v / 100) | 0) * 10;
  return h.code(48 + a).code(48 + b).code(48 + c).code(48 + (v - ((v / 10) | 0) * 10));
}

export default defineCheck({
  meta: {
    id: 'duplicate-rows',
    category: 'duplicates',
    severity: 'warning',
    description: 'Rows that copy an earlier row, exactly or as the same person with a perturbed name',
    messages: {
      exact: 'repeats row {{firstRow}} exactly (every mapped field equal)',
      near: 'the same person as row {{firstRow}} with a perturbed name (name similarity {{similarity}}%)',
      sampled: 'near-duplicate estimated in blocks that were not sampled',
    },
    docs: {
      why:
        'Sellers pad a sample to inflate its headline count: the same rows repeated, or the same people with their names re-cased, re-spaced, re-transliterated or mistyped. A genuine export holds each beneficiary once. Rows over estimated distinct people is the inflation factor.',
      baseline:
        'Exact duplicates: every mapped field equal (unmapped columns such as a serial number are ignored). Near-duplicates: names folded (case, spacing, punctuation, initials, aa/a, ee/i, oo/u, th/t, sh/s, ph/f, v/w, double letters), blocked on birth year + gender + mobile last 4 digits, or + district; Jaro-Winkler >= 0.80 with every other non-identifier field equal including dose dates, >= 0.88 with every other field equal and a mobile but no dates, >= 0.93 with only the dose dates equal, equal folded names when nothing else corroborates. Families sharing a mobile and surname differ in first name, birth year and dates and are not merged. Rows with fewer than 4 mapped fields are not judged (a namesake cannot be told from a copy). Inflated: factor >= 1.2 over the judged rows and at least 10 copied rows.',
      sources: ['HIBP Collection #1: 2.69 billion rows, 1.16 billion unique pairs', 'Splink (blocking rules, Jaro-Winkler comparisons)'],
    },
  },
  create(ctx) {
    const exact = new HashSet64(true);
    const near = new NearIndex();
    const hRow = new Hasher();
    const hRest = new Hasher();
    const hDates = new Hasher();
    const hKey = new Hasher();
    const hValue = new Hasher();
    const order = [...ctx.mapped].sort();
    const codes = order.map((k, i) => FIELD_CODE[k] ?? FIELDS.length + 1 + i);
    const roles = order.map((k) => ROLES[k] ?? ROLE_OTHER);
    let rows = 0;
    let exactCopies = 0;
    let projected = false;
    return {
      record(rec) {
        if (!projected && rec.row >= PROJECT_AT) {
          projected = true;
          exact.project(rec.row, ctx.expectedRows());
        }
        const f = rec.fields;
        hRow.start(1);
        hRest.start(2);
        hDates.start(3);
        let fields = 0;
        let dates = 0;
        // Each value is hashed once; the row, rest and dates hashes combine (field, value hash) pairs. The
        // mapped fields are visited in one fixed order (no per-row key list).
        for (let m = 0; m < order.length; m++) {
          const v = f[order[m]];
          if (v === undefined) continue;
          // A value hash only feeds the row, rest and dates hashes, which finish with full avalanche.
          hValue.start(0).strPairs(v).endRaw();
          const code = codes[m];
          const vh = hValue.hi;
          const vl = hValue.lo;
          hRow.code(code).code(vh).code(vl);
          fields++;
          const role = roles[m];
          if (role === ROLE_ID || role === ROLE_NAME) continue;
          hRest.code(code).code(vh).code(vl);
          if (role === ROLE_DOSE_DATE) {
            hDates.code(code).code(vh).code(vl);
            dates++;
          }
        }
        if (fields < MIN_FIELDS) return;
        ctx.applicable();
        rows++;
        hRow.end();
        const slot = exact.add(hRow.hi, hRow.lo, rec.row);
        if (slot >= 0) {
          exactCopies++;
          ctx.report({ messageId: 'exact', row: rec.row, line: rec.line, field: null, value: null, data: { firstRow: exact.value(slot) } });
          return;
        }
        const name = f.name;
        if (name === undefined) return;
        const yob = birthYearOf(f);
        const g = genderCode(f.gender);
        if (Number.isNaN(yob) || !g) return;
        const len = foldInto(name);
        if (len < 2) return;
        const gc = g.charCodeAt(0);
        // The mobile's last 4 digits and the lower-cased district, hashed as the strings they are (the block
        // keys decide the comparison order), without making the strings.
        const tail = f.mobile_number === undefined ? -1 : mobileTailNumber(f.mobile_number);
        const district = f.district_name === undefined ? '' : f.district_name;
        const blockA = tail >= 0 ? digits4(hKey.start(10).code(yob).code(gc), tail).end32() : 0;
        const blockB = district
          ? hKey.start(11).code(yob).code(gc).strLower(district).end32()
          : tail >= 0
            ? 0
            : hKey.start(12).code(yob).code(gc).end32();
        hKey.start(13).code(yob).code(gc);
        if (tail >= 0) digits4(hKey, tail);
        const sampleKey = hKey.sep().strLower(district).end32();
        const evidence = (dates ? HAS_DATES : 0) | (tail >= 0 ? HAS_MOBILE : 0);
        near.add(rec.row, rec.line, len, blockA, blockB, sampleKey, dates ? hDates.end32() : 0, hRest.end32(), evidence);
      },
      finish() {
        const result = near.cluster();
        for (const m of result.matches) {
          ctx.report({
            messageId: 'near',
            row: m.row,
            line: m.line,
            field: null,
            value: null,
            data: { firstRow: m.firstRow, similarity: Math.round(m.similarity * 100) },
          });
        }
        // Past the near-duplicate budget only some blocks were compared: scale their count up, and count
        // the estimated rest as findings without a row so the rate stays an estimate of the share of copies.
        const nearCopies = Math.round(result.matches.length / result.sampled);
        for (let i = result.matches.length; i < nearCopies; i++) ctx.report({ messageId: 'sampled' });
        const copies = exactCopies + nearCopies;
        const distinct = Math.max(rows - copies, rows ? 1 : 0);
        const factor = distinct ? Math.round((rows / distinct) * 100) / 100 : 1;
        const flags: Flag[] = factor >= INFLATED_MIN_FACTOR && copies >= INFLATED_MIN_COPIES ? ['inflated'] : [];
        const data = {
          rows,
          estimatedDistinct: distinct,
          inflationFactor: factor,
          exactDuplicates: exactCopies,
          nearDuplicates: nearCopies,
          nearSampledShare: result.sampled,
        };
        if (!rows) return { summary: `no row has the ${MIN_FIELDS} mapped fields needed to tell a copy from a namesake`, data };
        const sampled = result.sampled < 1 ? ` (near-duplicates estimated from ${Math.round(result.sampled * 1000) / 10}% of blocks)` : '';
        const summary = copies
          ? `${n(rows)} rows hold about ${n(distinct)} distinct people (x${factor.toFixed(2)}): ${n(exactCopies)} exact ${exactCopies === 1 ? 'copy' : 'copies'}, ${n(nearCopies)} near-duplicate${nearCopies === 1 ? '' : 's'}${sampled}${flags.length ? '; inflated' : ''}`
          : `no copied rows among ${n(rows)}${sampled}`;
        return { summary, flags, data };
      },
    };
  },
});
