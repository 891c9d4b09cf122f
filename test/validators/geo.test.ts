// Tests for CoWin's state/district reference data and the exact vs lenient name lookups.

import { describe, expect, it } from 'vitest';
import {
  canonicalStates,
  COWIN_DISTRICTS,
  COWIN_STATES,
  districtInState,
  districtStates,
  foldPlace,
  lookupDistrict,
  stateExists,
  stateMatch,
} from '../../src/validators/geo.js';

// District counts per state id from the table in cowin-formats.md §4.
const COUNTS: Record<number, [string, number]> = {
  1: ['Andaman and Nicobar Islands', 3], 2: ['Andhra Pradesh', 13], 3: ['Arunachal Pradesh', 26], 4: ['Assam', 33],
  5: ['Bihar', 38], 6: ['Chandigarh', 1], 7: ['Chhattisgarh', 28], 8: ['Dadra and Nagar Haveli', 1], 9: ['Delhi', 11],
  10: ['Goa', 2], 11: ['Gujarat', 41], 12: ['Haryana', 22], 13: ['Himachal Pradesh', 12], 14: ['Jammu and Kashmir', 20],
  15: ['Jharkhand', 24], 16: ['Karnataka', 31], 17: ['Kerala', 14], 18: ['Ladakh', 2], 19: ['Lakshadweep', 2],
  20: ['Madhya Pradesh', 51], 21: ['Maharashtra', 35], 22: ['Manipur', 16], 23: ['Meghalaya', 11], 24: ['Mizoram', 9],
  25: ['Nagaland', 11], 26: ['Odisha', 30], 27: ['Puducherry', 4], 28: ['Punjab', 22], 29: ['Rajasthan', 34],
  30: ['Sikkim', 4], 31: ['Tamil Nadu', 45], 32: ['Telangana', 33], 33: ['Tripura', 8], 34: ['Uttar Pradesh', 75],
  35: ['Uttarakhand', 13], 36: ['West Bengal', 29], 37: ['Daman and Diu', 2],
};

describe('reference data', () => {
  it('has the 37 states and 756 districts with the per-state counts of cowin-formats.md §4', () => {
    expect(COWIN_STATES).toHaveLength(37);
    expect(COWIN_DISTRICTS).toHaveLength(756);
    const perState = new Map<number, number>();
    for (const d of COWIN_DISTRICTS) perState.set(d.stateId, (perState.get(d.stateId) ?? 0) + 1);
    for (const [id, [name, count]] of Object.entries(COUNTS)) {
      expect(perState.get(Number(id)), name).toBe(count);
      expect(COWIN_DISTRICTS.find((d) => d.stateId === Number(id))?.state).toBe(name);
    }
  });

  it('keeps district ids unique and within 1–796', () => {
    const ids = COWIN_DISTRICTS.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Math.min(...ids)).toBe(1);
    expect(Math.max(...ids)).toBe(796);
  });

  it('keeps the API quirks', () => {
    const byId = new Map(COWIN_DISTRICTS.map((d) => [d.id, d]));
    expect(byId.get(397)?.name).toBe('Aurangabad ');
    expect(byId.get(136)?.name).toBe('Gaurela Pendra Marwahi ');
    expect(byId.get(783)?.name).toBe('COOCHBEHAR');
    expect(byId.get(715)?.name).toBe('Cooch Behar');
    expect(byId.get(294)?.name).toBe('BBMP');
    expect(byId.get(6)?.name).toBe('YSR District, Kadapa (Cuddapah)');
    expect(COWIN_DISTRICTS.filter((d) => d.id >= 770 && d.id <= 777).every((d) => d.state === 'Gujarat')).toBe(true);
  });
});

