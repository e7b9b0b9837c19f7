import { type Database, duplicateCandidates, memberships, verificationRequests } from '@hpen/db';
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../../app/request-context.js';
import type { OrganisationsRepository } from '../organisations/organisations.repository.js';
import { curatorScope } from './curation.scope.js';
import type { ImportsService } from './imports.service.js';

const DAY = 86_400_000;

/** What a curator should look at first: queue sizes and ageing, applications, duplicates, recent imports. */
export function createCurationDashboard(deps: {
  db: Database;
  organisationsRepository: OrganisationsRepository;
  importsService: ImportsService;
  clock: () => Date;
}) {
  return async (ctx: RequestContext) => {
    const scope = await curatorScope(ctx, deps.organisationsRepository);
    const inScopeFilter = (column: typeof verificationRequests.associationId | typeof memberships.associationId): SQL[] =>
      scope.all ? [] : [inArray(column, scope.associationIds)];
    const pending = await deps.db
      .select({ createdAt: verificationRequests.createdAt, itemType: verificationRequests.itemType })
      .from(verificationRequests)
      .where(and(eq(verificationRequests.status, 'pending'), ...inScopeFilter(verificationRequests.associationId)));
    const now = deps.clock().getTime();
    const ages = pending.map((p) => (now - p.createdAt.getTime()) / DAY);
    const byType: Record<string, number> = {};
    for (const p of pending) byType[p.itemType] = (byType[p.itemType] ?? 0) + 1;
    const membershipsPending = await deps.db.$count(
      memberships,
      and(eq(memberships.status, 'pending'), ...inScopeFilter(memberships.associationId)),
    );
    const duplicatesOpen = scope.all ? await deps.db.$count(duplicateCandidates, eq(duplicateCandidates.status, 'open')) : 0;
    return {
      verification: {
        pending: pending.length,
        ageing: {
          under7Days: ages.filter((a) => a < 7).length,
          from7To30Days: ages.filter((a) => a >= 7 && a < 30).length,
          over30Days: ages.filter((a) => a >= 30).length,
        },
        oldestDays: ages.length ? Math.floor(Math.max(...ages)) : null,
        byType,
      },
      memberships: { pending: membershipsPending },
      duplicates: { open: duplicatesOpen },
      imports: (await deps.importsService.list(ctx)).slice(0, 5),
    };
  };
}
