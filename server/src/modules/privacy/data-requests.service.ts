import type { Database, DbOrTx, ScheduledJobRow } from '@hpen/db';
import type { RequestContext } from '../../app/request-context.js';
import { forbidden } from '../../app/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { Scheduler } from '../scheduler/scheduler.service.js';
import { addCalendarDays, requestClocks } from './privacy-clock.js';
import type { PrivacyPolicyService } from './privacy-policy.service.js';
import { privacyErrors } from './privacy.errors.js';
import type { DataRequestWithSubject, PrivacyRepository } from './privacy.repository.js';
import type { DataRequestAction, DataRequestType, DataRequestView } from './privacy.schemas.js';

export const REQUEST_REMINDER_JOB = 'privacy.request.reminder';
const DAY = 86_400_000;
const OPEN = new Set(['received', 'acknowledged', 'extended']);

interface Deps {
  db: Database;
  privacyRepository: PrivacyRepository;
  policyService: PrivacyPolicyService;
  auditService: AuditService;
  notificationsService: NotificationsService;
  scheduler: Scheduler;
  clock: () => Date;
}

export function toRequestView(r: DataRequestWithSubject, now: Date): DataRequestView {
  const open = OPEN.has(r.status);
  return {
    id: r.id,
    userId: r.userId,
    subjectName: r.subjectName,
    subjectEmail: r.subjectEmail,
    type: r.type as DataRequestType,
    status: r.status as DataRequestView['status'],
    details: r.details,
    purpose: r.purpose,
    involvesProcessors: r.involvesProcessors,
    selfService: r.selfService,
    policyVersion: r.policyVersion,
    receivedAt: r.receivedAt.toISOString(),
    acknowledgeBy: r.acknowledgeBy.toISOString(),
    dueAt: r.dueAt.toISOString(),
    acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
    extendedAt: r.extendedAt?.toISOString() ?? null,
    extensionReason: r.extensionReason,
    completedAt: r.completedAt?.toISOString() ?? null,
    outcome: r.outcome,
    overdue: open && (now > r.dueAt || (!r.acknowledgedAt && now > r.acknowledgeBy)),
  };
}

/**
 * Data-subject requests (Law 91/2025 Art. 4; Decree 356/2025): filed by the subject, timed by the
 * policy row current at receipt (acknowledge within N working days, complete within the type's
 * days, one extension), handled by admins, each step audited and the subject notified.
 * Self-service actions (export, erasure, consent withdrawal) are logged as fulfilled at once.
 */
