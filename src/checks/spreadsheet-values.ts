// Identifiers a spreadsheet rewrote in scientific notation: the sample passed through Excel, which is not
// evidence about where its records came from, and those values are not judged.
import { DIGIT_FIELDS } from '../normalize/record.js';
import { FieldCounts } from '../formats/values.js';
import { defineCheck } from '../types.js';
import { num, share } from './support/summary.js';

const FIELDS = [...DIGIT_FIELDS];

export default defineCheck({
  meta: {
    id: 'spreadsheet-values',
    category: 'structure',
    severity: 'warning',
    description: 'Identifiers a spreadsheet rewrote in scientific notation (8.16486E+13), their digits rounded away',
    messages: {
      scientific: 'written in scientific notation by a spreadsheet, its digits rounded away',
    },
    fields: FIELDS,
    docs: {
      why:
        "Excel's General format shows a number of 12 digits or more in scientific notation (a 14-digit reference id as 8.16486E+13, a 12-digit Aadhaar number as 2.34568E+11), and a CSV saved from it keeps what was shown. The sample was opened and saved in a spreadsheet on its way: that says nothing about where its records came from, and the digits are gone, so these values are kept out of every other check (an identifier's format, checksum, repeats) rather than counted as malformed. Ask for the file as it was exported, or give leakcheck the workbook itself (.xlsx): it keeps the numbers, and is read in full.",
      baseline: 'Not weighed in the verdict: a spreadsheet rewrites genuine and fabricated samples alike.',
      sources: [
        'Microsoft KB 65903, Number of significant digits Excel retains (the General format shows at most 11 digits, more in exponential notation; 15 significant digits are kept)',
        'Microsoft KB 269370 (digits past the fifteenth become zeros)',
      ],
    },
  },
  create(ctx) {
    const fields = FIELDS.filter((f) => ctx.mapped.has(f));
    const counts = new FieldCounts(fields);
    let rewritten = 0;
    let values = 0;
    return {
      record(rec) {
        const r = rec.rewritten;
        for (let i = 0; i < fields.length; i++) {
          const field = fields[i];
          if (rec.fields[field] !== undefined) {
            counts.add(i);
            values++;
          } else if (r !== undefined) {
            const v = r.get(field);
            if (v === undefined) continue;
            counts.add(i);
            values++;
            rewritten++;
            ctx.report({ messageId: 'scientific', row: rec.row, line: rec.line, field, value: v });
          }
        }
      },
      finish() {
        counts.flush(ctx);
        if (!rewritten) return undefined;
        return {
          summary: `${share(rewritten, values)} identifier values were rewritten by a spreadsheet in scientific notation, their digits lost: they were not judged. The sample was opened and saved in Excel or a similar program; ask for the file as exported, or analyse the .xlsx, which keeps the numbers (${num(rewritten)} values).`,
          data: { rewritten },
        };
      },
    };
  },
});
