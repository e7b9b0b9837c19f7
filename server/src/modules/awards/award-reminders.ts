import type { AwardRoundRow, DbOrTx, ScheduledJobRow } from '@hpen/db';
import type { Scheduler } from '../scheduler/scheduler.service.js';
import { type AwardsCore, nominationLink } from './awards-core.js';

export const AWARD_REMINDER_JOB = 'award.reminder';
const DAY = 86_400_000;
/** Days before the nomination window closes, and before a phase ends, that a reminder goes out. */
export const WINDOW_REMINDER_DAYS = 3;
export const PHASE_REMINDER_DAYS = 2;

type Payload = { roundId: string; kind: 'window' | 'phase'; phase?: number; stamp: string };

/**
 * Phase reminders through the scheduler: nominators whose nomination is still a draft hear that
 * the window closes soon; council members who still owe scores or ballots hear that the phase
 * ends soon. The job key holds the date, so a moved date gives a new job and the old one, finding
 * the date changed, does nothing.
 */
export function createAwardReminders(core: AwardsCore, scheduler: Scheduler) {
  const { repo, deps } = core;

  async function scheduleRound(tx: DbOrTx, round: AwardRoundRow) {
    const now = deps.clock().getTime();
    const plan: Array<{ key: string; at: number; payload: Payload }> = [
      {
        key: `${round.id}:window:${round.nominationClosesAt.toISOString()}`,
        at: round.nominationClosesAt.getTime() - WINDOW_REMINDER_DAYS * DAY,
        payload: { roundId: round.id, kind: 'window', stamp: round.nominationClosesAt.toISOString() },
      },
      ...round.phases.map((p) => ({
        key: `${round.id}:phase-${p.n}:${p.endsAt}`,
        at: Date.parse(p.endsAt) - PHASE_REMINDER_DAYS * DAY,
        payload: { roundId: round.id, kind: 'phase' as const, phase: p.n, stamp: p.endsAt },
      })),
    ];
    for (const job of plan) {
      // A deadline already past needs no reminder; one closer than the lead time is reminded now.
      if (Date.parse(job.payload.stamp) <= now) continue;
      await scheduler.schedule(tx, {
        kind: AWARD_REMINDER_JOB,
        key: job.key,
        dueAt: new Date(Math.max(job.at, now)),
        payload: job.payload,
      });
    }
  }

  async function remind(job: Pick<ScheduledJobRow, 'payload'>) {
    const p = job.payload as Payload;
    const round = await repo.findRound(p.roundId);
    if (!round || round.status === 'decided') return 0;
    const award = (await repo.findAward(round.awardId))!;
    const nominations = await repo.nominationsOfRound(round.id);
    if (p.kind === 'window') {
      if (round.nominationClosesAt.toISOString() !== p.stamp || round.nominationClosesAt.getTime() < deps.clock().getTime()) return 0;
      const drafts = nominations.filter((n) => n.status === 'draft' && n.createdBy);
      const date = p.stamp.slice(0, 10);
      await deps.db.transaction(async (tx) => {
        for (const n of drafts)
          await deps.notificationsService.notify(tx, [n.createdBy!], {
            kind: 'award.reminder',
            title: { vi: `Sắp hết hạn nhận hồ sơ: ${award.titleVi}`, en: `Nominations close soon: ${award.titleEn}` },
            body: {
              vi: `Hồ sơ «${n.work.title}» còn là bản nháp; hạn nộp ${date}.`,
              en: `«${n.work.title}» is still a draft; nominations close on ${date}.`,
            },
            link: nominationLink(n),
            data: { roundId: round.id, tag: 'window' },
          });
      });
      return drafts.length;
    }
    const phase = round.phases.find((x) => x.n === p.phase);
    if (!phase || phase.endsAt !== p.stamp) return 0;
    const method = award.definition.phases.find((x) => x.n === p.phase)?.method ?? 'mean_score';
    const inPhase = nominations.filter((n) => n.status === 'in_phase' && n.phase === p.phase);
    if (!inPhase.length) return 0;
    const ids = inPhase.map((n) => n.id);
    const [members, recusals, done] = await Promise.all([
      repo.council(round.id),
      repo.recusalsOf(ids),
      method === 'ballot' ? repo.votesCastOf(ids, p.phase!) : repo.scoresOf(ids, p.phase!),
    ]);
    const owing = members
      .filter((m) => m.member.phase === p.phase && m.member.role !== 'secretary' && m.userId)
      .map((m) => ({
        userId: m.userId!,
        owed: ids.filter(
          (id) =>
            !recusals.some((r) => r.nominationId === id && r.memberId === m.member.id) &&
            !done.some((d) => d.nominationId === id && d.memberId === m.member.id),
        ).length,
      }))
      .filter((m) => m.owed > 0);
    const date = p.stamp.slice(0, 10);
    await deps.db.transaction(async (tx) => {
      for (const m of owing)
        await deps.notificationsService.notify(tx, [m.userId], {
          kind: 'award.reminder',
          title: { vi: `Nhắc hạn chấm điểm: ${award.titleVi}`, en: `Council deadline: ${award.titleEn}` },
          body: {
            vi: `Còn ${m.owed} hồ sơ chưa ${method === 'ballot' ? 'bỏ phiếu' : 'chấm điểm'}; vòng ${p.phase} kết thúc ${date}.`,
            en: `${m.owed} nomination(s) still to ${method === 'ballot' ? 'vote on' : 'score'}; phase ${p.phase} ends on ${date}.`,
          },
          link: '/awards/council',
          data: { roundId: round.id, tag: `phase-${p.phase}` },
        });
    });
    return owing.length;
  }

  return {
    scheduleRound,
    remind,
    register() {
      scheduler.register(AWARD_REMINDER_JOB, async (job) => {
        await remind(job);
      });
    },
  };
}
export type AwardReminders = ReturnType<typeof createAwardReminders>;
