import type { ConsultationRow, DbOrTx, MemberDeclaration } from '@hpen/db';
import type { PanelRole } from '@hpen/db/enums';
import type { z } from 'zod';
import type { RequestContext } from '../../app/request-context.js';
import type { ConsentGate } from '../privacy/privacy.module.js';
import { projectProfile } from '../profiles/profile-projection.js';
import type { ProfilesRepository } from '../profiles/profiles.repository.js';
import type { Scheduler } from '../scheduler/scheduler.service.js';
import { screenConflicts } from './conflict-rules.js';
import { type ConsultationCore, link } from './consultation-core.js';
import { consultationsErrors } from './consultations.errors.js';
import type { declarationSchema, inviteBodySchema } from './consultations.schemas.js';
import { REMINDER_JOB, scheduleReminders } from './consultation-reminders.js';

type InviteBody = z.infer<typeof inviteBodySchema>;

interface Deps {
  core: ConsultationCore;
  profilesRepository: ProfilesRepository;
  scheduler: Scheduler;
  consentGate: Pick<ConsentGate, 'statesOfProfiles'>;
  organisationNames: (c: ConsultationRow) => Promise<string[]>;
}

/** Invitations and the expert's side of them: inbox, accept with a declaration, decline, a later conflict. */
export function createConsultationPanelService({ core, profilesRepository, scheduler, consentGate, organisationNames }: Deps) {
  const { repo, deps } = core;

  /** Every flag must be overridden by a written reason before the expert is invited. */
  async function screen(c: ConsultationRow, body: InviteBody) {
    const rows = await profilesRepository.findByIds(body.profileIds);
    const history = await repo.history(body.profileIds, c.id);
    const names = await organisationNames(c);
    const consents = await consentGate.statesOfProfiles(body.profileIds, 'consultation_invitations');
    const blocking: Array<{ path: string; code: string; message: string }> = [];
    for (const profileId of body.profileIds) {
      const row = rows.find((r) => r.id === profileId);
      const view = row && projectProfile(row, 'agencies');
      if (!row || !view) throw consultationsErrors.expertNotVisible();
      if (!row.userId) throw consultationsErrors.notRegistered(profileId);
      if (consents.get(profileId)?.state === 'withdrawn') throw consultationsErrors.invitationConsentWithdrawn(profileId);
      const flags = screenConflicts(view, {
        consultation: c,
        organisationNames: names,
        history: history.filter((h) => h.member.profileId === profileId),
      });
      for (const f of flags)
        if (!body.overrides.some((o) => o.profileId === profileId && o.code === f.code))
          blocking.push({ path: `profileIds.${profileId}`, code: f.code, message: f.evidence });
    }
    if (blocking.length) throw consultationsErrors.conflictOfInterest(blocking);
    return rows;
  }

  async function invite(ctx: RequestContext, id: string, body: InviteBody) {
    const { c: unlocked, v } = await core.load(ctx, id);
    core.staffOnly(v, 'organiser');
    const rows = await screen(unlocked, body);
    const now = deps.clock();
    return deps.db.transaction(async (tx) => {
      const c = (await repo.find(id, tx, true))!;
      const role = (profileId: string): PanelRole => body.roles?.[profileId] ?? body.role ?? 'reviewer';
      const inserted = await repo.insertMembers(
        tx,
        body.profileIds.map((profileId) => ({
          consultationId: c.id,
          profileId,
          role: role(profileId),
          invitedBy: ctx.actor!.userId,
          overrides: body.overrides
            .filter((o) => o.profileId === profileId)
            .map((o) => ({ code: o.code, reason: o.reason, by: ctx.actor!.userId, at: now.toISOString() })),
        })),
      );
      await core.transition(tx, ctx, c, 'invite', {}, `${inserted.length}`);
      for (const m of inserted) {
        await deps.auditService.record(tx, ctx, {
          action: 'consultation.member_invited',
          targetType: 'consultation',
          targetId: c.id,
          details: {
            memberId: m.id,
            profileId: m.profileId,
            role: m.role,
            overrides: m.overrides.map((o) => ({ code: o.code, reason: o.reason })),
          },
        });
      }
      // One notice for every new invitee, in one statement: a large panel is one round trip, not one per expert.
      const userIds = inserted.map((m) => rows.find((r) => r.id === m.profileId)!.userId!);
      await deps.notificationsService.notify(tx, userIds, {
        kind: 'consultation.invited',
        title: { vi: `Lời mời tham gia: ${c.title}`, en: `Invitation: ${c.title}` },
        body: {
          vi: `Bạn được mời tham gia ${c.kind === 'phan_bien' ? 'phản biện' : c.kind === 'tu_van' ? 'tư vấn' : 'giám định xã hội'} "${c.title}", hạn ${c.dueAt.toISOString().slice(0, 10)}. Vui lòng trả lời lời mời.`,
          en: `You are invited to review "${c.title}", due ${c.dueAt.toISOString().slice(0, 10)}. Please answer the invitation.`,
        },
        link: '/invitations',
      });
      const skipped = body.profileIds.filter((p) => !inserted.some((m) => m.profileId === p));
      return { items: inserted.map((m) => ({ id: m.id, profileId: m.profileId, status: m.status })), skipped };
    });
  }

  async function ownInvitation(ctx: RequestContext, invitationId: string, tx: DbOrTx) {
    const found = await repo.findMember(invitationId, tx);
    if (!found || !ctx.actor || found.userId !== ctx.actor.userId) throw consultationsErrors.invitationNotFound();
    const c = (await repo.find(found.member.consultationId, tx, true))!;
    return { m: found.member, c };
  }

  async function answer(
    ctx: RequestContext,
    invitationId: string,
    accept: boolean,
    declaration: MemberDeclaration | null,
    reason: string | null,
  ) {
    return deps.db.transaction(async (tx) => {
      const { m, c } = await ownInvitation(ctx, invitationId, tx);
      if (m.status !== 'invited') throw consultationsErrors.alreadyAnswered();
      if (['closed', 'cancelled', 'sent', 'replied'].includes(c.status))
        throw consultationsErrors.badTransition(c.status, 'answer the invitation');
      const now = deps.clock();
      const row = await repo.updateMember(tx, m.id, {
        status: accept ? 'accepted' : 'declined',
        respondedAt: now,
        declaration,
        declineReason: reason,
      });
      await deps.auditService.record(tx, ctx, {
        action: accept ? 'consultation.invitation_accepted' : 'consultation.invitation_declined',
        targetType: 'consultation',
        targetId: c.id,
        details: { memberId: m.id, ...(declaration ? { declaration } : {}), ...(reason ? { reason } : {}) },
      });
      if (accept) {
        if (c.status === 'panel_forming' || c.status === 'draft')
          await core.transition(tx, ctx, c, c.status === 'draft' ? 'start_review' : 'member_accepted');
        await scheduleReminders(scheduler, tx, { memberId: m.id, dueAt: c.dueAt, now }, await repo.policy(c.policyCode, tx));
      }
      await core.notifyStaff(tx, [c.organiserOrganisationId], {
        kind: accept ? 'consultation.accepted' : 'consultation.declined',
        title: {
          vi: `${accept ? 'Chấp nhận' : 'Từ chối'} lời mời: ${c.title}`,
          en: `Invitation ${accept ? 'accepted' : 'declined'}: ${c.title}`,
        },
        body: { vi: reason ?? '', en: reason ?? '' },
        link: link(c.id),
      });
      return { id: row.id, status: row.status };
    });
  }

  return {
    invite,

    async myInvitations(ctx: RequestContext) {
      if (!ctx.actor) throw consultationsErrors.forbidden();
      const rows = await repo.invitationsOfUser(ctx.actor.userId);
      return {
        items: rows.map((r) => ({
          id: r.member.id,
          consultationId: r.consultation.id,
          status: r.member.status,
          role: r.member.role,
          title: r.consultation.title,
          kind: r.consultation.kind,
          caseStatus: r.consultation.status,
          dueAt: r.consultation.dueAt.toISOString(),
          requester: r.requester,
          reviewSubmitted: r.submittedAt !== null,
        })),
      };
    },

    async accept(ctx: RequestContext, invitationId: string, d: z.infer<typeof declarationSchema>) {
      if (!d.confidentiality) throw consultationsErrors.confidentialityRequired();
      if (d.conflict) throw consultationsErrors.conflictDeclared();
      const declaration: MemberDeclaration = { ...d, signedAt: deps.clock().toISOString() };
      return answer(ctx, invitationId, true, declaration, null);
    },

    /** Declining with a declared conflict keeps the declaration: later cases flag it ("declared_before"). */
    decline: (ctx: RequestContext, invitationId: string, reason: string, declaration: MemberDeclaration | null = null) =>
      answer(ctx, invitationId, false, declaration, reason),

    /** A conflict found after accepting: the member leaves the panel, reminders stop, the organiser is told. */
    async declareConflict(ctx: RequestContext, invitationId: string, description: string) {
      return deps.db.transaction(async (tx) => {
        const { m, c } = await ownInvitation(ctx, invitationId, tx);
        if (m.status !== 'accepted' && m.status !== 'invited') throw consultationsErrors.alreadyAnswered();
        const now = deps.clock().toISOString();
        const declaration: MemberDeclaration = {
          ...(m.declaration ?? { familyOrFinancial: false, confidentiality: true, shareContact: false, publishName: false }),
          conflict: true,
          description,
          signedAt: now,
        };
        const row = await repo.updateMember(tx, m.id, { status: 'withdrawn', declaration, respondedAt: new Date(now) });
        await scheduler.cancel(tx, REMINDER_JOB, `${m.id}:`);
        await deps.auditService.record(tx, ctx, {
          action: 'consultation.conflict_declared',
          targetType: 'consultation',
          targetId: c.id,
          details: { memberId: m.id, description },
        });
        await core.notifyStaff(tx, [c.organiserOrganisationId], {
          kind: 'consultation.conflict_declared',
          title: { vi: `Chuyên gia khai báo xung đột lợi ích: ${c.title}`, en: `A member declared a conflict of interest: ${c.title}` },
          body: { vi: description, en: description },
          link: link(c.id),
        });
        return { id: row.id, status: row.status };
      });
    },
  };
}
export type ConsultationPanelService = ReturnType<typeof createConsultationPanelService>;
