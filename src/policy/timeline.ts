// The CoWin vaccination policy timeline as data: who could get which vaccine, when, how far apart, per mobile number.
// Facts and sources come from /work/shared/reference/cowin-formats.md §6 (timeline), §3.2 (DIVOC dose windows) and §7.

import { parseDmy } from '../dates.js';

/** How far a fact can be trusted: `sourced` (cited source), `weak` (one secondary source), `uncertain` (unconfirmed). */
export type Certainty = 'sourced' | 'weak' | 'uncertain';

/** Canonical vaccine ids. */
export type VaccineId =
  | 'covishield'
  | 'covaxin'
  | 'sputnik-v'
  | 'sputnik-light'
  | 'zycov-d'
  | 'corbevax'
  | 'covovax'
  | 'incovacc'
  | 'gemcovac';

/** `primary`: the doses of the first course; `precaution`: the "booster" given after it. */
export type DoseKind = 'primary' | 'precaution';

/** What a person must be, besides old enough, for a group to cover them. */
export type GroupCondition = 'none' | 'comorbidity' | 'priority';

/**
 * A group that became eligible for a course. Ages are "effective ages" (see AgeBasisRule). Groups only ever
 * opened, never closed, so the groups open on a day are all those dated on or before it.
 */
export interface GroupRule {
  kind: 'group';
  doseKind: DoseKind;
  minAge: number;
  maxAge: number | null;
  /** `priority` = health-care or frontline worker, whatever the age. */
  condition: GroupCondition;
  /** Only at private (paid) centres. */
  privateOnly: boolean;
}

/**
 * How an age was reckoned from a birth year: `asOfYear - birthYear`, or with `asOfYear` null the calendar year
 * of the dose day minus the birth year.
 */
export interface AgeBasisRule {
  kind: 'age-basis';
  asOfYear: number | null;
}

/** A vaccine offered in CoWin from this date, for a dose kind and an effective-age range. Grants accumulate. */
export interface VaccineUseRule {
  kind: 'vaccine-use';
  vaccine: VaccineId;
  doseKind: DoseKind;
  minAge: number;
  maxAge: number | null;
  privateOnly: boolean;
}

/** A vaccine that existed from this date (approval, or CoWin's certificate service knowing its name) with no known CoWin roll-out. */
export interface VaccineKnownRule {
  kind: 'vaccine-known';
  vaccine: VaccineId;
}

/** The days between consecutive primary doses of a vaccine, for second doses given from this date. */
export interface DoseIntervalRule {
  kind: 'interval';
  vaccine: VaccineId;
  minDays: number;
  /** Upper end of the recommended window; null where none was stated. */
  maxDays: number | null;
  /** Doses in the primary course. */
  doses: number;
}

/** A documented exception allowing a shorter interval for some people (not the general rule). */
export interface IntervalExceptionRule {
  kind: 'interval-exception';
  vaccine: VaccineId;
  minDays: number;
}

/** Minimum days from the last primary dose to the precaution dose, for precaution doses given from this date. */
export interface PrecautionIntervalRule {
  kind: 'precaution-interval';
  minDays: number;
}

/** Most beneficiaries one mobile number could register, from this date. */
export interface MobileLimitRule {
  kind: 'mobile-limit';
  max: number;
}

export type Rule =
  | GroupRule
  | AgeBasisRule
  | VaccineUseRule
  | VaccineKnownRule
  | DoseIntervalRule
  | IntervalExceptionRule
  | PrecautionIntervalRule
  | MobileLimitRule;

/** One dated policy fact. */
export interface TimelineEntry<R extends Rule = Rule> {
  /** Stable id, for citing and tests. */
  readonly id: string;
  /** Date it took effect, `DD-MM-YYYY`. */
  readonly date: string;
  /** The same date as a UTC day number (src/dates.ts). */
  readonly day: number;
  readonly rule: R;
  /** One line a report can quote. */
  readonly summary: string;
  /** URL(s) or reference section(s), `;`-separated. */
  readonly source: string;
  readonly certainty: Certainty;
  /** Caveats: what is unconfirmed, what the date means. */
  readonly note?: string;
}

