// score: turn check results and the mapping into a verdict (label, score, flags, summary).
// Until the evidence model of Part 5 lands this is a simple documented rule (README, "Verdict").
import { FIELD_BY_ID } from './fields.js';
import { FLAGS, type CheckResult, type Flag, type Label, type MappingEntry, type Profile, type Verdict } from './types.js';

/** CoWin fields that identify a person; their presence makes non-CoWin personal fields an enrichment. */
const PERSON_FIELDS = ['beneficiary_reference_id', 'name', 'mobile_number', 'photo_id_number', 'aadhaar_number', 'pan_number', 'birth_year', 'date_of_birth'];

/** Fewer mapped CoWin fields than this: the sample is not CoWin-shaped. */
export const MIN_COWIN_FIELDS = 2;
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

export function enrichedFields(mapping: MappingEntry[]): string[] {
  const fields = new Set(mapping.map((m) => m.field).filter((f): f is string => !!f));
  if (!PERSON_FIELDS.some((f) => fields.has(f))) return [];
  return [...fields].filter((f) => {
    const def = FIELD_BY_ID.get(f);
    return def && !def.cowin && def.personal;
  });
}

export function scoreSample({ mapping, checks, rows }: ScoreInput): Verdict {
  const raised = new Set<Flag>(checks.flatMap((c) => c.flags ?? []));
  const enriched = enrichedFields(mapping);
  if (enriched.length) raised.add('enriched');
  const flags = FLAGS.filter((f) => raised.has(f));
  const cowinFields = new Set(mapping.filter((m) => m.field && FIELD_BY_ID.get(m.field)?.cowin).map((m) => m.field));
  const extra = enriched.length ? ` It carries fields CoWin never collects (${enriched.join(', ')}).` : '';
  if (cowinFields.size < MIN_COWIN_FIELDS) {
    return {
      label: 'not-cowin',
      score: 0,
      flags,
      summary: `Only ${cowinFields.size} column(s) match CoWin fields: the sample is not shaped like CoWin data.${extra}`,
    };
  }
  const evidence = checks.filter((c) => c.category !== 'structure' && c.applicable >= MIN_EVIDENCE_ROWS && c.rate !== null);
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
