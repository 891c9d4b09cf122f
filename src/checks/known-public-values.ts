// Values published in API specifications, documentation, test fixtures or public samples: a "leak" carrying them
// recycles public material.
import publicValues from '../formats/public-values.json' with { type: 'json' };
import { DOC_EXAMPLE_REF_IDS, SPEC_EXAMPLE_VALUES } from '../validators/index.js';
import { defineCheck } from '../types.js';
import { count } from '../report/numbers.js';

interface PublicValues {
  values: { field: string; value: string; label: string; source: string }[];
  sessionIds: { label: string; source: string; values: string[] };
}

const DATA = publicValues as PublicValues;
const SPEC = 'a CoWin API specification example';

/** field -> value -> where it was published (a short label; public-values.json has the full provenance). */
const KNOWN: ReadonlyMap<string, ReadonlyMap<string, string>> = (() => {
  const m = new Map<string, Map<string, string>>();
  const add = (field: string, value: string, source: string): void => {
    let byValue = m.get(field);
    if (!byValue) m.set(field, (byValue = new Map()));
    if (!byValue.has(value)) byValue.set(value, source);
  };
  for (const v of DATA.values) add(v.field, v.value, v.label);
  for (const id of DATA.sessionIds.values) add('session_id', id, DATA.sessionIds.label);
  for (const id of DOC_EXAMPLE_REF_IDS) add('beneficiary_reference_id', id, SPEC);
  return m;
})();

const FIELDS = [...KNOWN.keys()];

/**
 * The (length, first code unit) pairs of every published value, as bits: a value outside them is none of them,
 * told without the two lookups, which hash every value of every row (this check cost ~165 ms per million rows,
 * most of it in those hashes). Lengths from 64 and code units from 128 are not tabled: such values are looked up.
 */
const SHAPES = new Uint8Array(64 * 128);
const tabled = (v: string): boolean => v.length > 0 && v.length < 64 && v.charCodeAt(0) < 128;
for (const v of [...[...KNOWN.values()].flatMap((m) => [...m.keys()]), ...SPEC_EXAMPLE_VALUES]) {
  if (tabled(v)) SHAPES[v.length * 128 + v.charCodeAt(0)] = 1;
}

/** False when `v` cannot be a published value (see SHAPES); values the table does not cover are looked up. */
function mayBePublished(v: string): boolean {
  return !tabled(v) || SHAPES[v.length * 128 + v.charCodeAt(0)] === 1;
}

/** Keys of nested arrays that hold session or appointment ids (a centre's sessions, a beneficiary's appointments). */
const NESTED: ReadonlyArray<readonly [key: string, inner: string, field: string, path: string]> = [
  ['sessions', 'session_id', 'session_id', 'sessions.session_id'],
  ['appointments', 'session_id', 'session_id', 'appointments.session_id'],
  ['appointments', 'appointment_id', 'appointment_id', 'appointments.appointment_id'],
];

export default defineCheck({
  meta: {
    id: 'known-public-values',
    category: 'duplicates',
    severity: 'warning',
    description: 'Values published in API specs, documentation, test fixtures or public samples (the recycled flag)',
    messages: {
      known: '{{field}} is a published value: {{source}}',
    },
    fields: FIELDS,
    docs: {
      why: "Fabricators pad samples with whatever they find: the API spec's example reference id 1234567890123 and name Rajesh Pawar, Swagger's default UUID 3fa85f64-5717-4562-b3fc-2c963f66afa6, test certificates, the session ids of public slot-bot samples. Genuine leaked records never carry documentation values, and a public sample's ids appear only in data recycled from it.",
      baseline: 'Genuine: none. Fabricated: rare, but decisive where present.',
      sources: ['cowin-formats.md §0.2, §2.2, §7 ("Duplication")', 'cowin-data/api-specs/*.yaml', 'cowin-data/samples/ (SOURCES.md)', 'src/formats/public-values.json'],
    },
  },
  create(ctx) {
    const fields = FIELDS.filter((f) => ctx.mapped.has(f)).map((f) => [f, KNOWN.get(f)!] as const);
    const bySource = new Map<string, number>();
    let rows = 0;
    let matched = false;
    const check = (field: string, value: string, known: ReadonlyMap<string, string>, row: number, line: number): void => {
      if (!mayBePublished(value)) return;
      const source = known.get(value) ?? (SPEC_EXAMPLE_VALUES.has(value) ? SPEC : undefined);
      if (source === undefined) return;
      bySource.set(source, (bySource.get(source) ?? 0) + 1);
      // One finding per record (its first match); every match is counted by source.
      if (!matched) ctx.report({ messageId: 'known', row, line, field, value, data: { field, source } });
      matched = true;
    };
    return {
      record(rec) {
        ctx.applicable();
        matched = false;
        const f = rec.fields;
        for (let i = 0; i < fields.length; i++) {
          const v = f[fields[i][0]];
          if (v !== undefined) check(fields[i][0], v, fields[i][1], rec.row, rec.line);
        }
        if (rec.nested) {
          for (let i = 0; i < NESTED.length; i++) {
            const items = rec.nested.get(NESTED[i][0]);
            if (!items) continue;
            const known = KNOWN.get(NESTED[i][2])!;
            for (const item of items) {
              const v = item.get(NESTED[i][1]);
              if (v !== undefined) check(NESTED[i][3], v, known, rec.row, rec.line);
            }
          }
        }
        if (matched) rows++;
      },
      finish() {
        if (rows === 0) return undefined;
        const list = [...bySource].sort((a, b) => b[1] - a[1]).map(([s, n]) => `${count(n)} from ${s}`);
        return {
          summary: `${count(rows)} records carry values already published (${list.join('; ')}): recycled public material.`,
          flags: ['recycled'],
          data: { records: rows, values: [...bySource.values()].reduce((a, b) => a + b, 0) },
        };
      },
    };
  },
});
