// --engine duckdb: the cross-record checks computed by DuckDB out of core give the memory engine's findings,
// reach no network, keep sample values out of the SQL text, and leave no temporary directory behind.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyze, type AnalyzeOptions } from '../../src/analyze.js';
import { CHECKS } from '../../src/checks/index.js';
import { dayNumber } from '../../src/dates.js';
import { DUCKDB_PACKAGE, ENGINE_PARTS, loadDuckDB } from '../../src/engines/duckdb.js';
import { DuckStore, memoryLimit } from '../../src/engines/duckdb-store.js';
import { InputError, UsageError } from '../../src/errors.js';
import { fullRow } from '../../src/synth/padded.js';
import { dmy, people, type Person } from '../../src/synth/people.js';
import { Random } from '../../src/synth/random.js';
import { toDelimited, type Row } from '../../src/synth/samples.js';
import { defineCheck, type Report } from '../../src/types.js';
import { verhoeffCheckDigit } from '../../src/validators/aadhaar.js';
import { BIN, ROOT, parseReport, runCli } from '../support/cli.js';

const ENGINE_IDS = new Set(ENGINE_PARTS.map((p) => p.id));
/** The package is optional: without it (npm install --omit=optional) only the test of that answer runs. */
const INSTALLED = ((): boolean => {
  try {
    createRequire(import.meta.url).resolve(DUCKDB_PACKAGE);
    return true;
  } catch {
    return false;
  }
})();
const AS_OF = new Date('2026-01-01T00:00:00Z');
const NO_NETWORK = join(ROOT, 'test', 'support', 'no-network.mjs');
const HIDE_DUCKDB = join(ROOT, 'test', 'engines', 'hide-duckdb.mjs');

const dir = mkdtempSync(join(tmpdir(), 'leakcheck-engine-test-'));
let n = 0;
function file(name: string, content: string | Buffer): string {
  const d = join(dir, `f${++n}`);
  mkdirSync(d);
  const path = join(d, name);
  writeFileSync(path, content);
  return path;
}

async function both(path: string, opts: AnalyzeOptions = {}): Promise<{ memory: Report; duckdb: Report }> {
  const base: AnalyzeOptions = { asOf: AS_OF, deterministic: true, ...opts };
  return { memory: await analyze(path, { ...base, engine: 'memory' }), duckdb: await analyze(path, { ...base, engine: 'duckdb' }) };
}

function engineChecks(r: Report) {
  return r.checks.filter((c) => ENGINE_IDS.has(c.id));
}

/** Every sample under fixtures/ (data files, as the fixtures test reads them). */
function fixtureSamples(): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(csv|tsv|json|ndjson)(\.gz)?$/.test(e.name)) out.push(relative(ROOT, p));
    }
  };
  walk(join(ROOT, 'fixtures'));
  return out.sort();
}

// ---------------------------------------------------------------------------------------------------------
// A synthetic sample where every engine check finds something: exact copies, near copies, repeated ids,
// Aadhaar check-digit variants, ids under other people, numbers shared by too many people (some of them
// repeated past the 7th), sessions and appointments at other centres, and hostile text in ids and names.

function withCheckDigit(payload: string, other: boolean): string {
  const d = verhoeffCheckDigit(payload);
  return payload + String(other ? (d + 3) % 10 : d);
}

function exportRow(p: Person, extra: { session?: string; appointment?: string; center?: string; dose?: string; certificate?: string } = {}): Row {
  return [
    ...fullRow(p),
    ['photo_id_type', p.photoIdType],
    ['photo_id_number', p.photoIdNumber],
    ['center_id', extra.center ?? String(p.centerId)],
    ['session_id', extra.session ?? ''],
    ['appointment_id', extra.appointment ?? ''],
    ['certificate_id', extra.certificate ?? ''],
    ['dose', extra.dose ?? ''],
  ];
}

