import type { Database, DbOrTx } from '@hpen/db';
import type { RequestContext } from '../../app/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import { verifyPassword } from '../auth/passwords.js';
import { generateToken, hashToken } from '../auth/tokens.js';
import type { UsersRepository } from '../users/users.repository.js';
import type { MfaPolicyService } from './mfa-policy.js';
import type { MfaRepository } from './mfa.repository.js';
import { mfaErrors } from './mfa.errors.js';
import type { SecretBox } from './secret-box.js';
import type { MfaStatus } from './mfa.schemas.js';
import { hashRecoveryCode, isRecoveryCodeShape, newRecoveryCodes, newTotpSecret, totpUri, verifyTotp } from './totp.js';

interface Deps {
  db: Database;
  mfaRepository: MfaRepository;
  usersRepository: UsersRepository;
  auditService: AuditService;
  mfaPolicy: MfaPolicyService;
  /** Seals TOTP secrets at rest (secret-box.ts). */
  secretBox: SecretBox;
  clock?: () => Date;
}

/** Five minutes to type the code; five tries per password entry (the password step has its own throttle). */
const CHALLENGE_TTL_MS = 5 * 60_000;
const CHALLENGE_MAX_ATTEMPTS = 5;

function actorOf(ctx: RequestContext) {
  if (!ctx.actor) throw new Error('mfa service called without an authenticated actor');
  return ctx.actor;
}

