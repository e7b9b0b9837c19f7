import { type Database, type DbOrTx, evidenceFiles, expertProfiles, organisations, verificationRequests } from '@hpen/db';
import type { VerificationItemType, VerificationStatus } from '@hpen/db/enums';
import { and, asc, eq, inArray, isNull, lte, or, type SQL } from 'drizzle-orm';
import { forbidden } from '../../app/errors.js';
import type { RequestContext } from '../../app/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import type { MailMessage } from '../mail/mail.service.js';
import { noticeMail } from '../mail/mail.templates.js';
import type { OrganisationsRepository } from '../organisations/organisations.repository.js';
import { profileChanged } from '../outbox/outbox.events.js';
import type { OutboxRepository } from '../outbox/outbox.repository.js';
import { rowToContent } from '../profiles/profile-document.js';
import type { ProfilesRepository } from '../profiles/profiles.repository.js';
import { profilesErrors } from '../profiles/profiles.errors.js';
import type { UsersRepository } from '../users/users.repository.js';
import { curationErrors } from './curation.errors.js';
import { curatorScope, inScope, type CuratorScope } from './curation.scope.js';
import type { EvidenceStore } from './evidence-store.js';
import { hashSnapshot, itemKey, itemSnapshot, type Verifications } from './verification-items.js';

interface Deps {
  db: Database;
  profilesRepository: ProfilesRepository;
  organisationsRepository: OrganisationsRepository;
  usersRepository: UsersRepository;
  auditService: AuditService;
  outboxRepository: OutboxRepository;
  evidenceStore: EvidenceStore;
  sendMail: (message: MailMessage) => Promise<void>;
  clock: () => Date;
}

export interface UploadedEvidence {
  filename: string;
  mimeType: string;
  bytes: Buffer;
}

type RequestRow = typeof verificationRequests.$inferSelect;
const DAY = 86_400_000;

/**
 * Verification of degrees, titles and positions: the expert asks with evidence; curators of
 * the chosen association (or of the Union) approve, reject with a reason, or ask for changes.
 * An approval writes the badge on the profile with its provenance.
 */
