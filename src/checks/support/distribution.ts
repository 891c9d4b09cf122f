// Shared by the plausibility checks that compare a whole-sample distribution with a published one. Not a check.
//
// The verdict model weighs k violations of n applicable rows (src/evidence.ts). A distribution is not a per-row
// property, so these checks report as violations the rows in excess of the expected shares: for each category,
// max(0, observed - expected x n), summed. That sum is the total variation distance (TVD) x n, the fewest rows
// that would have to change category for the sample to match the baseline exactly. A genuine sample of n rows
// shows a small excess from sampling noise alone (about 0.4 x sqrt(categories / n) of the rows) plus the
// baseline's own error, which is what the checks' genuine rates in src/model.json allow for.
import type { CheckContext } from '../../types.js';
import { share } from './summary.js';

/** Example rows kept per category, to show as the excess rows. */
const KEEP = 5;

export class CategoryTally {
  readonly counts: number[];
  private readonly examples: { row: number; line: number; field: string; value: string }[][];
  n = 0;

  constructor(readonly labels: readonly string[]) {
    this.counts = labels.map(() => 0);
    this.examples = labels.map(() => []);
  }

  add(i: number, row: number, line: number, field: string, value: string): void {
    this.n++;
    this.counts[i]++;
    const ex = this.examples[i];
    if (ex.length < KEEP) ex.push({ row, line, field, value });
  }

  /** Observed shares by category (0 when empty). */
  shares(): number[] {
    return this.counts.map((c) => (this.n > 0 ? c / this.n : 0));
  }

  /** Rows in excess of the expected shares (TVD x n, rounded), per category. */
  excess(expected: readonly number[]): number[] {
    return this.counts.map((c, i) => Math.max(0, Math.round(c - expected[i] * this.n)));
  }

  /**
   * Count the tallied rows as applicable and the excess rows as violations (the first rows of each
   * over-represented category as examples), with `messageId` and `data(category)` for each.
   */
  flush(ctx: CheckContext, expected: readonly number[], messageId: string, data: (i: number) => Record<string, string | number>): number {
    ctx.applicable(this.n);
    const ex = this.excess(expected);
    let total = 0;
    for (let i = 0; i < ex.length; i++) {
      const d = data(i);
      for (let k = 0; k < ex[i]; k++) {
        const e = this.examples[i][k];
        if (e) ctx.report({ messageId, row: e.row, line: e.line, field: e.field, value: e.value, data: d });
        else ctx.report({ messageId, data: d });
      }
      total += ex[i];
    }
    return total;
  }

  /** "18-44 61% (expected 63%), ..." */
  describe(expected: readonly number[]): string {
    return this.labels.map((l, i) => `${l} ${pct(this.n > 0 ? this.counts[i] / this.n : 0)} (expected ${pct(expected[i])})`).join(', ');
  }

  /** Data for reports and charts: `<prefix><label>` observed shares and `expected<prefix><label>` expected ones. */
  data(expected: readonly number[], keys: readonly string[] = this.labels): Record<string, number> {
    const out: Record<string, number> = {};
    keys.forEach((k, i) => {
      out[`observed:${k}`] = round4(this.n > 0 ? this.counts[i] / this.n : 0);
      out[`expected:${k}`] = round4(expected[i]);
    });
    out.excess = this.excess(expected).reduce((a, b) => a + b, 0);
    out.n = this.n;
    return out;
  }
}

export const round4 = (x: number): number => Math.round(x * 10000) / 10000;

export function pct(r: number): string {
  const p = 100 * r;
  return `${p === 0 || p >= 10 ? p.toFixed(0) : p < 0.1 ? p.toFixed(2) : p.toFixed(1)}%`;
}

/** "34 of 250 rows (14%) in excess of the expected shares". */
export function excessText(excess: number, n: number): string {
  return `${share(excess, n)} rows in excess of the expected shares`;
}
