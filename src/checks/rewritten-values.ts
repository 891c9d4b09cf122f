// Values rewritten on the sample's way to us: identifiers a spreadsheet wrote in scientific notation (kept out of
// the other checks), dates a spreadsheet re-typed or a database wrote ISO 8601 or with a time of day (read back as
// the days they name), and category labels translated into Hindi or coded as letters or ids (read as CoWin's). None
// says anything about where the records came from, so the verdict does not weigh them; all say the file was handled.
import { FIELDS as ALL_FIELDS } from '../fields.js';
import { DIGIT_FIELDS, GENDER_IDS, GENDER_LETTERS, isScientific, TRANSLATIONS } from '../normalize/record.js';
import { FieldCounts } from '../formats/values.js';
import { defineCheck } from '../types.js';
import { num, share } from './support/summary.js';

const DATE_FIELDS: ReadonlySet<string> = new Set(ALL_FIELDS.filter((f) => f.kind === 'date').map((f) => f.id));
const FIELDS = [...DIGIT_FIELDS, ...DATE_FIELDS, ...Object.keys(TRANSLATIONS)];

export default defineCheck({
  meta: {
    id: 'rewritten-values',
    category: 'structure',
    severity: 'warning',
    description:
      'Values rewritten on the way: identifiers a spreadsheet wrote in scientific notation (8.16486E+13), dates a spreadsheet re-typed (5/6/2021, 21-Jun-2021) or a database wrote ISO 8601 (2021-06-21) or with a time of day, labels translated into Hindi, gender coded as letters (M, F) or ids (1, 2)',
    messages: {
      scientific: 'written in scientific notation by a spreadsheet, its digits rounded away: not judged',
      retyped: 'a date a spreadsheet re-typed: read as {{date}}',
      iso: 'a date written ISO 8601, as a database or a data tool writes it: read as {{date}}',
      timed: 'a date written with a time of day: read as {{date}}',
      translated: 'written in Hindi: read as CoWin\'s "{{label}}"',
      letter: 'a label coded as a letter: read as CoWin\'s "{{label}}"',
      id: 'a gender written as CoWin\'s gender id: read as its "{{label}}"',
    },
    fields: FIELDS,
    docs: {
      why:
        "Excel's General format shows a number of 12 digits or more in scientific notation (a 14-digit reference id as 8.16486E+13, a 12-digit Aadhaar number as 2.34568E+11), and a CSV saved from it keeps what was shown. The digits are gone, so these values are kept out of every other check (an identifier's format, checksum, repeats) rather than counted as malformed; give leakcheck the workbook itself (.xlsx), which keeps the numbers, or ask for the file as exported. Dates come back as the spreadsheet showed them: Excel in a US locale reads CoWin's 05-06-2021 as May 6 and writes 5/6/2021, while 21-06-2021, no date to it, stays as it was; a day-first locale writes every date 05/06/2021 (LibreOffice in a British or Indian locale 05/06/21, its default short date), a column formatted d-mmm-yyyy 21-Jun-2021, a German-style locale 21.06.2021. A date column whose first 500 records hold such short dates (a one-digit day or month, which no CoWin format writes), or only day-first short dates, none of them month first, or only dates with the month's name, or only dates with dots, or only CoWin's dates with a time of day (21-06-2021 00:00:00, a date-time format's or a timestamp's), is read back day first (two-digit years as Excel reads them), and its dates are judged as the days they name. A database keeps dates as dates and writes them ISO 8601 (2021-06-21, 2021-06-21 00:00:00), as do the data tools (pandas, R) that parse a date column on the way in: a date column whose first 500 records hold only ISO 8601 dates, in a format whose dates are DD-MM-YYYY, is read as the database's re-writing, as an SQL dump's typed dates are. A label translated into Hindi (पुरुष, महिला, अन्य for CoWin's Male, Female, Others) is read as CoWin's, so the vocabulary checks judge what the record says rather than the language it was relabelled in. Data tools and spreadsheets recode gender as one letter (M, F); no CoWin format writes letters, but a gender column whose first 500 records hold only M, F, O or T is one edit of the whole file, not a fault in each record, so its letters are read as CoWin's Male, Female and Others. CoWin's registration API takes gender as an id (gender_id; its genders list pairs 1 with Male, 2 with Female, 3 with Others), so a table copied out of its back end may hold the numbers where its lists and certificates write words: a gender column whose first 500 records hold only 1, 2 or 3 is read as those words. Either way the file was handled on its way, which says nothing about where its records came from.",
      baseline:
        'Not weighed in the verdict: a spreadsheet or a translation rewrites genuine and fabricated samples alike. Short dates in a column whose first 500 records show none, a few 15/06/2021 among DD-MM-YYYY dates (an edit), month-first short dates (6/21/2021: no re-typing of CoWin\'s DD-MM-YYYY writes one), a few ISO 8601 dates among DD-MM-YYYY ones and letters or ids among gender words are judged as written.',
      sources: [
        'Microsoft KB 65903, Number of significant digits Excel retains (the General format shows at most 11 digits, more in exponential notation; 15 significant digits are kept)',
        'Microsoft KB 269370 (digits past the fifteenth become zeros)',
        'Microsoft Support, "Stop automatically changing numbers to dates" (Excel converts text that looks like a date to a date in the short format of the computer\'s regional settings)',
        'cowin-formats.md §2.2 (gender: Male, Female observed; Others [M])',
        'cowin-formats.md §2.5, §2.6 (registration takes gender_id; the genders list pairs id 1 with Male)',
      ],
    },
  },
  create(ctx) {
    const fields = FIELDS.filter((f) => ctx.mapped.has(f));
    const counts = new FieldCounts(fields);
    let values = 0;
    // Columns a database wrote ISO 8601 or with a time of day, as the mapping found them (the others' dates were a
    // spreadsheet's).
    const dateColumns = (form: string) => new Set(ctx.mapping.filter((m) => m.dates === form).map((m) => m.field));
    const isoFields = dateColumns('YYYY-MM-DD');
    const timedFields = dateColumns('DD-MM-YYYY hh:mm');
    /** How a value was rewritten (its message id): how many, and the first as `original -> read`. */
    const tally = { scientific: 0, iso: 0, timed: 0, retyped: 0, letter: 0, id: 0, translated: 0 };
    type Kind = keyof typeof tally;
    const examples = Object.fromEntries(Object.keys(tally).map((k) => [k, ''])) as Record<Kind, string>;
    const kindOf = (field: string, original: string): Kind => {
      if (DIGIT_FIELDS.has(field) && isScientific(original)) return 'scientific';
      if (isoFields.has(field)) return 'iso';
      if (timedFields.has(field)) return 'timed';
      if (DATE_FIELDS.has(field)) return 'retyped';
      return GENDER_LETTERS.has(original) ? 'letter' : GENDER_IDS.has(original) ? 'id' : 'translated';
    };
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
          const kind = kindOf(field, original);
          const read = rec.fields[field] ?? '';
          tally[kind]++;
          examples[kind] ||= `${original} -> ${read}`;
          const base = { messageId: kind, row: rec.row, line: rec.line, field, value: original };
          // The messages name the value read as {{date}} or {{label}}; an id in scientific notation is not read.
          if (kind === 'scientific') ctx.report(base);
          else ctx.report({ ...base, data: kind === 'iso' || kind === 'timed' || kind === 'retyped' ? { date: read } : { label: read } });
        }
      },
      finish() {
        counts.flush(ctx);
        const { scientific, iso: isoDates, timed, retyped, letter: letters, id: ids, translated } = tally;
        if (!scientific && !retyped && !isoDates && !timed && !translated && !letters && !ids) return undefined;
        const parts: string[] = [];
        if (scientific) {
          parts.push(
            `${share(scientific, values)} values were identifiers a spreadsheet wrote in scientific notation, their digits rounded away: they were not judged (the .xlsx keeps the numbers; or ask for the file as exported)`,
          );
        }
        if (retyped) {
          parts.push(`${share(retyped, values)} values were dates a spreadsheet re-typed (${examples.retyped}): read back as the days they name`);
        }
        if (isoDates) {
          parts.push(`${share(isoDates, values)} values were dates written ISO 8601 as a database or a data tool writes them (${examples.iso}): read back as the days they name`);
        }
        if (timed) {
          parts.push(`${share(timed, values)} values were dates written with a time of day, as a date-time format or a timestamp writes them (${examples.timed}): read back as the days they name`);
        }
        if (translated) parts.push(`${num(translated)} labels were translated into Hindi (${examples.translated}): read as CoWin's`);
        if (letters) parts.push(`${num(letters)} genders were coded as letters (${examples.letter}), which no CoWin format writes: read as CoWin's words`);
        if (ids) parts.push(`${num(ids)} genders were written as CoWin's gender ids (${examples.id}), as its registration API takes them: read as its words`);
        return { summary: `${parts.join('; ')}. The file was handled on its way, which says nothing about where its records came from.`, data: { scientific, retyped, isoDates, timed, translated, letters, ids } };
      },
    };
  },
});
