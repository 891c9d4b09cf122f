// Adults given a first dose before their age group opened: only health-care and frontline workers could be.
// One such record is no evidence; the share across the sample is.
import { formatDmy } from '../dates.js';
import { PROGRAMME_START, ageGroupOpenOn, citation, effectiveAge, eligibility } from '../policy/rules.js';
import { TIMELINE, type GroupRule, type TimelineEntry } from '../policy/timeline.js';
import { defineCheck } from '../types.js';
import { recordFacts } from './support/record-facts.js';
import { percent, share } from './support/summary.js';

const GROUPS = TIMELINE.filter((e): e is TimelineEntry<GroupRule> => e.rule.kind === 'group' && e.rule.doseKind === 'primary');
/** Priority workers' youngest age: the adults a priority group could cover. */
const PRIORITY_MIN_AGE = Math.min(...GROUPS.filter((g) => g.rule.condition === 'priority').map((g) => g.rule.minAge));
/** The group that opened first doses to every adult (01-05-2021): the end of the window where age decided. */
const ALL_ADULTS = GROUPS.find((g) => g.rule.condition === 'none' && g.rule.minAge <= PRIORITY_MIN_AGE)!;
/** The first group open by age alone (01-03-2021): the start of that window. */
const FIRST_AGE_GROUP = GROUPS.find((g) => g.rule.condition === 'none')!;

/**
 * Expected share of adult first doses in the window given to priority workers ahead of their age group: about
 * 1 crore of about 11 crore first doses given in March-April 2021 (HCW + FLW first doses rose from about 1.2 to
 * about 2.2 crore; cowin-formats.md §6 "Priority groups and early doses", figures [M]).
 */
export const EXPECTED_EARLY_IN_WINDOW = 0.1;

export default defineCheck({
  meta: {
    id: 'age-early-dose',
    category: 'consistency',
    severity: 'info',
    description: 'Share of adults dosed before their age group opened (01-03-2021 to 30-04-2021), against the priority workers\' share',
    messages: {
      early:
        'born {{birthYear}} (aged {{age}} by CoWin\'s reckoning), first dose {{date}}: the youngest age group open then was {{minAge}}+; only a health-care or frontline worker could have had it',
    },
    fields: ['birth_year', 'date_of_birth', 'age', 'dose1_date', 'vaccination_date'],
    docs: {
      why:
        'Between 01-03-2021 (60+, and 45-59 with comorbidities) and 01-05-2021 (all adults) age groups decided who could get a first dose; younger adults could only as health-care or frontline workers, who were vaccinated from 16-01-2021 and 02-02-2021 whatever their age. So a single early dose is no evidence, but a sample where most first doses of those weeks went to people too young for the open group has ages drawn independently of dates. Only first doses inside that window are counted: before it every dose was a priority worker\'s, after it every adult was eligible. 45-59-year-olds are counted early in March only when the record says they had no comorbidity. The share over all first doses, which the reference gives as 10-20% for a sample ending mid-2021 and a few % for 2022-2023, is reported in the data as allFirstDosesEarly.',
      baseline:
        'Genuine: about 10% of adult first doses in March-April 2021 (priority workers). Fabricated or shuffled: 40-70%, the share of adults below the open age group.',
      sources: ['cowin-formats.md §6 ("Priority groups and early doses", phases)', 'src/policy/timeline.ts primary-* groups'],
    },
  },
  create(ctx) {
    let n = 0;
    let early = 0;
    let allFirst = 0;
    let allEarly = 0;
    return {
      record(rec) {
        const x = recordFacts(rec);
        const day = x.dose1;
        if (Number.isNaN(x.birthYear) || !(day >= PROGRAMME_START && day <= ctx.asOfDay)) return;
        const e = eligibility(x.birthYear, day, { comorbid: x.comorbid });
        if (e === undefined) return;
        allFirst++;
        const isEarly = e.status === 'priority-only';
        if (isEarly) allEarly++;
        if (day < FIRST_AGE_GROUP.day || day >= ALL_ADULTS.day) return;
        const age = effectiveAge(x.birthYear, day);
        if (age < PRIORITY_MIN_AGE) return; // minors: age-eligibility
        ctx.applicable();
        n++;
        if (!isEarly) return;
        early++;
        ctx.report({
          messageId: 'early',
          row: rec.row,
          line: rec.line,
          field: x.dose1Field,
          value: rec.fields[x.dose1Field] ?? null,
          data: { birthYear: String(x.birthYear), age, date: formatDmy(day), minAge: ageGroupOpenOn(day)?.rule.minAge ?? PRIORITY_MIN_AGE },
        });
      },
      finish() {
        if (allFirst === 0) return {};
        const rate = n > 0 ? early / n : 0;
        const verdict =
          n === 0 ? '' : rate > 2 * EXPECTED_EARLY_IN_WINDOW ? ' That is well above' : rate > EXPECTED_EARLY_IN_WINDOW ? ' That is above' : ' That is within';
        return {
          summary:
            `${share(early, n)} adults' first doses between ${FIRST_AGE_GROUP.date} and ${formatDmy(ALL_ADULTS.day - 1)} came before their age group opened` +
            (n > 0 ? `.${verdict} the ~${percent(EXPECTED_EARLY_IN_WINDOW)} expected from health-care and frontline workers (cowin-formats.md §6).` : '.') +
            ` Across all first doses: ${share(allEarly, allFirst)} before the person's age group (${citation(ALL_ADULTS)}).`,
          data: { allFirstDoses: allFirst, allFirstDosesEarly: allEarly, expectedInWindow: EXPECTED_EARLY_IN_WINDOW },
        };
      },
    };
  },
});
