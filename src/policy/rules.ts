// Pure rule functions over the policy timeline: what a genuine CoWin record could contain on a given day.
// Days are UTC day numbers (src/dates.ts). Verdicts are shared frozen objects built at load: nothing is allocated per call.

import { dayNumber, yearOf } from '../dates.js';
import { TIMELINE, VACCINES } from './timeline.js';
import type {
  Certainty,
  DoseIntervalRule,
  DoseKind,
  GroupRule,
  IntervalExceptionRule,
  MobileLimitRule,
  PrecautionIntervalRule,
  Rule,
  TimelineEntry,
  VaccineId,
  VaccineKnownRule,
  VaccineUseRule,
} from './timeline.js';

export type { Certainty, DoseKind, TimelineEntry, VaccineId } from './timeline.js';

type EntryOf<K extends Rule['kind']> = TimelineEntry<Extract<Rule, { kind: K }>>;

function ofKind<K extends Rule['kind']>(kind: K): EntryOf<K>[] {
  return TIMELINE.filter((e): e is EntryOf<K> => e.rule.kind === kind);
}

/**
 * Days of slack below every minimum interval (dose to dose, and to the precaution dose). One day because
 * certificates carry UTC timestamps while doses are given in IST, and "after 28 days" was read both as day 28
 * and day 29 (CoWin once let a Covaxin dose 2 be booked on day 27: cowinapi/developer.cowin#470); one more for
 * doses entered the day after they were given. CoWin refused bookings under the minimum (from 16-05-2021 for
 * Covishield's 84 days), so anything earlier than this slack is a strong signal.
 */
export const MIN_GRACE_DAYS = 3;

/**
 * Days after an interval was lengthened during which second doses under the previous rule still happened:
 * appointments booked before Covishield went to 84 days (13-05-2021) were honoured, and CoWin only enforced
 * the new gap from 16-05-2021 (ndtv.com, 16-05-2021). Sessions were published about a week ahead.
 */
export const TRANSITION_DAYS = 14;

const AGE_BASIS = ofKind('age-basis');
const FIRST_YEAR = 1900;
const YEAR_STARTS: Int32Array = (() => {
  const a = new Int32Array(2101 - FIRST_YEAR);
  for (let i = 0; i < a.length; i++) a[i] = dayNumber(FIRST_YEAR + i, 1, 1);
  return a;
})();

function calendarYear(day: number): number {
  if (day < YEAR_STARTS[0] || day >= YEAR_STARTS[YEAR_STARTS.length - 1]) return yearOf(day);
  let lo = 0;
  let hi = YEAR_STARTS.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (YEAR_STARTS[mid] <= day) lo = mid;
    else hi = mid;
  }
  return FIRST_YEAR + lo;
}

/**
 * The age CoWin's rules applied to someone born in `birthYear`, on `day`: in 2021 and 2022 the age attained
 * in 2022 (the 2021 phases counted age "as of 1 January 2022"; the 2022 groups were birth-year ranges), from
 * 2023 the calendar year minus the birth year (assumed; entry `age-basis-calendar` is uncertain).
 */
export function effectiveAge(birthYear: number, day: number): number {
  let basis = AGE_BASIS[0];
  for (let i = 1; i < AGE_BASIS.length; i++) if (AGE_BASIS[i].day <= day) basis = AGE_BASIS[i];
  return (basis.rule.asOfYear ?? calendarYear(day)) - birthYear;
}

const EXACT = 0;
const NEAR = 1;
const OUTSIDE = 2;

/** Exactly one year outside a range is NEAR: birth-year arithmetic and the portal's own reckoning differ by a year. */
function fit(age: number, min: number, max: number | null): number {
  if (age < min) return age === min - 1 ? NEAR : OUTSIDE;
  if (max !== null && age > max) return age === max + 1 ? NEAR : OUTSIDE;
  return EXACT;
}

function finite(a: number, b: number): boolean {
  return Number.isFinite(a) && Number.isFinite(b);
}

/** A verdict object per (entry, status), shared across calls. */
function verdicts<S extends string, E extends TimelineEntry>(
  list: readonly E[],
  statuses: readonly S[],
): Map<E, Readonly<Record<S, Readonly<{ status: S; entry: E }>>>> {
  const m = new Map<E, Readonly<Record<S, Readonly<{ status: S; entry: E }>>>>();
  for (const entry of list) {
    const row = {} as Record<S, Readonly<{ status: S; entry: E }>>;
    for (const status of statuses) row[status] = Object.freeze({ status, entry });
    m.set(entry, Object.freeze(row));
  }
  return m;
}

