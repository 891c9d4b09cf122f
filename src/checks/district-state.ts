// District names that are not districts of the record's state in CoWin's own list.
import { canonicalStates, districtInState, districtStates } from '../validators/geo.js';
import { defineCheck } from '../types.js';
import { num, share } from './support/summary.js';

export default defineCheck({
  meta: {
    id: 'district-state',
    category: 'consistency',
    severity: 'warning',
    description: 'District that is not a CoWin district of the record\'s state',
    messages: {
      'other-state': 'district "{{district}}" is not in {{state}}: CoWin lists it under {{elsewhere}}',
      unknown: 'district "{{district}}" is not a CoWin district of {{state}}, nor of any state',
    },
    fields: ['district_name', 'state_name'],
    docs: {
      why:
        'CoWin keyed districts by state and spelt them its own way (health units such as BBMP, "Ahmedabad Corporation"). A genuine record\'s (state, district) pair is in CoWin\'s list of 756; names are matched after trimming, case folding and known aliases (Orissa, Pondicherry). Columns shuffled or filled independently pair districts with the wrong state. Only records whose state is a known state are judged.',
      baseline: 'Genuine: about 1% (districts created after May 2021 are missing from the list). Fabricated or shuffled: about 90%.',
      sources: ['cowin-formats.md §4, §7 "geography"', 'src/validators/geo.ts districtInState (cowin-data/cowin-districts.normalized.json)'],
    },
  },
  create(ctx) {
    let n = 0;
    let other = 0;
    let unknown = 0;
    return {
      record(rec) {
        const { district_name: district, state_name: state } = rec.fields;
        if (district === undefined || state === undefined) return;
        if (canonicalStates(state).length === 0) return;
        ctx.applicable();
        n++;
        if (districtInState(state, district) !== undefined) return;
        const elsewhere = districtStates(district);
        if (elsewhere.length > 0) other++;
        else unknown++;
        ctx.report({
          messageId: elsewhere.length > 0 ? 'other-state' : 'unknown',
          row: rec.row,
          line: rec.line,
          field: 'district_name',
          value: district,
          data: { district, state, elsewhere: elsewhere.join(', ') },
        });
      },
      finish() {
        if (n === 0) return {};
        return {
          summary:
            `${share(other + unknown, n)} (state, district) pairs are not in CoWin's district list: ` +
            `${num(other)} name a district of another state, ${num(unknown)} a district of none (cowin-formats.md §4).`,
          data: { otherState: other, unknown },
        };
      },
    };
  },
});
