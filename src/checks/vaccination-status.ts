// `vaccination_status` and `vaccine` against the doses a beneficiary record carries.
import { intervalRule } from '../policy/rules.js';
import { defineCheck } from '../types.js';
import { recordFacts } from './support/record-facts.js';
import { num, share } from './support/summary.js';

const enum Status {
  None,
  Partial,
  Full,
}

/** The API's three values (cowin-formats.md §2.2), case-insensitively; "Fully Vaccinated" as certificates word it. */
function statusOf(v: string | undefined): Status | undefined {
  if (v === undefined) return undefined;
  switch (v.toLowerCase()) {
    case 'not vaccinated':
      return Status.None;
    case 'partially vaccinated':
      return Status.Partial;
    case 'vaccinated':
    case 'fully vaccinated':
      return Status.Full;
    default:
      return undefined;
  }
}

const LABEL = ['Not Vaccinated', 'Partially Vaccinated', 'Vaccinated'];

export default defineCheck({
  meta: {
    id: 'vaccination-status',
    category: 'consistency',
    severity: 'warning',
    description: 'vaccination_status or vaccine that disagrees with the dose dates present',
    messages: {
      status: '"{{status}}" with {{doses}}: expected "{{expected}}"',
      'no-vaccine': '{{doses}} but no vaccine named',
      'vaccine-without-dose': 'vaccine {{vaccine}} named but no dose date',
    },
    fields: ['vaccination_status', 'vaccine'],
    docs: {
      why:
        'CoWin derives the status from the doses: "Not Vaccinated" has no dose dates and an empty vaccine, "Partially Vaccinated" a dose 1 only, "Vaccinated" both doses (a precaution dose only follows them); the vaccine is "" until dose 1. ZyCoV-D\'s three-dose course leaves people partially vaccinated after dose 2. Columns shuffled or filled independently disagree about half the time.',
      baseline: 'Genuine: well under 1% (a status revoked or corrected after 21-01-2022). Fabricated: about 30% when the status is drawn on its own or shuffled (measured 28-32% on shuffled genuine columns).',
      sources: ['cowin-formats.md §2.2 (vaccination_status, vaccine ""), §7 "vaccination_status vs dates"'],
    },
  },
  create(ctx) {
    const datesMapped = ctx.mapped.has('dose1_date') || ctx.mapped.has('dose2_date');
    const vaccineMapped = ctx.mapped.has('vaccine');
    let n = 0;
    let statusBad = 0;
    let vaccineBad = 0;
    return {
      record(rec) {
        // Certificates carry one dose per record and no status: nothing to compare.
        if (!datesMapped) return;
        const f = rec.fields;
        const status = statusOf(f.vaccination_status);
        const x = recordFacts(rec);
        const has1 = !Number.isNaN(x.dose1);
        const has2 = !Number.isNaN(x.dose2);
        const hasP = !Number.isNaN(x.precaution);
        const anyDose = has1 || has2 || hasP;
        const hasVaccine = f.vaccine !== undefined;
        if (status === undefined && !(vaccineMapped && (anyDose || hasVaccine))) return;
        ctx.applicable();
        n++;
        const doses = has1 && has2 ? 'dose 1 and dose 2' : has1 ? 'dose 1 only' : has2 ? 'dose 2 only' : hasP ? 'a precaution dose only' : 'no dose dates';
        if (status !== undefined) {
          let expected: Status;
          if (!anyDose) expected = Status.None;
          else if (has2 || hasP) {
            // A course longer than two doses (ZyCoV-D's three) is partial after dose 2.
            const rule = has2 && x.vaccine !== undefined ? intervalRule(x.vaccine, x.dose2) : undefined;
            expected = rule !== undefined && rule.doses > 2 && !hasP ? Status.Partial : Status.Full;
          } else expected = x.vaccine === 'sputnik-light' ? Status.Full : Status.Partial;
          if (status !== expected) {
            statusBad++;
            ctx.report({
              messageId: 'status',
              row: rec.row,
              line: rec.line,
              field: 'vaccination_status',
              value: f.vaccination_status ?? null,
              data: { status: LABEL[status], doses, expected: LABEL[expected] },
            });
            return;
          }
        }
        if (!vaccineMapped) return;
        if (anyDose && !hasVaccine) {
          vaccineBad++;
          ctx.report({ messageId: 'no-vaccine', row: rec.row, line: rec.line, field: 'vaccine', value: null, data: { doses } });
        } else if (!anyDose && hasVaccine) {
          vaccineBad++;
          ctx.report({
            messageId: 'vaccine-without-dose',
            row: rec.row,
            line: rec.line,
            field: 'vaccine',
            value: f.vaccine ?? null,
            data: { vaccine: f.vaccine ?? '' },
          });
        }
      },
      finish() {
        if (n === 0) return {};
        return {
          summary:
            `${share(statusBad + vaccineBad, n)} beneficiary records disagree with their own dose dates: ` +
            `${num(statusBad)} by vaccination_status, ${num(vaccineBad)} by the vaccine field (CoWin derives both from the doses; cowin-formats.md §2.2).`,
          data: { status: statusBad, vaccine: vaccineBad },
        };
      },
    };
  },
});
