// Dose dates that cannot be: before the programme began, after the day the sample is judged on, or out of order.
import { formatDmy } from '../dates.js';
import { PROGRAMME_START, citation } from '../policy/rules.js';
import { TIMELINE } from '../policy/timeline.js';
import { defineCheck } from '../types.js';
import { recordFacts } from './support/record-facts.js';
import { num, share } from './support/summary.js';

const START_ENTRY = TIMELINE.find((e) => e.day === PROGRAMME_START)!;

export default defineCheck({
  meta: {
    id: 'dose-dates',
    category: 'consistency',
    severity: 'warning',
    description: 'Dose dates before the programme began (16-01-2021), after the as-of date, or out of order',
    messages: {
      'before-start': '{{what}} {{date}} is before the vaccination programme began on {{start}}',
      'after-as-of': '{{what}} {{date}} is after the as-of date {{asOf}}',
      'dose2-not-after-dose1': 'dose 2 ({{date}}) is not after dose 1 ({{other}})',
      'precaution-not-after': 'precaution dose ({{date}}) is not after the last primary dose ({{other}})',
      'dose2-without-dose1': 'dose 2 given ({{date}}) but no dose 1 date',
      'precaution-without-dose2': 'precaution dose given ({{date}}) but no dose 2 date',
    },
    fields: ['dose1_date', 'dose2_date', 'precaution_dose_date', 'vaccination_date'],
    docs: {
      why:
        'CoWin vaccinated nobody before 16-01-2021, cannot hold a dose dated after the day the sample was taken, and records a second dose only after a first and a precaution dose only after the primary course. A generator that draws each date on its own breaks these.',
      baseline:
        'Genuine: a few per thousand (typing slips in the year). Fabricated: a fifth or more when dates are drawn independently or columns shuffled; a Faker-style generator that adds a gap to dose 1 gets order right but still dates some doses before the programme.',
      sources: ['cowin-formats.md §6 (16 Jan 2021 start), §7 "Consistency / timeline checks"', 'src/policy/timeline.ts primary-hcw'],
    },
  },
  create(ctx) {
    const asOf = ctx.asOfDay;
    const dose1Mapped = ctx.mapped.has('dose1_date');
    const dose2Mapped = ctx.mapped.has('dose2_date');
    let beforeStart = 0;
    let afterAsOf = 0;
    let order = 0;
    let missing = 0;
    let applicable = 0;
    return {
      record(rec) {
        const x = recordFacts(rec);
        const { dose1, dose2, precaution, vaccination } = x;
        if (Number.isNaN(dose1) && Number.isNaN(dose2) && Number.isNaN(precaution) && Number.isNaN(vaccination)) return;
        ctx.applicable();
        applicable++;
        const f = rec.fields;
        // Range first: one finding per record, the first that applies.
        let field = '';
        let day = NaN;
        let what = '';
        if (dose1 < PROGRAMME_START || dose1 > asOf) [field, day, what] = [x.dose1Field, dose1, 'dose 1'];
        else if (dose2 < PROGRAMME_START || dose2 > asOf) [field, day, what] = [x.dose2Field, dose2, 'dose 2'];
        else if (precaution < PROGRAMME_START || precaution > asOf) [field, day, what] = [x.precautionField, precaution, 'precaution dose'];
        else if (vaccination < PROGRAMME_START || vaccination > asOf) [field, day, what] = ['vaccination_date', vaccination, 'vaccination'];
        if (field !== '') {
          const early = day < PROGRAMME_START;
          if (early) beforeStart++;
          else afterAsOf++;
          ctx.report({
            messageId: early ? 'before-start' : 'after-as-of',
            row: rec.row,
            line: rec.line,
            field,
            value: f[field] ?? null,
            data: { what, date: formatDmy(day), start: START_ENTRY.date, asOf: formatDmy(asOf) },
          });
          return;
        }
        const lastPrimary = Number.isNaN(dose2) ? dose1 : dose2;
        if (dose2 <= dose1) {
          order++;
          ctx.report({
            messageId: 'dose2-not-after-dose1',
            row: rec.row,
            line: rec.line,
            field: x.dose2Field,
            value: f[x.dose2Field] ?? null,
            data: { date: formatDmy(dose2), other: formatDmy(dose1) },
          });
        } else if (precaution <= lastPrimary) {
          order++;
          ctx.report({
            messageId: 'precaution-not-after',
            row: rec.row,
            line: rec.line,
            field: x.precautionField,
            value: f[x.precautionField] ?? null,
            data: { date: formatDmy(precaution), other: formatDmy(lastPrimary) },
          });
        } else if (!Number.isNaN(dose2) && Number.isNaN(dose1) && dose1Mapped && x.dose2Field === 'dose2_date') {
          missing++;
          ctx.report({
            messageId: 'dose2-without-dose1',
            row: rec.row,
            line: rec.line,
            field: x.dose2Field,
            value: f[x.dose2Field] ?? null,
            data: { date: formatDmy(dose2) },
          });
        } else if (!Number.isNaN(precaution) && Number.isNaN(dose2) && dose2Mapped && x.precautionField === 'precaution_dose_date') {
          missing++;
          ctx.report({
            messageId: 'precaution-without-dose2',
            row: rec.row,
            line: rec.line,
            field: x.precautionField,
            value: f[x.precautionField] ?? null,
            data: { date: formatDmy(precaution) },
          });
        }
      },
      finish() {
        if (applicable === 0) return {};
        const bad = beforeStart + afterAsOf + order + missing;
        return {
          summary:
            `${share(bad, applicable)} records with dose dates have an impossible one: ${num(beforeStart)} before the programme began ` +
            `(${citation(START_ENTRY)}), ${num(afterAsOf)} after the as-of date ${formatDmy(asOf)}, ` +
            `${num(order)} out of order, ${num(missing)} missing the dose before.`,
          data: { beforeStart, afterAsOf, order, missingEarlier: missing },
        };
      },
    };
  },
});
