// The part of @duckdb/node-api (an optional dependency) the DuckDB engine uses, typed here rather than imported:
// the package is loaded with a dynamic import only for `--engine duckdb`, and leakcheck must build and run
// without it (an unsupported platform, `npm install --omit=optional`). Signatures as in the package's
// lib/*.d.ts (1.5.x): DuckDBInstance, DuckDBConnection, DuckDBAppender, DuckDBDataChunk, DuckDBResult.

/** A value as the package reads and writes it (the kinds the engine's columns use). */
export type DuckValue = number | bigint | string | boolean | null;

/** One of the package's type constants (UINTEGER, VARCHAR, ...). */
export interface DuckType {
  toString(): string;
}

export interface DuckVector {
  getItem(index: number): DuckValue;
}

export interface DuckDataChunk {
  readonly rowCount: number;
  readonly columnCount: number;
  setColumns(columns: readonly (readonly DuckValue[])[]): void;
  getColumns(): DuckValue[][];
  getColumnVector(index: number): DuckVector;
}

export interface DuckAppender {
  appendDataChunk(chunk: DuckDataChunk): void;
  flushSync(): void;
  closeSync(): void;
}

export interface DuckReader {
  getRowObjects(): Record<string, DuckValue>[];
}

export interface DuckResult {
  fetchChunk(): Promise<DuckDataChunk | null>;
}

export interface DuckConnection {
  run(sql: string, values?: DuckValue[]): Promise<unknown>;
  runAndReadAll(sql: string, values?: DuckValue[]): Promise<DuckReader>;
  stream(sql: string, values?: DuckValue[]): Promise<DuckResult>;
  createAppender(table: string): Promise<DuckAppender>;
  closeSync(): void;
}

export interface DuckInstance {
  connect(): Promise<DuckConnection>;
  closeSync(): void;
}

/** The module as `await import('@duckdb/node-api')` gives it. */
export interface DuckModule {
  DuckDBInstance: { create(path?: string, options?: Record<string, string>): Promise<DuckInstance> };
  DuckDBDataChunk: { create(types: readonly DuckType[], rowCount?: number): DuckDataChunk };
  UTINYINT: DuckType;
  USMALLINT: DuckType;
  UINTEGER: DuckType;
  INTEGER: DuckType;
  DOUBLE: DuckType;
  VARCHAR: DuckType;
  version(): string;
}
