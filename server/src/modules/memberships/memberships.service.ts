import type { Database, DbOrTx, OrganisationRow } from '@hpen/db';
import { forbidden } from '../../app/errors.js';
import type { RequestContext } from '../../app/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import { curationErrors } from '../curation/curation.errors.js';
import { curatorScope, inScope } from '../curation/curation.scope.js';
import type { MailMessage } from '../mail/mail.service.js';
import { noticeMail } from '../mail/mail.templates.js';
import type { OrganisationsRepository } from '../organisations/organisations.repository.js';
import { profileChanged } from '../outbox/outbox.events.js';
import type { OutboxRepository } from '../outbox/outbox.repository.js';
import { profilesErrors } from '../profiles/profiles.errors.js';
import type { ProfilesRepository } from '../profiles/profiles.repository.js';
import type { UsersRepository } from '../users/users.repository.js';
import { membershipView } from './member-list.js';
import { membershipsErrors } from './memberships.errors.js';
import type { MembershipsRepository } from './memberships.repository.js';

interface Deps {
  db: Database;
  membershipsRepository: MembershipsRepository;
  organisationsRepository: OrganisationsRepository;
  profilesRepository: ProfilesRepository;
  usersRepository: UsersRepository;
  auditService: AuditService;
  outboxRepository: OutboxRepository;
  sendMail: (message: MailMessage) => Promise<void>;
  clock: () => Date;
}

/**
 * People's memberships of associations. Two ways in, both needing both sides: an expert applies
 * and a curator decides; or an import proposes and the expert accepts (or declines). Nobody is
 * made a member without their own yes.
 */
