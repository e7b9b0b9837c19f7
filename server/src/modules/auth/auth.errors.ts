import { AppError } from '../../app/errors.js';

export const authErrors = {
  emailTaken: () => new AppError(409, 'auth.email_taken', 'An account with this e-mail already exists'),
  invalidCredentials: () => new AppError(401, 'auth.invalid_credentials', 'E-mail or password is incorrect'),
  emailUnverified: () => new AppError(403, 'auth.email_unverified', 'Confirm your e-mail address first: follow the link we sent you'),
  accountDisabled: () => new AppError(403, 'auth.account_disabled', 'This account has been disabled'),
  tooManyAttempts: (retryAfterSeconds: number) =>
    new AppError(429, 'auth.too_many_attempts', 'Too many failed sign-in attempts; try again later', {
      retryAfterSeconds,
    }),
  mfaRequired: () =>
    new AppError(403, 'auth.mfa_required', 'Turn on two-step sign-in (an authenticator app) in your account before using this'),
  refreshInvalid: () => new AppError(401, 'auth.refresh_invalid', 'Your session has ended; sign in again'),
  refreshReused: () => new AppError(401, 'auth.refresh_reused', 'This session was signed out for your safety; sign in again'),
  tokenInvalid: () => new AppError(400, 'auth.token_invalid', 'This link is invalid, already used or expired'),
  tokenExpired: () => new AppError(401, 'auth.token_expired', 'Your session has expired; sign in again'),
};
