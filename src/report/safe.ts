// Sample-derived text made safe to show: control characters escaped, personal values masked.
import { FIELD_BY_ID } from '../fields.js';

// C0 and C1 controls, DEL, bidirectional marks, overrides and isolates, zero-width and BOM characters, and the
// line and paragraph separators (a terminal or editor may break a line there).
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;

/** Longest sample-derived string a report shows. */
export const MAX_SHOWN = 80;

/** Escape every control or invisible formatting character as `\xNN`/`\uNNNN`, and cap the length. */
export function safeText(s: string, max = MAX_SHOWN): string {
  const cut = s.length > max ? `${s.slice(0, max - 1)}…` : s;
  return cut.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Show at most the last four characters of an identifier, the rest as `•`. */
export function maskTail(value: string): string {
  const v = value.trim();
  const visible = Math.min(4, Math.max(0, v.length - 4));
  return `${'•'.repeat(Math.min(v.length - visible, 12))}${v.slice(v.length - visible)}`;
}

/** A name as initials: "Rajesh Kumar Pawar" -> "R. K. P." */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return parts.length ? parts.map((p) => `${[...p][0]!.toUpperCase()}.`).join(' ') : '';
}

/** How a value of a field appears in a report: masked when personal unless revealed, always escaped. */
export function showValue(field: string | null, value: string, reveal: boolean): string {
  const def = field ? FIELD_BY_ID.get(field) : undefined;
  if (!reveal && def?.personal) {
    if (def.kind === 'name') return safeText(initials(value));
    if (def.kind === 'id' || def.kind === 'contact') return safeText(maskTail(value));
    return safeText(maskTail(value));
  }
  return safeText(value);
}