/** A vaccine's names: a label for reports and the spellings seen in the wild. */
export interface VaccineInfo {
  id: VaccineId;
  label: string;
  /** The API's spelling; `attested` when seen in real responses, otherwise the most likely form. */
  api: string;
  attested: boolean;
  /** Spellings seen in API responses, certificates and clients; matching ignores case, spaces and punctuation. */
  spellings: readonly string[];
}

/**
 * Vaccine names. Upper-case API strings for Covishield, Covaxin, Sputnik V, Corbevax and Covovax are attested;
 * the strings for ZyCoV-D, Sputnik Light, iNCOVACC and GEMCOVAC are not (cowin-formats.md §0.7, §6 "Vaccine
 * spellings", §8), so several forms are listed. `SPUTNIK` alone is how slot clients labelled Sputnik V.
 */
export const VACCINES: readonly VaccineInfo[] = [
  { id: 'covishield', label: 'Covishield', api: 'COVISHIELD', attested: true, spellings: ['COVISHIELD', 'Covishield'] },
  { id: 'covaxin', label: 'Covaxin', api: 'COVAXIN', attested: true, spellings: ['COVAXIN', 'Covaxin'] },
  { id: 'sputnik-v', label: 'Sputnik V', api: 'SPUTNIK V', attested: true, spellings: ['SPUTNIK V', 'Sputnik V', 'SPUTNIK-V', 'SPUTNIK'] },
  { id: 'sputnik-light', label: 'Sputnik Light', api: 'SPUTNIK LIGHT', attested: false, spellings: ['SPUTNIK LIGHT', 'Sputnik Light'] },
  { id: 'zycov-d', label: 'ZyCoV-D', api: 'ZYCOV-D', attested: false, spellings: ['ZYCOV-D', 'ZyCoV-D', 'ZYCOV D', 'ZYCOVD', 'ZYCOV'] },
  { id: 'corbevax', label: 'Corbevax', api: 'CORBEVAX', attested: true, spellings: ['CORBEVAX', 'Corbevax'] },
  { id: 'covovax', label: 'Covovax', api: 'COVOVAX', attested: true, spellings: ['COVOVAX', 'Covovax'] },
  { id: 'incovacc', label: 'iNCOVACC', api: 'iNCOVACC', attested: false, spellings: ['iNCOVACC', 'INCOVACC'] },
  { id: 'gemcovac', label: 'GEMCOVAC', api: 'GEMCOVAC', attested: false, spellings: ['GEMCOVAC', 'Gemcovac', 'GEMCOVAC-OM', 'gemcovac®-om'] },
];

const entries: TimelineEntry[] = [];

function add<R extends Rule>(
  id: string,
  date: string,
  certainty: Certainty,
  rule: R,
  summary: string,
  source: string,
  note?: string,
): void {
  const day = parseDmy(date);
  if (Number.isNaN(day)) throw new Error(`policy timeline: bad date ${date} in ${id}`);
  const e: TimelineEntry<R> = note === undefined
    ? { id, date, day, rule, summary, source, certainty }
    : { id, date, day, rule, summary, source, certainty, note };
  entries.push(Object.freeze(e));
}

const group = (doseKind: DoseKind, minAge: number, maxAge: number | null, condition: GroupCondition, privateOnly = false): GroupRule =>
  ({ kind: 'group', doseKind, minAge, maxAge, condition, privateOnly });
const use = (vaccine: VaccineId, doseKind: DoseKind, minAge: number, maxAge: number | null, privateOnly = false): VaccineUseRule =>
  ({ kind: 'vaccine-use', vaccine, doseKind, minAge, maxAge, privateOnly });
