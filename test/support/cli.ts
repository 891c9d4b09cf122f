// Spawn the built CLI (bin/leakcheck.js -> dist/) the way a user runs it, and validate JSON reports.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import schema from '../../src/report-schema.json' with { type: 'json' };
import type { Report } from '../../src/types.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'leakcheck.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], opts: { input?: string | Buffer; env?: Record<string, string> } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    input: opts.input,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...opts.env } as NodeJS.ProcessEnv,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

/** Parse a JSON report and assert it matches the published schema. */
export function parseReport(stdout: string): Report {
  const report = JSON.parse(stdout) as Report;
  if (!validate(report)) throw new Error(`report does not match its schema: ${JSON.stringify(validate.errors, null, 1)}`);
  return report;
}

/** Run `analyze --format json` and return the validated report. */
export function analyzeJson(args: string[], opts: { input?: string | Buffer } = {}): { code: number; report: Report; stderr: string } {
  const r = runCli(['analyze', ...args, '--format', 'json'], opts);
  if (r.code !== 0 && r.code !== 1) throw new Error(`exit ${r.code}: ${r.stderr}`);
  return { code: r.code, report: parseReport(r.stdout), stderr: r.stderr };
}

/** A temp file holding `content`. */
export function tempFile(name: string, content: string | Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'leakcheck-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
