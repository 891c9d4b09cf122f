// leakcheck.config.json: per-check switches and severities, and defaults for --fail-on, --limit, --as-of and --engine.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { CHECKS } from './checks/index.js';
import { parseIso } from './dates.js';
import { ENGINES, type EngineId } from './engines/duckdb.js';
import { UsageError } from './errors.js';
import { FLAGS, LABELS, type Check, type Severity } from './types.js';

export const CONFIG_FILE = 'leakcheck.config.json';

export interface Config {
  checks?: Record<string, 'off' | Severity>;
  failOn?: string[];
  limit?: number;
  asOf?: string;
  engine?: EngineId;
}

export const CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    checks: {
      type: 'object',
      propertyNames: { enum: CHECKS.map((c) => c.meta.id) },
      additionalProperties: { enum: ['off', 'error', 'warning', 'info'] },
    },
    failOn: { type: 'array', items: { enum: [...LABELS, ...FLAGS] }, uniqueItems: true },
    limit: { type: 'integer', minimum: 1 },
    asOf: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    engine: { enum: ENGINES },
  },
} as const;

/** Compiled on first use: most runs have no config file, and a compile costs every start ~10-30 ms. */
let validate: ValidateFunction<Config> | undefined;

function describe(err: ErrorObject): string {
  const where = err.instancePath ? err.instancePath.slice(1).replace(/\//g, '.') : '';
  switch (err.keyword) {
    case 'additionalProperties':
      return `unknown setting "${(err.params as { additionalProperty: string }).additionalProperty}" (known: checks, failOn, limit, asOf, engine)`;
    case 'propertyNames':
      return `checks: unknown check "${(err.params as { propertyName: string }).propertyName}" (leakcheck checks lists them)`;
    case 'enum':
      return `${where} must be one of ${(err.params as { allowedValues: string[] }).allowedValues.join(', ')}`;
    case 'pattern':
      return `${where} must be a date as YYYY-MM-DD`;
    default:
      return `${where || 'the file'} ${err.message ?? 'is invalid'}`;
  }
}

/** Parse and validate a config file's text; throws UsageError with one line naming the file and the problem. */
export function parseConfig(text: string, file: string): Config {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${file}: not valid JSON (${(err as Error).message})`);
  }
  validate ??= new Ajv({ allErrors: false, strict: true }).compile<Config>(CONFIG_SCHEMA);
  if (!validate(data)) {
    // propertyNames reports the offending name in params; prefer it over the generic enum error that follows.
    const errs = validate.errors ?? [];
    const first = errs.find((x) => x.keyword === 'propertyNames') ?? errs[0];
    throw new UsageError(`${file}: ${first ? describe(first) : 'invalid'}`);
  }
  if (data.asOf !== undefined && Number.isNaN(parseIso(data.asOf))) throw new UsageError(`${file}: asOf must be a date as YYYY-MM-DD`);
  return data;
}

/** The config named by --config (must exist), or ./leakcheck.config.json when present, or none. */
export function loadConfig(explicit: string | undefined, cwd = process.cwd()): { config: Config; file: string | null } {
  const file = explicit ?? (existsSync(join(cwd, CONFIG_FILE)) ? join(cwd, CONFIG_FILE) : null);
  if (file === null) return { config: {}, file: null };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read config ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  return { config: parseConfig(text, explicit ?? CONFIG_FILE), file };
}

/** The checks to run under a config: those turned "off" left out, severities overridden. Undefined when unchanged. */
export function configuredChecks(config: Config, all: readonly Check[] = CHECKS): readonly Check[] | undefined {
  const settings = config.checks;
  if (!settings || !Object.keys(settings).length) return undefined;
  return all
    .filter((c) => settings[c.meta.id] !== 'off')
    .map((c) => {
      const s = settings[c.meta.id];
      return s === undefined || s === 'off' || s === c.meta.severity ? c : { ...c, meta: { ...c.meta, severity: s } };
    });
}
