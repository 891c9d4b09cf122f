// Rows with more or fewer cells than the header: padding or truncation by whoever assembled the file; in
// `key: value` text, lines that are neither.
import { issueCheck } from './issue-check.js';

export default issueCheck(
  {
    id: 'row-shape',
    category: 'structure',
    severity: 'warning',
    description: 'Rows whose number of cells differs from the header; lines of key-value text that are not `key: value`',
    messages: {
      extra: '{{actual}} cells where the header has {{expected}}: the extra cells are ignored',
      missing: 'only {{actual}} cells where the header has {{expected}}: the missing cells are read as empty',
      notKeyValue: 'a line that is not `key: value` (or a lone one) among key-value records: skipped',
    },
    docs: {
      why: 'Exports from a database have one cell per column on every row. Ragged rows point to hand-edited or stitched-together files, or to a delimiter inside unquoted values. In text of `key: value` lines (a bot\'s replies, a paste), other lines are commentary or damage: they are skipped, and counted so the reader knows.',
      sources: ['Frictionless extra-cell / missing-cell', 'csvlint ragged_rows'],
    },
  },
  { 'extra-cells': 'extra', 'missing-cells': 'missing', 'not-key-value': 'notKeyValue' },
);
