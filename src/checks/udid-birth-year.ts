// A UDID carries its holder's year of birth: it must equal the record's birth year.
import { yearOf, parseAnyDate } from '../dates.js';
import { udidBirthYear } from '../validators/photo-ids.js';
import { defineCheck } from '../types.js';
import { smallInt } from './support/record-facts.js';
import { share } from './support/summary.js';

export default defineCheck({
  meta: {
    id: 'udid-birth-year',
    category: 'consistency',
    severity: 'warning',
    description: 'Unique Disability IDs whose embedded year of birth differs from the birth year',
    messages: {
      mismatch: 'UDID gives year of birth {{udid}}, the record {{birthYear}}',
    },
    fields: ['photo_id_number'],
    docs: {
      why:
        'Characters 8-11 of an 18-character UDID are the holder\'s year of birth, so a genuine record\'s birth year (or date of birth) repeats it. A UDID attached to another person, or invented, almost never does. Ages are not used: they are a year out half the time.',
      baseline: 'Genuine: about 1% (data-entry slips). Fabricated or shuffled: about 98% (one birth year in ~60).',
      sources: ['indian-id-formats.md §2.10 ("Cross-check"), §7.6', 'src/validators/photo-ids.ts udidBirthYear'],
    },
  },
  create(ctx) {
    let n = 0;
    let bad = 0;
    return {
      record(rec) {
        const f = rec.fields;
        const id = f.photo_id_number;
        if (id === undefined || id.length < 18) return;
        const udid = udidBirthYear(id);
        if (Number.isNaN(udid)) return;
        let year = f.birth_year !== undefined && f.birth_year.length === 4 ? smallInt(f.birth_year) : NaN;
        if (Number.isNaN(year) && f.date_of_birth !== undefined) {
          const d = parseAnyDate(f.date_of_birth);
          if (!Number.isNaN(d)) year = yearOf(d);
        }
        if (Number.isNaN(year)) return;
        ctx.applicable();
        n++;
        if (year === udid) return;
        bad++;
        ctx.report({
          messageId: 'mismatch',
          row: rec.row,
          line: rec.line,
          field: 'photo_id_number',
          value: id,
          data: { udid: String(udid), birthYear: String(year) },
        });
      },
      finish() {
        if (n === 0) return {};
        return { summary: `${share(bad, n)} UDIDs embed a year of birth other than the record's (indian-id-formats.md §2.10).` };
      },
    };
  },
});
