// The known CoWin record formats as JSON Schemas (one file per profile, each citing its source), validated with
// ajv, the field validators of src/validators registered as ajv formats. The built CLI carries every validator
// compiled ahead of time (ajv's standalone code, src/formats/standalone.ts); run from sources, ajv compiles each
// profile's schema on first use.
import { Ajv, type CodeOptions, type ErrorObject, type ValidateFunction } from 'ajv';
import ucs2module from 'ajv/dist/runtime/ucs2length.js';
import { PRECOMPILED } from './precompiled.js';
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

/** Every format the schemas name, by name: the generated code reads them from here. */
export const ALL_FORMATS: Readonly<Record<string, (value: string) => boolean>> = Object.freeze({ ...FORMATS, ...SCHEMA_FORMATS });

/**
 * An ajv holding every schema and format. verbose: errors carry their schema, so messages can say what was
 * expected (only failing values pay for it). validateSchema off: checking our own schemas against the draft-07
 * meta-schema cost ~40 ms of every start (both threads); test/formats/schemas.test.ts checks them instead.
 * `code`: for ajv's standalone code (the build).
 */
export function schemaAjv(code?: CodeOptions): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true, verbose: true, validateSchema: false, code });
  for (const [name, fn] of Object.entries(ALL_FORMATS)) ajv.addFormat(name, fn);
  for (const s of Object.values(SCHEMAS)) ajv.addSchema(s);
  return ajv;
}

/** The schema at a URI: a profile's, or one inside it (`cowin-appointment.schema.json#/definitions/appointment`). */
function schemaAt(uri: string): Record<string, unknown> | undefined {
  const [base, pointer = ''] = uri.split('#');
  let node: unknown = Object.values(SCHEMAS).find((d) => d.$id === base);
  for (const key of pointer.split('/').slice(1)) node = node && typeof node === 'object' && Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
  return node as Record<string, unknown> | undefined;
}

/** The URI of each nested array's item schema in a profile's schema, by the array's key. */
function nestedUris(doc: SchemaDoc): [key: string, uri: string][] {
  return Object.entries(doc.properties).flatMap(([key, prop]) => {
    if (prop.type !== 'array') return [];
    const ref = prop.items?.$ref;
    if (!ref) throw new Error(`schema ${doc.$id}: array ${key} needs items.$ref`);
    return [[key, new URL(ref, doc.$id).href]];
  });
}

/** Every validator the profiles use, by URI: each profile's schema and its nested arrays' item schemas. */
export const VALIDATOR_URIS: readonly string[] = [...new Set(Object.values(SCHEMAS).flatMap((d) => [d.$id, ...nestedUris(d).map(([, uri]) => uri)]))];

// A CommonJS module: Node's import hands over its module.exports, Vite's its `default` export.
const ucs2length: unknown = typeof (ucs2module as unknown) === 'function' ? ucs2module : ucs2module.default;

/** What ajv's standalone code may require(), as require() would return it: its runtime helpers, bundled with the CLI. */
export const STANDALONE_RUNTIME: Readonly<Record<string, unknown>> = Object.freeze({ 'ajv/dist/runtime/ucs2length': { default: ucs2length } });

/**
 * The validators of ajv's standalone code (CommonJS, formats read from `F`, one export `v<i>` per
 * {@link VALIDATOR_URIS} entry), by URI. The code is ours, generated by the build from our schemas.
 */
export function loadStandalone(code: string): Map<string, ValidateFunction> {
  const exports: Record<string, ValidateFunction> = Object.create(null);
  const require = (id: string): unknown => {
    if (!Object.hasOwn(STANDALONE_RUNTIME, id)) throw new Error(`standalone validators require ${id}`);
    return STANDALONE_RUNTIME[id];
  };
  new Function('exports', 'require', 'F', code)(exports, require, ALL_FORMATS);
  return new Map(VALIDATOR_URIS.map((uri, i) => [uri, exports[`v${i}`]]));
}

let precompiled: Map<string, ValidateFunction> | undefined;
let ajv: Ajv | undefined;

/** The validator of the schema at `uri`: compiled ahead of time in the built CLI, else by ajv (on first use). */
function validatorAt(uri: string): ValidateFunction {
  const v = PRECOMPILED === undefined ? (ajv ??= schemaAjv()).getSchema(uri) : (precompiled ??= loadStandalone(PRECOMPILED)).get(uri);
  if (!v) throw new Error(`schema ${uri} did not compile`);
  return v;
}

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
  const validate = validatorAt(doc.$id);
  const properties = Object.keys(doc.properties).filter((key) => doc.properties[key].type !== 'array');
  const nested: NestedValidator[] = nestedUris(doc).map(([key, uri]) => ({
    key,
    validate: validatorAt(uri),
    properties: Object.keys((schemaAt(uri)?.properties as object | undefined) ?? {}),
  }));
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

/** Made on first use: from sources, the check worker needs one profile's schema compiled, not all of them (~25 ms each). */
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

