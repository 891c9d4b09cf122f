// The DuckDB engine's storage: one database file in a fresh temporary directory, tables filled through the
// appender a data chunk at a time, and the few ways the engine's SQL reads results back. Not a check.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import type { DuckAppender, DuckConnection, DuckInstance, DuckModule, DuckType, DuckValue, DuckVector } from './duckdb-api.js';

/** Column types the engine's tables use (fixed names: never text from the sample). */
export type ColumnType = 'UTINYINT' | 'USMALLINT' | 'UINTEGER' | 'INTEGER' | 'DOUBLE' | 'VARCHAR';

export interface TableSpec {
  name: string;
  columns: readonly (readonly [name: string, type: ColumnType])[];
}

/** Rows per data chunk: DuckDB's vector size, the most one chunk holds. */
export const CHUNK_ROWS = 2048;

/** Share of the machine's memory DuckDB may use unless LEAKCHECK_DUCKDB_MEMORY says otherwise. */
export const MEMORY_SHARE = 0.25;
/** Never less than this. */
const MIN_MEMORY = 256 * 2 ** 20;

/**
 * A table being filled: a check writes row `n` of each column array in {@link cols}, then calls {@link end}.
 * Every {@link CHUNK_ROWS} rows the columns go to DuckDB as one data chunk through the appender (a native call
 * per chunk and per text value; per-row INSERTs would parse and plan every row). The engine's columns hold no
 * NULL: the package sets a null's validity bit with BigInt arithmetic, which costs more than the value, so
 * "none" is a sentinel (0, -1, '') or the absence of a row in a side table.
 */
export class TableWriter {
  readonly cols: DuckValue[][];
  /** Rows buffered (the index of the row being written). */
  n = 0;
  /** Rows handed to DuckDB. */
  appended = 0;
  /** Milliseconds spent handing them over (LEAKCHECK_DEBUG_ENGINE). */
  ms = 0;

  private readonly text: number[];

  constructor(
    readonly spec: TableSpec,
    private readonly mod: DuckModule,
    private readonly types: DuckType[],
    private readonly appender: DuckAppender,
  ) {
    this.cols = spec.columns.map(() => []);
    this.text = spec.columns.flatMap(([, t], i) => (t === 'VARCHAR' ? [i] : []));
  }

  end(): void {
    if (++this.n === CHUNK_ROWS) this.flush();
  }

  /** Append the buffered rows as one data chunk. */
  flush(): void {
    const n = this.n;
    if (n === 0) return;
    const t0 = performance.now();
    for (const c of this.cols) c.length = n;
    for (const k of this.text) {
      const col = this.cols[k];
      for (let i = 0; i < n; i++) {
        const v = col[i];
        if (typeof v === 'string') col[i] = toText(v);
      }
    }
    const chunk = this.mod.DuckDBDataChunk.create(this.types, n);
    chunk.setColumns(this.cols);
    this.appender.appendDataChunk(chunk);
    this.appended += n;
    this.n = 0;
    this.ms += performance.now() - t0;
  }

  /** Append what is buffered and close the appender: the table is complete. */
  close(): void {
    this.flush();
    this.appender.closeSync();
  }
}

/**
 * A string as DuckDB keeps it: DuckDB stores UTF-8, so a string with a lone surrogate (which JSON escapes can
 * give) would come back with U+FFFD, and two different ids would become one. Such strings, and those starting
 * with NUL, are written as NUL + their JSON text (well-formed, and no other string is written that way); every
 * other string as itself. {@link fromText} reverses it.
 */
export function toText(s: string): string {
  return (s.length > 0 && s.charCodeAt(0) === 0) || !(s as WellFormed).isWellFormed() ? `\u0000${JSON.stringify(s)}` : s;
}

/** String.prototype.isWellFormed (Node 20; typed from ES2024, past this project's lib). */
type WellFormed = string & { isWellFormed(): boolean };

export function fromText(s: string): string {
  return s.length > 0 && s.charCodeAt(0) === 0 ? (JSON.parse(s.slice(1)) as string) : s;
}

/** Queries over the engine's tables. Parameters are bound, never written into the SQL text. */
export class Db {
  constructor(private readonly con: DuckConnection) {}

  async run(sql: string, params?: DuckValue[]): Promise<void> {
    await this.con.run(sql, params);
  }

  async rows(sql: string, params?: DuckValue[]): Promise<Record<string, DuckValue>[]> {
    return (await this.con.runAndReadAll(sql, params)).getRowObjects();
  }

  /** The first row's column as a number (counts are cast to DOUBLE in the SQL: exact below 2^53). */
  async number(sql: string, params?: DuckValue[]): Promise<number> {
    const [row] = await this.rows(sql, params);
    const v = row ? Object.values(row)[0] : null;
    return v === null || v === undefined ? 0 : Number(v);
  }

  /**
   * Stream a result chunk by chunk, in the result's order: `fn(vectors, rows)` per chunk, a vector per column
   * (read only the values needed: a value costs a call).
   */
  async each(sql: string, params: DuckValue[] | undefined, fn: (cols: DuckVector[], rows: number) => void): Promise<void> {
    const result = await this.con.stream(sql, params);
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      const cols: DuckVector[] = [];
      for (let c = 0; c < chunk.columnCount; c++) cols.push(chunk.getColumnVector(c));
      fn(cols, chunk.rowCount);
    }
  }
}

