// Unmasked Aadhaar numbers: 12 digits, first digit 2-9, Verhoeff check digit (or a valid 16-digit VID).
import { FieldCounts, idNumberOf, isMaskedId, recordPhotoIdType } from '../formats/values.js';
import { aadhaarReason, allDigits, compactId, isVid } from '../validators/index.js';
import { defineCheck } from '../types.js';
import { count } from '../report/numbers.js';

export default defineCheck({
  meta: {
    id: 'aadhaar-checksum',
    category: 'schema',
    severity: 'error',
    description: 'Unmasked Aadhaar numbers that fail the Verhoeff check digit, start with 0 or 1, or are not 12 digits',
    messages: {
      checksum: 'fails the Verhoeff check digit every Aadhaar number carries',
      'first-digit': 'starts with 0 or 1, which UIDAI never issues',
      length: 'is not 12 digits (nor a 16-digit VID)',
      'not-digits': 'is not a number',
    },
    fields: ['aadhaar_number', 'photo_id_number'],
    docs: {
      why: "Every Aadhaar number ends in a Verhoeff check digit and starts with 2-9. Numbers typed by hand or drawn at random (Faker's string.numeric(12), Python Faker's Luhn-checked aadhaar_id) pass the Verhoeff check about 1 time in 10 and start with 0 or 1 about 1 time in 5.",
      baseline: 'Genuine: about 0.5% fail (typos). Random 12-digit numbers: about 90% fail (Verhoeff pass 10.04% over 10^6 draws).',
      sources: ['indian-id-formats.md §2.1 [S16-S20]', 'indian-id-formats.md §6.1, §6.2, §7.1 [T]'],
    },
  },
  create(ctx) {
    const hasType = ctx.mapped.has('photo_id_type');
    const counts = new FieldCounts(['aadhaar_number', 'photo_id_number']);
    let applicable = 0;
    let bad = 0;
    const judge = (value: string, field: string, i: number, row: number, line: number): void => {
      if (isMaskedId(value)) return;
      const v = compactId(value);
      applicable++;
      counts.add(i);
      if (v.length === 16 && isVid(v)) return;
      const reason = aadhaarReason(v);
      if (reason === 'ok') return;
      bad++;
      ctx.report({ messageId: reason, row, line, field, value });
    };
    return {
      record(rec) {
        const f = rec.fields;
        const a = f.aadhaar_number;
        if (a !== undefined) judge(a, 'aadhaar_number', 0, rec.row, rec.line);
        const raw = f.photo_id_number;
        if (raw === undefined) return;
        const p = idNumberOf(raw);
        // A photo-ID number is an Aadhaar number when its type (or its DID) says so, or, with no type at all, when
        // it is 12 digits.
        const type = recordPhotoIdType(f);
        const isAadhaar = type === 'aadhaar' || (type === undefined && !hasType && compactId(p).length === 12 && allDigits(compactId(p)));
        if (isAadhaar) judge(p, 'photo_id_number', 1, rec.row, rec.line);
      },
      finish() {
        counts.flush(ctx);
        if (applicable === 0) return undefined;
        const pct = `${((100 * bad) / applicable).toFixed(1)}%`;
        return `${count(bad)} of ${count(applicable)} unmasked Aadhaar numbers are impossible (${pct}); random 12-digit numbers: about 90%, genuine: about 0.5%`;
      },
    };
  },
});
