// `npm run calibrate`: run the verdict over the calibration set and print the confusion matrix and the
// score distribution of each style. The calibration test asserts the same outcomes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../analyze.js';
import { calibrationSet, type CalibrationSample } from '../synth/calibration.js';
import { LABELS, type Label } from '../types.js';

export interface Outcome extends Omit<CalibrationSample, 'content'> {
  label: Label;
  score: number;
}

/** Analyse each sample (as of 2026-01-01) and return its verdict. */
export async function runCalibration(samples: readonly CalibrationSample[]): Promise<Outcome[]> {
  const dir = mkdtempSync(join(tmpdir(), 'leakcheck-calibration-'));
  try {
    const out: Outcome[] = [];
    for (const { content, ...s } of samples) {
      const path = join(dir, s.name);
      writeFileSync(path, content);
      const report = await analyze(path, { asOf: new Date(Date.UTC(2026, 0, 1)) });
      out.push({ ...s, label: report.verdict.label, score: report.verdict.score });
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function confusionMatrix(outcomes: readonly Outcome[]): string {
  const lines = [`${'truth \\ label'.padEnd(22)}${LABELS.map((l) => l.padStart(19)).join('')}`];
  for (const truth of ['genuine', 'fabricated'] as const) {
    for (const small of [true, false]) {
      const group = outcomes.filter((o) => o.truth === truth && o.rows < 30 === small);
      if (!group.length) continue;
      const counts = LABELS.map((l) => String(group.filter((o) => o.label === l).length).padStart(19));
      lines.push(`${`${truth} ${small ? '<30 rows' : '>=30 rows'}`.padEnd(22)}${counts.join('')}`);
    }
  }
  return lines.join('\n');
}

export function scoreDistributions(outcomes: readonly Outcome[]): string {
  const styles = [...new Set(outcomes.map((o) => `${o.truth}/${o.style}/${o.rows}`))];
  return styles
    .map((key) => {
      const scores = outcomes.filter((o) => `${o.truth}/${o.style}/${o.rows}` === key).map((o) => o.score).sort((a, b) => a - b);
      return `  ${key.padEnd(34)} scores ${scores.join(', ')}`;
    })
    .join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const outcomes = await runCalibration(calibrationSet());
  process.stdout.write(`${confusionMatrix(outcomes)}\n\nScore distributions (0 = fabricated, 100 = genuine):\n${scoreDistributions(outcomes)}\n`);
}
