// JSON and NDJSON read as a token stream (stream-json): each top-level array element, each element of a
// wrapper array ({"beneficiaries":[...]}, {"centers":[...]}, {"sessions":[...]}, a search response's
// {"hits":{"hits":[...]}}), or each other top-level object is one record, flattened to dotted paths (MongoDB
// Extended JSON wrappers such as {"$numberLong":"..."} unwrapped). Numbers keep their source digits (a 14-digit id never
// passes through a float); keys are data, never object properties.
import { none } from 'stream-chain/defs.js';
import { jsonParser } from 'stream-json/core/parser.js';
import type { Token } from 'stream-json/core/parser.js';
import { fieldForHeader } from '../fields.js';
import { headerNames, looksLikeHeader } from './csv.js';
import type { IngestIssue, RawRecord } from '../types.js';

/** Keys of a top-level object whose array holds the records. */
export const WRAPPER_KEYS = new Set([
  'beneficiaries', 'centers', 'centres', 'sessions', 'records', 'data', 'rows', 'items', 'results',
  'certificates', 'appointments', 'members',
]);

/** Wrapper keys that CoWin records also nest their own arrays under (a beneficiary's appointments, a centre's sessions). */
const NESTED_KEYS = new Set(['appointments', 'sessions']);

/**
 * A top-level object with this many values under field names ("name", "beneficiary_reference_id") before such an
 * array is a record (a beneficiary with its `appointments`), not a wrapper (`{"status":"ok","data":[...]}`).
 */
export const RECORD_FIELDS = 2;

/**
 * What an object assembled so far says about itself: its text values under field names, and its arrays (a JSON-LD
 * credential's @context, a record's nested list). Read only when an array in it raises the record-or-wrapper question.
 */
function described(obj: Node): { fieldValues: number; arrays: number } {
  let fieldValues = 0;
  let arrays = 0;
  for (const [key, v] of obj) {
    if (Array.isArray(v)) arrays++;
    else if ((typeof v === 'string' || (v instanceof Map && extendedValue(v) !== undefined)) && fieldForHeader(key) !== undefined) fieldValues++;
  }
  return { fieldValues, arrays };
}

/** Deeper nesting than this inside one record is not assembled (hostile input). */
export const MAX_DEPTH = 64;

type Value = string | Value[] | Node | null;
type Node = Map<string, Value>;

/**
 * MongoDB Extended JSON (what mongoexport writes): a value wrapped in a one-key object naming its BSON type,
 * `{"$numberLong":"9876543210"}`, `{"$date":"2021-05-08T00:00:00Z"}`, `{"$date":{"$numberLong":"1620432000000"}}`,
 * `{"$oid":"..."}`. Left wrapped, the value would sit at `mobile_number.$numberLong` and map to no field, or a
 * date at `dose1_date.$date` to the wrong one.
 */
const EXTENDED_TYPES = new Set(['$oid', '$numberLong', '$numberInt', '$numberDouble', '$numberDecimal', '$date', '$symbol', '$uuid']);

