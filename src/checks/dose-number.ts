// Certificates: `dose` against `total_doses` and the vaccine's course (dose > totalDoses is the precaution dose).
import { vaccineLabel, type VaccineId } from '../policy/rules.js';
import { defineCheck } from '../types.js';
import { recordFacts } from './support/record-facts.js';
import { num, share } from './support/summary.js';

/** totalDoses a certificate can carry for a vaccine's primary course; vaccines whose count is unsure are not judged. */
const COURSE: Partial<Record<VaccineId, readonly number[]>> = {
  covishield: [2],
  covaxin: [2],
  'sputnik-v': [2],
  corbevax: [2],
  covovax: [2],
  'zycov-d': [3, 2],
};

export default defineCheck({
  meta: {
    id: 'dose-number',
    category: 'consistency',
    severity: 'warning',
    description: 'Certificate dose numbers that do not fit total_doses or the vaccine\'s course',
    messages: {
      invalid: 'dose {{dose}} of {{total}}: dose numbers start at 1',
      'beyond-precaution': 'dose {{dose}} of {{total}}: CoWin gave one precaution dose after the course, so at most dose {{max}}',
      'wrong-total': '{{vaccine}} certificate with totalDoses {{total}}: its course had {{course}} doses',
    },
    fields: ['dose', 'total_doses'],
    docs: {
      why:
        'A DIVOC certificate numbers each dose out of the course\'s totalDoses (2 for Covishield, Covaxin, Sputnik V, Corbevax, Covovax; 3, later 2, for ZyCoV-D); the one precaution dose is recorded as dose > totalDoses (dose 3 of 2). Dose 0, dose 5 of 2, or a Covishield course of 3 are not what CoWin issued.',
      baseline: 'Genuine: about 0. Fabricated: depends on the generator (totals of 3 for boosters, dose 0).',
      sources: ['cowin-formats.md §3.1 (dose, totalDoses default 2), §3.2 (dose > totalDoses = precaution)'],
    },
  },
  create(ctx) {
    let n = 0;
    let bad = 0;
    return {
      record(rec) {
        const x = recordFacts(rec);
        if (Number.isNaN(x.dose)) return;
        ctx.applicable();
        n++;
        const total = x.totalDoses;
        const f = rec.fields;
        if (x.dose < 1 || total < 1) {
          bad++;
          ctx.report({
            messageId: 'invalid',
            row: rec.row,
            line: rec.line,
            field: x.dose < 1 ? 'dose' : 'total_doses',
            value: (x.dose < 1 ? f.dose : f.total_doses) ?? null,
            data: { dose: x.dose, total: Number.isNaN(total) ? '?' : total },
          });
          return;
        }
        if (x.dose > total + 1) {
          bad++;
          ctx.report({
            messageId: 'beyond-precaution',
            row: rec.row,
            line: rec.line,
            field: 'dose',
            value: f.dose ?? null,
            data: { dose: x.dose, total, max: total + 1 },
          });
          return;
        }
        const course = x.vaccine === undefined ? undefined : COURSE[x.vaccine];
        if (course !== undefined && !Number.isNaN(total) && !course.includes(total)) {
          bad++;
          ctx.report({
            messageId: 'wrong-total',
            row: rec.row,
            line: rec.line,
            field: 'total_doses',
            value: f.total_doses ?? null,
            data: { vaccine: vaccineLabel(x.vaccine!), total, course: course.join(' or ') },
          });
        }
      },
      finish() {
        if (n === 0) return {};
        return {
          summary: `${share(bad, n)} certificate dose numbers do not fit totalDoses or the vaccine's course (precaution = dose > totalDoses; cowin-formats.md §3.2). ${num(n - bad)} fit.`,
        };
      },
    };
  },
});
