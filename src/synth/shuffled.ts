// The "shuffled" style: genuine-like records as a vaccinator-side or back-end export would hold them (full
// mobile and ID numbers, batch, vaccinator, centre and address), then every column permuted on its own. Each
// value is one a genuine record holds, so every field passes the field validators; only the combinations are
// wrong, which is what the consistency checks (src/checks/, Part 3) must catch.
import { dayNumber } from '../dates.js';
import { COWIN_DISTRICTS } from '../validators/geo.js';
import { FEMALE, STATE_REGION, SURNAMES } from './names.js';
import { apiVaccine, dmy, people, type Person } from './people.js';
import { Random } from './random.js';
import { type Row, vaccinationStatus } from './samples.js';

/** The day the shuffled fixture's people are vaccinated up to: late enough for precaution doses. */
export const SHUFFLED_AS_OF = dayNumber(2022, 12, 31);

const CENTRE_TYPES = ['PHC', 'UPHC', 'CHC', 'District Hospital'] as const;
const DISTRICT_ID = new Map(COWIN_DISTRICTS.map((d) => [`${d.state}|${d.name}`, d.id]));


/**
 * A person's vaccination centre: one of a few per district, the same for a family (chosen by the shared
 * mobile number), with an id, a name and the district it lies in. CoWin centre ids were 6-digit integers
 * (cowin-formats.md §1.5); these are invented from the CoWin district id.
 */
function centre(p: Person): { id: string; name: string } {
  const district = DISTRICT_ID.get(`${p.state}|${p.district}`) ?? 0;
  const k = (p.mobile.charCodeAt(9) - 48) % CENTRE_TYPES.length;
  return { id: String(500_000 + district * CENTRE_TYPES.length + k), name: `${CENTRE_TYPES[k]} ${p.district.trim()}` };
}

/**
 * A record as a vaccinator-side or back-end export holds it (cowin-formats.md §2.7; the vaccinator API's fields
 * plus the centre and the beneficiary's district, state and PIN): mobile and photo-ID numbers unmasked. Only
 * vaccinated people are in such an export. The batch and vaccinator vary by centre and day, so they are drawn
 * from `r`; the vaccinator comes from the centre's naming region.
 */
export function backendRow(r: Random, p: Person): Row {
  const c = centre(p);
  const vaccine = p.vaccine ? apiVaccine(p.vaccine) : '';
  const region = STATE_REGION[p.state] ?? 'north';
  return [
    ['beneficiary_reference_id', p.refId],
    ['name', p.name],
    ['birth_year', String(p.birthYear)],
    ['gender', p.gender],
    ['mobile_number', p.mobile],
    ['photo_id_type', p.photoIdType],
    ['photo_id_number', p.photoIdNumber],
    ['comorbidity_ind', p.comorbid ? 'Y' : 'N'],
    ['vaccination_status', vaccinationStatus(p)],
    ['vaccine', vaccine],
    ['vaccine_batch', vaccine === 'COVAXIN' ? `EA${r.digits(4)}` : `${r.int(4, 5)}${r.digits(3)}Z${r.digits(3)}`],
    ['dose', String(p.precaution !== null ? 3 : p.dose2 !== null ? 2 : 1)],
    ['dose1_date', dmy(p.dose1)],
    ['dose2_date', dmy(p.dose2)],
    ['precaution_dose_date', dmy(p.precaution)],
    ['vaccinator_name', `${r.pick(FEMALE[region])} ${r.pick(SURNAMES[region])}`],
    ['center_id', c.id],
    ['center_name', c.name],
    ['district_name', p.district],
    ['state_name', p.state],
    ['pincode', p.pincode],
  ];
}

/**
 * Permute every column independently (Fisher-Yates per column, in column order): each column keeps exactly its
 * values, empty cells included, while the rows pair them at random.
 */
export function shuffleColumns(rows: readonly Row[], r: Random): Row[] {
  if (rows.length === 0) return [];
  const keys = rows[0].map(([k]) => k);
  const columns = keys.map((k) => r.shuffle(rows.map((row) => row.find(([key]) => key === k)?.[1] ?? '')));
  return rows.map((_, i) => keys.map((k, j): [string, string] => [k, columns[j][i]]));
}

/** `n` genuine-like vaccinated people's records, the shuffled fixture's source before shuffling, from a fixed seed. */
export function backendRows(seed: number, n: number): Row[] {
  const r = new Random(seed);
  const out: Row[] = [];
  while (out.length < n) {
    for (const p of people(r, n, { asOf: SHUFFLED_AS_OF })) if (p.vaccine !== null && out.length < n) out.push(backendRow(r, p));
  }
  return out;
}

/** The shuffled fixture's records: {@link backendRows} with every column permuted on its own. */
export function shuffledRows(seed: number, n: number): Row[] {
  return shuffleColumns(backendRows(seed, n), new Random(seed ^ 0x5f3759df));
}
