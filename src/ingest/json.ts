// JSON and NDJSON read as a token stream (stream-json): each top-level array element, each element of a
// wrapper array ({"beneficiaries":[...]}, {"centers":[...]}, {"sessions":[...]}), or each top-level object
// is one record, flattened to dotted paths. Numbers keep their source digits (a 14-digit id never
// passes through a float); keys are data, never object properties.
import { none } from 'stream-chain/defs.js';
import { jsonParser } from 'stream-json/core/parser.js';
import type { Token } from 'stream-json/core/parser.js';
import type { IngestIssue, RawRecord } from '../types.js';

/** Keys of a top-level object whose array holds the records. */
export const WRAPPER_KEYS = new Set([
  'beneficiaries', 'centers', 'centres', 'sessions', 'records', 'data', 'rows', 'items', 'results',
  'certificates', 'appointments', 'members',
]);

/** Deeper nesting than this inside one record is not assembled (hostile input). */
export const MAX_DEPTH = 64;

type Value = string | Value[] | Node | null;
type Node = Map<string, Value>;

/** Flatten an assembled object into dotted paths; arrays of objects go to `nested`. */
function flatten(obj: Node, prefix: string, values: Map<string, string>, nested: Map<string, Map<string, string>[]>): void {
  for (const [key, v] of obj) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (v === null) continue;
    if (typeof v === 'string') values.set(path, v);
    else if (Array.isArray(v)) {
      const objects = v.filter((e): e is Node => e instanceof Map);
      if (objects.length) {
        nested.set(
          path,
          objects.map((o) => {
            const inner = new Map<string, string>();
            flatten(o, '', inner, new Map());
            return inner;
          }),
        );
      }
      const scalars = v.filter((e): e is string => typeof e === 'string');
      if (scalars.length) values.set(path, scalars.join('|'));
    } else flatten(v, path, values, nested);
  }
}

/** Builds values from tokens, with an explicit stack (no recursion, bounded depth). */
class Assembler {
  stack: (Node | Value[])[] = [];
  keys: (string | null)[] = [];
  result: Value | undefined;
  tooDeep = 0; // depth beyond MAX_DEPTH being skipped

  get depth(): number {
    return this.stack.length + this.tooDeep;
  }

  private add(v: Value): void {
    const top = this.stack[this.stack.length - 1];
    if (!top) this.result = v;
    else if (Array.isArray(top)) top.push(v);
    else top.set(this.keys[this.keys.length - 1] ?? '', v);
  }

  token(t: Token): void {
    if (this.tooDeep) {
      if (t.name === 'startObject' || t.name === 'startArray') this.tooDeep++;
      else if (t.name === 'endObject' || t.name === 'endArray') this.tooDeep--;
      return;
    }
    switch (t.name) {
      case 'startObject':
      case 'startArray':
        if (this.stack.length >= MAX_DEPTH) {
          this.tooDeep = 1;
          return;
        }
        this.stack.push(t.name === 'startObject' ? new Map() : []);
        this.keys.push(null);
        return;
      case 'endObject':
      case 'endArray': {
        const done = this.stack.pop()!;
        this.keys.pop();
        this.add(done as Value);
        return;
      }
      case 'keyValue':
        this.keys[this.keys.length - 1] = t.value;
        return;
      case 'stringValue':
      case 'numberValue':
        this.add(t.value);
        return;
      case 'trueValue':
        this.add('true');
        return;
      case 'falseValue':
        this.add('false');
        return;
      case 'nullValue':
        this.add(null);
        return;
      default:
        return;
    }
  }
}

export interface JsonReader {
  /** 'ndjson' once a second top-level value is seen. */
  format: 'json' | 'ndjson';
  batches: AsyncGenerator<RawRecord[]>;
}

/**
 * Read JSON or NDJSON. An invalid line in NDJSON is reported and skipped; invalid JSON elsewhere ends
 * the read with an issue.
 */