/** TOTP enrolment, recovery codes and the second sign-in step. */
export function createMfaService(deps: Deps) {
  const { db, mfaRepository, auditService, secretBox } = deps;
  const clock = deps.clock ?? (() => new Date());

  /** The stored secret, or null when the key cannot open it (MFA_SECRET_KEY lost or changed): codes then fail, recovery codes still work. */
  function openSecret(userId: string, stored: string): string | null {
    try {
      return secretBox.open(userId, stored);
    } catch {
      return null;
    }
  }

  /** A current TOTP code (never one used before) or an unused recovery code; null when neither. */
  async function checkCode(tx: DbOrTx, userId: string, code: string, now: Date): Promise<'totp' | 'recovery' | null> {
    const mfa = await mfaRepository.find(userId, tx);
    if (!mfa?.totpSecret) return null;
    const digits = code.replace(/\s/g, '');
    const secret = openSecret(userId, mfa.totpSecret);
    if (/^\d{6}$/.test(digits)) {
      if (secret === null) return null;
      const step = await verifyTotp(secret, digits, now, mfa.lastTimeStep);
      return step !== null && (await mfaRepository.advanceTimeStep(tx, userId, step)) ? 'totp' : null;
    }
    if (!isRecoveryCodeShape(code)) return null;
    return (await mfaRepository.useRecoveryCode(tx, userId, hashRecoveryCode(code), now)) ? 'recovery' : null;
  }

  async function issueRecoveryCodes(tx: DbOrTx, userId: string): Promise<string[]> {
    const codes = newRecoveryCodes();
    await mfaRepository.replaceRecoveryCodes(tx, userId, codes.map(hashRecoveryCode));
    return codes;
  }

  return {
    async isEnabled(userId: string): Promise<boolean> {
      return Boolean((await mfaRepository.find(userId))?.totpSecret);
    },

    async status(ctx: RequestContext): Promise<MfaStatus> {
      const actor = actorOf(ctx);
      const mfa = await mfaRepository.find(actor.userId);
      return {
        totpEnabled: Boolean(mfa?.totpSecret),
        required: await deps.mfaPolicy.isRequiredFor(actor.role),
        recoveryCodesLeft: mfa?.totpSecret ? await mfaRepository.countRecoveryCodesLeft(actor.userId) : 0,
      };
    },

    /** A new secret each time; it becomes active only when `enable` gets a code made from it. */
    async setup(ctx: RequestContext): Promise<{ secret: string; otpauthUrl: string }> {
      const actor = actorOf(ctx);
      const user = await deps.usersRepository.findById(actor.userId);
      if (!user) throw mfaErrors.notSetUp();
      if ((await mfaRepository.find(actor.userId))?.totpSecret) throw mfaErrors.alreadyEnabled();
      const secret = newTotpSecret();
      await db.transaction(async (tx) => {
        await mfaRepository.savePendingSecret(tx, actor.userId, secretBox.seal(actor.userId, secret));
        await auditService.record(tx, ctx, { action: 'user.mfa_setup_started', targetType: 'user', targetId: actor.userId });
      });
      return { secret, otpauthUrl: totpUri(secret, user.email) };
    },

    /** Turns TOTP on and returns the ten recovery codes: the only time they are shown. */
    async enable(ctx: RequestContext, code: string): Promise<string[]> {
      const actor = actorOf(ctx);
      const now = clock();
      return db.transaction(async (tx) => {
        const mfa = await mfaRepository.find(actor.userId, tx);
        if (mfa?.totpSecret) throw mfaErrors.alreadyEnabled();
        if (!mfa?.pendingSecret) throw mfaErrors.notSetUp();
        const pending = openSecret(actor.userId, mfa.pendingSecret);
        if (pending === null) throw mfaErrors.notSetUp();
        const step = await verifyTotp(pending, code, now, null);
        if (step === null) throw mfaErrors.codeInvalid();
        await mfaRepository.enable(tx, actor.userId, mfa.pendingSecret, step, now); // stays sealed
        const codes = await issueRecoveryCodes(tx, actor.userId);
        await auditService.record(tx, ctx, {
          action: 'user.mfa_enabled',
          targetType: 'user',
          targetId: actor.userId,
          details: { method: 'totp' },
        });
        return codes;
      });
    },

    /** Needs both the password and a code, so neither a stolen session nor a stolen phone alone can do it. */
    async disable(ctx: RequestContext, body: { password: string; code: string }): Promise<void> {
      const actor = actorOf(ctx);
      if (await deps.mfaPolicy.isRequiredFor(actor.role)) throw mfaErrors.requiredByPolicy();
      const user = await deps.usersRepository.findById(actor.userId);
      if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, body.password))) throw mfaErrors.wrongPassword();
      await db.transaction(async (tx) => {
        if (!(await mfaRepository.find(actor.userId, tx))?.totpSecret) throw mfaErrors.notEnabled();
        if (!(await checkCode(tx, actor.userId, body.code, clock()))) throw mfaErrors.codeInvalid();
        await mfaRepository.disable(tx, actor.userId);
        await auditService.record(tx, ctx, { action: 'user.mfa_disabled', targetType: 'user', targetId: actor.userId });
      });
    },

    async regenerateRecoveryCodes(ctx: RequestContext, code: string): Promise<string[]> {
      const actor = actorOf(ctx);
      return db.transaction(async (tx) => {
        if (!(await mfaRepository.find(actor.userId, tx))?.totpSecret) throw mfaErrors.notEnabled();
        if (!(await checkCode(tx, actor.userId, code, clock()))) throw mfaErrors.codeInvalid();
        const codes = await issueRecoveryCodes(tx, actor.userId);
        await auditService.record(tx, ctx, { action: 'user.mfa_recovery_codes_regenerated', targetType: 'user', targetId: actor.userId });
        return codes;
      });
    },

    /** After a right password: a single-use token for the second step (only its hash is stored). */
    async createChallenge(userId: string): Promise<string> {
      const now = clock();
      const token = generateToken();
      await mfaRepository.deleteExpiredChallenges(now);
      await mfaRepository.insertChallenge(db, {
        userId,
        tokenHash: hashToken(token),
        expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS),
      });
      return token;
    },

    /**
     * Checks the second step; returns whose it was and how. The attempt is counted before the
     * code is checked, in its own statement, so wrong codes use the challenge up.
     */
    async completeChallenge(token: string, code: string): Promise<{ userId: string; method: 'totp' | 'recovery' }> {
      const now = clock();
      const challenge = await mfaRepository.attemptChallenge(db, hashToken(token), CHALLENGE_MAX_ATTEMPTS, now);
      if (!challenge) throw mfaErrors.challengeInvalid();
      const method = await db.transaction(async (tx) => {
        const used = await checkCode(tx, challenge.userId, code, now);
        if (used && !(await mfaRepository.useChallenge(tx, challenge.id, now))) throw mfaErrors.challengeInvalid();
        return used;
      });
      if (!method) throw mfaErrors.codeInvalid();
      return { userId: challenge.userId, method };
    },

    /** An admin's way back in for someone who lost their phone and their codes. */
    async resetFor(ctx: RequestContext, userId: string): Promise<void> {
      await db.transaction(async (tx) => {
        if (!(await mfaRepository.find(userId, tx))?.totpSecret) throw mfaErrors.notEnabled();
        await mfaRepository.disable(tx, userId);
        await auditService.record(tx, ctx, { action: 'user.mfa_reset_by_admin', targetType: 'user', targetId: userId });
      });
    },
  };
}
export type MfaService = ReturnType<typeof createMfaService>;
