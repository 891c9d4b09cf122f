// The reference commands: `leakcheck checks`, `leakcheck explain <check>`, `leakcheck profiles`.
import { CHECKS, findCheck } from './checks/index.js';
import { UsageError } from './errors.js';
import { BASELINES } from './evidence.js';
import { PROFILES, type Slot } from './profiles.js';
import { percent } from './report/numbers.js';


/** Every check, one line each: id, category, what it tests. */
export function renderCheckList(): string {
  const w = Math.max(...CHECKS.map((c) => c.meta.id.length));
  const lines = CHECKS.map((c) => `${c.meta.id.padEnd(w)}  ${c.meta.category.padEnd(12)}  ${c.meta.description}`);
  return `${lines.join('\n')}\n\n${CHECKS.length} checks. leakcheck explain <check> says why each matters and what it compares with.\n`;
}

/** What a check tests, why it matters, the baselines it compares with and their sources. */
export function renderExplain(id: string): string {
  const check = findCheck(id);
  if (!check) throw new UsageError(`unknown check "${id}" (leakcheck checks lists them)`);
  const { meta } = check;
  const base = BASELINES.get(meta.id);
  const out = [`${meta.id}  (${meta.category}, ${meta.severity})`, '', `Tests: ${meta.description}`];
  if (meta.fields?.length) out.push(`Reads: ${meta.fields.join(', ')}`);
  if (meta.docs?.why) out.push('', `Why it matters: ${meta.docs.why}`);
  out.push('', 'Baselines:');
  if (base) {
    out.push(
      `  violation rate in genuine CoWin data: about ${percent(base.genuine)}; in fabricated data: about ${percent(base.fabricated)}`,
      `  correlation group: ${base.group} (only the strongest check of a group counts towards the score)`,
      `  source: ${base.source}`,
    );
  }
  if (meta.docs?.baseline) out.push(`  ${meta.docs.baseline}`);
  if (!base && !meta.docs?.baseline) out.push('  none: this check reports findings but does not weigh in the score');
  if (meta.docs?.sources?.length) out.push('', 'Sources:', ...meta.docs.sources.map((s) => `  - ${s}`));
  return `${out.join('\n')}\n`;
}

const slot = (s: Slot): string => (typeof s === 'string' ? s : s.join(' or '));

/** The known CoWin record formats and their fields. */
export function renderProfiles(): string {
  const out: string[] = [];
  for (const p of PROFILES) {
    out.push(`${p.id}: ${p.title}`);
    out.push(`  source: ${p.source}`);
    out.push(`  access: ${p.access}; personal data: ${p.personal ? 'yes' : 'no'}; masking: ${p.masking}; dates: ${p.dates}`);
    out.push(`  fields: ${p.core.map(([s]) => slot(s)).join(', ')}`);
    if (p.optional.length) out.push(`  optional: ${p.optional.join(', ')}`);
    out.push('');
  }
  out.push(`${PROFILES.length} formats. Force one with leakcheck analyze <sample> --profile <id>.`);
  return `${out.join('\n')}\n`;
}
