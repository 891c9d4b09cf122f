// score: turn check results and the mapping into a verdict (label, score, flags, summary).
// Until the evidence model of Part 5 lands this is a simple documented rule (README, "Verdict").
import { FIELD_BY_ID } from './fields.js';
import { findProfile } from './profiles.js';
import { FLAGS, type CheckResult, type Flag, type Label, type MappingEntry, type Profile, type Verdict } from './types.js';

/**
 * Checks whose job is a flag (`enriched`, `recycled`), not a rate that separates genuine from fabricated data:
 * left out of the interim mean.
 */
export const FLAG_CHECKS: ReadonlySet<string> = new Set(['enriched-fields', 'known-public-values']);
/** A check needs this many applicable rows to count as evidence. */
export const MIN_EVIDENCE_ROWS = 30;
/** Mean violation rate of the evidence checks at or below which the sample is likely genuine ... */
export const GENUINE_MAX_RATE = 0.05;
/** ... and at or above which it is likely fabricated. */
export const FABRICATED_MIN_RATE = 0.3;

export interface ScoreInput {
  mapping: MappingEntry[];
  checks: CheckResult[];
  profile: Profile | null;
  rows: number;
}

/**
 * True when the sample is public centre/session data only: its profile carries no personal data and no column
 * maps onto a personal field.
 */
export function isPublicData(mapping: MappingEntry[], profile: Profile | null): boolean {
  const def = profile ? findProfile(profile.id) : undefined;
  return !!def && !def.personal && !mapping.some((m) => m.field && FIELD_BY_ID.get(m.field)?.personal);
}

export function scoreSample({ mapping, checks, profile, rows }: ScoreInput): Verdict {
  const raised = new Set<Flag>(checks.flatMap((c) => c.flags ?? []));
  const publicData = isPublicData(mapping, profile);
  if (publicData) raised.add('public-data');
  const flags = FLAGS.filter((f) => raised.has(f));
  // Flag-raising checks explain their flags in their summaries.
  const explained = checks.filter((c) => FLAG_CHECKS.has(c.id) && c.flags?.length && c.summary).map((c) => ` ${c.summary}`);
  const extra = (publicData ? ' Public centre and session data: no personal data.' : '') + explained.join('');
  if (!profile) {
    const cowinFields = new Set(mapping.filter((m) => m.field && FIELD_BY_ID.get(m.field)?.cowin).map((m) => m.field));
    return {
      label: 'not-cowin',
      score: 0,
      flags,
      summary: `The sample fits no known CoWin record format (${cowinFields.size} column(s) match CoWin fields).${extra}`,
    };
  }
  const evidence = checks.filter((c) => c.category !== 'structure' && !FLAG_CHECKS.has(c.id) && c.applicable >= MIN_EVIDENCE_ROWS && c.rate !== null);
  if (!evidence.length) {
    return {
      label: 'inconclusive',
      score: 50,
      flags,
      summary: `${rows.toLocaleString('en-US')} rows, but no check had enough applicable rows (${MIN_EVIDENCE_ROWS}) to weigh.${extra}`,
    };
  }
  const rate = evidence.reduce((s, c) => s + c.rate!, 0) / evidence.length;
  const label: Label = rate <= GENUINE_MAX_RATE ? 'likely-genuine' : rate >= FABRICATED_MIN_RATE ? 'likely-fabricated' : 'inconclusive';
  const worst = [...evidence].sort((a, b) => b.rate! - a.rate!)[0];
  return {
    label,
    score: Math.round(100 * (1 - rate)),
    flags,
    summary: `Mean violation rate ${(rate * 100).toFixed(1)}% over ${evidence.length} checks; highest: ${worst.id} (${(worst.rate! * 100).toFixed(1)}%).${extra}`,
  };
}
