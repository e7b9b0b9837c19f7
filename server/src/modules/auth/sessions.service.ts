import type { Database } from '@hpen/db';
import type { Role } from '@hpen/db/enums';
import type { RequestContext } from '../../app/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import { toMe } from '../users/users.mappers.js';
import type { UsersRepository, UserWithOrganisation } from '../users/users.repository.js';
import type { Me } from '../users/users.schemas.js';
import type { AuthRepository } from './auth.repository.js';
import { authErrors } from './auth.errors.js';
import type { SignInBody } from './auth.schemas.js';
import { burnPasswordCheck, verifyPassword } from './passwords.js';
import type { MfaChallengeResponse } from '../mfa/mfa.schemas.js';
import type { MfaService } from '../mfa/mfa.service.js';
import type { DeviceCookies } from './device-cookie.js';
import type { SignInThrottle } from './sign-in-throttle.js';
import { generateToken, hashToken } from './tokens.js';

export interface AccessTokenPayload {
  sub: string;
  sid: string;
  role: Role;
}

export interface Actor {
  userId: string;
  role: Role;
  organisationId: string | null;
  sessionId: string;
  /** The account has a second factor on (so every session it has since was opened with one). */
  mfaEnabled: boolean;
}

export interface IssuedSession {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: Date;
  user: Me;
  /** The signed cookie that makes this a known device for the account (sign-in only). */
  deviceCookie?: string;
}

interface Deps {
  db: Database;
  authRepository: AuthRepository;
  usersRepository: UsersRepository;
  auditService: AuditService;
  signInThrottle: SignInThrottle;
  deviceCookies: DeviceCookies;
  mfaService: Pick<MfaService, 'isEnabled' | 'createChallenge' | 'completeChallenge'>;
  signAccessToken: (payload: AccessTokenPayload) => string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  clock?: () => Date;
}

function signedIn(ctx: RequestContext) {
  if (!ctx.actor) throw new Error('sessions service called without an authenticated actor');
  return ctx.actor;
}

