// Bytes that are not valid UTF-8.
import { issueCheck } from './issue-check.js';

export default issueCheck(
  {
    id: 'text-encoding',
    category: 'structure',
    severity: 'warning',
    description: 'Bytes that are not valid UTF-8 (read as Windows-1252)',
    messages: { invalid: '{{bytes}} bytes are not valid UTF-8 (the first on this line): they were read as Windows-1252' },
    docs: {
      why: 'CoWin serves UTF-8. Text in a legacy Windows code page means the file passed through a spreadsheet or a tool on a Windows machine, and names in Indian scripts may have been damaged on the way.',
      sources: ['WHATWG Encoding Standard (windows-1252)', 'csvlint invalid_encoding'],
    },
  },
  { 'invalid-encoding': 'invalid' },
);
