// The HTML report, for incident records: one self-contained file (inline CSS and SVG, no script, no external
// request, a restrictive Content-Security-Policy) that prints cleanly to PDF. Every sample-derived string goes
// through htmlEscape.
import { ARCHIVE_NAMES, type CheckResult, type Contribution, type Report } from '../types.js';
import { baseline, signed } from './markdown.js';
import { BASELINES } from '../evidence.js';
import { count, mappedBy, nullMarkerNote, percent } from '../report/numbers.js';


/** Escape text for HTML element content and double- or single-quoted attribute values. */
export function htmlEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
const e = htmlEscape;

export const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const STATUS: Record<CheckResult['status'], string> = { fail: '✗ fail', warn: '! warn', pass: '✓ pass', skip: '– skip' };
const LABEL_CLASS: Record<Report['verdict']['label'], string> = {
  'likely-genuine': 'genuine',
  inconclusive: 'unsure',
  'likely-fabricated': 'fabricated',
  'not-cowin': 'unsure',
};

const CSS = `
:root{--fg:#1d232b;--muted:#5b6672;--line:#d9dee4;--bg:#fff;--gen:#1a7f4b;--fab:#b42318;--unsure:#8a6100;--bar:#3b6ea8;--base:#1d232b}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;max-width:1000px;padding:24px}
h1{font-size:22px;margin:0 0 4px}h3{font-size:14px;margin:14px 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
.card{border:2px solid var(--line);border-radius:8px;padding:16px 20px;margin:12px 0 8px}
.card.genuine{border-color:var(--gen)}.card.fabricated{border-color:var(--fab)}.card.unsure{border-color:var(--unsure)}
.verdict{font-size:26px;font-weight:700;letter-spacing:.02em;text-transform:uppercase}
.genuine .verdict{color:var(--gen)}.fabricated .verdict{color:var(--fab)}.unsure .verdict{color:var(--unsure)}
.score{font-size:18px;margin-left:12px;color:var(--muted)}.score b{color:var(--fg);font-size:24px}
.meta{color:var(--muted);margin:6px 0 0}.meta b{color:var(--fg)}
table{border-collapse:collapse;width:100%;font-size:12.5px}
th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f3f5f7;font-weight:600}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.id{white-space:nowrap;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
td.fail{color:var(--fab)}td.warn{color:var(--unsure)}td.pass{color:var(--gen)}td.skip{color:var(--muted)}
.pos{color:var(--gen);font-weight:600}.neg{color:var(--fab);font-weight:600}.nc{color:var(--muted)}
figure{margin:8px 0 16px}figcaption{color:var(--muted);font-size:12px;margin-top:2px}
svg{max-width:100%;height:auto;display:block}svg text{font:11px system-ui,sans-serif;fill:var(--fg)}
.note{color:var(--muted);font-size:12px}
footer{margin-top:28px;color:var(--muted);font-size:11px}
@page{size:A4;margin:14mm}
@media print{
 body{max-width:none;padding:0;font-size:10pt}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 .card,figure,tr{break-inside:avoid;page-break-inside:avoid}
 h2{break-after:avoid;page-break-after:avoid}
 thead{display:table-header-group}
 table{font-size:8.5pt}
}`;