export function createDataRequestsService(deps: Deps) {
  const { db, privacyRepository: repo, auditService, notificationsService, scheduler, clock } = deps;

  const me = (ctx: RequestContext) => {
    if (!ctx.actor) throw forbidden();
    return ctx.actor.userId;
  };
  const link = (id: string) => `/admin/privacy/requests?focus=${id}`;

  /** Reminders N days before each deadline and when it passes; the key holds the deadline, so a moved one gives new jobs. */
  async function scheduleReminders(tx: DbOrTx, id: string, milestone: 'acknowledge' | 'complete', deadline: Date, daysBefore: number) {
    const now = clock().getTime();
    const plan: Array<[string, number]> = [
      [`before-${daysBefore}`, deadline.getTime() - daysBefore * DAY],
      ['overdue', deadline.getTime() + 1],
    ];
    for (const [tag, at] of plan) {
      if (tag !== 'overdue' && at < now) continue;
      await scheduler.schedule(tx, {
        kind: REQUEST_REMINDER_JOB,
        key: `${id}:${milestone}:${tag}:${deadline.toISOString()}`,
        dueAt: new Date(Math.max(at, now)),
        payload: { requestId: id, milestone, deadline: deadline.toISOString(), tag },
      });
    }
  }

  async function load(id: string, tx: DbOrTx = db) {
    const found = await repo.findRequest(id, tx);
    if (!found) throw privacyErrors.requestNotFound();
    return found;
  }

  return {
    async file(
      ctx: RequestContext,
      body: { type: DataRequestType; details: string; purpose?: string | undefined },
    ): Promise<DataRequestView> {
      const userId = me(ctx);
      const id = await db.transaction(async (tx) => {
        const policy = await deps.policyService.current(tx);
        const receivedAt = clock();
        const clocks = requestClocks(policy.rules, body.type, receivedAt, false);
        const row = await repo.insertRequest(tx, {
          userId,
          type: body.type,
          status: 'received',
          details: body.details,
          purpose: body.purpose ?? null,
          policyId: policy.id,
          receivedAt,
          ...clocks,
        });
        await auditService.record(tx, ctx, {
          action: 'data_request.filed',
          targetType: 'data_request',
          targetId: row.id,
          details: { type: body.type, policyVersion: policy.version, acknowledgeBy: clocks.acknowledgeBy, dueAt: clocks.dueAt },
        });
        await notificationsService.notify(tx, await repo.adminIds(tx), {
          kind: 'privacy.request_filed',
          title: { vi: 'Yêu cầu mới về dữ liệu cá nhân', en: 'New personal-data request' },
          body: {
            vi: `Loại: ${body.type}. Xác nhận trước ${clocks.acknowledgeBy.toISOString().slice(0, 10)}, hoàn thành trước ${clocks.dueAt.toISOString().slice(0, 10)}.`,
            en: `Type: ${body.type}. Acknowledge by ${clocks.acknowledgeBy.toISOString().slice(0, 10)}, complete by ${clocks.dueAt.toISOString().slice(0, 10)}.`,
          },
          link: link(row.id),
        });
        await scheduleReminders(tx, row.id, 'acknowledge', clocks.acknowledgeBy, policy.rules.reminderDaysBefore);
        await scheduleReminders(tx, row.id, 'complete', clocks.dueAt, policy.rules.reminderDaysBefore);
        return row.id;
      });
      return toRequestView(await load(id), clock());
    },

    /** A self-service action done at once, recorded as a fulfilled request in the caller's transaction. */
    async logSelfService(
      tx: DbOrTx,
      ctx: RequestContext,
      input: { userId: string; type: DataRequestType; purpose?: string; details: string },
    ) {
      const policy = await deps.policyService.current(tx);
      const now = clock();
      const row = await repo.insertRequest(tx, {
        userId: input.userId,
        type: input.type,
        status: 'fulfilled',
        details: input.details,
        purpose: input.purpose ?? null,
        selfService: true,
        policyId: policy.id,
        receivedAt: now,
        ...requestClocks(policy.rules, input.type, now, false),
        acknowledgedAt: now,
        completedAt: now,
        outcome: 'Completed at once by self-service',
      });
      await auditService.record(tx, ctx, {
        action: 'data_request.fulfilled',
        targetType: 'data_request',
        targetId: row.id,
        details: { type: input.type, selfService: true, purpose: input.purpose ?? null },
      });
    },

    async mine(ctx: RequestContext): Promise<DataRequestView[]> {
      const now = clock();
      return (await repo.requestsOf(me(ctx))).map((r) => toRequestView(r, now));
    },

    async queue(status: 'open' | 'closed' | 'all'): Promise<DataRequestView[]> {
      const now = clock();
      return (await repo.queue(status)).map((r) => toRequestView(r, now));
    },

    async act(ctx: RequestContext, id: string, body: DataRequestAction): Promise<DataRequestView> {
      await db.transaction(async (tx) => {
        const r = await load(id, tx);
        if (!OPEN.has(r.status)) throw privacyErrors.badTransition(r.status, body.action);
        const policy = await deps.policyService.byId(r.policyId, tx);
        const now = clock();
        const handledBy = ctx.actor?.userId ?? null;
        let subjectNotice: { vi: string; en: string };
        if (body.action === 'acknowledge') {
          if (r.status !== 'received') throw privacyErrors.badTransition(r.status, body.action);
          const involvesProcessors = body.involvesProcessors ?? r.involvesProcessors;
          const dueAt = requestClocks(policy.rules, r.type as DataRequestType, r.receivedAt, involvesProcessors).dueAt;
          await repo.updateRequest(tx, id, { status: 'acknowledged', acknowledgedAt: now, involvesProcessors, dueAt, handledBy });
          if (dueAt.getTime() !== r.dueAt.getTime()) await scheduleReminders(tx, id, 'complete', dueAt, policy.rules.reminderDaysBefore);
          subjectNotice = {
            vi: `Yêu cầu của bạn đã được tiếp nhận; hạn hoàn thành ${dueAt.toISOString().slice(0, 10)}.`,
            en: `Your request was acknowledged; it will be completed by ${dueAt.toISOString().slice(0, 10)}.`,
          };
        } else if (body.action === 'extend') {
          const { maxDays, maxCount } = policy.rules.extension;
          if (r.extendedAt || maxCount < 1 || body.days > maxDays) throw privacyErrors.extensionNotAllowed(maxDays);
          const dueAt = addCalendarDays(r.dueAt, body.days);
          await repo.updateRequest(tx, id, {
            status: 'extended',
            extendedAt: now,
            extensionReason: body.reason,
            dueAt,
            acknowledgedAt: r.acknowledgedAt ?? now,
            handledBy,
          });
          await scheduleReminders(tx, id, 'complete', dueAt, policy.rules.reminderDaysBefore);
          subjectNotice = {
            vi: `Thời hạn xử lý yêu cầu được gia hạn đến ${dueAt.toISOString().slice(0, 10)}: ${body.reason}`,
            en: `The request's deadline was extended to ${dueAt.toISOString().slice(0, 10)}: ${body.reason}`,
          };
        } else {
          const status = body.action === 'fulfil' ? 'fulfilled' : 'rejected';
          await repo.updateRequest(tx, id, {
            status,
            completedAt: now,
            outcome: body.outcome,
            acknowledgedAt: r.acknowledgedAt ?? now,
            handledBy,
          });
          subjectNotice = {
            vi: `Yêu cầu của bạn đã được ${status === 'fulfilled' ? 'thực hiện' : 'từ chối'}: ${body.outcome}`,
            en: `Your request was ${status === 'fulfilled' ? 'fulfilled' : 'refused'}: ${body.outcome}`,
          };
        }
        await auditService.record(tx, ctx, {
          action: `data_request.${body.action === 'fulfil' ? 'fulfilled' : body.action === 'reject' ? 'rejected' : body.action === 'extend' ? 'extended' : 'acknowledged'}`,
          targetType: 'data_request',
          targetId: id,
          details: { ...body, type: r.type },
        });
        if (r.userId)
          await notificationsService.notify(tx, [r.userId], {
            kind: 'privacy.request_update',
            title: { vi: 'Yêu cầu về dữ liệu cá nhân của bạn', en: 'Your personal-data request' },
            body: subjectNotice,
            link: '/account/privacy',
          });
      });
      return toRequestView(await load(id), clock());
    },

    /** Scheduler handler: reminds admins while the milestone is still open at the same deadline. */
    async remind(job: ScheduledJobRow) {
      const { requestId, milestone, deadline, tag } = job.payload as {
        requestId: string;
        milestone: string;
        deadline: string;
        tag: string;
      };
      const r = await repo.findRequest(requestId);
      if (!r || !OPEN.has(r.status)) return;
      if (milestone === 'acknowledge' && r.acknowledgedAt) return;
      const current = milestone === 'acknowledge' ? r.acknowledgeBy : r.dueAt;
      if (current.toISOString() !== deadline) return;
      const date = deadline.slice(0, 10);
      const what = milestone === 'acknowledge' ? { vi: 'xác nhận', en: 'acknowledge' } : { vi: 'hoàn thành', en: 'complete' };
      await db.transaction(async (tx) =>
        notificationsService.notify(tx, await repo.adminIds(tx), {
          kind: 'privacy.request_reminder',
          title: {
            vi: tag === 'overdue' ? `Quá hạn ${what.vi} yêu cầu dữ liệu (${date})` : `Sắp đến hạn ${what.vi} yêu cầu dữ liệu (${date})`,
            en: tag === 'overdue' ? `Data request overdue to ${what.en} (${date})` : `Data request: ${what.en} by ${date}`,
          },
          body: { vi: `${r.type} — ${r.subjectName ?? ''}`, en: `${r.type} — ${r.subjectName ?? ''}` },
          link: link(r.id),
          data: { requestId: r.id, milestone, tag },
        }),
      );
    },
  };
}
export type DataRequestsService = ReturnType<typeof createDataRequestsService>;
