import type { Database, ExpertProfileRow, MembershipRow } from '@hpen/db';
import { stringify } from 'csv-stringify/sync';
import type { RequestContext } from '../../app/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import { projectProfile } from '../profiles/profile-projection.js';
import { defuseCsvCell } from '../shared/csv.js';
import { foldVietnamese } from '../shared/text.js';
import type { AssociationsService } from './associations.service.js';
import type { MembershipsRepository } from './memberships.repository.js';
import type { MembersQuery } from './memberships.schemas.js';

interface Deps {
  db: Database;
  membershipsRepository: MembershipsRepository;
  associationsService: AssociationsService;
  auditService: AuditService;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const membershipView = (m: MembershipRow) => ({
  id: m.id,
  associationId: m.associationId,
  profileId: m.profileId,
  status: m.status,
  source: m.source,
  message: m.message,
  reason: m.reason,
  createdAt: m.createdAt.toISOString(),
  decidedAt: iso(m.decidedAt),
});

/**
 * A member as the association's curators see them: through the one projection, as the member
 * shares with agencies (never the raw columns: an "only me" e-mail stays the member's own).
 */
export function memberView({ membership, profile }: { membership: MembershipRow; profile: ExpertProfileRow }) {
  const view = projectProfile(profile, 'agencies');
  return {
    ...membershipView(membership),
    fullName: view?.fullName ?? null,
    highestDegree: view?.highestDegree ?? null,
    academicTitle: view?.academicTitle ?? null,
    contactEmail: view?.contact?.email ?? null,
    claimed: profile.userId !== null,
  };
}

/** An association's member list for its curators: one page, or all approved members as CSV (audited). */
export function createMemberList(deps: Deps) {
  const { membershipsRepository: repo, associationsService, auditService } = deps;
  return {
    async members(ctx: RequestContext, associationId: string, query: MembersQuery) {
      await associationsService.scopedAssociation(ctx, associationId);
      const { rows, total } = await repo.membersPage(associationId, {
        status: query.status,
        nameFolded: query.q ? foldVietnamese(query.q) : undefined,
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      });
      return { items: rows.map(memberView), total, page: query.page, pageSize: query.pageSize };
    },

    async membersCsv(ctx: RequestContext, associationId: string) {
      const { association } = await associationsService.scopedAssociation(ctx, associationId);
      const rows = (await repo.members(associationId, 'approved')).map(memberView);
      await auditService.record(deps.db, ctx, {
        action: 'association.members_exported',
        targetType: 'organisation',
        targetId: association.id,
        details: { rows: rows.length },
      });
      const body = stringify([
        ['Họ và tên', 'Học hàm', 'Học vị', 'E-mail', 'Nguồn', 'Ngày gia nhập', 'Đã nhận hồ sơ'],
        ...rows.map((r) =>
          [
            r.fullName ?? '(hồ sơ không chia sẻ)',
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
export type MemberList = ReturnType<typeof createMemberList>;
