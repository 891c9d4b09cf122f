// Every record against the JSON Schema of the format the sample matches (src/formats/<profile>.schema.json):
// one finding per field that breaks it, with the field, its row and the rule, and a per-field breakdown.
import type { ErrorObject } from 'ajv';
import { eachFieldError, expectedOf, formatValidator, SCHEMAS } from '../formats/index.js';
import { FieldCounts } from '../formats/values.js';
import { parseIso } from '../dates.js';
import { FIELD_BY_ID } from '../fields.js';
import { defineCheck } from '../types.js';
import { count } from '../report/numbers.js';

/** Every canonical field some format's schema describes. */
const SCHEMA_FIELDS = [...new Set(Object.values(SCHEMAS).flatMap((s) => Object.keys(s.properties)))];

const MESSAGE_OF: Readonly<Record<string, string>> = {
  format: 'format',
  pattern: 'pattern',
  enum: 'enum',
  const: 'const',
  required: 'required',
  not: 'masked',
  minLength: 'length',
  maxLength: 'length',
};

export default defineCheck({
  meta: {
    id: 'record-schema',
    category: 'schema',
    severity: 'error',
    description: 'Records against the JSON Schema of the CoWin format the sample matches',
    messages: {
      format: '{{field}} is not {{expected}}',
      pattern: '{{field}} is not {{expected}}',
      enum: '{{field}} is not one of: {{expected}}',
      const: '{{field}} is not {{expected}}',
      required: '{{field}} is empty, which the {{profile}} format never leaves it',
      masked: '{{field}} is masked, which the {{profile}} format never is',
      length: '{{field}} has an impossible length for the {{profile}} format',
      other: '{{field}} does not match the {{profile}} format ({{expected}})',
    },
    fields: SCHEMA_FIELDS,
    docs: {
      why: 'Genuine records come out of one system in one format: its key names, identifier lengths, masking, date convention and vocabularies. Each schema describes one CoWin format as its API, certificate signer or export writes it, with the quirks real responses show; values that break it did not come from that format as it was.',
      baseline: 'Genuine output of a format matches its schema apart from rare data-entry quirks (estimate: under 1% of values); hand-made and Faker samples break masking, identifier lengths and vocabularies.',
      sources: ['src/formats/*.schema.json (the $comment of each names its source)', 'cowin-formats.md §0, §1.5, §2.2-2.7, §3, §7'],
    },
  },
  create(ctx) {
    const v = ctx.profile ? formatValidator(ctx.profile.id) : undefined;
    if (!v) return { record() {}, finish: () => 'no CoWin record format identified: nothing to validate against' };
    const profile = v.id;
    // Only mapped fields can hold values; a required field no column maps is a mapping fact, not a row's fault.
    const optional = v.properties.filter((p) => ctx.mapped.has(p) && !v.required.has(p));
    const required = v.properties.filter((p) => ctx.mapped.has(p) && v.required.has(p));
    // Counts per field: the optional ones, then the required ones, then each nested array's keys.
    const names = [...optional, ...required];
    const nested = v.nested.map((n) => {
      const base = names.length;
      names.push(...n.properties.map((k) => `${n.key}.${k}`));
      return { ...n, base };
    });
    const counts = new FieldCounts(names);
    const requiredBase = optional.length;
    let rows = 0;
    const byField = new Map<string, number>();
    let total = 0;
    let row = 0;
    let line = 0;
    let values: Record<string, string> = {};
    let item: Record<string, string> = {};
    let prefix = '';
    const report = (field: string, e: ErrorObject, value: string | undefined): void => {
      total++;
      byField.set(field, (byField.get(field) ?? 0) + 1);
      ctx.report({ messageId: MESSAGE_OF[e.keyword] ?? 'other', row, line, field, value: value ?? null, data: { field, profile, expected: expectedOf(e) } });
    };
    let rewritten: Map<string, string> | undefined;
    // A database dump's dates are in the database's convention (date-format judges them): not the format's pattern.
    const typedDate = (field: string, value: string | undefined): boolean =>
      ctx.input.datesTyped === true && FIELD_BY_ID.get(field)?.kind === 'date' && value !== undefined && !Number.isNaN(parseIso(value));
    const onTop = (field: string, e: ErrorObject): void => {
      // Not empty in the sample: unmapped, or a value a spreadsheet rewrote (rewritten-values reports it).
      if (e.keyword === 'required' && (!ctx.mapped.has(field) || rewritten?.has(field))) return;
      if (typedDate(field, values[field])) return;
      report(field, e, values[field]);
    };
    const onNested = (key: string, e: ErrorObject): void => report(`${prefix}.${key}`, e, item[key]);
    return {
      record(rec) {
        row = rec.row;
        line = rec.line;
        values = rec.fields;
        rewritten = rec.rewritten;
        rows++;
        for (let i = 0; i < optional.length; i++) if (values[optional[i]] !== undefined) counts.add(i);
        if (!v.validate(values)) eachFieldError(v.validate.errors, onTop);
        if (!rec.nested) return;
        for (const n of nested) {
          const items = rec.nested.get(n.key);
          if (!items) continue;
          prefix = n.key;
          for (const m of items) {
            item = Object.fromEntries(m);
            for (let i = 0; i < n.properties.length; i++) if (m.has(n.properties[i])) counts.add(n.base + i);
            if (!n.validate(item)) eachFieldError(n.validate.errors, onNested);
          }
        }
      },
      finish() {
        for (let i = 0; i < required.length; i++) counts.add(requiredBase + i, rows);
        counts.flush(ctx);
        const checked = counts.total();
        if (total === 0) return undefined;
        const top = [...byField].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([f, n]) => `${f} ${count(n)}`);
        return `${count(total)} of ${count(checked)} values break the ${profile} schema (${top.join(', ')}${byField.size > 3 ? ', ...' : ''})`;
      },
    };
  },
});
