// Wording shared by the consistency checks' summaries. Not a check.
import { count as num } from '../../report/numbers.js';

export { num };

/** "412 of 1,000 (41.2%)". */
export function share(part: number, whole: number): string {
  if (whole === 0) return `${num(part)} of 0`;
  const pct = (100 * part) / whole;
  const shown = pct === 0 || pct >= 10 ? pct.toFixed(0) : pct < 0.1 ? pct.toFixed(2) : pct.toFixed(1);
  return `${num(part)} of ${num(whole)} (${shown}%)`;
}

/** " (a hash sample of 6.3% of ids)" when a KeyTable followed only some keys (its `sampled` share), else "". */
export function sampledNote(sampled: number, of: string): string {
  return sampled < 1 ? ` (a hash sample of ${(sampled * 100).toFixed(1)}% of ${of})` : '';
}

/** A rate as a percentage for prose: 0.153 -> "15%". */
export function percent(rate: number): string {
  const pct = 100 * rate;
  return `${pct >= 10 || pct === 0 ? pct.toFixed(0) : pct.toFixed(1)}%`;
}

/** Applicable and violating counts per policy entry, to cite the rule that most records broke. */
export class RuleTally<E> {
  private readonly counts = new Map<E, { n: number; bad: number }>();

  add(entry: E, bad: boolean): void {
    this.addCounts(entry, 1, bad ? 1 : 0);
  }

  /** `n` records under an entry, `bad` of them violating it (counts made elsewhere, e.g. in SQL). */
  addCounts(entry: E, n: number, bad: number): void {
    let c = this.counts.get(entry);
    if (c === undefined) this.counts.set(entry, (c = { n: 0, bad: 0 }));
    c.n += n;
    c.bad += bad;
  }

  /** The entry with the most violations (ties: most records), with its counts; undefined when none broke. */
  worst(): { entry: E; n: number; bad: number } | undefined {
    let best: { entry: E; n: number; bad: number } | undefined;
    for (const [entry, c] of this.counts) {
      if (c.bad === 0) continue;
      if (best === undefined || c.bad > best.bad || (c.bad === best.bad && c.n > best.n)) best = { entry, ...c };
    }
    return best;
  }

  /** The entry most records fell under, with its counts. */
  commonest(): { entry: E; n: number; bad: number } | undefined {
    let best: { entry: E; n: number; bad: number } | undefined;
    for (const [entry, c] of this.counts) if (best === undefined || c.n > best.n) best = { entry, ...c };
    return best;
  }
}
