import { AppError, type FieldError } from '../../app/errors.js';

export const profilesErrors = {
  notFound: () => new AppError(404, 'profiles.not_found', 'Expert profile not found'),
  noOwnProfile: () => new AppError(404, 'profiles.no_own_profile', 'This account has no expert profile'),
  versionConflict: (current: number) =>
    new AppError(
      409,
      'profiles.version_conflict',
      `The profile was changed elsewhere (now version ${current}); reload it and apply your edit again`,
    ),
  invalid: (fields: FieldError[]) => new AppError(400, 'validation_failed', 'The profile is invalid', { fields }),
  alreadyClaimed: () => new AppError(409, 'profiles.already_claimed', 'This profile already belongs to an account'),
  claimNeedsMerge: () =>
    new AppError(409, 'profiles.claim_needs_merge', 'Your own profile already has content; ask a curator to merge the two profiles'),
};
