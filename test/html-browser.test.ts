// The HTML report in a real browser (Debian's Chromium driven by playwright-core): it renders the verdict and
// its charts, makes no network request, logs no console error (a CSP violation would be one), and prints.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { ROOT, runCli, tempFile } from './support/cli.js';

/** An SVG element's getBBox, typed here: the tests compile without the DOM library. */
interface Boxed {
  getBBox(): { width: number; height: number };
}

const CHROMIUM = '/usr/bin/chromium';
const HAVE = existsSync(CHROMIUM);
const CI = process.env.CI === 'true';
const ARTIFACTS = join(ROOT, 'test-artifacts');
// The fresh --user-data-dir is the mkdtemp directory passed to launchPersistentContext (playwright rejects it in args).
const ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

if (!HAVE && !CI) console.warn(`html-browser.test.ts: SKIPPED: ${CHROMIUM} is absent (apt-get install -y chromium); in CI (CI=true) this fails instead`);

/** A sample whose column names and values would load an image, run script or break attributes if unescaped. */
function hostileSample(): string {
  const [header, ...lines] = readFileSync(join(ROOT, 'fixtures/fabricated-faker.csv'), 'utf8').trimEnd().split('\n');
  const col = `<img src="http://example.invalid/c.png"> <script>document.title='pwned'</script> & '"`;
  const val = `<img src='http://example.invalid/v.png' onerror="document.title='pwned'">&"`;
  const q = (s: string): string => `"${s.replace(/"/g, '""')}"`;
  const cols = header.split(',');
  const g = cols.indexOf('gender');
  return `${header},${q(col)}\n${lines.map((l, i) => {
    const cells = l.split(',');
    if (i < 3) cells[g] = q(val);
    return `${cells.join(',')},x`;
  }).join('\n')}\n`;
}

describe.skipIf(!HAVE && !CI)('html report in Chromium', () => {
  it('renders the verdict and non-empty charts, with no network request and no console error', async () => {
    if (!HAVE) throw new Error(`CI=true but ${CHROMIUM} is missing: .ci/run installs it (apt-get install chromium)`);
    const sample = tempFile('hostile.csv', hostileSample());
    const dir = mkdtempSync(join(tmpdir(), 'leakcheck-html-'));
    const file = join(dir, 'report.html');
    const r = runCli(['analyze', sample, '--format', 'html', '--reveal', '--deterministic', '--as-of', '2026-01-01', '-o', file, '-q']);
    expect(r.code, r.stderr).toBe(0);

    const profile = mkdtempSync(join(tmpdir(), 'leakcheck-chromium-'));
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS });
    try {
      const page = await context.newPage();
      const requests: string[] = [];
      const errors: string[] = [];
      page.on('request', (req) => {
        if (!/^(data|file|about):/.test(req.url())) requests.push(req.url());
      });
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });

      expect(await page.locator('#verdict .verdict').textContent()).toBe('likely fabricated');
      expect(await page.locator('#verdict .score').textContent()).toMatch(/^plausibility \d+ \/ 100$/);
      expect(await page.title()).not.toBe('pwned');
      // The hostile strings are shown as text.
      // (column names are capped at 80 characters by the report)
      expect(await page.locator('#mapping').innerText()).toContain(`<img src="http://example.invalid/c.png"> <script>document.title=`);
      expect(await page.locator('#examples').innerText()).toContain(`<img src='http://example.invalid/v.png' onerror="document.title='pwned'">&"`);

      const charts = await page.$$eval('svg', (svgs) =>
        svgs.map((svg) => {
          const box = svg.getBoundingClientRect();
          const sized = [...svg.querySelectorAll('rect, line, text')].filter((el) => {
            const b = (el as unknown as Boxed).getBBox();
            return b.width > 0 || b.height > 0;
          });
          return { id: svg.id, width: box.width, height: box.height, rects: svg.querySelectorAll('rect').length, sized: sized.length };
        }),
      );
      expect(charts.map((c) => c.id)).toEqual(['chart-contributions', 'chart-rates', 'chart-age-mix', 'chart-dose1-months']);
      for (const c of charts) {
        expect(c.width, c.id).toBeGreaterThan(100);
        expect(c.height, c.id).toBeGreaterThan(20);
        expect(c.rects, c.id).toBeGreaterThan(0);
        expect(c.sized, c.id).toBeGreaterThan(c.rects);
      }
      // Bars have size.
      const bars = await page.$$eval('svg rect', (rs) => rs.map((r) => (r as unknown as Boxed).getBBox()).filter((b) => b.width > 0 && b.height > 0).length);
      expect(bars).toBe(charts.reduce((s, c) => s + c.rects, 0));

      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'html-report.png'), fullPage: true });
      await page.emulateMedia({ media: 'print' });
      await page.pdf({ path: join(ARTIFACTS, 'html-report.pdf'), format: 'A4', printBackground: true });
      expect(statSync(join(ARTIFACTS, 'html-report.pdf')).size).toBeGreaterThan(10_000);

      expect(requests).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a control page that loads an external image does make a request (the listener works)', async () => {
    if (!HAVE) throw new Error(`CI=true but ${CHROMIUM} is missing`);
    const profile = mkdtempSync(join(tmpdir(), 'leakcheck-chromium-'));
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS });
    try {
      const page = await context.newPage();
      const requests: string[] = [];
      page.on('request', (req) => {
        if (!/^(data|file|about):/.test(req.url())) requests.push(req.url());
      });
      await page.route('**/*', (route) => (route.request().url().startsWith('http') ? route.abort() : route.continue()));
      const control = join(mkdtempSync(join(tmpdir(), 'leakcheck-html-')), 'control.html');
      writeFileSync(control, '<!doctype html><img src="http://example.invalid/x.png">');
      await page.goto(pathToFileURL(control).href, { waitUntil: 'load' });
      expect(requests).toEqual(['http://example.invalid/x.png']);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
