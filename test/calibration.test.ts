// The verdict over the labelled calibration set (src/synth/calibration.ts); `npm run calibrate` prints the same.
import { describe, expect, it } from 'vitest';
import { confusionMatrix, runCalibration, type Outcome } from '../src/dev/calibrate.js';
import { calibrationSet } from '../src/synth/calibration.js';

describe('calibration', () => {
  let outcomes: Outcome[] = [];
  it('runs the whole set', async () => {
    outcomes = await runCalibration(calibrationSet([11, 12, 13, 14, 15], [20, 250, 1000]));
    expect(outcomes.length).toBe(5 * 3 * 17);
    console.log(confusionMatrix(outcomes));
  }, 300_000);

  it('labels no genuine-like sample likely-fabricated', () => {
    const wrong = outcomes.filter((o) => o.truth === 'genuine' && o.label === 'likely-fabricated');
    expect(wrong.map((o) => o.name)).toEqual([]);
  });

  it('labels at least 95% of fabricated samples of 200 rows or more likely-fabricated, in every style', () => {
    const big = outcomes.filter((o) => o.truth === 'fabricated' && o.rows >= 200);
    expect(big.length).toBeGreaterThan(0);
    const caught = big.filter((o) => o.label === 'likely-fabricated');
    expect(caught.length / big.length).toBeGreaterThanOrEqual(0.95);
    for (const style of new Set(big.map((o) => o.style))) {
      expect(caught.some((o) => o.style === style), style).toBe(true);
    }
  });

  it('labels most samples under 30 rows inconclusive', () => {
    const small = outcomes.filter((o) => o.rows < 30);
    expect(small.filter((o) => o.label === 'inconclusive').length / small.length).toBeGreaterThanOrEqual(0.8);
  });

  it('labels most genuine-like samples of 200 rows or more likely-genuine', () => {
    const big = outcomes.filter((o) => o.truth === 'genuine' && o.rows >= 200);
    expect(big.filter((o) => o.label === 'likely-genuine').length / big.length).toBeGreaterThanOrEqual(0.9);
  });
});
