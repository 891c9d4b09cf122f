// Name folding and Jaro-Winkler: the pieces that decide "the same person".
import { describe, expect, it } from 'vitest';
import { foldName } from '../../src/dedupe/names.js';
import { jaroWinkler } from '../../src/dedupe/similarity.js';

describe('foldName', () => {
  it('ignores case, spacing and punctuation, so initials fold alike', () => {
    expect(foldName('RAJESH  KUMAR')).toBe(foldName('rajesh kumar'));
    expect(foldName(' Rajesh Kumar ')).toBe(foldName('RajeshKumar'));
    expect(foldName('R. K. Sharma')).toBe(foldName('RK Sharma'));
    expect(foldName('R.K.Sharma')).toBe(foldName('r k sharma'));
  });

  it('folds common transliteration variants and doubled letters', () => {
    const same: [string, string][] = [
      ['Raajesh', 'Rajesh'], ['Sreejith', 'Srijith'], ['Pooja', 'Puja'], ['Thomas', 'Tomas'], ['Vinod', 'Winod'],
      ['Sharma', 'Sarma'], ['Phani', 'Fani'], ['Kalpana', 'Kallpana'], ['Dhanalakshmi', 'Danalaksmi'], ['Khan', 'Kan'],
      ['Geeta', 'Gita'], ['Moorthy', 'Murty'], ['Abhijit', 'Abijit'], ['Jyothi', 'Jyoti'],
    ];
    for (const [a, b] of same) expect(foldName(a), `${a} / ${b}`).toBe(foldName(b));
  });

  it('keeps different names different, and word order', () => {
    expect(foldName('Rajesh Kumar')).not.toBe(foldName('Rakesh Kumar'));
    expect(foldName('Kumar Rajesh')).not.toBe(foldName('Rajesh Kumar'));
    expect(foldName('Hari')).not.toBe(foldName('Ari'));
  });

  it('strips accents and keeps Indic letters distinct', () => {
    expect(foldName('Jos\u00e9')).toBe(foldName('Jose'));
    expect(foldName('राजेश')).not.toBe('');
    expect(foldName('राजेश')).toBe(foldName('राजेश '));
    expect(foldName('राजेश')).not.toBe(foldName('रमेश'));
    expect(foldName('...')).toBe('');
  });
});

describe('jaroWinkler', () => {
  it('matches the published values', () => {
    // Winkler (1990) / the usual textbook examples.
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('abc', 'abc')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('', '')).toBe(1);
    expect(jaroWinkler('a', '')).toBe(0);
  });

  it('rates a typo in a folded name above different first names', () => {
    const typo = jaroWinkler(foldName('Kalpana Oraon'), foldName('Kalpna Oraon'));
    const sibling = jaroWinkler(foldName('Kalpana Oraon'), foldName('Sabita Oraon'));
    expect(typo).toBeGreaterThan(0.9);
    expect(sibling).toBeLessThan(0.8);
  });
});
