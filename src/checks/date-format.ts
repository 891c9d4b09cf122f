// Dates: a real calendar day, written in the convention of the claimed format (API DD-MM-YYYY, certificate ISO 8601).
import { parseDmy, parseIso } from '../dates.js';
import { FieldCounts } from '../formats/values.js';
import { findProfile } from '../profiles.js';
import { defineCheck } from '../types.js';

const DATE_FIELDS = ['dose1_date', 'dose2_date', 'precaution_dose_date', 'vaccination_date', 'session_date', 'date_of_birth', 'issuance_date'];

export default defineCheck({
  meta: {
    id: 'date-format',
    category: 'schema',
    severity: 'error',
    description: 'Dates that are not calendar days, or not in the convention of the claimed format',
    messages: {
      invalid: 'is not a calendar date as DD-MM-YYYY or ISO 8601',
      convention: 'is written {{found}}, but the {{profile}} format writes dates {{expected}}',
    },
    fields: DATE_FIELDS,
    docs: {
      why: 'Every CoWin API date is a DD-MM-YYYY string; the DIVOC certificate writes ISO 8601 (timestamps in UTC, YYYY-MM-DD days). A sample mixing the conventions within a format, or with impossible dates (31-02-2021), was not written by that system. The literal "Invalid date" a 2022 beneficiary response carried for an unvaccinated person is accepted there. A database dump (SQL, or MongoDB\'s typed dates) writes dates in the database\'s own convention: there ISO 8601 dates are accepted whatever format the records match, and only impossible dates count.',
      baseline: 'Genuine: about 0.1% [M]. Fabricated: most fabricators keep one convention; impossible dates come from hand editing [M].',
      sources: ['cowin-formats.md §0.1, §2.2, §3.1'],
    },
  },
  create(ctx) {
    const def = ctx.profile ? findProfile(ctx.profile.id) : undefined;
    const style = def?.dates ?? 'any';
    const allowInvalidLiteral = def?.id === 'cowin-beneficiary';
    const fields = DATE_FIELDS.filter((f) => ctx.mapped.has(f));
    const profile = def?.id ?? '';
    // A database dump's dates are in the database's convention: ISO 8601 there is not a departure from the API's.
    const typed = ctx.input.datesTyped === true;
    const counts = new FieldCounts(fields);
    return {
      record(rec) {
        for (let i = 0; i < fields.length; i++) {
          const field = fields[i];
          const v = rec.fields[field];
          if (v === undefined) continue;
          if (allowInvalidLiteral && v === 'Invalid date') continue;
          counts.add(i);
          // DD-MM-YYYY (also read with / or . as separators, which no CoWin format writes) or ISO 8601.
          const anyDmy = !Number.isNaN(parseDmy(v));
          const iso = !anyDmy && !Number.isNaN(parseIso(v));
          if (!anyDmy && !iso) {
            ctx.report({ messageId: 'invalid', row: rec.row, line: rec.line, field, value: v });
            continue;
          }
          const found = iso ? 'ISO 8601' : v.charCodeAt(2) === 45 ? 'DD-MM-YYYY' : v.charCodeAt(2) === 47 ? 'DD/MM/YYYY' : 'DD.MM.YYYY';
          const ok = (typed && iso) || (style === 'any' ? found === 'ISO 8601' || found === 'DD-MM-YYYY' || found === 'DD/MM/YYYY' : style === 'dmy' ? found === 'DD-MM-YYYY' : iso);
          if (!ok) {
            const expected = style === 'iso' ? 'ISO 8601' : style === 'dmy' ? 'DD-MM-YYYY' : 'DD-MM-YYYY or ISO 8601';
            ctx.report({ messageId: 'convention', row: rec.row, line: rec.line, field, value: v, data: { found, expected, profile: profile || 'claimed' } });
          }
        }
      },
      finish() {
        counts.flush(ctx);
      },
    };
  },
});
