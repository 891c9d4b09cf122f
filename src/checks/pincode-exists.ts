// PIN codes that do not exist in the India Post directory.
import { normalizePin, pinExists } from '../validators/index.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  meta: {
    id: 'pincode-exists',
    category: 'plausibility',
    severity: 'error',
    description: 'PIN codes that are not 6 digits or do not exist in the India Post directory',
    messages: {
      shape: 'is not a PIN code (6 digits, the first not 0)',
      unknown: 'is not in the India Post directory of 19,159 PIN codes',
      aps: 'is an Army Postal Service PIN (9xxxxx), not a civilian address',
    },
    fields: ['pincode'],
    docs: {
      why: 'Only about 2% of the numbers 100000-999999 are real PIN codes, and even "random within the state\'s range" (Python Faker\'s pincode_in_state) misses 95-99% of the time; faker-js also makes PINs starting with 0. Genuine addresses and centres use real PINs.',
      baseline: 'Genuine: above 98% exist (typos, new PINs) [T]. Random: about 98% do not exist.',
      sources: ['indian-id-formats.md §2.13 [S49, S50, T]', 'src/data/pincodes.json (India Post directory)'],
    },
  },
  create(ctx) {
    return {
      record(rec) {
        const v = rec.fields.pincode;
        if (v === undefined) return;
        ctx.applicable();
        const n = normalizePin(v);
        const messageId = n < 0 ? 'shape' : pinExists(n) ? undefined : n >= 900_000 ? 'aps' : 'unknown';
        if (messageId) ctx.report({ messageId, row: rec.row, line: rec.line, field: 'pincode', value: v });
      },
      finish() {},
    };
  },
});
