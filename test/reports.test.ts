// The Markdown and HTML reports: what they show, and that sample-derived text cannot break out of them.
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { htmlEscape } from '../src/reporters/html.js';
import { mdEscape } from '../src/reporters/markdown.js';
import { PROGRESS_MIN_BYTES, startProgress } from '../src/progress.js';
import { analyzeJson, ROOT, runCli, tempFile } from './support/cli.js';

const HOSTILE_VALUE = `<script>alert('x')</script>|\`x\`&"`;
const HOSTILE_COLUMN = `note <script>alert("x")</script> | \`code\` & 'q'`;

const csvCell = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** 40 genuine-shaped records with a hostile extra column, and a hostile gender in the first three. */
function hostileSample(): string {
  const [header, ...lines] = readFileSync(join(ROOT, 'fixtures/beneficiaries.csv'), 'utf8').trimEnd().split('\n');
  const out = [`${header},${csvCell(HOSTILE_COLUMN)}`];
  lines.slice(0, 40).forEach((l, i) => {
    const cells = l.split(',');
    if (i < 3) cells[3] = HOSTILE_VALUE;
    out.push(`${cells.map(csvCell).join(',')},n`);
  });
  return `${out.join('\n')}\n`;
}

/** Cells of a Markdown table row, splitting on pipes that are not backslash-escaped. */
const cells = (row: string): number => row.replace(/\\\\/g, '').split(/(?<!\\)\|/).length;

