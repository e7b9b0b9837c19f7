import type { Database } from '@hpen/db';
import type { RequestContext } from '../../app/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import { privacyErrors } from './privacy.errors.js';
import type { PrivacyRepository } from './privacy.repository.js';

/**
 * The "data protection" staff function (Law 91/2025: the controller's personal-data protection
 * staff). The role model has five roles and every route's matrix row lists them; a sixth role
 * would touch every row. So it is a designation instead: an admin designates officer-role staff,
 * who then work the data-request queue and the breach register, and nothing else of the admin
 * area (policies, notices, users stay with admins).
 */
export function createPrivacyOfficersService(deps: { db: Database; privacyRepository: PrivacyRepository; auditService: AuditService }) {
  const { db, privacyRepository: repo, auditService } = deps;
  return {
    async list() {
      return { items: await repo.activeOfficers(await repo.readDesignatedOfficers()) };
    },
    async isDesignated(userId: string) {
      return (await repo.readDesignatedOfficers()).includes(userId);
    },
    async set(ctx: RequestContext, userIds: string[]) {
      const wanted = [...new Set(userIds)];
      const found = await repo.activeOfficers(wanted);
      if (found.length !== wanted.length) throw privacyErrors.notAnOfficer(wanted.filter((id) => !found.some((f) => f.id === id)));
      const before = await repo.readDesignatedOfficers();
      await db.transaction(async (tx) => {
        await repo.writeDesignatedOfficers(tx, wanted, ctx.actor?.userId ?? null);
        await auditService.record(tx, ctx, {
          action: 'privacy.officers_designated',
          targetType: 'setting',
          targetId: null,
          details: { before, after: wanted },
        });
      });
      return { items: found };
    },
  };
}
export type PrivacyOfficersService = ReturnType<typeof createPrivacyOfficersService>;
