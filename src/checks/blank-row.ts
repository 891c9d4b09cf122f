// Rows with no content at all.
import { issueCheck } from './issue-check.js';

export default issueCheck(
  {
    id: 'blank-row',
    category: 'structure',
    severity: 'info',
    description: 'Rows whose cells are all empty (skipped)',
    messages: { blank: 'blank row skipped' },
    docs: {
      why: 'Blank rows carry no record; many of them suggest a file assembled by hand or in a spreadsheet.',
      sources: ['Frictionless blank-row', 'csvlint blank_rows'],
    },
  },
  { 'blank-row': 'blank' },
);