const interval = (vaccine: VaccineId, minDays: number, maxDays: number | null, doses = 2): DoseIntervalRule =>
  ({ kind: 'interval', vaccine, minDays, maxDays, doses });

const REF = 'cowin-formats.md §6';
const REF_DIVOC = 'cowin-formats.md §3.2 (egovernments/DIVOC backend/vaccination_api/pkg/models/Certificate.go @8eaec619, @d3801d2d)';

// Groups for the primary course. Priority workers are taken to be adults (minAge 18): nothing says otherwise,
// and the check that uses this only needs "adult".
add('primary-hcw', '16-01-2021', 'sourced', group('primary', 18, null, 'priority'),
  'Programme starts: health-care workers, Covishield and Covaxin',
  `https://www.thehindu.com/news/national/coronavirus-live-updates-16-january-2021/article33585486.ece/amp/ ; ${REF}`);
add('primary-flw', '02-02-2021', 'sourced', group('primary', 18, null, 'priority'),
  'Frontline workers eligible',
  `https://www.republicworld.com/amp/web-stories/indias-covid-vaccination-drive-completes-1-year-heres-complete-timeline-of-events-3932.html ; ${REF}`,
  'Often misreported as 1 February.');
add('primary-60', '01-03-2021', 'sourced', group('primary', 60, null, 'none'),
  'People aged 60 and over eligible',
  `https://www.livemint.com/news/india/maharashtra-and-goa-opt-a-creative-route-to-tackle-vaccine-hesitancy/amp-11616683445381.html ; ${REF}`);
add('primary-45-comorbid', '01-03-2021', 'sourced', group('primary', 45, 59, 'comorbidity'),
  'People aged 45 to 59 with comorbidities eligible',
  `https://www.news18.com/news/india/how-to-register-for-covid-19-vaccine-in-india-request-for-change-of-centre-and-other-facts-3490694.html ; ${REF}`);
add('primary-45', '01-04-2021', 'sourced', group('primary', 45, null, 'none'),
  'Everyone aged 45 and over eligible',
  `https://www.livemint.com/news/india/covid-vaccination-for-above-45-years-starts-from-april-co-win-on-site-registration-process-explained-11617103819187.html ; ${REF}`);
add('primary-18', '01-05-2021', 'sourced', group('primary', 18, null, 'none'),
  'Everyone aged 18 and over eligible',
  `https://www.republicworld.com/amp/web-stories/indias-covid-vaccination-drive-completes-1-year-heres-complete-timeline-of-events-3932.html ; ${REF}`,
  'Registration opened 28-04-2021; doses from 01-05-2021.');
add('primary-15-17', '03-01-2022', 'sourced', group('primary', 15, 17, 'none'),
  'Children aged 15 to 17 (born 2005 to 2007) eligible, Covaxin only',
  `https://www.news18.com/news/india/covid-19-vaccination-for-children-aged-15-17-how-to-register-cowin-portal-steps-to-follow-check-eligibility-4615121.html ; ${REF}`,
  'Registration opened 01-01-2022.');
add('primary-12-14', '16-03-2022', 'sourced', group('primary', 12, 14, 'none'),
  'Children aged 12 to 14 (born 2008 to 2010) eligible, Corbevax only',
  `https://www.businesstoday.in/coronavirus/story/covid-19-vaccination-for-12-14-yr-olds-to-begin-from-today-know-details-326157-2022-03-16 ; ${REF}`);

// Age basis. CoWin keeps only a birth year for most people, so every age here is a year difference.
add('age-basis-2022', '01-03-2021', 'sourced', { kind: 'age-basis', asOfYear: 2022 },
  'Ages counted as attained on 1 January 2022 (in 2022: groups defined by birth year)',
  `https://www.pratidintime.com/cowin-registration-for-vaccine-from-9-am-tomorrow/ ; https://www.cnbctv18.com/healthcare/covid-19-vaccination-phase-2-begins-today-all-you-need-to-know-8458221.htm ; ${REF} "Age thresholds and birth years"`,
  'Also used for days before 01-03-2021. One portal text of 28-04-2021 counted 45+ as born 1976 or earlier, one year stricter: a year\'s difference is borderline.');
