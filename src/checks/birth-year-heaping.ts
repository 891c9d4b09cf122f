// Heaping of birth years on multiples of 5: a fabricator who types round years. A whole-sample statistic,
// weighed as the rows in excess of the expected share (support/distribution.ts).
import { defineCheck } from '../types.js';
import { CategoryTally } from './support/distribution.js';
import { recordFacts } from './support/record-facts.js';
import { share } from './support/summary.js';

const KINDS = ['ending in 0 or 5', 'other'] as const;
/** Uniform years end in 0 or 5 one time in 5; genuine data heaps a little more among the old (indian-id-formats.md §7.3 [M]). */
export const EXPECTED_HEAPING = [0.2, 0.8] as const;

export default defineCheck({
  meta: {
    id: 'birth-year-heaping',
    category: 'plausibility',
    severity: 'info',
    description: 'Birth years ending in 0 or 5, against the one in five of an even spread',
    messages: {
      excess: 'one of the rows in excess of the expected share of birth years {{kind}} ({{observed}} observed, {{expected}} expected)',
    },
    fields: ['birth_year', 'date_of_birth', 'age'],
    docs: {
      why:
        "Birth years end in 0 or 5 about one time in five. Genuine records heap a little on them among older people who knew only their age (UIDAI then sets 1 January of the computed year); a sample whose years are mostly round was typed or drawn from round numbers. Only an excess of round years counts: their absence proves nothing, since Faker's uniform years and many genuine samples alike show none. Rows in excess of the expected 20% are weighed like violations.",
      baseline: 'Genuine: up to about 5-10% of rows in excess (age heaping among the old [M]). Round-number fabrication: 50% or more.',
      sources: ['indian-id-formats.md §7.3 ("Age heaping") [S62, S63, M]'],
    },
  },
  create(ctx) {
    const tally = new CategoryTally(KINDS);
    return {
      record(rec) {
        const x = recordFacts(rec);
        const y = x.birthYear;
        if (Number.isNaN(y) || x.birthYearSource === 'age') return;
        tally.add(y % 5 === 0 ? 0 : 1, rec.row, rec.line, x.birthYearField, x.birthYearText);
      },
      finish() {
        const n = tally.n;
        if (n === 0) return undefined;
        // Only round years in excess count: 'other' is never in excess (its expected share is given as 1).
        const excess = tally.flush(ctx, [EXPECTED_HEAPING[0], 1], 'excess', (i) => ({
          kind: KINDS[i],
          observed: `${Math.round((100 * tally.counts[i]) / n)}%`,
          expected: `${Math.round(100 * EXPECTED_HEAPING[i])}%`,
        }));
        return {
          summary: `Birth years: ${tally.describe(EXPECTED_HEAPING)}; ${share(excess, n)} rows in excess of the expected share of round years.`,
          data: { ...tally.data(EXPECTED_HEAPING, ['round', 'other']), excess },
        };
      },
    };
  },
});
