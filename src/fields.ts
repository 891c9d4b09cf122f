// The canonical field vocabulary every sample is mapped onto, with the header spellings seen in the wild.
// Field names follow the CoWin protected API v2 (cowin-formats.md §2.2, §2.3, §2.7, §3.1);
// the `cowin: false` fields are ones CoWin never collects and that enriched or fabricated leaks carry.

export type FieldKind =
  | 'id' // identifiers: masked in reports
  | 'name' // personal names: shown as initials
  | 'contact' // mobile, email, address: masked
  | 'date'
  | 'category'
  | 'number'
  | 'place'
  | 'text';

export interface FieldDef {
  id: string;
  label: string;
  kind: FieldKind;
  /** true when the value identifies or locates a person, so reports mask it. */
  personal: boolean;
  /** false for fields CoWin never collects about a beneficiary (the `enriched` flag). */
  cowin: boolean;
  /** Header spellings, compared after folding case, spaces and punctuation (see foldHeader). */
  synonyms: string[];
}

const f = (
  id: string,
  label: string,
  kind: FieldKind,
  personal: boolean,
  cowin: boolean,
  synonyms: string[] = [],
): FieldDef => ({ id, label, kind, personal, cowin, synonyms: [id, ...synonyms] });

export const FIELDS: readonly FieldDef[] = [
  f('beneficiary_reference_id', 'Beneficiary reference id', 'id', true, true, [
    'beneficiary reference id', 'beneficiary id', 'ref id', 'reference id', 'refid', 'bene id', 'brid',
    'beneficiary ref id', 'preenrollmentcode', 'credentialsubject.refid', 'pre enrollment code',
  ]),
  f('name', 'Name', 'name', true, true, [
    'beneficiary name', 'full name', 'name of beneficiary', 'person name', 'credentialsubject.name',
    'recipient.name', 'beneficiary', 'citizen name', 'candidate name',
  ]),
  f('birth_year', 'Birth year', 'number', true, true, ['year of birth', 'yob', 'birthyear', 'birth yr']),
  f('date_of_birth', 'Date of birth', 'date', true, true, [
    'dob', 'birth date', 'birthdate', 'credentialsubject.dob', 'recipient.dob',
  ]),
  f('age', 'Age', 'number', false, true, ['age years', 'credentialsubject.age', 'recipient.age', 'age in years']),
  f('gender', 'Gender', 'category', false, true, ['sex', 'credentialsubject.gender', 'recipient.gender', 'gender id']),
  f('mobile_number', 'Mobile number', 'contact', true, true, [
    'mobile', 'mobile no', 'mobile num', 'mobile number', 'phone', 'phone number', 'phone no', 'contact',
    'contact number', 'contact no', 'cell', 'cell number', 'registered mobile', 'registered mobile number', 'msisdn',
  ]),
  f('photo_id_type', 'Photo ID type', 'category', false, true, [
    'id type', 'id proof', 'id proof type', 'photo id', 'idtype', 'document type', 'id card type', 'proof type',
  ]),
  f('photo_id_number', 'Photo ID number', 'id', true, true, [
    'id number', 'id no', 'photo id no', 'id proof number', 'id proof no', 'document number', 'idnumber',
    'credentialsubject.id', 'recipient.identity', 'id card number',
  ]),
  f('aadhaar_number', 'Aadhaar number', 'id', true, true, [
    'aadhaar', 'aadhar', 'aadhaar no', 'aadhar no', 'aadhaar number', 'aadhar number', 'aadhaar card',
    'aadhar card', 'aadhar card no', 'aadhaar card no', 'aadhaar card number', 'aadhar card number', 'uid', 'uidai',
    'aadhaar id', 'adhar', 'adhar no', 'adhaar', 'adhaar no',
  ]),
  f('pan_number', 'PAN', 'id', true, true, ['pan', 'pan no', 'pan card', 'pan card no', 'pan card number', 'pan number']),
  f('comorbidity_ind', 'Comorbidity', 'category', false, true, ['comorbidity', 'comorbidities', 'comorbid']),
  f('vaccination_status', 'Vaccination status', 'category', false, true, ['status', 'vaccine status', 'dose status']),
  f('vaccine', 'Vaccine', 'category', false, true, [
    'vaccine name', 'vaccine type', 'vaccine brand', 'vaccination', 'evidence.vaccine', 'vaccination.name',
  ]),
  f('vaccine_batch', 'Vaccine batch', 'text', false, true, ['batch', 'batch no', 'batch number', 'lot', 'evidence.batch']),
  f('dose', 'Dose number', 'number', false, true, ['dose no', 'dose number', 'evidence.dose']),
  f('total_doses', 'Total doses', 'number', false, true, ['totaldoses', 'evidence.totaldoses']),
  f('dose1_date', 'Dose 1 date', 'date', false, true, [
    'dose 1 date', 'first dose date', 'dose1', 'dose 1', 'first dose', '1st dose date', 'date of first dose',
    'first dose on', '1st dose',
  ]),
  f('dose2_date', 'Dose 2 date', 'date', false, true, [
    'dose 2 date', 'second dose date', 'dose2', 'dose 2', 'second dose', '2nd dose date', 'date of second dose',
    'second dose on', '2nd dose',
  ]),
  f('precaution_dose_date', 'Precaution dose date', 'date', false, true, [
    'precaution dose one date', 'precaution dose', 'booster date', 'booster dose date', 'precaution date',
    'third dose date', '3rd dose date', 'booster dose',
  ]),
  f('vaccination_date', 'Vaccination date', 'date', false, true, ['date of vaccination', 'vaccinated on', 'evidence.date', 'vaccination.date']),
  f('center_id', 'Centre id', 'number', false, true, ['centre id', 'center code', 'centre code', 'cvc id', 'facility id', 'center']),
  f('center_name', 'Centre name', 'place', false, true, [
    'centre name', 'vaccination centre', 'vaccination center', 'centre', 'cvc', 'cvc name', 'facility name',
    'evidence.facility.name', 'site name', 'vaccination centre name', 'vaccination center name',
  ]),
  f('block_name', 'Block', 'place', false, true, ['block', 'taluka', 'tehsil', 'mandal']),
  f('district_name', 'District', 'place', false, true, [
    'district', 'district name', 'dist', 'credentialsubject.address.district', 'evidence.facility.address.district',
  ]),
  f('state_name', 'State', 'place', false, true, [
    'state', 'state name', 'state ut', 'credentialsubject.address.addressregion', 'evidence.facility.address.addressregion',
  ]),
  f('pincode', 'PIN code', 'place', false, true, [
    'pin', 'pin code', 'pincode', 'postal code', 'zip', 'zip code', 'postcode', 'credentialsubject.address.postalcode',
  ]),
  f('certificate_id', 'Certificate id', 'id', true, true, [
    'certificate id', 'certificate no', 'certificate number', 'cert id', 'evidence.certificateid', 'certificateid',
  ]),
  f('session_id', 'Session id', 'id', false, true, ['session']),
  f('appointment_id', 'Appointment id', 'id', true, true, ['appointment', 'appointment no', 'appointment number']),
  f('slot', 'Slot', 'text', false, true, ['time slot', 'slot time']),
  f('vaccinator_name', 'Vaccinator', 'name', true, true, ['vaccinator', 'verifier.name', 'evidence.verifier.name', 'vaccinated by']),
  f('member_type', 'Member type', 'category', false, true, []),
  // Centre and session fields of the public API and appointment objects (cowin-formats.md §1.5, §2.3). The API's own
  // generic keys (`name`, `address`, `lat`, `long`, `date`, `from`, `to`) reach these through the profile's column
  // table (src/profiles.ts), since elsewhere they mean a person's name, address or location.
  f('center_address', 'Centre address', 'place', false, true, ['centre address', 'center address', 'facility address']),
  f('center_latitude', 'Centre latitude', 'place', false, true, ['centre lat', 'center lat', 'centre latitude']),
  f('center_longitude', 'Centre longitude', 'place', false, true, ['centre long', 'center long', 'centre longitude']),
  f('from_time', 'Opens at', 'text', false, true, ['from time', 'opening time']),
  f('to_time', 'Closes at', 'text', false, true, ['to time', 'closing time']),
  f('fee_type', 'Fee type', 'category', false, true, []),
  f('fee', 'Fee', 'number', false, true, ['vaccine fee']),
  f('session_date', 'Session date', 'date', false, true, ['appointment date']),
  f('min_age_limit', 'Minimum age', 'number', false, true, ['min age', 'minimum age']),
  f('max_age_limit', 'Maximum age', 'number', false, true, ['max age', 'maximum age']),
  f('allow_all_age', 'Open to all ages', 'category', false, true, []),
  f('available_capacity', 'Available capacity', 'number', false, true, []),
  f('available_capacity_dose1', 'Available capacity, dose 1', 'number', false, true, []),
  f('available_capacity_dose2', 'Available capacity, dose 2', 'number', false, true, []),
  // The certificate's envelope (cowin-formats.md §3.1).
  f('credential_context', 'Credential @context', 'text', false, true, ['@context']),
  f('issuer', 'Certificate issuer', 'text', false, true, []),
  f('issuance_date', 'Issuance date', 'date', false, true, ['issuancedate']),
  f('email', 'Email', 'contact', true, false, ['email id', 'email address', 'e mail', 'mail', 'mail id']),
  f('address', 'Street address', 'contact', true, false, [
    'full address', 'street address', 'residential address', 'home address', 'permanent address', 'addr',
    'credentialsubject.address.streetaddress',
  ]),
  f('latitude', 'Latitude', 'place', true, false, ['lat', 'gps lat']),
  f('longitude', 'Longitude', 'place', true, false, ['long', 'lng', 'lon', 'gps long', 'gps lng']),
  f('father_name', "Father's name", 'name', true, false, ['father name', 'fathers name', 'father s name', 'guardian name']),
  f('religion', 'Religion', 'category', true, false, ['religion']),
  f('caste', 'Caste', 'category', true, false, ['caste', 'category caste']),
  f('occupation', 'Occupation', 'text', true, false, ['profession', 'job']),
  f('bank_account', 'Bank account', 'id', true, false, ['account number', 'bank account number', 'account no', 'ifsc']),
];