/** A diverging bar chart of the counted contributions' weights (decibans), strongest first. */
function contributionsChart(cs: readonly Contribution[]): string {
  const rows = cs.filter((c) => c.counted && c.weight !== 0);
  if (!rows.length) return '';
  const W = 720, labelW = 170, row = 20, top = 22;
  const max = Math.max(...rows.map((c) => Math.abs(c.weight)), 1);
  const plotW = W - labelW - 40;
  const mid = labelW + plotW / 2;
  // Room beyond each bar's end for its value label, so a full-length bar's label never meets the check name.
  const scale = (plotW / 2 - 40) / max;
  const h = top + rows.length * row + 8;
  const bars = rows.map((c, i) => {
    const y = top + i * row;
    const len = Math.max(1, Math.abs(c.weight) * scale);
    const x = c.weight > 0 ? mid : mid - len;
    const tx = c.weight > 0 ? mid + len + 4 : mid - len - 4;
    return (
      `<text x="${labelW - 6}" y="${y + 13}" text-anchor="end">${e(c.id)}</text>` +
      `<rect x="${x.toFixed(1)}" y="${y + 3}" width="${len.toFixed(1)}" height="${row - 6}" fill="${c.weight > 0 ? '#1a7f4b' : '#b42318'}"><title>${e(c.id)}: ${e(signed(c.weight))} dB</title></rect>` +
      `<text x="${tx.toFixed(1)}" y="${y + 13}" text-anchor="${c.weight > 0 ? 'start' : 'end'}">${e(signed(c.weight))}</text>`
    );
  });
  return (
    `<figure><h3>Contributions to the score</h3><svg class="chart" id="chart-contributions" role="img" aria-label="Counted contributions to the score, in decibans" viewBox="0 0 ${W} ${h}" width="${W}" height="${h}" xmlns="http://www.w3.org/2000/svg">` +
    `<text x="${mid - 6}" y="13" text-anchor="end" fill="#b42318">← fabricated</text><text x="${mid + 6}" y="13">genuine →</text>` +
    bars.join('') +
    `<line x1="${mid}" y1="${top - 2}" x2="${mid}" y2="${h - 4}" stroke="#1d232b" stroke-width="1"/></svg>` +
    `<figcaption>The score's counted evidence: each bar is a check's weight in decibans (10 log10 of the likelihood ratio); right favours genuine, left fabricated.</figcaption></figure>`
  );
}

/** Violation rate per applicable check (bars), with the genuine-data baseline marked where the check has one. */
function ratesChart(checks: readonly CheckResult[]): string {
  const rows = checks.filter((c) => c.rate !== null && c.applicable > 0);
  if (!rows.length) return '';
    const W = 720, labelW = 170, row = 18, top = 20;
  const plotW = W - labelW - 60;
  const h = top + rows.length * row + 8;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => {
    const x = labelW + t * plotW;
    return `<line x1="${x}" y1="${top - 4}" x2="${x}" y2="${h - 4}" stroke="#d9dee4"/><text x="${x}" y="${top - 7}" text-anchor="middle">${t * 100}%</text>`;
  });
  const bars = rows.map((c, i) => {
    const y = top + i * row;
    const r = c.rate ?? 0;
    const len = Math.max(1, r * plotW);
    const g = BASELINES.get(c.id)?.genuine;
    const colour = c.status === 'fail' ? '#b42318' : c.status === 'warn' ? '#b07d00' : '#3b6ea8';
    return (
      `<text x="${labelW - 6}" y="${y + 12}" text-anchor="end">${e(c.id)}</text>` +
      `<rect x="${labelW}" y="${y + 3}" width="${len.toFixed(1)}" height="${row - 6}" fill="${colour}"><title>${e(c.id)}: ${count(c.violations)} of ${count(c.applicable)} (${e(percent(c.rate))})</title></rect>` +
      (g === undefined ? '' : `<line x1="${(labelW + g * plotW).toFixed(1)}" y1="${y + 1}" x2="${(labelW + g * plotW).toFixed(1)}" y2="${y + row - 1}" stroke="#1d232b" stroke-width="2"/>`) +
      `<text x="${(labelW + len + 4).toFixed(1)}" y="${y + 12}">${e(percent(c.rate))}</text>`
    );
  });
  return (
    `<figure><h3>Violation rate per check</h3><svg class="chart" id="chart-rates" role="img" aria-label="Violation rate per check" viewBox="0 0 ${W} ${h}" width="${W}" height="${h}" xmlns="http://www.w3.org/2000/svg">` +
    ticks.join('') + bars.join('') +
    `</svg><figcaption>Share of applicable rows or values that violate each check; the black tick marks the rate expected in genuine CoWin data.</figcaption></figure>`
  );
}

