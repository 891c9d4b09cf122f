// The terminal report: verdict first, then the evidence as an aligned table, then the mapping; 80 columns.
import { Chalk, type ChalkInstance } from 'chalk';
import { findProfile } from '../profiles.js';
import { ARCHIVE_NAMES, type CheckResult, type Label, type Report } from '../types.js';
import { count, mappedBy, nullMarkerNote, percent } from '../report/numbers.js';

const WIDTH = 80;
/** Columns listed in the mapping section. */
const MAX_COLUMNS = 200;

/** Greedy word wrap; a word longer than the width is cut. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(/\s+/).filter(Boolean)) {
    while (word.length > width) {
      if (line) lines.push(line);
      line = '';
      lines.push(word.slice(0, width));
      word = word.slice(width);
    }
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = '';
    }
    line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Source URLs belong in the JSON, Markdown and HTML reports; at a terminal they only wrap badly. */
const terse = (s: string): string => s.replace(/;?\s*https?:\/\/[^\s)]+/g, '');

const pad = (s: string, w: number): string => (s.length >= w ? s : s + ' '.repeat(w - s.length));

function labelStyle(c: ChalkInstance, label: Label): (s: string) => string {
  if (label === 'likely-fabricated') return c.bold.red;
  if (label === 'likely-genuine') return c.bold.green;
  if (label === 'not-cowin') return c.bold.magenta;
  return c.bold.yellow;
}

function mark(c: ChalkInstance, r: CheckResult): string {
  if (r.status === 'fail') return c.red('x');
  if (r.status === 'warn') return c.yellow('!');
  if (r.status === 'pass') return c.green('v');
  return c.dim('-');
}

function describe(r: CheckResult): string {
  if (r.summary) return r.summary;
  if (r.status === 'skip') return 'not applicable to this sample';
  // Nothing it could have been found in was read (a file of no records): a count, not a rate.
  if (r.rate === null) return `${count(r.violations)} finding${r.violations === 1 ? '' : 's'}`;
  return `${count(r.violations)} of ${count(r.applicable)} (${percent(r.rate)})`;
}

export interface TerminalOptions {
  color: boolean;
  /** Show every check, not only those with findings. */
  all?: boolean;
}

