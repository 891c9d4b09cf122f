// Tests for the mobile-number validators: written forms, the 6–9 rule, masking, and the allocation table.

import { describe, expect, it } from 'vitest';
import table from '../../src/data/mobile-ranges.json' with { type: 'json' };
import { buildTable, libphonenumberRange } from '../../src/dev/build-mobile-ranges.js';
import {
  PREFIXES,
  isLandlineRange,
  isMaskedMobile,
  isMobile,
  looksInventedMobile,
  maskedMobileTail,
  mobileRange,
  normalizeMobile,
} from '../../src/validators/mobile.js';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Uniformly random 10-digit numbers starting 6–9, as a naive fabricator draws them. */
function randomMobiles(n: number, seed: number): string[] {
  const r = rng(seed);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(String(6_000_000_000 + Math.floor(r() * 4_000_000_000)));
  return out;
}

describe('normalizeMobile', () => {
  const N = '9876501234';
  const cases: Array<[string, string | undefined]> = [
    [N, N],
    ['+919876501234', N],
    ['+91 98765 01234', N],
    ['+91-98765-01234', N],
    ['0091 98765 01234', N],
    ['00919876501234', N],
    ['919876501234', N],
    ['09876501234', N],
    ['098765 01234', N],
    ['(+91) 98765.01234', N],
    [' 9876501234 ', N],
    ['9123456789', '9123456789'],
    ['+449876501234', undefined],
    ['+9198765012345', undefined],
    ['987650123', undefined],
    ['98765012345', undefined],
    ['9876501234x', undefined],
    ['', undefined],
    ['+', undefined],
    ['91+9876501234', undefined],
  ];
  it.each(cases)('%j → %j', (value, expected) => {
    expect(normalizeMobile(value)).toBe(expected);
  });
});

describe('isMobile', () => {
  it('needs 10 digits starting 6, 7, 8 or 9', () => {
    for (const first of '6789') expect(isMobile(`${first}876501234`)).toBe(true);
    for (const first of '012345') expect(isMobile(`${first}876501234`)).toBe(false);
    expect(isMobile('+91 6000000000')).toBe(true);
    expect(isMobile('+91 5999999999')).toBe(false);
    expect(isMobile('******1403')).toBe(false);
  });
});

describe('masked mobiles', () => {
  it('recognises the spec mask and the last-4-only form', () => {
    const cases: Array<[string, string | undefined]> = [
      ['******1403', '1403'],
      ['XXXXXX9743', '9743'],
      ['9743', '9743'],
      [' 5945 ', '5945'],
      ['*****1403', undefined],
      ['*******1403', undefined],
      ['974', undefined],
      ['97430', undefined],
      ['9876501234', undefined],
      ['******14O3', undefined],
    ];
    for (const [value, tail] of cases) {
      expect(maskedMobileTail(value), value).toBe(tail);
      expect(isMaskedMobile(value), value).toBe(tail !== undefined);
    }
  });
});

describe('mobileRange', () => {
  it('is undefined for values that are not 6–9 mobiles', () => {
    expect(mobileRange('5876501234')).toBeUndefined();
    expect(mobileRange('******1403')).toBeUndefined();
    expect(isLandlineRange('2212345678')).toBe(false);
  });

  it('types every 9-series number as mobile (indian-id-formats.md §2.12: 100 %)', () => {
    for (const n of randomMobiles(2000, 7)) {
      const nine = '9' + n.slice(1);
      expect(mobileRange(nine)).toBe('mobile');
    }
  });

  it('the table holds what the installed libphonenumber-js says for every prefix (rebuild it when this fails)', () => {
    expect(table.ranges).toBe(buildTable());
  });

  it('answers as libphonenumber-js called directly, across written forms', () => {
    for (const n of randomMobiles(5000, 11)) {
      const direct = libphonenumberRange(n);
      expect(mobileRange(n), n).toBe(direct);
      expect(mobileRange(`+91 ${n.slice(0, 5)} ${n.slice(5)}`), n).toBe(direct);
    }
    expect(PREFIXES).toBe(40_000);
  });

  it('puts about 15 % of uniform random 6–9 numbers in landline-only ranges (indian-id-formats.md §2.12: 15.2 %)', () => {
    const sample = randomMobiles(40_000, 20210601);
    const share = sample.filter(isLandlineRange).length / sample.length;
    expect(share).toBeGreaterThan(0.13);
    expect(share).toBeLessThan(0.175);
  });
});

describe('looksInventedMobile', () => {
  it('flags repeated and sequential numbers', () => {
    for (const v of ['9999999999', '9876543210', '1234567890', '6789012345', '9888888888', '+91 9999999999']) {
      expect(looksInventedMobile(v), v).toBe(true);
    }
  });
  it('leaves ordinary numbers alone', () => {
    for (const v of ['9845012345', '9877543210', '7000000123', 'not a number']) expect(looksInventedMobile(v), v).toBe(false);
  });
});