/** Policy phase boundaries drawn on the first-dose chart (cowin-formats.md §6). */
const PHASES: readonly [string, number, number][] = [
  ['01-03-2021', 2021, 3],
  ['01-04-2021', 2021, 4],
  ['01-05-2021', 2021, 5],
  ['03-01-2022', 2022, 1],
  ['16-03-2022', 2022, 3],
];

/** Numeric entries of a check's data whose keys start with `prefix`, in key order, with the prefix removed. */
function dataSeries(c: CheckResult | undefined, prefix: string): [string, number][] {
  if (!c?.data) return [];
  return Object.entries(c.data)
    .filter((kv): kv is [string, number] => kv[0].startsWith(prefix) && typeof kv[1] === 'number' && Number.isFinite(kv[1]))
    .map(([k, v]): [string, number] => [k.slice(prefix.length), v])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Grouped bars: the age-mix check's observed and expected shares of each age group. */
function ageMixChart(c: CheckResult | undefined): string {
  const observed = dataSeries(c, 'observed:');
  const expected = new Map(dataSeries(c, 'expected:'));
  const groups = observed.filter(([g]) => expected.has(g));
  if (!groups.length) return '';
  const W = 720, top = 20, plotH = 160, bottom = 36, left = 50;
  const h = top + plotH + bottom;
  const slot = (W - left - 10) / groups.length;
  const bw = Math.min(60, slot / 3);
  const y = (v: number): number => top + plotH - Math.max(0, Math.min(1, v)) * plotH;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map(
    (t) => `<line x1="${left}" y1="${y(t).toFixed(1)}" x2="${W - 10}" y2="${y(t).toFixed(1)}" stroke="#d9dee4"/><text x="${left - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end">${t * 100}%</text>`,
  );
  const bars = groups.map(([g, o], i) => {
    const ex = expected.get(g) ?? 0;
    const x = left + i * slot + slot / 2 - bw;
    const bar = (v: number, at: number, fill: string, what: string): string =>
      `<rect x="${at.toFixed(1)}" y="${y(v).toFixed(1)}" width="${bw.toFixed(1)}" height="${Math.max(0.5, y(0) - y(v)).toFixed(1)}" fill="${fill}"><title>${e(g)} ${what}: ${e(percent(v))}</title></rect>`;
    return (
      bar(o, x, '#3b6ea8', 'observed') +
      bar(ex, x + bw, '#9aa5b1', 'expected') +
      `<text x="${(x + bw).toFixed(1)}" y="${top + plotH + 16}" text-anchor="middle">${e(g)}</text>`
    );
  });
  const legend = `<rect x="${W - 190}" y="4" width="10" height="10" fill="#3b6ea8"/><text x="${W - 176}" y="13">observed</text><rect x="${W - 110}" y="4" width="10" height="10" fill="#9aa5b1"/><text x="${W - 96}" y="13">expected</text>`;
  return (
    `<figure><h3>Age mix at first dose</h3><svg class="chart" id="chart-age-mix" role="img" aria-label="Age groups at first dose, observed and expected shares" viewBox="0 0 ${W} ${h}" width="${W}" height="${h}" xmlns="http://www.w3.org/2000/svg">` +
    ticks.join('') + bars.join('') + legend +
    `</svg><figcaption>Adults' age groups at their first dose against CoWin's published mix for the same dose dates (check age-mix).</figcaption></figure>`
  );
}

/** First doses per month (bars), with the policy phase boundaries as vertical lines. */
function dose1MonthsChart(c: CheckResult | undefined): string {
  const months = dataSeries(c, 'dose1:').filter(([m]) => /^\d{4}-\d{2}$/.test(m));
  if (!months.length) return '';
  const index = (y: number, m: number): number => y * 12 + m - 1;
  const parse = (k: string): number => index(Number(k.slice(0, 4)), Number(k.slice(5, 7)));
  const first = Math.min(parse(months[0][0]), index(2021, 1));
  const last = Math.max(parse(months[months.length - 1][0]), index(2022, 3));
  const W = 720, top = 34, plotH = 160, bottom = 36, left = 50;
  const h = top + plotH + bottom;
  const slot = (W - left - 10) / (last - first + 1);
  const max = Math.max(...months.map(([, v]) => v), 1);
  const y = (v: number): number => top + plotH - (v / max) * plotH;
  const bars = months.map(([k, v]) => {
    const x = left + (parse(k) - first) * slot;
    return `<rect x="${(x + 1).toFixed(1)}" y="${y(v).toFixed(1)}" width="${Math.max(1, slot - 2).toFixed(1)}" height="${Math.max(0.5, y(0) - y(v)).toFixed(1)}" fill="#3b6ea8"><title>${e(k)}: ${count(v)} first doses</title></rect>`;
  });
  const lines = PHASES.map(([label, yy, mm], i) => {
    // The boundary's day within its month, as a fraction of the slot (01 or 03 or 16).
    const frac = (Number(label.slice(0, 2)) - 1) / 30;
    const x = left + (index(yy, mm) - first + frac) * slot;
    return `<line class="phase" x1="${x.toFixed(1)}" y1="${top - 4}" x2="${x.toFixed(1)}" y2="${top + plotH}" stroke="#b42318" stroke-dasharray="3 2"/><text x="${x.toFixed(1)}" y="${9 + (i % 3) * 9}" text-anchor="middle" font-size="9">${e(label)}</text>`;
  });
  const axis = [months[0][0], months[months.length - 1][0]].map((k) => `<text x="${(left + (parse(k) - first + 0.5) * slot).toFixed(1)}" y="${top + plotH + 16}" text-anchor="middle">${e(k)}</text>`);
  return (
    `<figure><h3>First doses per month</h3><svg class="chart" id="chart-dose1-months" role="img" aria-label="First doses per month with policy phase boundaries" viewBox="0 0 ${W} ${h}" width="${W}" height="${h}" xmlns="http://www.w3.org/2000/svg">` +
    `<line x1="${left}" y1="${y(0)}" x2="${W - 10}" y2="${y(0)}" stroke="#1d232b"/><text x="${left - 6}" y="${top + 4}" text-anchor="end">${count(max)}</text>` +
    bars.join('') + lines.join('') + axis.join('') +
    `</svg><figcaption>First doses per month (check age-mix); dashed lines mark the policy phases: 60+ and 45+ with comorbidities (01-03-2021), 45+ (01-04-2021), all adults (01-05-2021), 15-17 (03-01-2022), 12-14 (16-03-2022).</figcaption></figure>`
  );
}

export function renderHtml(report: Report): string {
  const { input, verdict } = report;
  const byId = new Map(report.checks.map((c) => [c.id, c]));
  const listed = new Set<string>();
  const evidenceRows: string[] = [];
  for (const k of verdict.contributions) {
    const c = byId.get(k.id);
    listed.add(k.id);
    const w = k.counted ? `<span class="${k.weight > 0 ? 'pos' : k.weight < 0 ? 'neg' : ''}">${e(signed(k.weight))}</span>` : `<span class="nc">${e(signed(k.weight))} (not counted)</span>`;
    evidenceRows.push(
      `<tr><td class="id">${e(k.id)}</td><td class="${c?.status ?? ''}">${c ? STATUS[c.status] : ''}</td><td class="num">${c ? count(c.violations) : ''}</td><td class="num">${c ? count(c.applicable) : ''}</td><td class="num">${c ? e(percent(c.rate)) : ''}</td><td class="num">${e(baseline(k.id))}</td><td class="num">${w}</td><td>${e(k.text)}</td></tr>`,
    );
  }
  const order = { fail: 0, warn: 1, pass: 2, skip: 3 } as const;
  for (const c of [...report.checks].filter((c) => !listed.has(c.id)).sort((a, b) => order[a.status] - order[b.status])) {
    evidenceRows.push(
      `<tr><td class="id">${e(c.id)}</td><td class="${c.status}">${STATUS[c.status]}</td><td class="num">${count(c.violations)}</td><td class="num">${count(c.applicable)}</td><td class="num">${e(percent(c.rate))}</td><td class="num">${e(baseline(c.id))}</td><td class="num"></td><td>${e(c.summary)}</td></tr>`,
    );
  }
  const examples = report.checks.flatMap((c) => c.examples.map((x) => ({ id: c.id, ...x })));
  const title = `leakcheck: ${verdict.label.replace('-', ' ')} (${verdict.score} / 100) — ${input.path}`;
  const charts = [contributionsChart(verdict.contributions), ratesChart(report.checks), ageMixChart(byId.get('age-mix')), dose1MonthsChart(byId.get('age-mix'))].filter(Boolean);
  const out = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${e(CSP)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(title)}</title><style>${CSS}</style></head><body>`,
    `<header><h1>leakcheck report</h1><p class="meta"><b>${e(input.path)}</b> · ${e(input.format.toUpperCase())}, ${e(input.encoding)}, ${e(input.compression)} · ${count(input.rows)} rows${input.rowsSkipped ? ` (${count(input.rowsSkipped)} skipped)` : ''} · leakcheck ${e(report.tool.version)}</p>${input.sha256 ? `<p class="meta">SHA-256 <code>${e(input.sha256)}</code></p>` : ''}</header>`,
    `<section class="card ${LABEL_CLASS[verdict.label]}" id="verdict"><span class="verdict">${e(verdict.label.replace('-', ' '))}</span><span class="score">plausibility <b>${verdict.score}</b> / 100</span>`,
    `<p class="meta"><b>Looks like:</b> ${report.profile ? `${e(report.profile.id)} (fit ${report.profile.confidence.toFixed(2)})` : 'no known CoWin record format'} · <b>Flags:</b> ${verdict.flags.length ? e(verdict.flags.join(', ')) : 'none'}</p>`,
    input.archive
      ? `<p class="meta"><b>${ARCHIVE_NAMES[input.archive.format].title}:</b> ${e(input.archive.members.filter((m) => m.status === 'read').map((m) => m.name).join(', '))}</p>`
      : '',
    `<p>${e(verdict.summary)}</p></section>`,
    charts.length ? `<h2>Charts</h2>${charts.join('')}` : '',
    '<h2>Evidence</h2>',
    '<p class="note">Weights are in decibans (10 log10 of the likelihood ratio): positive for genuine, negative for fabricated; only the strongest check of a correlated group is counted. <code>leakcheck explain &lt;check&gt;</code> gives each baseline and its source.</p>',
    '<table id="evidence"><thead><tr><th>check</th><th>result</th><th class="num">violations</th><th class="num">applicable</th><th class="num">rate</th><th class="num">genuine</th><th class="num">weight</th><th>detail</th></tr></thead><tbody>',
    ...evidenceRows,
    '</tbody></table>',
  ];
  if (examples.length) {
    out.push(
      '<h2>Examples</h2><p class="note">Personal values are masked unless the report was made with <code>--reveal</code>.</p>',
      '<table id="examples"><thead><tr><th>check</th><th class="num">line</th><th class="num">row</th><th>field</th><th>value</th><th>finding</th></tr></thead><tbody>',
      ...examples.map(
        (x) => `<tr><td class="id">${e(x.id)}</td><td class="num">${x.line || ''}</td><td class="num">${x.row || ''}</td><td>${x.field === null ? '' : e(x.field)}</td><td>${x.value === null ? '' : e(x.value)}</td><td>${e(x.message)}</td></tr>`,
      ),
      '</tbody></table>',
    );
  }
  out.push(
    '<h2>Column mapping</h2>',
    nullMarkerNote(report.mapping) ? `<p>${e(nullMarkerNote(report.mapping))}</p>` : '',
    '<table id="mapping"><thead><tr><th>column</th><th>field</th><th>mapped by</th></tr></thead><tbody>',
    ...report.mapping.map((m) => `<tr><td>${e(m.column)}</td><td>${m.field === null ? '<i>(unmapped)</i>' : e(m.field)}</td><td>${e(mappedBy(m))}</td></tr>`),
    '</tbody></table>',
    `<footer>Generated by leakcheck ${e(report.tool.version)}. Self-contained: no scripts, no external resources.</footer>`,
    '</body></html>',
  );
  return `${out.filter(Boolean).join('\n')}\n`;
}
