// Inputs that end before their data does, and parts of an input that were not read.
import { issueCheck } from './issue-check.js';

export default issueCheck(
  {
    id: 'input-complete',
    category: 'structure',
    severity: 'error',
    description: 'Inputs cut short (truncated compression, read errors, size and ratio limits), archive members not read, JSON values overwritten by a repeated key, SQL tables not read',
    messages: {
      truncated: 'the input ends early: {{reason}}; rows after this point were not read',
      member: 'archive member {{member}}: {{reason}}',
      duplicateKey: 'the record repeats the key {{key}}: only its last value was read',
      otherTable: 'rows inserted into table {{table}} were not read: the records are those of table {{first}} (--table chooses)',
    },
    docs: {
      why: 'A truncated download or archive leaves the analysis with part of the sample; the verdict then speaks only for the rows read. Members of an archive that were not read, JSON keys given twice in one record (the last value wins, as in JSON.parse), and the rows of an SQL dump\'s other tables (one table is read, `--table` or the first with rows, so a lookup table never mixes with people) are parts of the sample the verdict does not cover.',
      sources: ['RFC 8259 §4 (names within an object should be unique)', 'PKWARE APPNOTE.TXT (zip)'],
    },
  },
  { truncated: 'truncated', 'read-error': 'truncated', 'archive-member': 'member', 'duplicate-key': 'duplicateKey', 'other-table': 'otherTable' },
);
