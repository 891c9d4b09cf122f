// Birth years (or years of birth dates) no CoWin beneficiary can have.
import { formatIsoDay, parseAnyDate, yearOf } from '../dates.js';
import { birthYear, MAX_AGE } from '../validators/index.js';
import { FieldCounts } from '../formats/values.js';
import { defineCheck } from '../types.js';

/** The youngest cohort CoWin ever opened, 12-14 from 16-03-2022, was born 2008-2010 (cowin-formats.md §6). */
export const LAST_BIRTH_YEAR = 2010;

export default defineCheck({
  meta: {
    id: 'birth-year-range',
    category: 'plausibility',
    severity: 'error',
    description: 'Birth years that are not 4-digit years, or that make the person older than 120 or younger than any CoWin cohort',
    messages: {
      shape: 'is not a 4-digit year',
      'too-old': 'makes the person older than {{maxAge}} on {{asOf}}',
      'too-young': 'is after {{last}}: no one born then could register (the youngest cohort, 12-14, was born 2008-2010)',
    },
    fields: ['birth_year', 'date_of_birth'],
    docs: {
      why: 'CoWin stores a 4-digit birth year. The youngest cohort it ever opened (12-14, Corbevax, from 16 March 2022) was born 2008-2010, so later years are impossible; ages past 120 are impossible everywhere.',
      baseline: 'Genuine: about 0.1% (typos) [M]. Fabricated: rare unless ages are drawn carelessly [M].',
      sources: ['cowin-formats.md §2.2 (birth_year string), §6 (cohorts by birth year)', 'src/validators/formats.ts (MAX_AGE)'],
    },
  },
  create(ctx) {
    const asOfYear = yearOf(ctx.asOfDay);
    const first = asOfYear - MAX_AGE;
    const last = Math.min(LAST_BIRTH_YEAR, asOfYear);
    const asOf = formatIsoDay(ctx.asOfDay);
    const counts = new FieldCounts(['birth_year', 'date_of_birth']);
    const judge = (year: number, field: string, value: string, row: number, line: number): void => {
      if (year < first) ctx.report({ messageId: 'too-old', row, line, field, value, data: { maxAge: MAX_AGE, asOf } });
      else if (year > last) ctx.report({ messageId: 'too-young', row, line, field, value, data: { last: String(last) } });
    };
    return {
      record(rec) {
        const by = rec.fields.birth_year;
        if (by !== undefined) {
          counts.add(0);
          const y = birthYear(by);
          if (Number.isNaN(y)) ctx.report({ messageId: 'shape', row: rec.row, line: rec.line, field: 'birth_year', value: by });
          else judge(y, 'birth_year', by, rec.row, rec.line);
          return;
        }
        const dob = rec.fields.date_of_birth;
        if (dob === undefined) return;
        if (Number.isNaN(parseAnyDate(dob))) return; // date-format reports it
        counts.add(1);
        // The year's digits: YYYY-MM-DD or DD-MM-YYYY (parsed above, so one of the two).
        judge(+(dob.charCodeAt(4) === 45 ? dob.slice(0, 4) : dob.slice(6, 10)), 'date_of_birth', dob, rec.row, rec.line);
      },
      finish() {
        counts.flush(ctx);
      },
    };
  },
});
