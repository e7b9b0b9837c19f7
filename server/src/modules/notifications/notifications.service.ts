import type { Database, DbOrTx, NotificationRow } from '@hpen/db';
import type { RequestContext } from '../../app/request-context.js';
import { forbidden } from '../../app/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Mailer } from '../mail/mail.service.js';
import type { Scheduler } from '../scheduler/scheduler.service.js';
import type { NotificationsRepository } from './notifications.repository.js';
import type { NotificationItem, NotificationPreferences } from './notifications.schemas.js';

export const EMAIL_JOB = 'notification.email';
export const DIGEST_JOB = 'notification.digest';
const DEFAULTS: NotificationPreferences = { email: true, dailyDigest: false, mutedKinds: [] };

export interface Notice {
  kind: string;
  title: { vi: string; en: string };
  body: { vi: string; en: string };
  /** A path in the web app. */
  link?: string;
  data?: Record<string, unknown>;
}

interface Deps {
  db: Database;
  notificationsRepository: NotificationsRepository;
  scheduler: Scheduler;
  mailer: Mailer;
  auditService: AuditService;
  publicUrl: string;
  clock: () => Date;
}

/**
 * One notification service for every workflow: an in-app row per recipient, and its e-mail as a
 * stored job written in the same transaction, so a failing SMTP server delays mail but never loses it.
 */
export function createNotificationsService(deps: Deps) {
  const { db, notificationsRepository: repo, scheduler, clock } = deps;

  const toItem = (n: NotificationRow): NotificationItem => {
    const en = (n.data.en ?? {}) as { title?: string; body?: string };
    return {
      id: n.id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      titleEn: en.title ?? n.title,
      bodyEn: en.body ?? n.body,
      link: n.link,
      readAt: n.readAt?.toISOString() ?? null,
      createdAt: n.createdAt.toISOString(),
    };
  };

  const me = (ctx: RequestContext) => {
    if (!ctx.actor) throw forbidden();
    return ctx.actor.userId;
  };

  return {
    /** In the caller's transaction: the notification exists exactly when the change it reports does. */
    async notify(tx: DbOrTx, userIds: string[], notice: Notice) {
      const unique = [...new Set(userIds)];
      const rows = await repo.insertMany(
        tx,
        unique.map((userId) => ({
          userId,
          kind: notice.kind,
          title: notice.title.vi,
          body: notice.body.vi,
          link: notice.link ?? null,
          data: { ...notice.data, en: { title: notice.title.en, body: notice.body.en } },
        })),
      );
      const prefs = new Map((await repo.preferencesOf(unique, tx)).map((p) => [p.userId, p]));
      const now = clock();
      for (const row of rows) {
        const p = prefs.get(row.userId) ?? DEFAULTS;
        if (!p.email || p.dailyDigest || p.mutedKinds.includes(notice.kind)) continue;
        await scheduler.schedule(tx, { kind: EMAIL_JOB, key: row.id, dueAt: now, payload: { notificationId: row.id } });
      }
      return rows.length;
    },

    async list(ctx: RequestContext, query: { unread?: 'true' | 'false' | undefined; limit: number }) {
      const userId = me(ctx);
      const rows = await repo.list(userId, query.limit, query.unread === 'true');
      return { items: rows.map(toItem), unread: await repo.unreadCount(userId) };
    },

    unreadCount: async (ctx: RequestContext) => ({ unread: await repo.unreadCount(me(ctx)) }),

    async markRead(ctx: RequestContext, ids: string[] | undefined) {
      const userId = me(ctx);
      await repo.markRead(db, userId, ids ?? null, clock());
      return { unread: await repo.unreadCount(userId) };
    },

    async preferences(ctx: RequestContext): Promise<NotificationPreferences> {
      const [p] = await repo.preferencesOf([me(ctx)]);
      return p ? { email: p.email, dailyDigest: p.dailyDigest, mutedKinds: p.mutedKinds } : DEFAULTS;
    },

    async savePreferences(ctx: RequestContext, body: NotificationPreferences) {
      const userId = me(ctx);
      return db.transaction(async (tx) => {
        const row = await repo.savePreferences(tx, { userId, ...body });
        await deps.auditService.record(tx, ctx, {
          action: 'notifications.preferences_saved',
          targetType: 'user',
          targetId: userId,
          details: body,
        });
        return { email: row.email, dailyDigest: row.dailyDigest, mutedKinds: row.mutedKinds };
      });
    },

    /** The e-mail of one notification; throws (and the scheduler retries) when the mailer fails. */
    async sendEmail(notificationId: string) {
      const found = await repo.withRecipient(notificationId);
      if (!found) return;
      const item = toItem(found.notification);
      const en = found.locale === 'en';
      const link = item.link ? `\n${deps.publicUrl}${item.link}\n` : '';
      await deps.mailer.send({
        to: found.email,
        subject: en ? item.titleEn : item.title,
        text: `${en ? item.bodyEn : item.body}\n${link}\n----\n\n${en ? item.title : item.titleEn}\n\n${en ? item.body : item.bodyEn}\n`,
      });
      await repo.markMailed(notificationId, clock());
    },

    /** One e-mail per digest user with everything since their last digest. */
    async sendDigests() {
      for (const r of await repo.digestRecipients()) {
        const items = (await repo.undigested(r.userId)).map(toItem);
        if (items.length === 0) continue;
        const en = r.locale === 'en';
        const lines = items.map((i) => `- ${en ? i.titleEn : i.title}${i.link ? `: ${deps.publicUrl}${i.link}` : ''}`);
        await deps.mailer.send({
          to: r.email,
          subject: en ? `Your daily summary (${items.length})` : `Tóm tắt trong ngày (${items.length})`,
          text: `${lines.join('\n')}\n`,
        });
        await repo.markDigested(
          items.map((i) => i.id),
          clock(),
        );
      }
    },
  };
}
export type NotificationsService = ReturnType<typeof createNotificationsService>;

/** The digest runs daily at 07:00 in Hải Phòng (00:00 UTC); keyed by the day, so one per day, also across restarts. */
export function registerNotificationJobs(scheduler: Scheduler, service: NotificationsService, db: DbOrTx, clock: () => Date) {
  const nextDigest = () => {
    const now = clock();
    const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
    return scheduler.schedule(db, { kind: DIGEST_JOB, key: at.toISOString().slice(0, 10), dueAt: at });
  };
  scheduler.register(EMAIL_JOB, async (job) => service.sendEmail(String(job.payload.notificationId)));
  scheduler.register(DIGEST_JOB, async () => {
    await service.sendDigests();
    await nextDigest();
  });
  return { ensureDigestScheduled: nextDigest };
}
