// The evidence model: each check's weight, grouping, caps, and a score that moves the right way.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGREEMENT_CAP, BASELINES, checkLlr, GROUP_CAP, MIN_APPLICABLE, plausibility, weighEvidence, type Baseline } from '../src/evidence.js';
import { CHECKS } from '../src/checks/index.js';
import { scoreSample } from '../src/score.js';
import type { CheckMeta, CheckResult } from '../src/types.js';

const meta = (id: string): CheckMeta => ({ id, category: 'schema', severity: 'warning', description: `Test check ${id}`, messages: {} });
const baseline = (id: string, group: string, genuine: number, fabricated: number): [string, Baseline] => [id, { genuine, fabricated, group, source: 'test' }];

const result = (id: string, violations: number, applicable: number): CheckResult => ({
  id,
  category: 'schema',
  severity: 'warning',
  status: violations ? 'warn' : 'pass',
  applicable,
  violations,
  rate: applicable ? violations / applicable : null,
  summary: '',
  examples: [],
});

const METAS = new Map(['a', 'b', 'c', 'd', 'e'].map((id) => [id, meta(id)]));
const BASES = new Map([baseline('a', 'ga', 0.005, 0.9), baseline('b', 'gb', 0.01, 0.5), baseline('c', 'gb', 0.02, 0.4), baseline('d', 'gd', 0.1, 0.6), baseline('e', 'ge', 0.002, 0.3)]);

describe('checkLlr', () => {
  it('favours genuine at the genuine rate and fabricated at the fabricated rate', () => {
    expect(checkLlr(1, 200, 0.005, 0.9)).toBeGreaterThan(0);
    expect(checkLlr(180, 200, 0.005, 0.9)).toBeLessThan(-10);
  });

  it('is bounded for agreement: a clean check is weak evidence', () => {
    expect(checkLlr(0, 10_000, 0.005, 0.9)).toBeLessThan(0.45);
  });

  it('keeps the observed rate but stops growing with rows past the effective count', () => {
    expect(checkLlr(9_000, 10_000, 0.005, 0.9)).toBeCloseTo(checkLlr(180, 200, 0.005, 0.9), 6);
  });

  it('never increases with more violations (fabricated rate above genuine)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.001, max: 0.2, noNaN: true }), fc.double({ min: 0.25, max: 0.99, noNaN: true }), (n, r, g, f) => {
        const k = Math.floor(r * (n - 1));
        return checkLlr(k + 1, n, g, f) <= checkLlr(k, n, g, f) + 1e-9;
      }),
    );
  });
});

describe('weighEvidence', () => {
  it('counts only the strongest check of a group, and caps it', () => {
    const { contributions, total } = weighEvidence([result('a', 0, 300), result('b', 150, 300), result('c', 100, 300)], METAS, BASES);
    const counted = contributions.filter((c) => c.counted).map((c) => c.id);
    expect(counted.sort()).toEqual(['a', 'b']);
    expect(total).toBeGreaterThanOrEqual(-GROUP_CAP - AGREEMENT_CAP);
    expect(contributions[0].id).toBe('b');
    expect(contributions.find((c) => c.id === 'b')!.weight).toBeLessThan(0);
  });

  it('ignores checks with fewer applicable rows than the minimum', () => {
    const { contributions } = weighEvidence([result('a', MIN_APPLICABLE - 1, MIN_APPLICABLE - 1)], METAS, BASES);
    expect(contributions).toEqual([]);
  });

  it('lets one decisive violation outweigh agreement everywhere else', () => {
    const clean = [result('b', 0, 500), result('d', 0, 500), result('e', 0, 500)];
    const { total: agreeing } = weighEvidence(clean, METAS, BASES);
    expect(plausibility(agreeing)).toBeGreaterThan(0.5);
    const { total } = weighEvidence([...clean, result('a', 450, 500)], METAS, BASES);
    expect(plausibility(total)).toBeLessThan(0.05);
  });
});

describe('scoreSample', () => {
  const profile = { id: 'cowin-beneficiary', confidence: 1 };
  const score = (checks: CheckResult[], rows = 500) => scoreSample({ mapping: [], checks, profile, rows, metas: METAS, baselines: BASES });

  it('moves the score down as violations are added and up as they are removed', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 5, maxLength: 5 }), fc.integer({ min: 0, max: 4 }), (counts, which) => {
        const ids = ['a', 'b', 'c', 'd', 'e'];
        const base = score(ids.map((id, i) => result(id, counts[i], 400))).score;
        const more = counts.map((c, i) => (i === which ? Math.min(400, c + 40) : c));
        const fewer = counts.map((c, i) => (i === which ? Math.max(0, c - 40) : c));
        return score(ids.map((id, i) => result(id, more[i], 400))).score <= base && score(ids.map((id, i) => result(id, fewer[i], 400))).score >= base;
      }),
    );
  });

  it('needs at least 30 records for a label, and labels not-cowin without a profile', () => {
    expect(score([result('a', 20, 20)], 20).label).toBe('inconclusive');
    expect(score([result('a', 300, 300)], 300).label).toBe('likely-fabricated');
    expect(scoreSample({ mapping: [], checks: [], profile: null, rows: 300, metas: METAS, baselines: BASES }).label).toBe('not-cowin');
    // No record read at all: nothing says the data is not CoWin's.
    const none = scoreSample({ mapping: [], checks: [], profile: null, rows: 0, metas: METAS, baselines: BASES });
    expect(none).toMatchObject({ label: 'inconclusive', score: 50, summary: 'No records could be read: nothing to judge.' });
  });

  it('says why in words, strongest reason first', () => {
    const v = score([result('a', 270, 300), result('d', 0, 300)]);
    expect(v.label).toBe('likely-fabricated');
    expect(v.summary).toMatch(/270 of 300 \(90%\).*in genuine data about 0\.5%/);
  });
});

describe('src/model.json', () => {
  it('gives a baseline with a source to real checks only, and to every check that is not a flag or structure check', () => {
    const ids = new Set(CHECKS.map((c) => c.meta.id));
    for (const [id, b] of BASELINES) {
      expect(ids.has(id), id).toBe(true);
      expect(b.genuine, id).toBeLessThan(b.fabricated);
      expect(b.source.length, id).toBeGreaterThan(10);
    }
    const unweighed = CHECKS.filter((c) => c.meta.category !== 'structure' && !BASELINES.has(c.meta.id)).map((c) => c.meta.id);
    expect(unweighed.sort()).toEqual(['known-public-values', 'overlap-known']);
  });
});