add('age-basis-calendar', '01-01-2023', 'uncertain', { kind: 'age-basis', asOfYear: null },
  'Ages counted as calendar year minus birth year',
  REF,
  'Assumed: no source says how CoWin reckoned age after 2022; continuing the 2022 birth-year reckoning year by year.');

// Precaution ("booster") dose: who, and how long after the last primary dose.
add('precaution-priority', '10-01-2022', 'sourced', group('precaution', 18, null, 'priority'),
  'Precaution dose for health-care and frontline workers',
  `https://www.republicworld.com/amp/web-stories/indias-covid-vaccination-drive-completes-1-year-heres-complete-timeline-of-events-3932.html ; ${REF}`,
  'Booking opened 08-01-2022.');
add('precaution-60-comorbid', '10-01-2022', 'sourced', group('precaution', 60, null, 'comorbidity'),
  'Precaution dose for people aged 60 and over with comorbidities',
  `https://www.republicworld.com/amp/web-stories/indias-covid-vaccination-drive-completes-1-year-heres-complete-timeline-of-events-3932.html ; ${REF}`);
add('precaution-60', '16-03-2022', 'sourced', group('precaution', 60, null, 'none'),
  'Precaution dose for everyone aged 60 and over (comorbidity condition removed)',
  `https://www.cnbctv18.com/healthcare/corbevax-covid-19-vaccine-at-rs-290-for-two-doses-to-centre-rs-800-for-private-hospitals-12849862.htm ; ${REF}`);
add('precaution-18-private', '10-04-2022', 'sourced', group('precaution', 18, null, 'none', true),
  'Precaution dose for all adults at private centres',
  `https://indianexpress.com/article/india/covid-19-vaccine-booster-doses-all-adults-sunday-7859923/ ; ${REF}`);
add('precaution-18', '15-07-2022', 'sourced', group('precaution', 18, null, 'none'),
  'Free precaution dose for all adults at government centres',
  `https://www.businesstoday.in/coronavirus/story/gap-between-2nd-dose-and-precaution-dose-of-covid-vaccines-reduced-on-ntagis-advice-govt-343879-2022-08-05 ; ${REF}`);
add('precaution-interval-39w', '10-01-2022', 'sourced', { kind: 'precaution-interval', minDays: 273 },
  'Precaution dose at least 39 weeks (9 months) after the second dose',
  `https://www.republicworld.com/amp/web-stories/indias-covid-vaccination-drive-completes-1-year-heres-complete-timeline-of-events-3932.html ; ${REF}`);
add('precaution-interval-26w', '06-07-2022', 'sourced', { kind: 'precaution-interval', minDays: 182 },
  'Precaution dose at least 26 weeks (6 months) after the second dose',
  `https://www.thequint.com/amp/story/fit/health-news/health-ministry-reduces-gap-covid-vaccine-precautionary-doses-9-6-months ; ${REF}`);

// Vaccines in CoWin: primary use, then precaution use (homologous from 10-01-2022, heterologous from 12-08-2022).
add('use-covishield', '16-01-2021', 'sourced', use('covishield', 'primary', 18, null),
  'Covishield in use for adults',
  `https://www.thehindu.com/news/national/coronavirus-live-updates-16-january-2021/article33585486.ece/amp/ ; ${REF}`);
add('use-covaxin', '16-01-2021', 'sourced', use('covaxin', 'primary', 18, null),
  'Covaxin in use for adults',
  `https://www.thehindu.com/news/national/coronavirus-live-updates-16-january-2021/article33585486.ece/amp/ ; ${REF}`);
