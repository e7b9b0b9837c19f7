import { AppError } from '../../app/errors.js';

/** Stable codes; the web translates them. */
export const offersErrors = {
  notFound: () => new AppError(404, 'offers.not_found', 'Offer not found'),
  forbidden: (message = 'Only the organisation that posted the offer may do this') => new AppError(403, 'offers.forbidden', message),
  stale: () => new AppError(409, 'offers.stale_version', 'The offer was changed meanwhile: reload it and apply your edit again'),
  notOpen: () => new AppError(409, 'offers.not_open', 'This offer is not open for interest'),
  noProfile: () => new AppError(409, 'offers.no_profile', 'Create your expert profile first'),
  badProgram: () =>
    new AppError(400, 'offers.program_invalid', 'Unknown program', {
      fields: [{ path: 'programId', code: 'unknown', message: 'Unknown program' }],
    }),
  badOrganisation: () =>
    new AppError(400, 'offers.organisation_invalid', 'Choose the organisation that posts the offer', {
      fields: [{ path: 'organisationId', code: 'required', message: 'Unknown or missing organisation' }],
    }),
  commitmentNotFound: () => new AppError(404, 'commitments.not_found', 'Commitment not found'),
  commitmentForbidden: (message = 'Only the employer or the program’s officers may do this') =>
    new AppError(403, 'commitments.forbidden', message),
  commitmentState: (status: string) => new AppError(409, 'commitments.invalid_state', `The commitment is ${status.replace('_', ' ')}`),
  commitmentStale: () => new AppError(409, 'commitments.stale_version', 'The commitment was changed meanwhile: reload it'),
  badYear: (expected: number) =>
    new AppError(400, 'commitments.year_invalid', `The next year to confirm is ${expected}`, {
      fields: [{ path: 'year', code: 'invalid', message: `Expected ${expected}` }],
    }),
  programNotFound: () => new AppError(404, 'programs.not_found', 'Program not found'),
  staffOnly: () => new AppError(403, 'offers.staff_only', 'Staff only'),
};
