// The "padded" fabrication style: a few genuine-like people, each copied several times with a perturbed name
// (case, spacing, transliteration, a typo) and often a new reference id or Aadhaar number, shuffled, so the
// sample claims several times more people than it holds. The duplicate checks must see through it.
import { dayNumber } from '../dates.js';
import { aadhaar, apiVaccine, dmy, people, type Person } from './people.js';
import type { Random } from './random.js';
import type { Row } from './samples.js';

/** A full record as a dump (not the API) would hold it: unmasked mobile and Aadhaar, with district and state. */
export function fullRow(p: Person): Row {
  return [
    ['beneficiary_reference_id', p.refId],
    ['name', p.name],
    ['birth_year', String(p.birthYear)],
    ['gender', p.gender],
    ['mobile_number', p.mobile],
    ['aadhaar_number', p.aadhaar],
    ['district_name', p.district],
    ['state_name', p.state],
    ['vaccine', p.vaccine ? apiVaccine(p.vaccine) : ''],
    ['dose1_date', dmy(p.dose1)],
    ['dose2_date', dmy(p.dose2)],
  ];
}

/** Transliteration variants a copier or a second clerk produces: each undone by the name folding. */
const VARIANTS: [string, string][] = [
  ['a', 'aa'], ['i', 'ee'], ['u', 'oo'], ['t', 'th'], ['d', 'dh'], ['s', 'sh'], ['v', 'w'], ['w', 'v'],
  ['sh', 's'], ['th', 't'], ['ee', 'i'], ['aa', 'a'], ['f', 'ph'], ['n', 'nn'], ['l', 'll'], ['k', 'kh'],
];

function changeCase(r: Random, name: string): string {
  const mode = r.int(0, 2);
  if (mode === 0) return name.toUpperCase();
  if (mode === 1) return name.toLowerCase();
  return name.split(' ').map((w, i) => (i === 0 ? w.toUpperCase() : w)).join(' ');
}

function changeSpacing(r: Random, name: string): string {
  const words = name.split(' ');
  if (words.length > 1 && r.chance(0.5)) return words.join('');
  return words.join(r.chance(0.5) ? '  ' : '   ');
}

function transliterate(r: Random, name: string): string {
  const lower = name.toLowerCase();
  const options = VARIANTS.filter(([from]) => lower.includes(from));
  if (!options.length) return name;
  const [from, to] = r.pick(options);
  const at = lower.indexOf(from, r.int(0, Math.max(0, lower.lastIndexOf(from))));
  const i = at >= 0 ? at : lower.indexOf(from);
  const replacement = name[i] === name[i].toUpperCase() && name[i] !== name[i].toLowerCase() ? to[0].toUpperCase() + to.slice(1) : to;
  return name.slice(0, i) + replacement + name.slice(i + from.length);
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** One keyboard slip, never in the first letter: substitute, drop, double-type or swap two letters. */
function typo(r: Random, name: string): string {
  const letters: number[] = [];
  for (let i = 1; i < name.length; i++) if (/[a-z]/i.test(name[i])) letters.push(i);
  if (!letters.length) return name;
  const i = r.pick(letters);
  switch (r.int(0, 3)) {
    case 0:
      return name.slice(0, i) + r.pick([...LETTERS]) + name.slice(i + 1);
    case 1:
      return name.slice(0, i) + name.slice(i + 1);
    case 2:
      return name.slice(0, i) + r.pick([...LETTERS]) + name.slice(i);
    default:
      return i + 1 < name.length && /[a-z]/i.test(name[i + 1]) ? name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2) : name.slice(0, i) + name.slice(i + 1);
  }
}

/** A copy's name: at least one perturbation, each kind with its own chance. */
export function perturbName(r: Random, name: string): string {
  for (;;) {
    let out = name;
    if (r.chance(0.5)) out = transliterate(r, out);
    if (r.chance(0.35)) out = typo(r, out);
    if (r.chance(0.4)) out = changeSpacing(r, out);
    if (r.chance(0.5)) out = changeCase(r, out);
    if (out !== name) return out;
  }
}

export interface PaddedOptions {
  /** Distinct people. */
  people: number;
  /** Rows per person (5: the sample claims five times the people it holds). */
  factor: number;
  asOf?: number;
}

/** A padded sample: `people * factor` rows of `people` distinct people, shuffled. */
export function paddedRows(r: Random, opts: PaddedOptions): Row[] {
  const base = people(r, opts.people, { asOf: opts.asOf ?? dayNumber(2022, 6, 30) });
  const rows: Row[] = [];
  for (const p of base) {
    rows.push(fullRow(p));
    for (let c = 1; c < opts.factor; c++) {
      const copy: Person = { ...p, name: perturbName(r, p.name) };
      if (r.chance(0.6)) copy.refId = String(r.int(1, 9)) + r.digits(13);
      if (r.chance(0.5)) copy.aadhaar = aadhaar(r);
      rows.push(fullRow(copy));
    }
  }
  return r.shuffle(rows);
}