/**
 * - `eligible`: a group open that day covers this age (and the condition, if the caller says it is met).
 * - `borderline`: one year short of (or past) such a group: not evidence on its own.
 * - `comorbidity-only`: covered only by a group that required a comorbidity, and the caller did not say.
 * - `priority-only`: covered only as a health-care or frontline worker.
 * - `too-young`: no open group covers this age, even as a priority worker.
 * - `not-open`: before the first group of that course opened (16-01-2021 primary, 10-01-2022 precaution).
 */
export type EligibilityStatus = 'eligible' | 'borderline' | 'comorbidity-only' | 'priority-only' | 'too-young' | 'not-open';

export interface EligibilityVerdict {
  readonly status: EligibilityStatus;
  /** The group relied on: the one that covers the person, or for `too-young`/`not-open` the youngest/first group. */
  readonly entry: TimelineEntry<GroupRule>;
}

export interface EligibilityOptions {
  /** Default `primary`. */
  doseKind?: DoseKind;
  /** From `comorbidity_ind`: true for `Y`, false for `N`, omitted when unknown. */
  comorbid?: boolean;
  /** true when the person is known to be a health-care or frontline worker, false when known not to be. */
  priority?: boolean;
}

const ELIGIBILITY_STATUSES: readonly EligibilityStatus[] = [
  'eligible', 'borderline', 'comorbidity-only', 'priority-only', 'too-young', 'not-open',
];
const GROUPS: Readonly<Record<DoseKind, readonly EntryOf<'group'>[]>> = {
  primary: ofKind('group').filter((e) => e.rule.doseKind === 'primary'),
  precaution: ofKind('group').filter((e) => e.rule.doseKind === 'precaution'),
};
const ELIGIBILITY = verdicts(ofKind('group'), ELIGIBILITY_STATUSES);
const RANKED: readonly EligibilityStatus[] = ['eligible', 'borderline', 'comorbidity-only', 'priority-only'];

/** The day CoWin's programme started (16-01-2021). */
export const PROGRAMME_START: number = GROUPS.primary[0].day;

/**
 * Whether someone born in `birthYear` was eligible by age (and group) for a dose on `day`. For a primary course
 * pass the day of dose 1: dose 2 only follows it. Undefined when either number is NaN.
 */
export function eligibility(birthYear: number, day: number, opts?: EligibilityOptions): EligibilityVerdict | undefined {
  if (!finite(birthYear, day)) return undefined;
  const groups = GROUPS[opts?.doseKind ?? 'primary'];
  if (day < groups[0].day) return ELIGIBILITY.get(groups[0])!['not-open'];
  const comorbid = opts?.comorbid;
  const priority = opts?.priority;
  const age = effectiveAge(birthYear, day);
  let best = RANKED.length;
  let bestEntry: EntryOf<'group'> | undefined;
  let youngest = groups[0];
  for (const g of groups) {
    if (g.day > day) break;
    const r = g.rule;
    if (r.condition === 'none' && (youngest.rule.condition !== 'none' || r.minAge < youngest.rule.minAge)) youngest = g;
    const f = fit(age, r.minAge, r.maxAge);
    if (f === OUTSIDE) continue;
    let rank: number;
    if (r.condition === 'none') rank = f;
    else if (r.condition === 'comorbidity') {
      if (comorbid === false) continue;
      rank = comorbid === true ? f : 2;
    } else {
      if (priority === false) continue;
      rank = priority === true ? f : 3;
    }
    if (rank < best) {
      best = rank;
      bestEntry = g;
    }
  }
  const row = ELIGIBILITY.get(bestEntry ?? youngest)!;
  return bestEntry === undefined ? row['too-young'] : row[RANKED[best]];
}

/**
 * The youngest age group (no condition attached) open for a first dose on `day`: `.rule.minAge` is its lower
 * age. Undefined before 01-03-2021, when only priority workers were vaccinated.
 */
export function ageGroupOpenOn(day: number): TimelineEntry<GroupRule> | undefined {
  let open: EntryOf<'group'> | undefined;
  for (const g of GROUPS.primary) {
    if (g.day > day) break;
    if (g.rule.condition === 'none' && (open === undefined || g.rule.minAge < open.rule.minAge)) open = g;
  }
  return open;
}

