// The generated normaliser (src/normalize/record.ts): one shape per sample, trimmed values, column names as data.
import { describe, expect, it } from 'vitest';
import { inferMapping, nullMarker } from '../src/normalize/mapping.js';
import { createNormalizer } from '../src/normalize/record.js';
import { REPORT_SCHEMA } from '../src/report-schema.js';
import { NULL_MARKERS, type MappingEntry } from '../src/types.js';

const map = (pairs: [string, string | null][]): MappingEntry[] => pairs.map(([column, field]) => ({ column, field, source: field ? 'header' : null }));

describe('createNormalizer', () => {
  it('gives every mapped field a property, trimmed, undefined when empty or blank', () => {
    const normalize = createNormalizer(map([['Name', 'name'], ['serial', null], ['Mobile', 'mobile_number'], ['YOB', 'birth_year']]));
    const rec = normalize({ row: 3, line: 4, cells: ['  Asha Devi ', '17', '', ' \u00a0 '] });
    expect(rec.row).toBe(3);
    expect(rec.line).toBe(4);
    expect(Object.keys(rec.fields)).toEqual(['name', 'mobile_number', 'birth_year']);
    expect(rec.fields.name).toBe('Asha Devi');
    expect(rec.fields.mobile_number).toBeUndefined();
    expect(rec.fields.birth_year).toBeUndefined();
    // No prototype chain: inherited names are not there.
    expect(rec.fields.constructor).toBeUndefined();
    expect(rec.fields.toString).toBeUndefined();
  });

  it('takes the first non-empty of the columns mapped to one field', () => {
    const normalize = createNormalizer(map([['a', 'name'], ['b', 'name']]));
    expect(normalize({ row: 1, line: 2, cells: ['', 'B'] }).fields.name).toBe('B');
    expect(normalize({ row: 1, line: 2, cells: ['A', 'B'] }).fields.name).toBe('A');
  });

  it('reads JSON values by column name, a name that looks like code included, as data', () => {
    const evil = "x']); globalThis.pwned = 1; (['";
    const normalize = createNormalizer(map([[evil, 'name'], ['__proto__', 'gender']]));
    const rec = normalize({ row: 1, line: 1, values: new Map([[evil, 'Ravi'], ['__proto__', 'M']]) });
    expect(rec.fields.name).toBe('Ravi');
    expect(rec.fields.gender).toBe('M');
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('gender');
  });

  it('refuses a field that is not a canonical field id', () => {
    expect(() => createNormalizer(map([['a', 'name; globalThis.pwned = 1']]))).toThrow(/not a canonical field/);
  });

  it('reads the sample\'s null marker as an empty value, compared whole, in the columns given one', () => {
    const mapping = map([['Name', 'name'], ['Dose 2', 'dose2_date']]).map((m) => ({ ...m, nullMarker: 'NULL' as const }));
    const normalize = createNormalizer(mapping);
    const rec = normalize({ row: 1, line: 2, cells: ['NULL ', 'NULL'] });
    expect([rec.fields.name, rec.fields.dose2_date, rec.rewritten]).toEqual([undefined, undefined, undefined]);
    expect(normalize({ row: 2, line: 3, cells: ['NULLA Devi', 'null'] }).fields).toMatchObject({ name: 'NULLA Devi', dose2_date: 'null' });
  });
});

describe('nullMarker', () => {
  const rows = (cells: string[][]) => cells.map((c, i) => ({ row: i + 1, line: i + 2, cells: c }));
  it('finds the word most cells write for an empty value, whole, in cells or keyed values', () => {
    expect(nullMarker(rows([['Asha', 'NULL', '-'], ['Ravi', 'NULL', '21-06-2021']]))).toBe('NULL');
    expect(nullMarker(rows([['Asha', ' \\N '], ['Ravi', '']]))).toBe('\\N');
    expect(nullMarker([{ row: 1, line: 1, values: new Map([['dose2', 'NA'], ['name', 'Asha']]) }])).toBe('NA');
    expect(nullMarker(rows([['Asha', ''], ['NULLA', 'None of these']]))).toBeNull();
  });

  it('a column mapped by its values is judged on the values that are not the marker', () => {
    // Most second doses missing, written NULL: the column is still one of dates.
    const cells = Array.from({ length: 20 }, (_, i) => [`${['Asha', 'Ravi', 'Sita', 'Mohan'][i % 4]} ${['Rao', 'Kumar', 'Devi', 'Das', 'Singh'][i % 5]}`, i % 4 ? 'NULL' : `1${i % 9}-08-2021`]);
    const mapping = inferMapping(['column_1', 'column_2'], rows(cells), new Map());
    expect(mapping.map((m) => [m.field, m.nullMarker])).toEqual([
      ['name', 'NULL'],
      ['dose1_date', 'NULL'],
    ]);
  });

  it('the report schema lists every marker', () => {
    const items = (REPORT_SCHEMA as { properties: { mapping: { items: { properties: { nullMarker: { enum: string[] } } } } } }).properties.mapping.items.properties.nullMarker;
    expect(items.enum).toEqual([...NULL_MARKERS]);
  });
});
