// The registry: every check, in report order. Explicit, so a check is on only when it is listed here.
import type { Check } from '../types.js';
import blankRow from './blank-row.js';
import headerLabels from './header-labels.js';
import inputComplete from './input-complete.js';
import jsonStructure from './json-structure.js';
import quoting from './quoting.js';
import rowShape from './row-shape.js';
import textEncoding from './text-encoding.js';

export const CHECKS: readonly Check[] = [inputComplete, textEncoding, quoting, jsonStructure, headerLabels, rowShape, blankRow];

export function findCheck(id: string): Check | undefined {
  return CHECKS.find((c) => c.meta.id === id);
}
