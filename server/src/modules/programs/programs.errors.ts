import { AppError } from '../../app/errors.js';

/** Stable codes; the web translates them. */
export const programsErrors = {
  notFound: () => new AppError(404, 'programs.not_found', 'Program not found'),
  profileNotFound: () =>
    new AppError(404, 'programs.profile_not_found', 'Profile not found', {
      fields: [{ path: 'profileIds', code: 'unknown', message: 'Unknown profile' }],
    }),
  applicationNotFound: () => new AppError(404, 'programs.application_not_found', 'Application not found'),
  documentNotFound: () => new AppError(404, 'programs.document_not_found', 'Document not found'),
  forbidden: (message = 'Only officers of the program’s agency may do this') => new AppError(403, 'programs.forbidden', message),
  codeTaken: () =>
    new AppError(409, 'programs.code_taken', 'Another program has this code', {
      fields: [{ path: 'code', code: 'taken', message: 'Already used' }],
    }),
  staleVersion: () => new AppError(409, 'programs.stale_version', 'The program was changed meanwhile: reload it and apply your edit again'),
  notOpen: () => new AppError(409, 'programs.not_open', 'This program is not accepting applications'),
  alreadyApplied: () => new AppError(409, 'programs.already_applied', 'You already have an open application to this program'),
  assessmentConsentRequired: (paper: boolean) =>
    new AppError(
      409,
      'programs.assessment_consent_required',
      paper
        ? 'Attest that the dossier holds the applicant’s signed consent to assessment (assessmentConsent: true)'
        : 'Applying needs your consent to assessment in talent programs: tick it (assessmentConsent: true) or grant it on your privacy page',
      { fields: [{ path: 'assessmentConsent', code: 'required', message: 'Consent to program assessment is required' }] },
    ),
  /** Each missing item is a field: `documents.<code>`, `declared.<key>`, `evidence.<key>` or `assessmentConsent`. */
  incomplete: (missing: ReadonlyArray<{ kind: string; code: string; label: { en: string } }>) =>
    new AppError(409, 'programs.application_incomplete', `The application is incomplete: ${missing.map((m) => m.label.en).join('; ')}`, {
      fields: missing.map((m) => ({
        path:
          m.kind === 'consent'
            ? 'assessmentConsent'
            : `${{ document: 'documents', fact: 'declared', evidence: 'evidence' }[m.kind]}.${m.code}`,
        code: m.kind === 'fact' ? 'required' : 'missing',
        message: m.label.en,
      })),
    }),
  reviewerNotFound: () => new AppError(404, 'programs.reviewer_not_found', 'Review seat not found'),
  reviewerUnregistered: () =>
    new AppError(
      409,
      'programs.reviewer_unregistered',
      'This expert has no account yet: a reviewer answers and gives an opinion in the platform',
      {
        fields: [{ path: 'profileId', code: 'unregistered', message: 'The expert has no account' }],
      },
    ),
  reviewerSeated: () =>
    new AppError(409, 'programs.reviewer_seated', 'This expert already has a seat on this application', {
      fields: [{ path: 'profileId', code: 'taken', message: 'Already seated' }],
    }),
  /** Each screened conflict is a field: its code and what in the data raised it. */
  reviewerConflict: (flags: ReadonlyArray<{ code: string; evidence: string }>) =>
    new AppError(409, 'programs.reviewer_conflict', 'This expert has a conflict of interest with the applicant', {
      fields: flags.map((f) => ({ path: 'profileId', code: f.code, message: f.evidence })),
    }),
  reviewClosed: () => new AppError(409, 'programs.review_closed', 'The application is decided or withdrawn: its review council is closed'),
  seatAnswered: () => new AppError(409, 'programs.seat_answered', 'This invitation was already answered'),
  confidentialityRequired: () =>
    new AppError(400, 'programs.confidentiality_required', 'A reviewer keeps the dossier confidential: tick the undertaking', {
      fields: [{ path: 'declaration.confidentiality', code: 'required', message: 'Required' }],
    }),
  noProfile: () => new AppError(409, 'programs.no_profile', 'Create your expert profile before applying'),
  badTransition: (from: string, event: string) =>
    new AppError(409, 'programs.invalid_state', `Cannot ${event.replace(/_/g, ' ')} while the application is ${from.replace(/_/g, ' ')}`),
  notEditable: () =>
    new AppError(409, 'programs.application_locked', 'The application can be changed only as a draft or when information is requested'),
  badOrganisation: () =>
    new AppError(400, 'programs.organisation_invalid', 'Unknown organisation', {
      fields: [{ path: 'organisationId', code: 'unknown', message: 'Unknown organisation' }],
    }),
  documentType: () => new AppError(415, 'programs.document_type', 'Upload a PDF, DOCX, XLSX, JPEG or PNG file'),
  documentMissing: () => new AppError(400, 'programs.document_missing', 'Attach the document in the `file` field'),
};
