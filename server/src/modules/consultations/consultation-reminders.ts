import type { Database, DbOrTx, ScheduledJobRow } from '@hpen/db';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { Scheduler } from '../scheduler/scheduler.service.js';
import { link } from './consultation-core.js';
import type { ConsultationsRepository } from './consultations.repository.js';

export const REMINDER_JOB = 'consultation.reminder';
const DAY = 24 * 3600 * 1000;

type Policy = Awaited<ReturnType<ConsultationsRepository['policy']>>;

/**
 * Reminders for one panel seat: N days before the deadline (N from the case's policy), on the day,
 * and once overdue. The key holds the deadline, so each fires once per due time; a moved deadline
 * gives new keys.
 */
export async function scheduleReminders(
  scheduler: Scheduler,
  tx: DbOrTx,
  seat: { memberId: string; dueAt: Date; now: Date },
  policy: Policy,
) {
  const due = seat.dueAt.getTime();
  const stamp = seat.dueAt.toISOString();
  const plan: Array<[string, number]> = [
    ...(policy?.data.reminderDaysBefore ?? [2]).map((n): [string, number] => [`before-${n}`, due - n * DAY]),
    ['day', due],
    ['overdue', due + (policy?.data.overdueEveryDays ?? 1) * DAY],
  ];
  for (const [tag, at] of plan) {
    if (at < seat.now.getTime() && tag !== 'day' && tag !== 'overdue') continue; // a past "N days before" is pointless
    await scheduler.schedule(tx, {
      kind: REMINDER_JOB,
      key: `${seat.memberId}:${tag}:${stamp}`,
      dueAt: new Date(Math.max(at, seat.now.getTime())),
      payload: { memberId: seat.memberId, tag },
    });
  }
}

/** The handler: reminds only a member who still owes a review on an open case. */
export function registerReminderJob(
  scheduler: Scheduler,
  deps: { db: Database; consultationsRepository: ConsultationsRepository; notificationsService: NotificationsService },
) {
  scheduler.register(REMINDER_JOB, async (job: ScheduledJobRow) => {
    const { memberId, tag } = job.payload as { memberId: string; tag: string };
    const repo = deps.consultationsRepository;
    const found = await repo.findMember(memberId);
    if (!found || found.member.status !== 'accepted' || !found.userId) return;
    const c = await repo.find(found.member.consultationId);
    if (!c || !['panel_forming', 'in_review'].includes(c.status)) return;
    if ((await repo.review(memberId))?.submittedAt) return;
    const date = c.dueAt.toISOString().slice(0, 10);
    const vi = tag === 'overdue' ? `Đã quá hạn ${date}` : tag === 'day' ? `Hôm nay (${date}) là hạn nộp` : `Hạn nộp ${date}`;
    const en = tag === 'overdue' ? `Overdue since ${date}` : tag === 'day' ? `Due today (${date})` : `Due on ${date}`;
    await deps.db.transaction((tx) =>
      deps.notificationsService.notify(tx, [found.userId!], {
        kind: 'consultation.reminder',
        title: { vi: `Nhắc hạn ý kiến: ${c.title}`, en: `Review reminder: ${c.title}` },
        body: { vi: `${vi}. Vui lòng nộp ý kiến phản biện.`, en: `${en}. Please submit your review.` },
        link: link(c.id),
        data: { tag, consultationId: c.id },
      }),
    );
  });
}
