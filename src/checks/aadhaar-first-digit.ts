// First digits of unmasked Aadhaar numbers: uniform over 2-9 (UIDAI numbers are random), never 0 or 1.
// Per row: a number starting with 0 or 1 is a violation; the digit shares go to the data.
import { idNumberOf, isMaskedId, recordPhotoIdType } from '../formats/values.js';
import { allDigits, compactId } from '../validators/index.js';
import { defineCheck } from '../types.js';
import { share } from './support/summary.js';

export default defineCheck({
  meta: {
    id: 'aadhaar-first-digit',
    category: 'plausibility',
    severity: 'warning',
    description: 'First digits of unmasked 12-digit Aadhaar numbers: uniform over 2-9, never 0 or 1',
    messages: {
      'first-digit': 'starts with {{digit}}, which UIDAI never issues (random 12-digit strings do one time in five)',
    },
    fields: ['aadhaar_number', 'photo_id_number'],
    docs: {
      why:
        "UIDAI numbers are random with a first digit of 2-9, so genuine first digits are uniform at 12.5% each. Faker's string.numeric(12) starts with 0 or 1 about 20% of the time, Python Faker's aadhaar_id with 1 about 11%; a Benford-like fall from 2 to 9 suggests numbers made as integers and padded. The shares of each first digit are in the data (digit0 ... digit9).",
      baseline: 'Genuine: about 0.2% (typos). Random 12-digit strings: 20%; Python Faker: 11%.',
      sources: ['indian-id-formats.md §2.1 [S16], §6.1, §6.2, §7.2 [T]'],
    },
  },
  create(ctx) {
    const hasType = ctx.mapped.has('photo_id_type');
    const digits = new Array<number>(10).fill(0);
    let n = 0;
    let bad = 0;
    const judge = (value: string, field: string, row: number, line: number): void => {
      if (isMaskedId(value)) return;
      const v = compactId(value);
      if (v.length !== 12 || !allDigits(v)) return; // aadhaar-checksum reports malformed numbers
      ctx.applicable();
      n++;
      const d = v.charCodeAt(0) - 48;
      digits[d]++;
      if (d >= 2) return;
      bad++;
      ctx.report({ messageId: 'first-digit', row, line, field, value, data: { digit: String(d) } });
    };
    return {
      record(rec) {
        const f = rec.fields;
        const a = f.aadhaar_number;
        if (a !== undefined) judge(a, 'aadhaar_number', rec.row, rec.line);
        const raw = f.photo_id_number;
        if (raw === undefined) return;
        const p = idNumberOf(raw);
        const type = recordPhotoIdType(f);
        if (type === 'aadhaar' || (type === undefined && !hasType)) judge(p, 'photo_id_number', rec.row, rec.line);
      },
      finish() {
        if (n === 0) return undefined;
        const data: Record<string, number> = { numbers: n };
        for (let d = 0; d < 10; d++) data[`digit${d}`] = Math.round((10000 * digits[d]) / n) / 10000;
        return { summary: `${share(bad, n)} unmasked Aadhaar numbers start with 0 or 1 (never issued); random 12-digit strings: about 20%.`, data };
      },
    };
  },
});
