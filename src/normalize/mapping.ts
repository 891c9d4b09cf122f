// normalize (1/2): decide which canonical field each column holds, by --map, by header, then by values.
import { parseAnyDate, parseShown, shownDates, yearOf } from '../dates.js';
import { UsageError } from '../errors.js';
import { FIELD_BY_ID, fieldForHeader } from '../fields.js';
import { normalizeVaccine } from '../policy/rules.js';
import { NULL_MARKERS, type MappingEntry, type NullMarker, type RawRecord } from '../types.js';
import { GENDER_CODES } from './record.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PAN = /^[A-Z]{5}\d{4}[A-Z]$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;
const MASKED = /^[Xx*•]{4,}[\s-]?\d{4}$/;
const NAME = /^[\p{L}][\p{L}\p{M}.'’ -]{1,60}$/u;
const DECIMAL = /^-?\d{1,3}\.\d+$/;
const GENDERS = new Set(['male', 'female', 'others', 'other', 'm', 'f', 'transgender']);
const STATUSES = new Set(['not vaccinated', 'partially vaccinated', 'vaccinated', 'fully vaccinated']);

/** A value detector: the field a column holds when most of its values pass `test`. */
interface Detector {
  field: string;
  test: (v: string) => boolean;
}

const digits = (v: string): string => v.replace(/[\s-]/g, '');

// Order matters: the first detector that most values pass wins.
const DETECTORS: Detector[] = [
  { field: 'appointment_id', test: (v) => UUID.test(v) },
  { field: 'beneficiary_reference_id', test: (v) => /^\d{14}$/.test(v) },
  { field: 'aadhaar_number', test: (v) => /^[2-9]\d{11}$/.test(digits(v)) && /^[\d\s-]{12,14}$/.test(v) },
  { field: 'photo_id_number', test: (v) => MASKED.test(v) },
  { field: 'mobile_number', test: (v) => /^(?:\+?91|0)?[6-9]\d{9}$/.test(digits(v)) },
  { field: 'certificate_id', test: (v) => /^[1-9]\d{10}$/.test(v) },
  { field: 'pan_number', test: (v) => PAN.test(v) },
  { field: 'pincode', test: (v) => /^[1-9]\d{5}$/.test(v) },
  { field: 'birth_year', test: (v) => /^(19|20)\d\d$/.test(v) },
  { field: 'gender', test: (v) => GENDERS.has(v.toLowerCase()) },
  { field: 'vaccine', test: (v) => normalizeVaccine(v) !== undefined },
  { field: 'vaccination_status', test: (v) => STATUSES.has(v.toLowerCase()) },
  { field: 'email', test: (v) => EMAIL.test(v) },
  { field: 'latitude', test: (v) => DECIMAL.test(v) && +v >= 6 && +v <= 38 },
  { field: 'longitude', test: (v) => DECIMAL.test(v) && +v >= 68 && +v <= 98 },
  { field: 'name', test: (v) => NAME.test(v) && /\s/.test(v.trim()) },
];

/** Share of a column's non-empty values a detector must pass. */
const VALUE_THRESHOLD = 0.8;
/** Fewer non-empty values than this say nothing about a column. */
const MIN_VALUES = 3;

/** Read a column's values from the first records, without the empty ones (blank, or the sample's null marker). */
function columnValues(records: RawRecord[], column: string, index: number, marker: string | null): string[] {
  const out: string[] = [];
  for (const r of records) {
    const v = r.cells ? r.cells[index] : r.values?.get(column);
    const t = v?.trim();
    if (t !== undefined && t !== '' && t !== marker) out.push(t);
  }
  return out;
}

/** The field a column's values show, given the fields already taken. */
function fieldFromValues(values: string[], taken: Set<string>, dateColumnsSeen: number): string | null {
  if (values.length < MIN_VALUES) return null;
  const enough = Math.ceil(values.length * VALUE_THRESHOLD);
  const shown = shownDates(values);
  const dates = values.map((v) => {
    const d = parseAnyDate(v);
    return Number.isNaN(d) && shown ? parseShown(v, shown) : d;
  });
  if (dates.filter((d) => !Number.isNaN(d)).length >= enough) {
    // Dates before the programme could be dates of birth; vaccination dates come after it.
    const years = dates.filter((d) => !Number.isNaN(d)).map(yearOf).sort((a, b) => a - b);
    if (years[years.length >> 1] < 2020 && !taken.has('date_of_birth')) return 'date_of_birth';
    const order = ['dose1_date', 'dose2_date', 'precaution_dose_date', 'vaccination_date'];
    return order.slice(dateColumnsSeen).find((f) => !taken.has(f)) ?? null;
  }
  for (const d of DETECTORS) {
    if (taken.has(d.field)) continue;
    let n = 0;
    for (const v of values) if (d.test(v)) n++;
    if (n >= enough) return d.field;
  }
  return null;
}

/** Parse `--map column=field` options. */
export function parseMapOptions(maps: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of maps) {
    const eq = m.lastIndexOf('=');
    if (eq <= 0) throw new UsageError(`--map expects <column>=<field>, got "${m}"`);
    const column = m.slice(0, eq).trim();
    const field = m.slice(eq + 1).trim();
    if (field !== '' && field !== '-' && !FIELD_BY_ID.has(field)) {
      throw new UsageError(`--map ${column}=${field}: unknown field "${field}" (see leakcheck fields)`);
    }
    out.set(column, field === '' || field === '-' ? '' : field);
  }
  return out;
}

