import { AppError } from '../../app/errors.js';

/** Stable codes; the web translates them. */
export const privacyErrors = {
  requiredConsent: () =>
    new AppError(409, 'privacy.consent_required', 'This consent is needed to have an account: delete the account instead (DELETE /api/me)'),
  requestNotFound: () => new AppError(404, 'privacy.request_not_found', 'Data request not found'),
  breachNotFound: () => new AppError(404, 'privacy.breach_not_found', 'Breach record not found'),
  badTransition: (from: string, action: string) =>
    new AppError(409, 'privacy.invalid_state', `Cannot ${action} a request that is ${from.replace(/_/g, ' ')}`),
  extensionNotAllowed: (maxDays: number) =>
    new AppError(409, 'privacy.extension_not_allowed', `Only one extension of up to ${maxDays} days is allowed`, {
      fields: [{ path: 'days', code: 'too_big', message: `At most ${maxDays}` }],
    }),
  versionExists: () =>
    new AppError(409, 'privacy.version_exists', 'That version already exists', {
      fields: [{ path: 'version', code: 'duplicate', message: 'Already used' }],
    }),
  notAnOfficer: (userIds: string[]) =>
    new AppError(400, 'privacy.not_an_officer', 'Only active officer-role staff can be designated for data protection', {
      fields: userIds.map((id) => ({ path: 'userIds', code: 'not_an_officer', message: id })),
    }),
  noProfile: () => new AppError(404, 'privacy.no_profile', 'You have no profile'),
};
