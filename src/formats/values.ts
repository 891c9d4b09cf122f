// Small readers of field values that several checks share.
import type { CheckContext, Dict } from '../types.js';
import { isMaskedPan, maskedVisible, photoIdType, type PhotoIdType } from '../validators/index.js';

/**
 * Per-field applicable counts a check keeps itself and hands to the runner once, when it finishes: a call per
 * value would cost more than most checks' own work.
 */
export class FieldCounts {
  private readonly counts: Float64Array;

  constructor(readonly names: readonly string[]) {
    this.counts = new Float64Array(names.length);
  }

  /** Count `n` values of field `i` (an index into `names`). */
  add(i: number, n = 1): void {
    this.counts[i] += n;
  }

  total(): number {
    let t = 0;
    for (let i = 0; i < this.counts.length; i++) t += this.counts[i];
    return t;
  }

  /** Report the counts to the runner (ctx.applicable per field). */
  flush(ctx: CheckContext): void {
    for (let i = 0; i < this.counts.length; i++) if (this.counts[i] > 0) ctx.applicable(this.counts[i], this.names[i]);
  }
}

/** CoWin fields that identify a person; non-CoWin personal fields beside them are an enrichment. */
export const PERSON_FIELDS: readonly string[] = [
  'beneficiary_reference_id', 'name', 'mobile_number', 'photo_id_number', 'aadhaar_number', 'pan_number', 'birth_year', 'date_of_birth',
];

/**
 * A certificate's `credentialSubject.id` is a DID whose middle part names the ID type (`did:Aadhaar Card:XXXXXXXX1234`,
 * `did:in.gov.uidai.aadhaar:…`, cowin-formats.md §3.1): the ID number after the last `:`, or the value itself.
 */
export function idNumberOf(value: string): string {
  if (!value.startsWith('did:')) return value;
  const colon = value.lastIndexOf(':');
  return colon > 3 ? value.slice(colon + 1) : value;
}

/** The ID type a DID names (`did:Aadhaar Card:…` → aadhaar, `did:in.gov.uidai.aadhaar:…` → aadhaar), or undefined. */
export function idTypeOfDid(value: string): PhotoIdType | undefined {
  if (!value.startsWith('did:')) return undefined;
  const colon = value.lastIndexOf(':');
  if (colon <= 4) return undefined;
  const middle = value.slice(4, colon);
  if (middle.includes('uidai') || middle.toLowerCase().includes('aadhaar')) return 'aadhaar';
  return photoIdType(middle);
}

/** The photo-ID type of a record's `photo_id_number`: from `photo_id_type`, else from a DID prefix. */
export function recordPhotoIdType(fields: Dict<string>): PhotoIdType | undefined {
  const t = fields.photo_id_type;
  if (t !== undefined) return photoIdType(t);
  const n = fields.photo_id_number;
  return n === undefined ? undefined : idTypeOfDid(n);
}

/**
 * How many trailing characters of a masked ID number are visible (`XXXXXXXX5438` -> 4, `XXXXXXXX123X` -> 4, a
 * CBDT-masked PAN `AAAPLXXXXA` -> 0), or -1 when the value is not masked (see maskedVisible).
 */
export function maskedIdVisible(value: string): number {
  // Fast path for the common unmasked value: masking starts with a padding character (leading spaces allowed).
  let i = 0;
  while (i < value.length && value.charCodeAt(i) === 32) i++;
  const c = value.charCodeAt(i);
  if (c !== 88 && c !== 120 && c !== 42 && c !== 0x2022) return isMaskedPan(value) ? 0 : -1;
  const n = maskedVisible(value);
  if (n >= 0) return n;
  return isMaskedPan(value) ? 0 : -1;
}

/** True when an ID number is masked in any CoWin or CBDT style (see maskedIdVisible). */
export function isMaskedId(value: string): boolean {
  return maskedIdVisible(value) >= 0;
}
