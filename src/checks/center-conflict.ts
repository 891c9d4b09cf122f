// One centre id, several centres: a centre id that appears with different names, districts or PIN codes.
import { defineCheck, type CheckOutcome } from '../types.js';
import { normalizePin, statesOfPin } from '../validators/pincode.js';
import { KeyTable, hashFolded, hashHigh, hashString } from './support/key-table.js';
import { num, sampledNote, share } from './support/summary.js';

const NAME = 0; // folded centre name hash
const DISTRICT = 1; // folded district hash
const PIN = 2; // PIN + 1
const FIRST_ROW = 3;
const WIDTH = 4;
const SEED_CENTER = 0x637663;

/** Whether two PINs can lie in one state (a PIN filed under two states counts for both); true when either is unknown. */
function sameState(a: number, b: number): boolean {
  const sa = statesOfPin(a);
  const sb = statesOfPin(b);
  if (sa.length === 0 || sb.length === 0) return true;
  for (const s of sa) if (sb.includes(s)) return true;
  return false;
}

/** Fields that show a record is about a person, so its PIN may be the person's address rather than the centre's. */
const PERSON_FIELDS = ['beneficiary_reference_id', 'mobile_number', 'photo_id_number', 'aadhaar_number', 'birth_year', 'date_of_birth'];

export default defineCheck({
  meta: {
    id: 'center-conflict',
    category: 'consistency',
    severity: 'warning',
    description: 'A centre id that appears with different names, districts or PIN codes',
    messages: {
      name: 'centre {{center}} also on row {{first}} under another name',
      district: 'centre {{center}} also on row {{first}} in another district',
      pincode: 'centre {{center}} also on row {{first}} with {{what}}',
    },
    fields: ['center_id'],
    docs: {
      why:
        'A CoWin centre id names one centre, with one name, district and PIN code (cowin-formats.md §1.5). Records that give one id different names or places were stitched together or shuffled. Names and districts are compared ignoring case, spaces and punctuation. In records about people the PIN may be the person\'s address, so there only the PIN\'s state must agree (India Post directory); in centre or session records the whole PIN must. Only rows repeating a centre id seen before are applicable. Memory is bounded (about 13 MB): past about 393,000 centres (CoWin had about 3 lakh sites [M]) a hash sample of them is followed.',
      baseline:
        'Genuine: about 1% (people vaccinated across a district or state line when the district is theirs, not the centre\'s). Fabricated or shuffled: most repeats.',
      sources: ['cowin-formats.md §1.5 (centre fields), §2.3 (appointment carries the centre\'s name and district)'],
    },
  },
  create(ctx) {
    const table = new KeyTable(WIDTH, 19);
    const personLevel = PERSON_FIELDS.some((f) => ctx.mapped.has(f));
    // Without a centre-name column, centre and session records carry the centre's name in `name`.
    const nameField = ctx.mapped.has('center_name') || personLevel ? 'center_name' : 'name';
    let n = 0;
    let bad = 0;
    const counts = { name: 0, district: 0, pincode: 0 };
    return {
      record(rec) {
        table.project(rec.row, ctx.expectedRows);
        const f = rec.fields;
        const id = f.center_id;
        if (id === undefined) return;
        const cname = f[nameField];
        const name = cname === undefined ? 0 : hashFolded(cname);
        const district = f.district_name === undefined ? 0 : hashFolded(f.district_name);
        const pinN = f.pincode === undefined ? -1 : normalizePin(f.pincode);
        const pin = pinN < 0 ? 0 : pinN + 1;
        if (name === 0 && district === 0 && pin === 0) return;
        const b = table.slot(hashString(id, SEED_CENTER), hashHigh);
        if (b < 0) return;
        const v = table.data;
        if (table.created) {
          v[b + NAME] = name;
          v[b + DISTRICT] = district;
          v[b + PIN] = pin;
          v[b + FIRST_ROW] = rec.row;
          return;
        }
        ctx.applicable();
        n++;
        const which =
          name !== 0 && v[b + NAME] !== 0 && name !== v[b + NAME]
            ? 'name'
            : district !== 0 && v[b + DISTRICT] !== 0 && district !== v[b + DISTRICT]
              ? 'district'
              : pin !== 0 && v[b + PIN] !== 0 && pin !== v[b + PIN] && !(personLevel && sameState(pin - 1, v[b + PIN] - 1))
                ? 'pincode'
                : '';
        if (v[b + NAME] === 0) v[b + NAME] = name;
        if (v[b + DISTRICT] === 0) v[b + DISTRICT] = district;
        if (v[b + PIN] === 0) v[b + PIN] = pin;
        if (which === '') return;
        bad++;
        counts[which]++;
        const field = which === 'name' ? nameField : which === 'district' ? 'district_name' : 'pincode';
        ctx.report({
          messageId: which,
          row: rec.row,
          line: rec.line,
          field,
          value: f[field] ?? null,
          data: {
            center: id,
            first: v[b + FIRST_ROW],
            what: personLevel ? 'a PIN of another state' : 'another PIN code',
          },
        });
      },
      finish(): CheckOutcome {
        const sampled = sampledNote(table.sampled, 'centres');
        if (n === 0) return sampled ? { summary: `no centre id repeats${sampled}`, data: { sampled: table.sampled } } : {};
        return {
          summary:
            `${share(bad, n)} records repeating a centre id${sampled} give it a different name (${num(counts.name)}), ` +
            `district (${num(counts.district)}) or PIN ${personLevel ? 'state' : 'code'} (${num(counts.pincode)}): one id is one centre (cowin-formats.md §1.5).`,
          data: { ...counts, sampled: table.sampled },
        };
      },
    };
  },
});
