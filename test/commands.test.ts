// The reference commands: checks, explain, profiles.
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../src/checks/index.js';
import { renderExplain } from '../src/commands.js';
import { BASELINES } from '../src/evidence.js';
import { PROFILES } from '../src/profiles.js';
import { runCli } from './support/cli.js';

describe('leakcheck checks', () => {
  it('lists every check once, with its category and one line', () => {
    const r = runCli(['checks']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    for (const c of CHECKS) {
      const line = lines.filter((l) => l.startsWith(`${c.meta.id} `));
      expect(line, c.meta.id).toHaveLength(1);
      expect(line[0]).toMatch(new RegExp(`^${c.meta.id} +${c.meta.category} +\\S`));
      expect(line[0]).toContain(c.meta.description);
    }
    expect(r.stdout).toContain(`${CHECKS.length} checks.`);
  });
});

describe('leakcheck explain', () => {
  it('says what a check tests, why, its baselines and their sources', () => {
    const meta = CHECKS.find((c) => c.meta.id === 'aadhaar-checksum')!.meta;
    const base = BASELINES.get('aadhaar-checksum')!;
    const r = runCli(['explain', 'aadhaar-checksum']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Tests: ${meta.description}`);
    expect(r.stdout).toContain(`Why it matters: ${meta.docs!.why}`);
    expect(r.stdout).toContain(meta.docs!.baseline!);
    expect(r.stdout).toContain(`source: ${base.source}`);
    expect(r.stdout).toMatch(/genuine CoWin data: about 0\.5%; in fabricated data: about 90%/);
    for (const s of meta.docs!.sources!) expect(r.stdout).toContain(`  - ${s}`);
  });

  it('explains every check without error', () => {
    for (const c of CHECKS) {
      const text = renderExplain(c.meta.id);
      expect(text.startsWith(`${c.meta.id}  (${c.meta.category}, ${c.meta.severity})`), c.meta.id).toBe(true);
      expect(text).toContain(`Tests: ${c.meta.description}`);
      const base = BASELINES.get(c.meta.id);
      if (base) expect(text).toContain(`source: ${base.source}`);
      else if (!c.meta.docs?.baseline) expect(text).toContain('does not weigh in the score');
    }
  });

  it('an unknown id exits 2 with one line', () => {
    const r = runCli(['explain', 'no-such-check\u001b[31m']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('leakcheck: unknown check "no-such-check\\x1b[31m" (leakcheck checks lists them)\n');
  });

  it('a missing id is a usage error', () => {
    expect(runCli(['explain']).code).toBe(2);
  });
});

describe('leakcheck profiles', () => {
  it('lists every known CoWin format with its fields', () => {
    const r = runCli(['profiles']);
    expect(r.code).toBe(0);
    for (const p of PROFILES) {
      expect(r.stdout).toContain(`${p.id}: ${p.title}`);
      const block = r.stdout.slice(r.stdout.indexOf(`${p.id}: `));
      const fields = block.split('\n').find((l) => l.startsWith('  fields: '))!;
      for (const [slot] of p.core) expect(fields).toContain(typeof slot === 'string' ? slot : slot.join(' or '));
    }
  });
});

describe('help', () => {
  it('names the new commands and options', () => {
    const top = runCli(['--help']);
    for (const c of ['checks', 'explain', 'profiles', 'schema']) expect(top.stdout).toMatch(new RegExp(`^  ${c}\\b`, 'm'));
    const a = runCli(['analyze', '--help']);
    expect(a.stdout).toContain('"markdown"');
    expect(a.stdout).toContain('"html"');
    expect(a.stdout).toContain('--config <file>');
  });
});
