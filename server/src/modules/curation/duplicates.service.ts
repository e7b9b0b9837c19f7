import {
  type Database,
  duplicateCandidates,
  expertProfiles,
  memberships,
  profileRedirects,
  shortlistItems,
  verificationRequests,
} from '@hpen/db';
import { and, desc, eq, or, sql } from 'drizzle-orm';
import { forbidden } from '../../app/errors.js';
import type { RequestContext } from '../../app/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import type { OrganisationsRepository } from '../organisations/organisations.repository.js';
import { profileChanged } from '../outbox/outbox.events.js';
import type { OutboxRepository } from '../outbox/outbox.repository.js';
import { contentToColumns, diffContent, rowToContent } from '../profiles/profile-document.js';
import { projectProfile } from '../profiles/profile-projection.js';
import type { ProfilesRepository } from '../profiles/profiles.repository.js';
import { SECTION_FIELDS } from '../profiles/profile-sections.js';
import { type ProfileContent, type ProfileSection, profileSections } from '../profiles/profiles.schemas.js';
import { curationErrors } from './curation.errors.js';
import { curatorScope } from './curation.scope.js';
import { reconcileVerifications } from './verification-items.js';

export interface ScanRow {
  id: string;
  fullNameFolded: string;
  birthYear: number | null;
  contactEmail: string | null;
  contactPhone: string | null;
  orcid: string | null;
}

export interface Candidate {
  a: string;
  b: string;
  score: number;
  reasons: string[];
}

const MIN_SCORE = 50;
/** Larger groups on a shared value (a switchboard number, a common name) are not evidence on their own. */
const MAX_GROUP = 50;

/**
 * Pairs of profiles that may be one person. Blocking by e-mail, phone (last 9 digits), ORCID
 * iD and the name without diacritics in any word order (+ birth year); each pair is scored
 * with its reasons. Pure and linear in the number of profiles (apart from the pairs found).
 */
export function findDuplicateCandidates(rows: ScanRow[]): Candidate[] {
  const nameKey = (n: string) => n.split(' ').filter(Boolean).sort().join(' ');
  const phoneKey = (p: string | null) => {
    const digits = (p ?? '').replace(/\D/g, '');
    return digits.length >= 8 ? digits.slice(-9) : null;
  };
  const groups = new Map<string, string[]>();
  const add = (key: string | null, id: string) => {
    if (!key) return;
    const g = groups.get(key);
    if (g) g.push(id);
    else groups.set(key, [id]);
  };
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const r of rows) {
    add(r.contactEmail ? `e:${r.contactEmail.toLowerCase()}` : null, r.id);
    add(phoneKey(r.contactPhone) ? `p:${phoneKey(r.contactPhone)}` : null, r.id);
    add(r.orcid ? `o:${r.orcid}` : null, r.id);
    // Same name and the same (or an unknown) birth year: unknown years join every year of that name.
    add(`n:${nameKey(r.fullNameFolded)}:${r.birthYear ?? '?'}`, r.id);
  }
  // Profiles of a name with no birth year also meet the ones with a year.
  for (const [key, ids] of groups) {
    if (!key.startsWith('n:') || !key.endsWith(':?')) continue;
    const prefix = key.slice(0, -1);
    for (const [other, otherIds] of groups) if (other !== key && other.startsWith(prefix)) otherIds.push(...ids);
  }
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const ids of groups.values()) {
    if (ids.length < 2 || ids.length > MAX_GROUP) continue;
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const [a, b] = ids[i]! < ids[j]! ? [ids[i]!, ids[j]!] : [ids[j]!, ids[i]!];
        const pair = `${a}|${b}`;
        if (a === b || seen.has(pair)) continue;
        seen.add(pair);
        const x = byId.get(a)!;
        const y = byId.get(b)!;
        const reasons: string[] = [];
        let score = 0;
        if (x.contactEmail && x.contactEmail.toLowerCase() === y.contactEmail?.toLowerCase()) ((score += 60), reasons.push('same_email'));
        if (phoneKey(x.contactPhone) && phoneKey(x.contactPhone) === phoneKey(y.contactPhone)) ((score += 40), reasons.push('same_phone'));
        if (x.orcid && x.orcid === y.orcid) ((score += 80), reasons.push('same_orcid'));
        if (nameKey(x.fullNameFolded) === nameKey(y.fullNameFolded)) {
          score += 30;
          reasons.push(x.fullNameFolded === y.fullNameFolded ? 'same_name' : 'same_name_other_order');
        }
        if (x.birthYear && y.birthYear) {
          if (x.birthYear === y.birthYear) ((score += 20), reasons.push('same_birth_year'));
          else ((score -= 40), reasons.push('different_birth_year'));
        }
        if (score >= MIN_SCORE) out.push({ a, b, score: Math.min(score, 100), reasons });
      }
    }
  }
  return out.sort((p, q) => q.score - p.score);
}

