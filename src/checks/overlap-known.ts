// Rows already in a known sample or fingerprint (`--against`): recycled data. Applies only with --against.
import { HashSet64, setOf } from '../dedupe/hashset.js';
import { RecordKeys, SET_KINDS, type Fingerprint, type KeyHash, type SetKind } from '../dedupe/fingerprint.js';
import { defineCheck, type Flag } from '../types.js';
import { count as n } from '../report/numbers.js';

/** Share of this sample's rows found in the references at or above which the sample is flagged `recycled` ... */
export const RECYCLED_MIN_SHARE = 0.2;
/** ... provided at least this many rows are found. */
export const RECYCLED_MIN_ROWS = 5;

/** What `ctx.options.against` holds (built by src/dedupe/load.ts before the analysis starts). */
export interface AgainstOption {
  keyHash: KeyHash;
  references: { label: string; fingerprint: Fingerprint }[];
}

const WHAT: Record<SetKind, string> = { records: 'the whole record', ids: 'an identifier', people: 'the same person (name, birth year, gender)' };

export default defineCheck({
  meta: {
    id: 'overlap-known',
    category: 'duplicates',
    severity: 'warning',
    description: 'Rows already present in a known sample or fingerprint given with --against',
    messages: {
      known: 'already in {{reference}}: {{what}}',
    },
    docs: {
      why:
        'Resellers re-dump old leaks as new ones (the alleged Australian DoE dump was K7Maths; ICMR 2023 is a likely source for later "CoWin" claims). Rows whose record, identifiers or person keys appear in an earlier sample are recycled.',
      baseline:
        'Both sides go through the same mapping and normalisation, so renamed columns, reordered rows and CSV vs JSON still match. A row counts when its whole record, any identifier, or its person key (folded name + birth year + gender) is in a reference. Recycled: at least 20% of rows and at least 5 rows found.',
      sources: ['verification-and-peers.md R9', 'HIBP: recycled and combined data'],
    },
  },
  create(ctx) {
    const opt = ctx.options.against as AgainstOption | undefined;
    if (!opt || !opt.references.length) return { record() {}, finish() {} };
    const refSets: Record<SetKind, HashSet64> = { people: new HashSet64(), records: new HashSet64(), ids: new HashSet64() };
    const missing: string[] = [];
    for (const { label, fingerprint } of opt.references) {
      for (const kind of SET_KINDS) {
        const hashes = fingerprint.sets[kind];
        if (!hashes) {
          if (!missing.includes(label)) missing.push(label);
          continue;
        }
        if (refSets[kind].size === 0) refSets[kind] = setOf(hashes);
        else {
          const w = new Uint32Array(hashes.buffer, hashes.byteOffset, hashes.length * 2);
          for (let i = 0; i < hashes.length; i++) refSets[kind].add(w[2 * i + 1], w[2 * i]);
        }
      }
    }
    const label = opt.references.length === 1 ? opt.references[0].label : `${opt.references.length} references`;
    const shared: Record<SetKind, HashSet64> = { people: new HashSet64(), records: new HashSet64(), ids: new HashSet64() };
    const keys = new RecordKeys(opt.keyHash);
    let rows = 0;
    let known = 0;
    let best: SetKind | null = null;
    let bestField: string | null = null;
    const rank: Record<SetKind, number> = { records: 3, ids: 2, people: 1 };
    const visit = (set: SetKind, hi: number, lo: number, field: string | null): void => {
      if (!refSets[set].has(hi, lo)) return;
      shared[set].add(hi, lo);
      if (best === null || rank[set] > rank[best]) {
        best = set;
        bestField = field;
      }
    };
    return {
      record(rec) {
        rows++;
        ctx.applicable();
        best = null;
        bestField = null;
        keys.visit(rec, visit);
        if (best === null) return;
        known++;
        const field: string | null = bestField;
        ctx.report({
          messageId: 'known',
          row: rec.row,
          line: rec.line,
          field,
          value: field ? rec.fields[field] ?? null : null,
          data: { reference: label, what: WHAT[best as SetKind] },
        });
      },
      finish() {
        const share = rows ? known / rows : 0;
        const flags: Flag[] = share >= RECYCLED_MIN_SHARE && known >= RECYCLED_MIN_ROWS ? ['recycled'] : [];
        const data = {
          references: opt.references.length,
          rowsKnown: known,
          sharedPeople: shared.people.size,
          sharedRecords: shared.records.size,
          sharedIds: shared.ids.size,
        };
        const skipped = missing.length ? ` (${missing.join(', ')}: sketch only, not matched row by row)` : '';
        const summary = known
          ? `${n(known)} of ${n(rows)} rows (${Math.round(share * 100)}%) are in ${label}: ${n(shared.people.size)} shared people, ${n(shared.records.size)} shared records, ${n(shared.ids.size)} shared identifiers${flags.length ? '; recycled' : ''}${skipped}`
          : `none of ${n(rows)} rows is in ${label}${skipped}`;
        return { summary, flags, data };
      },
    };
  },
});