export function readJson(chunks: AsyncIterable<string>, onIssue: (issue: IngestIssue) => void): JsonReader {
  const reader: JsonReader = { format: 'json', batches: run() };

  async function* run(): AsyncGenerator<RawRecord[]> {
    let parser = jsonParser({ packValues: true, streamValues: false, jsonStreaming: true });
    let line = 1;
    let row = 0;
    let topLevel = 0; // top-level values started
    // Where records live: 0 = top-level value is the record; 1 = elements of a top-level array;
    // 2 = elements of a wrapper array inside a top-level object.
    let recordDepth = 0;
    let depth = 0; // container depth in the token stream
    let pendingKey: string | null = null;
    let asm: Assembler | null = null;
    let recLine = 0;
    let failed = false;
    let batch: RawRecord[] = [];

    const emit = (value: Value | undefined): void => {
      if (value instanceof Map) {
        const values = new Map<string, string>();
        const nested = new Map<string, Map<string, string>[]>();
        flatten(value, '', values, nested);
        batch.push({ row: ++row, line: recLine, values, nested: nested.size ? nested : undefined });
      } else if (value !== undefined) {
        onIssue({ code: 'not-a-record', line: recLine, data: { kind: Array.isArray(value) ? 'array' : 'value' } });
      }
    };

    const onToken = (t: Token): void => {
      const opens = t.name === 'startObject' || t.name === 'startArray';
      const closes = t.name === 'endObject' || t.name === 'endArray';
      if (asm) {
        asm.token(t);
        if (closes && asm.stack.length === 0 && !asm.tooDeep) {
          if (asm.result === undefined) onIssue({ code: 'invalid-json', line: recLine, data: { problem: `nested deeper than ${MAX_DEPTH} levels` } });
          else emit(asm.result);
          asm = null;
          depth--;
        } else if (closes && asm.tooDeep === 0 && asm.stack.length === 0) {
          asm = null;
          depth--;
        }
        return;
      }
      if (depth === 0) {
        if (opens || t.name.endsWith('Value')) {
          topLevel++;
          if (topLevel === 2) reader.format = 'ndjson';
        }
        if (t.name === 'startArray') {
          recordDepth = 1;
          depth = 1;
          return;
        }
        if (t.name === 'startObject') {
          // Assemble as a record unless it turns out to wrap an array of records.
          recordDepth = 0;
          depth = 1;
          asm = new Assembler();
          recLine = line;
          asm.token(t);
          return;
        }
        if (t.name.endsWith('Value')) onIssue({ code: 'not-a-record', line, data: { kind: 'value' } });
        return;
      }
      // Inside a top-level array (recordDepth 1) or a wrapper array (recordDepth 2).
      if (depth === recordDepth && (opens || t.name.endsWith('Value'))) {
        recLine = line;
        if (opens) {
          asm = new Assembler();
          asm.token(t);
          depth++;
        } else emit(t.name === 'nullValue' ? undefined : String((t as { value: unknown }).value));
        return;
      }
      if (closes) depth--;
      else if (opens) depth++;
      if (t.name === 'keyValue') pendingKey = t.value;
    };

    // A top-level object being assembled may turn out to be a wrapper: when its key is a wrapper key
    // and the value opens an array, switch to streaming that array's elements.
    const wrapperAware = (t: Token): void => {
      if (asm && recordDepth === 0 && depth === 1 && asm.stack.length === 1) {
        if (t.name === 'keyValue') pendingKey = t.value;
        else if (t.name === 'startArray' && pendingKey !== null && WRAPPER_KEYS.has(pendingKey.toLowerCase())) {
          asm = null;
          recordDepth = 2;
          depth = 2;
          return;
        }
      }
      onToken(t);
    };

    const feedLine = (text: string): void => {
      const result = parser(text);
      if (result === none) return;
      for (const t of (result as { values: Token[] }).values) wrapperAware(t);
    };

    const flushBatch = (): RawRecord[] => {
      const b = batch;
      batch = [];
      return b;
    };

    const fail = (err: unknown): boolean => {
      const problem = String((err as Error).message ?? err).replace(/\s+/g, ' ').slice(0, 160);
      onIssue({ code: 'invalid-json', line, data: { problem } });
      // In NDJSON, resume at the next line with a fresh parser; elsewhere the rest cannot be read.
      if (reader.format === 'ndjson' || (recordDepth === 0 && depth <= 1)) {
        parser = jsonParser({ packValues: true, streamValues: false, jsonStreaming: true });
        asm = null;
        depth = 0;
        return true;
      }
      failed = true;
      return false;
    };

    let skipToNewline = false;
    for await (const text of chunks) {
      let start = 0;
      while (start < text.length && !failed) {
        const nl = text.indexOf('\n', start);
        const end = nl === -1 ? text.length : nl + 1;
        if (!skipToNewline) {
          try {
            feedLine(text.slice(start, end));
          } catch (err) {
            skipToNewline = fail(err);
          }
        }
        if (nl !== -1) {
          line++;
          skipToNewline = false;
        }
        start = end;
      }
      if (batch.length) yield flushBatch();
      if (failed) break;
    }
    if (!failed) {
      try {
        const result = parser(none as unknown as string);
        if (result !== none) for (const t of (result as { values: Token[] }).values) wrapperAware(t);
        if (asm || depth > 0) onIssue({ code: 'invalid-json', line, data: { problem: 'the JSON ends before its last value is complete' } });
      } catch (err) {
        fail(err);
      }
    }
    if (batch.length) yield flushBatch();
  }

  return reader;
}
