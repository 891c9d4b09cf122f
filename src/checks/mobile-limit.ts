// More beneficiaries on one mobile number than CoWin allowed when their records were made (4, then 6).
import { formatDmy } from '../dates.js';
import { citation, mobileLimitOn } from '../policy/rules.js';
import { TIMELINE, type MobileLimitRule, type TimelineEntry } from '../policy/timeline.js';
import { defineCheck, type CheckOutcome, type FindingInput, type SampleRecord } from '../types.js';
import { normalizeMobile } from '../validators/mobile.js';
import { KeyTable, hashFolded, hashHigh, hashString } from './support/key-table.js';
import { recordFacts } from './support/record-facts.js';
import { RuleTally, num, sampledNote, share } from './support/summary.js';

/** Every limit the timeline knows (4, 6): the row of the member past each is kept for the example. */
const LIMITS: readonly number[] = [
  ...new Set(TIMELINE.flatMap((e) => (e.rule.kind === 'mobile-limit' ? [e.rule.max] : []))),
].sort((a, b) => a - b);
/** Distinct beneficiaries told apart per number: one past the highest limit. */
export const KEEP = LIMITS[LIMITS.length - 1] + 1;

// Per-number layout in the table's values.
const COUNT = 0; // distinct beneficiaries (beyond KEEP: records of people not among the first KEEP)
const LAST_DAY = 1; // latest dose day + 1 (0: none)
const UNDATED = 2; // 1 when a member has no dose date (registered, not vaccinated: any time up to the as-of day)
const NUM_HI = 3; // the 10-digit number, for the example
const NUM_LO = 4;
const PAST = 5; // [row, line] of the member past each limit
const PEOPLE = PAST + 2 * LIMITS.length; // KEEP person hashes
const WIDTH = PEOPLE + KEEP;

/** What the check reads from a record with a full mobile number (one object, reused). */
export interface MobileRecord {
  /** The 10-digit number. */
  mobile: string;
  /** Who the record is about: its reference id, else its folded-name hash and birth year (0 when unknown). */
  ref: string | undefined;
  name: number;
  year: number;
  /** Its latest dose day, at most the as-of day; 0 when it has none. */
  last: number;
}

const read: MobileRecord = { mobile: '', ref: undefined, name: 0, year: 0, last: 0 };

/** Records that could not be counted: the number masked or unreadable, or nothing saying who the record is about. */
export interface Uncounted {
  masked: number;
  anonymous: number;
}

/**
 * Read a record for the mobile-limit count (shared with the DuckDB engine): null when it has no mobile number or
 * cannot be counted (then tallied in `uncounted`).
 */
export function readMobileRecord(rec: SampleRecord, asOfDay: number, uncounted: Uncounted): MobileRecord | null {
  const f = rec.fields;
  const raw = f.mobile_number;
  if (raw === undefined) return null;
  const mobile = normalizeMobile(raw);
  if (mobile === undefined) {
    uncounted.masked++;
    return null;
  }
  const x = recordFacts(rec);
  read.mobile = mobile;
  read.ref = f.beneficiary_reference_id;
  read.name = 0;
  read.year = 0;
  if (read.ref === undefined) {
    read.name = f.name === undefined ? 0 : hashFolded(f.name);
    if (read.name === 0) {
      uncounted.anonymous++;
      return null;
    }
    read.year = Number.isNaN(x.birthYear) ? 0 : x.birthYear;
  }
  const last = Math.max(x.dose1 || 0, x.dose2 || 0, x.precaution || 0, x.vaccination || 0);
  read.last = last > asOfDay ? asOfDay : last > 0 ? last : 0;
  return read;
}

/** The finding for a number past the limit in force on `day` (shared with the DuckDB engine). */
export function overFinding(row: number, line: number, mobile: string, people: number, limit: TimelineEntry<MobileLimitRule>, day: number): FindingInput {
  return {
    messageId: 'over',
    row,
    line,
    field: 'mobile_number',
    value: mobile,
    data: {
      count: people > KEEP ? `more than ${KEEP - 1}` : people,
      limit: limit.rule.max,
      when: `from ${limit.date}; records up to ${formatDmy(day)}`,
    },
  };
}

/**
 * The check's conclusion (shared with the DuckDB engine): `over` of `judged` numbers past their limit, `excess`
 * beneficiaries too many, `tally` per rule (for the citation), `sampled` share of numbers followed.
 */
export function concludeMobiles(o: { judged: number; over: number; excess: number; tally: RuleTally<TimelineEntry>; uncounted: Uncounted; sampled: number }): CheckOutcome {
  const { masked, anonymous } = o.uncounted;
  if (o.judged === 0) return masked > 0 ? { summary: `${num(masked)} masked or unreadable mobile numbers could not be grouped.`, data: { masked } } : {};
  const worst = (o.tally.worst() ?? o.tally.commonest())?.entry;
  return {
    summary:
      `${share(o.over, o.judged)} full mobile numbers${sampledNote(o.sampled, 'numbers')} carry more beneficiaries than the limit in force` +
      (worst ? ` (${citation(worst)})` : '') +
      `: ${num(o.excess)} beneficiaries too many. ${num(masked)} masked or unreadable numbers could not be grouped.`,
    data: { excessBeneficiaries: o.excess, masked, anonymous, sampled: o.sampled },
  };
}

