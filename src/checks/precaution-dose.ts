// Precaution ("booster") doses: not before 10-01-2022, not sooner after dose 2 than the rule of the day, never to children.
import { formatDmy } from '../dates.js';
import { citation, eligibility, precautionRule, PROGRAMME_START } from '../policy/rules.js';
import { TIMELINE, type GroupRule, type TimelineEntry } from '../policy/timeline.js';
import { defineCheck } from '../types.js';
import { recordFacts } from './support/record-facts.js';
import { RuleTally, num, share } from './support/summary.js';

const FIRST_PRECAUTION = TIMELINE.find(
  (e): e is TimelineEntry<GroupRule> => e.rule.kind === 'group' && e.rule.doseKind === 'precaution',
)!;

export default defineCheck({
  meta: {
    id: 'precaution-dose',
    category: 'consistency',
    severity: 'warning',
    description: 'Precaution doses before 10-01-2022, too soon after dose 2, or to someone no precaution group covered',
    messages: {
      'before-start': 'precaution dose {{date}} is before precaution doses began on {{start}}',
      'too-soon':
        'precaution dose {{gap}} days after dose 2 ({{dose2}} to {{date}}); the rule then was at least {{min}} days ({{grace}} days\' grace allowed)',
      'too-young': 'born {{birthYear}}: precaution dose {{date}}, but precaution doses were for adults only',
    },
    fields: ['precaution_dose_date', 'dose', 'vaccination_date'],
    docs: {
      why:
        'Precaution doses began on 10-01-2022 (health-care and frontline workers, 60+ with comorbidities), at least 39 weeks after dose 2, cut to 26 weeks from 06-07-2022; they were never offered to under-18s. Under-60s given one before 10-04-2022 (private centres) could only be priority workers: counted in the data as priorityOnly, not as violations. A certificate whose dose number exceeds its total doses is a precaution dose (cowin-formats.md §3.2).',
      baseline: 'Genuine: well under 1% (3 days\' grace under the minimum). Fabricated: 10% for shuffled genuine columns (measured: only the interval breaks, booster dates themselves being genuine), a third or more when booster dates are drawn without the rules.',
      sources: ['cowin-formats.md §6 (10 Jan 2022, 10 Apr 2022, 6 Jul 2022, 15 Jul 2022)', 'src/policy/timeline.ts precaution-* entries'],
    },
  },
  create(ctx) {
    const tally = new RuleTally<TimelineEntry>();
    let n = 0;
    let beforeStart = 0;
    let tooSoon = 0;
    let tooYoung = 0;
    let priorityOnly = 0;
    return {
      record(rec) {
        const x = recordFacts(rec);
        const p = x.precaution;
        // Dates outside the programme or after the as-of date are dose-dates' findings.
        if (!(p >= PROGRAMME_START && p <= ctx.asOfDay)) return;
        ctx.applicable();
        n++;
        const value = rec.fields[x.precautionField] ?? null;
        const rule = precautionRule(p);
        if (rule === undefined) {
          beforeStart++;
          tally.add(FIRST_PRECAUTION, true);
          ctx.report({
            messageId: 'before-start',
            row: rec.row,
            line: rec.line,
            field: x.precautionField,
            value,
            data: { date: formatDmy(p), start: FIRST_PRECAUTION.date },
          });
          return;
        }
        const gap = p - x.dose2;
        if (gap > 0 && gap < rule.minDays - rule.graceDays) {
          tooSoon++;
          tally.add(rule.interval, true);
          ctx.report({
            messageId: 'too-soon',
            row: rec.row,
            line: rec.line,
            field: x.precautionField,
            value,
            data: { gap, dose2: formatDmy(x.dose2), date: formatDmy(p), min: rule.minDays, grace: rule.graceDays },
          });
          return;
        }
        const e = eligibility(x.birthYear, p, { doseKind: 'precaution', comorbid: x.comorbid });
        if (e?.status === 'priority-only') priorityOnly++;
        if (e?.status !== 'too-young') {
          tally.add(rule.interval, false);
          return;
        }
        tooYoung++;
        tally.add(e.entry, true);
        ctx.report({
          messageId: 'too-young',
          row: rec.row,
          line: rec.line,
          field: x.birthYearField,
          value: x.birthYearText,
          data: { birthYear: String(x.birthYear), date: formatDmy(p) },
        });
      },
      finish() {
        if (n === 0) return {};
        const worst = tally.worst();
        return {
          summary:
            `${share(beforeStart + tooSoon + tooYoung, n)} precaution doses break the rules of their day: ${num(beforeStart)} before ${FIRST_PRECAUTION.date}, ` +
            `${num(tooSoon)} too soon after dose 2, ${num(tooYoung)} to under-18s.` +
            (worst ? ` Most broken: ${citation(worst.entry)}.` : '') +
            ` ${num(priorityOnly)} went to people only a priority group covered then.`,
          data: { beforeStart, tooSoon, tooYoung, priorityOnly },
        };
      },
    };
  },
});
