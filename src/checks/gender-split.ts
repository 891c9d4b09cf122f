// The gender split against CoWin's: about 52% male, 48% female, 0.01-0.05% Others. A whole-sample statistic,
// weighed as the rows in excess of the expected shares (support/distribution.ts).
import { defineCheck } from '../types.js';
import { CategoryTally, excessText } from './support/distribution.js';

const GENDERS = ['Male', 'Female', 'Others'] as const;
/**
 * Expected shares: CoWin dashboard 02-10-2021, 51.8% male / 47.8% female of doses; Others 0.011-0.024% of
 * individuals in the published aggregates, at most 0.05% (indian-id-formats.md §7.4 [S64-S66]).
 */
export const EXPECTED_GENDER = [0.52, 0.4795, 0.0005] as const;

const INDEX = new Map<string, number>();
for (const [i, words] of [[0, ['male', 'm']], [1, ['female', 'f']], [2, ['others', 'other', 'o', 'transgender', 't']]] as const) {
  for (const w of words) for (const v of [w, w.toUpperCase(), w.charAt(0).toUpperCase() + w.slice(1)]) INDEX.set(v, i);
}

/** Gender index of a value (Male/Female/Others and their one-letter and Transgender spellings), else -1. */
function genderIndex(v: string): number {
  return INDEX.get(v) ?? (v.length <= 12 ? INDEX.get(v.trim().toLowerCase()) ?? -1 : -1);
}

export default defineCheck({
  meta: {
    id: 'gender-split',
    category: 'plausibility',
    severity: 'info',
    description: "The sample's gender split against CoWin's (about 52% male, 48% female, at most 0.05% Others)",
    messages: {
      excess: 'one of the rows in excess of the expected share of {{gender}} ({{observed}} observed, {{expected}} expected)',
    },
    fields: ['gender'],
    docs: {
      why:
        "CoWin's beneficiaries were about 52% men and 48% women, with Others at about 0.01-0.02% (some states had more women, Andhra Pradesh 55%). Naive fabrication draws the three genders uniformly (a third Others); Faker draws 50/50 with no Others, which this check cannot tell from genuine. The departure is counted as the rows in excess of the expected shares (total variation distance x rows), weighed like violations.",
      baseline: 'Genuine: a few % in excess (sampling noise, state skews up to ~18% in small UTs; allowed 8%). Uniform over three genders: about 33%.',
      sources: ['indian-id-formats.md §7.4 [S64-S66]', 'cowin-data/aggregates/ (Male/Female/Transgender individuals vaccinated)'],
    },
  },
  create(ctx) {
    const tally = new CategoryTally(GENDERS);
    return {
      record(rec) {
        const g = rec.fields.gender;
        if (g === undefined || g.length === 0) return;
        const i = genderIndex(g);
        if (i >= 0) tally.add(i, rec.row, rec.line, 'gender', g);
      },
      finish() {
        const n = tally.n;
        if (n === 0) return undefined;
        const excess = tally.flush(ctx, EXPECTED_GENDER, 'excess', (i) => ({
          gender: GENDERS[i],
          observed: `${((100 * tally.counts[i]) / n).toFixed(1)}%`,
          expected: `${(100 * EXPECTED_GENDER[i]).toFixed(2)}%`,
        }));
        return { summary: `Gender: ${tally.describe(EXPECTED_GENDER)}; ${excessText(excess, n)}.`, data: tally.data(EXPECTED_GENDER) };
      },
    };
  },
});
