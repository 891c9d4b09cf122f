// pan-name: the PAN's fifth letter against every name token's initial, with the chance level measured alongside.
import { describe, expect, it } from 'vitest';
import check, { nameInitials } from '../../src/checks/pan-name.js';
import { runCheck } from '../support/run-check.js';

const judge = (fields: Record<string, string>): string => {
  const r = runCheck(check, [fields]);
  return r.applicable === 0 ? 'n/a' : r.violations === 0 ? 'match' : 'mismatch';
};

describe('pan-name', () => {
  it('nameInitials marks the initial of every token', () => {
    expect(nameInitials('Rajesh Kumar')).toBe((1 << 17) | (1 << 10));
    expect(nameInitials("d'souza  a.")).toBe((1 << 3) | (1 << 0));
    expect(nameInitials('राजेश कुमार')).toBe(0);
  });

  it('matches any token, surname first or last, full or CBDT-masked PAN', () => {
    expect(judge({ name: 'Rajesh Kumar', pan_number: 'ABCPK1234D' })).toBe('match');
    expect(judge({ name: 'Kumar Rajesh', pan_number: 'ABCPK1234D' })).toBe('match');
    expect(judge({ name: 'Rajesh Kumar', pan_number: 'abcpr 1234 d' })).toBe('match');
    expect(judge({ name: 'Rajesh Kumar', pan_number: 'ABCPKXXXXD' })).toBe('match');
    expect(judge({ name: 'Rajesh Kumar', pan_number: 'ABCPS1234D' })).toBe('mismatch');
  });

  it('reads a PAN given as the photo-ID number; ignores non-individual PANs, other IDs and non-Latin names', () => {
    expect(judge({ name: 'Rajesh Kumar', photo_id_number: 'ABCPS1234D' })).toBe('mismatch');
    expect(judge({ name: 'Rajesh Kumar', pan_number: 'ABCCS1234D' })).toBe('n/a');
    expect(judge({ name: 'Rajesh Kumar', photo_id_number: 'XXXXXXXX1234' })).toBe('n/a');
    expect(judge({ name: 'राजेश कुमार', pan_number: 'ABCPS1234D' })).toBe('n/a');
  });

  it('measures the chance level against the name 11 rows back', () => {
    const names = ['Rajesh Kumar', 'Sunita Devi', 'Amit Shah', 'Priya Nair', 'Manoj Yadav', 'Kavita Joshi'];
    const own = Array.from({ length: 60 }, (_, i) => {
      const name = names[i % names.length];
      return { name, pan_number: `ABCP${name.split(' ')[1][0]}1234D` };
    });
    const genuine = runCheck(check, own);
    expect([genuine.applicable, genuine.violations]).toEqual([60, 0]);
    // With 6 names cycling, the row 11 back has another name: its surname initial rarely matches.
    expect(Number(genuine.data!.chanceCompared)).toBe(49);
    expect(Number(genuine.data!.chanceMatches)).toBeLessThan(20);
    expect(genuine.summary).toContain('the match rate is 100%');
  });
});
