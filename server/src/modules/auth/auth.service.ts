import type { Database, DbOrTx } from '@hpen/db';
import type { ConsentPurpose } from '../privacy/privacy.schemas.js';
import type { RequestContext } from '../../app/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import type { SendMail } from '../mail/mail.service.js';
import { resetPasswordMail, verifyEmailMail } from '../mail/mail.templates.js';
import { toMe } from '../users/users.mappers.js';
import type { UsersRepository } from '../users/users.repository.js';
import type { Me } from '../users/users.schemas.js';
import type { ProfilesService } from '../profiles/profiles.service.js';
import type { ActionLinks } from './action-links.js';
import type { AuthRepository } from './auth.repository.js';
import { authErrors } from './auth.errors.js';
import type { SignUpBody } from './auth.schemas.js';
import { ensureStrongPassword } from './password-strength.js';
import { hashPassword } from './passwords.js';

interface Deps {
  db: Database;
  authRepository: AuthRepository;
  usersRepository: UsersRepository;
  auditService: AuditService;
  actionLinks: ActionLinks;
  profilesService: Pick<ProfilesService, 'createProfile' | 'setListedForUser'>;
  /** Consent records of a sign-up: the required purpose, the ticked optional ones, the notice read. */
  recordSignUpConsents: (tx: DbOrTx, ctx: RequestContext, userId: string, optional: readonly ConsentPurpose[]) => Promise<void>;
  sendMail: SendMail;
  clock?: () => Date;
}

/** Account life cycle by e-mail: sign-up with consent, verification, password reset, invitations. */
export function createAuthService(deps: Deps) {
  const { db, authRepository, usersRepository, auditService, actionLinks } = deps;
  const clock = deps.clock ?? (() => new Date());

  const sendAfterCommit = deps.sendMail;

  return {
    async signUp(ctx: RequestContext, body: SignUpBody): Promise<Me> {
      const now = clock();
      ensureStrongPassword('password', body.password, [body.email, body.fullName]);
      const passwordHash = await hashPassword(body.password);
      const { user, link } = await db.transaction(async (tx) => {
        const row = await usersRepository.insert(tx, {
          email: body.email,
          passwordHash,
          fullName: body.fullName,
          role: 'expert',
          status: 'active',
          locale: body.locale ?? 'vi',
          passwordChangedAt: now,
        });
        if (!row) throw authErrors.emailTaken();
        // Listed once the e-mail is verified (verifyEmail); public only with the publication consent.
        await deps.profilesService.createProfile(tx, ctx, { userId: row.id, fullName: row.fullName, email: row.email, listed: false });
        await deps.recordSignUpConsents(tx, ctx, row.id, body.consents ?? []);
        const verifyLink = await actionLinks.issue(tx, row.id, 'verify_email', now);
        await auditService.record(tx, ctx, {
          action: 'user.signed_up',
          targetType: 'user',
          targetId: row.id,
          actorUserId: row.id,
          actorRole: row.role,
          details: { consents: ['registry_profile', ...(body.consents ?? [])] },
        });
        const full = await usersRepository.findById(row.id, tx);
        if (!full) throw new Error('user vanished inside its own transaction');
        return { user: full, link: verifyLink };
      });
      await sendAfterCommit(verifyEmailMail({ to: user.email, name: user.fullName, link, locale: user.locale }));
      return toMe(user);
    },

    async verifyEmail(ctx: RequestContext, token: string): Promise<void> {
      const now = clock();
      await db.transaction(async (tx) => {
        const userId = await actionLinks.consume(tx, token, 'verify_email', now);
        if (!userId) throw authErrors.tokenInvalid();
        await usersRepository.update(tx, userId, { emailVerifiedAt: now });
        await auditService.record(tx, ctx, { action: 'user.email_verified', targetType: 'user', targetId: userId, actorUserId: userId });
        const user = await usersRepository.findById(userId, tx);
        if (user?.status === 'active') await deps.profilesService.setListedForUser(tx, ctx, userId, true);
      });
    },

    /** Answers the same whether or not the account exists (no enumeration). */
    async resendVerification(ctx: RequestContext, email: string): Promise<void> {
      const user = await usersRepository.findByEmail(email);
      if (!user || user.emailVerifiedAt || user.status !== 'active') return;
      const link = await db.transaction(async (tx) => {
        const issued = await actionLinks.issue(tx, user.id, 'verify_email', clock());
        await auditService.record(tx, ctx, { action: 'user.verification_resent', targetType: 'user', targetId: user.id });
        return issued;
      });
      await sendAfterCommit(verifyEmailMail({ to: user.email, name: user.fullName, link, locale: user.locale }));
    },

    async forgotPassword(ctx: RequestContext, email: string): Promise<void> {
      const user = await usersRepository.findByEmail(email);
      if (!user || user.status !== 'active') return;
      const link = await db.transaction(async (tx) => {
        const issued = await actionLinks.issue(tx, user.id, 'reset_password', clock());
        await auditService.record(tx, ctx, { action: 'user.password_reset_requested', targetType: 'user', targetId: user.id });
        return issued;
      });
      await sendAfterCommit(resetPasswordMail({ to: user.email, name: user.fullName, link, locale: user.locale }));
    },

    /** A reset also proves the e-mail, and signs out every device. */
    async resetPassword(ctx: RequestContext, token: string, password: string): Promise<void> {
      const now = clock();
      // Checked before the token is used, so a refused password leaves the link working.
      ensureStrongPassword('password', password);
      const passwordHash = await hashPassword(password);
      await db.transaction(async (tx) => {
        const userId = await actionLinks.consume(tx, token, 'reset_password', now);
        if (!userId) throw authErrors.tokenInvalid();
        const user = await usersRepository.findById(userId, tx);
        if (!user || user.status !== 'active') throw authErrors.tokenInvalid();
        await usersRepository.update(tx, userId, {
          passwordHash,
          passwordChangedAt: now,
          emailVerifiedAt: user.emailVerifiedAt ?? now,
        });
        if (!user.emailVerifiedAt) await deps.profilesService.setListedForUser(tx, ctx, userId, true);
        const revoked = await authRepository.revokeUserSessions(tx, userId, 'password_reset', now);
        await auditService.record(tx, ctx, {
          action: 'user.password_reset',
          targetType: 'user',
          targetId: userId,
          actorUserId: userId,
          details: { sessionsRevoked: revoked },
        });
      });
    },

    async acceptInvitation(ctx: RequestContext, body: { token: string; password: string; fullName?: string | undefined }): Promise<void> {
      const now = clock();
      ensureStrongPassword('password', body.password, [body.fullName]);
      const passwordHash = await hashPassword(body.password);
      await db.transaction(async (tx) => {
        const userId = await actionLinks.consume(tx, body.token, 'accept_invitation', now);
        if (!userId) throw authErrors.tokenInvalid();
        const user = await usersRepository.findById(userId, tx);
        if (!user || user.status !== 'invited') throw authErrors.tokenInvalid();
        await usersRepository.update(tx, userId, {
          passwordHash,
          passwordChangedAt: now,
          status: 'active',
          emailVerifiedAt: now,
          ...(body.fullName ? { fullName: body.fullName } : {}),
        });
        await auditService.record(tx, ctx, {
          action: 'user.invitation_accepted',
          targetType: 'user',
          targetId: userId,
          actorUserId: userId,
        });
      });
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