/** The value inside an Extended JSON wrapper (a date in milliseconds as ISO 8601), or undefined for any other object. */
export function extendedValue(v: Node): string | undefined {
  if (v.size !== 1) return undefined;
  const [[type, inner]] = v;
  if (!EXTENDED_TYPES.has(type)) return undefined;
  const value = inner instanceof Map ? extendedValue(inner) : typeof inner === 'string' ? inner : undefined;
  if (type !== '$date' || value === undefined || !(inner instanceof Map)) return value;
  const date = new Date(Number(value));
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/** Flatten an assembled object into dotted paths; arrays of objects go to `nested`. */
function flatten(
  obj: Node,
  prefix: string,
  values: Map<string, string>,
  nested: Map<string, Map<string, string>[]>,
  collide: (path: string) => void = () => {},
  typedDate: () => void = () => {},
): void {
  for (const [key, wrapped] of obj) {
    const path = prefix ? `${prefix}.${key}` : key;
    const unwrapped = wrapped instanceof Map ? extendedValue(wrapped) : undefined;
    if (unwrapped !== undefined && (wrapped as Node).has('$date')) typedDate();
    const v = unwrapped ?? wrapped;
    if (v === null) continue;
    if (typeof v === 'string') {
      // `{"a":{"b":1},"a.b":2}`: two values at one dotted path; the later one is kept, as with a repeated key.
      if (values.has(path)) collide(path);
      values.set(path, v);
    }
    else if (Array.isArray(v)) {
      const items = v.map((e) => (e instanceof Map ? (extendedValue(e) ?? e) : e));
      const objects = items.filter((e): e is Node => e instanceof Map);
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
      const scalars = items.filter((e): e is string => typeof e === 'string');
      if (scalars.length) {
        if (values.has(path)) collide(path);
        values.set(path, scalars.join('|'));
      }
    } else flatten(v, path, values, nested, collide, typedDate);
  }
}

/** Builds values from tokens, with an explicit stack (no recursion, bounded depth). */
class Assembler {
  stack: (Node | Value[])[] = [];
  keys: (string | null)[] = [];
  result: Value | undefined;
  tooDeep = 0; // depth beyond MAX_DEPTH being skipped
  truncated = false; // some of the value was deeper than MAX_DEPTH

  duplicates = 0; // keys given twice in one object: the last value wins, as in JSON.parse
  firstDuplicate = '';

  private add(v: Value): void {
    const top = this.stack[this.stack.length - 1];
    if (!top) this.result = v;
    else if (Array.isArray(top)) top.push(v);
    else {
      const key = this.keys[this.keys.length - 1] ?? '';
      if (top.has(key)) {
        if (!this.duplicates++) this.firstDuplicate = key;
      }
      top.set(key, v);
    }
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
          this.truncated = true;
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
  /** A date was a MongoDB `$date` (typed by the database). */
  datesTyped: boolean;
  batches: AsyncGenerator<RawRecord[]>;
}

/** NDJSON lines longer than this are reported and skipped rather than buffered. */
export const MAX_LINE = 16 * 1024 * 1024;
/** JSON read without a record coming out of it (one 100 MB string) ends the read: the parser would hold it whole. */
export const MAX_RECORD = 32 * 1024 * 1024;

type Parser = ReturnType<typeof jsonParser>;
const newParser = (): Parser => jsonParser({ packValues: true, streamValues: false, jsonStreaming: true });

/**
 * Read JSON or NDJSON. Once the first top-level value has started and ended on line 1, the input is
 * read line by line with a fresh parser per line, so an invalid NDJSON line is reported at its own
 * line and the next line is still read. Elsewhere invalid JSON ends the read with an issue.
 */
export function readJson(chunks: AsyncIterable<string>, report: (issue: IngestIssue) => void): JsonReader {
  const reader: JsonReader = { format: 'json', datesTyped: false, batches: run() };
  /** Characters read since a record (or an issue) last came out: bounded by MAX_RECORD. */
  let sinceRecord = 0;
  const onIssue = (issue: IngestIssue): void => {
    sinceRecord = 0;
    report(issue);
  };

  async function* run(): AsyncGenerator<RawRecord[]> {
    let parser = newParser();
    let line = 1;
    let row = 0;
    let topValues = 0;
    // Where the token stream is: 'top' between top-level values; 'array' inside a top-level array whose
    // elements are records; 'wrapper' inside the wrapper array of a top-level object; 'rest' in the rest
    // of that object after its wrapper array (skipped, `restDepth` deep).
    let mode: 'top' | 'array' | 'wrapper' | 'rest' = 'top';
    let restDepth = 0;
    /** How deep the wrapper array sits: 1 under the top object, 2 in a search response's `hits.hits`. */
    let wrapperDepth = 1;
    let asm: Assembler | null = null;
    let topObject = false; // asm holds a top-level object that may turn out to be a wrapper
    let pendingKey: string | null = null;
    let heldArray = false; // its array under a key not in WRAPPER_KEYS, held back until its first element shows
    let recLine = 0;
    let perLine = false;
    let batch: RawRecord[] = [];

    // Rows given as arrays ([["name","mobile"],["Asha","98..."]], pandas' {"columns":[...],"data":[[...]]}): their
    // column names, from a "columns" array of the wrapping object or a header-like first row; [] when the first
    // row is data (columns are then column_1..n); undefined until the first row of the current array; null in an
    // array of records (an array in it is then not a record).
    let arrayColumns: string[] | undefined | null;
    const rowOf = (cells: Value[], columns: readonly string[]): Node => {
      const node: Node = new Map();
      cells.forEach((v, i) => node.set(columns[i] ?? `column_${i + 1}`, v));
      return node;
    };
    const isRow = (v: Value[]): v is (string | null)[] => v.every((c) => c === null || typeof c === 'string');

    const emit = (value: Value | undefined, from?: Assembler): void => {
      sinceRecord = 0;
      if (Array.isArray(value) && mode !== 'top' && arrayColumns !== null && isRow(value)) {
        if (arrayColumns === undefined) {
          const cells = value.map((c) => c ?? '');
          const header = looksLikeHeader(cells, []);
          arrayColumns = header ? headerNames(cells, onIssue, recLine) : [];
          if (header) return;
        }
        value = rowOf(value, arrayColumns);
      } else if (value instanceof Map && mode !== 'top') arrayColumns = null; // an array of records, not of rows
      if (value instanceof Map) {
        const values = new Map<string, string>();
        const nested = new Map<string, Map<string, string>[]>();
        let duplicates = from?.duplicates ?? 0;
        let first = from?.firstDuplicate ?? '';
        flatten(
          value,
          '',
          values,
          nested,
          (path) => {
            if (!duplicates++) first = path;
          },
          () => (reader.datesTyped = true),
        );
        if (duplicates) onIssue({ code: 'duplicate-key', line: recLine, row: row + 1, data: { key: first.slice(0, 80), count: duplicates } });
        batch.push({ row: ++row, line: recLine, values, nested: nested.size ? nested : undefined });
      } else if (value !== undefined && value !== null) {
        onIssue({ code: 'not-a-record', line: recLine, data: { kind: Array.isArray(value) ? 'array' : 'value' } });
      }
    };

    const topValueDone = (): void => {
      // A first value that starts and ends on line 1 means one value per line: read line by line.
      if (topValues === 1 && recLine === 1 && line === 1) perLine = true;
    };

    /** The top object being assembled turns out to wrap the records: its "columns" (if any) name array rows. */
    const enterWrapper = (depth = 1): void => {
      wrapperDepth = depth;
      const top = asm?.stack[0];
      const columns = top instanceof Map ? top.get('columns') : undefined;
      arrayColumns = Array.isArray(columns) && columns.length && isRow(columns) ? headerNames(columns.map((c) => c ?? ''), onIssue, recLine) : undefined;
      asm = null;
      mode = 'wrapper';
    };

    const onToken = (t: Token): void => {
      const opens = t.name === 'startObject' || t.name === 'startArray';
      const closes = t.name === 'endObject' || t.name === 'endArray';
      if (asm) {
        if (topObject && asm.stack.length === 1) {
          if (heldArray) {
            heldArray = false;
            // An array of objects under any key of a wrapper-like object holds the records ({"leaked":[...]}).
            if (t.name === 'startObject') {
              enterWrapper();
              onToken(t);
              return;
            }
            asm.token({ name: 'startArray' });
          } else if (t.name === 'keyValue') pendingKey = t.value;
          else if (t.name === 'startArray' && pendingKey !== null) {
            // A wrapper key holds the records, unless a record nests its own list under it; any other key's array
            // of objects does when the object is no record itself (few field values, no array before it).
            const key = pendingKey.toLowerCase();
            const { fieldValues, arrays } = described(asm.stack[0] as Node);
            const record = fieldValues >= RECORD_FIELDS;
            if (WRAPPER_KEYS.has(key) && !(record && NESTED_KEYS.has(key))) {
              enterWrapper();
              return;
            }
            // (Not on a line of NDJSON: each line is a record.)
            if (!WRAPPER_KEYS.has(key) && !record && arrays === 0 && !perLine) {
              heldArray = true;
              return;
            }
          }
        }
        // An Elasticsearch or OpenSearch search response: the records are the hits, {"hits":{"hits":[{"_source":...}]}}.
        if (topObject && asm.stack.length === 2 && t.name === 'startArray' && asm.keys[0] === 'hits' && asm.keys[1] === 'hits') {
          enterWrapper(2);
          return;
        }
        asm.token(t);
        if (closes && asm.stack.length === 0 && asm.tooDeep === 0) {
          if (asm.truncated) onIssue({ code: 'invalid-json', line: recLine, data: { problem: `nested deeper than ${MAX_DEPTH} levels: the deeper part was ignored` } });
          emit(asm.result, asm);
          asm = null;
          if (mode === 'top') topValueDone();
        }
        return;
      }
      switch (mode) {
        case 'top':
          if (opens || t.name.endsWith('Value')) topValues++;
          if (topValues === 2) reader.format = 'ndjson';
          recLine = line;
          if (t.name === 'startArray') {
            mode = 'array';
            arrayColumns = undefined;
          }
          else if (t.name === 'startObject') {
            asm = new Assembler();
            topObject = true;
            pendingKey = null;
            asm.token(t);
          } else if (t.name.endsWith('Value')) {
            emit(t.name === 'nullValue' ? null : 'value');
            topValueDone();
          }
          return;
        case 'array':
        case 'wrapper':
          if (closes) {
            if (mode === 'array') topValueDone();
            mode = mode === 'array' ? 'top' : 'rest';
            restDepth = wrapperDepth - 1;
            wrapperDepth = 1;
          } else if (opens) {
            recLine = line;
            asm = new Assembler();
            topObject = false;
            asm.token(t);
          } else if (t.name.endsWith('Value')) {
            recLine = line;
            emit(t.name === 'nullValue' ? null : 'value');
          }
          return;
        case 'rest':
          // Another record array in the same object ({"centers":[...],"sessions":[...]}) is read too.
          if (restDepth === 0 && t.name === 'keyValue') pendingKey = t.value;
          else if (restDepth === 0 && t.name === 'startArray' && pendingKey !== null && WRAPPER_KEYS.has(pendingKey.toLowerCase())) {
            mode = 'wrapper';
            arrayColumns = undefined;
            return;
          }
          if (opens) restDepth++;
          else if (closes && restDepth-- === 0) {
            mode = 'top';
            topValueDone();
          }
          return;
      }
    };

    const feed = (text: string): void => {
      const result = parser(text);
      if (result === none) return;
      for (const t of (result as { values: Token[] }).values) onToken(t);
    };
    const reset = (): void => {
      parser = newParser();
      asm = null;
      mode = 'top';
    };
    const problem = (err: unknown): string => String((err as Error).message ?? err).replace(/\s+/g, ' ').slice(0, 160);

    /** End the current line in per-line mode: whatever is still open is an invalid line. */
    const endLine = (text: string): void => {
      try {
        feed(text);
        const result = parser(none as unknown as string);
        if (result !== none) for (const t of (result as { values: Token[] }).values) onToken(t);
        if (asm || mode !== 'top') onIssue({ code: 'invalid-json', line, data: { problem: 'the line ends before its value is complete' } });
      } catch (err) {
        onIssue({ code: 'invalid-json', line, data: { problem: problem(err) } });
      }
      reset();
    };

    let failed = false;
    let pending = ''; // per-line mode: the current line so far
    let tooLong = false;
    for await (const text of chunks) {
      let start = 0;
      while (start < text.length && !failed) {
        const nl = text.indexOf('\n', start);
        const end = nl === -1 ? text.length : nl + 1;
        const piece = text.slice(start, end);
        if (perLine) {
          if (!tooLong) pending += piece;
          if (pending.length > MAX_LINE && !tooLong) {
            onIssue({ code: 'invalid-json', line, data: { problem: `line longer than ${MAX_LINE} characters: skipped` } });
            tooLong = true;
            pending = '';
          }
          if (nl !== -1) {
            if (!tooLong && pending.trim() !== '') endLine(pending);
            pending = '';
            tooLong = false;
          }
        } else {
          sinceRecord += piece.length;
          if (sinceRecord > MAX_RECORD) {
            onIssue({ code: 'invalid-json', line: recLine || line, data: { problem: `a value runs past ${MAX_RECORD / 2 ** 20} MiB without a record ending; the rest of the input was not read` } });
            failed = true;
            break;
          }
          // Feed up to each closing brace, so a record completed before a syntax error is kept
          // (the parser drops the tokens of a call that throws).
          try {
            let from = 0;
            for (let brace = piece.indexOf('}'); brace !== -1; brace = piece.indexOf('}', from)) {
              feed(piece.slice(from, brace + 1));
              from = brace + 1;
            }
            if (from < piece.length) feed(piece.slice(from));
          } catch (err) {
            onIssue({ code: 'invalid-json', line, data: { problem: `${problem(err)}; the rest of the input was not read` } });
            failed = true;
          }
        }
        if (nl !== -1) line++;
        start = end;
      }
      if (batch.length) {
        yield batch;
        batch = [];
      }
      if (failed) break;
    }
    if (perLine && pending.trim() !== '' && !tooLong) endLine(pending);
    else if (!failed && !perLine) {
      try {
        const result = parser(none as unknown as string);
        if (result !== none) for (const t of (result as { values: Token[] }).values) onToken(t);
        if (asm || mode !== 'top') onIssue({ code: 'invalid-json', line: recLine || line, data: { problem: 'the JSON ends before its last value is complete' } });
      } catch (err) {
        onIssue({ code: 'invalid-json', line, data: { problem: problem(err) } });
      }
    }
    if (batch.length) yield batch;
  }

  return reader;
}
