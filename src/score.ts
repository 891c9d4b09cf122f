// score (2/2): turn the weighed evidence, the profile and the flags into a verdict (README, "Verdict").
import { FIELD_BY_ID } from './fields.js';
import { findProfile } from './profiles.js';
import { DECISIVE, MIN_ROWS, plausibility, weighEvidence, type Baseline } from './evidence.js';
import { FLAGS, type CheckMeta, type CheckResult, type Flag, type Label, type MappingEntry, type Profile, type Verdict } from './types.js';
import { count } from './report/numbers.js';

/** Checks whose job is a flag (`enriched`, `recycled`): their summaries explain the flag in the verdict. */
export const FLAG_CHECKS: ReadonlySet<string> = new Set(['enriched-fields', 'known-public-values']);
export interface ScoreInput {
  mapping: MappingEntry[];
  checks: CheckResult[];
  profile: Profile | null;
  rows: number;
  /** Meta of every check that ran, by id. */
  metas: ReadonlyMap<string, CheckMeta>;
  /** Baselines by check id (default: src/model.json). */
  baselines?: ReadonlyMap<string, Baseline>;
}

/**
 * True when the sample is public centre/session data only: its profile carries no personal data and no column
 * maps onto a personal field.
 */
export function isPublicData(mapping: MappingEntry[], profile: Profile | null): boolean {
  const def = profile ? findProfile(profile.id) : undefined;
  return !!def && !def.personal && !mapping.some((m) => m.field && FIELD_BY_ID.get(m.field)?.personal);
}

export function scoreSample({ mapping, checks, profile, rows, metas, baselines }: ScoreInput): Verdict {
  const raised = new Set<Flag>(checks.flatMap((c) => c.flags ?? []));
  const publicData = isPublicData(mapping, profile);
  if (publicData) raised.add('public-data');
  const flags = FLAGS.filter((f) => raised.has(f));
  // Flag-raising checks explain their flags in their summaries.
  const explained = checks.filter((c) => FLAG_CHECKS.has(c.id) && c.flags?.length && c.summary).map((c) => ` ${c.summary}`);
  const extra = (publicData ? ' Public centre and session data: no personal data.' : '') + explained.join('');
  // Nothing read is nothing to judge: not "not CoWin" (the structure findings say why nothing was read).
  if (rows === 0) {
    return { label: 'inconclusive', score: 50, flags, summary: `No records could be read: nothing to judge.${extra}`, contributions: [] };
  }
  if (!profile) {
    const cowinFields = new Set(mapping.filter((m) => m.field && FIELD_BY_ID.get(m.field)?.cowin).map((m) => m.field));
    return {
      label: 'not-cowin',
      score: 0,
      flags,
      summary: `The sample fits no known CoWin record format (${cowinFields.size} column(s) match CoWin fields).${extra}`,
      contributions: [],
    };
  }
  const { contributions, total } = weighEvidence(checks, metas, baselines);
  const score = Math.round(100 * plausibility(total));
  const counted = contributions.filter((c) => c.counted);
  const label: Label =
    rows < MIN_ROWS || !counted.length ? 'inconclusive' : total >= DECISIVE ? 'likely-genuine' : total <= -DECISIVE ? 'likely-fabricated' : 'inconclusive';
  const lead =
    rows < MIN_ROWS
      ? `Only ${count(rows)} records: too few for a verdict (at least ${MIN_ROWS}).`
      : !counted.length
        ? 'No check found anything it could weigh in this sample.'
        : label === 'inconclusive'
          ? 'The evidence does not decide either way.'
          : label === 'likely-genuine'
            ? 'The records are consistent with genuine CoWin data.'
            : 'The records are not consistent with genuine CoWin data.';
  // The reasons that pull the way of the verdict: for a genuine verdict, how many independent aspects agree;
  // otherwise the strongest reasons against.
  const against = counted.filter((c) => c.weight < 0);
  const agreeing = counted.filter((c) => c.weight > 0);
  const reasons =
    label === 'likely-genuine' || (label === 'inconclusive' && !against.length)
      ? agreeing.length
        ? ` ${agreeing.length} independent aspects agree with genuine data (${agreeing.slice(0, 4).map((c) => c.id).join(', ')}${agreeing.length > 4 ? ', ...' : ''}).`
        : ''
      : against.slice(0, 2).map((c) => ` ${c.text.replace(/\.$/, '')}.`).join('');
  return { label, score, flags, summary: `${lead}${reasons}${extra}`, contributions };
}