export function renderTerminal(report: Report, opts: TerminalOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const out: string[] = [];
  const { input, verdict } = report;
  const delim = input.delimiter === '\t' ? 'tab' : input.delimiter === ',' ? 'comma' : input.delimiter === ';' ? 'semicolon' : input.delimiter === '|' ? 'pipe' : '';
  const fmt = [input.format.toUpperCase(), [delim, input.encoding.toUpperCase(), input.compression === 'gzip' ? 'gzip' : '', input.lineEnding ?? ''].filter(Boolean).join(', ')];
  const parts = [
    `leakcheck ${report.tool.version}`,
    input.path,
    `${fmt[0]} (${fmt[1]})`,
    `${count(input.rows)} rows x ${count(input.columns.length)} columns`,
    ...(report.timing.seconds ? [`${report.timing.seconds.toFixed(2)} s`] : []),
    ...(input.sha256 ? [`sha256 ${input.sha256}`] : []),
  ];
  // Pack the header's parts onto as few lines as fit, two spaces apart.
  const header: string[] = [''];
  for (const part of parts) {
    const last = header.length - 1;
    if (header[last] && header[last].length + 2 + part.length > WIDTH) header.push(`  ${part}`);
    else header[last] = header[last] ? `${header[last]}  ${part}` : part;
  }
  out.push(...header, '');

  out.push(`  ${labelStyle(c, verdict.label)(verdict.label.toUpperCase().replace('-', ' '))}   plausibility ${verdict.score} / 100`);
  const looks = report.profile
    ? `Looks like: ${findProfile(report.profile.id)?.title ?? report.profile.id} (${report.profile.id}, fit ${report.profile.confidence.toFixed(2)})`
    : 'Looks like: no known CoWin record format';
  for (const [i, l] of wrap(looks, WIDTH - 4).entries()) out.push(i ? `    ${l}` : `  ${l}`);
  out.push(`  Flags: ${verdict.flags.length ? verdict.flags.join(', ') : 'none'}`);
  if (input.rowsSkipped) out.push(`  Skipped: ${count(input.rowsSkipped)} ${input.rowsSkipped === 1 ? 'row' : 'rows'} (see structure findings)`);
  if (input.archive) {
    const files = input.archive.members.length + input.archive.unlisted;
    const read = input.archive.members.filter((m) => m.status === 'read').map((m) => m.name);
    const names = ARCHIVE_NAMES[input.archive.format];
    const text = `${names.title}: ${count(read.length)} of ${count(files)} ${names.files} read as one sample (${read.slice(0, 3).join(', ')}${read.length > 3 ? ', ...' : ''}); --format json lists them all`;
    for (const [i, l] of wrap(text, WIDTH - 4).entries()) out.push(i ? `    ${l}` : `  ${l}`);
  }
  for (const l of wrap(terse(verdict.summary), WIDTH - 2)) out.push(`  ${l}`);
  out.push('');

  const order = { fail: 0, warn: 1, pass: 2, skip: 3 } as const;
  const sorted = [...report.checks].sort((a, b) => order[a.status] - order[b.status] || (b.rate ?? 0) - (a.rate ?? 0));
  // The evidence behind the score, strongest first, with its weight in decibans; then other findings.
  const weighed = verdict.contributions.filter((w) => opts.all || w.counted).slice(0, opts.all ? undefined : 8);
  const idWidth = Math.min(22, Math.max(12, ...weighed.map((w) => w.id.length), ...sorted.map((r) => r.id.length)));
  const textWidth = WIDTH - idWidth - 12;
  if (weighed.length) {
    out.push(c.bold(`  ${pad('Strongest evidence', WIDTH - 10)}weight`));
    for (const w of weighed) {
      const sign = w.weight < 0 ? c.red('x') : w.weight > 0 ? c.green('v') : c.dim('-');
      const weight = `${w.weight > 0 ? '+' : ''}${w.weight}`.padStart(5);
      wrap(terse(w.text), textWidth).forEach((l, i) =>
        out.push(i ? `  ${' '.repeat(idWidth + 2)}  ${l}` : `  ${sign} ${pad(w.id, idWidth)}  ${pad(l, textWidth)} ${w.counted ? weight : c.dim(weight)}`),
      );
    }
    out.push('');
  }
  const inWeighed = new Set(weighed.map((w) => w.id));
  const shown = sorted.filter((r) => !inWeighed.has(r.id) && (opts.all ? true : r.violations > 0 || r.flags?.length));
  if (shown.length) {
    out.push(c.bold(`  ${weighed.length ? 'Other findings' : 'Findings'}`));
    for (const r of shown) {
      wrap(terse(describe(r)), textWidth + 6).forEach((l, i) => out.push(i ? `  ${' '.repeat(idWidth + 2)}  ${l}` : `  ${mark(c, r)} ${pad(r.id, idWidth)}  ${l}`));
    }
  }
  const rest = report.checks.length - inWeighed.size - shown.length;
  if (rest > 0) out.push(c.dim(`  ${rest} more checks passed or did not apply (--all lists them)`));
  if (!weighed.length && !shown.length) out.push('  (no check found anything in this sample)');
  out.push('');

  const examples = sorted.filter((r) => r.examples.length).flatMap((r) => r.examples.slice(0, 2).map((e) => ({ id: r.id, ...e })));
  if (examples.length) {
    out.push(c.bold('  Examples (masked; --reveal shows them)'));
    for (const e of examples.slice(0, 10)) {
      const where = e.line ? `line ${e.line}` : e.row ? `row ${e.row}` : '';
      const what = [e.field, e.value].filter((x) => x !== null && x !== '').join(' ');
      const text = `${pad(where, 10)} ${what ? `${what}: ` : ''}${e.message}`;
      wrap(text, WIDTH - 4).forEach((l, i) => out.push(i ? `      ${l}` : `  ${l}`));
    }
    out.push('');
  }

  const mapped = report.mapping.filter((m) => m.field);
  const by = (s: string): number => report.mapping.filter((m) => m.source === s).length;
  out.push(c.bold(`  Columns: ${mapped.length} mapped (${by('header')} by header, ${by('values')} by values, ${by('option')} by --map), ${report.mapping.length - mapped.length} unmapped`));
  if (nullMarkerNote(report.mapping)) out.push(`    ${nullMarkerNote(report.mapping)}`);
  // A hostile sample can have 100,000 columns: every mapped one is listed, unmapped ones up to MAX_COLUMNS in all.
  let room = MAX_COLUMNS - mapped.length;
  const listed = report.mapping.filter((m) => m.field || room-- > 0);
  const colWidth = Math.min(30, listed.reduce((w, m) => Math.max(w, m.column.length), 6));
  for (const m of listed) {
    const col = m.column.length > colWidth ? `${m.column.slice(0, colWidth - 1)}…` : m.column;
    out.push(`    ${pad(col, colWidth)}  ${m.field ? `${pad(m.field, 26)} ${c.dim(mappedBy(m))}` : c.dim('(unmapped)')}`);
  }
  if (listed.length < report.mapping.length) {
    out.push(c.dim(`    ... ${count(report.mapping.length - listed.length)} more unmapped columns (--format json lists every column)`));
  }
  return `${out.join('\n')}\n`;
}
