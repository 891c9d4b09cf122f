// Rows with more or fewer cells than the header: padding or truncation by whoever assembled the file; in
// `key: value` text, lines that are neither.
import { issueCheck } from './issue-check.js';

export default issueCheck(
  {
    id: 'row-shape',
    category: 'structure',
    severity: 'warning',
    description: 'Rows whose number of cells differs from the header; lines of key-value text that are not `key: value`; wrapped cells of a fixed-width table',
    messages: {
      extra: '{{actual}} cells where the header has {{expected}}: the extra cells are ignored',
      missing: 'only {{actual}} cells where the header has {{expected}}: the missing cells are read as empty',
      notKeyValue: 'a line that is not `key: value` (or a lone one) among key-value records: skipped',
      wrapped: 'a line holding parts of this row\'s wrapped cells (too long for their columns): joined to the row',
    },
    docs: {
      why: 'Exports from a database have one cell per column on every row. Ragged rows point to hand-edited or stitched-together files, or to a delimiter inside unquoted values. In text of `key: value` lines (a bot\'s replies, a paste), other lines are commentary or damage: they are skipped, and counted so the reader knows. In a table laid out in fixed-width columns (a PDF\'s through `pdftotext -layout`, SQL*Plus), a cell too long for its column goes on over more lines: a line whose first cell is empty and whose text, in at most half the columns, has a word in it holds such parts. It is joined to its row (a number or date without a space, other text with one): the row above it when the table\'s cells sit at the top of their rows, the row below when at the bottom, the nearer one when in the middle (a row\'s own line is then empty under its wrapped cells), as the table shows (the top when it does not), rather than read as a row of empty fields. A header\'s wrapped labels are not joined.',
      sources: ['Frictionless extra-cell / missing-cell', 'csvlint ragged_rows'],
    },
  },
  { 'extra-cells': 'extra', 'missing-cells': 'missing', 'not-key-value': 'notKeyValue', 'wrapped-line': 'wrapped' },
);
