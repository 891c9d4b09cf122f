import { describe, expect, it } from 'vitest';
import check from '../../src/checks/enriched-fields.js';
import { runFormatCheck } from '../formats/harness.js';

describe('enriched-fields', () => {
  it('flags records that carry fields CoWin never collects beside its personal fields', () => {
    const { findings, result } = runFormatCheck(check, [
      { name: 'Ravi Kumar', email: 'ravi@example.com', address: '12 Main Street' },
      { name: 'Sita Devi', email: '', address: '' },
      { name: 'Amit Shah', latitude: '12.97', longitude: '77.59' },
    ]);
    expect(result.applicable).toBe(3);
    expect(findings.map((f) => [f.row, f.field])).toEqual([
      [1, 'email'],
      [3, 'latitude'],
    ]);
    expect(result.flags).toEqual(['enriched']);
    expect(result.data).toEqual({ fields: 'email, address, latitude, longitude' });
  });

  it('an email column that is always empty is no enrichment; a format that carries a field is not enriched by it', () => {
    expect(runFormatCheck(check, [{ name: 'Ravi Kumar', email: '' }], { mapped: ['name', 'email'] }).result.flags).toBeUndefined();
    const divoc = runFormatCheck(check, [{ name: 'Ravi Kumar', address: '12 MG Road' }], { profile: 'divoc-certificate' });
    expect(divoc.result.violations).toBe(0);
  });

  it('without CoWin personal fields (a list of addresses alone) there is nothing to enrich', () => {
    expect(runFormatCheck(check, [{ email: 'a@example.com', address: 'x' }]).result.status).toBe('skip');
  });
});
