import { describe, expect, it } from 'vitest';
import check from '../../src/checks/known-public-values.js';
import publicValues from '../../src/formats/public-values.json' with { type: 'json' };
import { DOC_EXAMPLE_REF_IDS, SPEC_EXAMPLE_VALUES } from '../../src/validators/index.js';
import { runFormatCheck } from '../formats/harness.js';

describe('known-public-values', () => {
  it("flags the spec's examples (1234567890123, Rajesh Pawar, the Swagger UUID) as recycled, with their sources", () => {
    const { findings, result } = runFormatCheck(check, [
      { beneficiary_reference_id: '41371803146720', name: 'Sunita Devi', appointment_id: '8c465032-aebc-4e76-b1b0-01197c752200' },
      { beneficiary_reference_id: '1234567890123', name: 'Rajesh Pawar' },
      { beneficiary_reference_id: '65364877093140', name: 'Ravi Kumar', appointment_id: '3fa85f64-5717-4562-b3fc-2c963f66afa6' },
    ]);
    expect(result.applicable).toBe(3);
    // One finding per record (its first match); the summary counts every match.
    expect(findings.map((f) => [f.row, f.field])).toEqual([
      [2, 'beneficiary_reference_id'],
      [3, 'appointment_id'],
    ]);
    expect(result.flags).toEqual(['recycled']);
    expect(result.summary).toBe(
      '2 records carry values already published (2 from a CoWin API specification example; 1 from the Swagger default UUID in the API specs): recycled public material.',
    );
    expect(result.data).toEqual({ records: 2, values: 3 });
  });

  it("matches the public Bellary sample's session ids inside a centre's sessions", () => {
    const { findings, result } = runFormatCheck(check, [{ center_name: 'Morigere PHC' }, { center_name: 'Some PHC' }], {
      nested: [
        { sessions: [{ session_id: '6d4478fc-195a-47a0-b7d9-afc6eda86c9b' }, { session_id: '29d90d30-02a0-47bf-a922-7bb78edb6f11' }] },
        { sessions: [{ session_id: '11111111-1111-4111-8111-111111111111' }] },
      ],
    });
    expect(findings.map((f) => [f.row, f.field])).toEqual([[1, 'sessions.session_id']]);
    expect(result.summary).toContain('2 from the public Bellary calendarByDistrict sample');
    expect(result.flags).toEqual(['recycled']);
  });

  it('flags every published value in its field, and the spec examples in any field (none is passed over unlooked-up)', () => {
    const cases: [string, string][] = [
      ...publicValues.values.map((v) => [v.field, v.value] as [string, string]),
      ...publicValues.sessionIds.values.map((v) => ['session_id', v] as [string, string]),
      ...DOC_EXAMPLE_REF_IDS.map((v) => ['beneficiary_reference_id', v] as [string, string]),
      ...[...SPEC_EXAMPLE_VALUES].map((v) => ['name', v] as [string, string]),
    ];
    expect(cases.length).toBeGreaterThan(15);
    for (const [field, value] of cases) {
      const { result } = runFormatCheck(check, [{ [field]: value }, { [field]: `${value}0` }, { [field]: value.slice(1) }]);
      expect([field, value, result.violations]).toEqual([field, value, 1]);
    }
  });

  it('raises no flag on values nobody published', () => {
    const { result } = runFormatCheck(check, [{ beneficiary_reference_id: '41371803146720', name: 'Sunita Devi' }]);
    expect(result.violations).toBe(0);
    expect(result.flags).toBeUndefined();
  });
});
