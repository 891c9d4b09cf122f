// Copies of rows: exact duplicates, and the same person copied with a perturbed name (near-duplicates);
// from both, an estimate of how many distinct people the sample holds and the `inflated` flag.
import { HashSet64, PROJECT_AT } from '../dedupe/hashset.js';
import { NearIndex } from '../dedupe/near.js';
import { RowKeys } from '../dedupe/row-keys.js';
import { defineCheck, type CheckContext, type CheckOutcome, type Flag } from '../types.js';
import { count as n } from '../report/numbers.js';

/** Rows per distinct person at or above which a sample is flagged `inflated` ... */
export const INFLATED_MIN_FACTOR = 1.2;
/** ... provided at least this many rows are copies. */
export const INFLATED_MIN_COPIES = 10;
/**
 * Rows with fewer mapped, non-empty fields are not judged: name, birth year and gender alone cannot tell a
 * namesake from a copy (two Rajesh Kumars born in 1985 are common in any large sample).
 */
export const MIN_FIELDS = 4;


/**
 * Report the near-duplicates `near` finds and conclude: distinct people, the inflation factor and the flag.
 * `rows` judged rows, `exactCopies` of them exact copies (already reported). Shared with the DuckDB engine.
 */
export function concludeCopies(ctx: CheckContext, rows: number, exactCopies: number, near: NearIndex): CheckOutcome {
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
  // Past the near-duplicate budget only some blocks were compared: scale their count up, and count the estimated
  // rest as findings without a row so the rate stays an estimate of the share of copies.
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
    const keys = new RowKeys(ctx.mapped);
    let rows = 0;
    let exactCopies = 0;
    let projected = false;
    return {
      record(rec) {
        if (!projected && rec.row >= PROJECT_AT) {
          projected = true;
          const expected = ctx.expectedRows();
          exact.project(rec.row, expected);
          near.project(rec.row, expected);
        }
        if (keys.read(rec.fields) < MIN_FIELDS) return;
        ctx.applicable();
        rows++;
        const slot = exact.add(keys.row.hi, keys.row.lo, rec.row);
        if (slot >= 0) {
          exactCopies++;
          ctx.report({ messageId: 'exact', row: rec.row, line: rec.line, field: null, value: null, data: { firstRow: exact.value(slot) } });
          return;
        }
        const k = keys.nearKeys(rec.fields);
        if (k) near.add(rec.row, rec.line, k.nameLength, k.blockA, k.blockB, k.sampleKey, k.dates, k.rest, k.evidence);
      },
      finish: () => concludeCopies(ctx, rows, exactCopies, near),
    };
  },
});
