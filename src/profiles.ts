// The known CoWin record formats a sample can claim to be (cowin-formats.md §1-§3, §5), with the fields that
// signal each one. Detection (src/detect-profile.ts) scores a sample against these; the JSON Schema of each
// format is src/formats/<id>.schema.json.

/** A canonical field, or several any one of which fills the same slot (`[birth_year, date_of_birth]`). */
export type Slot = string | readonly string[];

export interface ProfileDef {
  id: string;
  title: string;
  source: string;
  /**
   * Fields every sample of this format carries, weighted by how much they say about it (3: only this format
   * has it; 2: characteristic; 1: shared with other formats). Recall of a sample is measured over these.
   */
  core: ReadonlyArray<readonly [Slot, number]>;
  /** Fields the format may also carry (weight 1 for precision; missing ones cost nothing). */
  optional: readonly string[];
  /**
   * Raw keys (column names or nested-array keys, folded as src/fields.ts folds headers) only this format uses,
   * such as the beneficiary API's 2022 additions; each one present adds weight 2 to recall.
   */
  markers: readonly string[];
  /**
   * This format's own meaning of generic keys (folded key -> canonical field, or null for "not a field"):
   * in a centre record `name` is the centre's name and `lat` the centre's latitude, not a person's.
   */
  columns: Readonly<Record<string, string | null>>;
  /**
   * The format's own key names, exactly: a sample whose columns are named so claims to be this format's output.
   * `canonical`: the canonical field ids (which follow the API's names) plus the keys of `columns`. Empty for a
   * format with no key names of its own (the bot printed labels): there, columns named as another format's keys
   * count against it.
   */
  apiKeys: 'canonical' | readonly string[];
  /** False for formats that carry no personal data (public centre and session listings). */
  personal: boolean;
  /**
   * How mobile and ID numbers appear: `masked` (last 4 visible at most) in citizen-facing responses,
   * `unmasked` on back-end channels; `none` when the format has no such field.
   */
  masking: 'masked' | 'unmasked' | 'none';
  /** The access path records of this format come from, for messages. */
  access: string;
  /** Date convention: the API's `DD-MM-YYYY`, the certificate's ISO 8601, or either. */
  dates: 'dmy' | 'iso' | 'any';
  /** Fields CoWin does not collect about beneficiaries that are nonetheless part of this format. */
  carries: readonly string[];
}

const CENTRE_KEYS = { name: 'center_name', date: 'session_date', from: 'from_time', to: 'to_time' } as const;

