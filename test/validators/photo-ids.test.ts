// Tests for the photo-ID validators: per-type rules with their strengths, the type vocabulary, the dispatcher and masking.

import { describe, expect, it } from 'vitest';
import { verhoeffCheckDigit } from '../../src/validators/aadhaar.js';
import {
  DL_STATE_CODES,
  drivingLicenceYear,
  inferPhotoIdType,
  PHOTO_ID_SPECS,
  photoIdType,
  udidBirthYear,
  validatePhotoId,
  type PhotoIdType,
} from '../../src/validators/photo-ids.js';

const withCheck = (payload: string): string => payload + verhoeffCheckDigit(payload);
const AADHAAR = withCheck('23456789012');
const VID = withCheck('234567890123456');

/** The first 12-digit palindrome (from 200000 up) that also passes Verhoeff, found by search. */
const PALINDROME = (() => {
  for (let half = 200000; half < 1000000; half++) {
    const h = String(half);
    const n = h + [...h].reverse().join('');
    if (withCheck(n.slice(0, 11)) === n) return n;
  }
  throw new Error('no Verhoeff-valid palindrome found');
})();

/** Luhn check digit computed here, independently of the module, to build EPICs that pass or fail it. */
function luhnDigit(payload: string): number {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    let d = Number(payload[payload.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}
const EPIC_LUHN = `QQQ${'123456'}${luhnDigit('123456')}`;
const EPIC_NOT_LUHN = `QQQ123456${(luhnDigit('123456') + 1) % 10}`;

type Row = [type: PhotoIdType, value: string, reason: string | undefined, ok: boolean];

const ROWS: Row[] = [
  ['aadhaar', AADHAAR, undefined, true],
  ['aadhaar', `${AADHAAR.slice(0, 4)} ${AADHAAR.slice(4, 8)} ${AADHAAR.slice(8)}`, undefined, true],
  ['aadhaar', AADHAAR.slice(0, 11) + ((Number(AADHAAR[11]) + 1) % 10), 'aadhaar-checksum', false],
  ['aadhaar', withCheck('13456789012'), 'aadhaar-first-digit', false],
  ['aadhaar', withCheck('03456789012'), 'aadhaar-first-digit', false],
  ['aadhaar', '23456789012', 'aadhaar-length', false],
  ['aadhaar', VID, 'aadhaar-vid', true],
  ['aadhaar', withCheck('034567890123456'), 'aadhaar-vid', true],
  ['aadhaar', PALINDROME, 'aadhaar-palindrome', true],
  ['pan', 'ZZZPK1234Z', undefined, true],
  ['pan', 'ZZZCK1234Z', 'pan-person', false],
  ['pan', 'ZZZPK0000Z', 'pan-serial', false],
  ['pan', 'ZZZEK1234Z', 'pan-holder-type', false],
  ['pan', 'ZZZPK1234', 'pan-shape', false],
  ['passport', 'K1234567', undefined, true],
  ['passport', 'k 1234567', undefined, true],
  ['passport', 'Q1234567', 'passport-letter', true],
  ['passport', 'Z1234567', 'passport-letter', true],
  ['passport', 'K0234567', 'passport-first-digit', true],
  ['passport', 'KA123456', 'passport-e-passport', false],
  ['passport', 'KA1234567', 'passport-shape', false],
  ['passport', 'K123456', 'passport-shape', false],
  ['voter-id', EPIC_LUHN, undefined, true],
  ['voter-id', EPIC_NOT_LUHN, 'epic-luhn', true],
  ['voter-id', 'AP/12/123/123456', 'epic-legacy-format', true],
  ['voter-id', 'QQ1234567', 'epic-shape', false],
  ['voter-id', 'QQQ123456', 'epic-shape', false],
  ['driving-licence', 'DL-0420150346015', undefined, true],
  ['driving-licence', 'MH12 20110012345', undefined, true],
  ['driving-licence', 'DL0419490346015', 'dl-year', false],
  ['driving-licence', 'DL0420300346015', 'dl-year', false],
  ['driving-licence', 'DL0419500346015', undefined, true],
  ['driving-licence', 'DL0420290346015', undefined, true],
  ['driving-licence', 'TN-01/123456/2005', 'dl-legacy-format', true],
  ['driving-licence', 'QQ0420150346015', 'dl-state-code', true],
  ['driving-licence', 'TG0420150346015', 'dl-state-code-2024', true],
  ['driving-licence', '0420150346015', 'dl-shape', false],
  ['udid', 'OD2611620090012345', undefined, true],
  ['udid', 'OD261162009001234A', 'udid-check-letter', true],
  ['udid', 'OD2611618990012345', 'udid-birth-year', false],
  ['udid', 'OD261162009001234', 'udid-shape', false],
  ['udid', '112611620090012345', 'udid-shape', false],
  ['pension-passbook', '123451012345', undefined, true],
  ['pension-passbook', 'PPO/KA/12345', 'ppo-12-digits', true],
  ['pension-passbook', '12345', 'pension-shape', true],
  ['npr-smart-card', '1234567890123456', undefined, true],
  ['npr-smart-card', '123456789012345678901234567', undefined, true],
  ['npr-smart-card', '123456789012345', 'npr-digits', true],
  ['ration-card', 'KA/123/456789', undefined, true],
  ['ration-card', '12345', 'ration-card-shape', true],
  ['mgnrega-job-card', 'WB-08-012-002-002/270', undefined, true],
  ['mgnrega-job-card', 'wb 08 012 002 002 / 270', undefined, true],
  ['mgnrega-job-card', 'WB-08-012-002/270', 'mgnrega-shape', false],
  ['student-id', 'SCH/2021/0042', undefined, true],
  ['service-id-card', 'EMP 42', undefined, true],
  ['passport', '', 'id-empty', false],
  ['passport', 'K12#4567', 'id-charset', false],
];

describe('validatePhotoId', () => {
  it.each(ROWS)('%s %j → %s', (type, value, reason, ok) => {
    const r = validatePhotoId(type, value);
    expect(r.reason).toBe(reason);
    expect(r.ok).toBe(ok);
    expect(r.masked).toBe(false);
    if (reason !== undefined) {
      const strength = ['id-empty', 'id-charset'].includes(reason)
        ? 'hard'
        : PHOTO_ID_SPECS[type].checks.find((c) => c.id === reason)?.strength;
      expect(r.strength).toBe(strength);
      expect(r.ok).toBe(strength !== 'hard');
    }
  });

  it('checks masked numbers for mask shape only', () => {
    expect(validatePhotoId('Aadhaar Card', 'XXXXXXXX5438')).toMatchObject({ ok: true, masked: true });
    expect(validatePhotoId('Aadhaar Card', '********3405')).toMatchObject({ ok: true, masked: true });
    expect(validatePhotoId('Aadhaar Card', 'XXXXXX123456')).toMatchObject({ ok: false, masked: true, reason: 'aadhaar-mask-shape' });
    expect(validatePhotoId('Driving License', '********9999')).toMatchObject({ ok: true, masked: true });
    expect(validatePhotoId('Passport', 'XXXX4567')).toMatchObject({ ok: true, masked: true });
    expect(validatePhotoId('Voter ID', 'XXXX234567')).toMatchObject({ ok: false, masked: true, reason: 'mask-too-visible' });
    expect(validatePhotoId('PAN Card', 'ZZZPKXXXXZ')).toMatchObject({ ok: true, masked: true });
    expect(validatePhotoId('PAN Card', 'ZZZCKXXXXZ')).toMatchObject({ ok: false, masked: true, reason: 'pan-person' });
  });

  it('accepts CoWin labels and numeric ids as the type', () => {
    expect(validatePhotoId('Aadhaar Card', AADHAAR).ok).toBe(true);
    expect(validatePhotoId(1, AADHAAR).ok).toBe(true);
    expect(validatePhotoId('6', 'ZZZPK1234Z').ok).toBe(true);
    expect(validatePhotoId(6, AADHAAR)).toMatchObject({ ok: false, reason: 'pan-shape' });
  });

  it('reports an unknown type without checking', () => {
    expect(validatePhotoId('Library card', 'X1')).toMatchObject({ ok: false, reason: 'unknown-type' });
    expect(validatePhotoId('toString', 'X1')).toMatchObject({ ok: false, reason: 'unknown-type' });
  });

  it('only ever reports reasons its metadata lists', () => {
    const universal = new Set(['id-empty', 'id-charset', 'unknown-type', 'mask-too-visible', 'aadhaar-mask-shape', 'pan-person']);
    for (const [type, value] of ROWS) {
      const reason = validatePhotoId(type, value).reason;
      if (reason === undefined || universal.has(reason)) continue;
      expect(PHOTO_ID_SPECS[type].checks.map((c) => c.id)).toContain(reason);
    }
  });
});

describe('PHOTO_ID_SPECS', () => {
  it('states a strength and a source for every check, hard ones first', () => {
    for (const spec of Object.values(PHOTO_ID_SPECS)) {
      let seenSoft = false;
      for (const c of spec.checks) {
        expect(['hard', 'soft']).toContain(c.strength);
        expect(c.source.length).toBeGreaterThan(0);
        if (c.strength === 'soft') seenSoft = true;
        else expect(seenSoft, `${spec.type}: hard check ${c.id} after a soft one`).toBe(false);
      }
    }
  });

  it('marks rules the reference tags [M] as soft', () => {
    for (const spec of Object.values(PHOTO_ID_SPECS)) {
      for (const c of spec.checks) if (/\[M\]/.test(c.source) && !/\[S/.test(c.source)) expect(c.strength, `${spec.type}/${c.id}`).toBe('soft');
    }
  });

  it('carries the CoWin numeric ids given in the reference (cowin-formats.md §2.6)', () => {
    const ids = Object.fromEntries(Object.values(PHOTO_ID_SPECS).filter((s) => s.cowinId !== undefined).map((s) => [s.cowinId, s.label]));
    expect(ids).toEqual({
      1: 'Aadhaar Card',
      2: 'Driving License',
      6: 'PAN Card',
      8: 'Passport',
      9: 'Pension Passbook',
      12: 'Voter ID',
      16: 'Ration Card with Photo',
    });
  });
});

describe('photoIdType', () => {
  const labels: Array<[string | number, PhotoIdType | undefined]> = [
    ['Aadhaar Card', 'aadhaar'],
    ['AADHAR CARD', 'aadhaar'],
    ['Driving License', 'driving-licence'],
    ['driving licence', 'driving-licence'],
    ['PAN Card', 'pan'],
    ['Passport', 'passport'],
    ['Pension Passbook', 'pension-passbook'],
    ['NPR Smart Card', 'npr-smart-card'],
    ['Voter ID', 'voter-id'],
    ['EPIC', 'voter-id'],
    ['Unique Disability ID', 'udid'],
    ['Unique Disability ID (UDID)', 'udid'],
    ['Ration Card with Photo', 'ration-card'],
    ['Ration Card With Photo', 'ration-card'],
    ['Student Photo ID Card', 'student-id'],
    ['MNREGA Job Card', 'mgnrega-job-card'],
    [1, 'aadhaar'],
    [2, 'driving-licence'],
    [6, 'pan'],
    [8, 'passport'],
    [9, 'pension-passbook'],
    [12, 'voter-id'],
    [16, 'ration-card'],
    ['16', 'ration-card'],
    [3, undefined],
    ['Library card', undefined],
    ['', undefined],
  ];
  it.each(labels)('%j → %s', (label, type) => {
    expect(photoIdType(label)).toBe(type);
    expect(photoIdType(label)).toBe(type);
  });

  it('maps every spec label back to its type', () => {
    for (const spec of Object.values(PHOTO_ID_SPECS)) expect(photoIdType(spec.label)).toBe(spec.type);
  });
});

describe('embedded years and inference', () => {
  it('reads the year of issue of a Sarathi licence', () => {
    expect(drivingLicenceYear('DL-0420150346015')).toBe(2015);
    expect(drivingLicenceYear('KA01 19990001234')).toBe(1999);
    expect(drivingLicenceYear('TN-01/123456/2005')).toBeNaN();
  });

  it('reads the year of birth inside a UDID', () => {
    for (const year of [1931, 1960, 2009]) expect(udidBirthYear(`OD26116${year}001234X`)).toBe(year);
    expect(udidBirthYear('OD26116200900XXXXX')).toBeNaN();
  });

  it('lists the RTO state codes of the reference', () => {
    for (const code of ['DL', 'MH', 'KA', 'TS', 'LA', 'OD', 'OR', 'UK', 'UA']) expect(DL_STATE_CODES.has(code)).toBe(true);
    expect(DL_STATE_CODES.has('QQ')).toBe(false);
  });

  it('infers the type from the number shape', () => {
    expect(inferPhotoIdType(AADHAAR)).toBe('aadhaar');
    expect(inferPhotoIdType(VID)).toBe('aadhaar');
    expect(inferPhotoIdType('ZZZPK1234Z')).toBe('pan');
    expect(inferPhotoIdType('DL-0420150346015')).toBe('driving-licence');
    expect(inferPhotoIdType('OD2611620090012345')).toBe('udid');
    expect(inferPhotoIdType(EPIC_LUHN)).toBe('voter-id');
    expect(inferPhotoIdType('K1234567')).toBe('passport');
    expect(inferPhotoIdType('hello')).toBeUndefined();
  });
});
