// State names CoWin does not list (district-state judges the districts of known states).
import { stateMatch } from '../validators/index.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  meta: {
    id: 'state-name',
    category: 'consistency',
    severity: 'error',
    description: 'State names that are not one of the 37 states and UTs CoWin lists',
    messages: {
      state: 'is not a state or UT CoWin lists',
    },
    fields: ['state_name'],
    docs: {
      why: "CoWin's records carry its own 37 state and UT names. Spelling variants of them (case, '&', punctuation, former names such as Orissa) are accepted; names CoWin never had are not: faker-js misspells states (Andra Pradesh, Madya Pradesh, Pondicherr), and non-Indian or made-up values show the records were not CoWin's. district-state judges the districts of the states this check accepts.",
      baseline: 'Genuine: about 0.1% [M]. faker-js: about 4 of its 36 state spellings are wrong (about 11%).',
      sources: ['cowin-formats.md §1.3, §4 (cowin-data/states.json)', 'indian-id-formats.md §6.1'],
    },
  },
  create(ctx) {
    return {
      record(rec) {
        const state = rec.fields.state_name;
        if (state === undefined) return;
        ctx.applicable();
        if (stateMatch(state) === undefined) ctx.report({ messageId: 'state', row: rec.row, line: rec.line, field: 'state_name', value: state });
      },
      finish() {},
    };
  },
});
