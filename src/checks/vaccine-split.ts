// The vaccine split against CoWin's: about 85% Covishield, 13.5% Covaxin, the rest other vaccines. A
// whole-sample statistic, weighed as the rows in excess of the expected shares (support/distribution.ts).
import { defineCheck } from '../types.js';
import { CategoryTally, excessText } from './support/distribution.js';
import { recordFacts } from './support/record-facts.js';

const VACCINE_GROUPS = ['Covishield', 'Covaxin', 'other'] as const;
/**
 * Expected shares of doses: about 85% Covishield and 13.5% Covaxin (indian-id-formats.md §7.6); the published
 * aggregates give 88.9 / 10.7% to 31-10-2021 and 80.4 / 16.7% to 28-05-2022 once Corbevax (12-14) and Covaxin
 * (15-17) doses came in (cowin-data/aggregates/derived_india_national_daily.csv) [S].
 */
export const EXPECTED_VACCINE = [0.85, 0.135, 0.015] as const;

export default defineCheck({
  meta: {
    id: 'vaccine-split',
    category: 'plausibility',
    severity: 'info',
    description: "The sample's vaccine split against CoWin's (about 85% Covishield, 13.5% Covaxin)",
    messages: {
      excess: 'one of the rows in excess of the expected share of {{vaccine}} ({{observed}} observed, {{expected}} expected)',
    },
    fields: ['vaccine'],
    docs: {
      why:
        'About 85% of CoWin doses were Covishield and 13.5% Covaxin; Sputnik V, Corbevax, Covovax and ZyCoV-D together were a few %. Fabricators pick a vaccine uniformly from a list, which puts a quarter or more on the rare ones. The departure is counted as the rows in excess of the expected shares (total variation distance x rows), weighed like violations.',
      baseline: 'Genuine: a few % in excess (sampling noise; the split moved between 2021 and 2022; allowed 10%). Uniform over four or five vaccines: 45-60%.',
      sources: ['indian-id-formats.md §7.6', 'cowin-data/aggregates/derived_india_national_daily.csv (doses by vaccine)'],
    },
  },
  create(ctx) {
    const tally = new CategoryTally(VACCINE_GROUPS);
    return {
      record(rec) {
        const v = recordFacts(rec).vaccine;
        if (v === undefined) return;
        tally.add(v === 'covishield' ? 0 : v === 'covaxin' ? 1 : 2, rec.row, rec.line, 'vaccine', rec.fields.vaccine ?? '');
      },
      finish() {
        const n = tally.n;
        if (n === 0) return undefined;
        const excess = tally.flush(ctx, EXPECTED_VACCINE, 'excess', (i) => ({
          vaccine: VACCINE_GROUPS[i],
          observed: `${Math.round((100 * tally.counts[i]) / n)}%`,
          expected: `${(100 * EXPECTED_VACCINE[i]).toFixed(1)}%`,
        }));
        return { summary: `Vaccines: ${tally.describe(EXPECTED_VACCINE)}; ${excessText(excess, n)}.`, data: tally.data(EXPECTED_VACCINE) };
      },
    };
  },
});
