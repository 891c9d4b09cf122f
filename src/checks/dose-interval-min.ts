// Second doses given sooner than the minimum interval in force on the day of dose 2: CoWin refused such bookings.
import { formatDmy } from '../dates.js';
import { MIN_GRACE_DAYS, TRANSITION_DAYS, citation, judgeInterval, vaccineLabel } from '../policy/rules.js';
import type { TimelineEntry } from '../policy/timeline.js';
import { defineCheck } from '../types.js';
import { recordFacts } from './support/record-facts.js';
import { RuleTally, num, share } from './support/summary.js';

export default defineCheck({
  meta: {
    id: 'dose-interval-min',
    category: 'consistency',
    severity: 'warning',
    description: 'Second doses sooner than the minimum interval in force on the day of dose 2',
    messages: {
      early:
        'dose 2 {{gap}} days after dose 1 ({{dose1}} to {{dose2}}); {{vaccine}} needed at least {{min}} days for a second dose given on {{dose2}} ({{grace}} days\' grace allowed)',
      'exception-only':
        'dose 2 {{gap}} days after dose 1 ({{dose1}} to {{dose2}}); {{vaccine}} needed at least {{min}} days then, fewer only for travellers abroad ({{exception}} days)',
    },
    fields: ['dose1_date', 'dose2_date', 'vaccine', 'vaccination_date'],
    docs: {
      why:
        'CoWin would not book a second dose before the minimum interval of the rule in force (Covishield 28 days, then 84 days from 13-05-2021; Covaxin 28; Sputnik V 21; Corbevax 28; Covovax 21), so genuine second doses almost never come sooner. The rule is the one in force on the day of dose 2: April 2021 first-dosers got Covishield dose 2 in July under the 84-day rule. Tolerances (src/policy/rules.ts): 3 days\' grace under every minimum (UTC-stamped certificates, day-27 bookings, next-day data entry), and doses within 14 days after a lengthening may follow the previous rule (counted apart, not as violations: appointments booked before the change were honoured). Second doses that fit only the 28-day Covishield exception for travellers abroad (from 07-06-2021) are counted as violations: one is no evidence, since travellers did get them, but they were a small minority of Covishield second doses, so a sample where many fit only the exception is not genuine.',
      baseline:
        'Genuine: about 1% (travellers under the exception, corrections; the exception covered students, workers and athletes going abroad, a few lakh to a few million of several hundred million Covishield second doses [M]). Fabricated: 10-50% when dose 2 is drawn without regard to the rule (a uniform 10-200-day gap misses Covishield\'s 84 days about 40% of the time); measured 10% on the Faker fixture (a quarter of its doses are Corbevax, judged against 28 days) and 21-25% on shuffled genuine columns.',
      sources: [
        'cowin-formats.md §6 (dose intervals), §3.2 (DIVOC dose windows)',
        'src/policy/timeline.ts interval-* and exception-covishield-travel entries',
        'https://www.ndtv.com/india-news/despite-vaccine-schedule-tweak-covishield-2nd-dose-bookings-remain-valid-centre-2442927',
      ],
    },
  },
  create(ctx) {
    const tally = new RuleTally<TimelineEntry>();
    let n = 0;
    let early = 0;
    let transition = 0;
    let exception = 0;
    return {
      record(rec) {
        const x = recordFacts(rec);
        if (x.vaccine === undefined) return;
        const v = judgeInterval(x.vaccine, x.dose1, x.dose2);
        // No rule (before the vaccine's use), or doses out of order (dose-dates reports those).
        if (v === undefined || v.status === 'not-after-previous') return;
        ctx.applicable();
        n++;
        const bad = v.status === 'early' || v.status === 'early-exception';
        tally.add(v.rule.entry, bad);
        if (v.status === 'early-transition') transition++;
        if (!bad) return;
        if (v.status === 'early') early++;
        else exception++;
        ctx.report({
          messageId: v.status === 'early' ? 'early' : 'exception-only',
          row: rec.row,
          line: rec.line,
          field: x.dose2Field,
          value: rec.fields[x.dose2Field] ?? null,
          data: {
            gap: x.dose2 - x.dose1,
            dose1: formatDmy(x.dose1),
            dose2: formatDmy(x.dose2),
            vaccine: vaccineLabel(x.vaccine),
            min: v.rule.minDays,
            grace: v.rule.graceDays,
            exception: v.rule.exception?.rule.minDays ?? 0,
          },
        });
      },
      finish() {
        if (n === 0) return {};
        const worst = tally.worst() ?? tally.commonest();
        const rule = worst ? ` ${citation(worst.entry)}: ${share(worst.bad, worst.n)} of its second doses came sooner.` : '';
        return {
          summary:
            `${share(early + exception, n)} second doses came sooner than the minimum interval in force on their day, less ${MIN_GRACE_DAYS} days' grace` +
            ` (${num(exception)} of them fit only the travellers' exception).${rule}` +
            ` Not counted: ${num(transition)} within ${TRANSITION_DAYS} days after a lengthening that fit the previous rule.`,
          data: { early, transition, exception },
        };
      },
    };
  },
});
