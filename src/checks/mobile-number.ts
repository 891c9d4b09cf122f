// Mobile numbers: CoWin's masked forms, or a 10-digit Indian mobile in the 6-9 series outside landline-only ranges.
import { isMaskedMobile, isLandlineRange, looksInventedMobile, normalizeMobile } from '../validators/index.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  meta: {
    id: 'mobile-number',
    category: 'schema',
    severity: 'error',
    description: 'Mobile numbers that no Indian mobile can have: wrong length, a 0-5 first digit, a landline-only range, an invented pattern',
    messages: {
      shape: 'is neither a 10-digit Indian number nor a CoWin-masked one',
      series: 'starts with 0-5: Indian mobile numbers start with 6, 7, 8 or 9',
      'fixed-line': 'lies in a range allotted only to landlines (libphonenumber metadata from DoT allocations)',
      invented: 'is a made-up pattern (one digit repeated, or a run such as 9876543210)',
    },
    fields: ['mobile_number'],
    docs: {
      why: 'Every CoWin account is a mobile number: 10 digits in the 6-9 series. About 15% of uniformly random 6-9 numbers fall in ranges allotted only to landlines (faker-js reproduces this), and Python Faker draws the first digit from 0-9. Masked forms (last 4 digits, ******1403) are checked for shape only; whether masking fits the claimed source is masking-consistency.',
      baseline: 'Genuine: about 0.2% (typos) [M]. Uniform 6-9 numbers: 15.2% landline-only; Python Faker: 60% outside 6-9.',
      sources: ['indian-id-formats.md §2.12 [S45-S48, T]', 'indian-id-formats.md §6.1, §6.2 [T]'],
    },
  },
  create(ctx) {
    return {
      record(rec) {
        const v = rec.fields.mobile_number;
        if (v === undefined) return;
        ctx.applicable();
        if (isMaskedMobile(v)) return;
        const n = normalizeMobile(v);
        let messageId: string | undefined;
        if (n === undefined) messageId = 'shape';
        else if (n.charCodeAt(0) < 54) messageId = 'series';
        else if (isLandlineRange(n)) messageId = 'fixed-line';
        else if (looksInventedMobile(n)) messageId = 'invented';
        if (messageId) ctx.report({ messageId, row: rec.row, line: rec.line, field: 'mobile_number', value: v });
      },
      finish() {},
    };
  },
});
