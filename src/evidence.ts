// score (1/2): weigh each check's observed violations as a log-likelihood ratio between "genuine CoWin
// data" and "fabricated", grouping correlated checks so they are not counted twice. README "Verdict".
import model from './model.json' with { type: 'json' };
import type { CheckMeta, CheckResult, Contribution } from './types.js';
import { countSummary, percent } from './report/numbers.js';

/** A check's baseline: the share of its applicable rows expected to violate it under each hypothesis. */
export interface Baseline {
  genuine: number;
  fabricated: number;
  /** Checks measuring correlated things share a group; only the strongest of a group is counted. */
  group: string;
  source: string;
}

interface Model {
  constants: Record<string, { value: number; source: string }>;
  baselines: Record<string, Baseline>;
}

const MODEL = model as unknown as Model;
const constant = (name: string): number => MODEL.constants[name].value;

/** Each check's baseline, by check id (src/model.json). */
export const BASELINES: ReadonlyMap<string, Baseline> = new Map(Object.entries(MODEL.baselines));

/**
 * Rows a check's evidence can count: beyond this the likelihoods stop growing. The baselines are
 * estimates, and a binomial model over 10,000 rows would let a small error in them decide the verdict.
 */
export const EFFECTIVE_ROWS = constant('effectiveRows');
/**
 * The share of fabricators who get any one aspect wrong. Under "fabricated" a check sees the fabricated rate
 * with this probability and the genuine rate otherwise (a careful fabricator copies the format, another
 * computes checksums, few keep thousands of dates consistent with policy). So a clean check is weak evidence
 * for genuine (at most -ln 0.65, about 0.43 nats), while a violation rate near the fabricated one is strong
 * evidence against.
 */
export const FABRICATOR_MISS = constant('fabricatorMiss');
/** Most one group of checks can contribute, in nats (natural-log units). */
export const GROUP_CAP = constant('groupCap');
/**
 * Most that agreement can add up to, in nats (odds of about 150 to 1): a sample that passes every check is
 * consistent with genuine data, but one decisive violation (a group at -GROUP_CAP) must still outweigh it.
 */
export const AGREEMENT_CAP = constant('agreementCap');
/** A check with fewer applicable rows than this says too little to weigh (one odd value proves nothing). */
export const MIN_APPLICABLE = constant('minApplicable');
/** Rates are clamped into [RATE_FLOOR, 1 - RATE_FLOOR] so a zero never makes a ratio infinite. */
export const RATE_FLOOR = constant('rateFloor');
/** Fewer records than this cannot support a verdict: the label stays inconclusive whatever the evidence. */
export const MIN_ROWS = constant('minRows');
/** Total evidence (nats) needed for a label: odds of 19 to 1 either way (plausibility 95% or 5%). */
export const DECISIVE = Math.log(constant('decisiveOdds'));
/** Decibans per nat: weights are reported as 10 log10 of the likelihood ratio. */
export const DECIBANS_PER_NAT = 10 / Math.LN10;

const clamp = (p: number): number => Math.min(1 - RATE_FLOOR, Math.max(RATE_FLOOR, p));

/**
 * Log-likelihood ratio in nats, genuine over fabricated, of k violations in n applicable rows: positive
 * favours genuine. Counts beyond EFFECTIVE_ROWS are scaled down to it, keeping the observed rate.
 */
export function checkLlr(k: number, n: number, genuine: number, fabricated: number): number {
  if (n <= 0) return 0;
  const m = Math.min(n, EFFECTIVE_ROWS);
  const v = (k / n) * m;
  const g = clamp(genuine);
  const f = clamp(fabricated);
  const lg = v * Math.log(g) + (m - v) * Math.log(1 - g);
  const lf = v * Math.log(f) + (m - v) * Math.log(1 - f);
  // log(q e^lf + (1-q) e^lg), computed stably.
  const a = Math.log(FABRICATOR_MISS) + lf;
  const b = Math.log(1 - FABRICATOR_MISS) + lg;
  const top = Math.max(a, b);
  const lfab = top + Math.log(Math.exp(a - top) + Math.exp(b - top));
  return lg - lfab;
}


/** The reason a check gives, in words a responder can paste into a ticket. */
function reason(c: CheckResult, meta: CheckMeta | undefined, genuine: number): string {
  const observed = c.summary || countSummary(c.violations, c.applicable, meta?.description);
  return /genuine/i.test(observed) ? observed : `${observed.replace(/\.$/, '')}; in genuine data about ${percent(genuine)}`;
}

/** Weighted evidence of every check that carries evidence and applied, counted ones first, strongest first. */
export function weighEvidence(
  results: readonly CheckResult[],
  metas: ReadonlyMap<string, CheckMeta>,
  baselines: ReadonlyMap<string, Baseline> = BASELINES,
): { contributions: Contribution[]; total: number } {
  const all: (Contribution & { llr: number })[] = [];
  for (const c of results) {
    const meta = metas.get(c.id);
    const ev = baselines.get(c.id);
    if (!ev || c.applicable < MIN_APPLICABLE || c.status === 'skip') continue;
    all.push({ id: c.id, group: ev.group, llr: checkLlr(c.violations, c.applicable, ev.genuine, ev.fabricated), weight: 0, counted: false, text: reason(c, meta, ev.genuine) });
  }
  // Within a group the strongest check speaks for the group, capped.
  const best = new Map<string, (typeof all)[number]>();
  for (const c of all) {
    const b = best.get(c.group);
    if (!b || Math.abs(c.llr) > Math.abs(b.llr)) best.set(c.group, c);
  }
  let against = 0;
  let agreement = 0;
  for (const c of best.values()) {
    c.counted = true;
    c.llr = Math.max(-GROUP_CAP, Math.min(GROUP_CAP, c.llr));
    if (c.llr < 0) against += c.llr;
    else agreement += c.llr;
  }
  const total = against + Math.min(agreement, AGREEMENT_CAP);
  const contributions = all
    .sort((a, b) => Number(b.counted) - Number(a.counted) || Math.abs(b.llr) - Math.abs(a.llr))
    .map(({ llr, ...c }) => ({ ...c, weight: Math.round(llr * DECIBANS_PER_NAT) }));
  return { contributions, total };
}

/** Probability that the sample is genuine, from even prior odds and the total evidence in nats. */
export function plausibility(total: number): number {
  return 1 / (1 + Math.exp(-total));
}
