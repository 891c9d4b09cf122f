// header-labels through the CLI: header problems counted against the header's cells as well as the rows.
import { describe, expect, it } from 'vitest';
import { analyzeJson, tempFile } from '../support/cli.js';

describe('header-labels', () => {
  it('counts a header\'s cells among what it judged: never more findings than chances', () => {
    const { report } = analyzeJson([tempFile('labels.csv', 'name,name,,mobile\nAsha,B,C,9876543210\n')]);
    const c = report.checks.find((x) => x.id === 'header-labels')!;
    expect(c.examples.map((e) => e.message)).toEqual([
      'header cell 2 repeats an earlier label: the column is read as a separate column',
      'header cell 3 is blank: the column is named column_3',
    ]);
    // 4 header cells and 1 row: 2 of 5, not 2 of 1.
    expect([c.violations, c.applicable]).toEqual([2, 5]);
  });

  it('an SQL dump\'s column names are its header', () => {
    const { report } = analyzeJson([tempFile('d.sql', "INSERT INTO t (`__proto__`,a,a,``) VALUES ('x','y','z','w');\n")]);
    expect(report.input.columns).toEqual(['__proto__', 'a', 'a_2', 'column_4']);
    const c = report.checks.find((x) => x.id === 'header-labels')!;
    expect([c.violations, c.applicable]).toEqual([2, 5]);
    expect(report.checks.find((x) => x.id === 'row-shape')!.violations).toBe(0);
  });
});