export type FieldId = string;

export const FIELD_BY_ID: ReadonlyMap<string, FieldDef> = new Map(FIELDS.map((d) => [d.id, d]));

/**
 * Fold a header for synonym lookup: lower case, punctuation and runs of space folded to one space; a dot
 * survives only between word characters, where it separates the segments of a JSON path.
 */
export function foldHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\.(?![\p{L}\p{M}\p{N}])|(?<![\p{L}\p{M}\p{N}])\./gu, ' ')
    .replace(/[^\p{L}\p{M}\p{N}.]+/gu, ' ')
    .trim();
}

/**
 * Hindi (Devanagari) header spellings, as Hindi-language exports of state portals and re-labelled samples write
 * them. CoWin's own formats use English keys, so a Hindi header means the file was re-labelled; its values are
 * judged all the same.
 */
export const HINDI_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  beneficiary_reference_id: ['लाभार्थी संदर्भ आईडी', 'संदर्भ आईडी', 'लाभार्थी आईडी'],
  name: ['नाम', 'लाभार्थी का नाम', 'लाभार्थी नाम', 'पूरा नाम'],
  birth_year: ['जन्म वर्ष', 'जन्म का वर्ष'],
  date_of_birth: ['जन्म तिथि', 'जन्म तारीख', 'जन्म की तारीख'],
  age: ['आयु', 'उम्र'],
  gender: ['लिंग'],
  mobile_number: ['मोबाइल', 'मोबाइल नंबर', 'मोबाइल संख्या', 'मोबाइल नं', 'फोन नंबर', 'फ़ोन नंबर'],
  photo_id_type: ['पहचान पत्र का प्रकार', 'पहचान पत्र प्रकार', 'फोटो पहचान पत्र'],
  photo_id_number: ['पहचान पत्र संख्या', 'पहचान पत्र नंबर', 'पहचान पत्र क्रमांक'],
  aadhaar_number: ['आधार', 'आधार संख्या', 'आधार नंबर', 'आधार क्रमांक', 'आधार कार्ड नंबर'],
  comorbidity_ind: ['सहरुग्णता'],
  vaccination_status: ['टीकाकरण की स्थिति', 'टीकाकरण स्थिति'],
  vaccine: ['टीका', 'वैक्सीन', 'टीके का नाम', 'वैक्सीन का नाम'],
  dose1_date: ['पहली खुराक की तारीख', 'पहली खुराक की तिथि', 'प्रथम खुराक की तिथि', 'प्रथम खुराक'],
  dose2_date: ['दूसरी खुराक की तारीख', 'दूसरी खुराक की तिथि', 'द्वितीय खुराक की तिथि', 'द्वितीय खुराक'],
  precaution_dose_date: ['एहतियाती खुराक की तारीख', 'बूस्टर खुराक की तारीख'],
  center_name: ['टीकाकरण केंद्र', 'केंद्र का नाम'],
  district_name: ['जिला', 'ज़िला', 'जनपद'],
  state_name: ['राज्य'],
  pincode: ['पिन कोड', 'पिनकोड'],
  address: ['पता'],
  father_name: ['पिता का नाम'],
};

const SYNONYMS: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const d of FIELDS) for (const s of [...d.synonyms, ...(HINDI_SYNONYMS[d.id] ?? [])]) m.set(foldHeader(s), d.id);
  return m;
})();

/** The canonical field a header names, if any. Dotted JSON paths also match on their last segment. */
export function fieldForHeader(header: string): string | undefined {
  const folded = foldHeader(header);
  const direct = SYNONYMS.get(folded) ?? SYNONYMS.get(folded.replace(/\./g, ' '));
  if (direct) return direct;
  const dot = folded.lastIndexOf('.');
  return dot >= 0 ? SYNONYMS.get(folded.slice(dot + 1)) : undefined;
}