export function createVerificationService(deps: Deps) {
  const { db, profilesRepository, organisationsRepository, auditService, outboxRepository, evidenceStore, clock } = deps;

  async function files(requestIds: string[], tx: DbOrTx = db) {
    if (requestIds.length === 0) return new Map<string, Array<{ id: string; filename: string; mimeType: string; size: number }>>();
    const rows = await tx
      .select()
      .from(evidenceFiles)
      .where(inArray(evidenceFiles.requestId, requestIds))
      .orderBy(asc(evidenceFiles.createdAt));
    const out = new Map<string, Array<{ id: string; filename: string; mimeType: string; size: number }>>();
    for (const f of rows)
      out.set(f.requestId, [...(out.get(f.requestId) ?? []), { id: f.id, filename: f.filename, mimeType: f.mimeType, size: f.size }]);
    return out;
  }

  const view = (r: RequestRow, fileMap: Awaited<ReturnType<typeof files>>, now: Date) => ({
    id: r.id,
    profileId: r.profileId,
    itemType: r.itemType,
    itemId: r.itemId,
    snapshot: r.snapshot,
    associationId: r.associationId,
    status: r.status,
    note: r.note,
    reason: r.reason,
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    ageDays: Math.floor((now.getTime() - r.createdAt.getTime()) / DAY),
    files: fileMap.get(r.id) ?? [],
  });

  async function ownProfile(ctx: RequestContext) {
    if (!ctx.actor || ctx.actor.role !== 'expert') throw forbidden('Only experts ask for verification');
    const profile = await profilesRepository.findByUserId(ctx.actor.userId);
    if (!profile) throw profilesErrors.noOwnProfile();
    return profile;
  }

  async function scopedRequest(ctx: RequestContext, id: string): Promise<{ scope: CuratorScope; request: RequestRow }> {
    const scope = await curatorScope(ctx, organisationsRepository);
    const [request] = await db.select().from(verificationRequests).where(eq(verificationRequests.id, id));
    if (!request || !inScope(scope, request.associationId)) throw curationErrors.verificationNotFound();
    return { scope, request };
  }

  async function notify(profileId: string, subject: { vi: string; en: string }, vi: string, en: string) {
    const profile = await profilesRepository.findById(profileId);
    const user = profile?.userId ? await deps.usersRepository.findById(profile.userId) : undefined;
    if (user) await deps.sendMail(noticeMail({ to: user.email, locale: user.locale, subject, vi, en }));
  }

  const service = {
    async submit(
      ctx: RequestContext,
      input: { itemType: VerificationItemType; itemId: string | null; associationId: string | null; note: string },
      uploads: UploadedEvidence[],
    ) {
      const profile = await ownProfile(ctx);
      if (uploads.length === 0) throw curationErrors.evidenceMissing();
      const snapshot = itemSnapshot(rowToContent(profile), input.itemType, input.itemType === 'title' ? null : input.itemId);
      if (!snapshot) throw curationErrors.itemNotFound();
      if (input.associationId) {
        const org = await organisationsRepository.findById(input.associationId);
        if (!org || org.kind !== 'association') throw curationErrors.associationNotFound();
      }
      // Files first (outside the transaction); removed again if the transaction fails.
      const stored = await Promise.all(uploads.map(async (u) => ({ ...u, ...(await evidenceStore.save(u.bytes)) })));
      try {
        const request = await db.transaction(async (tx) => {
          const [pending] = await tx
            .select({ id: verificationRequests.id })
            .from(verificationRequests)
            .where(
              and(
                eq(verificationRequests.profileId, profile.id),
                eq(verificationRequests.itemType, input.itemType),
                input.itemType === 'title' ? isNull(verificationRequests.itemId) : eq(verificationRequests.itemId, input.itemId ?? ''),
                eq(verificationRequests.status, 'pending'),
              ),
            );
          if (pending) throw curationErrors.verificationPending();
          const [row] = await tx
            .insert(verificationRequests)
            .values({
              profileId: profile.id,
              itemType: input.itemType,
              itemId: input.itemType === 'title' ? null : input.itemId,
              snapshot,
              associationId: input.associationId,
              note: input.note,
            })
            .returning();
          await tx.insert(evidenceFiles).values(
            stored.map((s) => ({
              requestId: row!.id,
              filename: s.filename,
              mimeType: s.mimeType,
              size: s.bytes.length,
              sha256: s.sha256,
              storageKey: s.storageKey,
            })),
          );
          await auditService.record(tx, ctx, {
            action: 'verification.requested',
            targetType: 'verification',
            targetId: row!.id,
            details: { profileId: profile.id, itemType: input.itemType, files: stored.length },
          });
          return row!;
        });
        return view(request, await files([request.id]), clock());
      } catch (error) {
        await Promise.all(stored.map((s) => evidenceStore.remove(s.storageKey)));
        throw error;
      }
    },

    async mine(ctx: RequestContext) {
      const profile = await ownProfile(ctx);
      const rows = await db
        .select()
        .from(verificationRequests)
        .where(eq(verificationRequests.profileId, profile.id))
        .orderBy(asc(verificationRequests.createdAt));
      const fileMap = await files(rows.map((r) => r.id));
      return rows.map((r) => view(r, fileMap, clock()));
    },

    async queue(
      ctx: RequestContext,
      q: {
        status?: VerificationStatus | undefined;
        itemType?: VerificationItemType | undefined;
        associationId?: string | undefined;
        minAgeDays?: number | undefined;
      },
    ) {
      const scope = await curatorScope(ctx, organisationsRepository);
      const filters: SQL[] = [eq(verificationRequests.status, q.status ?? 'pending')];
      if (q.itemType) filters.push(eq(verificationRequests.itemType, q.itemType));
      if (q.associationId) filters.push(eq(verificationRequests.associationId, q.associationId));
      if (q.minAgeDays) filters.push(lte(verificationRequests.createdAt, new Date(clock().getTime() - q.minAgeDays * DAY)));
      if (!scope.all) filters.push(inArray(verificationRequests.associationId, scope.associationIds));
      const rows = await db
        .select({ request: verificationRequests, fullName: expertProfiles.fullName, associationName: organisations.nameVi })
        .from(verificationRequests)
        .innerJoin(expertProfiles, eq(expertProfiles.id, verificationRequests.profileId))
        .leftJoin(organisations, eq(organisations.id, verificationRequests.associationId))
        .where(and(...filters))
        .orderBy(asc(verificationRequests.createdAt))
        .limit(500);
      const fileMap = await files(rows.map((r) => r.request.id));
      return rows.map((r) => ({ ...view(r.request, fileMap, clock()), fullName: r.fullName, associationName: r.associationName }));
    },

    /** The curator's look at a request: the snapshot and files, whatever the profile's visibility (audited). */
    async get(ctx: RequestContext, id: string) {
      const { request } = await scopedRequest(ctx, id);
      const profile = await profilesRepository.findById(request.profileId);
      const association = request.associationId ? await organisationsRepository.findById(request.associationId) : undefined;
      await auditService.record(db, ctx, {
        action: 'verification.viewed',
        targetType: 'verification',
        targetId: request.id,
        details: { profileId: request.profileId },
      });
      return {
        ...view(request, await files([request.id]), clock()),
        fullName: profile?.fullName ?? '',
        associationName: association?.nameVi ?? null,
      };
    },

    async decide(ctx: RequestContext, id: string, decision: 'approve' | 'reject' | 'request_changes', reason: string | undefined) {
      const { scope, request } = await scopedRequest(ctx, id);
      if (request.status !== 'pending') throw curationErrors.alreadyDecided();
      const curator = await deps.usersRepository.findById(scope.userId);
      const byName = `${curator?.fullName ?? 'Curator'}${curator?.organisation ? ` (${curator.organisation.nameVi})` : ''}`;
      const now = clock();
      if (decision === 'approve') {
        // The expert changed the item since asking: queue the new content instead of approving the old.
        const profile = await profilesRepository.findById(request.profileId);
        const current = profile && itemSnapshot(rowToContent(profile), request.itemType, request.itemId);
        if (!current || hashSnapshot(current) !== hashSnapshot(request.snapshot)) {
          await db.transaction(async (tx) => {
            if (current)
              await service.requeueChanged(tx, ctx, request.profileId, [
                { type: request.itemType, itemId: request.itemId, snapshot: current },
              ]);
            else
              await tx
                .update(verificationRequests)
                .set({ status: 'withdrawn', updatedAt: now })
                .where(eq(verificationRequests.id, request.id));
          });
          throw curationErrors.itemChanged();
        }
      }
      const result = await db.transaction(async (tx) => {
        const profile = await profilesRepository.findById(request.profileId, tx);
        if (!profile) throw curationErrors.verificationNotFound();
        const status = decision === 'approve' ? 'approved' : decision === 'reject' ? 'rejected' : 'changes_requested';
        if (decision === 'approve') {
          const current = itemSnapshot(rowToContent(profile), request.itemType, request.itemId);
          if (!current || hashSnapshot(current) !== hashSnapshot(request.snapshot)) throw curationErrors.itemChanged();
          const verifications: Verifications = {
            ...profile.verifications,
            [itemKey(request.itemType, request.itemId)]: { by: scope.userId, byName, at: now.toISOString(), hash: hashSnapshot(current) },
          };
          await profilesRepository.saveVersion(
            tx,
            profile,
            { verifications },
            {
              actorUserId: scope.userId,
              actorRole: ctx.actor?.role ?? null,
              changes: [
                {
                  field: `verified.${itemKey(request.itemType, request.itemId)}`,
                  before: null,
                  after: { by: byName, at: now.toISOString() },
                },
              ],
            },
          );
          await outboxRepository.enqueue(tx, profileChanged(profile.id));
        }
        const [row] = await tx
          .update(verificationRequests)
          .set({ status, reason: reason ?? null, decidedBy: scope.userId, decidedAt: now, updatedAt: now })
          .where(eq(verificationRequests.id, request.id))
          .returning();
        await auditService.record(tx, ctx, {
          action: `verification.${status}`,
          targetType: 'verification',
          targetId: request.id,
          details: { profileId: request.profileId, itemType: request.itemType, reason: reason ?? null },
        });
        return row!;
      });
      const what = { degree: ['bằng cấp', 'degree'], title: ['học hàm', 'academic title'], position: ['chức vụ', 'position'] }[
        request.itemType
      ];
      const text = {
        approve: [`Yêu cầu xác minh ${what[0]} của bạn đã được chấp thuận.`, `Your ${what[1]} was verified.`],
        reject: [
          `Yêu cầu xác minh ${what[0]} của bạn không được chấp thuận. Lý do: ${reason}`,
          `Your ${what[1]} could not be verified. Reason: ${reason}`,
        ],
        request_changes: [
          `Cán bộ xác minh đề nghị bổ sung cho yêu cầu xác minh ${what[0]}: ${reason}`,
          `The curator asks for changes to your ${what[1]} verification: ${reason}`,
        ],
      }[decision];
      await notify(request.profileId, { vi: 'Kết quả xác minh hồ sơ', en: 'Verification of your profile' }, text[0]!, text[1]!);
      return view(result, await files([result.id]), clock());
    },

    /** An evidence file, for curators in scope and for the expert who sent it. */
    async evidence(ctx: RequestContext, fileId: string) {
      const [file] = await db.select().from(evidenceFiles).where(eq(evidenceFiles.id, fileId));
      if (!file) throw curationErrors.evidenceNotFound();
      const [request] = await db.select().from(verificationRequests).where(eq(verificationRequests.id, file.requestId));
      if (!request || !ctx.actor) throw curationErrors.evidenceNotFound();
      const profile = await profilesRepository.findById(request.profileId);
      const owner = profile?.userId === ctx.actor.userId;
      if (!owner) {
        const scope = await curatorScope(ctx, organisationsRepository).catch(() => null);
        if (!scope || !inScope(scope, request.associationId)) throw curationErrors.evidenceNotFound();
        await auditService.record(db, ctx, {
          action: 'verification.evidence_viewed',
          targetType: 'verification',
          targetId: request.id,
          details: { fileId },
        });
      }
      return { file, stream: evidenceStore.open(file.storageKey) };
    },

    /**
     * Called by profile saves: verified items that changed lose their badge (the caller drops
     * them from the profile) and go back into the queue with their evidence.
     */
    async requeueChanged(
      tx: DbOrTx,
      ctx: RequestContext,
      profileId: string,
      changed: Array<{ type: VerificationItemType; itemId: string | null; snapshot: Record<string, unknown> }>,
    ) {
      for (const item of changed) {
        const [previous] = await tx
          .select()
          .from(verificationRequests)
          .where(
            and(
              eq(verificationRequests.profileId, profileId),
              eq(verificationRequests.itemType, item.type),
              item.itemId ? eq(verificationRequests.itemId, item.itemId) : isNull(verificationRequests.itemId),
              or(eq(verificationRequests.status, 'approved'), eq(verificationRequests.status, 'pending')),
            ),
          );
        if (!previous) continue;
        await tx
          .update(verificationRequests)
          .set({ status: 'superseded', updatedAt: clock() })
          .where(eq(verificationRequests.id, previous.id));
        const [next] = await tx
          .insert(verificationRequests)
          .values({
            profileId,
            itemType: item.type,
            itemId: item.itemId,
            snapshot: item.snapshot,
            associationId: previous.associationId,
            note: previous.note,
            previousId: previous.id,
          })
          .returning();
        const oldFiles = await tx.select().from(evidenceFiles).where(eq(evidenceFiles.requestId, previous.id));
        if (oldFiles.length)
          await tx
            .insert(evidenceFiles)
            .values(oldFiles.map(({ id: _id, requestId: _r, createdAt: _c, ...f }) => ({ ...f, requestId: next!.id })));
        await auditService.record(tx, ctx, {
          action: 'verification.requeued',
          targetType: 'verification',
          targetId: next!.id,
          details: { profileId, previous: previous.id, itemType: item.type },
        });
      }
    },
  };
  return service;
}
export type VerificationService = ReturnType<typeof createVerificationService>;
