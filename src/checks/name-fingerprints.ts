// Faker fingerprints in names, addresses and state names: English titles and suffixes, US street words,
// Faker's misspelled states. Per row: a row carrying any of them is a violation.
import { defineCheck } from '../types.js';
import { share } from './support/summary.js';

/** A title before the name (Faker's Mr./Mrs./Ms./Miss/Dr.): never on an Aadhaar-derived CoWin name. */
const TITLE = /^(?:mr|mrs|ms|miss|dr)\.?\s/i;
/**
 * An English suffix after the name (Faker's Jr., Sr., II-IV, MD, PhD, DDS, DVM). Jr/Sr only with their dot and
 * no single letters, since Indian names often end in initials ("Ramesh S R", "Anitha V"); MD only at the end,
 * since "Md" (Mohammed) opens many names.
 */
const SUFFIX = /[\s,](?:jr\.|sr\.|ii|iii|iv|md|phd|dds|dvm)$/i;
/** US-style street words of Faker's addresses (the ones Indian addresses do not use). */
const US_STREET = /\b(?:harbor|underpass|turnpike|knolls?|crescent|boulevard|blvd|parkway|cove|ridge|hollow|manor|meadows|plaza|terrace|trafficway|viaduct)\b/i;
/** Faker's misspelled state names (indian-id-formats.md §6.1). */
const FAKER_STATES = new Set(['andra pradesh', 'madya pradesh', 'pondicherr', 'dadar and nagar haveli']);

export default defineCheck({
  meta: {
    id: 'name-fingerprints',
    category: 'plausibility',
    severity: 'warning',
    description: "Rows with Faker's fingerprints: English titles or suffixes on names, US street words, misspelled Faker states",
    messages: {
      title: 'the name opens with an English title (Mr., Mrs., Dr. ...), as Faker adds to one name in eight',
      suffix: 'the name ends in an English suffix (Jr., Sr., MD, PhD, DDS, DVM ...), as Faker adds to one name in eight',
      street: 'the address uses a US street word, as Faker addresses do',
      state: "the state is one of Faker's misspellings",
    },
    fields: ['name', 'address', 'state'],
    docs: {
      why:
        "CoWin names come from the photo ID (mostly Aadhaar) and carry no title or English suffix. faker-js en_IN puts a title on 12.4% of names and an English suffix (Jr., Sr., I-V, MD, DDS, PhD, DVM) on 12.5%, writes US-style addresses (\"8835 Iyer Crescent\") and misspells state names (\"Andra Pradesh\"). Single-letter suffixes are not counted (South Indian initials), nor a leading Md (Mohammed).",
      baseline: 'Genuine: about 0.2% (a typed title now and then). Faker-made names: about 23%.',
      sources: ['indian-id-formats.md §6.1, §6.3 [T]'],
    },
  },
  create(ctx) {
    const hasName = ctx.mapped.has('name');
    const hasAddress = ctx.mapped.has('address');
    const hasState = ctx.mapped.has('state');
    let n = 0;
    let bad = 0;
    return {
      record(rec) {
        const f = rec.fields;
        const name = hasName ? f.name : undefined;
        const address = hasAddress ? f.address : undefined;
        const state = hasState ? f.state : undefined;
        if (name === undefined && address === undefined && state === undefined) return;
        ctx.applicable();
        n++;
        let messageId: string | undefined;
        let field = 'name';
        let value: string | undefined = name;
        if (name !== undefined) {
          const t = name.trim();
          if (TITLE.test(t)) messageId = 'title';
          else if (SUFFIX.test(t)) messageId = 'suffix';
        }
        if (messageId === undefined && address !== undefined && US_STREET.test(address)) {
          messageId = 'street';
          field = 'address';
          value = address;
        }
        if (messageId === undefined && state !== undefined && state.length < 30 && FAKER_STATES.has(state.trim().toLowerCase())) {
          messageId = 'state';
          field = 'state';
          value = state;
        }
        if (messageId === undefined) return;
        bad++;
        ctx.report({ messageId, row: rec.row, line: rec.line, field, value: value ?? null });
      },
      finish() {
        if (n === 0) return undefined;
        return {
          summary: `${share(bad, n)} rows carry a Faker fingerprint (English title or suffix, US street word, misspelled state); Faker-made names: about 23%.`,
          data: { rows: n, fingerprinted: bad, share: n > 0 ? Math.round((10000 * bad) / n) / 10000 : 0 },
        };
      },
    };
  },
});
