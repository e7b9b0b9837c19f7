import type { Database, OrganisationRow } from '@hpen/db';
import { forbidden } from '../../app/errors.js';
import type { RequestContext } from '../../app/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import { curatorScope, inScope } from '../curation/curation.scope.js';
import type { OrganisationsRepository } from '../organisations/organisations.repository.js';
import { membershipsErrors } from './memberships.errors.js';
import type { MembershipsRepository } from './memberships.repository.js';

interface Deps {
  db: Database;
  membershipsRepository: MembershipsRepository;
  organisationsRepository: OrganisationsRepository;
  auditService: AuditService;
}

const associationView = (row: OrganisationRow, members: number) => ({
  id: row.id,
  code: row.code,
  kind: row.kind,
  nameVi: row.nameVi,
  nameEn: row.nameEn,
  parentId: row.parentId,
  members,
});

/** The associations of the Union: listed publicly, created and deleted by the Union, renamed by their curators. */
export function createAssociationsService(deps: Deps) {
  const { db, membershipsRepository: repo, organisationsRepository, auditService } = deps;

  /** An association the curator may act on; outside one's scope looks the same as not there. */
  async function scopedAssociation(ctx: RequestContext, associationId: string) {
    const scope = await curatorScope(ctx, organisationsRepository);
    const association = await repo.findAssociation(associationId);
    if (!association || !inScope(scope, association.id)) throw membershipsErrors.associationNotFound();
    return { scope, association };
  }

  return {
    scopedAssociation,

    async listAssociations() {
      return (await repo.listAssociations()).map((a) => ({ ...a, members: Number(a.members) }));
    },

    async createAssociation(ctx: RequestContext, body: { code: string; nameVi: string; nameEn: string }) {
      const scope = await curatorScope(ctx, organisationsRepository);
      if (!scope.all) throw forbidden('Only the Union creates associations');
      const union = (await organisationsRepository.list()).find((o) => o.kind === 'union');
      return db.transaction(async (tx) => {
        if (await organisationsRepository.findByCode(body.code, tx)) throw membershipsErrors.codeTaken();
        const row = await organisationsRepository.insert(tx, { ...body, kind: 'association', parentId: union?.id ?? null });
        await auditService.record(tx, ctx, {
          action: 'association.created',
          targetType: 'organisation',
          targetId: row.id,
          details: { code: row.code },
        });
        return associationView(row, 0);
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
        return associationView(row!, 0);
      });
    },

    async deleteAssociation(ctx: RequestContext, id: string) {
      const { scope, association } = await scopedAssociation(ctx, id);
      if (!scope.all) throw forbidden('Only the Union deletes associations');
      await db.transaction(async (tx) => {
        if ((await repo.countMemberships(association.id, tx)) > 0) throw membershipsErrors.associationHasMembers();
        await organisationsRepository.delete(tx, association.id);
        await auditService.record(tx, ctx, {
          action: 'association.deleted',
          targetType: 'organisation',
          targetId: association.id,
          details: { code: association.code },
        });
      });
    },
  };
}
export type AssociationsService = ReturnType<typeof createAssociationsService>;
