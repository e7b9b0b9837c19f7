import type { Database, DataBreachRow, ScheduledJobRow } from '@hpen/db';
import type { RequestContext } from '../../app/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { Scheduler } from '../scheduler/scheduler.service.js';
import { breachNotifyBy } from './privacy-clock.js';
import type { PrivacyPolicyService } from './privacy-policy.service.js';
import { privacyErrors } from './privacy.errors.js';
import type { PrivacyRepository } from './privacy.repository.js';
import type { BreachView, newBreachBodySchema, updateBreachBodySchema } from './privacy.schemas.js';
import type { z } from 'zod';

export const BREACH_REMINDER_JOB = 'privacy.breach.reminder';
const HOUR = 3_600_000;

interface Deps {
  db: Database;
  privacyRepository: PrivacyRepository;
  policyService: PrivacyPolicyService;
  auditService: AuditService;
  notificationsService: NotificationsService;
  scheduler: Scheduler;
  clock: () => Date;
}

const toView = ({ breach: b, policyVersion }: { breach: DataBreachRow; policyVersion: string }, now: Date): BreachView => ({
  id: b.id,
  title: b.title,
  description: b.description,
  dataCategories: b.dataCategories,
  peopleAffected: b.peopleAffected,
  detectedAt: b.detectedAt.toISOString(),
  notifyBy: b.notifyBy.toISOString(),
  status: b.status as BreachView['status'],
  authorityNotifiedAt: b.authorityNotifiedAt?.toISOString() ?? null,
  subjectsNotifiedAt: b.subjectsNotifiedAt?.toISOString() ?? null,
  notifiedParties: b.notifiedParties,
  measures: b.measures,
  policyVersion,
  overdue: !b.authorityNotifiedAt && b.status !== 'closed' && now > b.notifyBy,
  createdAt: b.createdAt.toISOString(),
});

/** The personal-data breach register: a notification clock (policy: 72 h) from detection, reminders, states, audit. */
export function createBreachesService(deps: Deps) {
  const { db, privacyRepository: repo, auditService, notificationsService, scheduler, clock } = deps;
  const link = (id: string) => `/admin/privacy/breaches?focus=${id}`;

  async function load(id: string) {
    const found = await repo.findBreach(id);
    if (!found) throw privacyErrors.breachNotFound();
    return found;
  }

  return {
    list: async () => {
      const now = clock();
      return (await repo.listBreaches()).map((r) => toView(r, now));
    },
    get: async (id: string) => toView(await load(id), clock()),

    async create(ctx: RequestContext, body: z.infer<typeof newBreachBodySchema>): Promise<BreachView> {
      const id = await db.transaction(async (tx) => {
        const policy = await deps.policyService.current(tx);
        const detectedAt = new Date(body.detectedAt);
        const notifyBy = breachNotifyBy(policy.rules, detectedAt);
        const row = await repo.insertBreach(tx, {
          ...body,
          detectedAt,
          notifyBy,
          status: 'detected',
          policyId: policy.id,
          createdBy: ctx.actor?.userId ?? null,
        });
        await auditService.record(tx, ctx, {
          action: 'privacy.breach_recorded',
          targetType: 'data_breach',
          targetId: row.id,
          details: { detectedAt, notifyBy, peopleAffected: body.peopleAffected, policyVersion: policy.version },
        });
        const now = clock().getTime();
        for (const [tag, at] of [
          ['before-24h', notifyBy.getTime() - 24 * HOUR],
          ['overdue', notifyBy.getTime() + 1],
        ] as const) {
          await scheduler.schedule(tx, {
            kind: BREACH_REMINDER_JOB,
            key: `${row.id}:${tag}`,
            dueAt: new Date(Math.max(at, now)),
            payload: { breachId: row.id, tag },
          });
        }
        await notificationsService.notify(tx, await repo.adminIds(tx), {
          kind: 'privacy.breach_recorded',
          title: { vi: `Sự cố dữ liệu cá nhân: ${body.title}`, en: `Personal-data breach: ${body.title}` },
          body: {
            vi: `Phải thông báo trước ${notifyBy.toISOString()} (${policy.rules.breach.notifyHours} giờ từ khi phát hiện).`,
            en: `Notify by ${notifyBy.toISOString()} (${policy.rules.breach.notifyHours} hours from detection).`,
          },
          link: link(row.id),
        });
        return row.id;
      });
      return toView(await load(id), clock());
    },

    async update(ctx: RequestContext, id: string, body: z.infer<typeof updateBreachBodySchema>): Promise<BreachView> {
      await db.transaction(async (tx) => {
        const found = await repo.findBreach(id, tx);
        if (!found) throw privacyErrors.breachNotFound();
        const { authorityNotifiedAt, subjectsNotifiedAt, ...rest } = body;
        const values: Parameters<typeof repo.updateBreach>[2] = { ...rest };
        if (authorityNotifiedAt !== undefined) values.authorityNotifiedAt = authorityNotifiedAt ? new Date(authorityNotifiedAt) : null;
        if (subjectsNotifiedAt !== undefined) values.subjectsNotifiedAt = subjectsNotifiedAt ? new Date(subjectsNotifiedAt) : null;
        // Recording the authority's notification moves an open breach to "notified" unless a state is given.
        if (authorityNotifiedAt && !body.status && ['detected', 'assessing'].includes(found.breach.status)) values.status = 'notified';
        await repo.updateBreach(tx, id, values);
        await auditService.record(tx, ctx, { action: 'privacy.breach_updated', targetType: 'data_breach', targetId: id, details: body });
      });
      return toView(await load(id), clock());
    },

    /** Scheduler handler: reminds admins while the authority has not been notified. */
    async remind(job: ScheduledJobRow) {
      const { breachId, tag } = job.payload as { breachId: string; tag: string };
      const found = await repo.findBreach(breachId);
      if (!found || found.breach.authorityNotifiedAt || found.breach.status === 'closed') return;
      const b = found.breach;
      await db.transaction(async (tx) =>
        notificationsService.notify(tx, await repo.adminIds(tx), {
          kind: 'privacy.breach_reminder',
          title: {
            vi: tag === 'overdue' ? `Quá hạn thông báo sự cố: ${b.title}` : `Còn 24 giờ để thông báo sự cố: ${b.title}`,
            en: tag === 'overdue' ? `Breach notification overdue: ${b.title}` : `24 hours left to notify: ${b.title}`,
          },
          body: { vi: `Hạn: ${b.notifyBy.toISOString()}`, en: `Deadline: ${b.notifyBy.toISOString()}` },
          link: link(b.id),
        }),
      );
    },
  };
}
export type BreachesService = ReturnType<typeof createBreachesService>;
