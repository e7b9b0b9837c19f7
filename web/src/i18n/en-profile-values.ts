import type { viProfileValues } from './vi-profile-values';

/** English: names of the profile's coded values and its validation messages. */
export const enProfileValues: typeof viProfileValues = {
  profileValues: {
    academicTitle: { GS: 'Professor', PGS: 'Associate Professor' },
    academicTitleShort: { GS: 'Prof.', PGS: 'Assoc. Prof.' },
    gender: { female: 'Female', male: 'Male', other: 'Other' },
    cefr: {
      A1: 'A1 — Beginner',
      A2: 'A2 — Elementary',
      B1: 'B1 — Intermediate',
      B2: 'B2 — Upper intermediate',
      C1: 'C1 — Advanced',
      C2: 'C2 — Proficient',
      native: 'Native',
    },
    publicationType: {
      journal_article: 'Journal article',
      conference_paper: 'Conference paper',
      book: 'Book',
      book_chapter: 'Book chapter',
      report: 'Report',
      thesis: 'Thesis',
      other: 'Other',
    },
    projectLevel: {
      national: 'National',
      ministry: 'Ministry',
      city: 'City or province',
      institutional: 'Institutional',
      international: 'International',
      other: 'Other',
    },
    honours: { xuat_sac: 'Excellent', gioi: 'Very good', kha: 'Good', none: 'Not classified' },
    availabilityKind: {
      consultation: 'Consultation',
      critical_review: 'Critical review',
      appraisal: 'Appraisal',
      teaching: 'Teaching and supervision',
      employment: 'Employment (talent attraction)',
    },
    mode: { remote: 'Remote', in_person: 'In person' },
    locationKind: {
      none: 'Not stated',
      haiphong: 'Hai Phong',
      vietnam: 'Elsewhere in Vietnam',
      overseas: 'Abroad',
    },
    anyCommune: 'No ward or commune given',
    confirmCommune:
      'Since 1 July 2025 Hai Phong has no districts and Hai Duong is part of Hai Phong. Your profile says “{{former}}”: please choose your ward, commune or special zone.',
  },
  profileErrors: {
    orcid: 'Not a valid ORCID iD: use the form 0000-0000-0000-0000 with a correct final check digit.',
    doi: 'Not a valid DOI: expected 10.xxxx/…',
    phone: 'Not a valid phone number: 8 to 15 digits, using only digits, spaces and + ( ) -.',
    country: 'Please choose a country.',
    language: 'Please choose a language.',
    birthYear: 'The year of birth must be 1920 or later and at least 16 years ago.',
    yearFuture: 'The year must not be in the future.',
    fromAfterTo: '“To” must not be before “From”.',
    onePrimary: 'Choose only one primary field.',
    duplicate: 'This is a duplicate.',
    fieldCode: 'Please choose a field from the list.',
    unknownField: 'This field is not in the current classification.',
  },
};
