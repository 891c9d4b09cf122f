// Integrity of the policy timeline data: valid dates, sources, certainty marks, vaccine names.

import { describe, it, expect } from 'vitest';
import { formatDmy, parseDmy } from '../../src/dates.js';
import { normalizeVaccine } from '../../src/policy/rules.js';
import { TIMELINE, TIMELINE_BY_ID, VACCINES } from '../../src/policy/timeline.js';

describe('TIMELINE entries', () => {
  it('have unique ids', () => {
    const ids = TIMELINE.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(TIMELINE_BY_ID.size).toBe(ids.length);
  });

  it('carry a date string and the matching day number', () => {
    for (const e of TIMELINE) {
      expect(e.date, e.id).toMatch(/^\d{2}-\d{2}-\d{4}$/);
      expect(e.day, e.id).toBe(parseDmy(e.date));
      expect(formatDmy(e.day), e.id).toBe(e.date);
    }
  });

  it('are in date order and within the programme years', () => {
    for (let i = 1; i < TIMELINE.length; i++) expect(TIMELINE[i].day).toBeGreaterThanOrEqual(TIMELINE[i - 1].day);
    expect(TIMELINE[0].day).toBeGreaterThanOrEqual(parseDmy('16-01-2021'));
    expect(TIMELINE.at(-1)!.day).toBeLessThan(parseDmy('01-01-2024'));
  });

  it('each have a summary, a source and a certainty', () => {
    for (const e of TIMELINE) {
      expect(e.summary.length, e.id).toBeGreaterThan(10);
      expect(e.source, e.id).toMatch(/https?:\/\/|\.md §/);
      expect(['sourced', 'weak', 'uncertain'], e.id).toContain(e.certainty);
    }
  });

  it('explain every fact that is not sourced', () => {
    for (const e of TIMELINE) if (e.certainty !== 'sourced') expect(e.note, e.id).toBeTruthy();
  });

  it('are frozen', () => {
    expect(Object.isFrozen(TIMELINE)).toBe(true);
    expect(Object.isFrozen(TIMELINE[0])).toBe(true);
  });
});

describe('certainty marks on the unconfirmed facts', () => {
  it.each([
    ['age-basis-calendar', 'uncertain'],
    ['use-covovax-adults', 'uncertain'],
    ['use-sputnik-light-precaution', 'uncertain'],
    ['use-sputnik-v-precaution', 'uncertain'],
    ['use-covovax-precaution', 'weak'],
    ['interval-zycov-d-2-dose', 'weak'],
    ['interval-covishield-84-112', 'sourced'],
    ['mobile-limit-6', 'sourced'],
  ])('%s is %s', (id, certainty) => {
    expect(TIMELINE_BY_ID.get(id)?.certainty).toBe(certainty);
  });
});

describe('VACCINES', () => {
  it('lists every brand seen, each with a label and its spellings', () => {
    const ids = VACCINES.map((v) => v.id).sort();
    expect(ids).toEqual(
      ['corbevax', 'covaxin', 'covishield', 'covovax', 'gemcovac', 'incovacc', 'sputnik-light', 'sputnik-v', 'zycov-d'],
    );
    for (const v of VACCINES) {
      expect(v.label.length).toBeGreaterThan(3);
      expect(v.spellings.length).toBeGreaterThan(0);
    }
  });

  it('has at least one timeline entry for every vaccine', () => {
    for (const v of VACCINES) {
      const mentioned = TIMELINE.some((e) => 'vaccine' in e.rule && e.rule.vaccine === v.id);
      expect(mentioned, v.id).toBe(true);
    }
  });
});

describe('vaccine API spellings', () => {
  it('marks the attested upper-case API strings apart from guesses, and normalises every spelling to its id', () => {
    const attested = VACCINES.filter((v) => v.attested).map((v) => v.api);
    expect(attested.sort()).toEqual(['CORBEVAX', 'COVAXIN', 'COVISHIELD', 'COVOVAX', 'SPUTNIK V']);
    for (const v of VACCINES) {
      expect(normalizeVaccine(v.api), v.api).toBe(v.id);
      for (const s of v.spellings) expect(normalizeVaccine(s), s).toBe(v.id);
    }
    expect(normalizeVaccine('Pfizer')).toBeUndefined();
  });
});