interface Deps {
  db: Database;
  profilesRepository: ProfilesRepository;
  organisationsRepository: OrganisationsRepository;
  auditService: AuditService;
  outboxRepository: OutboxRepository;
  clock: () => Date;
}

export function createDuplicatesService(deps: Deps) {
  const { db, profilesRepository, auditService, outboxRepository } = deps;

  /** Duplicates span associations: the Union's curators and admins handle them. */
  async function unionScope(ctx: RequestContext) {
    const scope = await curatorScope(ctx, deps.organisationsRepository);
    if (!scope.all) throw forbidden('Duplicates are handled by curators of the Union');
    return scope;
  }

  return {
    async scan(ctx: RequestContext) {
      await unionScope(ctx);
      const started = performance.now();
      const rows = await db
        .select({
          id: expertProfiles.id,
          fullNameFolded: expertProfiles.fullNameFolded,
          birthYear: expertProfiles.birthYear,
          contactEmail: expertProfiles.contactEmail,
          contactPhone: expertProfiles.contactPhone,
          orcid: expertProfiles.orcid,
        })
        .from(expertProfiles);
      const candidates = findDuplicateCandidates(rows);
      let added = 0;
      for (let i = 0; i < candidates.length; i += 500) {
        const chunk = candidates.slice(i, i + 500);
        const inserted = await db
          .insert(duplicateCandidates)
          .values(chunk.map((c) => ({ profileA: c.a, profileB: c.b, score: c.score, reasons: c.reasons })))
          // A pair already dismissed or merged stays decided; an open one gets the new score.
          .onConflictDoUpdate({
            target: [duplicateCandidates.profileA, duplicateCandidates.profileB],
            set: { score: sql`excluded.score`, reasons: sql`excluded.reasons`, updatedAt: new Date() },
            setWhere: eq(duplicateCandidates.status, 'open'),
          })
          .returning({ created: sql<boolean>`xmax = 0` });
        added += inserted.filter((r) => r.created).length;
      }
      await auditService.record(db, ctx, {
        action: 'duplicates.scanned',
        targetType: 'system',
        details: { profiles: rows.length, candidates: candidates.length, new: added },
      });
      return { profiles: rows.length, candidates: candidates.length, new: added, ms: Math.round(performance.now() - started) };
    },

    async list(ctx: RequestContext, status: 'open' | 'dismissed' | 'merged' = 'open') {
      await unionScope(ctx);
      const rows = await db
        .select()
        .from(duplicateCandidates)
        .where(eq(duplicateCandidates.status, status))
        .orderBy(desc(duplicateCandidates.score))
        .limit(200);
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

    async dismiss(ctx: RequestContext, id: string) {
      const scope = await unionScope(ctx);
      await db.transaction(async (tx) => {
        const [row] = await tx
          .update(duplicateCandidates)
          .set({ status: 'dismissed', decidedBy: scope.userId, decidedAt: deps.clock() })
          .where(and(eq(duplicateCandidates.id, id), eq(duplicateCandidates.status, 'open')))
          .returning();
        if (!row) throw curationErrors.duplicateNotFound();
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
     * becomes a redirect; memberships, verification requests and shortlist entries move over.
     */
    async merge(ctx: RequestContext, id: string, body: { keep: 'a' | 'b'; take: Partial<Record<ProfileSection, 'a' | 'b'>> }) {
      const scope = await unionScope(ctx);
      return db.transaction(async (tx) => {
        const [pair] = await tx
          .select()
          .from(duplicateCandidates)
          .where(and(eq(duplicateCandidates.id, id), eq(duplicateCandidates.status, 'open')));
        if (!pair) throw curationErrors.duplicateNotFound();
        const [a, b] = await Promise.all([profilesRepository.findById(pair.profileA, tx), profilesRepository.findById(pair.profileB, tx)]);
        if (!a || !b) throw curationErrors.duplicateNotFound();
        if (a.userId && b.userId) throw curationErrors.mergeTwoAccounts();
        const keep = body.keep === 'a' ? a : b;
        const gone = body.keep === 'a' ? b : a;
        const sides = { a: rowToContent(a), b: rowToContent(b) };
        const before = rowToContent(keep);
        const merged: ProfileContent = { ...before };
        for (const section of profileSections) {
          const from = sides[body.take[section] ?? body.keep];
          for (const key of SECTION_FIELDS[section]) (merged as Record<string, unknown>)[key] = from[key];
        }
        const { valid } = reconcileVerifications({ ...gone.verifications, ...keep.verifications }, merged);
        const values = {
          ...contentToColumns(merged),
          verifications: valid,
          ...(keep.userId ? {} : { userId: gone.userId, claimedAt: gone.claimedAt }),
        };
        const updated = await profilesRepository.saveVersion(tx, keep, values, {
          actorUserId: scope.userId,
          actorRole: ctx.actor?.role ?? null,
          changes: [
            { field: 'mergedFrom', before: null, after: gone.id },
            ...diffContent(before as unknown as Record<string, unknown>, merged as unknown as Record<string, unknown>),
          ],
        });
        // Move what pointed at the merged-away profile.
        const goneMemberships = await tx.select().from(memberships).where(eq(memberships.profileId, gone.id));
        for (const m of goneMemberships) {
          await tx
            .insert(memberships)
            .values({ ...m, id: undefined, profileId: keep.id })
            .onConflictDoNothing();
        }
        await tx.update(verificationRequests).set({ profileId: keep.id }).where(eq(verificationRequests.profileId, gone.id));
        const goneItems = await tx.select().from(shortlistItems).where(eq(shortlistItems.profileId, gone.id));
        if (goneItems.length)
          await tx
            .insert(shortlistItems)
            .values(goneItems.map((i) => ({ ...i, profileId: keep.id })))
            .onConflictDoNothing();
        await tx.update(profileRedirects).set({ toId: keep.id }).where(eq(profileRedirects.toId, gone.id));
        // Other open pairs with the merged-away profile are settled by this merge.
        await tx
          .update(duplicateCandidates)
          .set({ status: 'merged', decidedBy: scope.userId, decidedAt: deps.clock() })
          .where(
            and(
              eq(duplicateCandidates.status, 'open'),
              or(eq(duplicateCandidates.profileA, gone.id), eq(duplicateCandidates.profileB, gone.id)),
            ),
          );
        await tx
          .update(duplicateCandidates)
          .set({ status: 'merged', decidedBy: scope.userId, decidedAt: deps.clock() })
          .where(eq(duplicateCandidates.id, pair.id));
        await profilesRepository.delete(tx, gone.id);
        await tx.insert(profileRedirects).values({ fromId: gone.id, toId: keep.id });
        await auditService.record(tx, ctx, {
          action: 'profile.merged',
          targetType: 'expert_profile',
          targetId: keep.id,
          details: { mergedAway: gone.id, take: body.take, duplicate: pair.id },
        });
        await outboxRepository.enqueue(tx, { topic: 'profile.deleted', aggregateType: 'expert_profile', aggregateId: gone.id });
        await outboxRepository.enqueue(tx, profileChanged(keep.id));
        return { keptId: keep.id, mergedAwayId: gone.id, version: updated.version };
      });
    },

    /** Where a merged-away id now lives, if anywhere. */
    async redirectFor(id: string): Promise<string | null> {
      const [row] = await db.select().from(profileRedirects).where(eq(profileRedirects.fromId, id));
      return row?.toId ?? null;
    },
  };
}
export type DuplicatesService = ReturnType<typeof createDuplicatesService>;
