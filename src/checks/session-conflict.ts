// One session or appointment id, several events: a session id at different centres, dates or vaccines; an
// appointment id for different sessions or centres. (Ids merely repeated are the duplicate checks' business.)
import { defineCheck, type CheckOutcome } from '../types.js';
import { KeyTable, hashFolded, hashHigh, hashString } from './support/key-table.js';
import { recordFacts } from './support/record-facts.js';
import { num, sampledNote, share } from './support/summary.js';

const CENTER = 0; // centre id hash
const DAY = 1; // session day + 1 (sessions only)
const OTHER = 2; // sessions: vaccine hash; appointments: session id hash
const FIRST_ROW = 3;
const WIDTH = 4;
const SEED_SESSION = 0x736573;
const SEED_APPOINTMENT = 0x617070;
const SEED_CENTER = 0x637663;

/** The conclusion (shared with the DuckDB engine): `bad` of `n` records repeating an id; `sampled` share followed. */
export function concludeSessionConflicts(n: number, bad: number, sampled: number): CheckOutcome {
  const note = sampledNote(sampled, 'ids');
  if (n === 0) return note ? { summary: `no session or appointment id repeats${note}`, data: { sampled } } : {};
  return {
    summary: `${share(bad, n)} records repeating a session or appointment id${note} give it another centre, date, vaccine or session (cowin-formats.md §1.5, §2.3). ${num(n - bad)} repeat it consistently.`,
  };
}

export default defineCheck({
  meta: {
    id: 'session-conflict',
    category: 'consistency',
    severity: 'warning',
    description: 'A session id at different centres, dates or vaccines, or an appointment id for different sessions or centres',
    messages: {
      'session-center': 'session {{id}} also on row {{first}} at another centre',
      'session-date': 'session {{id}} also on row {{first}} on another date',
      'session-vaccine': 'session {{id}} also on row {{first}} with another vaccine',
      'appointment-session': 'appointment {{id}} also on row {{first}} for another session',
      'appointment-center': 'appointment {{id}} also on row {{first}} at another centre',
    },
    fields: ['session_id', 'appointment_id'],
    docs: {
      why:
        'A CoWin session is one centre, one date and one vaccine under a UUID; an appointment is one booking of one session (a booking may cover several beneficiaries of one mobile number, so an appointment id under several people is not counted). The same id with a different centre, date, vaccine or session was copied between invented records. Only rows repeating an id seen before are applicable; the date is the vaccination date when one is mapped. Memory is bounded (about 25 MB): past about 786,000 ids a hash sample of them is followed.',
      baseline: 'Genuine: about 0. Fabricated with recycled or shuffled UUIDs: most repeats.',
      sources: ['cowin-formats.md §1.5 (sessions), §2.3 (appointment object), §2.4 (schedule payload), §7 "Duplication"'],
    },
  },
  create(ctx) {
    const table = new KeyTable(WIDTH);
    let n = 0;
    let bad = 0;
    const report = (messageId: string, rec: { row: number; line: number }, field: string, id: string, first: number): void => {
      bad++;
      ctx.report({ messageId, row: rec.row, line: rec.line, field, value: id, data: { id, first } });
    };
    return {
      record(rec) {
        table.project(rec.row, ctx.expectedRows);
        const f = rec.fields;
        const session = f.session_id;
        const appointment = f.appointment_id;
        if (session === undefined && appointment === undefined) return;
        const center = f.center_id === undefined ? 0 : hashString(f.center_id, SEED_CENTER) || 1;
        let repeat = false;
        let found = false;
        if (session !== undefined) {
          const x = recordFacts(rec);
          const day = Number.isNaN(x.vaccination) ? 0 : x.vaccination + 1;
          const vaccine = f.vaccine === undefined ? 0 : hashFolded(f.vaccine);
          const b = table.slot(hashString(session, SEED_SESSION), hashHigh);
          if (b >= 0) {
            const v = table.data;
            if (table.created) {
              v[b + CENTER] = center;
              v[b + DAY] = day;
              v[b + OTHER] = vaccine;
              v[b + FIRST_ROW] = rec.row;
            } else {
              repeat = true;
              const which =
                center !== 0 && v[b + CENTER] !== 0 && center !== v[b + CENTER]
                  ? 'session-center'
                  : day !== 0 && v[b + DAY] !== 0 && day !== v[b + DAY]
                    ? 'session-date'
                    : vaccine !== 0 && v[b + OTHER] !== 0 && vaccine !== v[b + OTHER]
                      ? 'session-vaccine'
                      : '';
              if (v[b + CENTER] === 0) v[b + CENTER] = center;
              if (v[b + DAY] === 0) v[b + DAY] = day;
              if (v[b + OTHER] === 0) v[b + OTHER] = vaccine;
              if (which !== '') {
                found = true;
                report(which, rec, 'session_id', session, v[b + FIRST_ROW]);
              }
            }
          }
        }
        if (appointment !== undefined) {
          const sess = session === undefined ? 0 : hashString(session, SEED_SESSION) || 1;
          const b = table.slot(hashString(appointment, SEED_APPOINTMENT), hashHigh);
          if (b >= 0) {
            const v = table.data;
            if (table.created) {
              v[b + CENTER] = center;
              v[b + OTHER] = sess;
              v[b + FIRST_ROW] = rec.row;
            } else {
              repeat = true;
              const which =
                sess !== 0 && v[b + OTHER] !== 0 && sess !== v[b + OTHER]
                  ? 'appointment-session'
                  : center !== 0 && v[b + CENTER] !== 0 && center !== v[b + CENTER]
                    ? 'appointment-center'
                    : '';
              if (v[b + CENTER] === 0) v[b + CENTER] = center;
              if (v[b + OTHER] === 0) v[b + OTHER] = sess;
              if (which !== '' && !found) report(which, rec, 'appointment_id', appointment, v[b + FIRST_ROW]);
            }
          }
        }
        if (repeat) {
          ctx.applicable();
          n++;
        }
      },
      finish: () => concludeSessionConflicts(n, bad, table.sampled),
    };
  },
});