/** The memory DuckDB may use: LEAKCHECK_DUCKDB_MEMORY (DuckDB's syntax: `4GB`, `512MiB`) or a share of RAM. */
export function memoryLimit(env: string | undefined = process.env.LEAKCHECK_DUCKDB_MEMORY): string {
  if (env !== undefined && env !== '') {
    if (!/^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(env.trim())) {
      throw new UsageError(`LEAKCHECK_DUCKDB_MEMORY must be an amount such as 4GB or 512MiB, not "${env}"`);
    }
    return env.trim();
  }
  // A container's limit (cgroup), when Node knows one and it is below the machine's memory.
  const limited = (process as { constrainedMemory?: () => number | undefined }).constrainedMemory?.() ?? 0;
  const ram = limited > 0 ? Math.min(limited, totalmem()) : totalmem();
  return `${Math.floor(Math.max(MIN_MEMORY, ram * MEMORY_SHARE) / 2 ** 20)}MiB`;
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * A fresh directory under `root`, removed by {@link remove}, or when the process exits or receives SIGINT,
 * SIGTERM or SIGHUP first (the signal then does what it would have done). The handlers are in place before the
 * directory exists.
 */
export class TempDir {
  readonly path: string;
  private readonly onExit = (): void => this.removeDir();
  private readonly onSignal = (signal: NodeJS.Signals): void => {
    this.remove();
    process.kill(process.pid, signal);
  };

  constructor(root: string, prefix: string) {
    process.on('exit', this.onExit);
    for (const s of SIGNALS) process.on(s, this.onSignal);
    try {
      this.path = mkdtempSync(join(root, prefix));
    } catch (err) {
      this.unhook();
      throw err;
    }
  }

  /** Remove the directory and the handlers (idempotent). */
  remove(): void {
    this.removeDir();
    this.unhook();
  }

  private removeDir(): void {
    try {
      rmSync(this.path, { recursive: true, force: true });
    } catch {
      // Nothing more can be done from an exit or signal handler.
    }
  }

  private unhook(): void {
    process.off('exit', this.onExit);
    for (const s of SIGNALS) process.off(s, this.onSignal);
  }
}

/**
 * An open database in a {@link TempDir} under os.tmpdir(), with one table and appender per {@link TableSpec}.
 * {@link dispose} closes it and removes the directory.
 */
export class DuckStore {
  readonly tables = new Map<string, TableWriter>();
  private disposed = false;

  private constructor(
    private readonly tmp: TempDir,
    private readonly instance: DuckInstance,
    private readonly con: DuckConnection,
    readonly db: Db,
  ) {}

  /** The database's directory. */
  get dir(): string {
    return this.tmp.path;
  }

  static async open(mod: DuckModule, specs: readonly TableSpec[], opts: { memoryLimit?: string; tmpRoot?: string } = {}): Promise<DuckStore> {
    const limit = opts.memoryLimit ?? memoryLimit();
    const tmp = new TempDir(opts.tmpRoot ?? tmpdir(), 'leakcheck-duckdb-');
    let instance: DuckInstance | undefined;
    let con: DuckConnection | undefined;
    try {
      // The order matters: no extension is ever installed or loaded (either could reach the network), the
      // spill directory is set while the file system is still reachable, then SQL loses all external access
      // (files, URLs) and the configuration is locked.
      instance = await mod.DuckDBInstance.create(join(tmp.path, 'checks.duckdb'), {
        autoinstall_known_extensions: 'false',
        autoload_known_extensions: 'false',
        allow_community_extensions: 'false',
        temp_directory: join(tmp.path, 'spill'),
        memory_limit: limit,
        preserve_insertion_order: 'false',
        enable_external_access: 'false',
        lock_configuration: 'true',
      });
      con = await instance.connect();
      const store = new DuckStore(tmp, instance, con, new Db(con));
      const typeOf: Record<ColumnType, DuckType> = { UTINYINT: mod.UTINYINT, USMALLINT: mod.USMALLINT, UINTEGER: mod.UINTEGER, INTEGER: mod.INTEGER, DOUBLE: mod.DOUBLE, VARCHAR: mod.VARCHAR };
      // Tables of the database file, compressed as DuckDB writes them: measured on 10M rows with a 1 GB limit,
      // 1.5 GB of disk at the peak where TEMP tables (kept uncompressed, spilled as they are) took 3.3 GB, in
      // about the same time. What the queries derive is smaller: TEMP tables.
      for (const spec of specs) {
        await con.run(`CREATE TABLE ${spec.name} (${spec.columns.map(([n, t]) => `${n} ${t}`).join(', ')})`);
        const appender = await con.createAppender(spec.name);
        store.tables.set(spec.name, new TableWriter(spec, mod, spec.columns.map(([, t]) => typeOf[t]), appender));
      }
      return store;
    } catch (err) {
      try {
        con?.closeSync();
        instance?.closeSync();
      } finally {
        tmp.remove();
      }
      throw err;
    }
  }

  table(name: string): TableWriter {
    const t = this.tables.get(name);
    if (!t) throw new Error(`no engine table ${name}`);
    return t;
  }

  /** Append every table's last rows and close the appenders. */
  complete(): void {
    for (const t of this.tables.values()) t.close();
  }

  /** Close the database and remove its directory (idempotent). */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    try {
      this.con.closeSync();
      this.instance.closeSync();
    } finally {
      this.tmp.remove();
    }
  }
}
