// Inputs that end before their data does.
import { issueCheck } from './issue-check.js';

export default issueCheck(
  {
    id: 'input-complete',
    category: 'structure',
    severity: 'error',
    description: 'Inputs cut short (truncated compression, read errors, size limits)',
    messages: { truncated: 'the input ends early: {{reason}}; rows after this point were not read' },
    docs: {
      why: 'A truncated download or archive leaves the analysis with part of the sample; the verdict then speaks only for the rows read.',
    },
  },
  { truncated: 'truncated', 'read-error': 'truncated' },
);