/**
 * - `allowed`: offered in CoWin that day for this age and dose kind (check `entry.certainty`: an uncertain
 *   grant makes the dose possible, not proven).
 * - `borderline`: offered to an age group one year away.
 * - `not-yet`: offered to this age and dose kind only later (`entry` is that later grant), or, for a vaccine
 *   with no known CoWin roll-out, before it even existed.
 * - `wrong-age`: offered for this dose kind, never to this age (e.g. Corbevax primary for adults).
 * - `wrong-dose-kind`: never offered as this dose kind (e.g. iNCOVACC as a first dose).
 * - `unknown`: the vaccine existed but no CoWin roll-out for this dose kind is known (Sputnik Light, GEMCOVAC).
 */
export type VaccineStatus = 'allowed' | 'borderline' | 'not-yet' | 'wrong-age' | 'wrong-dose-kind' | 'unknown';

export interface VaccineVerdict {
  readonly status: VaccineStatus;
  readonly entry: TimelineEntry<VaccineUseRule | VaccineKnownRule>;
}

const VACCINE_STATUSES: readonly VaccineStatus[] = ['allowed', 'borderline', 'not-yet', 'wrong-age', 'wrong-dose-kind', 'unknown'];
const CERTAINTY_RANK: Readonly<Record<Certainty, number>> = { sourced: 0, weak: 1, uncertain: 2 };

interface VaccineFacts {
  primary: EntryOf<'vaccine-use'>[];
  precaution: EntryOf<'vaccine-use'>[];
  known: EntryOf<'vaccine-known'>[];
}

const USES = ofKind('vaccine-use');
const KNOWN = ofKind('vaccine-known');
const VACCINE_FACTS: ReadonlyMap<VaccineId, VaccineFacts> = (() => {
  const m = new Map<VaccineId, VaccineFacts>();
  for (const v of VACCINES) {
    const facts: VaccineFacts = {
      primary: USES.filter((e) => e.rule.vaccine === v.id && e.rule.doseKind === 'primary'),
      precaution: USES.filter((e) => e.rule.vaccine === v.id && e.rule.doseKind === 'precaution'),
      known: KNOWN.filter((e) => e.rule.vaccine === v.id),
    };
    if (facts.primary.length + facts.precaution.length + facts.known.length === 0) {
      throw new Error(`policy timeline: no entry for vaccine ${v.id}`);
    }
    m.set(v.id, facts);
  }
  return m;
})();
const VACCINE_VERDICTS = verdicts<VaccineStatus, TimelineEntry<VaccineUseRule | VaccineKnownRule>>(
  [...USES, ...KNOWN],
  VACCINE_STATUSES,
);

/**
 * Whether `vaccine` was offered in CoWin on `day` to someone born in `birthYear`, as a `doseKind` dose. For a
 * primary course pass the day of dose 1 (dose 2 repeats dose 1's vaccine, even after a birthday moves the
 * person into another group). Undefined when either number is NaN.
 */
export function vaccineAllowed(vaccine: VaccineId, day: number, birthYear: number, doseKind: DoseKind): VaccineVerdict | undefined {
  if (!finite(birthYear, day)) return undefined;
  const facts = VACCINE_FACTS.get(vaccine);
  if (facts === undefined) return undefined;
  const grants = facts[doseKind];
  const age = effectiveAge(birthYear, day);
  let allowed: EntryOf<'vaccine-use'> | undefined;
  let near: EntryOf<'vaccine-use'> | undefined;
  let later: EntryOf<'vaccine-use'> | undefined;
  let inForce: EntryOf<'vaccine-use'> | undefined;
  for (const g of grants) {
    const f = fit(age, g.rule.minAge, g.rule.maxAge);
    if (g.day <= day) {
      inForce = g;
      if (f === EXACT) {
        if (allowed === undefined || CERTAINTY_RANK[g.certainty] < CERTAINTY_RANK[allowed.certainty]) allowed = g;
      } else if (f === NEAR && near === undefined) near = g;
    } else if (f !== OUTSIDE && later === undefined) later = g;
  }
  if (allowed !== undefined) return VACCINE_VERDICTS.get(allowed)!.allowed;
  if (near !== undefined) return VACCINE_VERDICTS.get(near)!.borderline;
  if (later !== undefined) return VACCINE_VERDICTS.get(later)!['not-yet'];
  if (grants.length > 0) return VACCINE_VERDICTS.get(inForce ?? grants[0])!['wrong-age'];
  if (facts.known.length > 0) {
    const k = facts.known[0];
    return VACCINE_VERDICTS.get(k)![day < k.day ? 'not-yet' : 'unknown'];
  }
  const other = facts[doseKind === 'primary' ? 'precaution' : 'primary'];
  return VACCINE_VERDICTS.get(other[0])!['wrong-dose-kind'];
}

