// Header cells that are blank or repeated, title lines above the header, and the header repeated below it.
import { issueCheck } from './issue-check.js';

export default issueCheck(
  {
    id: 'header-labels',
    category: 'structure',
    severity: 'warning',
    description: 'Header labels that are blank or repeated, title lines above the header, and the header repeated among the rows',
    messages: {
      blank: 'header cell {{position}} is blank: the column is named column_{{position}}',
      duplicate: 'header cell {{position}} repeats an earlier label: the column is read as a separate column',
      title: 'a title line above the header (one cell): skipped',
      excel: 'Excel\'s `sep=` line, naming the delimiter (the file was saved from Excel): skipped',
      rule: 'a table\'s rule or border line (|---|, +---+), or a database client\'s row count ((300 rows)): skipped',
      again: 'the header row again (files joined together?): skipped',
    },
    docs: {
      why: 'A system export names every column once and starts with its header. Blank or repeated labels point to manual editing or to columns pasted together from several sources; a title line above the header, to a spreadsheet or a document (a PDF\'s heading) made for people rather than a database dump (Excel\'s `sep=` line, to a file saved from Excel; a table\'s rules and borders, to a table pasted into a post or from a database client, psql or MySQL); the header repeated among the rows, to several exports joined into one file.',
      sources: ['Frictionless blank-label / duplicate-label', 'csvlint empty_column_name / duplicate_column_name / title_row'],
    },
  },
  { 'blank-header': 'blank', 'duplicate-header': 'duplicate', 'title-row': 'title', 'delimiter-hint': 'excel', 'table-rule': 'rule', 'repeated-header': 'again' },
  // Each header cell can be blank or repeated, as each line can be a title or the header again.
  (ctx) => (ctx.input.header === false ? 0 : ctx.input.columns.length),
);
