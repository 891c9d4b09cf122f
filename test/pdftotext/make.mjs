// Remakes beneficiaries-{top,middle,bottom}.txt: the first 30 rows of fixtures/beneficiaries.csv as an HTML table
// whose name and vaccination-status columns are too narrow for two words, printed to PDF by headless Chromium and
// read back with poppler's `pdftotext -layout`, once per vertical alignment of the cells. Needs Debian's chromium
// and poppler-utils (not CI's): `node test/pdftotext/make.mjs`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const rows = readFileSync(join(here, '../../fixtures/beneficiaries.csv'), 'utf8').trimEnd().split('\n').slice(0, 31).map((l) => l.split(','));
const tmp = mkdtempSync(join(tmpdir(), 'leakcheck-pdf-'));
for (const align of ['top', 'middle', 'bottom']) {
  const cells = (r, tag) => r.map((c) => `<${tag}>${c}</${tag}>`).join('');
  const html =
    `<html><head><style>@page { size: A4 landscape; margin: 10mm } body { font-family: sans-serif; font-size: 8px }` +
    ` table { border-collapse: collapse } td, th { border: 1px solid #999; padding: 2px 8px; vertical-align: ${align} }` +
    ` th { white-space: nowrap } td:nth-child(2), td:nth-child(9) { width: 50px }</style></head><body><table>` +
    `<tr>${cells(rows[0], 'th')}</tr>${rows.slice(1).map((r) => `<tr>${cells(r, 'td')}</tr>`).join('')}</table></body></html>`;
  writeFileSync(join(tmp, 'table.html'), html);
  execFileSync('chromium', [
    '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', `--user-data-dir=${join(tmp, 'profile')}`, '--no-pdf-header-footer', `--print-to-pdf=${join(tmp, 'table.pdf')}`, join(tmp, 'table.html'),
  ], { stdio: 'ignore' });
  execFileSync('pdftotext', ['-layout', join(tmp, 'table.pdf'), join(here, `beneficiaries-${align}.txt`)]);
}
rmSync(tmp, { recursive: true, force: true });
