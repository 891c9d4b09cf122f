// normalize (2/2): turn a raw record into a SampleRecord keyed by canonical field, values trimmed.
import type { Dict, MappingEntry, RawRecord, SampleRecord } from '../types.js';

export type Normalizer = (raw: RawRecord) => SampleRecord;

/**
 * The constructor of records' `fields`: its prototype has no prototype, so `__proto__` or `constructor` are
 * plain keys as in a {@link dict}, but V8 keeps these objects in fast mode (an `Object.create(null)` object is
 * a slow dictionary), which makes every check's field reads cheaper.
 */
const Fields = function Fields() {} as unknown as new () => Dict<string>;
Fields.prototype = Object.create(null);

/** An empty `fields` object as the normaliser makes them (the check worker rebuilds records with it). */
export function newFields(): Dict<string> {
  return new Fields();
}

/** Whether a character code is whitespace that String.prototype.trim removes (ASCII, NBSP, BOM or another Unicode space). */
function trimmable(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Build the per-record normaliser for a mapping once; it runs per row. */
export function createNormalizer(mapping: MappingEntry[]): Normalizer {
  const index: number[] = [];
  const columns: string[] = [];
  const names: string[] = [];
  mapping.forEach((m, i) => {
    if (m.field) {
      index.push(i);
      columns.push(m.column);
      names.push(m.field);
    }
  });
  const n = index.length;
  return (raw) => {
    const fields = new Fields();
    const cells = raw.cells;
    for (let k = 0; k < n; k++) {
      const v = cells ? cells[index[k]] : raw.values?.get(columns[k]);
      if (v === undefined || v.length === 0) continue;
      // Trim only when an end is whitespace (a copy otherwise).
      const t = trimmable(v.charCodeAt(0)) || trimmable(v.charCodeAt(v.length - 1)) ? v.trim() : v;
      const field = names[k];
      if (t !== '' && fields[field] === undefined) fields[field] = t;
    }
    return { row: raw.row, line: raw.line, fields, nested: raw.nested, facts: undefined };
  };
}
