import type { Database, DbOrTx, ScheduledJobRow } from '@hpen/db';
import { type RequestContext, systemContext } from '../../app/request-context.js';
import { forbidden } from '../../app/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { ProfilesService } from '../profiles/profiles.service.js';
import type { Scheduler } from '../scheduler/scheduler.service.js';
import type { UsersRepository } from '../users/users.repository.js';
import type { PrivacyPolicyService } from './privacy-policy.service.js';
import { privacyErrors } from './privacy.errors.js';
import type { PrivacyRepository } from './privacy.repository.js';

export const RETENTION_SCAN_JOB = 'privacy.retention.scan';
export const RETENTION_EXPIRE_JOB = 'privacy.retention.expire';
const DAY = 86_400_000;

interface Deps {
  db: Database;
  privacyRepository: PrivacyRepository;
  policyService: PrivacyPolicyService;
  profilesService: Pick<ProfilesService, 'setListedForUser'>;
  usersRepository: UsersRepository;
  auditService: AuditService;
  notificationsService: NotificationsService;
  scheduler: Scheduler;
  clock: () => Date;
}

/**
 * Storage limitation: a profile untouched for N years (policy) is asked to confirm (in-app and by
 * e-mail through the notifications service); without an answer after the grace days it leaves
 * the public directory (listed = false), nothing is deleted. Confirming brings it back.
 */
export function createRetentionService(deps: Deps) {
  const { db, privacyRepository: repo, scheduler, clock } = deps;

  return {
    /** Daily: asks the owners of stale profiles to confirm, and schedules the expiry of each request. */
    async scan(): Promise<number> {
      const { rules } = await deps.policyService.current();
      const now = clock();
      const before = new Date(now.getTime() - rules.retention.untouchedYears * 365.25 * DAY);
      const stale = await repo.staleProfiles(before, 200);
      for (const p of stale) {
        if (!p.userId) continue;
        const userId = p.userId;
        await db.transaction(async (tx) => {
          await repo.markConfirmRequested(tx, p.profileId, now);
          await deps.notificationsService.notify(tx, [userId], {
            kind: 'privacy.confirm_profile',
            title: { vi: 'Xin xác nhận hồ sơ của bạn', en: 'Please confirm your profile' },
            body: {
              vi: `Hồ sơ của bạn chưa được cập nhật trong ${rules.retention.untouchedYears} năm. Hãy xác nhận hoặc cập nhật trong ${rules.retention.graceDays} ngày; nếu không, hồ sơ sẽ rời khỏi danh bạ công khai (không bị xoá).`,
              en: `Your profile has not been updated for ${rules.retention.untouchedYears} years. Confirm or update it within ${rules.retention.graceDays} days; otherwise it leaves the public directory (it is not deleted).`,
            },
            link: '/account/privacy',
          });
          await scheduler.schedule(tx, {
            kind: RETENTION_EXPIRE_JOB,
            key: `${p.profileId}:${now.toISOString()}`,
            dueAt: new Date(now.getTime() + rules.retention.graceDays * DAY),
            payload: { profileId: p.profileId, requestedAt: now.toISOString() },
          });
          await deps.auditService.record(tx, systemContext, {
            action: 'privacy.confirm_requested',
            targetType: 'expert_profile',
            targetId: p.profileId,
          });
        });
      }
      return stale.length;
    },

    /** The grace period ended: unlist unless the owner confirmed (or edited the profile) since. */
    async expire(job: ScheduledJobRow) {
      const { profileId, requestedAt } = job.payload as { profileId: string; requestedAt: string };
      const p = await repo.findProfile(profileId);
      if (!p?.userId || !p.confirmRequestedAt || p.confirmRequestedAt.toISOString() !== requestedAt) return;
      if (p.updatedAt > p.confirmRequestedAt) return;
      const userId = p.userId;
      await db.transaction((tx) => deps.profilesService.setListedForUser(tx, systemContext, userId, false));
    },

    /** The owner confirms the profile is current: touched now, back in the directory if the account allows it. */
    async confirm(ctx: RequestContext) {
      if (!ctx.actor) throw forbidden();
      const userId = ctx.actor.userId;
      await db.transaction(async (tx: DbOrTx) => {
        const p = await repo.findProfileOfUser(userId, tx);
        if (!p) throw privacyErrors.noProfile();
        await repo.confirmProfile(tx, p.id, clock());
        await deps.auditService.record(tx, ctx, { action: 'privacy.profile_confirmed', targetType: 'expert_profile', targetId: p.id });
        const user = await deps.usersRepository.findById(userId, tx);
        if (!p.listed && user?.status === 'active' && user.emailVerifiedAt)
          await deps.profilesService.setListedForUser(tx, ctx, userId, true);
      });
    },

    /** The scan runs daily at 02:00 UTC, keyed by the day (one per day, also across restarts). */
    ensureScheduled() {
      const now = clock();
      const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 2));
      return scheduler.schedule(db, { kind: RETENTION_SCAN_JOB, key: at.toISOString().slice(0, 10), dueAt: at });
    },
  };
}
export type RetentionService = ReturnType<typeof createRetentionService>;