/** Sign-in, refresh-token rotation with reuse detection, sign-out, and resolving the caller. */
export function createSessionsService(deps: Deps) {
  const { db, authRepository, usersRepository, auditService, signInThrottle } = deps;
  const clock = deps.clock ?? (() => new Date());
  const refreshTtlMs = deps.refreshTokenTtlDays * 24 * 3600_000;

  async function issueTokens(
    tx: Parameters<Parameters<Database['transaction']>[0]>[0],
    user: UserWithOrganisation,
    sessionId: string,
    now: Date,
  ) {
    const refreshToken = generateToken();
    const refreshExpiresAt = new Date(now.getTime() + refreshTtlMs);
    await authRepository.insertRefreshToken(tx, { sessionId, tokenHash: hashToken(refreshToken), expiresAt: refreshExpiresAt });
    const accessToken = deps.signAccessToken({ sub: user.id, sid: sessionId, role: user.role });
    return { accessToken, expiresIn: deps.accessTokenTtlSeconds, refreshToken, refreshExpiresAt, user: toMe(user) };
  }

  async function revokeForReuse(ctx: RequestContext, sessionId: string, userId: string, now: Date) {
    await db.transaction(async (tx) => {
      if (await authRepository.revokeSession(tx, sessionId, 'refresh_token_reuse', now)) {
        await auditService.record(tx, ctx, {
          action: 'auth.refresh_reuse_detected',
          targetType: 'session',
          targetId: sessionId,
          actorUserId: userId,
          details: { revoked: 'session' },
        });
      }
    });
  }

  async function startSession(ctx: RequestContext, user: UserWithOrganisation, now: Date, secondFactor: string | null) {
    return db.transaction(async (tx) => {
      const session = await authRepository.insertSession(tx, {
        userId: user.id,
        ip: ctx.ip,
        userAgent: ctx.userAgent,
        expiresAt: new Date(now.getTime() + refreshTtlMs),
      });
      await usersRepository.update(tx, user.id, { lastSignInAt: now });
      await auditService.record(tx, ctx, {
        action: 'auth.signed_in',
        targetType: 'session',
        targetId: session.id,
        actorUserId: user.id,
        actorRole: user.role,
        ...(secondFactor ? { details: { secondFactor } } : {}),
      });
      return issueTokens(tx, user, session.id, now);
    });
  }

  return {
    /** A session, or, for an account with a second factor, the challenge its second step answers. */
    async signIn(ctx: RequestContext, body: SignInBody, deviceCookie?: string): Promise<IssuedSession | MfaChallengeResponse> {
      const now = clock();
      const user = await usersRepository.findByEmail(body.email);
      const deviceId = user ? deps.deviceCookies.deviceFor(deviceCookie, user.id) : null;
      const origin = { email: body.email, ip: ctx.ip, deviceId };
      await signInThrottle.ensureAllowed(origin, now);
      const ok = user?.passwordHash
        ? await verifyPassword(user.passwordHash, body.password)
        : (await burnPasswordCheck(body.password), false);
      if (!user || !ok) {
        await signInThrottle.recordFailure(origin, now);
        throw authErrors.invalidCredentials();
      }
      await signInThrottle.recordSuccess(origin);
      if (user.status === 'disabled') throw authErrors.accountDisabled();
      if (!user.emailVerifiedAt) throw authErrors.emailUnverified();
      if (await deps.mfaService.isEnabled(user.id)) {
        return { mfaRequired: true as const, mfaToken: await deps.mfaService.createChallenge(user.id) };
      }
      const issued = await startSession(ctx, user, now, null);
      return { ...issued, deviceCookie: deviceId ? deviceCookie : deps.deviceCookies.issue(user.id) };
    },

    /** The second step: the challenge from `signIn` and a TOTP or recovery code. */
    async completeMfaSignIn(ctx: RequestContext, body: { mfaToken: string; code: string }, deviceCookie?: string): Promise<IssuedSession> {
      const { userId, method } = await deps.mfaService.completeChallenge(body.mfaToken, body.code);
      const user = await usersRepository.findById(userId);
      if (!user || user.status !== 'active') throw authErrors.accountDisabled();
      const issued = await startSession(ctx, user, clock(), method);
      const known = deps.deviceCookies.deviceFor(deviceCookie, user.id) !== null;
      return { ...issued, deviceCookie: known ? deviceCookie : deps.deviceCookies.issue(user.id) };
    },

    async refresh(ctx: RequestContext, refreshToken: string | undefined): Promise<IssuedSession> {
      if (!refreshToken) throw authErrors.refreshInvalid();
      const now = clock();
      const found = await authRepository.findRefreshToken(hashToken(refreshToken));
      if (!found || found.session.revokedAt) throw authErrors.refreshInvalid();
      const { token, session } = found;
      if (token.usedAt) {
        await revokeForReuse(ctx, session.id, session.userId, now);
        throw authErrors.refreshReused();
      }
      if (token.expiresAt <= now || session.expiresAt <= now) throw authErrors.refreshInvalid();
      const user = await usersRepository.findById(session.userId);
      if (!user || user.status !== 'active') throw authErrors.refreshInvalid();
      const issued = await db.transaction(async (tx) => {
        if (!(await authRepository.consumeRefreshToken(tx, token.id, now))) return null;
        await authRepository.touchSession(tx, session.id, now);
        return issueTokens(tx, user, session.id, now);
      });
      if (!issued) {
        // Lost a race with another use of the same token: that is reuse too.
        await revokeForReuse(ctx, session.id, session.userId, now);
        throw authErrors.refreshReused();
      }
      return issued;
    },

    /** Revokes the session named by the refresh cookie, or else by the access token. */
    async signOut(ctx: RequestContext, refreshToken: string | undefined): Promise<void> {
      const now = clock();
      let sessionId = ctx.actor?.sessionId;
      let userId = ctx.actor?.userId;
      if (refreshToken) {
        const found = await authRepository.findRefreshToken(hashToken(refreshToken));
        if (found) {
          sessionId = found.session.id;
          userId = found.session.userId;
        }
      }
      if (!sessionId) return;
      await db.transaction(async (tx) => {
        if (await authRepository.revokeSession(tx, sessionId, 'signed_out', now)) {
          await auditService.record(tx, ctx, {
            action: 'auth.signed_out',
            targetType: 'session',
            targetId: sessionId,
            actorUserId: userId ?? null,
          });
        }
      });
    },

    /** The account's live sessions (devices), the caller's own marked. */
    async listSessions(ctx: RequestContext) {
      const actor = signedIn(ctx);
      const rows = await authRepository.listActiveSessions(actor.userId, clock());
      return rows.map((s) => ({
        id: s.id,
        createdAt: s.createdAt.toISOString(),
        lastUsedAt: s.lastUsedAt.toISOString(),
        ip: s.ip,
        userAgent: s.userAgent,
        current: s.id === actor.sessionId,
      }));
    },

    /** Signs out every other device of the caller's account. */
    async revokeOtherSessions(ctx: RequestContext): Promise<void> {
      const actor = signedIn(ctx);
      await db.transaction(async (tx) => {
        const revoked = await authRepository.revokeUserSessions(tx, actor.userId, 'signed_out_elsewhere', clock(), actor.sessionId);
        await auditService.record(tx, ctx, {
          action: 'user.sessions_revoked',
          targetType: 'user',
          targetId: actor.userId,
          details: { revoked },
        });
      });
    },

    /** Turns a verified access-token payload into the current actor, or 401 if the session or account ended. */
    async resolveActor(payload: AccessTokenPayload): Promise<Actor> {
      const now = clock();
      const found = await authRepository.findSessionWithUser(payload.sid);
      if (!found) throw authErrors.tokenExpired();
      const { session, user } = found;
      if (session.userId !== payload.sub || session.revokedAt || session.expiresAt <= now || user.status !== 'active') {
        throw authErrors.tokenExpired();
      }
      return {
        userId: user.id,
        role: user.role,
        organisationId: user.organisationId,
        sessionId: session.id,
        mfaEnabled: Boolean(found.mfaEnabled),
      };
    },
  };
}
export type SessionsService = ReturnType<typeof createSessionsService>;
