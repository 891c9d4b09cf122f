// A PAN's fifth letter is the holder's surname initial: compare it with every token of the name, as a rate.
import { compactId } from '../validators/formats.js';
import { isMaskedPan, panHolderType, panSurnameInitial } from '../validators/pan.js';
import { defineCheck } from '../types.js';
import { percent, share } from './support/summary.js';

/** Bit (1 << letter) for the initial of every token of a name (ASCII letters only; 0 when there is none). */
export function nameInitials(name: string): number {
  let mask = 0;
  let atStart = true;
  for (let i = 0; i < name.length; i++) {
    let c = name.charCodeAt(i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (atStart && letter) {
      if (c >= 97) c -= 32;
      mask |= 1 << (c - 65);
    }
    // Same token rule as panInitialMatchesName: digits and apostrophes continue a token.
    atStart = !letter && !(c >= 48 && c <= 57) && c !== 39 && c < 128;
  }
  return mask;
}

/** The 5th letter of a PAN, full or masked to the CBDT standard (`AAAPLXXXXA`), of an individual (`P`); else -1. */
function panInitial(value: string): number {
  const v = compactId(value);
  if (v.length !== 10) return -1;
  const full = panSurnameInitial(v);
  if (full !== undefined) return panHolderType(v) === 'P' ? full.charCodeAt(0) - 65 : -1;
  return isMaskedPan(v) && v.charCodeAt(3) === 80 ? v.charCodeAt(4) - 65 : -1;
}

/** Rows back whose name serves as the chance baseline: past the families that share a surname on adjacent rows. */
const LAG = 11;

export default defineCheck({
  meta: {
    id: 'pan-name',
    category: 'consistency',
    severity: 'info',
    description: 'PANs whose fifth letter is not the initial of any token of the name (soft; compared with chance)',
    messages: {
      mismatch: 'PAN fifth letter {{letter}} is the initial of no token of the name',
    },
    fields: ['pan_number', 'photo_id_number'],
    docs: {
      why:
        'An individual\'s PAN has the initial of the surname as its fifth letter. Indian names are irregular (surname first or last, reduced to an initial, "Kumar" or "Devi" last, changed at marriage), so any token\'s initial counts and genuine data still misses some; a PAN taken from another person or made up matches a chosen token about 1 time in 26, any of 2-3 tokens about 1 in 10. The check also measures that chance on the sample itself, against the name 11 rows back.',
      baseline: 'Genuine: 5-20% mismatch [M]. Fabricated or shuffled: about 85-90% (chance match ~4% a token).',
      sources: ['indian-id-formats.md §2.2 ("Soft check"), §7.6', 'src/validators/pan.ts panInitialMatchesName'],
    },
  },
  create(ctx) {
    const ring = new Int32Array(LAG);
    let seen = 0;
    let n = 0;
    let miss = 0;
    let lagN = 0;
    let lagMatch = 0;
    return {
      record(rec) {
        const f = rec.fields;
        const name = f.name;
        if (name === undefined) return;
        let field = 'pan_number';
        let letter = f.pan_number === undefined ? -1 : panInitial(f.pan_number);
        if (letter < 0 && f.photo_id_number !== undefined) {
          letter = panInitial(f.photo_id_number);
          field = 'photo_id_number';
        }
        if (letter < 0) return;
        const mask = nameInitials(name);
        if (mask === 0) return;
        ctx.applicable();
        n++;
        // Chance: the same letter against another person's name.
        const slot = seen % LAG;
        if (seen >= LAG) {
          lagN++;
          if ((ring[slot] & (1 << letter)) !== 0) lagMatch++;
        }
        ring[slot] = mask;
        seen++;
        if ((mask & (1 << letter)) !== 0) return;
        miss++;
        ctx.report({
          messageId: 'mismatch',
          row: rec.row,
          line: rec.line,
          field,
          value: f[field] ?? null,
          data: { letter: String.fromCharCode(65 + letter) },
        });
      },
      finish() {
        if (n === 0) return {};
        const chance = lagN > 0 ? ` Against another row's name the letter matches ${share(lagMatch, lagN)}: the chance level.` : '';
        return {
          summary:
            `${share(miss, n)} PANs' fifth letter is the initial of no token of the name; the match rate is ${n ? percent((n - miss) / n) : '-'} ` +
            `(genuine: most match; a random letter matches a token ~4% of the time; indian-id-formats.md §2.2).${chance}`,
          data: { chanceMatches: lagMatch, chanceCompared: lagN, matches: n - miss },
        };
      },
    };
  },
});
