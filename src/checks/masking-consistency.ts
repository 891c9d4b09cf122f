// Masking that contradicts the claimed source: full mobile and ID numbers in a sample shaped like a citizen-facing
// API (which masks them), or masked ones in a sample shaped like a back-end export (which holds them in full).
import { FieldCounts, idNumberOf, maskedIdVisible } from '../formats/values.js';
import { findProfile } from '../profiles.js';
import { compactId, isMaskedMobile, MAX_VISIBLE_MASKED, normalizeMobile } from '../validators/index.js';
import { defineCheck } from '../types.js';
import { count } from '../report/numbers.js';

/** The access path full identifiers imply. */
export const UNMASKED_ACCESS = 'a back-end or vaccinator-side channel';

const ID_FIELDS = ['photo_id_number', 'aadhaar_number', 'pan_number'] as const;

export default defineCheck({
  meta: {
    id: 'masking-consistency',
    category: 'consistency',
    severity: 'error',
    description: 'Mobile and ID numbers masked differently from how the claimed source shows them',
    messages: {
      'unmasked-mobile': 'a full mobile number, but {{access}} shows only its last 4 digits: this record did not come from it; full numbers imply {{implied}}',
      'unmasked-id': 'a full ID number, but {{access}} shows at most its last 4 characters: this record did not come from it; full numbers imply {{implied}}',
      'too-visible': 'masked, but with more than the last {{max}} characters visible, unlike any CoWin masking',
      masked: 'masked, but {{access}} holds numbers in full: masked values come from citizen-facing responses',
    },
    fields: ['mobile_number', 'photo_id_number', 'aadhaar_number', 'pan_number'],
    docs: {
      why: 'The citizen-facing beneficiaries API masks the mobile number (last 4 digits) and the photo-ID number (XXXXXXXX + last 4), and certificates show IDs masked the same way. A "CoWin leak" shaped like that API but holding full 10-digit mobiles or 12-digit Aadhaar numbers did not come from it: full numbers exist only on back-end or vaccinator-side channels (the June 2023 Telegram bot was such a lookup). Conversely a claimed back-end export holding masked values was assembled from citizen-facing output.',
      baseline: 'Genuine: masking is uniform within a source (about 0.1% exceptions) [M]. Fabricated: samples that copy the API key names but invent full numbers violate it on every row.',
      sources: ['cowin-formats.md §0.4, §2.2, §7', 'indian-id-formats.md §1.2'],
    },
  },
  create(ctx) {
    const def = ctx.profile ? findProfile(ctx.profile.id) : undefined;
    const expect = def?.masking ?? 'none';
    const access = def?.access ?? '';
    let unmasked = 0;
    let judged = 0;
    const implied = UNMASKED_ACCESS;
    // Counts per field, in the order of `fields` below: the mobile number, then ID_FIELDS.
    const counts = new FieldCounts(['mobile_number', ...ID_FIELDS]);
    const judgeId = (field: string, i: number, raw: string, row: number, line: number): void => {
      const value = idNumberOf(raw);
      const visible = maskedIdVisible(value);
      judged++;
      counts.add(i);
      if (visible > MAX_VISIBLE_MASKED) {
        ctx.report({ messageId: 'too-visible', row, line, field, value: raw, data: { max: MAX_VISIBLE_MASKED } });
      } else if (expect === 'masked' && visible < 0 && compactId(value).length > MAX_VISIBLE_MASKED) {
        unmasked++;
        ctx.report({ messageId: 'unmasked-id', row, line, field, value: raw, data: { access, implied } });
      } else if (expect === 'unmasked' && visible >= 0) {
        ctx.report({ messageId: 'masked', row, line, field, value: raw, data: { access } });
      }
    };
    return {
      record(rec) {
        if (expect === 'none') return;
        const f = rec.fields;
        const mobile = f.mobile_number;
        if (mobile !== undefined) {
          judged++;
          counts.add(0);
          const masked = isMaskedMobile(mobile);
          if (expect === 'masked' && !masked && normalizeMobile(mobile) !== undefined) {
            unmasked++;
            ctx.report({ messageId: 'unmasked-mobile', row: rec.row, line: rec.line, field: 'mobile_number', value: mobile, data: { access, implied } });
          } else if (expect === 'unmasked' && masked) {
            ctx.report({ messageId: 'masked', row: rec.row, line: rec.line, field: 'mobile_number', value: mobile, data: { access } });
          }
        }
        for (let i = 0; i < ID_FIELDS.length; i++) {
          const v = f[ID_FIELDS[i]];
          if (v !== undefined) judgeId(ID_FIELDS[i], i + 1, v, rec.row, rec.line);
        }
      },
      finish() {
        counts.flush(ctx);
        if (expect === 'none') return def ? `the ${def.id} format carries no mobile or ID numbers to mask` : 'no CoWin record format identified';
        if (unmasked === 0) return undefined;
        return {
          summary: `${count(unmasked)} of ${count(judged)} mobile and ID numbers are unmasked; ${access} masks them, so the records did not come from it: full numbers imply ${implied}`,
          data: { impliedAccess: implied },
        };
      },
    };
  },
});
