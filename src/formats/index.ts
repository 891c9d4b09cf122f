// The known CoWin record formats as JSON Schemas (one file per profile, each citing its source), compiled once at
// module load with ajv, the field validators of src/validators registered as ajv formats.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { VACCINES } from '../policy/timeline.js';
import { FORMATS, isDmyDate, isIsoDate, MAX_VISIBLE_MASKED, PHOTO_ID_SPECS, photoIdType } from '../validators/index.js';
import { maskedIdVisible } from './values.js';
import appointment from './cowin-appointment.schema.json' with { type: 'json' };
import beneficiary from './cowin-beneficiary.schema.json' with { type: 'json' };
import publicSessions from './cowin-public-sessions.schema.json' with { type: 'json' };
import vaccinator from './cowin-vaccinator-export.schema.json' with { type: 'json' };
import divoc from './divoc-certificate.schema.json' with { type: 'json' };
import telegram from './telegram-bot-2023.schema.json' with { type: 'json' };

interface SchemaDoc {
  $id: string;
  title: string;
  $comment: string;
  required?: string[];
  properties: Record<string, { type?: string; items?: { $ref?: string }; description?: string }>;
}

/** The JSON Schema of each profile, by profile id (src/profiles.ts). */
export const SCHEMAS: Readonly<Record<string, SchemaDoc>> = Object.freeze({
  'cowin-beneficiary': beneficiary as SchemaDoc,
  'cowin-appointment': appointment as SchemaDoc,
  'cowin-public-sessions': publicSessions as SchemaDoc,
  'divoc-certificate': divoc as SchemaDoc,
  'cowin-vaccinator-export': vaccinator as SchemaDoc,
  'telegram-bot-2023': telegram as SchemaDoc,
});

// Photo-ID types exactly as CoWin labels them, plus the client spellings and numeric ids seen in responses
// (cowin-formats.md §2.2, §2.6; indian-id-formats.md §1.1).
const COWIN_PHOTO_ID_LABELS: ReadonlySet<string> = new Set([
  ...Object.values(PHOTO_ID_SPECS).map((s) => s.label),
  'Unique Disability ID (UDID)',
  'Ration Card With Photo',
  ...Object.values(PHOTO_ID_SPECS).flatMap((s) => (s.cowinId === undefined ? [] : [String(s.cowinId)])),
]);
const VACCINE_SPELLINGS: ReadonlySet<string> = new Set(VACCINES.flatMap((v) => v.spellings));

/** Formats the schemas use beyond src/validators' FORMATS. */
export const SCHEMA_FORMATS: Readonly<Record<string, (value: string) => boolean>> = Object.freeze({
  /** A photo-ID type as the beneficiary API spells it. */
  'cowin-photo-id-type': (v: string) => COWIN_PHOTO_ID_LABELS.has(v),
  /** Any spelling of a photo-ID type CoWin accepted (back-end and bot outputs). */
  'photo-id-type': (v: string) => photoIdType(v) !== undefined,
  /** A vaccine spelling seen in CoWin data or certificates (`COVISHIELD`, `Covaxin`). */
  'vaccine-spelling': (v: string) => VACCINE_SPELLINGS.has(v),
  /** An ID number masked as CoWin masks it: at most the last 4 characters visible (a tail ending in X included). */
  'id-masked': (v: string) => {
    const n = maskedIdVisible(v);
    return n >= 0 && n <= MAX_VISIBLE_MASKED;
  },
  /** `DD-MM-YYYY` or ISO 8601. */
  'any-date': (v: string) => isDmyDate(v) || isIsoDate(v),
});

/** What a format error says the value should be, for messages. */
export const FORMAT_LABELS: Readonly<Record<string, string>> = Object.freeze({
  'cowin-ref-id': 'a 14-digit beneficiary reference id',
  'mobile-masked': 'masked as CoWin masks mobile numbers (last 4 digits)',
  'id-masked': 'masked as CoWin masks ID numbers (at most the last 4 characters visible)',
  'uuid-v4': 'a UUID v4',
  'dmy-date': 'a DD-MM-YYYY date',
  'iso-date': 'an ISO 8601 date',
  'any-date': 'a DD-MM-YYYY or ISO 8601 date',
  vaccine: 'a vaccine as the CoWin API spells it',
  'vaccine-spelling': 'a vaccine name as CoWin or its certificates spell it',
  'certificate-id': 'an 11-digit certificate id',
  'cowin-photo-id-type': 'a photo-ID type as the CoWin API labels it',
  'photo-id-type': 'a photo-ID type CoWin accepted',
});

// verbose: errors carry their schema, so messages can say what was expected (only failing values pay for it).
// validateSchema off: checking our own schemas against the draft-07 meta-schema cost ~40 ms of every start
// (both threads); test/formats/schemas.test.ts checks them instead.
const ajv = new Ajv({ allErrors: true, strict: true, verbose: true, validateSchema: false });
for (const [name, fn] of Object.entries(FORMATS)) ajv.addFormat(name, fn);
for (const [name, fn] of Object.entries(SCHEMA_FORMATS)) ajv.addFormat(name, fn);
for (const s of Object.values(SCHEMAS)) ajv.addSchema(s);

