import { AppError } from '../../app/errors.js';

export const authErrors = {
  /**
   * Sign-up says when an address is taken (the user needs to know to sign in instead): we accept
   * that this confirms an address has an account. It is held to the auth rate limit per address
   * (AUTH_RATE_LIMIT_PER_MINUTE), and the message is neutral: it does not say whose or what kind.
   */
  emailTaken: () =>
    new AppError(409, 'auth.email_taken', 'This e-mail cannot be used to sign up. If it is yours, sign in or reset your password'),
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