export function createMembershipsService(deps: Deps) {
  const { db, membershipsRepository: repo, organisationsRepository, profilesRepository, auditService, outboxRepository } = deps;

  async function ownProfile(ctx: RequestContext) {
    if (!ctx.actor || ctx.actor.role !== 'expert') throw forbidden('Only experts apply for membership');
    const profile = await profilesRepository.findByUserId(ctx.actor.userId);
    if (!profile) throw profilesErrors.noOwnProfile();
    return profile;
  }

  /** The expert's account e-mail (never the profile's contact e-mail, which may be someone else's list entry). */
  async function accountOf(profileId: string) {
    const profile = await profilesRepository.findById(profileId);
    return profile?.userId ? deps.usersRepository.findById(profile.userId) : undefined;
  }

  async function notifyExpert(profileId: string, subject: { vi: string; en: string }, vi: string, en: string) {
    const user = await accountOf(profileId);
    if (user) await deps.sendMail(noticeMail({ to: user.email, locale: user.locale, subject, vi, en }));
  }

  async function notifyCurators(association: OrganisationRow, vi: string, en: string) {
    const subject = { vi: `Hội viên: ${association.nameVi}`, en: `Members: ${association.nameEn}` };
    for (const curator of await repo.curatorsOf(association.id)) {
      await deps.sendMail(noticeMail({ to: curator.email, locale: curator.locale, subject, vi, en }));
    }
  }

  async function answerInTx(ctx: RequestContext, profileId: string, associationId: string, answer: 'accept' | 'decline') {
    return db.transaction(async (tx) => {
      const existing = await repo.findMembershipByPair(associationId, profileId, tx);
      if (!existing || existing.status !== 'proposed') throw membershipsErrors.noProposal();
      const m = await repo.updateMembership(tx, existing.id, {
        status: answer === 'accept' ? 'approved' : 'rejected',
        decidedAt: deps.clock(),
      });
      await auditService.record(tx, ctx, {
        action: answer === 'accept' ? 'membership.proposal_accepted' : 'membership.proposal_declined',
        targetType: 'membership',
        targetId: m.id,
        details: { associationId, profileId },
      });
      if (answer === 'accept') await outboxRepository.enqueue(tx, profileChanged(profileId));
      return m;
    });
  }

  const service = {
    async myMemberships(ctx: RequestContext) {
      const profile = await ownProfile(ctx);
      return (await repo.membershipsOfProfile(profile.id)).map(({ membership, association }) => ({
        ...membershipView(membership),
        association: { id: association.id, code: association.code, nameVi: association.nameVi, nameEn: association.nameEn },
      }));
    },

    async apply(ctx: RequestContext, associationId: string, message: string) {
      const profile = await ownProfile(ctx);
      const association = await repo.findAssociation(associationId);
      if (!association) throw membershipsErrors.associationNotFound();
      const current = await repo.findMembershipByPair(association.id, profile.id);
      // Applying where the association already invited you is saying yes to the invitation.
      if (current?.status === 'proposed') return service.answerProposal(ctx, association.id, 'accept');
      const row = await db.transaction(async (tx) => {
        const existing = await repo.findMembershipByPair(association.id, profile.id, tx);
        if (existing && (existing.status === 'pending' || existing.status === 'approved'))
          throw membershipsErrors.alreadyMember(existing.status);
        const m = await repo.upsertMembership(tx, {
          associationId: association.id,
          profileId: profile.id,
          status: 'pending',
          source: 'application',
          message,
        });
        await auditService.record(tx, ctx, {
          action: 'membership.applied',
          targetType: 'membership',
          targetId: m.id,
          details: { associationId: association.id, profileId: profile.id },
        });
        return m;
      });
      await notifyCurators(
        association,
        `${profile.fullName} xin gia nhập ${association.nameVi}. Vui lòng xem xét trong mục Quản lý hội viên.`,
        `${profile.fullName} applied to join ${association.nameEn}. Please review it under Members.`,
      );
      return membershipView(row);
    },

    /** The expert's answer to an import's invitation: accept (becomes a member) or decline. */
    async answerProposal(ctx: RequestContext, associationId: string, answer: 'accept' | 'decline') {
      const profile = await ownProfile(ctx);
      const association = await repo.findAssociation(associationId);
      if (!association) throw membershipsErrors.noProposal();
      const m = await answerInTx(ctx, profile.id, association.id, answer);
      await notifyCurators(
        association,
        `${profile.fullName} đã ${answer === 'accept' ? 'nhận lời' : 'từ chối'} lời mời gia nhập ${association.nameVi}.`,
        `${profile.fullName} ${answer === 'accept' ? 'accepted' : 'declined'} the invitation to join ${association.nameEn}.`,
      );
      return membershipView(m);
    },

    /** After an import's batch has committed: tell each invited expert (with an account) what waits for them. */
    async notifyProposed(associationId: string, profileIds: string[]) {
      const association = await repo.findAssociation(associationId);
      if (!association) return;
      for (const profileId of profileIds) {
        await notifyExpert(
          profileId,
          { vi: `Lời mời gia nhập ${association.nameVi}`, en: `Invitation to join ${association.nameEn}` },
          `${association.nameVi} mời bạn làm hội viên. Bạn có thể nhận lời hoặc từ chối trong mục Hội viên của tài khoản.`,
          `${association.nameEn} invites you to become a member. Accept or decline under Memberships in your account.`,
        );
      }
    },

    async leave(ctx: RequestContext, associationId: string) {
      const profile = await ownProfile(ctx);
      return db.transaction(async (tx) => {
        const existing = await repo.findMembershipByPair(associationId, profile.id, tx);
        if (!existing || (existing.status !== 'approved' && existing.status !== 'pending')) throw membershipsErrors.notMember();
        const m = await repo.updateMembership(tx, existing.id, { status: 'left', decidedAt: deps.clock() });
        await auditService.record(tx, ctx, {
          action: 'membership.left',
          targetType: 'membership',
          targetId: m.id,
          details: { associationId, profileId: profile.id, was: existing.status },
        });
        await outboxRepository.enqueue(tx, profileChanged(profile.id));
        return membershipView(m);
      });
    },

    async decide(ctx: RequestContext, membershipId: string, decision: 'approve' | 'reject', reason: string | undefined) {
      const scope = await curatorScope(ctx, organisationsRepository);
      const existing = await repo.findMembership(membershipId);
      if (!existing || !inScope(scope, existing.associationId)) throw membershipsErrors.membershipNotFound();
      if (existing.status !== 'pending') throw curationErrors.alreadyDecided();
      const association = (await repo.findAssociation(existing.associationId))!;
      const m = await db.transaction(async (tx) => {
        const row = await repo.updateMembership(tx, existing.id, {
          status: decision === 'approve' ? 'approved' : 'rejected',
          reason: reason ?? null,
          decidedBy: scope.userId,
          decidedAt: deps.clock(),
        });
        await auditService.record(tx, ctx, {
          action: `membership.${decision === 'approve' ? 'approved' : 'rejected'}`,
          targetType: 'membership',
          targetId: row.id,
          details: { associationId: row.associationId, profileId: row.profileId, reason: reason ?? null },
        });
        await outboxRepository.enqueue(tx, profileChanged(row.profileId));
        return row;
      });
      const approved = decision === 'approve';
      await notifyExpert(
        m.profileId,
        { vi: `Kết quả đơn gia nhập ${association.nameVi}`, en: `Your application to ${association.nameEn}` },
        approved
          ? `Đơn gia nhập ${association.nameVi} của bạn đã được chấp thuận.`
          : `Đơn gia nhập ${association.nameVi} của bạn chưa được chấp thuận. Lý do: ${reason}`,
        approved
          ? `Your application to ${association.nameEn} was approved.`
          : `Your application to ${association.nameEn} was not approved. Reason: ${reason}`,
      );
      return membershipView(m);
    },

    /** Pending applications in the curator's scope (the dashboard). */
    countPending: (associationIds: string[] | null) => repo.countPending(associationIds),

    /** A merge: memberships follow the person to the kept profile. */
    moveToProfile: (tx: DbOrTx, fromProfileId: string, toProfileId: string) => repo.moveToProfile(tx, fromProfileId, toProfileId),
  };
  return service;
}
export type MembershipsService = ReturnType<typeof createMembershipsService>;
