// Genuine-like vaccinated people (src/synth/people.ts) as check rows, shared by the plausibility check tests.
import { dayNumber } from '../../src/dates.js';
import { apiVaccine, dmy, people, type Person } from '../../src/synth/people.js';
import { Random } from '../../src/synth/random.js';
import type { Fields } from './run-check.js';

export function genuinePeople(n: number, seed = 7): Person[] {
  return people(new Random(seed), n, { asOf: dayNumber(2022, 12, 31) }).filter((p) => p.vaccine !== null);
}

export function genuineRows(n: number, seed = 7): Fields[] {
  return genuinePeople(n, seed).map((p) => ({
    name: p.name,
    gender: p.gender,
    birth_year: p.birthYear,
    aadhaar_number: p.aadhaar,
    vaccine: apiVaccine(p.vaccine!),
    dose1_date: dmy(p.dose1),
    dose2_date: dmy(p.dose2),
    state: p.state,
  }));
}
