import type { RequestContext } from '../../app/request-context.js';
import type { DuplicatesService } from '../duplicates/duplicates.service.js';
import type { ImportsService } from '../imports/imports.service.js';
import type { MembershipsService } from '../memberships/memberships.service.js';
import type { OrganisationsRepository } from '../organisations/organisations.repository.js';
import type { VerificationService } from '../verification/verification.service.js';
import { curatorScope } from './curation.scope.js';

const DAY = 86_400_000;

/** What a curator should look at first: queue sizes and ageing, applications, duplicates, recent imports. */
export function createCurationService(deps: {
  organisationsRepository: OrganisationsRepository;
  verificationService: VerificationService;
  membershipsService: MembershipsService;
  duplicatesService: DuplicatesService;
  importsService: ImportsService;
  clock: () => Date;
}) {
  return {
    async dashboard(ctx: RequestContext) {
      const scope = await curatorScope(ctx, deps.organisationsRepository);
      const associationIds = scope.all ? null : scope.associationIds;
      const pending = await deps.verificationService.pendingInScope(associationIds);
      const now = deps.clock().getTime();
      const ages = pending.map((p) => (now - p.createdAt.getTime()) / DAY);
      const byType: Record<string, number> = {};
      for (const p of pending) byType[p.itemType] = (byType[p.itemType] ?? 0) + 1;
      return {
        verification: {
          pending: pending.length,
          ageing: {
            under7Days: ages.filter((a) => a < 7).length,
            from7To30Days: ages.filter((a) => a >= 7 && a < 30).length,
            over30Days: ages.filter((a) => a >= 30).length,
          },
          oldestDays: ages.length ? Math.floor(ages.reduce((a, b) => Math.max(a, b), 0)) : null,
          byType,
        },
        memberships: { pending: await deps.membershipsService.countPending(associationIds) },
        duplicates: { open: scope.all ? await deps.duplicatesService.countOpen() : 0 },
        imports: (await deps.importsService.list(ctx)).slice(0, 5),
      };
    },
  };
}
export type CurationService = ReturnType<typeof createCurationService>;