add('use-sputnik-v', '14-05-2021', 'sourced', use('sputnik-v', 'primary', 18, null),
  'First Sputnik V dose in India (Hyderabad)',
  `https://www.thenewsminute.com/article/second-consignment-russian-sputnik-v-vaccine-lands-hyderabad-148927 ; ${REF}`,
  'EUA 12/13-04-2021; wider pilot from 17-05-2021; DIVOC added the name 16-05-2021.');
add('use-covaxin-15-17', '03-01-2022', 'sourced', use('covaxin', 'primary', 15, 17),
  'Covaxin for children aged 15 to 17',
  `https://zeenews.india.com/india/covid-vaccination-for-children-aged-between-15-18-to-begin-tomorrow-2424575.html ; ${REF}`);
add('use-covishield-precaution', '10-01-2022', 'sourced', use('covishield', 'precaution', 18, null),
  'Covishield as precaution dose (same vaccine as the primary course)',
  `https://english.jagran.com/india/corbevax-covid-vaccine-to-be-used-to-inoculate-kids-in-1214-age-group-heres-how-you-can-register-10040729 ; ${REF}`);
add('use-covaxin-precaution', '10-01-2022', 'sourced', use('covaxin', 'precaution', 18, null),
  'Covaxin as precaution dose (same vaccine as the primary course)',
  `https://english.jagran.com/india/corbevax-covid-vaccine-to-be-used-to-inoculate-kids-in-1214-age-group-heres-how-you-can-register-10040729 ; ${REF}`);
add('use-zycov-d', '04-02-2022', 'sourced', use('zycov-d', 'primary', 18, null),
  'ZyCoV-D administration starts (adults, first in 7 states)',
  `https://www.india.com/news/india/bihar-patna-starts-administration-of-zycov-d-indias-first-needle-free-covid-vaccine-5223711/ ; https://www.cnbctv18.com/healthcare/needle-free-vaccine-zycov-d-to-be-given-to-adults-in-these-7-states-in-first-phase-11679182.htm ; ${REF}`,
  'Reported start 4-5 February 2022; the earlier day is used. EUA (20-08-2021) was for 12+, roll-out for adults.');
add('use-corbevax-12-14', '16-03-2022', 'sourced', use('corbevax', 'primary', 12, 14),
  'Corbevax for children aged 12 to 14',
  `https://www.businesstoday.in/coronavirus/story/covid-19-vaccination-for-12-14-yr-olds-to-begin-from-today-know-details-326157-2022-03-16 ; ${REF}`);
add('use-covovax-12-17', '02-05-2022', 'sourced', use('covovax', 'primary', 12, 17, true),
  'Covovax for children aged 12 to 17 at private centres',
  `https://www.livemint.com/news/india/serums-covid-vaccine-covovax-now-available-for-12-17-age-group-at-private-centres-11651506005149.html ; ${REF}`);
add('use-covovax-adults', '04-05-2022', 'uncertain', use('covovax', 'primary', 18, null, true),
  'Covovax possibly offered to adults',
  'https://zeenews.india.com/india/india-s-covid-19-vaccine-covovax-available-for-everyone-above-age-of-12-years-serum-institute-ceo-adar-poonawalla-2460336.html',
  'The maker said it was available to everyone over 12; users reported CoWin greyed it out for 18+. Adult EUA 28-12-2021.');
add('use-sputnik-light-precaution', '06-05-2022', 'uncertain', use('sputnik-light', 'precaution', 18, null, true),
  'Sputnik Light approved as precaution dose after Sputnik V, private centres',
  'https://www.hindustantimes.com/india-news/centre-approves-sputnik-booster-shot-says-official-101651884356769.html',
  'Approval reported 06/07-05-2022; CoWin listing was "a matter of weeks" away and is unconfirmed.');
