import type { Database, Tx } from '@hpen/db';
import type { RequestContext } from '../../app/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import type { ActionLinks } from '../auth/action-links.js';
import type { AuthRepository } from '../auth/auth.repository.js';
import { authErrors } from '../auth/auth.errors.js';
import { ensureStrongPassword } from '../auth/password-strength.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import type { SendMail } from '../mail/mail.service.js';
import { invitationMail } from '../mail/mail.templates.js';
import type { ProfilesService } from '../profiles/profiles.service.js';
import type { OrganisationsRepository } from '../organisations/organisations.repository.js';
import { toAdminUser, toMe } from './users.mappers.js';
import type { UsersRepository, UserWithOrganisation } from './users.repository.js';
import { usersErrors } from './users.errors.js';
import type { AdminUser, InviteStaffBody, ListUsersQuery, Me, UpdateUserBody } from './users.schemas.js';

interface Deps {
  db: Database;
  usersRepository: UsersRepository;
  authRepository: AuthRepository;
  organisationsRepository: OrganisationsRepository;
  auditService: AuditService;
  sendMail: SendMail;
  profilesService: Pick<ProfilesService, 'setListedForUser'>;
  actionLinks: ActionLinks;
  clock?: () => Date;
}

type Actor = NonNullable<RequestContext['actor']>;

function actorOf(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new Error('users service called without an authenticated actor');
  return ctx.actor;
}

/** The signed-in user's own account, and admin management of everyone's. */
export function createUsersService(deps: Deps) {
  const { db, usersRepository, authRepository, organisationsRepository, auditService } = deps;
  const clock = deps.clock ?? (() => new Date());

  async function loadUser(id: string, tx?: Tx): Promise<UserWithOrganisation> {
    const user = await usersRepository.findById(id, tx);
    if (!user) throw usersErrors.notFound();
    return user;
  }

  async function ensureOrganisationExists(tx: Tx, id: string) {
    if (!(await organisationsRepository.findById(id, tx))) throw usersErrors.organisationNotFound();
  }

  return {
    async getMe(ctx: RequestContext): Promise<Me> {
      return toMe(await loadUser(actorOf(ctx).userId));
    },

    async updateMe(ctx: RequestContext, body: { fullName?: string | undefined; locale?: 'vi' | 'en' | undefined }): Promise<Me> {
      const actor = actorOf(ctx);
      return db.transaction(async (tx) => {
        const before = await loadUser(actor.userId, tx);
        await usersRepository.update(tx, actor.userId, body);
        await auditService.record(tx, ctx, {
          action: 'user.updated',
          targetType: 'user',
          targetId: actor.userId,
          details: { changed: Object.keys(body), before: { fullName: before.fullName, locale: before.locale } },
        });
        return toMe(await loadUser(actor.userId, tx));
      });
    },

    /** Changing the password signs out every other device. */
    async changePassword(ctx: RequestContext, body: { currentPassword: string; newPassword: string }): Promise<void> {
      const actor = actorOf(ctx);
      const user = await loadUser(actor.userId);
      if (!user.passwordHash || !(await verifyPassword(user.passwordHash, body.currentPassword))) {
        throw usersErrors.wrongPassword();
      }
      ensureStrongPassword('newPassword', body.newPassword, [user.email, user.fullName]);
      const now = clock();
      const passwordHash = await hashPassword(body.newPassword);
      await db.transaction(async (tx) => {
        await usersRepository.update(tx, actor.userId, { passwordHash, passwordChangedAt: now });
        const revoked = await authRepository.revokeUserSessions(tx, actor.userId, 'password_changed', now, actor.sessionId);
        await auditService.record(tx, ctx, {
          action: 'user.password_changed',
          targetType: 'user',
          targetId: actor.userId,
          details: { otherSessionsRevoked: revoked },
        });
      });
    },

    async listUsers(query: ListUsersQuery): Promise<{ items: AdminUser[]; total: number }> {
      const { rows, total } = await usersRepository.list(query);
      return { items: rows.map(toAdminUser), total };
    },

    async inviteStaff(ctx: RequestContext, body: InviteStaffBody): Promise<AdminUser> {
      const { user, link } = await db.transaction(async (tx) => {
        await ensureOrganisationExists(tx, body.organisationId);
        const row = await usersRepository.insert(tx, {
          email: body.email,
          fullName: body.fullName,
          role: body.role,
          organisationId: body.organisationId,
          status: 'invited',
        });
        if (!row) throw authErrors.emailTaken();
        const invitationLink = await deps.actionLinks.issue(tx, row.id, 'accept_invitation', clock());
        await auditService.record(tx, ctx, {
          action: 'user.invited',
          targetType: 'user',
          targetId: row.id,
          details: { email: body.email, role: body.role, organisationId: body.organisationId },
        });
        return { user: await loadUser(row.id, tx), link: invitationLink };
      });
      await deps.sendMail(
        invitationMail({
          to: user.email,
          name: user.fullName,
          link,
          locale: user.locale,
          role: user.role,
          organisation: user.organisation?.nameVi ?? '',
        }),
      );
      return toAdminUser(user);
    },

    async updateUser(ctx: RequestContext, id: string, body: UpdateUserBody): Promise<AdminUser> {
      const actor = actorOf(ctx);
      if (id === actor.userId && (body.role !== undefined || body.status !== undefined)) throw usersErrors.cannotChangeSelf();
      return db.transaction(async (tx) => {
        const before = await loadUser(id, tx);
        const role = body.role ?? before.role;
        const organisationId = body.organisationId !== undefined ? body.organisationId : before.organisationId;
        if (role !== 'expert' && !organisationId) throw usersErrors.organisationRequired();
        if (body.organisationId) await ensureOrganisationExists(tx, body.organisationId);
        await usersRepository.update(tx, id, {
          ...(body.role ? { role } : {}),
          ...(body.organisationId !== undefined ? { organisationId } : {}),
          ...(body.status ? { status: body.status } : {}),
        });
        if (before.role === 'admin' && (await usersRepository.countActiveAdmins(tx)) === 0) throw usersErrors.lastAdmin();
        const revoked = body.status === 'disabled' ? await authRepository.revokeUserSessions(tx, id, 'account_disabled', clock()) : 0;
        if (body.status && body.status !== before.status) {
          // A disabled account's profile leaves the directory; re-enabled, it returns if the e-mail was verified.
          const listed = body.status === 'active' && before.emailVerifiedAt !== null;
          await deps.profilesService.setListedForUser(tx, ctx, id, listed);
        }
        await auditService.record(tx, ctx, {
          action: 'user.admin_updated',
          targetType: 'user',
          targetId: id,
          details: {
            before: { role: before.role, organisationId: before.organisationId, status: before.status },
            after: { role, organisationId, status: body.status ?? before.status },
            sessionsRevoked: revoked,
          },
        });
        return toAdminUser(await loadUser(id, tx));
      });
    },
  };
}
export type UsersService = ReturnType<typeof createUsersService>;