const SEED_MOBILE = 0x6d6f62;
const SEED_REF = 0x726566;
const TWO32 = 2 ** 32;

export default defineCheck({
  meta: {
    id: 'mobile-limit',
    category: 'consistency',
    severity: 'warning',
    description: 'Mobile numbers with more beneficiaries than the limit in force (4 from 01-03-2021, 6 from 21-01-2022)',
    messages: {
      over: '{{count}} beneficiaries on one mobile number; the limit was {{limit}} ({{when}})',
    },
    fields: ['mobile_number'],
    docs: {
      why:
        'CoWin let one mobile number register up to 4 beneficiaries from 01-03-2021 and up to 6 from 21-01-2022, and refused more ("cannot register more than 4 individuals with one mobile number"). A number is judged against the limit in force on its members\' latest dose date, or on the as-of day when a member has no dose yet (registered later, perhaps); numbers whose records all predate self-registration are not judged. Beneficiaries are told apart by reference id, else by name and birth year; repeated records of one person (certificates per dose) count once. Masked numbers (last 4 digits) cannot be grouped and are skipped. Memory is bounded (about 38 MB): past about 393,000 numbers a hash sample of them is followed.',
      baseline:
        'Genuine: 0 (CoWin enforced it). Fabricated: 0 for generators giving everyone a fresh number, high for samples inflated by reusing numbers; the rate is per mobile number.',
      sources: ['cowin-formats.md §0 fact 9, §1.6 (409 error), §6', 'src/policy/timeline.ts mobile-limit-4, mobile-limit-6'],
    },
  },
  create(ctx) {
    const table = new KeyTable(WIDTH, 19);
    const uncounted: Uncounted = { masked: 0, anonymous: 0 };
    return {
      record(rec) {
        table.project(rec.row, ctx.expectedRows);
        const r = readMobileRecord(rec, ctx.asOfDay, uncounted);
        if (r === null) return;
        const { mobile, last } = r;
        const person = r.ref !== undefined ? hashString(r.ref, SEED_REF) : (r.name ^ Math.imul(r.year, 0x9e3779b1)) >>> 0;
        const lo = hashString(mobile, SEED_MOBILE);
        const base = table.slot(lo, hashHigh);
        if (base < 0) return;
        const v = table.data;
        if (table.created) {
          const n = +mobile;
          v[base + NUM_HI] = Math.floor(n / TWO32);
          v[base + NUM_LO] = n >>> 0;
        }
        if (last > 0) {
          if (last + 1 > v[base + LAST_DAY]) v[base + LAST_DAY] = last + 1;
        } else v[base + UNDATED] = 1;
        const count = v[base + COUNT];
        const known = count < KEEP ? count : KEEP;
        for (let i = 0; i < known; i++) if (v[base + PEOPLE + i] === person) return;
        v[base + COUNT] = count + 1;
        if (count < KEEP) v[base + PEOPLE + count] = person;
        for (let k = 0; k < LIMITS.length; k++) {
          if (count === LIMITS[k]) {
            v[base + PAST + 2 * k] = rec.row;
            v[base + PAST + 2 * k + 1] = rec.line;
          }
        }
      },
      finish(): CheckOutcome {
        const v = table.data;
        const over: { base: number; at: number; day: number; limit: TimelineEntry<MobileLimitRule> }[] = [];
        const tally = new RuleTally<TimelineEntry>();
        let judged = 0;
        let excess = 0;
        table.forEach((base) => {
          const day = v[base + UNDATED] === 1 || v[base + LAST_DAY] === 0 ? ctx.asOfDay : v[base + LAST_DAY] - 1;
          const limit = mobileLimitOn(day);
          if (limit === undefined) return; // all before self-registration
          judged++;
          const bad = v[base + COUNT] > limit.rule.max;
          tally.add(limit, bad);
          if (!bad) return;
          excess += v[base + COUNT] - limit.rule.max;
          over.push({ base, at: base + PAST + 2 * LIMITS.indexOf(limit.rule.max), day, limit });
        });
        ctx.applicable(judged);
        over.sort((a, b) => v[a.at] - v[b.at]);
        for (const { base, at, day, limit } of over) {
          const number = String(v[base + NUM_HI] * TWO32 + v[base + NUM_LO]).padStart(10, '0');
          ctx.report(overFinding(v[at], v[at + 1], number, v[base + COUNT], limit, day));
        }
        return concludeMobiles({ judged, over: over.length, excess, tally, uncounted, sampled: table.sampled });
      },
    };
  },
});