describe('markdown report', () => {
  const file = tempFile('hostile.csv', hostileSample());
  const md = runCli(['analyze', file, '--format', 'markdown', '--reveal', '--deterministic', '--as-of', '2026-01-01']);

  it('escapes pipes, backticks and HTML in sample values and column names', () => {
    expect(md.code).toBe(0);
    expect(md.stdout).not.toMatch(/<script/i);
    expect(md.stdout).not.toContain('`x`');
    expect(md.stdout).not.toContain('`code`');
    // The value itself is there, escaped, in the examples ...
    expect(md.stdout).toContain("| &lt;script&gt;alert('x')&lt;/script&gt;\\|\\`x\\`&amp;\" |");
    // ... and the column in the mapping.
    expect(md.stdout).toContain(`| note &lt;script&gt;alert("x")&lt;/script&gt; \\| \\\`code\\\` &amp; 'q' | *(unmapped)* |`);
  });

  it('keeps every table row to its header\'s cell count', () => {
    const blocks = md.stdout.split(/\n\n/).map((b) => b.split('\n').filter((l) => l.startsWith('|')));
    const tables = blocks.filter((b) => b.length >= 2);
    expect(tables.length).toBeGreaterThanOrEqual(3);
    for (const t of tables) for (const row of t) expect(cells(row), row).toBe(cells(t[0]));
  });

  it('shows the verdict, flags, contributions with weights before the other checks, and the mapping', () => {
    const { report } = analyzeJson(['fixtures/fabricated-faker.csv', '--as-of', '2026-01-01']);
    const r = runCli(['analyze', 'fixtures/fabricated-faker.csv', '--format', 'markdown', '--as-of', '2026-01-01']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(`# leakcheck: likely fabricated (plausibility ${report.verdict.score} / 100)`);
    expect(r.stdout).toContain(`**Flags:** ${report.verdict.flags.join(', ')}`);
    const rows = r.stdout.split('\n').filter((l) => /^\| `[a-z-]+` \| [✗!✓–]/.test(l));
    const ids = rows.map((l) => l.slice(3, l.indexOf('`', 3)));
    const contributed = report.verdict.contributions.map((c) => c.id);
    expect(ids.slice(0, contributed.length)).toEqual(contributed);
    expect(new Set(ids)).toEqual(new Set(report.checks.map((c) => c.id)));
    const first = report.verdict.contributions[0];
    expect(rows[0]).toContain(`**${first.weight < 0 ? `−${-first.weight}` : `+${first.weight}`}**`);
    expect(r.stdout).toContain('## Column mapping');
    for (const m of report.mapping) expect(r.stdout).toContain(`| ${mdEscape(m.column)} |`);
  });

  it('masks personal values unless --reveal', () => {
    const r = runCli(['analyze', 'fixtures/fabricated-faker.csv', '--format', 'markdown', '--as-of', '2026-01-01']);
    expect(r.stdout).toContain('## Examples');
    expect(r.stdout).toMatch(/•{4,}/);
  });
});

describe('html report', () => {
  const file = tempFile('hostile.csv', hostileSample());
  const html = runCli(['analyze', file, '--format', 'html', '--reveal', '--deterministic', '--as-of', '2026-01-01']);

  it('htmlEscape escapes &, <, >, double and single quotes', () => {
    expect(htmlEscape(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });

  it('escapes every sample-derived string: no markup from the sample survives', () => {
    expect(html.code).toBe(0);
    expect(html.stdout).not.toMatch(/<script/i);
    expect(html.stdout).toContain('<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;|`x`&amp;&quot;</td>');
    expect(html.stdout).toContain('<td>note &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; | `code` &amp; &#39;q&#39;</td>');
    // The path is sample-derived too.
    const odd = tempFile(`a"<b>'&.csv`, hostileSample());
    const r = runCli(['analyze', odd, '--format', 'html', '--deterministic']);
    expect(r.stdout).toContain('a&quot;&lt;b&gt;&#39;&amp;.csv');
    expect(r.stdout).not.toContain(`a"<b>'&`);
  });

  it('is self-contained: a restrictive CSP, no script, no external resource', () => {
    const s = html.stdout;
    expect(s.startsWith('<!doctype html>')).toBe(true);
    expect(s).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:">`);
    expect(s).not.toMatch(/\b(src|href)\s*=/i);
    expect(s).not.toMatch(/<(link|img|iframe|object|embed)\b|@import|url\(/i);
    expect(s).toContain('@media print');
  });

  it('puts the verdict and score first, then charts, the evidence table and the mapping', () => {
    const { report } = analyzeJson(['fixtures/fabricated-faker.csv', '--as-of', '2026-01-01']);
    const r = runCli(['analyze', 'fixtures/fabricated-faker.csv', '--format', 'html', '--as-of', '2026-01-01']);
    const s = r.stdout;
    const at = (x: string): number => {
      const i = s.indexOf(x);
      expect(i, x).toBeGreaterThan(-1);
      return i;
    };
    expect(at('<span class="verdict">likely fabricated</span>')).toBeLessThan(at('id="chart-contributions"'));
    expect(at(`plausibility <b>${report.verdict.score}</b> / 100`)).toBeLessThan(at('id="chart-rates"'));
    expect(at('id="chart-rates"')).toBeLessThan(at('id="evidence"'));
    expect(at('id="evidence"')).toBeLessThan(at('id="mapping"'));
    // One bar per counted, non-zero contribution; one per check with a rate.
    const contrib = s.slice(at('id="chart-contributions"'), at('id="chart-rates"'));
    expect(contrib.match(/<rect /g)?.length).toBe(report.verdict.contributions.filter((c) => c.counted && c.weight !== 0).length);
    const rates = s.slice(at('id="chart-rates"'), at('id="chart-age-mix"'));
    expect(rates.match(/<rect /g)?.length).toBe(report.checks.filter((c) => c.rate !== null && c.applicable > 0).length);
    for (const c of report.checks) expect(s).toContain(`<td class="id">${c.id}</td>`);
  });

  it('charts the age mix (observed vs expected) and first doses per month with the policy phases', () => {
    const { report } = analyzeJson(['fixtures/fabricated-faker.csv', '--as-of', '2026-01-01']);
    const s = runCli(['analyze', 'fixtures/fabricated-faker.csv', '--format', 'html', '--as-of', '2026-01-01']).stdout;
    const ageMix = report.checks.find((c: { id: string }) => c.id === 'age-mix')!;
    const data = ageMix.data as Record<string, number>;
    const a = s.indexOf('id="chart-age-mix"');
    const m = s.indexOf('id="chart-dose1-months"');
    expect(a).toBeGreaterThan(-1);
    expect(m).toBeGreaterThan(a);
    expect(m).toBeLessThan(s.indexOf('id="evidence"'));
    // Two bars (observed, expected) per age group.
    const ages = s.slice(a, s.indexOf('</svg>', a));
    expect(ages.match(/<rect [^>]*><title>/g)?.length).toBe(6);
    expect(ages).toContain(`60+ observed: ${Math.round(100 * data['observed:60+'])}%`);
    // One bar per month with first doses, one dashed line per phase boundary.
    const months = s.slice(m, s.indexOf('</svg>', m));
    const monthKeys = Object.keys(data).filter((k) => k.startsWith('dose1:'));
    expect(monthKeys.length).toBeGreaterThan(3);
    expect(months.match(/<rect /g)?.length).toBe(monthKeys.length);
    expect(months.match(/class="phase"/g)?.length).toBe(5);
    for (const d of ['01-03-2021', '01-04-2021', '01-05-2021', '03-01-2022', '16-03-2022']) expect(months).toContain(d);
  });

  it('draws no age or dose chart when the sample has no dates or birth years', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leakcheck-'));
    const file = join(dir, 'names.csv');
    writeFileSync(file, 'name,gender\n' + Array.from({ length: 40 }, (_, i) => `Person ${i},${i % 2 ? 'Male' : 'Female'}`).join('\n') + '\n');
    const s = runCli(['analyze', file, '--format', 'html', '--as-of', '2026-01-01']).stdout;
    expect(s).toContain('</html>');
    expect(s).not.toContain('chart-age-mix');
    expect(s).not.toContain('chart-dose1-months');
  });
});

describe('progress bar', () => {
  const big = join(mkdtempSync(join(tmpdir(), 'leakcheck-')), 'big.csv');
  const [header, ...lines] = readFileSync(join(ROOT, 'fixtures/beneficiaries.csv'), 'utf8').trimEnd().split('\n');
  const body = `${lines.join('\n')}\n`;
  writeFileSync(big, `${header}\n${body.repeat(Math.ceil(PROGRESS_MIN_BYTES / body.length) + 1)}`);

  function fakeStream(tty: boolean): { stream: NodeJS.WriteStream; written: () => string } {
    let out = '';
    const w = new Writable({
      write(chunk, _enc, cb) {
        out += String(chunk);
        cb();
      },
    }) as unknown as NodeJS.WriteStream & Record<string, unknown>;
    Object.assign(w, { isTTY: tty, columns: 80, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
    return { stream: w, written: () => out };
  }

  it('draws on a terminal for a large file, and is silent off a terminal, with quiet, or for a small file', () => {
    const tty = fakeStream(true);
    const p = startProgress(big, { stream: tty.stream });
    p.update(PROGRESS_MIN_BYTES / 2);
    p.stop();
    expect(tty.written()).toMatch(/leakcheck \|.*%/);

    for (const [name, s, opts, f] of [
      ['pipe', fakeStream(false), {}, big],
      ['quiet', fakeStream(true), { quiet: true }, big],
      ['small', fakeStream(true), {}, join(ROOT, 'fixtures/beneficiaries.csv')],
      ['stdin', fakeStream(true), {}, '-'],
    ] as const) {
      const q = startProgress(f, { ...opts, stream: s.stream });
      q.update(1000);
      q.stop();
      expect(s.written(), name).toBe('');
    }
    // A folder's bar is drawn from the size of its files, which the sample gives with the bytes read.
    const folder = join(ROOT, 'fixtures');
    const f = fakeStream(true);
    const bar = startProgress(folder, { stream: f.stream });
    bar.update(1000, PROGRESS_MIN_BYTES * 3);
    bar.stop();
    expect(f.written()).toMatch(/leakcheck \|.*% 0\.0 of 12\.0 MB/);
    const small = fakeStream(true);
    const none = startProgress(folder, { stream: small.stream });
    none.update(1000, 50_000);
    none.stop();
    expect(small.written()).toBe('');
  });

  it('the CLI writes nothing to a piped stderr while reading a large file', () => {
    const r = runCli(['analyze', big, '--format', 'json', '--limit', '500']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});
