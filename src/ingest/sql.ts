// An SQL dump (mysqldump, pg_dump, SQLite's .dump): the rows of `INSERT INTO t [(cols)] VALUES (...), (...);`
// statements and of pg_dump's `COPY t (cols) FROM stdin;` blocks, read as a stream one value at a time, so an
// extended insert of any length is never held whole. Column names come from the statement's column list, else
// from the table's `CREATE TABLE`. The rows of one table are the records: the one named (`--table`), else the
// first with rows; inserts into other tables are reported and not read (a dump's lookup tables would otherwise
// mix with its people).
import type { IngestIssue, RawRecord } from '../types.js';
import { UsageError } from '../errors.js';
import { headerNames } from './csv.js';

/** `INSERT INTO name [(columns)] VALUES`, up to the `(` of the first row (`REPLACE` and `IGNORE` as well). */
const INSERT = /^\s*(?:INSERT|REPLACE)\s+(?:IGNORE\s+)?INTO\s+((?:[`"[]?[^\s`"\]().]+[`"\]]?\.)?[`"[]?[^\s`"\]()]+[`"\]]?)\s*(?:\(([^)]*)\))?\s*VALUES\s*$/i;
/** `COPY name [(columns)] FROM stdin`, as pg_dump writes a table's rows by default. */
const COPY = /^\s*COPY\s+((?:[`"[]?[^\s`"\]().]+[`"\]]?\.)?[`"[]?[^\s`"\]()]+[`"\]]?)\s*(?:\(([^)]*)\))?\s*FROM\s+stdin\s*$/i;
/** `CREATE TABLE [IF NOT EXISTS] name (`. */
const CREATE = /^\s*CREATE\s+(?:TEMPORARY\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?((?:[`"[]?[^\s`"\]().]+[`"\]]?\.)?[`"[]?[^\s`"\]()]+[`"\]]?)\s*\(/i;
/** Lines of a `CREATE TABLE` body that are not columns. */
const NOT_COLUMN = /^(?:PRIMARY|KEY|UNIQUE|INDEX|CONSTRAINT|FOREIGN|CHECK|FULLTEXT|SPATIAL|EXCLUDE)\b/i;
/** Statements a dump starts with, after comments. */
const DUMP_START = /^(?:INSERT|REPLACE|CREATE|DROP|SET|LOCK|USE|BEGIN|START|PRAGMA|ALTER|COMMIT|COPY|SELECT)\b/i;

/** Longest statement other than an insert that is held to be understood (a `CREATE TABLE` is a few KB). */
const MAX_STATEMENT = 1 << 20;
const BATCH = 1000;

/** An identifier without its quotes and schema: `db`.`users` -> users. */
function bareName(name: string): string {
  const last = name.slice(name.lastIndexOf('.') + 1);
  return last.replace(/^[`"[]|[`"\]]$/g, '');
}

/** The names in a column list: `(`a`, "b", c)`. */
function columnList(list: string): string[] {
  return list.trim() === '' ? [] : list.split(',').map((c) => bareName(c.trim()));
}

/** The column names of a `CREATE TABLE` statement's body. */
function createColumns(body: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let part = '';
  const take = (): void => {
    const t = part.trim();
    part = '';
    if (t === '' || NOT_COLUMN.test(t)) return;
    const m = /^([`"[][^`"\]]+[`"\]]|\S+)/.exec(t);
    if (m) out.push(bareName(m[1]));
  };
  for (const c of body) {
    if (c === '(') depth++;
    else if (c === ')') depth--;
    if (c === ',' && depth === 0) take();
    else part += c;
  }
  take();
  return out;
}

/** The head with its leading comments (`--`, `#`, `/* *\/`) and blank lines removed. */
function withoutLeadingComments(head: string): string {
  let s = head;
  for (;;) {
    const t = s.replace(/^\s+/, '');
    if (t.startsWith('--') || t.startsWith('#')) s = t.slice(t.indexOf('\n') + 1 || t.length);
    else if (t.startsWith('/*')) {
      const end = t.indexOf('*/');
      if (end < 0) return '';
      s = t.slice(end + 2).replace(/^;/, '');
    } else return t;
  }
}

/** Whether a text starts as an SQL dump does and holds an `INSERT`, `CREATE TABLE` or `COPY` in its head. */
export function looksLikeSql(head: string): boolean {
  return DUMP_START.test(withoutLeadingComments(head)) && /\b(?:INSERT\s+INTO|CREATE\s+TABLE|COPY\s+\S+.*\bFROM\s+stdin)\b/i.test(head);
}

export interface SqlReader {
  batches: AsyncGenerator<RawRecord[]>;
  /** The records' table, once its first row has been read. */
  table: string | undefined;
  columns: string[];
}

const enum S {
  /** Between statements, or inside one that is not an insert's rows. */
  Statement,
  LineComment,
  BlockComment,
  /** Inside a quoted string or identifier of a statement. */
  StatementQuote,
  /** Inside a row's parentheses, between values. */
  Row,
  /** Inside a quoted value of a row. */
  Quoted,
  /** After a backslash in a quoted value. */
  Escape,
  /** After the quote that may end a quoted value (or, doubled, be part of it). */
  QuoteEnd,
  /** After a row's `)`: a `,` and the next row, or the `;`. */
  AfterRow,
  /** The tab-separated lines of a `COPY ... FROM stdin;`, up to `\.`. */
  Copy,
}

const ESCAPES: Record<string, string> = { '0': '\0', b: '\b', n: '\n', r: '\r', t: '\t', Z: '\x1a' };
// Per value and per line: compiled once.
const NULL = /^null$/i;
const BACKSLASH_ESCAPE = /\\(.)/g;
const TRAILING_CR = /\r$/;
/**
 * What may stand before a quoted value and is not part of it: a character-set introducer (`_binary'…'`,
 * `_utf8mb4'…'`, MySQL), a national string (`N'…'`) or PostgreSQL's escape string (`E'…'`).
 */
const STRING_PREFIX = /^\s*(?:_[a-z0-9]+\s*|[ne])$/i;

/** The end of the run of characters from `i` that no state of a row's values acts on (quotes, backslash, parentheses, comma, line end). */
function plainRun(s: string, i: number): number {
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 39 || c === 34 || c === 92 || c === 40 || c === 41 || c === 44 || c === 10) break;
  }
  return i;
}

