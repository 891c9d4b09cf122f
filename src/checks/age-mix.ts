// The age mix of adults at their first dose against CoWin's published mix for the same dose-date window.
// A whole-sample statistic, weighed as the rows in excess of the expected shares (support/distribution.ts).
import { dayNumber, formatDmy } from '../dates.js';
import { PROGRAMME_START, effectiveAge } from '../policy/rules.js';
import { defineCheck } from '../types.js';
import { CategoryTally, excessText, round4 } from './support/distribution.js';
import { recordFacts } from './support/record-facts.js';

export const AGE_GROUPS = ['18-44', '45-59', '60+'] as const;
/** First doses from this day on were open to every adult (cowin-formats.md §6). */
export const ALL_ADULTS_DAY = dayNumber(2021, 5, 1);
/**
 * Expected shares of adult first doses by age group, 18-44 / 45-59 / 60+:
 * - before 01-05-2021: individuals vaccinated by 30-04-2021, 14.82 / 57.68 / 52.86 million
 *   (cowin-data/aggregates/derived_india_national_daily.csv, "Individuals Vaccinated" by age) [S];
 * - from 01-05-2021: MoHFW cumulative adult first doses by about April 2022, 555.3 / 202.9 / 126.8 million
 *   (indian-id-formats.md §7.3 [S60]) less those, 540.5 / 145.2 / 73.9 million [S, derived];
 * - overall (62.8 / 22.9 / 14.3%, [S60]) is the mix a sample spanning the whole drive shows.
 */
export const EXPECTED_BEFORE_MAY_2021 = [0.118, 0.46, 0.422] as const;
export const EXPECTED_FROM_MAY_2021 = [0.712, 0.191, 0.097] as const;
export const EXPECTED_OVERALL = [0.628, 0.229, 0.143] as const;

/** Policy phase boundaries for the first-dose chart (cowin-formats.md §6). */
export const PHASES = ['01-03-2021', '01-04-2021', '01-05-2021', '03-01-2022', '16-03-2022'] as const;

export default defineCheck({
  meta: {
    id: 'age-mix',
    category: 'plausibility',
    severity: 'info',
    description: "Adults' age groups at first dose against CoWin's published mix for the same dose dates",
    messages: {
      excess: 'one of the rows in excess of the expected share of age group {{group}} ({{observed}} observed, {{expected}} expected)',
    },
    fields: ['birth_year', 'date_of_birth', 'age', 'dose1_date', 'vaccination_date'],
    docs: {
      why:
        "Genuine first doses follow the drive: about 71% of adult first doses from 01-05-2021 went to 18-44-year-olds, while before that 45+ dominated. Fabricated ages are drawn blind to this: Faker's uniform ages 18-80 give 42 / 24 / 34%, twice CoWin's share of 60+. The expected mix is the mix of the two windows (before and from 01-05-2021) weighted by the sample's own first doses in each, so a sample from one period is compared with that period. The departure is counted as the rows in excess of the expected shares (total variation distance x rows), which the verdict weighs like violations. data holds the observed and expected shares and first doses per month (dose1:YYYY-MM) for the report's charts.",
      baseline:
        'Genuine: a few % of rows in excess from sampling noise and local skew (allowed: 10%). Fabricated with uniform ages: about 25-30% in excess.',
      sources: ['indian-id-formats.md §6.1, §7.3 [S58-S61]', 'cowin-data/aggregates/derived_india_national_daily.csv (individuals vaccinated by age to 31-05-2021)'],
    },
  },
  create(ctx) {
    const tally = new CategoryTally(AGE_GROUPS);
    let before = 0;
    /** First doses (all ages) per day since the programme start, for the monthly histogram. */
    const perDay: number[] = [];
    return {
      record(rec) {
        const x = recordFacts(rec);
        const day = x.dose1;
        if (!(day >= PROGRAMME_START && day <= ctx.asOfDay)) return;
        const d = day - PROGRAMME_START;
        perDay[d] = (perDay[d] ?? 0) + 1;
        if (Number.isNaN(x.birthYear)) return;
        const age = effectiveAge(x.birthYear, day);
        if (age < 18 || age > 120) return;
        if (day < ALL_ADULTS_DAY) before++;
        tally.add(age < 45 ? 0 : age < 60 ? 1 : 2, rec.row, rec.line, x.birthYearField, x.birthYearText);
      },
      finish() {
        const n = tally.n;
        const months: Record<string, number> = {};
        for (let d = 0; d < perDay.length; d++) {
          if (!perDay[d]) continue;
          const key = `dose1:${formatDmy(PROGRAMME_START + d).slice(6)}-${formatDmy(PROGRAMME_START + d).slice(3, 5)}`;
          months[key] = (months[key] ?? 0) + perDay[d];
        }
        if (n === 0) return Object.keys(months).length ? { data: months } : undefined;
        const wBefore = before / n;
        const expected = AGE_GROUPS.map((_, i) => wBefore * EXPECTED_BEFORE_MAY_2021[i] + (1 - wBefore) * EXPECTED_FROM_MAY_2021[i]);
        const excess = tally.flush(ctx, expected, 'excess', (i) => ({
          group: AGE_GROUPS[i],
          observed: `${Math.round((100 * tally.counts[i]) / n)}%`,
          expected: `${Math.round(100 * expected[i])}%`,
        }));
        return {
          summary: `Adults at first dose: ${tally.describe(expected)} for these dose dates (CoWin, indian-id-formats.md §7.3); ${excessText(excess, n)}.`,
          data: { ...tally.data(expected), firstDosesBeforeMay2021: round4(wBefore), ...months },
        };
      },
    };
  },
});
