// How counts and rates read in every report: one wording for the terminal, Markdown, HTML, explain and the verdict.

/** 1234 -> "1,234". */
export function count(x: number): string {
  return x.toLocaleString('en-US');
}

/** A rate as a percentage: 0 -> "0%", 0.0004 -> "<0.1%", 0.053 -> "5.3%", 0.41 -> "41%"; null -> "". */
export function percent(r: number | null): string {
  if (r === null) return '';
  return r === 0 ? '0%' : r < 0.001 ? '<0.1%' : `${(r * 100).toFixed(r < 0.1 ? 1 : 0)}%`;
}
