// duplicate-rows: exact copies, perturbed copies of a person, the inflation estimate and the `inflated` flag.
import { describe, expect, it } from 'vitest';
import check, { INFLATED_MIN_FACTOR } from '../../src/checks/duplicate-rows.js';
import { dayNumber } from '../../src/dates.js';
import { fullRow, paddedRows } from '../../src/synth/padded.js';
import { people } from '../../src/synth/people.js';
import { Random } from '../../src/synth/random.js';
import { beneficiaryRow } from '../../src/synth/samples.js';
import { runCheck } from '../support/run-check.js';
import { allFindings, fieldsOf } from '../dedupe/support.js';

const asOf = dayNumber(2022, 6, 30);

describe('duplicate-rows', () => {
  it('reports exact copies with the row they repeat', () => {
    const a = { name: 'Ravi Kumar', birth_year: 1980, gender: 'Male', mobile_number: '9876543210', dose1_date: '01-06-2021' };
    const b = { ...a, name: 'Sita Devi', gender: 'Female', mobile_number: '9123456780' };
    const { findings, applicable } = allFindings(check, [a, b, a, b, a]);
    expect(applicable).toBe(5);
    expect(findings.map((f) => [f.messageId, f.row, f.data?.firstRow])).toEqual([
      ['exact', 3, 1],
      ['exact', 4, 2],
      ['exact', 5, 1],
    ]);
  });

  it('finds a padded sample\'s perturbed copies without merging different people', () => {
    const rows = fieldsOf(paddedRows(new Random(11), { people: 300, factor: 5 }));
    // Copies keep every non-name field but ids: that is the person's identity here.
    const person = rows.map((r) => [r.birth_year, r.gender, r.mobile_number, r.district_name, r.dose1_date, r.dose2_date].join('|'));
    expect(new Set(person).size).toBe(300);
    const { findings, outcome } = allFindings(check, rows);
    for (const f of findings) expect(person[f.row! - 1], `row ${f.row} vs ${f.data?.firstRow}`).toBe(person[Number(f.data?.firstRow) - 1]);
    const distinct = Number(outcome.data?.estimatedDistinct);
    expect(Math.abs(distinct - 300) / 300).toBeLessThan(0.1);
    expect(outcome.flags).toEqual(['inflated']);
    expect(outcome.data).toMatchObject({ rows: 1500 });
    expect(Number(outcome.data?.inflationFactor)).toBeGreaterThan(4.5);
    expect(findings.some((f) => f.messageId === 'near')).toBe(true);
  });

  it('does not flag genuine-shaped samples: families sharing a mobile and surname are different people', () => {
    for (const shape of [beneficiaryRow, fullRow]) {
      const rows = fieldsOf(people(new Random(20210616), 3000, { asOf }).map(shape));
      const mobiles = rows.map((r) => r.mobile_number);
      expect(new Set(mobiles).size).toBeLessThan(rows.length * 0.8); // families do share
      const { findings, outcome } = allFindings(check, rows);
      expect(findings).toEqual([]);
      expect(outcome.flags ?? []).toEqual([]);
      expect(Number(outcome.data?.inflationFactor)).toBeLessThan(INFLATED_MIN_FACTOR);
    }
  });

  it('judges nothing on rows too thin to tell a namesake from a copy', () => {
    const r = runCheck(check, Array.from({ length: 20 }, () => ({ name: 'Rajesh Kumar', birth_year: 1985, gender: 'Male' })));
    expect(r.status).toBe('skip');
    expect(r.violations).toBe(0);
    expect(r.summary).toMatch(/namesake/);
  });

  it('needs both the factor and a minimum of copies for the flag', () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({ name: `Person ${i}`, birth_year: 1960 + i, gender: 'Female', mobile_number: `98765432${String(i).padStart(2, '0')}` }));
    const few = allFindings(check, [...rows, rows[0], rows[1], rows[2], rows[3], rows[4]]);
    expect(Number(few.outcome.data?.inflationFactor)).toBeGreaterThanOrEqual(INFLATED_MIN_FACTOR);
    expect(few.outcome.flags).toEqual([]); // 5 copies < 10
    const many = allFindings(check, [...rows, ...rows]);
    expect(many.outcome.flags).toEqual(['inflated']);
    expect(many.outcome.data).toMatchObject({ rows: 40, estimatedDistinct: 20, inflationFactor: 2, exactDuplicates: 20 });
  });
});
