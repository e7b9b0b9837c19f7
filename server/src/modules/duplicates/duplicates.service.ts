import type { Database, ExpertProfileRow } from '@hpen/db';
import type { RequestContext } from '../../app/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import { curatorScope } from '../curation/curation.scope.js';
import type { MembershipsService } from '../memberships/memberships.service.js';
import type { OrganisationsRepository } from '../organisations/organisations.repository.js';
import { profileChanged } from '../outbox/outbox.events.js';
import type { OutboxRepository } from '../outbox/outbox.repository.js';
import { contentToColumns, diffContent, rowToContent } from '../profiles/profile-document.js';
import { projectProfile } from '../profiles/profile-projection.js';
import type { ProfilesRepository } from '../profiles/profiles.repository.js';
import type { ProfileContent, ProfileSection } from '../profiles/profiles.schemas.js';
import { reconcileVerifications } from '../profiles/verification-items.js';
import type { ShortlistsRepository } from '../shortlists/shortlists.repository.js';
import type { VerificationService } from '../verification/verification.service.js';
import { findDuplicateCandidates } from './duplicate-candidates.js';
import { duplicatesErrors } from './duplicates.errors.js';
import type { DuplicatesRepository } from './duplicates.repository.js';
import { mergeSections, SECTION_KEYS } from './merge-sections.js';

export { findDuplicateCandidates, type Candidate, type ScanRow } from './duplicate-candidates.js';
export { mergeSections } from './merge-sections.js';

interface Deps {
  db: Database;
  duplicatesRepository: DuplicatesRepository;
  profilesRepository: ProfilesRepository;
  organisationsRepository: OrganisationsRepository;
  membershipsService: Pick<MembershipsService, 'moveToProfile'>;
  verificationService: Pick<VerificationService, 'moveToProfile'>;
  shortlistsRepository: Pick<ShortlistsRepository, 'moveItemsToProfile'>;
  auditService: AuditService;
  outboxRepository: OutboxRepository;
  clock: () => Date;
}

type MergeBody = { keep: 'a' | 'b'; take: Partial<Record<ProfileSection, 'a' | 'b'>> };

/**
 * The merged content: each section from the side the curator chose. The person with an account
 * keeps their own contact details and their choices of who sees what, whichever row survives.
 */
function mergedValues(a: ExpertProfileRow, b: ExpertProfileRow, body: MergeBody) {
  const keep = body.keep === 'a' ? a : b;
  const gone = body.keep === 'a' ? b : a;
  const sides = { a: rowToContent(a), b: rowToContent(b) };
  const before = rowToContent(keep);
  const merged: ProfileContent = { ...before };
  for (const section of mergeSections) {
    const from = sides[body.take[section] ?? body.keep];
    for (const key of SECTION_KEYS[section]) (merged as Record<string, unknown>)[key] = from[key];
  }
  const claimed = keep.userId ? keep : gone.userId ? gone : null;
  if (claimed) merged.contact = rowToContent(claimed).contact;
  const { valid } = reconcileVerifications({ ...gone.verifications, ...keep.verifications }, merged);
  const account = claimed === gone ? { userId: gone.userId, claimedAt: gone.claimedAt, visibility: gone.visibility } : {};
  return { keep, gone, before, merged, values: { ...contentToColumns(merged), verifications: valid, ...account } };
}