/** A compiled validator for the objects of one nested array (a centre's `sessions`, a beneficiary's `appointments`). */
export interface NestedValidator {
  /** The array's key in the record. */
  key: string;
  validate: ValidateFunction;
  /** Keys the item schema describes. */
  properties: readonly string[];
}

/** One profile's compiled schema. */
export interface FormatValidator {
  id: string;
  title: string;
  /** Validates a record's canonical fields (`SampleRecord.fields`). */
  validate: ValidateFunction;
  /** Canonical fields the schema describes, in schema order (nested arrays excluded). */
  properties: readonly string[];
  required: ReadonlySet<string>;
  nested: readonly NestedValidator[];
  /** The schema of each property, for messages (description, enum, pattern). */
  propertySchema(field: string): Record<string, unknown> | undefined;
}

function compile(id: string, doc: SchemaDoc): FormatValidator {
  const validate = ajv.getSchema(doc.$id);
  if (!validate) throw new Error(`schema ${doc.$id} did not compile`);
  const properties: string[] = [];
  const nested: NestedValidator[] = [];
  for (const [key, prop] of Object.entries(doc.properties)) {
    if (prop.type !== 'array') {
      properties.push(key);
      continue;
    }
    const ref = prop.items?.$ref;
    if (!ref) throw new Error(`schema ${id}: array ${key} needs items.$ref`);
    const uri = new URL(ref, doc.$id).href;
    const item = ajv.getSchema(uri);
    if (!item) throw new Error(`schema ${id}: cannot resolve ${uri}`);
    const itemDoc = item.schema as { properties?: Record<string, unknown> };
    nested.push({ key, validate: item, properties: Object.keys(itemDoc.properties ?? {}) });
  }
  const props = doc.properties as Record<string, Record<string, unknown>>;
  return Object.freeze({
    id,
    title: doc.title,
    validate,
    properties,
    required: new Set(doc.required ?? []),
    nested,
    propertySchema: (field: string) => (Object.hasOwn(props, field) ? props[field] : undefined),
  });
}

/** Compiled on first use: the check worker needs one profile's schema, not all of them (~25 ms each). */
const VALIDATORS = new Map<string, FormatValidator>();

/** The compiled schema of a profile, or undefined for an unknown id. */
export function formatValidator(profileId: string): FormatValidator | undefined {
  let v = VALIDATORS.get(profileId);
  if (v === undefined && Object.hasOwn(SCHEMAS, profileId)) VALIDATORS.set(profileId, (v = compile(profileId, SCHEMAS[profileId])));
  return v;
}

/** What an error says the value should be, from its schema (never from the value): for messages. */
export function expectedOf(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  const parent = e.parentSchema as { description?: string } | undefined;
  switch (e.keyword) {
    case 'format':
      return FORMAT_LABELS[p.format as string] ?? String(p.format);
    case 'enum':
      return (p.allowedValues as unknown[]).map(String).join(', ');
    case 'const':
      return String(p.allowedValue);
    case 'pattern':
      return parent?.description ?? `/${String(p.pattern)}/`;
    default:
      return parent?.description ?? e.keyword;
  }
}

/** The field (first path segment, JSON-pointer unescaped) an ajv error is about; `required` errors name the missing one. */
export function errorField(e: ErrorObject): string {
  if (e.keyword === 'required') return (e.params as { missingProperty: string }).missingProperty;
  const path = e.instancePath;
  const end = path.indexOf('/', 1);
  const seg = end < 0 ? path.slice(1) : path.slice(1, end);
  return seg.includes('~') ? seg.replace(/~1/g, '/').replace(/~0/g, '~') : seg;
}

// Keywords that say what is wrong, preferred over the combinators that wrap them.
const SPECIFIC = new Set(['format', 'pattern', 'enum', 'const', 'required', 'not', 'minLength', 'maxLength', 'type']);

/**
 * One error per field from an ajv error list (allErrors gives several for one value under anyOf): the most
 * specific keyword wins. Calls `each(field, error)` in error order; allocates nothing when `errors` is empty.
 */
export function eachFieldError(errors: readonly ErrorObject[] | null | undefined, each: (field: string, e: ErrorObject) => void): void {
  if (!errors || errors.length === 0) return;
  if (errors.length === 1) {
    each(errorField(errors[0]), errors[0]);
    return;
  }
  const best = new Map<string, ErrorObject>();
  for (const e of errors) {
    const f = errorField(e);
    const prev = best.get(f);
    if (!prev || (!SPECIFIC.has(prev.keyword) && SPECIFIC.has(e.keyword))) best.set(f, e);
  }
  for (const [f, e] of best) each(f, e);
}