export const PROFILES: readonly ProfileDef[] = [
  {
    id: 'cowin-beneficiary',
    title: 'Beneficiary as returned by the protected API v2 (2021) with the 2022 additions',
    source: 'cowin-formats.md §2.2; cowinapi/developer.cowin#560 (2022 additions)',
    core: [
      ['beneficiary_reference_id', 3], ['comorbidity_ind', 2], ['vaccination_status', 2], ['birth_year', 1], ['name', 1],
      ['gender', 1], ['mobile_number', 1], ['photo_id_type', 1], ['photo_id_number', 1], ['vaccine', 1], ['dose1_date', 1],
      ['dose2_date', 1],
    ],
    optional: ['member_type', 'precaution_dose_date'],
    markers: [
      'appointments', 'referral count', 'is referral member', 'precaution dose', 'certificate updated',
      'is eligible for precaution', 'due dose', 'health id', 'next vaccination date', 'flw hw ind',
    ],
    columns: {},
    apiKeys: 'canonical',
    personal: true,
    masking: 'masked',
    access: 'the citizen-facing protected API (GET /v2/appointment/beneficiaries)',
    dates: 'dmy',
    carries: [],
  },
  {
    id: 'cowin-appointment',
    title: 'Appointment objects (protected API v2)',
    source: 'cowin-formats.md §2.3',
    core: [
      ['appointment_id', 3], ['slot', 3], ['session_id', 2], ['center_id', 1], ['center_name', 1], ['dose', 1],
      ['session_date', 1],
    ],
    optional: ['state_name', 'district_name', 'block_name', 'from_time', 'to_time'],
    markers: ['is precaution'],
    columns: CENTRE_KEYS,
    apiKeys: 'canonical',
    personal: true,
    masking: 'none',
    access: 'the citizen-facing protected API (appointments of a beneficiary)',
    dates: 'dmy',
    carries: [],
  },
  {
    id: 'cowin-public-sessions',
    title: 'Public centre and session records (calendarBy*/findBy*)',
    source: 'cowin-formats.md §1.5; cowin-data/api-specs/cowin-public-v2_2021-05-05.yaml',
    core: [
      ['fee_type', 3], ['center_id', 2], ['center_name', 1], ['state_name', 1], ['district_name', 1], ['block_name', 1],
      ['pincode', 1],
    ],
    optional: [
      'center_address', 'center_latitude', 'center_longitude', 'from_time', 'to_time', 'session_id', 'session_date',
      'available_capacity', 'available_capacity_dose1', 'available_capacity_dose2', 'min_age_limit', 'max_age_limit',
      'allow_all_age', 'vaccine', 'fee', 'slot',
    ],
    markers: ['sessions', 'vaccine fees', 'slots', 'name l', 'address l'],
    columns: { ...CENTRE_KEYS, address: 'center_address', lat: 'center_latitude', long: 'center_longitude', slots: 'slot' },
    apiKeys: 'canonical',
    personal: false,
    masking: 'none',
    access: 'the public API (no login)',
    dates: 'dmy',
    carries: [],
  },
  {
    id: 'divoc-certificate',
    title: 'DIVOC vaccination certificate (W3C verifiable credential)',
    source: 'cowin-formats.md §3; egovernments/DIVOC backend/certificate_signer/signer.js @5381e395',
    core: [
      ['credential_context', 3], ['issuer', 3], ['certificate_id', 3], ['issuance_date', 2], ['total_doses', 2],
      ['beneficiary_reference_id', 1], ['name', 1], ['gender', 1], ['age', 1], ['vaccine', 1], ['vaccine_batch', 1],
      ['dose', 1], ['vaccination_date', 1], ['vaccinator_name', 1], ['center_name', 1],
    ],
    optional: ['photo_id_number', 'date_of_birth', 'district_name', 'state_name', 'pincode', 'address'],
    markers: ['credentialsubject.type', 'credentialsubject.nationality', 'nonTransferable', 'proof.jws', 'evidence'].map((k) => k.toLowerCase()),
    columns: { 'proof.type': null, 'proof.created': null, 'evidence.effectivestart': null, 'evidence.effectiveuntil': null },
    apiKeys: [
      '@context', 'issuer', 'issuanceDate', 'credentialSubject.refId', 'credentialSubject.name', 'credentialSubject.gender',
      'credentialSubject.age', 'credentialSubject.dob', 'credentialSubject.id', 'credentialSubject.address.district',
      'credentialSubject.address.addressRegion', 'credentialSubject.address.postalCode', 'credentialSubject.address.streetAddress',
      'evidence.certificateId', 'evidence.vaccine', 'evidence.batch', 'evidence.dose', 'evidence.totalDoses', 'evidence.date',
      'evidence.verifier.name', 'evidence.facility.name',
    ],
    personal: true,
    masking: 'masked',
    access: 'a citizen-facing certificate (download or QR code)',
    dates: 'iso',
    carries: ['address'],
  },
  {
    id: 'cowin-vaccinator-export',
    title: 'Vaccinator-side or back-end records with unmasked identifiers',
    source: 'cowin-formats.md §2.5, §2.7 (vaccinator API payloads; dimagi/commcare-hq custom/cowin)',
    core: [
      ['vaccine_batch', 3], ['vaccinator_name', 3], ['center_id', 2], ['dose', 2], ['beneficiary_reference_id', 2],
      ['vaccine', 1], ['dose1_date', 1],
    ],
    optional: [
      'dose2_date', 'precaution_dose_date', 'vaccination_date', 'name', 'birth_year', 'gender', 'mobile_number', 'photo_id_type',
      'photo_id_number', 'aadhaar_number', 'pan_number', 'comorbidity_ind', 'center_name', 'state_name', 'district_name',
    ],
    markers: ['consent version', 'gender id'],
    columns: {},
    apiKeys: 'canonical',
    personal: true,
    masking: 'unmasked',
    access: 'a vaccinator-side or back-end channel',
    dates: 'dmy',
    carries: [],
  },
  {
    id: 'telegram-bot-2023',
    title: 'The June 2023 Telegram-bot shape',
    source: 'cowin-formats.md §6 (Jun 2023, press reports); indian-id-formats.md §1.3',
    core: [
      ['center_name', 2], [['photo_id_number', 'aadhaar_number', 'pan_number'], 2], ['photo_id_type', 1], ['name', 1],
      ['gender', 1], [['birth_year', 'date_of_birth'], 1], ['mobile_number', 1],
    ],
    optional: ['aadhaar_number', 'pan_number', 'dose1_date', 'dose2_date', 'precaution_dose_date', 'dose', 'vaccine', 'vaccination_date', 'age'],
    markers: [],
    columns: {},
    apiKeys: [],
    personal: true,
    masking: 'unmasked',
    access: 'a back-end lookup by mobile number (the June 2023 Telegram bot)',
    dates: 'any',
    carries: [],
  },
];

export const PROFILE_BY_ID: ReadonlyMap<string, ProfileDef> = new Map(PROFILES.map((p) => [p.id, p]));

export function findProfile(id: string): ProfileDef | undefined {
  return PROFILE_BY_ID.get(id);
}
