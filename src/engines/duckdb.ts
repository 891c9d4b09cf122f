// `--engine duckdb`: the cross-record checks whose memory grows with the rows, computed by DuckDB out of core.
//
// The memory engine keeps per-key state in hash tables: exact-copy and id sets that grow ~20 bytes a key without
// bound, and tables that fall back to following a hash sample of the keys past their size. Here those checks
// (ENGINE_PARTS) write the keys they would have hashed into tables of a DuckDB database file in a fresh
// directory under os.tmpdir(), a data chunk at a time through the appender; once the last record is in, SQL
// computes every key's first occurrence and what repeats it, exactly, spilling to disk past DuckDB's memory limit.
// The results are reported through each check's own context and messages (src/engines/part.ts), so its counts,
// examples, summary and data are the memory engine's (test/engines/duckdb.test.ts). The other checks run as
// they do with the memory engine, through the runner it would use (the worker thread included).
//
// DuckDB never reaches the network: extensions are neither installed nor loaded, SQL has no external access
// (files, URLs), and the configuration is locked before the first statement. Values from the sample only ever
// reach it through the appender; the SQL text is fixed. The database holds the sample's identifiers (mobile
// and ID numbers as given) while the analysis runs, in a directory only the user can open (mkdtemp: 0700),
// removed when the analysis ends, fails, or the process exits or is interrupted.
import { UsageError } from '../errors.js';
import type { Runner } from '../parallel-checks.js';
import { CheckRunner, type BaseContext } from '../run-checks.js';
import type { Check, CheckResult, CheckRun } from '../types.js';
import type { DuckModule } from './duckdb-api.js';
import { DuckStore } from './duckdb-store.js';
import { duplicateIds } from './duckdb/duplicate-ids.js';
import { duplicateRows } from './duckdb/duplicate-rows.js';
import { idConflict } from './duckdb/id-conflict.js';
import { mobileLimit } from './duckdb/mobile-limit.js';
import { sessionConflict } from './duckdb/session-conflict.js';
import type { EnginePart, PartRun } from './part.js';

export type EngineId = 'memory' | 'duckdb';
export const ENGINES: readonly EngineId[] = ['memory', 'duckdb'];

/** The optional package the engine needs. */
export const DUCKDB_PACKAGE = '@duckdb/node-api';

/** The checks DuckDB computes. */
export const ENGINE_PARTS: readonly EnginePart[] = [duplicateRows, duplicateIds, idConflict, mobileLimit, sessionConflict];

/** Load @duckdb/node-api; a UsageError (exit 2, one line) when it is not installed or cannot load on this platform. */
export async function loadDuckDB(): Promise<DuckModule> {
  // A specifier in a variable: TypeScript does not resolve it, so leakcheck builds without the package.
  const name: string = DUCKDB_PACKAGE;
  try {
    return (await import(name)) as DuckModule;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new UsageError(`--engine duckdb needs the optional package ${DUCKDB_PACKAGE}: npm install ${DUCKDB_PACKAGE}`);
    }
    throw new UsageError(`--engine duckdb: ${DUCKDB_PACKAGE} cannot be loaded (${(err as Error).message})`);
  }
}

/**
 * A Runner over `checks`: those with an engine part run on DuckDB, the others through `memory(others)`, the
 * runner the memory engine would use for them. Results come back in the order of `checks`.
 */
export async function duckdbRunner(
  mod: DuckModule,
  checks: readonly Check[],
  base: BaseContext,
  memory: (checks: readonly Check[]) => Runner,
): Promise<Runner> {
  const parts = new Map(ENGINE_PARTS.map((p) => [p.id, p]));
  const onEngine = checks.map((c) => parts.has(c.meta.id));
  // Memory: LEAKCHECK_DUCKDB_MEMORY, else a quarter of RAM (duckdb-store.ts).
  const store = await DuckStore.open(
    mod,
    ENGINE_PARTS.flatMap((p) => p.tables),
  );
  try {
    const runs: { id: string; run: PartRun }[] = [];
    const table = (name: string) => store.table(name);
    const proxies: Check[] = checks
      .filter((_, i) => onEngine[i])
      .map((check) => ({
        meta: check.meta,
        create(ctx): CheckRun {
          const run = parts.get(check.meta.id)!.create(ctx, table);
          runs.push({ id: check.meta.id, run });
          return { record: (rec) => run.record(rec), finish: () => run.finish() };
        },
      }));
    // CheckRunner creates a check's run only when one of its fields is mapped, as for the memory engine.
    const engine = new CheckRunner(proxies, base);
    const others = memory(checks.filter((_, i) => !onEngine[i]));
    let recordMs = 0;
    // LEAKCHECK_DEBUG_ENGINE=1: where the engine's time goes, on stderr.
    const debug = process.env.LEAKCHECK_DEBUG_ENGINE === '1' ? (line: string) => process.stderr.write(`duckdb: ${line}\n`) : undefined;
    const ms = (x: number): string => `${Math.round(x)} ms`;
    const guard = <T>(fn: () => T): T => {
      try {
        return fn();
      } catch (err) {
        store.dispose();
        throw err;
      }
    };
    return {
      issue: (i) =>
        guard(() => {
          others.issue(i);
          engine.issue(i);
        }),
      records: (batch) =>
        guard(() => {
          others.records(batch);
          const t0 = performance.now();
          engine.records(batch);
          recordMs += performance.now() - t0;
        }),
      flush: async () => {
        try {
          await others.flush();
        } catch (err) {
          store.dispose();
          throw err;
        }
      },
      async finish(): Promise<CheckResult[]> {
        const t0 = performance.now();
        try {
          store.complete();
          const appends = [...store.tables.values()].map((t) => `${t.spec.name} ${t.appended} rows ${ms(t.ms)}`).join(', ');
          debug?.(`records ${ms(recordMs)} (appends: ${appends}); tables closed after ${ms(performance.now() - t0)}`);
          // DuckDB's queries run on its own threads while this one finishes the other checks.
          const sql = (async () => {
            for (const { id, run } of runs) {
              const t1 = performance.now();
              await run.compute(store.db);
              debug?.(`${id} SQL ${ms(performance.now() - t1)}`);
            }
          })();
          const [theirs, computed] = await Promise.allSettled([others.finish(), sql]);
          if (computed.status === 'rejected') throw computed.reason;
          if (theirs.status === 'rejected') throw theirs.reason;
          const ours = engine.finish();
          let a = 0;
          let b = 0;
          return checks.map((_, i) => (onEngine[i] ? ours[a++] : theirs.value[b++]));
        } finally {
          const t2 = performance.now();
          store.dispose();
          debug?.(`closed and removed in ${ms(performance.now() - t2)}; finish took ${ms(performance.now() - t0)}`);
        }
      },
    };
  } catch (err) {
    store.dispose();
    throw err;
  }
}
