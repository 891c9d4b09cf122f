// Privacy: no report shows a sample's identifiers, mobile numbers or names unmasked unless --reveal asks for it.
// Every fixture goes through every report format (terminal, JSON, Markdown, HTML) and through fingerprint and
// compare; the personal values the sample holds (read with the same mapping analyze uses) must not appear.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze.js';
import { compareFingerprints, renderComparison } from '../src/dedupe/compare.js';
import { HmacKeyHash, serializeFingerprint } from '../src/dedupe/fingerprint.js';
import { fingerprintSample } from '../src/dedupe/load.js';
import { FIELD_BY_ID, fieldForHeader } from '../src/fields.js';
import { renderHtml } from '../src/reporters/html.js';
import { renderJson } from '../src/reporters/json.js';
import { renderMarkdown } from '../src/reporters/markdown.js';
import { renderTerminal } from '../src/reporters/terminal.js';
import { defineCheck, type Report } from '../src/types.js';
import { ROOT, runCli } from './support/cli.js';

const FIXTURES = join(ROOT, 'fixtures');
const files = [
  ...readdirSync(FIXTURES).filter((f) => /\.(csv|tsv|json)$/.test(f)),
  ...readdirSync(join(FIXTURES, 'public')).filter((f) => f.endsWith('.json')).map((f) => `public/${f}`),
];
const AS_OF = new Date(Date.UTC(2026, 0, 1));

/** Whether a value is already masked in the sample (XXXXXX1234): showing it hides nothing more. */
const alreadyMasked = (v: string): boolean => /[Xx*•]{3,}/.test(v);

interface Personal {
  /** Identifiers and contacts (ids, mobiles, e-mails, addresses): full value, and the part before the last 4. */
  ids: Set<string>;
  /** Full names. */
  names: Set<string>;
  /** Words of names (5 letters or more) that no non-personal value of the sample holds. */
  words: Set<string>;
}

/** The personal values of a sample, as the pipeline maps them (fields and nested arrays). */
async function personalValues(path: string): Promise<Personal> {
  const out: Personal = { ids: new Set(), names: new Set(), words: new Set() };
  const publicWords = new Set<string>();
  const add = (field: string | undefined, value: string): void => {
    const def = field ? FIELD_BY_ID.get(field) : undefined;
    const v = value.trim();
    if (!def?.personal) {
      for (const w of v.split(/[^\p{L}]+/u)) publicWords.add(w.toLowerCase());
      return;
    }
    if (alreadyMasked(v)) return;
    if (def.kind === 'name') {
      if (v.length >= 4 && /\s/.test(v)) out.names.add(v);
      for (const w of v.split(/[^\p{L}]+/u)) if ([...w].length >= 5) out.words.add(w);
    } else if ((def.kind === 'id' || def.kind === 'contact') && v.length >= 8) out.ids.add(v);
  };
  const collect = defineCheck({
    meta: { id: 'collect', category: 'structure', severity: 'info', description: 'collects personal values', messages: {} },
    create: () => ({
      record(rec) {
        for (const [field, value] of Object.entries(rec.fields)) if (value !== undefined) add(field, value);
        for (const [, items] of rec.nested ?? []) for (const m of items) for (const [k, v] of m) add(fieldForHeader(k), v);
      },
      finish() {},
    }),
  });
  await analyze(path, { checks: [collect], asOf: AS_OF, deterministic: true });
  for (const w of out.words) if (publicWords.has(w.toLowerCase())) out.words.delete(w);
  return out;
}

/** Personal values shown in `text`: a full value, or an identifier's digits before its last four. */
function leaks(text: string, p: Personal): string[] {
  const found: string[] = [];
  for (const id of p.ids) {
    if (text.includes(id)) found.push(id);
    else if (id.length >= 10 && /^\d+$/.test(id) && text.includes(id.slice(0, -4))) found.push(`${id.slice(0, -4)}…`);
  }
  for (const name of p.names) if (text.includes(name)) found.push(name);
  const words = new Set(text.split(/[^\p{L}]+/u));
  for (const w of p.words) if (words.has(w)) found.push(w);
  return found;
}

const renderings = (r: Report): Record<string, string> => ({
  terminal: renderTerminal(r, { color: false, all: true }),
  json: renderJson(r),
  markdown: renderMarkdown(r),
  html: renderHtml(r),
});

