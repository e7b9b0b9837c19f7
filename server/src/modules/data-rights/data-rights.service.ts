import type { Database, DbOrTx } from '@hpen/db';
import type { RequestContext } from '../../app/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import type { AuthRepository } from '../auth/auth.repository.js';
import type { OutboxRepository } from '../outbox/outbox.repository.js';
import type { ProfilesRepository } from '../profiles/profiles.repository.js';
import type { ProfilesService } from '../profiles/profiles.service.js';
import { toOwnProfile } from '../profiles/profiles.service.js';
import type { SessionsService } from '../auth/sessions.service.js';
import { toMe } from '../users/users.mappers.js';
import type { UsersRepository } from '../users/users.repository.js';
import { usersErrors } from '../users/users.errors.js';
import type { DataRightsRepository } from './data-rights.repository.js';
import type { DataExport } from './data-rights.schemas.js';

interface Deps {
  db: Database;
  usersRepository: UsersRepository;
  authRepository: AuthRepository;
  profilesRepository: ProfilesRepository;
  profilesService: ProfilesService;
  sessionsService: Pick<SessionsService, 'listSessions'>;
  auditService: AuditService;
  outboxRepository: OutboxRepository;
  dataRightsRepository: DataRightsRepository;
  /** Evidence files on disk (DATA_DIR/evidence): the rows cascade, the files must go too. */
  evidenceStore: { removeAll(storageKeys: string[]): Promise<string[]> };
  /** The dev mail outbox keeps copies of the person's messages. */
  mailer?: { forget?(address: string): Promise<void> };
  logger?: { error(obj: object, msg?: string): void };
  clock?: () => Date;
  /** Self-service export and erasure are logged as fulfilled data-subject requests (same transaction). */
  logSelfService?: (
    tx: DbOrTx,
    ctx: RequestContext,
    input: { userId: string; type: 'access' | 'deletion'; details: string },
  ) => Promise<void>;
}

/** Rights of the data subject: access (export), consent history, erasure. */
export function createDataRightsService(deps: Deps) {
  const { db, usersRepository, authRepository, profilesRepository, auditService, outboxRepository } = deps;
  const clock = deps.clock ?? (() => new Date());

  const actorOf = (ctx: RequestContext) => {
    if (!ctx.actor) throw new Error('data rights need an authenticated actor');
    return ctx.actor;
  };

  async function consents(userId: string) {
    return (await authRepository.listConsents(userId)).map((c) => ({
      id: c.id,
      purpose: c.purpose,
      noticeVersion: c.noticeVersion,
      action: c.action,
      method: c.method,
      evidence: c.evidence,
      createdAt: c.createdAt.toISOString(),
      ip: c.ip,
      userAgent: c.userAgent,
    }));
  }

  /** After the commit: a file that cannot go is logged (by key only) for an operator, never a failed request. */
  async function eraseFiles({ evidenceKeys, email }: { evidenceKeys: string[]; email: string }) {
    const left = await deps.evidenceStore.removeAll(evidenceKeys);
    if (left.length) deps.logger?.error({ storageKeys: left }, 'erasure: evidence files could not be removed');
    await deps.mailer?.forget?.(email).catch((error: unknown) => deps.logger?.error({ err: String(error) }, 'erasure: dev mail copies'));
  }

  return {
    consents: (ctx: RequestContext) => consents(actorOf(ctx).userId),

    async exportData(ctx: RequestContext): Promise<DataExport> {
      const actor = actorOf(ctx);
      const user = await usersRepository.findById(actor.userId);
      if (!user) throw usersErrors.notFound();
      const profile = await profilesRepository.findByUserId(actor.userId);
      const [consentList, history, sessions, activity] = await Promise.all([
        consents(actor.userId),
        profile ? deps.profilesService.history(ctx) : Promise.resolve([]),
        deps.sessionsService.listSessions(ctx),
        auditService.listForSubject({ userId: actor.userId, targetIds: [actor.userId, ...(profile ? [profile.id] : [])] }),
      ]);
      if (deps.logSelfService) {
        const log = deps.logSelfService;
        await db.transaction((tx) => log(tx, ctx, { userId: actor.userId, type: 'access', details: 'Downloaded my data (JSON export)' }));
      }
      return {
        format: 'hpen-export/1',
        exportedAt: clock().toISOString(),
        account: toMe(user),
        consents: consentList,
        profile: profile ? toOwnProfile(profile) : null,
        profileHistory: history,
        sessions,
        activity: activity.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
      };
    },

    /**
     * Withdraws consent and erases the account: the user, profile, history, sessions and
     * consents go (cascade), the evidence files and dev mail copies are deleted after the commit,
     * the search index follows through the outbox, and the audit log keeps only an opaque tombstone.
     */
    async deleteAccount(ctx: RequestContext): Promise<void> {
      const actor = actorOf(ctx);
      const erased = await db.transaction(async (tx) => {
        const user = await usersRepository.findById(actor.userId, tx);
        if (!user) throw usersErrors.notFound();
        if (user.role === 'admin' && user.status === 'active' && (await usersRepository.countActiveAdmins(tx)) <= 1)
          throw usersErrors.lastAdmin();
        const profile = await profilesRepository.findByUserId(actor.userId, tx);
        const targetIds = [actor.userId, ...(profile ? [profile.id] : [])];
        const evidenceKeys = profile ? await deps.dataRightsRepository.evidenceKeysOfProfile(tx, profile.id) : [];
        // The request outlives the account (user_id set null): the record that erasure was done.
        // Logged before the redaction, which then strips its IP like every other entry of theirs.
        await deps.logSelfService?.(tx, ctx, { userId: actor.userId, type: 'deletion', details: 'Deleted my account and profile' });
        await auditService.redactForSubject(tx, { userId: actor.userId, targetIds });
        await usersRepository.delete(tx, actor.userId);
        await auditService.record(
          tx,
          { ...ctx, ip: null, userAgent: null },
          {
            action: 'user.deleted',
            targetType: 'user',
            targetId: actor.userId,
            details: { profileId: profile?.id ?? null, consentWithdrawn: true },
          },
        );
        if (profile)
          await outboxRepository.enqueue(tx, { topic: 'profile.deleted', aggregateType: 'expert_profile', aggregateId: profile.id });
        return { evidenceKeys, email: user.email };
      });
      await eraseFiles(erased);
    },
  };
}
export type DataRightsService = ReturnType<typeof createDataRightsService>;
