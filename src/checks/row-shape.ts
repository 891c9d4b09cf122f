// Rows with more or fewer cells than the header: padding or truncation by whoever assembled the file.
import { issueCheck } from './issue-check.js';

export default issueCheck(
  {
    id: 'row-shape',
    category: 'structure',
    severity: 'warning',
    description: 'Rows whose number of cells differs from the header',
    messages: {
      extra: '{{actual}} cells where the header has {{expected}}: the extra cells are ignored',
      missing: 'only {{actual}} cells where the header has {{expected}}: the missing cells are read as empty',
    },
    docs: {
      why: 'Exports from a database have one cell per column on every row. Ragged rows point to hand-edited or stitched-together files, or to a delimiter inside unquoted values.',
      sources: ['Frictionless extra-cell / missing-cell', 'csvlint ragged_rows'],
    },
  },
  { 'extra-cells': 'extra', 'missing-cells': 'missing' },
);