describe('no unmasked identifier, mobile number or name in any output', () => {
  it('finds fixtures to audit, with personal values in them', async () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
    const p = await personalValues(join(FIXTURES, 'beneficiaries.csv'));
    expect(p.ids.size).toBeGreaterThanOrEqual(300);
    expect(p.names.size).toBeGreaterThan(100);
  });

  it.each(files)('%s: terminal, JSON, Markdown and HTML reports are masked; --reveal shows the values', async (name) => {
    const path = join(FIXTURES, name);
    const personal = await personalValues(path);
    const masked = await analyze(path, { asOf: AS_OF, deterministic: true });
    for (const [format, text] of Object.entries(renderings(masked))) expect(leaks(text, personal), `${name} ${format}`).toEqual([]);

    // --reveal shows what masking hid: every example value of a personal field appears as the sample has it.
    const revealed = await analyze(path, { asOf: AS_OF, deterministic: true, reveal: true });
    const shownPersonal = revealed.checks
      .flatMap((c) => c.examples)
      .filter((e) => e.value && e.field && FIELD_BY_ID.get(e.field)?.personal && !alreadyMasked(e.value) && e.value.length >= 8);
    for (const e of shownPersonal) expect(renderJson(revealed)).toContain(JSON.stringify(e.value));
    const json = renderJson(revealed);
    if (shownPersonal.some((e) => personal.ids.has(e.value!) || personal.names.has(e.value!))) {
      expect(leaks(json, personal).length).toBeGreaterThan(0);
    }
  });

  it('a headerless file: its first row is read as data, not shown as column names', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leakcheck-privacy-'));
    try {
      const lines = readFileSync(join(FIXTURES, 'beneficiaries.csv'), 'utf8').split('\n');
      const path = join(dir, 'headerless.csv');
      writeFileSync(path, lines.slice(1).join('\n'));
      const [ref, name] = lines[1].split(',');
      const r = await analyze(path, { asOf: AS_OF, deterministic: true });
      expect(r.input.header).toBe(false);
      expect(r.input.rows).toBe(lines.slice(1).filter((l) => l.trim()).length);
      const personal: Personal = { ids: new Set([ref]), names: new Set([name]), words: new Set() };
      for (const [format, text] of Object.entries(renderings(r))) expect(leaks(text, personal), format).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // The same people in the other shapes a leak comes in: as records, and as lists whose first line or keys are
  // people (read as data, never as column names).
  it.each([
    ['bot replies (key-value text)', 'b.txt', (keys: string[], rows: string[][]) => rows.map((r) => r.map((v, k) => `${keys[k]}: ${v}`).join('\n')).join('\n\n')],
    [
      'an exported Telegram chat (result.json)',
      'result.json',
      (keys: string[], rows: string[][]) =>
        JSON.stringify({
          name: 'bot',
          type: 'bot_chat',
          messages: rows.map((r, i) => ({ id: i, type: 'message', date: '2023-06-12T10:00:00', text_entities: r.map((v, k) => ({ type: 'plain', text: `${keys[k]}: ${v}\n` })) })),
        }),
    ],
    ['an SQL dump', 'b.sql', (keys: string[], rows: string[][]) => `INSERT INTO t (${keys.join(',')}) VALUES ${rows.map((r) => `(${r.map((v) => `'${v}'`).join(',')})`).join(',\n')};`],
    ['names, one per line', 'names.txt', (_: string[], rows: string[][]) => rows.map((r) => r[1]).join('\n')],
    ['`name: mobile` lines', 'pairs.txt', (keys: string[], rows: string[][]) => rows.map((r) => `${r[1]}: ${r[keys.indexOf('mobile_number')]}`).join('\n')],
  ])('%s: the reports show no personal value', async (_, file, write) => {
    const dir = mkdtempSync(join(tmpdir(), 'leakcheck-privacy-'));
    try {
      const [header, ...lines] = readFileSync(join(FIXTURES, 'beneficiaries.csv'), 'utf8').trimEnd().split('\n');
      const keys = header.split(',');
      expect(keys[1]).toBe('name');
      const path = join(dir, file);
      writeFileSync(path, `${write(keys, lines.map((l) => l.split(',')))}\n`);
      const personal = await personalValues(join(FIXTURES, 'beneficiaries.csv'));
      const r = await analyze(path, { asOf: AS_OF, deterministic: true });
      expect(r.input.rows).toBeGreaterThanOrEqual(lines.length);
      for (const [format, text] of Object.entries(renderings(r))) expect(leaks(text, personal), format).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the fixtures with personal findings do show them with --reveal (the test above can see a leak)', async () => {
    let revealedSome = 0;
    for (const name of ['beneficiaries-broken.csv', 'fabricated-faker.csv', 'telegram-bot-broken.csv', 'vaccinator-export-broken.csv']) {
      const path = join(FIXTURES, name);
      const personal = await personalValues(path);
      const r = await analyze(path, { asOf: AS_OF, deterministic: true, reveal: true });
      revealedSome += leaks(renderJson(r), personal).length;
    }
    expect(revealedSome).toBeGreaterThan(0);
  });

  it('fingerprint and compare output carry no personal value', async () => {
    const kh = new HmacKeyHash(Buffer.from('privacy-test-key'));
    const a = join(FIXTURES, 'beneficiaries.csv');
    const b = join(FIXTURES, 'fabricated-padded.csv');
    const pa = await personalValues(a);
    const pb = await personalValues(b);
    const fa = await fingerprintSample(a, kh);
    const fb = await fingerprintSample(b, kh);
    const text = serializeFingerprint(fa) + serializeFingerprint(fb);
    const c = compareFingerprints(fa, fb, { path: a, kind: 'sample', rows: fa.rows }, { path: b, kind: 'sample', rows: fb.rows });
    const out = text + renderComparison(c) + JSON.stringify(c);
    expect(leaks(out, pa)).toEqual([]);
    expect(leaks(out, pb)).toEqual([]);
  });

  it('the CLI prints the same masked report (terminal and JSON, exit 0), and --reveal unmasks it', async () => {
    const path = join(FIXTURES, 'telegram-bot-broken.csv');
    const personal = await personalValues(path);
    for (const format of ['terminal', 'json']) {
      const r = runCli(['analyze', path, '--format', format, '--as-of', '2026-01-01', '--all']);
      expect(r.code).toBe(0);
      expect(leaks(r.stdout + r.stderr, personal)).toEqual([]);
    }
    const revealed = runCli(['analyze', path, '--format', 'json', '--as-of', '2026-01-01', '--reveal']);
    expect(leaks(revealed.stdout, personal).length).toBeGreaterThan(0);
  });
});
