// Values rewritten on the sample's way to us: identifiers a spreadsheet wrote in scientific notation (kept out of
// the other checks), and category labels translated into Hindi (read as CoWin's). Neither says anything about where
// the records came from, so the verdict does not weigh them; both say the file was handled.
import { DIGIT_FIELDS, isScientific, TRANSLATIONS } from '../normalize/record.js';
import { FieldCounts } from '../formats/values.js';
import { defineCheck } from '../types.js';
import { num, share } from './support/summary.js';

const FIELDS = [...DIGIT_FIELDS, ...Object.keys(TRANSLATIONS)];

export default defineCheck({
  meta: {
    id: 'rewritten-values',
    category: 'structure',
    severity: 'warning',
    description: 'Values rewritten on the way: identifiers a spreadsheet wrote in scientific notation (8.16486E+13), labels translated into Hindi',
    messages: {
      scientific: 'written in scientific notation by a spreadsheet, its digits rounded away: not judged',
      translated: 'written in Hindi: read as CoWin\'s "{{label}}"',
    },
    fields: FIELDS,
    docs: {
      why:
        "Excel's General format shows a number of 12 digits or more in scientific notation (a 14-digit reference id as 8.16486E+13, a 12-digit Aadhaar number as 2.34568E+11), and a CSV saved from it keeps what was shown. The digits are gone, so these values are kept out of every other check (an identifier's format, checksum, repeats) rather than counted as malformed; give leakcheck the workbook itself (.xlsx), which keeps the numbers, or ask for the file as exported. A label translated into Hindi (पुरुष, महिला, अन्य for CoWin's Male, Female, Others) is read as CoWin's, so the vocabulary checks judge what the record says rather than the language it was relabelled in. Either way the file was handled on its way, which says nothing about where its records came from.",
      baseline: 'Not weighed in the verdict: a spreadsheet or a translation rewrites genuine and fabricated samples alike.',
      sources: [
        'Microsoft KB 65903, Number of significant digits Excel retains (the General format shows at most 11 digits, more in exponential notation; 15 significant digits are kept)',
        'Microsoft KB 269370 (digits past the fifteenth become zeros)',
        'cowin-formats.md §2.2 (gender: Male, Female observed; Others [M])',
      ],
    },
  },
  create(ctx) {
    const fields = FIELDS.filter((f) => ctx.mapped.has(f));
    const counts = new FieldCounts(fields);
    let values = 0;
    let scientific = 0;
    let translated = 0;
    let example = '';
    return {
      record(rec) {
        const r = rec.rewritten;
        for (let i = 0; i < fields.length; i++) {
          const field = fields[i];
          const original = r?.get(field);
          if (original === undefined && rec.fields[field] === undefined) continue;
          counts.add(i);
          values++;
          if (original === undefined) continue;
          const base = { row: rec.row, line: rec.line, field, value: original };
          if (isScientific(original)) {
            scientific++;
            ctx.report({ messageId: 'scientific', ...base });
          } else {
            translated++;
            example ||= `${original} -> ${rec.fields[field]}`;
            ctx.report({ messageId: 'translated', ...base, data: { label: rec.fields[field] ?? '' } });
          }
        }
      },
      finish() {
        counts.flush(ctx);
        if (!scientific && !translated) return undefined;
        const parts: string[] = [];
        if (scientific) {
          parts.push(
            `${share(scientific, values)} values were identifiers a spreadsheet wrote in scientific notation, their digits rounded away: they were not judged (the .xlsx keeps the numbers; or ask for the file as exported)`,
          );
        }
        if (translated) parts.push(`${num(translated)} labels were translated into Hindi (${example}): read as CoWin's`);
        return { summary: `${parts.join('; ')}. The file was handled on its way, which says nothing about where its records came from.`, data: { scientific, translated } };
      },
    };
  },
});