/** Columns of JSON records: every path seen in the first records, in order of first appearance. */
export function jsonColumns(records: RawRecord[]): string[] {
  const seen = new Set<string>();
  for (const r of records) if (r.values) for (const k of r.values.keys()) seen.add(k);
  return [...seen];
}

const MARKERS: ReadonlySet<string> = new Set(NULL_MARKERS);

/**
 * How the first records write an empty value, if they write it as a word: the null marker (NULL_MARKERS) that most
 * cells hold, whole, or null when no cell is one. A database export writes `NULL` (or `\N`) for every missing
 * value, R writes `NA`; read as written, each would be a malformed date or identifier, and a genuine export would
 * look fabricated.
 */
export function nullMarker(records: readonly RawRecord[]): NullMarker | null {
  const seen = new Map<string, number>();
  for (const r of records) {
    for (const v of r.cells ?? r.values?.values() ?? []) {
      const t = v.trim();
      if (t.length <= 4 && MARKERS.has(t)) seen.set(t, (seen.get(t) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  for (const [t, n] of seen) if (best === null || n > seen.get(best)!) best = t;
  return best as NullMarker | null;
}

/** Map every column onto a canonical field (or null), recording how. */
export function inferMapping(columns: string[], records: RawRecord[], overrides: Map<string, string>): MappingEntry[] {
  const marker = nullMarker(records);
  for (const column of overrides.keys()) {
    if (!columns.includes(column)) {
      throw new UsageError(`--map names column "${column}", which the sample does not have`);
    }
  }
  const taken = new Set<string>();
  const mapping: MappingEntry[] = columns.map((column) => {
    const forced = overrides.get(column);
    if (forced !== undefined) {
      if (forced) taken.add(forced);
      return { column, field: forced || null, source: 'option' as const };
    }
    return { column, field: null, source: null };
  });
  for (const m of mapping) {
    if (m.source) continue;
    const field = fieldForHeader(m.column);
    if (field && !taken.has(field)) {
      taken.add(field);
      m.field = field;
      m.source = 'header';
    }
  }
  let dateColumns = 0;
  columns.forEach((column, i) => {
    const m = mapping[i];
    if (m.source) {
      if (m.field && FIELD_BY_ID.get(m.field)?.kind === 'date' && m.field !== 'date_of_birth') dateColumns++;
      return;
    }
    const field = fieldFromValues(columnValues(records, column, i, marker), taken, dateColumns);
    if (field) {
      taken.add(field);
      m.field = field;
      m.source = 'values';
      if (FIELD_BY_ID.get(field)?.kind === 'date' && field !== 'date_of_birth') dateColumns++;
    }
  });
  // The sample's null marker reads as an empty value in every column.
  if (marker !== null) for (const m of mapping) if (m.field) m.nullMarker = marker;
  // Date columns a spreadsheet or a database re-wrote are read back as the days they name.
  mapping.forEach((m, i) => {
    if (!m.field || FIELD_BY_ID.get(m.field)?.kind !== 'date') return;
    const shown = shownDates(columnValues(records, m.column, i, marker));
    if (shown) m.dates = shown;
  });
  // A gender column written only as letters (M, F) or CoWin's ids (1, 2, 3) in the first records is one coding of
  // the whole column: read as CoWin's words.
  mapping.forEach((m, i) => {
    if (m.field !== 'gender') return;
    const values = columnValues(records, m.column, i, marker);
    if (!values.length) return;
    for (const [code, labels] of Object.entries(GENDER_CODES)) if (values.every((v) => labels.has(v))) m.labels = code as keyof typeof GENDER_CODES;
  });
  return mapping;
}
