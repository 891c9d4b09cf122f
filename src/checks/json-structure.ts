// JSON that cannot be read, or values that are not records.
import { issueCheck } from './issue-check.js';

export default issueCheck(
  {
    id: 'json-structure',
    category: 'structure',
    severity: 'error',
    description: 'Invalid JSON, and JSON values that are not records',
    messages: {
      invalid: 'invalid JSON ({{problem}})',
      notRecord: 'a JSON {{kind}} where a record (object) was expected: skipped',
    },
    docs: {
      why: 'API responses and exports are machine-written, valid JSON. Broken JSON means the sample was edited by hand or cut short.',
      sources: ['RFC 8259'],
    },
  },
  { 'invalid-json': 'invalid', 'not-a-record': 'notRecord' },
);
