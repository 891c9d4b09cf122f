// The field validators as named string formats (for `ajv.addFormat(name, fn)`), and one import point for all of them.

import { isAadhaar, isMaskedAadhaar, isVid } from './aadhaar.js';
import {
  isBeneficiaryRefId,
  isCertificateId,
  isComorbidityInd,
  isDmyDate,
  isFeeType,
  isGender,
  isIsoDate,
  isPossibleBirthYear,
  isUuidV4,
  isVaccinationStatus,
  maskedVisible,
} from './formats.js';
import { stateExists } from './geo.js';
import { isLandlineRange, isMaskedMobile, isMobile } from './mobile.js';
import { isMaskedPan, isPan, isPanPerson } from './pan.js';
import { MAX_VISIBLE_MASKED, validatePhotoId, type PhotoIdType } from './photo-ids.js';
import { normalizePin, pinExists } from './pincode.js';
import { VACCINES } from '../policy/timeline.js';

export * from './aadhaar.js';
export * from './formats.js';
export * from './geo.js';
export * from './mobile.js';
export * from './pan.js';
export * from './photo-ids.js';
export * from './pincode.js';

const THIS_YEAR = new Date().getUTCFullYear();

/** An unmasked number that passes every hard check of its photo-ID type. */
function photoId(type: PhotoIdType): (value: string) => boolean {
  return (value) => {
    const r = validatePhotoId(type, value);
    return r.ok && !r.masked;
  };
}

/**
 * Named string formats, each a pure `(value) => boolean`, ready for `ajv.addFormat(name, fn)`. Photo-ID formats
 * apply only the hard rules (see PHOTO_ID_SPECS); soft signals are for sample-level scoring, not per-value verdicts.
 */
export const FORMATS: Readonly<Record<string, (value: string) => boolean>> = Object.freeze({
  aadhaar: isAadhaar,
  'aadhaar-masked': isMaskedAadhaar,
  vid: isVid,
  pan: isPan,
  'pan-person': isPanPerson,
  'pan-masked': isMaskedPan,
  passport: photoId('passport'),
  epic: photoId('voter-id'),
  'driving-licence': photoId('driving-licence'),
  udid: photoId('udid'),
  mgnrega: photoId('mgnrega-job-card'),
  'photo-id-masked': (v: string) => {
    const n = maskedVisible(v);
    return (n >= 0 && n <= MAX_VISIBLE_MASKED) || isMaskedPan(v);
  },
  mobile: isMobile,
  'mobile-masked': isMaskedMobile,
  'mobile-allocated': (v: string) => isMobile(v) && !isLandlineRange(v),
  pincode: (v: string) => normalizePin(v) > 0,
  'pincode-known': pinExists,
  'cowin-ref-id': isBeneficiaryRefId,
  'certificate-id': isCertificateId,
  'uuid-v4': isUuidV4,
  'dmy-date': isDmyDate,
  'iso-date': isIsoDate,
  'birth-year': (v: string) => isPossibleBirthYear(v, THIS_YEAR),
  gender: isGender,
  'vaccination-status': isVaccinationStatus,
  'comorbidity-ind': isComorbidityInd,
  'fee-type': isFeeType,
  vaccine: (v: string) => VACCINES.some((x) => x.api === v),
  'cowin-state': stateExists,
});
