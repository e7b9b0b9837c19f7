import { AppError } from '../../app/errors.js';

/** Stable codes; the web translates them. */
export const consultationsErrors = {
  notFound: () => new AppError(404, 'consultations.not_found', 'Consultation not found'),
  documentType: () => new AppError(415, 'consultations.document_type', 'Upload a PDF, DOCX, XLSX, JPEG or PNG file'),
  invitationNotFound: () => new AppError(404, 'consultations.invitation_not_found', 'Invitation not found'),
  forbidden: (message = 'You do not take part in this consultation') => new AppError(403, 'consultations.forbidden', message),
  badTransition: (from: string, event: string) =>
    new AppError(409, 'consultations.invalid_state', `Cannot ${event.replace(/_/g, ' ')} while the case is ${from.replace(/_/g, ' ')}`),
  conflictOfInterest: (fields: Array<{ path: string; code: string; message: string }>) =>
    new AppError(409, 'consultations.conflict_of_interest', 'Conflict of interest: override each flag with a written reason', { fields }),
  notRegistered: (profileId: string) =>
    new AppError(409, 'consultations.expert_not_registered', `Expert ${profileId} has no account yet and cannot be invited`, {
      fields: [{ path: 'profileIds', code: 'not_registered', message: profileId }],
    }),
  invitationConsentWithdrawn: (profileId: string) =>
    new AppError(
      409,
      'consultations.invitation_consent_withdrawn',
      `Expert ${profileId} withdrew consent to consultation invitations and cannot be invited`,
      { fields: [{ path: 'profileIds', code: 'consent_withdrawn', message: profileId }] },
    ),
  expertNotVisible: () => new AppError(404, 'consultations.expert_not_found', 'Expert not found'),
  alreadyAnswered: () => new AppError(409, 'consultations.invitation_answered', 'This invitation was already answered'),
  confidentialityRequired: () =>
    new AppError(400, 'consultations.confidentiality_required', 'Accepting requires the confidentiality undertaking', {
      fields: [{ path: 'declaration.confidentiality', code: 'required', message: 'Must be true' }],
    }),
  conflictDeclared: () =>
    new AppError(409, 'consultations.conflict_declared', 'You declared a conflict of interest: decline the invitation instead'),
  reviewSubmitted: () => new AppError(409, 'consultations.review_submitted', 'The review was submitted and is read-only'),
  reviewIncomplete: (missing: string[]) =>
    new AppError(400, 'consultations.review_incomplete', 'Fill in the summary and the overall opinion before submitting', {
      fields: missing.map((path) => ({ path, code: 'required', message: 'Required' })),
    }),
  noSubmittedReview: () => new AppError(409, 'consultations.no_reviews', 'No review has been submitted yet'),
  badOrganisation: () =>
    new AppError(400, 'consultations.organisation_invalid', 'Unknown organisation', {
      fields: [{ path: 'organiserOrganisationId', code: 'unknown', message: 'Unknown organisation' }],
    }),
};
