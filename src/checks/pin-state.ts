// PIN codes that do not lie in the record's state (India Post directory, else the postal-circle prefix).
import { pinMatchesState, stateOfPin } from '../validators/pincode.js';
import { defineCheck } from '../types.js';
import { share } from './support/summary.js';

export default defineCheck({
  meta: {
    id: 'pin-state',
    category: 'consistency',
    severity: 'warning',
    description: 'PIN code that does not lie in the record\'s state',
    messages: {
      mismatch: 'PIN {{pin}} is in {{pinState}}, not {{state}}',
    },
    fields: ['pincode', 'state_name'],
    docs: {
      why:
        'A PIN code belongs to a postal circle and, in the India Post directory, to a state; a genuine address or centre has a PIN of its state. The directory decides for known PINs (31 PINs filed under two states count for both); unknown PINs are judged by their prefix\'s circle, with the 18 prefixes that span states accepted for each. APS (9xxxxx) PINs and unknown states are not judged.',
      baseline: 'Genuine: about 1-2% (border post offices, people living in one state and registered in another). Fabricated with random or shuffled PINs: about 90-95%.',
      sources: ['indian-id-formats.md §2.13, §7.6', 'src/validators/pincode.ts pinMatchesState'],
    },
  },
  create(ctx) {
    let n = 0;
    let bad = 0;
    return {
      record(rec) {
        const { pincode: pin, state_name: state } = rec.fields;
        if (pin === undefined || state === undefined) return;
        const match = pinMatchesState(pin, state);
        if (match === undefined) return;
        ctx.applicable();
        n++;
        if (match) return;
        bad++;
        ctx.report({
          messageId: 'mismatch',
          row: rec.row,
          line: rec.line,
          field: 'pincode',
          value: pin,
          data: { pin, pinState: stateOfPin(pin) ?? 'another state (by its prefix)', state },
        });
      },
      finish() {
        if (n === 0) return {};
        return { summary: `${share(bad, n)} PIN codes lie outside the record's state (India Post directory; indian-id-formats.md §2.13).` };
      },
    };
  },
});
