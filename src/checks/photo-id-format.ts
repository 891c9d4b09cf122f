// Unmasked photo-ID numbers other than Aadhaar and PAN (their own checks) against the hard rules of their declared type.
import { idNumberOf, isMaskedId, recordPhotoIdType } from '../formats/values.js';
import { PHOTO_ID_SPECS, validatePhotoId, type PhotoIdType } from '../validators/index.js';
import { defineCheck } from '../types.js';

/** Each rule's description, by rule id, for messages. */
const RULES: ReadonlyMap<string, string> = new Map(Object.values(PHOTO_ID_SPECS).flatMap((s) => s.checks.map((c) => [c.id, c.description] as const)));

export default defineCheck({
  meta: {
    id: 'photo-id-format',
    category: 'schema',
    severity: 'error',
    description: 'Passport, voter ID, driving licence, UDID and other ID numbers that break a hard rule of their type',
    messages: {
      rule: 'breaks a rule of its type ({{type}}): {{rule}}',
    },
    fields: ['photo_id_number'],
    docs: {
      why: 'Each photo ID CoWin accepted has a known shape: a passport is a letter and 7 digits, an EPIC 3 letters and 7 digits, a Sarathi licence state, RTO, year and serial, a UDID embeds the birth year. Numbers made up for a fake sample rarely keep the rule of the type they claim. Only exact (hard) rules count; uncertain ones are left to sample-level scoring.',
      baseline: 'Genuine: about 2% (typos, legacy formats) [M]. Fabricated: most made-up numbers fail their type [M].',
      sources: ['indian-id-formats.md §2.3-§2.10', 'src/validators/photo-ids.ts (PHOTO_ID_SPECS)'],
    },
  },
  create(ctx) {
    const skip: ReadonlySet<PhotoIdType> = new Set<PhotoIdType>(['aadhaar', 'pan']);
    return {
      record(rec) {
        const f = rec.fields;
        const raw = f.photo_id_number;
        if (raw === undefined) return;
        const type = recordPhotoIdType(f);
        if (type === undefined || skip.has(type)) return;
        const value = idNumberOf(raw);
        if (isMaskedId(value)) return;
        ctx.applicable();
        const r = validatePhotoId(type, value);
        if (r.ok || r.reason === undefined) return;
        ctx.report({
          messageId: 'rule',
          row: rec.row,
          line: rec.line,
          field: 'photo_id_number',
          value: raw,
          data: { type: PHOTO_ID_SPECS[type].label, rule: RULES.get(r.reason) ?? r.reason },
        });
      },
      finish() {},
    };
  },
});
