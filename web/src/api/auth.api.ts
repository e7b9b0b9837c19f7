import type {
  acceptInvitationBodySchema,
  MfaChallengeResponse,
  okResponseSchema,
  PasswordStrengthResponse,
  privacyNoticeSchema,
  resetPasswordBodySchema,
  SessionResponse,
  SignInBody,
  SignUpBody,
  signUpResponseSchema,
} from '@hpen/server/contracts';
import type { z } from 'zod';
import { endSession, getAccessToken, startSession } from '../auth/session-store';
import { apiRequest } from './client';

type Ok = z.infer<typeof okResponseSchema>;
export type PrivacyNotice = z.infer<typeof privacyNoticeSchema>;

export function signUp(body: SignUpBody) {
  return apiRequest<z.infer<typeof signUpResponseSchema>>('/auth/sign-up', { method: 'POST', body, auth: false });
}

export function verifyEmail(token: string) {
  return apiRequest<Ok>('/auth/verify-email', { method: 'POST', body: { token }, auth: false });
}

export function resendVerification(email: string) {
  return apiRequest<Ok>('/auth/resend-verification', { method: 'POST', body: { email }, auth: false });
}

/** Starts the session, or answers the challenge of an account with two-step sign-in on. */
export async function signIn(body: SignInBody): Promise<SessionResponse | MfaChallengeResponse> {
  const result = await apiRequest<SessionResponse | MfaChallengeResponse>('/auth/sign-in', { method: 'POST', body, auth: false });
  if (!('mfaRequired' in result)) startSession(result);
  return result;
}

function postSignOut(token: string | null) {
  return fetch('/api/auth/sign-out', {
    method: 'POST',
    credentials: 'same-origin',
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
}

/** Always ends the local session, even if the server call fails: the user asked to leave. */
export async function signOut() {
  const token = getAccessToken();
  try {
    const response = await postSignOut(token);
    // An expired access token is rejected before the cookie is read; the cookie alone
    // still identifies the session to revoke.
    if (response.status === 401 && token) await postSignOut(null);
  } catch {
    // Offline: the cookie stays until it expires, but this tab forgets the user now.
  } finally {
    endSession();
  }
}

export function forgotPassword(email: string) {
  return apiRequest<Ok>('/auth/forgot-password', { method: 'POST', body: { email }, auth: false });
}

export function resetPassword(body: z.infer<typeof resetPasswordBodySchema>) {
  return apiRequest<Ok>('/auth/reset-password', { method: 'POST', body, auth: false });
}

export function acceptInvitation(body: z.infer<typeof acceptInvitationBodySchema>) {
  return apiRequest<Ok>('/auth/accept-invitation', { method: 'POST', body, auth: false });
}

export function getPrivacyNotice() {
  return apiRequest<PrivacyNotice>('/auth/privacy-notice', { auth: false });
}

export function checkPasswordStrength(body: { password: string; email?: string; fullName?: string }) {
  return apiRequest<PasswordStrengthResponse>('/auth/password-strength', { method: 'POST', body, auth: false });
}
