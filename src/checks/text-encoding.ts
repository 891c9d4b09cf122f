// Bytes that are not valid UTF-8, and UTF-8 that was read as Windows-1252 and saved again (undone).
import { issueCheck } from './issue-check.js';

export default issueCheck(
  {
    id: 'text-encoding',
    category: 'structure',
    severity: 'warning',
    description: 'Bytes that are not valid UTF-8 (read as Windows-1252), or UTF-8 encoded twice (undone)',
    messages: {
      invalid: '{{bytes}} bytes are not valid UTF-8 (the first on this line): they were read as Windows-1252',
      double: 'the text is UTF-8 that was read as Windows-1252 and saved as UTF-8 again (à¤ª for प): read as it was before',
    },
    docs: {
      why: 'CoWin serves UTF-8. Text in a legacy Windows code page means the file passed through a spreadsheet or a tool on a Windows machine, and names in Indian scripts may have been damaged on the way. Excel opening a UTF-8 CSV without a byte-order mark reads it as Windows-1252, and saved as "CSV UTF-8" the file holds पुरुष as à¤ªà¥à¤°à¥à¤·: when every non-ASCII run of the first 64 KiB reads back as UTF-8 that way, the whole file is read as it was before.',
      sources: ['WHATWG Encoding Standard (windows-1252)', 'csvlint invalid_encoding', 'ftfy (fixes text for you): the same repair of UTF-8 decoded as Windows-1252'],
    },
  },
  { 'invalid-encoding': 'invalid', 'double-encoded': 'double' },
);
