import { AppError } from '../../app/errors.js';

/** Stable codes; the web translates them. */
export const awardsErrors = {
  notFound: () => new AppError(404, 'awards.not_found', 'Award not found'),
  roundNotFound: () => new AppError(404, 'awards.round_not_found', 'Round not found'),
  documentNotFound: () => new AppError(404, 'awards.document_not_found', 'Document not found'),
  documentType: () => new AppError(415, 'awards.document_type', 'Upload a PDF, DOCX, XLSX, JPEG or PNG file'),
  documentMissing: () => new AppError(400, 'awards.document_missing', 'Attach the document in the `file` field'),
  nominationNotFound: () => new AppError(404, 'awards.nomination_not_found', 'Nomination not found'),
  rulesNotFound: () => new AppError(404, 'awards.rules_not_found', 'Council rules not found'),
  forbidden: (message = 'You may not do this in this award round') => new AppError(403, 'awards.forbidden', message),
  recused: () =>
    new AppError(403, 'awards.recused', 'You are recused from this nomination: you cannot see its scores, discuss or vote on it'),
  badTransition: (from: string, event: string) =>
    new AppError(409, 'awards.invalid_state', `Cannot ${event.replace(/_/g, ' ')} while the nomination is ${from.replace(/_/g, ' ')}`),
  nominatorNotAllowed: (kind: string) =>
    new AppError(
      400,
      'awards.nominator_not_allowed',
      `This award does not accept nominations by ${kind}, or you cannot nominate as ${kind}`,
      {
        fields: [{ path: 'nominatorKind', code: 'not_allowed', message: kind }],
      },
    ),
  notDraft: () => new AppError(409, 'awards.not_draft', 'Only a draft nomination can be edited'),
  nomineeConsentRequired: (profileIds: string[]) =>
    new AppError(
      409,
      'awards.nominee_consent_required',
      'Awaiting nominee consent: every nominee with an account must consent to award nomination before the nomination is submitted',
      { fields: profileIds.map((id) => ({ path: 'nominees', code: 'consent_missing', message: id })) },
    ),
  windowClosed: () => new AppError(409, 'awards.window_closed', 'The nomination window of this round is closed'),
  badCategory: () =>
    new AppError(400, 'awards.category_invalid', 'Unknown category for this award', {
      fields: [{ path: 'category', code: 'unknown', message: 'Unknown category' }],
    }),
  badScores: (fields: Array<{ path: string; code: string; message: string }>) =>
    new AppError(400, 'awards.scores_invalid', 'Scores must cover every criterion within its scale', { fields }),
  alreadyVoted: () => new AppError(409, 'awards.already_voted', 'You have already voted on this nomination in this phase'),
  notInPhase: () => new AppError(409, 'awards.not_in_phase', 'The nomination is not under review in this phase'),
  wrongMethod: (method: string) => new AppError(409, 'awards.wrong_method', `This phase decides by ${method.replace(/_/g, ' ')}`),
  phaseUnknown: () => new AppError(404, 'awards.phase_not_found', 'This award has no such phase'),
  notCouncilMember: () => new AppError(404, 'awards.member_not_found', 'No such council member in this round'),
  expertNotFound: () => new AppError(404, 'awards.expert_not_found', 'Expert not found'),
  duplicateCode: () => new AppError(409, 'awards.code_taken', 'An award with this code exists'),
  roundYearTaken: () =>
    new AppError(409, 'awards.round_year_taken', 'This award already has a round in this year', {
      fields: [{ path: 'year', code: 'taken', message: 'A round of this year exists' }],
    }),
  reasonRequired: () =>
    new AppError(400, 'awards.reason_required', 'Give the reason a nomination is not eligible', {
      fields: [{ path: 'reason', code: 'required', message: 'Required' }],
    }),
  alreadySeated: () => new AppError(409, 'awards.already_seated', 'This expert already sits on the council of this phase'),
  notFinalist: (id: string) =>
    new AppError(409, 'awards.not_finalist', 'Only nominations that passed the last phase can be awarded', {
      fields: [{ path: 'awarded', code: 'not_finalist', message: id }],
    }),
  decided: () => new AppError(409, 'awards.round_decided', 'The decision of this round is already recorded'),
  capExceeded: (category: string, level: string) =>
    new AppError(409, 'awards.cap_exceeded', `Too many ${level} prizes in ${category} for the award's caps`),
};
