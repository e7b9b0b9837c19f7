import type { AwardNominationRow, AwardRoundRow, AwardRow, DbOrTx } from '@hpen/db';
import { systemContext } from '../../app/request-context.js';
import { profileChanged } from '../outbox/outbox.events.js';
import type { OutboxRepository } from '../outbox/outbox.repository.js';
import { type AwardProvenance, hashSnapshot, itemKey } from '../profiles/verification-items.js';
import type { Scheduler } from '../scheduler/scheduler.service.js';
import { type AwardsCore, isPublished } from './awards-core.js';

export const AWARD_PUBLISH_JOB = 'award.publish_marks';
/** Once per database: the marks of rounds published before marks existed. */
export const AWARD_MARKS_BACKFILL_JOB = 'award.marks_backfill';

export function provenanceOf(award: AwardRow, round: AwardRoundRow, n: AwardNominationRow): AwardProvenance {
  const level = award.definition.prizeLevels.find((l) => l.code === n.prizeLevel);
  return {
    awardId: award.id,
    roundId: round.id,
    nominationId: n.id,
    awardTitle: award.titleVi,
    awardTitleEn: award.titleEn,
    year: round.year,
    prizeLevel: n.prizeLevel,
    prizeLevelTitle: level?.titleVi ?? '',
    prizeLevelTitleEn: level?.titleEn ?? '',
    workTitle: n.work.title,
    decisionNumber: round.decision!.number,
    decisionDate: round.decision!.date,
    signer: round.decision!.signer,
    organiser: award.definition.organiser,
  };
}

/**
 * An award becomes a verified mark on each nominee's profile once its round's results are
 * published: the same store and badge as a curator's verification (profile `verifications`,
 * key "award:<nomination id>", the decision as provenance), so the projection, the profile page
 * and the search documents' "verified" flag treat it like any other badge. Written when the
 * decision is recorded with a publication date already come, otherwise by a scheduled job at
 * that date; a one-time job per database catches rounds published before marks existed. Idempotent.
 */
export function createAwardMarks(core: AwardsCore, deps: { outboxRepository: OutboxRepository; scheduler?: Scheduler }) {
  const { repo } = core;
  const { profilesRepository, auditService, clock } = core.deps;

  async function markRound(tx: DbOrTx, roundId: string): Promise<number> {
    const round = await repo.findRound(roundId, tx);
    if (!round || !isPublished(round, clock())) return 0;
    const award = (await repo.findAward(round.awardId, tx))!;
    const awarded = (await repo.nominationsOfRound(roundId, tx)).filter((n) => n.status === 'awarded');
    let written = 0;
    for (const n of awarded) {
      const provenance = provenanceOf(award, round, n);
      const key = itemKey('award', n.id);
      for (const profileId of new Set(n.nominees.map((x) => x.profileId).filter((x): x is string => !!x))) {
        const profile = await profilesRepository.findById(profileId, tx);
        if (!profile || profile.verifications[key]) continue;
        const entry = {
          by: round.decision!.recordedBy ?? '',
          byName: round.decision!.signer,
          at: round.publishAt!.toISOString(),
          hash: hashSnapshot(provenance as unknown as Record<string, unknown>),
          provenance: provenance as unknown as Record<string, string | number | null>,
        };
        await profilesRepository.saveVersion(
          tx,
          profile,
          { verifications: { ...profile.verifications, [key]: entry } },
          {
            actorUserId: null,
            actorRole: 'system',
            changes: [
              { field: `verified.${key}`, before: null, after: { by: entry.byName, at: entry.at, decision: provenance.decisionNumber } },
            ],
          },
        );
        await deps.outboxRepository.enqueue(tx, profileChanged(profileId));
        written++;
      }
    }
    if (written)
      await auditService.record(tx, systemContext, {
        action: 'award_round.marks_published',
        targetType: 'award_round',
        targetId: roundId,
        details: { marks: written, decision: round.decision!.number },
      });
    return written;
  }

  return {
    markRound,

    /** Called by the decision: marks now if the publication date has come, else a job at that date. */
    async onDecided(tx: DbOrTx, round: AwardRoundRow, publishAt: Date) {
      if (publishAt.getTime() <= clock().getTime()) return markRound(tx, round.id);
      await deps.scheduler?.schedule(tx, { kind: AWARD_PUBLISH_JOB, key: round.id, dueAt: publishAt, payload: { roundId: round.id } });
      return 0;
    },

    /**
     * Stores the one-time backfill job (its (kind, key) is unique, so later starts add nothing);
     * the scheduler runs it off the start-up path and retries it if a profile was saved meanwhile.
     */
    scheduleBackfill: (db: DbOrTx) => deps.scheduler?.schedule(db, { kind: AWARD_MARKS_BACKFILL_JOB, key: 'v1', dueAt: clock() }),

    register(scheduler: Scheduler) {
      scheduler.register(AWARD_PUBLISH_JOB, async (job) => {
        await core.deps.db.transaction((tx) => markRound(tx, String(job.payload.roundId)));
      });
      scheduler.register(AWARD_MARKS_BACKFILL_JOB, async () => {
        for (const { round } of await repo.publishedRounds(clock())) await core.deps.db.transaction((tx) => markRound(tx, round.id));
      });
    },
  };
}
export type AwardMarks = ReturnType<typeof createAwardMarks>;
