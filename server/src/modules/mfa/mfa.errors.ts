import { AppError } from '../../app/errors.js';

export const mfaErrors = {
  codeInvalid: () =>
    new AppError(400, 'mfa.code_invalid', 'This code is not right or was already used; enter the newest code from your app'),
  challengeInvalid: () => new AppError(401, 'mfa.challenge_invalid', 'This sign-in step has expired or was used; sign in again'),
  notSetUp: () => new AppError(409, 'mfa.not_set_up', 'Start the set-up first: scan the QR code, then enter a code'),
  alreadyEnabled: () => new AppError(409, 'mfa.already_enabled', 'Two-step sign-in is already on'),
  notEnabled: () => new AppError(409, 'mfa.not_enabled', 'Two-step sign-in is not on'),
  requiredByPolicy: () => new AppError(409, 'mfa.required_by_policy', 'Your role must use two-step sign-in; it cannot be turned off'),
  wrongPassword: () => new AppError(400, 'mfa.wrong_password', 'The password is not right'),
};