/** One field of a `COPY` line: `\N` is null, backslash escapes as PostgreSQL writes them. */
function copyField(f: string): string {
  if (f === '\\N') return '';
  return f.indexOf('\\') < 0 ? f : f.replace(BACKSLASH_ESCAPE, (_, c: string) => ESCAPES[c] ?? (c === 'v' ? '\v' : c === 'f' ? '\f' : c));
}

/**
 * Read the rows of an SQL dump's inserts in batches (see the file comment); `want`: the table to read. `passed` is
 * told of each row of another table, read past: progress, as a record is (the reader's guard against a record
 * that never ends counts the text since the last one).
 */
export function readSql(chunks: AsyncIterable<string>, onIssue: (issue: IngestIssue) => void, want?: string, passed: () => void = () => {}): SqlReader {
  const reader: SqlReader = { batches: run(), table: undefined, columns: [] };
  const creates = new Map<string, string[]>();
  /** Tables with rows met while looking for `want` (the first few, for the message when it is never found). */
  const seen = new Set<string>();

  async function* run(): AsyncGenerator<RawRecord[]> {
    // Set in endStatement() too, where the compiler's narrowing does not look.
    let state = S.Statement as S;
    let quote = '';
    let stmt = '';
    /** No character but blanks in `stmt` yet. */
    let blank = true;
    let stmtLine = 1;
    let line = 1;
    let prev = '';
    let row = 0;
    let batch: RawRecord[] = [];
    // The insert under way: whether its rows are records, and its columns.
    let reading = false;
    let width = 0;
    let cells: string[] = [];
    let value = '';
    let quoted = false;
    let depth = 0;
    let rowLine = 0;

    const endRow = (): void => {
      if (!reading) {
        passed();
        return;
      }
      row++;
      // Neither a column list nor a CREATE TABLE named the columns: numbered, as a headerless CSV's are.
      if (reader.columns.length === 0) {
        reader.columns = cells.map((_, k) => `column_${k + 1}`);
        width = cells.length;
      }
      if (width && cells.length !== width) {
        onIssue({ code: cells.length > width ? 'extra-cells' : 'missing-cells', line: rowLine, row, data: { expected: width, actual: cells.length } });
      }
      batch.push({ row, line: rowLine, cells });
    };
    const pushValue = (): void => {
      const v = quoted ? value : value.trim();
      cells.push(!quoted && NULL.test(v) ? '' : v);
      value = '';
      quoted = false;
    };
    /** Rows of `table` begin (`list`: the statement's column list, if any): are they the records'? */
    const startRows = (table: string, list: string | undefined): void => {
      const columns = list !== undefined ? columnList(list) : creates.get(table.toLowerCase());
      if (reader.table === undefined && (want === undefined || table.toLowerCase() === want.toLowerCase())) {
        reader.table = table;
        // Blank and repeated names as a CSV header's (`column_<n>`, `<name>_2`), reported alike.
        reader.columns = headerNames(columns ?? [], onIssue, stmtLine);
      }
      reading = table === reader.table;
      if (!reading && reader.table === undefined && seen.size < 10) seen.add(table.slice(0, 80));
      if (!reading) onIssue({ code: 'other-table', line: stmtLine, data: { table: table.slice(0, 80), first: (reader.table ?? want ?? '').slice(0, 80) } });
      width = reader.columns.length;
      cells = [];
      rowLine = line;
      depth = 0;
    };
    const newStatement = (): void => {
      stmt = '';
      blank = true;
    };
    /** At a `;` outside quotes: a `CREATE TABLE` gives a table's columns, a `COPY ... FROM stdin` starts rows. */
    const endStatement = (): void => {
      const create = CREATE.exec(stmt);
      if (create) creates.set(bareName(create[1]).toLowerCase(), createColumns(stmt.slice(create[0].length, stmt.lastIndexOf(')'))));
      const copy = COPY.exec(stmt);
      newStatement();
      if (copy) {
        startRows(bareName(copy[1]), copy[2]);
        rowLine = line + 1;
        value = '';
        state = S.Copy;
      }
    };

    for await (const chunk of chunks) {
      for (let i = 0; i < chunk.length; i++) {
        if (state === S.Quoted || state === S.Row || state === S.Copy) {
          // Most characters are plain text inside a value: take them as one slice, up to one that means something
          // (in a COPY block, only the line end does).
          let j = state === S.Copy ? chunk.indexOf('\n', i) : plainRun(chunk, i);
          if (j < 0) j = chunk.length;
          if (j > i) {
            value += chunk.slice(i, j);
            prev = chunk[j - 1];
            i = j;
            if (i === chunk.length) break;
          }
        }
        const c = chunk[i];
        const before = prev;
        prev = c;
        if (c === '\n') line++;
        if (state === S.QuoteEnd) {
          if (c === quote) {
            value += c;
            state = S.Quoted;
            continue;
          }
          state = S.Row;
        }
        switch (state) {
          case S.Statement:
            if (c === ';') {
              endStatement();
              continue;
            }
            if (blank && (c === '#' || (c === '-' && before === '-') || (c === '*' && before === '/'))) {
              // A comment between statements (its opening `-` or `/` went into `stmt`).
              state = c === '*' ? S.BlockComment : S.LineComment;
              newStatement();
              continue;
            }
            if (c === "'" || c === '"' || c === '`') {
              quote = c;
              state = S.StatementQuote;
            } else if (c === '(') {
              const m = INSERT.exec(stmt);
              if (m) {
                startRows(bareName(m[1]), m[2]);
                newStatement();
                state = S.Row;
                continue;
              }
            }
            if (blank && c.trim() !== '') {
              // `-` and `/` may open a comment: the statement starts at the next character then.
              if (c !== '-' && c !== '/') blank = false;
              stmtLine = line;
            }
            if (stmt.length < MAX_STATEMENT) stmt += c;
            continue;
          case S.StatementQuote:
            if (c === quote && before !== '\\') state = S.Statement;
            if (stmt.length < MAX_STATEMENT) stmt += c;
            continue;
          case S.LineComment:
            if (c === '\n') state = S.Statement;
            continue;
          case S.BlockComment:
            if (c === '/' && before === '*') state = S.Statement;
            continue;
          case S.Row:
            if ((c === "'" || c === '"') && depth === 0 && (value.trim() === '' || STRING_PREFIX.test(value))) {
              quote = c;
              quoted = true;
              value = '';
              state = S.Quoted;
            } else if (c === '(') {
              depth++;
              value += c;
            } else if (c === ')' && depth > 0) {
              depth--;
              value += c;
            } else if (c === ',' && depth === 0) pushValue();
            else if (c === ')') {
              pushValue();
              endRow();
              state = S.AfterRow;
            } else value += c;
            continue;
          case S.Quoted:
            if (c === '\\') state = S.Escape;
            else if (c === quote) state = S.QuoteEnd;
            else value += c;
            continue;
          case S.Escape:
            value += ESCAPES[c] ?? c;
            state = S.Quoted;
            continue;
          case S.AfterRow:
            if (c === '(') {
              state = S.Row;
              cells = [];
              rowLine = line;
              depth = 0;
            } else if (c === ';') state = S.Statement;
            continue;
          case S.Copy:
            if (c !== '\n') {
              value += c;
              continue;
            }
            if (value === '\\.') state = S.Statement;
            else if (value !== '') {
              cells = value.replace(TRAILING_CR, '').split('\t').map(copyField);
              endRow();
            }
            value = '';
            rowLine = line;
            continue;
        }
      }
      if (batch.length >= BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
    if (want !== undefined && reader.table === undefined) {
      const tables = seen.size ? `tables with rows: ${[...seen].join(', ')}` : 'no table has rows';
      throw new UsageError(`--table ${want.slice(0, 80)}: no such table has rows in the dump (${tables})`);
    }
  }
  return reader;
}
