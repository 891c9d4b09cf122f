// People dosed when no group open that day covered their age, not even as health-care or frontline workers.
import { formatDmy } from '../dates.js';
import { PROGRAMME_START, citation, effectiveAge, eligibility, type EligibilityStatus } from '../policy/rules.js';
import type { TimelineEntry } from '../policy/timeline.js';
import { defineCheck } from '../types.js';
import { firstPrimaryDay, recordFacts } from './support/record-facts.js';
import { RuleTally, share } from './support/summary.js';

export default defineCheck({
  meta: {
    id: 'age-eligibility',
    category: 'consistency',
    severity: 'warning',
    description: 'First doses given when no open group covered the person\'s age (children before their group opened)',
    messages: {
      'too-young':
        'born {{birthYear}}: aged {{age}} by CoWin\'s reckoning on {{date}}, when the youngest group open was aged {{minAge}}+ ({{group}})',
    },
    fields: ['birth_year', 'date_of_birth', 'age', 'dose1_date', 'dose2_date', 'vaccination_date'],
    docs: {
      why:
        'Until 03-01-2022 nobody under 18 could be vaccinated (15-17 from 03-01-2022 with Covaxin, 12-14 from 16-03-2022 with Corbevax), and priority workers were adults. A first dose (or, when dose 1 is missing, a second dose) given to someone whose age no open group covered cannot be genuine. Ages are CoWin\'s year differences (age attained in 2022 for 2021-2022 doses); one year short of a group is borderline and not counted. Adults dosed before their own age group opened are counted by age-early-dose, not here.',
      baseline: 'Genuine: about 0.1% (birth-year typos). Fabricated: a few % to 20%, depending on how many minors the generator makes and how early its dates run.',
      sources: ['cowin-formats.md §6 (phases, "Age thresholds and birth years")', 'src/policy/timeline.ts primary-* groups'],
    },
  },
  create(ctx) {
    const statuses: Partial<Record<EligibilityStatus, number>> = {};
    const tally = new RuleTally<TimelineEntry>();
    let n = 0;
    let bad = 0;
    return {
      record(rec) {
        const x = recordFacts(rec);
        const day = firstPrimaryDay(x);
        // Dates outside the programme are dose-dates' findings.
        if (Number.isNaN(x.birthYear) || !(day >= PROGRAMME_START && day <= ctx.asOfDay)) return;
        const e = eligibility(x.birthYear, day, { comorbid: x.comorbid });
        if (e === undefined) return;
        ctx.applicable();
        n++;
        statuses[e.status] = (statuses[e.status] ?? 0) + 1;
        const tooYoung = e.status === 'too-young';
        tally.add(e.entry, tooYoung);
        if (!tooYoung) return;
        bad++;
        ctx.report({
          messageId: 'too-young',
          row: rec.row,
          line: rec.line,
          field: x.birthYearField,
          value: x.birthYearText,
          data: {
            birthYear: String(x.birthYear),
            age: effectiveAge(x.birthYear, day),
            date: formatDmy(day),
            minAge: e.entry.rule.minAge,
            group: e.entry.summary,
          },
        });
      },
      finish() {
        if (n === 0) return {};
        const worst = tally.worst();
        const rule = worst ? ` Youngest group open for most of them: ${citation(worst.entry)}.` : '';
        return {
          summary: `${share(bad, n)} people with a birth year and a dose date were too young for every group open on the day of their first known dose.${rule}`,
          data: { ...statuses },
        };
      },
    };
  },
});
