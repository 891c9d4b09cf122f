// Category values spelt exactly as CoWin spells them: gender, vaccination status, vaccine, comorbidity, photo-ID type, fee type.
import { SCHEMA_FORMATS } from '../formats/index.js';
import { FieldCounts } from '../formats/values.js';
import { findProfile } from '../profiles.js';
import { VACCINES } from '../policy/timeline.js';
import { COMORBIDITY_VALUES, FEE_TYPES, FORMATS, GENDER_BY_ID, GENDERS, VACCINATION_STATUSES } from '../validators/index.js';
import { defineCheck } from '../types.js';

interface Vocab {
  field: string;
  test: (v: string) => boolean;
  expected: string;
}

const API_VACCINES = VACCINES.filter((v) => v.attested).map((v) => v.api).join(', ');

/** The vocabularies, by the format's kind: API responses spell things one way, certificates and back-end outputs vary. */
function vocabularies(lenient: boolean, apiPhotoIds: boolean, genderIds: boolean): Vocab[] {
  return [
    genderIds
      ? { field: 'gender', test: (v) => GENDERS.includes(v) || Object.hasOwn(GENDER_BY_ID, v), expected: `${GENDERS.join(', ')} or their ids 1, 2, 3` }
      : { field: 'gender', test: (v) => GENDERS.includes(v), expected: GENDERS.join(', ') },
    { field: 'vaccination_status', test: (v) => VACCINATION_STATUSES.includes(v), expected: VACCINATION_STATUSES.join(', ') },
    lenient
      ? { field: 'vaccine', test: SCHEMA_FORMATS['vaccine-spelling'], expected: 'a vaccine name CoWin or its certificates used' }
      : { field: 'vaccine', test: FORMATS.vaccine, expected: `the API's upper-case names (${API_VACCINES}, ...)` },
    { field: 'comorbidity_ind', test: (v) => COMORBIDITY_VALUES.includes(v), expected: COMORBIDITY_VALUES.join(', ') },
    apiPhotoIds
      ? { field: 'photo_id_type', test: SCHEMA_FORMATS['cowin-photo-id-type'], expected: 'a photo-ID type as the API labels it (Aadhaar Card, Voter ID, ...)' }
      : { field: 'photo_id_type', test: SCHEMA_FORMATS['photo-id-type'], expected: 'a photo-ID type CoWin accepted' },
    { field: 'fee_type', test: (v) => FEE_TYPES.includes(v), expected: FEE_TYPES.join(', ') },
  ];
}

export default defineCheck({
  meta: {
    id: 'vocabulary',
    category: 'schema',
    severity: 'error',
    description: 'Gender, vaccination status, vaccine, comorbidity, photo-ID type and fee type values CoWin never writes',
    messages: {
      unknown: '{{field}} is not one of the values CoWin writes: {{expected}}',
    },
    fields: ['gender', 'vaccination_status', 'vaccine', 'comorbidity_ind', 'photo_id_type', 'fee_type'],
    docs: {
      why: 'The API writes each category in one spelling: Male/Female/Others, the three vaccination statuses, upper-case vaccine brands (COVISHIELD), Y/N, photo-ID labels such as "Aadhaar Card". Hand-made samples write "Fully Vaccinated", "Covishield", "Yes" or M/F. Certificates and back-end or bot outputs are read more leniently (any spelling CoWin or DIVOC used). A gender column coded as letters or as CoWin\'s gender ids (1, 2, 3) throughout is read as a recoding of CoWin\'s words (rewritten-values), not judged here; letters or ids among words are (except in the vaccinator export, whose registration body sends ids).',
      baseline: 'Genuine: about 0.2% [M]. Hand-made samples: often most values [M].',
      sources: ['cowin-formats.md §0.7, §2.2, §2.6, §7', 'src/policy/timeline.ts (VACCINES)'],
    },
  },
  create(ctx) {
    const def = ctx.profile ? findProfile(ctx.profile.id) : undefined;
    const lenient = !def || def.id === 'divoc-certificate' || def.id === 'telegram-bot-2023';
    // The vaccinator API's registration body sends gender_id (cowin-formats.md §2.5).
    const vocab = vocabularies(lenient, def?.id === 'cowin-beneficiary', def?.id === 'cowin-vaccinator-export').filter((v) => ctx.mapped.has(v.field));
    const counts = new FieldCounts(vocab.map((v) => v.field));
    return {
      record(rec) {
        for (let i = 0; i < vocab.length; i++) {
          const { field, test, expected } = vocab[i];
          const v = rec.fields[field];
          if (v === undefined) continue;
          counts.add(i);
          if (!test(v)) ctx.report({ messageId: 'unknown', row: rec.row, line: rec.line, field, value: v, data: { field, expected } });
        }
      },
      finish() {
        counts.flush(ctx);
      },
    };
  },
});
