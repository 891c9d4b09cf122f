// The Markdown report, for incident tickets and pull requests. Sample-derived text is escaped.
import { BASELINES } from '../evidence.js';
import { ARCHIVE_NAMES, type CheckResult, type Report } from '../types.js';
import { count, mappedBy, nullMarkerNote, percent } from '../report/numbers.js';


/** Escape text for a Markdown table cell or paragraph: no HTML, no code spans, no table breaks. */
export function mdEscape(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#~!])/g, '\\$1')
    .replace(/\r?\n|\r/g, ' ');
}


/** A weight in decibans with its sign. */
export function signed(w: number): string {
  return w > 0 ? `+${w}` : w < 0 ? `−${-w}` : '0';
}

const STATUS: Record<CheckResult['status'], string> = { fail: '✗ fail', warn: '! warn', pass: '✓ pass', skip: '– skip' };

/** The genuine-data baseline of a check, as a rate, when its meta has one. */
export function baseline(id: string): string {
  const e = BASELINES.get(id);
  return e ? `~${percent(e.genuine)}` : '';
}

export function renderMarkdown(report: Report): string {
  const { input, verdict } = report;
  const out: string[] = [];
  out.push(`# leakcheck: ${verdict.label.replace('-', ' ')} (plausibility ${verdict.score} / 100)`, '');
  out.push(
    `**Sample:** ${mdEscape(input.path)} · ${input.format.toUpperCase()}, ${mdEscape(input.encoding)}, ${input.compression} · ${count(input.rows)} rows` +
      (input.rowsSkipped ? ` (${count(input.rowsSkipped)} skipped)` : '') +
      ` · leakcheck ${mdEscape(report.tool.version)}  `,
  );
  if (input.sha256) out.push(`**SHA-256:** \`${input.sha256}\`  `);
  out.push(`**Looks like:** ${report.profile ? `${mdEscape(report.profile.id)} (fit ${report.profile.confidence.toFixed(2)})` : 'no known CoWin record format'}  `);
  out.push(`**Flags:** ${verdict.flags.length ? verdict.flags.join(', ') : 'none'}${input.archive ? '  ' : ''}`);
  if (input.archive) {
    const read = input.archive.members.filter((m) => m.status === 'read').map((m) => mdEscape(m.name));
    const names = ARCHIVE_NAMES[input.archive.format];
    out.push(`**${names.title}:** ${count(read.length)} of ${count(input.archive.members.length + input.archive.unlisted)} ${names.files} read as one sample: ${read.join(', ')}`);
  }
  out.push('');
  out.push(mdEscape(verdict.summary), '');

  const byId = new Map(report.checks.map((c) => [c.id, c]));
  out.push(
    '## Evidence',
    '',
    'Weights are in decibans (10 log10 of the likelihood ratio): positive for genuine, negative for fabricated. Only the strongest check of a correlated group is counted. `leakcheck explain <check>` gives each baseline and its source.',
    '',
    '| check | result | violations | applicable | rate | genuine | weight | detail |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |',
  );
  const listed = new Set<string>();
  for (const k of verdict.contributions) {
    const c = byId.get(k.id);
    listed.add(k.id);
    out.push(
      `| \`${k.id}\` | ${c ? STATUS[c.status] : ''} | ${c ? count(c.violations) : ''} | ${c ? count(c.applicable) : ''} | ${c ? percent(c.rate) : ''} | ${baseline(k.id)} | ${k.counted ? `**${signed(k.weight)}**` : `(${signed(k.weight)}, not counted)`} | ${mdEscape(k.text)} |`,
    );
  }
  const order = { fail: 0, warn: 1, pass: 2, skip: 3 } as const;
  for (const c of [...report.checks].filter((c) => !listed.has(c.id)).sort((a, b) => order[a.status] - order[b.status])) {
    out.push(`| \`${c.id}\` | ${STATUS[c.status]} | ${count(c.violations)} | ${count(c.applicable)} | ${percent(c.rate)} | ${baseline(c.id)} | | ${mdEscape(c.summary)} |`);
  }
  out.push('');

  const examples = report.checks.flatMap((c) => c.examples.map((e) => ({ id: c.id, ...e })));
  if (examples.length) {
    out.push('## Examples', '', 'Personal values are masked unless the report was made with `--reveal`.', '');
    out.push('| check | line | row | field | value | finding |', '| --- | ---: | ---: | --- | --- | --- |');
    for (const e of examples) {
      out.push(`| \`${e.id}\` | ${e.line || ''} | ${e.row || ''} | ${e.field === null ? '' : mdEscape(e.field)} | ${e.value === null ? '' : mdEscape(e.value)} | ${mdEscape(e.message)} |`);
    }
    out.push('');
  }

  out.push('## Column mapping', '');
  if (nullMarkerNote(report.mapping)) out.push(mdEscape(nullMarkerNote(report.mapping)), '');
  out.push('| column | field | mapped by |', '| --- | --- | --- |');
  for (const m of report.mapping) out.push(`| ${mdEscape(m.column)} | ${m.field === null ? '*(unmapped)*' : mdEscape(m.field)} | ${mappedBy(m)} |`);
  out.push('');
  return `${out.join('\n')}\n`;
}
