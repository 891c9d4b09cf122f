// PANs: shape AAAAA9999A, a known holder-type letter, serial not 0000, and holder type P (every beneficiary is a person).
import { FieldCounts, idNumberOf, isMaskedId, recordPhotoIdType } from '../formats/values.js';
import { compactId, isMaskedPan, panReason } from '../validators/index.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  meta: {
    id: 'pan-format',
    category: 'schema',
    severity: 'error',
    description: "PANs that are malformed or not an individual's",
    messages: {
      shape: 'is not a PAN (5 letters, 4 digits, 1 letter)',
      'holder-type': 'has a 4th letter no PAN holder type uses',
      'serial-0000': 'has serial 0000, which is never issued',
      person: "is not an individual's PAN (4th letter not P): every CoWin beneficiary is a person",
    },
    fields: ['pan_number', 'photo_id_number'],
    docs: {
      why: "A PAN's 4th letter is its holder's status and P means an individual; CoWin registers people, so a company's (C), firm's (F) or trust's (T) PAN cannot be a beneficiary's ID. Python Faker's pan() picks that letter uniformly from ten, so 90% of its PANs are not P.",
      baseline: 'Genuine: about 1% malformed (typos) [M]. Python Faker: 90% not P; random strings: all fail.',
      sources: ['indian-id-formats.md §2.2 [S23-S26]', 'indian-id-formats.md §6.2 [T]'],
    },
  },
  create(ctx) {
    const counts = new FieldCounts(['pan_number', 'photo_id_number']);
    const judge = (value: string, field: string, i: number, row: number, line: number): void => {
      const v = compactId(value);
      if (isMaskedPan(v)) {
        counts.add(i);
        if (v.charCodeAt(3) !== 80) ctx.report({ messageId: 'person', row, line, field, value });
        return;
      }
      if (isMaskedId(value)) return;
      counts.add(i);
      const reason = panReason(v);
      if (reason !== 'ok') ctx.report({ messageId: reason, row, line, field, value });
      else if (v.charCodeAt(3) !== 80) ctx.report({ messageId: 'person', row, line, field, value });
    };
    return {
      record(rec) {
        const f = rec.fields;
        if (f.pan_number !== undefined) judge(f.pan_number, 'pan_number', 0, rec.row, rec.line);
        const p = f.photo_id_number;
        if (p !== undefined && recordPhotoIdType(f) === 'pan') judge(idNumberOf(p), 'photo_id_number', 1, rec.row, rec.line);
      },
      finish() {
        counts.flush(ctx);
      },
    };
  },
});