const FIRST_USE: ReadonlyMap<VaccineId, TimelineEntry<VaccineUseRule>> = (() => {
  const m = new Map<VaccineId, TimelineEntry<VaccineUseRule>>();
  for (const e of USES) if (!m.has(e.rule.vaccine)) m.set(e.rule.vaccine, e);
  return m;
})();

/** The first day a vaccine was offered in CoWin for any group or dose kind; undefined if it never was (as far as known). */
export function vaccineFirstUse(vaccine: VaccineId): TimelineEntry<VaccineUseRule> | undefined {
  return FIRST_USE.get(vaccine);
}

function foldName(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    if ((c >= 65 && c <= 90) || (c >= 48 && c <= 57)) out += String.fromCharCode(c);
  }
  return out;
}

const BY_SPELLING = new Map<string, VaccineId>();
const BY_FOLD = new Map<string, VaccineId>();
const LABELS = new Map<VaccineId, string>();
for (const v of VACCINES) {
  LABELS.set(v.id, v.label);
  for (const s of [v.label, ...v.spellings]) {
    BY_SPELLING.set(s, v.id);
    BY_FOLD.set(foldName(s), v.id);
  }
}
// Values that miss the exact table repeat row after row (" covishield", "Covishield "), so remember them; the
// cap keeps a column of free text from growing the cache without bound.
const MISSES = new Map<string, VaccineId | null>();
const MISS_CAP = 1024;

/**
 * The canonical id of a vaccine name in any spelling seen (`COVISHIELD`, `Covaxin`, `SPUTNIK V`, `ZYCOV D`,
 * `iNCOVACC`, `Sputnik Light`, ...): case, spaces and punctuation are ignored. Undefined for anything else.
 */
export function normalizeVaccine(value: string): VaccineId | undefined {
  const exact = BY_SPELLING.get(value);
  if (exact !== undefined) return exact;
  const cached = MISSES.get(value);
  if (cached !== undefined) return cached ?? undefined;
  const id = BY_FOLD.get(foldName(value)) ?? null;
  if (MISSES.size >= MISS_CAP) MISSES.clear();
  MISSES.set(value, id);
  return id ?? undefined;
}

/** The display name of a vaccine id (`ZyCoV-D`). */
export function vaccineLabel(vaccine: VaccineId): string {
  return LABELS.get(vaccine) ?? vaccine;
}

/** `strong`: CoWin enforced it, so a breach is evidence; `weak`: guidance only, often exceeded. */
export type BoundStrength = 'strong' | 'weak';

/** The primary-course interval in force for a second dose given on a given day. */
export interface IntervalInForce {
  readonly vaccine: VaccineId;
  readonly minDays: number;
  /** null where no upper end was stated. */
  readonly maxDays: number | null;
  /** Doses in the primary course (ZyCoV-D: 3, then 2). */
  readonly doses: number;
  /** Slack allowed below minDays (MIN_GRACE_DAYS). */
  readonly graceDays: number;
  /** The minimum was enforced by CoWin at booking. */
  readonly minStrength: BoundStrength;
  /** The maximum was a recommendation: second doses weeks or months late were common. */
  readonly maxStrength: BoundStrength;
  readonly entry: TimelineEntry<DoseIntervalRule>;
  /** The shorter rule this one replaced, when the second dose falls within TRANSITION_DAYS of the change. */
  readonly previous: TimelineEntry<DoseIntervalRule> | null;
  /** A documented exception in force (Covishield after 28 days for travellers abroad). */
  readonly exception: TimelineEntry<IntervalExceptionRule> | null;
}

/**
 * - `ok`: at least minDays - graceDays and, where stated, at most maxDays.
 * - `late`: beyond maxDays (weak: common in genuine data).
 * - `early-transition`: too early for the rule in force but fine under the rule it replaced days before.
 * - `early-exception`: too early except under a documented exception (expect it rarely).
 * - `early`: too early under any rule: strong evidence.
 * - `not-after-previous`: the later dose is on or before the earlier one.
 */