function syntheticSample(seed = 11, size = 1500): string {
  const r = new Random(seed);
  const folk = people(r, size, { asOf: dayNumber(2022, 12, 31) });
  const uuid = (): string => {
    const h = (k: number): string => Array.from({ length: k }, () => '0123456789abcdef'[r.int(0, 15)]).join('');
    return `${h(8)}-${h(4)}-4${h(3)}-a${h(3)}-${h(12)}`;
  };
  const sessions = Array.from({ length: 60 }, uuid);
  const rows: Row[] = folk.map((p, i) =>
    exportRow(p, { session: sessions[i % sessions.length], appointment: i % 3 === 0 ? uuid() : '', certificate: String(10_000_000_000 + i * 7) }),
  );
  const set = (row: Row, key: string, value: string): Row => row.map(([k, v]) => [k, k === key ? value : v]);
  // Exact copies.
  for (let i = 0; i < 120; i++) rows.push(rows[r.int(0, size - 1)].map(([k, v]) => [k, v]));
  // Near copies: the same person, the name re-cased and re-spaced, a new reference id.
  for (let i = 0; i < 60; i++) {
    const p = folk[r.int(0, size - 1)];
    rows.push(exportRow({ ...p, name: p.name.toUpperCase().replace(' ', '  '), refId: String(r.int(10 ** 13, 10 ** 14 - 1)) }));
  }
  // Ids under other people: a reference id, an Aadhaar number, a PAN with another name, birth year or mobile.
  for (let i = 0; i < 80; i++) {
    const a = folk[r.int(0, size - 1)];
    const b = folk[r.int(0, size - 1)];
    const which = i % 4;
    const p = which === 0 ? { ...b, refId: a.refId } : which === 1 ? { ...b, aadhaar: a.aadhaar, refId: String(r.int(10 ** 13, 10 ** 14 - 1)) } : which === 2 ? { ...a, birthYear: a.birthYear + 3, dose1: null, dose2: null } : { ...a, mobile: b.mobile };
    rows.push(exportRow(p, { dose: i % 5 === 0 ? '2' : '' }));
  }
  // Aadhaar numbers differing only in the check digit.
  for (let i = 0; i < 40; i++) {
    const a = folk[r.int(0, size - 1)];
    const b = folk[r.int(0, size - 1)];
    rows.push(exportRow({ ...b, refId: String(r.int(10 ** 13, 10 ** 14 - 1)), aadhaar: withCheckDigit(a.aadhaar.slice(0, 11), true) }));
  }
  // Numbers shared by too many people: 12 on one (people past the 7th each twice), 6 on another.
  const shared = folk[0].mobile;
  for (let i = 0; i < 12; i++) {
    const p = { ...folk[100 + i], mobile: shared };
    rows.push(exportRow(p));
    if (i >= 7) rows.push(exportRow(p, { dose: '2' }));
  }
  for (let i = 0; i < 6; i++) rows.push(exportRow({ ...folk[200 + i], mobile: folk[1].mobile, refId: `${folk[200 + i].refId}` }));
  // Sessions at another centre, appointments for another session.
  for (let i = 0; i < 30; i++) {
    const row = rows[r.int(0, size - 1)];
    rows.push(set(set(row, 'center_id', String(900_000 + i)), 'beneficiary_reference_id', String(r.int(10 ** 13, 10 ** 14 - 1))));
  }
  for (let i = 0; i < size; i += 50) {
    const appointment = new Map(rows[i]).get('appointment_id');
    if (appointment) rows.push(set(set(rows[i + 1], 'appointment_id', appointment), 'session_id', sessions[(i + 7) % sessions.length]));
  }
  // Hostile text: SQL, quotes, control characters and non-ASCII in ids and names, repeated.
  const hostile = [`'); DROP TABLE di_ids; --`, `"x" OR 1=1`, `\u0000\u001b[31mRED\u202e`, `ज्योति' || '`, `$1`, `?`];
  for (const h of hostile) {
    for (let k = 0; k < 2; k++) {
      const p = folk[r.int(0, size - 1)];
      rows.push(exportRow({ ...p, name: `${h} ${p.name}`, refId: `REF${h}123456`, aadhaar: h, photoIdNumber: `${h}ABCDEF` }, { session: h, appointment: `${h}-apt`, certificate: `${h}9999` }));
    }
  }
  // Shuffle (seeded) so copies and repeats come before and after their originals.
  for (let i = rows.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return toDelimited(rows);
}

describe.skipIf(!INSTALLED)('--engine duckdb gives the memory engine findings', () => {
  const samples = fixtureSamples();

  it('finds the fixtures', () => {
    expect(samples.length).toBeGreaterThanOrEqual(19);
  });

  it.each(samples)('%s', async (name) => {
    const path = join(ROOT, name);
    let memory: Report;
    try {
      memory = await analyze(path, { asOf: AS_OF, deterministic: true });
    } catch (err) {
      // A sample analyze refuses is refused alike by both engines.
      expect(err).toBeInstanceOf(InputError);
      await expect(analyze(path, { asOf: AS_OF, deterministic: true, engine: 'duckdb' })).rejects.toBeInstanceOf(InputError);
      return;
    }
    const duckdb = await analyze(path, { asOf: AS_OF, deterministic: true, engine: 'duckdb' });
    expect(engineChecks(duckdb)).toEqual(engineChecks(memory));
    expect(duckdb.verdict).toEqual(memory.verdict);
    expect(duckdb).toEqual(memory);
  });

  it('a sample full of copies, repeated and conflicting ids and shared numbers (every engine check finds something)', async () => {
    const path = file('synthetic.csv', syntheticSample());
    const { memory, duckdb } = await both(path);
    const found = Object.fromEntries(engineChecks(memory).map((c) => [c.id, c.violations]));
    for (const id of ENGINE_IDS) expect(found[id], id).toBeGreaterThan(0);
    // Several kinds and fields behind each check's findings, more of them than the examples shown.
    expect(found['duplicate-ids']).toBeGreaterThan(5);
    expect(found['id-conflict']).toBeGreaterThan(5);
    const ids = memory.checks.find((c) => c.id === 'duplicate-ids')!;
    expect(ids.data).toMatchObject({ checkDigitVariants: expect.any(Number) });
    expect(ids.data!.checkDigitVariants).toBeGreaterThan(0);
    expect(memory.checks.find((c) => c.id === 'duplicate-rows')!.data).toMatchObject({ exactDuplicates: expect.any(Number), nearDuplicates: expect.any(Number) });
    expect(engineChecks(duckdb)).toEqual(engineChecks(memory));
    expect(duckdb).toEqual(memory);
  });

  it('unusual values: lone surrogates, long names, ids of every shape, doses of every form, nested appointments', async () => {
    // JSON escapes can give strings no UTF-8 text holds (a lone surrogate); two such ids differ.
    const r = new Random(21);
    const folk = people(r, 300, { asOf: dayNumber(2022, 12, 31) });
    const ids = ['\ud800\ud800123456', '\udc00\ud800123456', '000123456789', '123456789', '1234567890123456789', '12345678901234', '2345 6789 0124', '2345-6789-0124', 'ABCPK1234D', 'abcpk1234d', '\u0000abc123456', '"\u0000abc123456"'];
    const doses = ['', '1', '2', '01', 'Dose 2', '2.0', '\ud800'];
    const long = 'Venkata Lakshmi Narasimha Satyanarayana Murthy Subrahmanyam';
    const lines: string[] = [];
    for (let i = 0; i < 900; i++) {
      const p = folk[i % folk.length];
      const id = ids[r.int(0, ids.length - 1)];
      const rec = {
        beneficiary_reference_id: r.chance(0.3) ? id : p.refId,
        name: i % 7 === 0 ? `${long} ${p.name}` : i % 11 === 0 ? `${p.name}\ud800` : p.name,
        birth_year: String(p.birthYear + (r.chance(0.1) ? 1 : 0)),
        gender: p.gender,
        mobile_number: r.chance(0.2) ? folk[0].mobile : p.mobile,
        aadhaar_number: r.chance(0.3) ? id : r.chance(0.2) ? withCheckDigit(folk[r.int(0, 9)].aadhaar.slice(0, 11), r.chance(0.5)) : p.aadhaar,
        pan_number: r.chance(0.2) ? id : '',
        dose: doses[r.int(0, doses.length - 1)],
        dose1_date: dmy(p.dose1),
        vaccination_date: dmy(p.dose2 ?? p.dose1),
        district_name: p.district,
        appointments: [{ appointment_id: ids[r.int(0, ids.length - 1)] }, { appointment_id: `apt-${r.int(0, 50)}` }],
      };
      lines.push(JSON.stringify(rec));
      if (i % 9 === 0) lines.push(JSON.stringify(rec)); // an exact copy
    }
    const path = file('unusual.json', `{"beneficiaries": [\n${lines.join(',\n')}\n]}\n`);
    const { memory, duckdb } = await both(path);
    const found = Object.fromEntries(engineChecks(memory).map((c) => [c.id, c.violations]));
    for (const id of ['duplicate-rows', 'duplicate-ids', 'id-conflict', 'mobile-limit']) expect(found[id], id).toBeGreaterThan(0);
    expect(duckdb).toEqual(memory);
  });

  it('the same with a row limit, a profile forced and another as-of day', async () => {
    const path = file('synthetic2.csv', syntheticSample(12, 700));
    for (const opts of [{ limit: 333 }, { profile: 'cowin-vaccinator-export' }, { asOf: new Date('2021-09-01T00:00:00Z') }] as AnalyzeOptions[]) {
      const { memory, duckdb } = await both(path, opts);
      expect(duckdb).toEqual(memory);
    }
  });

  it('only the engine checks asked for run, in the order asked, beside the others', async () => {
    const path = file('synthetic3.csv', syntheticSample(13, 400));
    const checks = [...CHECKS].reverse().filter((c, i) => i % 2 === 0 || ENGINE_IDS.has(c.meta.id)).filter((c) => c.meta.id !== 'id-conflict');
    const { memory, duckdb } = await both(path, { checks });
    expect(duckdb.checks.map((c) => c.id)).toEqual(checks.map((c) => c.meta.id));
    expect(duckdb).toEqual(memory);
  });
});

describe.skipIf(!INSTALLED)('the DuckDB database', () => {
  let prev: string | undefined;
  let root: string;
  beforeEach(() => {
    prev = process.env.TMPDIR;
    root = mkdtempSync(join(dir, 'tmp-'));
    process.env.TMPDIR = root;
  });
  afterEach(() => {
    if (prev === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = prev;
  });

  it('lives in a fresh directory under the temporary directory, removed after the run', async () => {
    expect(tmpdir()).toBe(root);
    const path = file('s.csv', syntheticSample(14, 300));
    await analyze(path, { asOf: AS_OF, engine: 'duckdb' });
    expect(readdirSync(root)).toEqual([]);
  });

  it('is removed when a check fails mid-run too', async () => {
    const path = file('s.csv', syntheticSample(15, 300));
    const boom = defineCheck({
      meta: { id: 'boom', category: 'structure', severity: 'info', description: 'fails', messages: {} },
      create: () => ({
        record(rec) {
          if (rec.row === 200) throw new Error('boom');
        },
        finish() {},
      }),
    });
    await expect(analyze(path, { asOf: AS_OF, engine: 'duckdb', checks: [...CHECKS, boom] })).rejects.toThrow('boom');
    expect(readdirSync(root)).toEqual([]);
  });

  it('never reaches the network: no extension installed or loaded, no external access, configuration locked', async () => {
    const store = await DuckStore.open(await loadDuckDB(), [], { memoryLimit: '300MB' });
    try {
      expect(store.dir.startsWith(join(root, 'leakcheck-duckdb-'))).toBe(true);
      const [s] = await store.db.rows(
        `SELECT current_setting('autoinstall_known_extensions') AS install, current_setting('autoload_known_extensions') AS load,
          current_setting('enable_external_access') AS external, current_setting('lock_configuration') AS locked,
          current_setting('temp_directory') AS spill`,
      );
      expect(s).toMatchObject({ install: false, load: false, external: false, locked: true });
      expect(String(s.spill).startsWith(store.dir)).toBe(true);
      await expect(store.db.run('SET enable_external_access = true')).rejects.toThrow(/locked/);
      await expect(store.db.run(`SELECT * FROM read_csv('${join(ROOT, 'fixtures', 'beneficiaries.csv')}')`)).rejects.toThrow(/disabled/);
      await expect(store.db.run(`INSTALL httpfs`)).rejects.toThrow();
      await expect(store.db.run(`SELECT * FROM 'https://example.com/x.csv'`)).rejects.toThrow();
    } finally {
      store.dispose();
    }
    expect(readdirSync(root)).toEqual([]);
  });

  it('uses a quarter of the memory unless LEAKCHECK_DUCKDB_MEMORY says otherwise', () => {
    expect(memoryLimit(undefined)).toMatch(/^\d+MiB$/);
    expect(memoryLimit('2GB')).toBe('2GB');
    expect(() => memoryLimit("1GB'; DROP TABLE x")).toThrow(UsageError);
  });
});

describe.skipIf(!INSTALLED)('leakcheck analyze --engine duckdb (the built CLI)', () => {
  /** `analyze --format json --deterministic` on the built CLI, with `--import preload` when given. */
  const report = (args: string[], env: Record<string, string> = {}, preload?: string): { report: Report; stderr: string } => {
    const argv = ['analyze', ...args, '--format', 'json', '--deterministic', '--as-of', '2026-01-01'];
    const r = spawnSync(process.execPath, [...(preload ? ['--import', preload] : []), BIN, ...argv], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...env } as NodeJS.ProcessEnv,
      maxBuffer: 64 * 1024 * 1024,
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(0);
    return { report: parseReport(r.stdout), stderr: r.stderr };
  };

  it('writes the JSON report the default engine writes, on one thread and on two', () => {
    const path = file('cli.csv', syntheticSample(16, 1200));
    for (const threads of ['1', '2']) {
      const env = { LEAKCHECK_THREADS: threads };
      const memory = report([path], env).report;
      const duckdb = report([path, '--engine', 'duckdb'], env).report;
      expect(duckdb).toEqual(memory);
      expect(report([path, '--engine', 'memory'], env).report).toEqual(memory);
    }
  });

  it('reaches no network (every Node networking API made to throw)', () => {
    const path = file('net.csv', syntheticSample(17, 300));
    const { report: r, stderr } = report([path, '--engine', 'duckdb'], {}, NO_NETWORK);
    expect(stderr).not.toMatch(/NO-NETWORK|network access blocked/);
    expect(r.checks.find((c) => c.id === 'duplicate-rows')!.violations).toBeGreaterThan(0);
  });

  it('an unknown engine is a usage error', () => {
    const r = runCli(['analyze', join(ROOT, 'fixtures', 'beneficiaries.csv'), '--engine', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const [first, ...rest] = r.stderr.trim().split('\n');
    expect(first).toMatch(/--engine <engine>' argument 'nope' is invalid\. Allowed choices are memory, duckdb/);
    // Commander's hint, as for any option it rejects (--format nope alike).
    expect(rest).toEqual(['(run with --help for usage)']);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('leaves no directory behind, also when interrupted', async () => {
    const root = mkdtempSync(join(dir, 'tmp-cli-'));
    const path = file('small.csv', syntheticSample(18, 300));
    report([path, '--engine', 'duckdb'], { TMPDIR: root });
    expect(readdirSync(root)).toEqual([]);
    // A larger sample, interrupted while its database is being filled.
    const big = file('bigger.csv', bigSample(400_000));
    const child = spawn(process.execPath, [BIN, 'analyze', big, '--engine', 'duckdb', '--quiet'], { cwd: ROOT, env: { ...process.env, TMPDIR: root } });
    let running = true;
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => {
        running = false;
        resolve(signal);
      }),
    );
    const t0 = Date.now();
    while (readdirSync(root).length === 0 && Date.now() - t0 < 30_000) await new Promise((r) => setTimeout(r, 20));
    expect(readdirSync(root)[0]).toMatch(/^leakcheck-duckdb-/);
    await new Promise((r) => setTimeout(r, 500));
    expect(running).toBe(true);
    child.kill('SIGINT');
    expect(await exited).toBe('SIGINT');
    expect(readdirSync(root)).toEqual([]);
  });
});

describe('leakcheck analyze --engine duckdb without the optional package', () => {
  it('without the optional package: one line naming it, exit 2', () => {
    const r = spawnSync(process.execPath, ['--import', HIDE_DUCKDB, BIN, 'analyze', join(ROOT, 'fixtures', 'beneficiaries.csv'), '--engine', 'duckdb'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`leakcheck: --engine duckdb needs the optional package ${DUCKDB_PACKAGE}: npm install ${DUCKDB_PACKAGE}\n`);
    // The default engine does not need it.
    const ok = spawnSync(process.execPath, ['--import', HIDE_DUCKDB, BIN, 'analyze', join(ROOT, 'fixtures', 'beneficiaries.csv'), '--quiet'], { cwd: ROOT, encoding: 'utf8' });
    expect(ok.status, ok.stderr).toBe(0);
    // A config file can choose the engine; --engine on the command line wins.
    const config = file('leakcheck.config.json', JSON.stringify({ engine: 'duckdb' }));
    const run = (...extra: string[]) =>
      spawnSync(process.execPath, ['--import', HIDE_DUCKDB, BIN, 'analyze', join(ROOT, 'fixtures', 'beneficiaries.csv'), '--quiet', '--config', config, ...extra], { cwd: ROOT, encoding: 'utf8' });
    expect(run().stderr).toMatch(/--engine duckdb needs the optional package/);
    expect(run('--engine', 'memory').status).toBe(0);
  });
});

/** Beneficiary-like rows, quickly (the interruption test needs a run of a few seconds). */
function bigSample(rows: number): string {
  const out = ['beneficiary_reference_id,name,birth_year,gender,mobile_number,aadhaar_number,dose1_date'];
  for (let i = 0; i < rows; i++) out.push(`${10 ** 13 + i * 7919},Person ${i % 5000},${1950 + (i % 50)},${i % 2 ? 'Male' : 'Female'},${9_000_000_000 + i},${2 * 10 ** 11 + i * 13},0${1 + (i % 9)}-06-2021`);
  return `${out.join('\n')}\n`;
}