add('use-sputnik-v-precaution', '06-05-2022', 'uncertain', use('sputnik-v', 'precaution', 18, null, true),
  'Sputnik V component 1 approved as precaution dose after Sputnik V, private centres',
  'https://www.hindustantimes.com/india-news/centre-approves-sputnik-booster-shot-says-official-101651884356769.html',
  'Same approval as Sputnik Light ("component 1 of Sputnik V"); which name CoWin recorded it under is unknown.');
add('use-corbevax-precaution', '12-08-2022', 'sourced', use('corbevax', 'precaution', 18, null),
  'Corbevax as heterologous precaution dose for adults after Covishield or Covaxin',
  `https://www.indiatoday.in/coronavirus-outbreak/vaccine-updates/story/corbevax-as-booster-for-adults-from-august-12-1986452-2022-08-10 ; ${REF}`);
add('use-incovacc-precaution', '23-12-2022', 'sourced', use('incovacc', 'precaution', 18, null, true),
  'iNCOVACC (nasal) as heterologous precaution dose for adults, private centres',
  `https://www.ndtv.com/india-news/india-starts-nasal-vaccines-today-where-can-you-get-it-3631703 ; ${REF}`,
  'Approved for a primary course too, but rolled out as a precaution dose only.');
add('use-covovax-precaution', '11-04-2023', 'weak', use('covovax', 'precaution', 18, null),
  'Covovax as heterologous precaution dose for adults',
  'https://www.livemint.com/news/india/sii-recommends-covovax-to-elderly-as-booster-dose-amid-covid-surge-11681235632513.html',
  'Date of the first report that it was on CoWin; it may have been listed a little earlier.');
add('known-sputnik-light', '06-02-2022', 'sourced', { kind: 'vaccine-known', vaccine: 'sputnik-light' },
  'Sputnik Light (single dose) authorised; no CoWin roll-out as a primary dose found',
  `https://www.hindustantimes.com/india-news/dcgi-grants-emergency-use-permission-to-single-dose-sputnik-light-covid-vaccine-101644166721390-amp.html ; ${REF}`);
add('known-gemcovac', '14-10-2022', 'sourced', { kind: 'vaccine-known', vaccine: 'gemcovac' },
  'GEMCOVAC name added to CoWin\'s certificate service; no CoWin roll-out found',
  'cowin-formats.md §3.4 (git log -S in egovernments/DIVOC certificate_signer/config/constants.js)');

// Primary-course intervals, for the second dose given on or after each date.
add('interval-covishield-28-42', '16-01-2021', 'sourced', interval('covishield', 28, 42),
  'Covishield second dose 4 to 6 weeks (28 to 42 days) after the first',
  `https://www.hindustantimes.com/india-news/protection-enhanced-centre-asks-states-to-increase-interval-between-2-doses-of-covishield-101616407481417.html ; ${REF}`);
add('interval-covishield-28-56', '22-03-2021', 'sourced', interval('covishield', 28, 56),
  'Covishield second dose 4 to 8 weeks (28 to 56 days) after the first',
  `https://www.hindustantimes.com/india-news/protection-enhanced-centre-asks-states-to-increase-interval-between-2-doses-of-covishield-101616407481417.html ; https://www.reuters.com/article/health-coronavirus-india-astrazeneca/india-to-increase-interval-between-doses-of-astrazeneca-shot-idUSKBN2BE15I ; ${REF}`);
add('interval-covishield-84-112', '13-05-2021', 'sourced', interval('covishield', 84, 112),
  'Covishield second dose 12 to 16 weeks (84 to 112 days) after the first',
  `https://www.freepressjournal.in/india/12-to-16-week-gap-for-covishield-doses-now ; https://www.ndtv.com/india-news/despite-vaccine-schedule-tweak-covishield-2nd-dose-bookings-remain-valid-centre-2442927 ; ${REF}`,
  'CoWin reconfigured 16-05-2021; second-dose appointments booked before the change were honoured. NTAGI recommended 8-16 weeks in March 2022; adoption unconfirmed, not modelled.');
