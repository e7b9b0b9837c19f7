import type { Database, OrganisationRow } from '@hpen/db';
import type { RequestContext } from '../../app/request-context.js';
import { conflict, notFound } from '../../app/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { OrganisationsRepository } from './organisations.repository.js';
import type { CreateOrganisationBody, Organisation } from './organisations.schemas.js';

export const toOrganisation = (row: OrganisationRow): Organisation => ({
  id: row.id,
  code: row.code,
  kind: row.kind,
  nameVi: row.nameVi,
  nameEn: row.nameEn,
  parentId: row.parentId,
});

export function createOrganisationsService(deps: {
  db: Database;
  organisationsRepository: OrganisationsRepository;
  auditService: AuditService;
}) {
  const { db, organisationsRepository, auditService } = deps;
  return {
    async list(): Promise<Organisation[]> {
      return (await organisationsRepository.list()).map(toOrganisation);
    },

    async create(ctx: RequestContext, body: CreateOrganisationBody): Promise<Organisation> {
      return db.transaction(async (tx) => {
        if (await organisationsRepository.findByCode(body.code, tx)) {
          throw conflict('organisations.code_taken', 'An organisation with this code already exists');
        }
        if (body.parentId && !(await organisationsRepository.findById(body.parentId, tx))) {
          throw notFound('Parent organisation');
        }
        const row = await organisationsRepository.insert(tx, { ...body, parentId: body.parentId ?? null });
        await auditService.record(tx, ctx, {
          action: 'organisation.created',
          targetType: 'organisation',
          targetId: row.id,
          details: { code: row.code, kind: row.kind },
        });
        return toOrganisation(row);
      });
    },
  };
}
export type OrganisationsService = ReturnType<typeof createOrganisationsService>;