export type IntervalStatus = 'ok' | 'late' | 'early-transition' | 'early-exception' | 'early' | 'not-after-previous';

export interface IntervalVerdict {
  readonly status: IntervalStatus;
  readonly rule: IntervalInForce;
}

const INTERVAL_STATUSES: readonly IntervalStatus[] = ['ok', 'late', 'early-transition', 'early-exception', 'early', 'not-after-previous'];

interface IntervalSlot {
  from: number;
  /** Second doses before this day may still follow `previous`. */
  transitionEnd: number;
  /** Days the exceptions in this slot start, ascending. */
  exceptionDays: number[];
  /** variants[inTransition ? 1 : 0][number of exceptions started]. */
  variants: IntervalInForce[][];
  verdicts: Map<IntervalInForce, Readonly<Record<IntervalStatus, IntervalVerdict>>>;
}

const INTERVAL_SLOTS: ReadonlyMap<VaccineId, readonly IntervalSlot[]> = (() => {
  const intervals = ofKind('interval');
  const exceptions = ofKind('interval-exception');
  const m = new Map<VaccineId, IntervalSlot[]>();
  for (const v of VACCINES) {
    const list = intervals.filter((e) => e.rule.vaccine === v.id);
    const slots: IntervalSlot[] = [];
    for (let i = 0; i < list.length; i++) {
      const entry = list[i];
      const next = list[i + 1];
      const prev = i > 0 && list[i - 1].rule.minDays < entry.rule.minDays ? list[i - 1] : null;
      const excs = exceptions.filter(
        (x) => x.rule.vaccine === v.id && x.day >= entry.day && (next === undefined || x.day < next.day),
      );
      const make = (previous: TimelineEntry<DoseIntervalRule> | null, exception: TimelineEntry<IntervalExceptionRule> | null): IntervalInForce =>
        Object.freeze({
          vaccine: v.id,
          minDays: entry.rule.minDays,
          maxDays: entry.rule.maxDays,
          doses: entry.rule.doses,
          graceDays: MIN_GRACE_DAYS,
          minStrength: 'strong' as const,
          maxStrength: 'weak' as const,
          entry,
          previous,
          exception,
        });
      const variants = [null, prev].map((p) => [null, ...excs].map((x) => make(p, x)));
      const vmap = new Map<IntervalInForce, Readonly<Record<IntervalStatus, IntervalVerdict>>>();
      for (const rule of variants.flat()) {
        const row = {} as Record<IntervalStatus, IntervalVerdict>;
        for (const status of INTERVAL_STATUSES) row[status] = Object.freeze({ status, rule });
        vmap.set(rule, Object.freeze(row));
      }
      slots.push({
        from: entry.day,
        transitionEnd: prev === null ? entry.day : entry.day + TRANSITION_DAYS,
        exceptionDays: excs.map((x) => x.day),
        variants,
        verdicts: vmap,
      });
    }
    if (slots.length > 0) m.set(v.id, slots);
  }
  return m;
})();

function intervalSlot(vaccine: VaccineId, day: number): IntervalSlot | undefined {
  const slots = INTERVAL_SLOTS.get(vaccine);
  if (slots === undefined || !(day >= slots[0].from)) return undefined;
  let s = slots[0];
  for (let i = 1; i < slots.length; i++) if (slots[i].from <= day) s = slots[i];
  return s;
}

function variantOf(s: IntervalSlot, day: number): IntervalInForce {
  let k = 0;
  while (k < s.exceptionDays.length && s.exceptionDays[k] <= day) k++;
  return s.variants[day < s.transitionEnd ? 1 : 0][k];
}

/**
 * The primary-course interval in force on the day the later dose was given. The later dose's day is the
 * yardstick because a change applied to everyone still waiting: first doses of April 2021 got their Covishield
 * dose 2 in July under the 84-day rule of 13-05-2021. For ZyCoV-D's third dose pass the day of dose 3.
 * Undefined before the vaccine had an interval in CoWin, or for a vaccine without a primary course there.
 */
export function intervalRule(vaccine: VaccineId, dose2Day: number): IntervalInForce | undefined {
  const s = intervalSlot(vaccine, dose2Day);
  return s === undefined ? undefined : variantOf(s, dose2Day);
}

/**
 * Judge the gap between two consecutive primary doses of `vaccine` against intervalRule(vaccine, laterDay).
 * Undefined when there is no rule (see intervalRule) or a day is NaN.
 */
