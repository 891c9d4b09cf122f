// The vaccine named against what CoWin offered that person's age, for that dose, on that day.
import { formatDmy } from '../dates.js';
import { PROGRAMME_START, citation, effectiveAge, vaccineAllowed, vaccineLabel, type VaccineStatus } from '../policy/rules.js';
import type { TimelineEntry } from '../policy/timeline.js';
import { defineCheck } from '../types.js';
import { firstPrimaryDay, recordFacts } from './support/record-facts.js';
import { RuleTally, share } from './support/summary.js';

/** Effective ages tried when a record has no birth year: a vaccine is judged by date alone, at its best age. */
const PROBE_AGES = [13, 16, 30, 50, 65];
const RANK: Readonly<Record<VaccineStatus, number>> = { allowed: 0, borderline: 1, 'not-yet': 2, unknown: 3, 'wrong-age': 4, 'wrong-dose-kind': 5 };
const BAD: ReadonlySet<VaccineStatus> = new Set(['not-yet', 'wrong-age', 'wrong-dose-kind', 'unknown']);

export default defineCheck({
  meta: {
    id: 'vaccine-allowed',
    category: 'consistency',
    severity: 'warning',
    description: 'Vaccines not offered in CoWin for that age group, dose kind and date',
    messages: {
      'not-yet': '{{vaccine}} {{kind}} dose on {{date}}{{who}}: not offered for that until {{from}}',
      'wrong-age': '{{vaccine}} {{kind}} dose on {{date}}{{who}}: never offered to that age ({{rule}})',
      'wrong-dose-kind': '{{vaccine}} was never offered as a {{kind}} dose ({{rule}})',
      unknown: '{{vaccine}} {{kind}} dose on {{date}}: no CoWin roll-out of it is known ({{rule}})',
    },
    fields: ['vaccine'],
    docs: {
      why:
        'Each vaccine entered CoWin on a known day for known ages and dose kinds: Covishield and Covaxin from 16-01-2021 for adults, Sputnik V from 14-05-2021, Covaxin for 15-17 from 03-01-2022, ZyCoV-D from 04-02-2022, Corbevax for 12-14 from 16-03-2022 (for adults only as a precaution dose from 12-08-2022), Covovax for 12-17 from 02-05-2022, iNCOVACC only as a precaution dose from 23-12-2022. Doses one year outside an age range are borderline and pass; grants marked uncertain in the timeline make a dose possible. Without a birth year the vaccine is judged by date alone. A beneficiary record\'s vaccine is its primary vaccine; only a certificate for a precaution dose names the precaution vaccine.',
      baseline: 'Genuine: well under 1%. Fabricated: a few % for shuffled genuine values (Sputnik V before May 2021, Covishield for a 16-year-old); 10-30% for generators that pick brands uniformly (Corbevax for adults).',
      sources: ['cowin-formats.md §6, §7 "vaccine first-use dates"', 'src/policy/timeline.ts use-* and known-* entries'],
    },
  },
  create(ctx) {
    const tally = new RuleTally<TimelineEntry>();
    let n = 0;
    let bad = 0;
    return {
      record(rec) {
        const x = recordFacts(rec);
        const v = x.vaccine;
        if (v === undefined) return;
        // A certificate of a precaution dose names the precaution vaccine; otherwise the primary course's.
        const precaution = x.precautionField === 'vaccination_date';
        const day = precaution ? x.precaution : firstPrimaryDay(x);
        if (!(day >= PROGRAMME_START && day <= ctx.asOfDay)) return;
        const kind = precaution ? 'precaution' : 'primary';
        let verdict = Number.isNaN(x.birthYear) ? undefined : vaccineAllowed(v, day, x.birthYear, kind);
        if (verdict === undefined) {
          // Judge by date alone: the best verdict over a spread of ages.
          const basis = effectiveAge(0, day); // the year ages were counted to on that day
          for (const age of PROBE_AGES) {
            const probe = vaccineAllowed(v, day, basis - age, kind);
            if (probe !== undefined && (verdict === undefined || RANK[probe.status] < RANK[verdict.status])) verdict = probe;
          }
          if (verdict === undefined) return;
        }
        ctx.applicable();
        n++;
        const isBad = BAD.has(verdict.status);
        tally.add(verdict.entry, isBad);
        if (!isBad) return;
        bad++;
        ctx.report({
          messageId: verdict.status,
          row: rec.row,
          line: rec.line,
          field: 'vaccine',
          value: rec.fields.vaccine ?? null,
          data: {
            vaccine: vaccineLabel(v),
            kind,
            date: formatDmy(day),
            who: Number.isNaN(x.birthYear) ? '' : ` for someone born ${x.birthYear} (aged ${effectiveAge(x.birthYear, day)})`,
            from: verdict.entry.date,
            rule: verdict.entry.summary,
          },
        });
      },
      finish() {
        if (n === 0) return {};
        const worst = tally.worst();
        return {
          summary:
            `${share(bad, n)} doses name a vaccine CoWin did not offer for that age, dose kind and day.` +
            (worst ? ` Most often against: ${citation(worst.entry)}.` : ''),
        };
      },
    };
  },
});
