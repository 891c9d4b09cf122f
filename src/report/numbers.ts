// How counts, rates and mappings read in every report: one wording for the terminal, Markdown, HTML, explain and the verdict.
import type { MappingEntry } from '../types.js';

/**
 * 1234 -> "1,234", as `toLocaleString('en-US')` writes it. Integers are grouped here: the first
 * toLocaleString call of a process loads ICU's number data (~20 ms, on every run and in each thread).
 */
export function count(x: number): string {
  if (!Number.isSafeInteger(x) || Object.is(x, -0)) return x.toLocaleString('en-US');
  const digits = String(Math.abs(x));
  const grouped = digits.length > 3 ? digits.replace(/\B(?=(?:\d{3})+$)/g, ',') : digits;
  return x < 0 ? `-${grouped}` : grouped;
}

/** A rate as a percentage: 0 -> "0%", 0.0004 -> "<0.1%", 0.053 -> "5.3%", 0.41 -> "41%"; null -> "". */
export function percent(r: number | null): string {
  if (r === null) return '';
  return r === 0 ? '0%' : r < 0.001 ? '<0.1%' : `${(r * 100).toFixed(r < 0.1 ? 1 : 0)}%`;
}

/** How the sample writes an empty value, when it writes a word for it (`NULL`): a sentence for the mapping, or ''. */
export function nullMarkerNote(mapping: readonly MappingEntry[]): string {
  const marker = mapping.find((m) => m.nullMarker !== undefined)?.nullMarker;
  return marker === undefined ? '' : `Empty values are written ${marker} (the exporting tool's marker): read as empty.`;
}

/** How a column was mapped, as the reports list it: `header`, `values`, `option`, and how a re-written column was written. */
export function mappedBy(m: MappingEntry): string {
  return `${m.source ?? ''}${m.dates ? `; dates written ${m.dates}` : ''}${m.labels ? `; labels written as ${m.labels}` : ''}`;
}

/** Lower-case the first letter unless it starts an acronym ("PIN codes"). */
const lowerFirst = (s: string): string => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

/** What a check found, as counts and what it looks for: "4 of 191 (2.1%): dates that ...", "2 findings: ...". */
export function countSummary(violations: number, applicable: number, description?: string): string {
  const counts = applicable > 0 ? `${count(violations)} of ${count(applicable)} (${percent(violations / applicable)})` : `${count(violations)} finding${violations === 1 ? '' : 's'}`;
  return description ? `${counts}: ${lowerFirst(description)}` : counts;
}
