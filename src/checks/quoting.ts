// Quoting the CSV reader could not follow.
import { issueCheck } from './issue-check.js';

export default issueCheck(
  {
    id: 'quoting',
    category: 'structure',
    severity: 'error',
    description: 'Quotes that are never closed or are malformed',
    messages: {
      unclosed: 'a quote opened here is never closed: the rest of the file from this line was not read',
      malformed: 'malformed quoting ({{problem}})',
    },
    docs: {
      why: 'An unclosed quote swallows every row after it, so the analysis sees only the rows before it; malformed quoting can shift values between columns.',
      sources: ['csvlint unclosed_quote / whitespace', 'RFC 4180'],
    },
  },
  { 'unclosed-quote': 'unclosed', 'bad-quoting': 'malformed' },
);
