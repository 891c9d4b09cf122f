// Fields CoWin never collects (email, street address, GPS, religion, ...) filled in beside CoWin's personal fields:
// genuine records enriched from elsewhere, or fabricated ones (the enriched flag).
import { FIELDS } from '../fields.js';
import { PERSON_FIELDS } from '../formats/values.js';
import { findProfile } from '../profiles.js';
import { defineCheck } from '../types.js';
import { count } from '../report/numbers.js';

/** Personal fields CoWin does not collect about beneficiaries (src/fields.ts, `cowin: false`). */
const NON_COWIN = FIELDS.filter((d) => !d.cowin && d.personal).map((d) => d.id);

export default defineCheck({
  meta: {
    id: 'enriched-fields',
    category: 'consistency',
    severity: 'warning',
    description: 'Records that carry fields CoWin never collects (the enriched flag)',
    messages: {
      enriched: 'carries {{field}}, which CoWin never collects',
    },
    fields: NON_COWIN,
    docs: {
      why: "CoWin registers a name, birth year, gender, mobile number and a photo ID; it never asks for an email, a street address, GPS coordinates, a father's name, religion, caste, occupation or bank details. Such fields beside CoWin's personal fields mean the records were joined with another source, or made up (Faker adds emails and street addresses). A format that itself carries one (a certificate's address block) is not counted.",
      baseline: 'Genuine CoWin records: none. Enriched or fabricated samples: often every record.',
      sources: ['cowin-formats.md §2.2, §2.5 (what CoWin collects)', 'indian-id-formats.md §6.1 (Faker emails and street addresses)'],
    },
  },
  create(ctx) {
    if (!PERSON_FIELDS.some((f) => ctx.mapped.has(f))) return { record() {}, finish: () => 'no CoWin personal fields beside them' };
    const carried = new Set(ctx.profile ? findProfile(ctx.profile.id)?.carries ?? [] : []);
    const fields = NON_COWIN.filter((f) => ctx.mapped.has(f) && !carried.has(f));
    const seen = new Map<string, number>();
    let rows = 0;
    let applicable = 0;
    return {
      record(rec) {
        ctx.applicable();
        applicable++;
        let first: string | undefined;
        for (const field of fields) {
          if (rec.fields[field] === undefined) continue;
          seen.set(field, (seen.get(field) ?? 0) + 1);
          first ??= field;
        }
        if (first === undefined) return;
        rows++;
        ctx.report({ messageId: 'enriched', row: rec.row, line: rec.line, field: first, value: rec.fields[first], data: { field: first } });
      },
      finish() {
        if (rows === 0) return undefined;
        const names = [...seen.keys()].join(', ');
        return {
          summary: `${count(rows)} of ${count(applicable)} records carry fields CoWin never collects (${names}).`,
          flags: ['enriched'],
          data: { fields: names },
        };
      },
    };
  },
});
