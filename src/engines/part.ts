// One cross-record check as the DuckDB engine computes it: the check's own meta (messages, fields), a record()
// that writes the keys the check would have hashed into the engine's tables, SQL run once the tables are
// complete, and a finish() that reports the results through the check's context as the check itself would.
// Each part mirrors one file of src/checks/; test/engines/duckdb.test.ts holds the two engines to the same
// results.
import type { CheckContext, CheckOutcome, SampleRecord } from '../types.js';
import type { Db, TableSpec, TableWriter } from './duckdb-store.js';

export interface EnginePart {
  /** The id of the check it takes over. */
  id: string;
  /** Its tables (names prefixed by the part, columns from fixed lists). */
  tables: TableSpec[];
  create(ctx: CheckContext, table: (name: string) => TableWriter): PartRun;
}

export interface PartRun {
  record(rec: SampleRecord): void;
  /** After the last record, with every table complete: run the SQL and keep what finish() reports. */
  compute(db: Db): Promise<void>;
  /** As the check's finish(): ctx.applicable() / ctx.report() with the results, and the outcome. */
  finish(): string | CheckOutcome | void;
}

type Finding = Parameters<CheckContext['report']>[0];

/**
 * Report the findings SQL counted: `examples` in full (the first MAX_EXAMPLES in the check's order), then the
 * rest as bare findings with their message id and field, `counts` giving every finding's message id and field
 * with its number, examples included. Only the first findings of a check become examples (src/run-checks.ts);
 * the others are counted, per field too.
 */
export function reportAll(ctx: CheckContext, examples: readonly Finding[], counts: readonly { messageId: string; field?: string | null; n: number }[]): void {
  for (const e of examples) ctx.report(e);
  const left = counts.map((c) => ({ ...c }));
  for (const e of examples) {
    const c = left.find((x) => x.messageId === e.messageId && (x.field ?? null) === (e.field ?? null) && x.n > 0);
    if (c) c.n--;
  }
  for (const c of left) {
    const bare: Finding = c.field == null ? { messageId: c.messageId } : { messageId: c.messageId, field: c.field };
    for (let i = 0; i < c.n; i++) ctx.report(bare);
  }
}

/**
 * A key of digits as the number it spells when that number gives the digits back exactly (no leading zero, at
 * most 15 digits: below 2^53), else NaN. Numbers cost DuckDB's appender far less than text.
 */
export function numericKey(key: string): number {
  const n = key.length;
  if (n === 0 || n > 15 || (n > 1 && key.charCodeAt(0) === 48)) return NaN;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const c = key.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    v = v * 10 + c;
  }
  return v;
}
