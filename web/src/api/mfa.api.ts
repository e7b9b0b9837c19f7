import type {
  MfaChallengeResponse,
  MfaPolicy,
  MfaStatus,
  recoveryCodesResponseSchema,
  SessionResponse,
  totpSetupResponseSchema,
} from '@hpen/server/contracts';
import type { z } from 'zod';
import { startSession } from '../auth/session-store';
import { apiRequest } from './client';

type RecoveryCodes = z.infer<typeof recoveryCodesResponseSchema>;
export type TotpSetup = z.infer<typeof totpSetupResponseSchema>;
export type { MfaChallengeResponse, MfaStatus };

export function getMfaStatus() {
  return apiRequest<MfaStatus>('/me/mfa');
}

export function setupTotp() {
  return apiRequest<TotpSetup>('/me/mfa/totp/setup', { method: 'POST' });
}

export function enableTotp(code: string) {
  return apiRequest<RecoveryCodes>('/me/mfa/totp/enable', { method: 'POST', body: { code } });
}

export function disableTotp(body: { password: string; code: string }) {
  return apiRequest<void>('/me/mfa/totp/disable', { method: 'POST', body });
}

export function regenerateRecoveryCodes(code: string) {
  return apiRequest<RecoveryCodes>('/me/mfa/recovery-codes', { method: 'POST', body: { code } });
}

/** The second sign-in step; a right code starts the session like a password-only sign-in. */
export async function completeMfaSignIn(body: { mfaToken: string; code: string }) {
  const session = await apiRequest<SessionResponse>('/auth/sign-in/mfa', { method: 'POST', body, auth: false });
  startSession(session);
  return session;
}

export function getMfaPolicy() {
  return apiRequest<MfaPolicy>('/admin/settings/mfa');
}

export function updateMfaPolicy(body: MfaPolicy) {
  return apiRequest<MfaPolicy>('/admin/settings/mfa', { method: 'PUT', body });
}
