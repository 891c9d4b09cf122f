// leakcheck.config.json: validation with one-line messages, and its settings applied by the CLI.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configuredChecks, parseConfig } from '../src/config.js';
import { CHECKS } from '../src/checks/index.js';
import { UsageError } from '../src/errors.js';
import { BIN, parseReport, ROOT, runCli, tempFile } from './support/cli.js';

const FAKER = join(ROOT, 'fixtures/fabricated-faker.csv');

function configFile(config: unknown): string {
  return tempFile('leakcheck.config.json', typeof config === 'string' ? config : JSON.stringify(config));
}

describe('parseConfig', () => {
  it('accepts every setting', () => {
    const c = parseConfig(JSON.stringify({ checks: { 'pan-format': 'off', 'enriched-fields': 'error' }, failOn: ['likely-genuine', 'enriched'], limit: 10, asOf: '2024-01-01', engine: 'duckdb' }), 'f');
    expect(c.limit).toBe(10);
  });

  it.each([
    ['{', /^f: not valid JSON/],
    [{ colour: true }, /^f: unknown setting "colour" \(known: checks, failOn, limit, asOf, engine\)$/],
    [{ engine: 'sqlite' }, /^f: engine must be one of memory, duckdb$/],
    [{ checks: { 'no-such': 'off' } }, /^f: checks: unknown check "no-such" \(leakcheck checks lists them\)$/],
    [{ checks: { 'pan-format': 'loud' } }, /^f: checks\.pan-format must be one of off, error, warning, info$/],
    [{ failOn: ['fabricated'] }, /^f: failOn\.0 must be one of likely-genuine, /],
    [{ limit: 0 }, /^f: limit must be >= 1$/],
    [{ limit: 'ten' }, /^f: limit must be integer$/],
    [{ asOf: '01-01-2024' }, /^f: asOf must be a date as YYYY-MM-DD$/],
    [{ asOf: '2024-02-31' }, /^f: asOf must be a date as YYYY-MM-DD$/],
  ])('rejects %j', (config, message) => {
    const text = typeof config === 'string' ? config : JSON.stringify(config);
    let err: unknown;
    try {
      parseConfig(text, 'f');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toContain('\n');
  });

  it('turns checks off and overrides severities without touching the registry', () => {
    const checks = configuredChecks({ checks: { 'pan-format': 'off', 'enriched-fields': 'error' } })!;
    expect(checks.map((c) => c.meta.id)).toEqual(CHECKS.map((c) => c.meta.id).filter((id) => id !== 'pan-format'));
    expect(checks.find((c) => c.meta.id === 'enriched-fields')!.meta.severity).toBe('error');
    expect(CHECKS.find((c) => c.meta.id === 'enriched-fields')!.meta.severity).not.toBe('error');
    expect(configuredChecks({})).toBeUndefined();
  });
});

describe('the CLI with a config', () => {
  it('an invalid config exits 2 with one line', () => {
    const f = configFile({ checks: { 'pan-format': 'loud' } });
    const r = runCli(['analyze', FAKER, '--config', f]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^leakcheck: .*checks\.pan-format must be one of off, error, warning, info\n$/);
  });

  it('a missing --config file exits 2', () => {
    const r = runCli(['analyze', FAKER, '--config', join(tmpdir(), 'no-such-leakcheck.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^leakcheck: cannot read config .*ENOENT/);
  });

  it('applies checks off, severities, limit, asOf and failOn', () => {
    const base = parseReport(runCli(['analyze', FAKER, '--format', 'json', '--as-of', '2026-01-01']).stdout);
    expect(base.checks.find((c) => c.id === 'enriched-fields')!.status).toBe('warn');
    const f = configFile({ checks: { 'aadhaar-checksum': 'off', 'enriched-fields': 'error' }, limit: 50, asOf: '2021-03-01', failOn: ['likely-fabricated'] });
    const r = runCli(['analyze', FAKER, '--format', 'json', '--config', f]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--fail-on matched: likely-fabricated');
    const report = parseReport(r.stdout);
    expect(report.checks.map((c) => c.id)).not.toContain('aadhaar-checksum');
    expect(report.checks).toHaveLength(base.checks.length - 1);
    const enriched = report.checks.find((c) => c.id === 'enriched-fields')!;
    expect([enriched.severity, enriched.status]).toEqual(['error', 'fail']);
    expect(report.input.rows).toBe(50);
    // asOf 2021-03-01: doses after it are impossible, so dose-dates finds some it did not before.
    expect(report.checks.find((c) => c.id === 'dose-dates')!.data!.afterAsOf).toBeGreaterThan(0);
    expect(base.checks.find((c) => c.id === 'dose-dates')!.data!.afterAsOf).toBe(0);
  });

  it('command-line options win over the file', () => {
    const f = configFile({ limit: 50, failOn: ['likely-fabricated'] });
    const r = runCli(['analyze', FAKER, '--format', 'json', '--config', f, '--limit', '20', '--fail-on', 'likely-genuine']);
    expect(r.code).toBe(0);
    expect(parseReport(r.stdout).input.rows).toBe(20);
  });

  it('reads leakcheck.config.json from the current directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leakcheck-cwd-'));
    const run = () =>
      spawnSync(process.execPath, [BIN, 'analyze', FAKER, '--format', 'json'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    writeFileSync(join(dir, 'leakcheck.config.json'), JSON.stringify({ limit: 7 }));
    const r = run();
    expect(r.status).toBe(0);
    expect(parseReport(r.stdout).input.rows).toBe(7);
    writeFileSync(join(dir, 'leakcheck.config.json'), '{"limit": -1}');
    const bad = run();
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('leakcheck: leakcheck.config.json: limit must be >= 1\n');
  });
});
