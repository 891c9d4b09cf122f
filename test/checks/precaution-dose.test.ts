// precaution-dose: 10-01-2022 start, 39 then (06-07-2022) 26 weeks after dose 2, adults only.
import { describe, expect, it } from 'vitest';
import check from '../../src/checks/precaution-dose.js';
import { formatDmy, parseDmy } from '../../src/dates.js';
import { runCheck } from '../support/run-check.js';

const rec = (precaution: string, gap: number, birthYear = 1950) => ({
  birth_year: String(birthYear),
  dose1_date: formatDmy(parseDmy(precaution) - gap - 84),
  dose2_date: formatDmy(parseDmy(precaution) - gap),
  precaution_dose_date: precaution,
});
const judge = (precaution: string, gap: number, birthYear = 1950): string => {
  const r = runCheck(check, [rec(precaution, gap, birthYear)]);
  return r.applicable === 0 ? 'n/a' : r.violations === 0 ? 'ok' : r.examples[0].message.split(' ')[0] === 'born' ? 'too-young' : r.examples[0].message.includes('before precaution') ? 'before-start' : 'too-soon';
};

describe('precaution-dose', () => {
  it('none before 10-01-2022', () => {
    expect(judge('09-01-2022', 300)).toBe('before-start');
    expect(judge('10-01-2022', 300)).toBe('ok');
  });

  it('39 weeks (273 days, 3 days\' grace) after dose 2 until 05-07-2022, 26 weeks (182) from 06-07-2022', () => {
    expect(judge('01-03-2022', 270)).toBe('ok');
    expect(judge('01-03-2022', 269)).toBe('too-soon');
    expect(judge('05-07-2022', 200)).toBe('too-soon');
    expect(judge('06-07-2022', 179)).toBe('ok');
    expect(judge('06-07-2022', 178)).toBe('too-soon');
  });

  it('never to children: 16 in 2022 is too young, 17 borderline', () => {
    expect(judge('01-08-2022', 200, 2006)).toBe('too-young');
    expect(judge('01-08-2022', 200, 2005)).toBe('ok');
  });

  it('counts under-60s before private-centre access (10-04-2022) as priority workers, not violations', () => {
    const r = runCheck(check, [rec('09-04-2022', 300, 1990), rec('10-04-2022', 300, 1990)]);
    expect([r.applicable, r.violations]).toEqual([2, 0]);
    expect(r.data).toMatchObject({ priorityOnly: 1 });
  });

  it('60+ without comorbidities only as priority workers until 15-03-2022, by age from 16-03-2022', () => {
    const row = (day: string) => ({ ...rec(day, 300, 1955), comorbidity_ind: 'N' });
    expect(runCheck(check, [row('15-03-2022')]).data).toMatchObject({ priorityOnly: 1 });
    expect(runCheck(check, [row('16-03-2022')]).data).toMatchObject({ priorityOnly: 0 });
    expect(runCheck(check, [{ ...row('15-03-2022'), comorbidity_ind: 'Y' }]).data).toMatchObject({ priorityOnly: 0 });
  });

  it('reads a certificate\'s dose beyond totalDoses as the precaution dose', () => {
    const r = runCheck(check, [
      { vaccination_date: '2022-01-09T10:00:00.000Z', dose: '3', total_doses: '2' },
      { vaccination_date: '2022-01-09T10:00:00.000Z', dose: '2', total_doses: '2' },
      { vaccination_date: '2022-01-10T10:00:00.000Z', dose: '3', total_doses: '2' },
    ]);
    expect([r.applicable, r.violations]).toEqual([2, 1]);
    expect(r.examples[0]).toMatchObject({ row: 1, field: 'vaccination_date' });
  });

  it('summarises with the rule most broken', () => {
    const r = runCheck(check, [rec('01-03-2022', 100), rec('01-03-2022', 300)]);
    expect(r.summary).toContain('1 of 2 (50%) precaution doses');
    expect(r.summary).toContain('39 weeks');
    expect(r.summary).toContain('from 10-01-2022');
  });
});
