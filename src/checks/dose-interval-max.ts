// Second doses later than the recommended window: common in genuine data (people came late), so weak evidence.
import { formatDmy } from '../dates.js';
import { citation, judgeInterval, vaccineLabel } from '../policy/rules.js';
import type { TimelineEntry } from '../policy/timeline.js';
import { defineCheck } from '../types.js';
import { recordFacts } from './support/record-facts.js';
import { RuleTally, share } from './support/summary.js';

export default defineCheck({
  meta: {
    id: 'dose-interval-max',
    category: 'consistency',
    severity: 'info',
    description: 'Second doses later than the end of the recommended interval (weak: late doses were common)',
    messages: {
      late: 'dose 2 {{gap}} days after dose 1 ({{dose1}} to {{dose2}}); the {{vaccine}} window then ended at {{max}} days',
    },
    fields: ['dose1_date', 'dose2_date', 'vaccine', 'vaccination_date'],
    docs: {
      why:
        'The upper end of each window (Covishield 42, 56, then 112 days; Covaxin 42; Sputnik V 90) was a recommendation CoWin did not enforce: millions took dose 2 weeks or months late. A sample where most second doses are late, or where lateness is spread evenly over months, is drawn blind to the schedule; a single late dose means nothing. Vaccines whose window had no stated end (ZyCoV-D, Corbevax, Covovax) are not judged.',
      baseline:
        'Genuine: roughly 10-25% late (the generator models 25% of people coming up to 60 days late; MoHFW repeatedly reported crores of overdue second doses [M]). Fabricated: about 60% (measured 66% on the Faker fixture, 62% on shuffled genuine columns).',
      sources: ['cowin-formats.md §6 (dose intervals), §3.2 (DIVOC windows)', 'src/policy/rules.ts (maxStrength weak)'],
    },
  },
  create(ctx) {
    const tally = new RuleTally<TimelineEntry>();
    let n = 0;
    let late = 0;
    return {
      record(rec) {
        const x = recordFacts(rec);
        if (x.vaccine === undefined) return;
        const v = judgeInterval(x.vaccine, x.dose1, x.dose2);
        if (v === undefined || v.status === 'not-after-previous' || v.rule.maxDays === null) return;
        ctx.applicable();
        n++;
        const bad = v.status === 'late';
        tally.add(v.rule.entry, bad);
        if (!bad) return;
        late++;
        ctx.report({
          messageId: 'late',
          row: rec.row,
          line: rec.line,
          field: x.dose2Field,
          value: rec.fields[x.dose2Field] ?? null,
          data: {
            gap: x.dose2 - x.dose1,
            dose1: formatDmy(x.dose1),
            dose2: formatDmy(x.dose2),
            vaccine: vaccineLabel(x.vaccine),
            max: v.rule.maxDays!,
          },
        });
      },
      finish() {
        if (n === 0) return {};
        const worst = tally.worst() ?? tally.commonest();
        const rule = worst ? ` ${citation(worst.entry)}: ${share(worst.bad, worst.n)} of its second doses came later.` : '';
        return {
          summary: `${share(late, n)} second doses came after the end of the recommended interval (weak: genuine data has many).${rule}`,
          data: { late },
        };
      },
    };
  },
});
