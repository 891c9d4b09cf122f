// normalize (2/2): turn a raw record into a SampleRecord keyed by canonical field, values trimmed.
import { dict, type MappingEntry, type RawRecord, type SampleRecord } from '../types.js';

export type Normalizer = (raw: RawRecord) => SampleRecord;

/** Build the per-record normaliser for a mapping once; it runs per row. */
export function createNormalizer(mapping: MappingEntry[]): Normalizer {
  const byIndex: [number, string, string][] = [];
  mapping.forEach((m, i) => {
    if (m.field) byIndex.push([i, m.column, m.field]);
  });
  return (raw) => {
    const fields = dict<string>();
    for (const [i, column, field] of byIndex) {
      const v = raw.cells ? raw.cells[i] : raw.values?.get(column);
      if (v === undefined) continue;
      const t = v.trim();
      if (t !== '' && fields[field] === undefined) fields[field] = t;
    }
    return { row: raw.row, line: raw.line, fields, nested: raw.nested };
  };
}