export function createDuplicatesService(deps: Deps) {
  const { db, duplicatesRepository: repo, profilesRepository, auditService, outboxRepository } = deps;

  /** Duplicates span associations: the Union's curators and admins handle them. */
  async function unionScope(ctx: RequestContext) {
    const scope = await curatorScope(ctx, deps.organisationsRepository);
    if (!scope.all) throw duplicatesErrors.unionOnly();
    return scope;
  }

  return {
    async scan(ctx: RequestContext) {
      await unionScope(ctx);
      const started = performance.now();
      const rows = await repo.scanRows();
      const candidates = findDuplicateCandidates(rows);
      let added = 0;
      for (let i = 0; i < candidates.length; i += 500) added += await repo.upsertCandidates(candidates.slice(i, i + 500));
      await auditService.record(db, ctx, {
        action: 'duplicates.scanned',
        targetType: 'system',
        details: { profiles: rows.length, candidates: candidates.length, new: added },
      });
      return { profiles: rows.length, candidates: candidates.length, new: added, ms: Math.round(performance.now() - started) };
    },

    async list(ctx: RequestContext, status: 'open' | 'dismissed' | 'merged' = 'open') {
      await unionScope(ctx);
      const rows = await repo.list(status);
      const profiles = await profilesRepository.findByIds([...new Set(rows.flatMap((r) => [r.profileA, r.profileB]))]);
      const byId = new Map(profiles.map((p) => [p.id, p]));
      // Curators compare what agencies may see, plus whether each has an account.
      const side = (id: string) => {
        const row = byId.get(id);
        return row ? { id, claimed: row.userId !== null, view: projectProfile(row, 'agencies') } : null;
      };
      return rows.map((r) => ({
        id: r.id,
        score: r.score,
        reasons: r.reasons,
        status: r.status,
        a: side(r.profileA),
        b: side(r.profileB),
        createdAt: r.createdAt.toISOString(),
      }));
    },

    countOpen: () => repo.countOpen(),

    async dismiss(ctx: RequestContext, id: string) {
      const scope = await unionScope(ctx);
      await db.transaction(async (tx) => {
        const row = await repo.decide(tx, id, 'dismissed', scope.userId, deps.clock());
        if (!row) throw duplicatesErrors.duplicateNotFound();
        await auditService.record(tx, ctx, {
          action: 'duplicates.dismissed',
          targetType: 'duplicate',
          targetId: id,
          details: { a: row.profileA, b: row.profileB },
        });
      });
    },

    /**
     * Merges the pair into `keep`, taking each chosen section from either side. The other id
     * becomes a redirect; memberships, verification requests and shortlist entries move over,
     * each through the module that owns them. When only the other profile has an account, the
     * account moves to the kept profile.
     */
    async merge(ctx: RequestContext, id: string, body: MergeBody) {
      const scope = await unionScope(ctx);
      return db.transaction(async (tx) => {
        const pair = await repo.findOpen(tx, id);
        if (!pair) throw duplicatesErrors.duplicateNotFound();
        const [a, b] = await Promise.all([profilesRepository.findById(pair.profileA, tx), profilesRepository.findById(pair.profileB, tx)]);
        if (!a || !b) throw duplicatesErrors.duplicateNotFound();
        if (a.userId && b.userId) throw duplicatesErrors.mergeTwoAccounts();
        const { keep, gone, before, merged, values } = mergedValues(a, b, body);
        await deps.membershipsService.moveToProfile(tx, gone.id, keep.id);
        await deps.verificationService.moveToProfile(tx, gone.id, keep.id);
        await deps.shortlistsRepository.moveItemsToProfile(tx, gone.id, keep.id);
        await repo.redirect(tx, gone.id, keep.id);
        await repo.decide(tx, pair.id, 'merged', scope.userId, deps.clock());
        await repo.settlePairsOf(tx, gone.id, scope.userId, deps.clock());
        // One profile per account: the merged-away row goes before its account moves to the kept one.
        await profilesRepository.delete(tx, gone.id);
        const updated = await profilesRepository.saveVersion(tx, keep, values, {
          actorUserId: scope.userId,
          actorRole: ctx.actor?.role ?? null,
          changes: [
            { field: 'mergedFrom', before: null, after: gone.id },
            ...diffContent(before as unknown as Record<string, unknown>, merged as unknown as Record<string, unknown>),
          ],
        });
        await auditService.record(tx, ctx, {
          action: 'profile.merged',
          targetType: 'expert_profile',
          targetId: keep.id,
          details: { mergedAway: gone.id, take: body.take, duplicate: pair.id, accountMoved: values.userId !== undefined },
        });
        await outboxRepository.enqueue(tx, { topic: 'profile.deleted', aggregateType: 'expert_profile', aggregateId: gone.id });
        await outboxRepository.enqueue(tx, profileChanged(keep.id));
        return { keptId: keep.id, mergedAwayId: gone.id, version: updated.version };
      });
    },

    /** Where a merged-away id now lives, if anywhere (the caller checks the viewer may see it). */
    redirectFor: (id: string) => repo.redirectFor(id),
  };
}
export type DuplicatesService = ReturnType<typeof createDuplicatesService>;