describe('states', () => {
  it('tells exact, trimmed, lenient and alias spellings apart', () => {
    const cases: Array<[string, string | undefined]> = [
      ['Tamil Nadu', 'exact'],
      ['Tamil Nadu ', 'trimmed'],
      ['TAMIL NADU', 'lenient'],
      ['tamil  nadu', 'lenient'],
      ['Jammu & Kashmir', 'lenient'],
      ['Orissa', 'alias'],
      ['Pondicherry', 'alias'],
      ['Chattisgarh', 'alias'],
      ['Andaman & Nicobar', 'alias'],
      ['Andra Pradesh', undefined],
      ['Madya Pradesh', undefined],
      ['', undefined],
    ];
    for (const [name, match] of cases) {
      expect(stateMatch(name), name).toBe(match);
      expect(stateExists(name), name).toBe(match === 'exact');
    }
  });

  it('resolves the merged UT to both CoWin states', () => {
    expect(canonicalStates('Dadra and Nagar Haveli and Daman and Diu')).toEqual(['Dadra and Nagar Haveli', 'Daman and Diu']);
    expect(canonicalStates('ODISHA')).toEqual(['Odisha']);
    expect(canonicalStates('Atlantis')).toEqual([]);
  });
});

describe('districts', () => {
  it('matches byte-exact CoWin spellings, trailing spaces included', () => {
    expect(districtInState('Maharashtra', 'Aurangabad ')).toBe('exact');
    expect(districtInState('Maharashtra', 'Aurangabad')).toBe('trimmed');
    expect(districtInState('Bihar', 'Aurangabad')).toBe('exact');
    expect(districtInState('West Bengal', 'COOCHBEHAR')).toBe('exact');
    expect(districtInState('West Bengal', 'Cooch Behar')).toBe('exact');
    expect(districtInState('Karnataka', 'BBMP')).toBe('exact');
  });

  it('reports the weaker of the state and district matches', () => {
    expect(districtInState('Karnataka', 'bbmp')).toBe('lenient');
    expect(districtInState('karnataka', 'BBMP')).toBe('lenient');
    expect(districtInState('Karnataka ', 'BBMP')).toBe('trimmed');
    expect(districtInState('Orissa', 'Khurda')).toBe('alias');
    expect(districtInState('Dadra and Nagar Haveli and Daman and Diu', 'Diu')).toBe('alias');
  });

  it('keys districts by state', () => {
    expect(districtInState('Himachal Pradesh', 'Bilaspur')).toBe('exact');
    expect(districtInState('Chhattisgarh', 'Bilaspur')).toBe('exact');
    expect(districtInState('Kerala', 'Bilaspur')).toBeUndefined();
    expect(districtInState('Atlantis', 'Bilaspur')).toBeUndefined();
    expect([...districtStates('Hamirpur')].sort()).toEqual(['Himachal Pradesh', 'Uttar Pradesh']);
    expect([...districtStates(' pratapgarh ')].sort()).toEqual(['Rajasthan', 'Uttar Pradesh']);
    expect(districtStates('Nowhere')).toEqual([]);
  });

  it('finds every district of the table under its own state, exactly', () => {
    for (const d of COWIN_DISTRICTS) {
      expect(districtInState(d.state, d.name), `${d.state}/${d.name}`).toBe('exact');
      expect(lookupDistrict(d.state, d.name)).toContain(d);
    }
  });

  it('looks up district records', () => {
    expect(lookupDistrict('Karnataka', 'bbmp').map((d) => d.id)).toEqual([294]);
    expect(lookupDistrict('Karnataka', 'Mumbai')).toEqual([]);
  });
});

describe('foldPlace', () => {
  it('folds case, ampersands, punctuation and spacing', () => {
    expect(foldPlace('  Jammu & Kashmir ')).toBe('jammu and kashmir');
    expect(foldPlace('YSR District, Kadapa (Cuddapah)')).toBe('ysr district kadapa cuddapah');
    expect(foldPlace('Basirhat HD (North 24 Parganas)')).toBe('basirhat hd north 24 parganas');
  });
});