export function judgeInterval(vaccine: VaccineId, earlierDay: number, laterDay: number): IntervalVerdict | undefined {
  if (!finite(earlierDay, laterDay)) return undefined;
  const s = intervalSlot(vaccine, laterDay);
  if (s === undefined) return undefined;
  const rule = variantOf(s, laterDay);
  const row = s.verdicts.get(rule)!;
  const gap = laterDay - earlierDay;
  if (gap <= 0) return row['not-after-previous'];
  if (gap < rule.minDays - rule.graceDays) {
    if (rule.previous !== null && gap >= rule.previous.rule.minDays - rule.graceDays) return row['early-transition'];
    if (rule.exception !== null && gap >= rule.exception.rule.minDays - rule.graceDays) return row['early-exception'];
    return row.early;
  }
  if (rule.maxDays !== null && gap > rule.maxDays) return row.late;
  return row.ok;
}

/** The precaution-dose rule in force on a day. */
export interface PrecautionInForce {
  /** Minimum days after the last primary dose. */
  readonly minDays: number;
  /** Slack allowed below minDays (MIN_GRACE_DAYS). */
  readonly graceDays: number;
  readonly interval: TimelineEntry<PrecautionIntervalRule>;
  /** The widest group eligible besides health-care and frontline workers (who always were). */
  readonly who: TimelineEntry<GroupRule>;
  readonly minAge: number;
  readonly comorbidityRequired: boolean;
  /** The widest group could get it only at private centres. */
  readonly privateOnly: boolean;
}

const PRECAUTION_ERAS: readonly { from: number; rule: PrecautionInForce }[] = (() => {
  const intervals = ofKind('precaution-interval');
  const groups = GROUPS.precaution.filter((g) => g.rule.condition !== 'priority');
  const days = [...new Set([...intervals, ...groups].map((e) => e.day))].sort((a, b) => a - b);
  const widerThan = (a: EntryOf<'group'>, b: EntryOf<'group'>): boolean =>
    a.rule.minAge !== b.rule.minAge
      ? a.rule.minAge < b.rule.minAge
      : a.rule.condition !== b.rule.condition
        ? a.rule.condition === 'none'
        : !a.rule.privateOnly && b.rule.privateOnly;
  const eras: { from: number; rule: PrecautionInForce }[] = [];
  for (const from of days) {
    const interval = intervals.filter((e) => e.day <= from).at(-1);
    let who: EntryOf<'group'> | undefined;
    for (const g of groups) if (g.day <= from && (who === undefined || widerThan(g, who))) who = g;
    if (interval === undefined || who === undefined) continue;
    eras.push({
      from,
      rule: Object.freeze({
        minDays: interval.rule.minDays,
        graceDays: MIN_GRACE_DAYS,
        interval,
        who,
        minAge: who.rule.minAge,
        comorbidityRequired: who.rule.condition === 'comorbidity',
        privateOnly: who.rule.privateOnly,
      }),
    });
  }
  return eras;
})();

/**
 * The precaution-dose rule in force on `day` (the day of the precaution dose): minimum days after dose 2 and
 * who could get it. Undefined before 10-01-2022. For one person's eligibility use
 * eligibility(birthYear, day, { doseKind: 'precaution' }).
 */
export function precautionRule(day: number): PrecautionInForce | undefined {
  let found: PrecautionInForce | undefined;
  for (const era of PRECAUTION_ERAS) {
    if (era.from > day) break;
    found = era.rule;
  }
  return found;
}

const MOBILE_LIMITS = ofKind('mobile-limit');

/**
 * The limit on beneficiaries per mobile number in force on `day` (`.rule.max`: 4, then 6 from 21-01-2022).
 * Undefined before self-registration opened on 01-03-2021.
 */
export function mobileLimitOn(day: number): TimelineEntry<MobileLimitRule> | undefined {
  let found: TimelineEntry<MobileLimitRule> | undefined;
  for (const e of MOBILE_LIMITS) {
    if (e.day > day) break;
    found = e;
  }
  return found;
}

/** A one-line citation for a report: summary, date, certainty when not sourced, first source. */
export function citation(entry: TimelineEntry): string {
  const cut = entry.source.indexOf(' ; ');
  const source = cut < 0 ? entry.source : entry.source.slice(0, cut);
  const hedge = entry.certainty === 'sourced' ? '' : `, ${entry.certainty}`;
  return `${entry.summary} (from ${entry.date}${hedge}; ${source})`;
}
