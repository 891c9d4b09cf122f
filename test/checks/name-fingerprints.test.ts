// name-fingerprints: Faker's English titles and suffixes, US street words and misspelled states.
import { describe, expect, it } from 'vitest';
import check from '../../src/checks/name-fingerprints.js';
import { genuineRows } from '../support/genuine-people.js';
import { runCheck } from '../support/run-check.js';

const judge = (f: Record<string, string>): string => {
  const r = runCheck(check, [f]);
  return r.violations === 0 ? 'ok' : r.examples[0].message.split(' ').slice(0, 4).join(' ');
};

describe('name-fingerprints', () => {
  it('passes genuine-like names, upper-case ones too', () => {
    const rows = genuineRows(1000).map((r, i) => (i % 3 === 0 ? { ...r, name: String(r.name).toUpperCase() } : r));
    expect(runCheck(check, rows).violations).toBe(0);
  });

  it('flags titles, English suffixes, US street words and Faker state spellings', () => {
    expect(judge({ name: 'Dr. Rakesh Kapoor' })).not.toBe('ok');
    expect(judge({ name: 'Mrs. Kalpana Jha' })).not.toBe('ok');
    expect(judge({ name: 'Vedang Joshi Jr.' })).not.toBe('ok');
    expect(judge({ name: 'AMRITA ADIGA PHD' })).not.toBe('ok');
    expect(judge({ name: 'Jay Suthar DDS' })).not.toBe('ok');
    expect(judge({ address: '8835 Iyer Crescent' })).not.toBe('ok');
    expect(judge({ state: 'Andra Pradesh' })).not.toBe('ok');
  });

  it('leaves Indian initials and a leading Md alone', () => {
    expect(judge({ name: 'Ramesh S R' })).toBe('ok');
    expect(judge({ name: 'Anitha V' })).toBe('ok');
    expect(judge({ name: 'MD SALIM' })).toBe('ok');
    expect(judge({ name: 'Md. Rahim Uddin' })).toBe('ok');
    expect(judge({ state: 'Andhra Pradesh', address: 'MG Road' })).toBe('ok');
  });
});
