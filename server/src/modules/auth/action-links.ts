import type { ActionTokenPurpose, DbOrTx } from '@hpen/db';
import type { AuthRepository } from './auth.repository.js';
import { generateToken, hashToken } from './tokens.js';

const TTL_MS: Record<ActionTokenPurpose, number> = {
  verify_email: 48 * 3600_000,
  reset_password: 3600_000,
  accept_invitation: 7 * 24 * 3600_000,
  claim_profile: 48 * 3600_000,
};

const PATHS: Record<ActionTokenPurpose, string> = {
  verify_email: '/verify-email',
  reset_password: '/reset-password',
  accept_invitation: '/accept-invitation',
  claim_profile: '/claim-profile',
};

/** Issues single-use e-mail links; a new link for a purpose cancels the older ones. */
export function createActionLinks({ authRepository, publicUrl }: { authRepository: AuthRepository; publicUrl: string }) {
  return {
    async issue(tx: DbOrTx, userId: string, purpose: ActionTokenPurpose, now: Date, subjectId?: string): Promise<string> {
      await authRepository.invalidateActionTokens(tx, userId, purpose, now);
      const token = generateToken();
      await authRepository.insertActionToken(tx, {
        userId,
        purpose,
        subjectId: subjectId ?? null,
        tokenHash: hashToken(token),
        expiresAt: new Date(now.getTime() + TTL_MS[purpose]),
      });
      return `${publicUrl}${PATHS[purpose]}?token=${token}`;
    },

    /** The user id the token was issued to, or undefined when invalid, used or expired. */
    async consume(tx: DbOrTx, token: string, purpose: ActionTokenPurpose, now: Date): Promise<string | undefined> {
      return (await authRepository.consumeActionToken(tx, hashToken(token), purpose, now))?.userId;
    },

    /** Links of a purpose sent since `since`, by one user and/or about one subject (mail rate limits). */
    countSince(purpose: ActionTokenPurpose, since: Date, by: { userId?: string; subjectId?: string }) {
      return authRepository.countActionTokensSince(purpose, since, by);
    },

    consumeWithSubject(tx: DbOrTx, token: string, purpose: ActionTokenPurpose, now: Date) {
      return authRepository.consumeActionToken(tx, hashToken(token), purpose, now);
    },
  };
}
export type ActionLinks = ReturnType<typeof createActionLinks>;
