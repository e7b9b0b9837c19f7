import type { Database } from '@hpen/db';
import { stringify } from 'csv-stringify/sync';
import { defuseCsvCell } from '../shared/csv.js';
import { forbidden } from '../../app/errors.js';
import type { RequestContext } from '../../app/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import type { MailMessage } from '../mail/mail.service.js';
import { noticeMail } from '../mail/mail.templates.js';
import type { OrganisationsRepository } from '../organisations/organisations.repository.js';
import { profileChanged } from '../outbox/outbox.events.js';
import type { OutboxRepository } from '../outbox/outbox.repository.js';
import type { ProfilesRepository } from '../profiles/profiles.repository.js';
import { profilesErrors } from '../profiles/profiles.errors.js';
import { rowVisibility } from '../profiles/profile-document.js';
import { canSee } from '../profiles/profile-projection.js';
import type { UsersRepository } from '../users/users.repository.js';
import { curationErrors } from './curation.errors.js';
import type { CurationRepository } from './curation.repository.js';
import { curatorScope, inScope } from './curation.scope.js';
import type { MembersQuery } from './curation.schemas.js';
import { foldVietnamese } from '../shared/text.js';

interface Deps {
  db: Database;
  curationRepository: CurationRepository;
  organisationsRepository: OrganisationsRepository;
  profilesRepository: ProfilesRepository;
  usersRepository: UsersRepository;
  auditService: AuditService;
  outboxRepository: OutboxRepository;
  sendMail: (message: MailMessage) => Promise<void>;
  clock: () => Date;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Associations of the Union, and people's memberships of them: apply, decide, leave. */
export function createMembershipsService(deps: Deps) {
  const { db, curationRepository: repo, organisationsRepository, profilesRepository, auditService, outboxRepository } = deps;

  async function ownProfile(ctx: RequestContext) {
    if (!ctx.actor || ctx.actor.role !== 'expert') throw forbidden('Only experts apply for membership');
    const profile = await profilesRepository.findByUserId(ctx.actor.userId);
    if (!profile) throw profilesErrors.noOwnProfile();
    return profile;
  }

  async function scopedAssociation(ctx: RequestContext, associationId: string) {
    const scope = await curatorScope(ctx, organisationsRepository);
    const association = await repo.findAssociation(associationId);
    // Outside one's scope looks the same as not there: nothing to learn by probing.
    if (!association || !inScope(scope, association.id)) throw curationErrors.associationNotFound();
    return { scope, association };
  }

  const membershipView = (m: {
    id: string;
    associationId: string;
    profileId: string;
    status: string;
    source: string;
    message: string;
    reason: string | null;
    createdAt: Date;
    decidedAt: Date | null;
  }) => ({
    id: m.id,
    associationId: m.associationId,
    profileId: m.profileId,
    status: m.status as 'pending' | 'approved' | 'rejected' | 'left',
    source: m.source,
    message: m.message,
    reason: m.reason,
    createdAt: m.createdAt.toISOString(),
    decidedAt: iso(m.decidedAt),
  });
  type MemberRow = Awaited<ReturnType<CurationRepository['members']>>[number];
  const memberView = ({ membership, profile }: MemberRow) => ({
    ...membershipView(membership),
    fullName: profile.fullName,
    highestDegree: profile.highestDegree,
    academicTitle: profile.academicTitle,
    // Curators see a member as agencies do: the contact e-mail only when the member shares it.
    contactEmail: canSee(rowVisibility(profile).contact, 'agencies') ? profile.contactEmail : null,
    claimed: profile.userId !== null,
  });

  async function notifyExpert(profileId: string, subject: { vi: string; en: string }, vi: string, en: string) {
    const profile = await profilesRepository.findById(profileId);
    const user = profile?.userId ? await deps.usersRepository.findById(profile.userId) : undefined;
    const to = user?.email ?? profile?.contactEmail;
    if (to) await deps.sendMail(noticeMail({ to, locale: user?.locale ?? 'vi', subject, vi, en }));
  }

  return {
    async listAssociations() {
      return (await repo.listAssociations()).map((a) => ({ ...a, members: Number(a.members) }));
    },

    async createAssociation(ctx: RequestContext, body: { code: string; nameVi: string; nameEn: string }) {
      const scope = await curatorScope(ctx, organisationsRepository);
      if (!scope.all) throw forbidden('Only the Union creates associations');
      const union = (await organisationsRepository.list()).find((o) => o.kind === 'union');
      return db.transaction(async (tx) => {
        if (await organisationsRepository.findByCode(body.code, tx)) throw curationErrors.codeTaken();
        const row = await organisationsRepository.insert(tx, { ...body, kind: 'association', parentId: union?.id ?? null });
        await auditService.record(tx, ctx, {
          action: 'association.created',
          targetType: 'organisation',
          targetId: row.id,
          details: { code: row.code },
        });
        return { id: row.id, code: row.code, kind: row.kind, nameVi: row.nameVi, nameEn: row.nameEn, parentId: row.parentId, members: 0 };
      });
    },

    async updateAssociation(ctx: RequestContext, id: string, body: { nameVi?: string | undefined; nameEn?: string | undefined }) {
      const { association } = await scopedAssociation(ctx, id);
      return db.transaction(async (tx) => {
        const [row] = await organisationsRepository.update(tx, association.id, {
          ...(body.nameVi !== undefined ? { nameVi: body.nameVi } : {}),
          ...(body.nameEn !== undefined ? { nameEn: body.nameEn } : {}),
        });
        await auditService.record(tx, ctx, {
          action: 'association.updated',
          targetType: 'organisation',
          targetId: association.id,
          details: { before: { nameVi: association.nameVi, nameEn: association.nameEn }, changed: Object.keys(body) },
        });
        return {
          id: row!.id,
          code: row!.code,
          kind: row!.kind,
          nameVi: row!.nameVi,
          nameEn: row!.nameEn,
          parentId: row!.parentId,
          members: 0,
        };
      });
    },

    async deleteAssociation(ctx: RequestContext, id: string) {
      const { scope, association } = await scopedAssociation(ctx, id);
      if (!scope.all) throw forbidden('Only the Union deletes associations');
      await db.transaction(async (tx) => {
        if ((await repo.countMemberships(association.id, tx)) > 0) throw curationErrors.associationHasMembers();
        await organisationsRepository.delete(tx, association.id);
        await auditService.record(tx, ctx, {
          action: 'association.deleted',
          targetType: 'organisation',
          targetId: association.id,
          details: { code: association.code },
        });
      });
    },

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
      if (!association) throw curationErrors.associationNotFound();
      const row = await db.transaction(async (tx) => {
        const existing = await repo.findMembershipByPair(association.id, profile.id, tx);
        if (existing && (existing.status === 'pending' || existing.status === 'approved'))
          throw curationErrors.alreadyMember(existing.status);
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
      for (const curator of await repo.curatorsOf(association.id)) {
        await deps.sendMail(
          noticeMail({
            to: curator.email,
            locale: curator.locale,
            subject: { vi: `Đơn gia nhập mới: ${association.nameVi}`, en: `New membership application: ${association.nameEn}` },
            vi: `${profile.fullName} xin gia nhập ${association.nameVi}. Vui lòng xem xét trong mục Quản lý hội viên.`,
            en: `${profile.fullName} applied to join ${association.nameEn}. Please review it under Members.`,
          }),
        );
      }
      return membershipView(row);
    },

    async leave(ctx: RequestContext, associationId: string) {
      const profile = await ownProfile(ctx);
      return db.transaction(async (tx) => {
        const existing = await repo.findMembershipByPair(associationId, profile.id, tx);
        if (!existing || (existing.status !== 'approved' && existing.status !== 'pending')) throw curationErrors.notMember();
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
      if (!existing || !inScope(scope, existing.associationId)) throw curationErrors.membershipNotFound();
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
      await notifyExpert(
        m.profileId,
        { vi: `Kết quả đơn gia nhập ${association.nameVi}`, en: `Your application to ${association.nameEn}` },
        decision === 'approve'
          ? `Đơn gia nhập ${association.nameVi} của bạn đã được chấp thuận.`
          : `Đơn gia nhập ${association.nameVi} của bạn chưa được chấp thuận. Lý do: ${reason}`,
        decision === 'approve'
          ? `Your application to ${association.nameEn} was approved.`
          : `Your application to ${association.nameEn} was not approved. Reason: ${reason}`,
      );
      return membershipView(m);
    },

    /** One page of an association's members (its curators), by name, optionally filtered by status and name. */
    async members(ctx: RequestContext, associationId: string, query: MembersQuery) {
      await scopedAssociation(ctx, associationId);
      const { rows, total } = await repo.membersPage(associationId, {
        status: query.status,
        nameFolded: query.q ? foldVietnamese(query.q) : undefined,
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      });
      return { items: rows.map(memberView), total, page: query.page, pageSize: query.pageSize };
    },

    async membersCsv(ctx: RequestContext, associationId: string) {
      const { association } = await scopedAssociation(ctx, associationId);
      const rows = (await repo.members(associationId, 'approved')).map(memberView);
      await auditService.record(db, ctx, {
        action: 'association.members_exported',
        targetType: 'organisation',
        targetId: association.id,
        details: { rows: rows.length },
      });
      const body = stringify([
        ['Họ và tên', 'Học hàm', 'Học vị', 'E-mail', 'Nguồn', 'Ngày gia nhập', 'Đã nhận hồ sơ'],
        ...rows.map((r) =>
          [
            r.fullName,
            r.academicTitle ?? '',
            r.highestDegree ?? '',
            r.contactEmail ?? '',
            r.source,
            (r.decidedAt ?? r.createdAt).slice(0, 10),
            r.claimed ? 'có' : 'chưa',
          ].map(defuseCsvCell),
        ),
      ]);
      return { filename: `hoi-vien-${association.code}.csv`, csv: `\uFEFF${body}` };
    },
  };
}
export type MembershipsService = ReturnType<typeof createMembershipsService>;