add('exception-covishield-travel', '07-06-2021', 'sourced', { kind: 'interval-exception', vaccine: 'covishield', minDays: 28 },
  'Covishield second dose allowed after 28 days for students, workers and athletes travelling abroad',
  'https://www.business-standard.com/article/current-affairs/covid-19-pandemic-second-covishield-dose-before-84-days-allowed-for-some-121060701432_1.html ; https://github.com/cowinapi/developer.cowin/issues/427',
  'SOP covered travel up to 31-08-2021; whether CoWin withdrew the facility later is unknown, so it is kept open.');
add('interval-covaxin-28-42', '16-01-2021', 'sourced', interval('covaxin', 28, 42),
  'Covaxin second dose 4 to 6 weeks (28 to 42 days) after the first',
  `https://www.thequint.com/coronavirus/covishield-dosage-gap-backed-by-science-or-greater-good ; ${REF}`);
add('interval-sputnik-v-21-90', '14-05-2021', 'sourced', interval('sputnik-v', 21, 90),
  'Sputnik V second dose 21 to 90 days after the first',
  REF_DIVOC,
  'Window from CoWin\'s certificate service code; public guidance said 21 days.');
add('interval-zycov-d-3-dose', '04-02-2022', 'sourced', interval('zycov-d', 28, null, 3),
  'ZyCoV-D three doses 28 days apart (days 0, 28, 56)',
  `https://www.ndtv.com/india-news/coronavirus-india-latest-news-live-updates-india-approves-first-covid-vaccine-for-children-above-12-years-21-august-2021-2515345 ; ${REF}`);
add('interval-zycov-d-2-dose', '26-04-2022', 'weak', interval('zycov-d', 28, null, 2),
  'ZyCoV-D two doses 28 days apart',
  `https://business-standard.com/article/current-affairs/dcgi-okays-emergency-use-of-zydus-two-jab-covid-19-vaccine-for-12-yrs-plus-122042600841_1.html ; ${REF}`,
  'Date of regulatory approval; when CoWin switched is unconfirmed.');
add('interval-corbevax-28', '16-03-2022', 'sourced', interval('corbevax', 28, null),
  'Corbevax second dose 28 days after the first',
  `https://www.businesstoday.in/coronavirus/story/covid-19-vaccination-for-12-14-yr-olds-to-begin-from-today-know-details-326157-2022-03-16 ; ${REF}`);
add('interval-covovax-21', '02-05-2022', 'sourced', interval('covovax', 21, null),
  'Covovax second dose 21 days after the first',
  `${REF_DIVOC} ; https://www.thehindubusinessline.com/companies/covovax-to-be-on-cowin-tweets-adar-poonawalla/article66725139.ece`);

// Beneficiaries per mobile number. Before self-registration (01-03-2021) workers were enrolled by employers.
add('mobile-limit-4', '01-03-2021', 'sourced', { kind: 'mobile-limit', max: 4 },
  'Up to 4 beneficiaries per mobile number (CoWin 2.0 self-registration)',
  `https://www.news18.com/news/india/how-to-register-for-covid-19-vaccine-in-india-request-for-change-of-centre-and-other-facts-3490694.html ; ${REF}`);
add('mobile-limit-6', '21-01-2022', 'sourced', { kind: 'mobile-limit', max: 6 },
  'Up to 6 beneficiaries per mobile number',
  `https://www.hindustantimes.com/india-news/now-six-members-can-register-on-cowin-through-one-mobile-number-101642775257688.html ; ${REF}`);

/** Every policy fact, in date order (ties keep the order above). */
export const TIMELINE: readonly TimelineEntry[] = Object.freeze(entries.slice().sort((a, b) => a.day - b.day));

/** Timeline entries by id. */
export const TIMELINE_BY_ID: ReadonlyMap<string, TimelineEntry> = new Map(TIMELINE.map((e) => [e.id, e]));
