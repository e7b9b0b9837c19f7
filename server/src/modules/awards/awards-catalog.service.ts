import type { AwardRow } from '@hpen/db';
import type { RequestContext } from '../../app/request-context.js';
import { projectProfile } from '../profiles/profile-projection.js';
import type { AwardReminders } from './award-reminders.js';
import { type AwardsCore, isOfficer, isPublished, roundView } from './awards-core.js';
import { awardsErrors } from './awards.errors.js';
import type { AwardDefinitionInput, HonourRollItem } from './awards.schemas.js';

/** The stored definition was validated by the same schema on the way in (the column types it loosely). */
const definitionOf = (a: AwardRow) => a.definition as AwardDefinitionInput;

const summary = (a: AwardRow) => ({
  id: a.id,
  code: a.code,
  title: a.titleVi,
  titleVi: a.titleVi,
  titleEn: a.titleEn,
  organiser: a.definition.organiser,
});

/** The public side of recognition (catalogue, rounds, honour roll) and the officers' award and rules data. */
export function createAwardsCatalogService(core: AwardsCore, reminders?: AwardReminders) {
  const { repo, deps } = core;
  const officerOnly = (ctx: RequestContext) => {
    if (!isOfficer(ctx)) throw awardsErrors.forbidden('Only officers and admins manage awards');
  };

  /** A nominee's name and link only as the public projection allows; otherwise the name given in the nomination. */
  async function publicNominees(nominees: Array<{ profileId: string | null; name: string }>) {
    const ids = nominees.map((n) => n.profileId).filter((x): x is string => !!x);
    const rows = new Map((await deps.profilesRepository.findByIds(ids)).map((r) => [r.id, r]));
    return nominees.map((n) => {
      const row = n.profileId ? rows.get(n.profileId) : undefined;
      const view = row ? projectProfile(row, 'public') : null;
      return view ? { profileId: view.id, name: view.fullName } : { profileId: null, name: n.name };
    });
  }

  return {
    list: async () => ({ items: (await repo.listAwards()).map(summary) }),

    async get(id: string) {
      const award = await repo.findAward(id);
      if (!award) throw awardsErrors.notFound();
      const now = deps.clock();
      return { ...summary(award), definition: definitionOf(award), rounds: (await repo.roundsOf(id)).map((r) => roundView(r, now)) };
    },

    async roundPage(awardId: string, roundId: string) {
      const { award, round } = await core.loadRound(awardId, roundId);
      const now = deps.clock();
      const published = isPublished(round, now);
      const awarded = published ? await repo.awardedOfRounds([round.id]) : [];
      const results = await Promise.all(
        awarded.map(async (n) => ({
          nominationId: n.id,
          category: n.category,
          prizeLevel: n.prizeLevel,
          workTitle: n.work.title,
          nominees: await publicNominees(n.nominees),
        })),
      );
      return {
        award: { ...summary(award), definition: definitionOf(award) },
        round: roundView(round, now),
        nominationCount: await repo.countNominations(round.id),
        results,
      };
    },

    async createAward(ctx: RequestContext, input: { code: string; titleVi: string; titleEn: string; definition: AwardDefinitionInput }) {
      officerOnly(ctx);
      return deps.db.transaction(async (tx) => {
        if (await repo.findAwardByCode(input.code, tx)) throw awardsErrors.duplicateCode();
        const row = (await repo.insertAward(tx, input))!;
        await deps.auditService.record(tx, ctx, {
          action: 'award.created',
          targetType: 'award',
          targetId: row.id,
          details: { code: row.code },
        });
        return { id: row.id };
      });
    },

    async createRound(
      ctx: RequestContext,
      awardId: string,
      input: {
        year: number;
        planReference: string;
        nominationOpensAt: string;
        nominationClosesAt: string;
        phases: Array<{ n: number; startsAt: string; endsAt: string }>;
      },
    ) {
      officerOnly(ctx);
      const award = await repo.findAward(awardId);
      if (!award) throw awardsErrors.notFound();
      const known = new Set(award.definition.phases.map((p) => p.n));
      if (input.phases.some((p) => !known.has(p.n))) throw awardsErrors.phaseUnknown();
      return deps.db.transaction(async (tx) => {
        // One round per award and year (a unique index): a second is refused, not a database error.
        if ((await repo.roundsOf(awardId, tx)).some((r) => r.year === input.year)) throw awardsErrors.roundYearTaken();
        const row = (await repo.insertRound(tx, {
          awardId,
          year: input.year,
          planReference: input.planReference,
          nominationOpensAt: new Date(input.nominationOpensAt),
          nominationClosesAt: new Date(input.nominationClosesAt),
          phases: input.phases,
        }))!;
        await deps.auditService.record(tx, ctx, {
          action: 'award_round.created',
          targetType: 'award_round',
          targetId: row.id,
          details: { year: row.year },
        });
        await reminders?.scheduleRound(tx, row);
        return { id: row.id };
      });
    },

    /** Officers correct a round's plan reference, window and phase dates (the past rounds are entered afterwards). */
    async updateRound(
      ctx: RequestContext,
      awardId: string,
      roundId: string,
      input: {
        planReference?: string;
        nominationOpensAt?: string;
        nominationClosesAt?: string;
        phases?: Array<{ n: number; startsAt: string; endsAt: string }>;
      },
    ) {
      officerOnly(ctx);
      await core.loadRound(awardId, roundId);
      return deps.db.transaction(async (tx) => {
        const row = (await repo.updateRound(tx, roundId, {
          ...(input.planReference !== undefined ? { planReference: input.planReference } : {}),
          ...(input.nominationOpensAt ? { nominationOpensAt: new Date(input.nominationOpensAt) } : {}),
          ...(input.nominationClosesAt ? { nominationClosesAt: new Date(input.nominationClosesAt) } : {}),
          ...(input.phases ? { phases: input.phases } : {}),
        }))!;
        await deps.auditService.record(tx, ctx, {
          action: 'award_round.updated',
          targetType: 'award_round',
          targetId: roundId,
          details: { ...input },
        });
        await reminders?.scheduleRound(tx, row);
        return roundView(row, deps.clock());
      });
    },

    async rules(ctx: RequestContext) {
      officerOnly(ctx);
      return {
        items: (await repo.rules()).map((r) => ({ ...r, effectiveFrom: r.effectiveFrom.toISOString(), createdAt: undefined })),
      };
    },

    async newRulesVersion(ctx: RequestContext, input: Omit<Parameters<typeof repo.insertRulesVersion>[1], 'effectiveFrom'>) {
      officerOnly(ctx);
      return deps.db.transaction(async (tx) => {
        const row = (await repo.insertRulesVersion(tx, { ...input, effectiveFrom: deps.clock() }))!;
        await deps.auditService.record(tx, ctx, {
          action: 'award_rules.versioned',
          targetType: 'award_rules',
          targetId: row.id,
          details: { code: row.code, version: row.version, data: row.data },
        });
        return { ...row, effectiveFrom: row.effectiveFrom.toISOString() };
      });
    },

    /** Awarded nominations of rounds whose decision is recorded and whose publication date has come. */
    async honourRoll(query: { year?: number; awardId?: string; category?: string }) {
      const rounds = (await repo.publishedRounds(deps.clock())).filter(
        ({ round }) => (query.year === undefined || round.year === query.year) && (!query.awardId || round.awardId === query.awardId),
      );
      const byRound = new Map(rounds.map((r) => [r.round.id, r]));
      const awarded = (await repo.awardedOfRounds([...byRound.keys()])).filter((n) => !query.category || n.category === query.category);
      const items: HonourRollItem[] = [];
      for (const n of awarded) {
        const { round, award } = byRound.get(n.roundId)!;
        items.push({
          awardId: award.id,
          awardCode: award.code,
          awardTitle: award.titleVi,
          roundId: round.id,
          year: round.year,
          nominationId: n.id,
          category: n.category,
          prizeLevel: n.prizeLevel,
          workTitle: n.work.title,
          nominees: await publicNominees(n.nominees),
          decision: { number: round.decision!.number, date: round.decision!.date, signer: round.decision!.signer },
          publishedAt: round.publishAt!.toISOString(),
        });
      }
      return { items };
    },

    /** An expert's awards as verified marks: only published decisions, only if the profile is public. */
    async expertAwards(profileId: string) {
      const row = await deps.profilesRepository.findById(profileId);
      if (!row || !projectProfile(row, 'public')) throw awardsErrors.expertNotFound();
      const rows = await repo.awardedFor(profileId, deps.clock());
      return {
        items: rows.map(({ nomination, round, award }) => ({
          awardTitle: award.titleVi,
          year: round.year,
          prizeLevel: nomination.prizeLevel,
          workTitle: nomination.work.title,
          verified: true as const,
          provenance: {
            decisionNumber: round.decision!.number,
            decisionDate: round.decision!.date,
            signer: round.decision!.signer,
            organiser: award.definition.organiser,
          },
        })),
      };
    },
  };
}
export type AwardsCatalogService = ReturnType<typeof createAwardsCatalogService>;
