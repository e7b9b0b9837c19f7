import { AppError, type FieldError } from '../../app/errors.js';

export const profilesErrors = {
  notFound: () => new AppError(404, 'profiles.not_found', 'Expert profile not found'),
  noOwnProfile: () => new AppError(404, 'profiles.no_own_profile', 'This account has no expert profile'),
  versionConflict: (current: number) =>
    new AppError(409, 'profiles.version_conflict', `The profile was changed elsewhere (now version ${current}); reload it and apply your edit again`),
  invalid: (fields: FieldError[]) => new AppError(400, 'validation_failed', 'The profile is invalid', { fields }),
  claimNotAllowed: (message: string) => new AppError(409, 'profiles.claim_not_allowed', message),
};
