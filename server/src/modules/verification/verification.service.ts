import type { Database, DbOrTx } from '@hpen/db';
import type { VerificationItemType, VerificationStatus } from '@hpen/db/enums';
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
import { curationErrors } from '../curation/curation.errors.js';
import { curatorScope, inScope, type CuratorScope } from '../curation/curation.scope.js';
import { hashSnapshot, itemKey, itemSnapshot, type Verifications } from '../profiles/verification-items.js';
import type { EvidenceStore } from './evidence-store.js';
import { decisionText } from './verification-mail.js';
import { createRequeue } from './verification-requeue.js';
import { verificationErrors } from './verification.errors.js';
import type { VerificationRepository, VerificationRequestRow } from './verification.repository.js';

interface Deps {
  db: Database;
  verificationRepository: VerificationRepository;
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

type RequestRow = VerificationRequestRow;
const DAY = 86_400_000;

/**
 * Verification of degrees, titles and positions: the expert asks with evidence; curators of
 * the chosen association (or of the Union) approve, reject with a reason, or ask for changes.
 * An approval writes the badge on the profile with its provenance.
 */
export function createVerificationService(deps: Deps) {
  const {
    db,
    verificationRepository: repo,
    profilesRepository,
    organisationsRepository,
    auditService,
    outboxRepository,
    evidenceStore,
    clock,
  } = deps;
  const files = (requestIds: string[]) => repo.filesOf(requestIds);

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
    if (!ctx.actor || ctx.actor.role !== 'expert') throw verificationErrors.onlyExperts();
    const profile = await profilesRepository.findByUserId(ctx.actor.userId);
    if (!profile) throw profilesErrors.noOwnProfile();
    return profile;
  }

  async function scopedRequest(ctx: RequestContext, id: string): Promise<{ scope: CuratorScope; request: RequestRow }> {
    const scope = await curatorScope(ctx, organisationsRepository);
    const request = await repo.findRequest(id);
    if (!request || !inScope(scope, request.associationId)) throw verificationErrors.verificationNotFound();
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
      if (uploads.length === 0) throw verificationErrors.evidenceMissing();
      const snapshot = itemSnapshot(rowToContent(profile), input.itemType, input.itemType === 'title' ? null : input.itemId);
      if (!snapshot) throw verificationErrors.itemNotFound();
      if (input.associationId) {
        const org = await organisationsRepository.findById(input.associationId);
        if (!org || org.kind !== 'association') throw verificationErrors.associationNotFound();
      }
      // Files first (outside the transaction); removed again if the transaction fails.
      const stored = await Promise.all(uploads.map(async (u) => ({ ...u, ...(await evidenceStore.save(u.bytes)) })));
      try {
        const request = await db.transaction(async (tx) => {
          const itemId = input.itemType === 'title' ? null : (input.itemId ?? '');
          if (await repo.findPending(tx, profile.id, input.itemType, itemId)) throw verificationErrors.verificationPending();
          const row = await repo.insertRequest(tx, {
            profileId: profile.id,
            itemType: input.itemType,
            itemId: input.itemType === 'title' ? null : input.itemId,
            snapshot,
            associationId: input.associationId,
            note: input.note,
          });
          await repo.insertFiles(
            tx,
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
      const rows = await repo.listByProfile(profile.id);
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
      const rows = await repo.queue({
        status: q.status ?? 'pending',
        itemType: q.itemType,
        associationId: q.associationId,
        createdBefore: q.minAgeDays ? new Date(clock().getTime() - q.minAgeDays * DAY) : undefined,
        associationIds: scope.all ? null : scope.associationIds,
      });
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
            else await repo.updateRequest(tx, request.id, { status: 'withdrawn', updatedAt: now });
          });
          throw verificationErrors.itemChanged();
        }
      }
      const result = await db.transaction(async (tx) => {
        const profile = await profilesRepository.findById(request.profileId, tx);
        if (!profile) throw verificationErrors.verificationNotFound();
        const status = decision === 'approve' ? 'approved' : decision === 'reject' ? 'rejected' : 'changes_requested';
        if (decision === 'approve') {
          const current = itemSnapshot(rowToContent(profile), request.itemType, request.itemId);
          if (!current || hashSnapshot(current) !== hashSnapshot(request.snapshot)) throw verificationErrors.itemChanged();
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
        const row = await repo.updateRequest(tx, request.id, {
          status,
          reason: reason ?? null,
          decidedBy: scope.userId,
          decidedAt: now,
          updatedAt: now,
        });
        await auditService.record(tx, ctx, {
          action: `verification.${status}`,
          targetType: 'verification',
          targetId: request.id,
          details: { profileId: request.profileId, itemType: request.itemType, reason: reason ?? null },
        });
        return row;
      });
      const text = decisionText(request.itemType, decision, reason);
      await notify(request.profileId, { vi: 'Kết quả xác minh hồ sơ', en: 'Verification of your profile' }, text.vi, text.en);
      return view(result, await files([result.id]), clock());
    },

    /** An evidence file, for curators in scope and for the expert who sent it. */
    async evidence(ctx: RequestContext, fileId: string) {
      const file = await repo.findFile(fileId);
      if (!file) throw verificationErrors.evidenceNotFound();
      const request = await repo.findRequest(file.requestId);
      if (!request || !ctx.actor) throw verificationErrors.evidenceNotFound();
      const profile = await profilesRepository.findById(request.profileId);
      const owner = profile?.userId === ctx.actor.userId;
      if (!owner) {
        const scope = await curatorScope(ctx, organisationsRepository).catch(() => null);
        if (!scope || !inScope(scope, request.associationId)) throw verificationErrors.evidenceNotFound();
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
    requeueChanged: createRequeue({ verificationRepository: repo, auditService, clock }),

    /** Pending requests in scope, with their age and type (the dashboard). */
    pendingInScope: (associationIds: string[] | null) => repo.pending(associationIds),

    /** A merge: requests follow the person to the kept profile. */
    moveToProfile: (tx: DbOrTx, fromProfileId: string, toProfileId: string) => repo.moveToProfile(tx, fromProfileId, toProfileId),
  };
  return service;
}
export type VerificationService = ReturnType<typeof createVerificationService>;
