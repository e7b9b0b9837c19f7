import type { AwardNominationRow, AwardRow, DbOrTx } from '@hpen/db';
import type { CouncilRole } from '@hpen/db/enums';
import type { RequestContext } from '../../app/request-context.js';
import { screenConflicts } from '../consultations/conflict-rules.js';
import { scoreExpert } from '../consultations/consultation-scoring.js';
import type { CandidateSearch } from '../consultations/consultation-matching.js';
import { projectProfile } from '../profiles/profile-projection.js';
import type { ExpertView } from '../profiles/profiles.schemas.js';
import { foldVietnamese } from '../shared/text.js';
import { type AwardsCore, isOfficer, nominationLink, seatsReached } from './awards-core.js';
import { awardsErrors } from './awards.errors.js';
import { weightedScore } from './award-tally.js';
import { quoteFilterValue } from '../search/filter-quote.js';

type Flag = { code: string; evidence: string };

/**
 * Conflicts of a council member with a nomination, by the consultation screening rules (same
 * organisation as a nominee, co-authorship with a nominee) plus being a nominee oneself.
 */
export function screenNomination(
  view: ExpertView,
  n: Pick<AwardNominationRow, 'id' | 'nominees' | 'work' | 'nominatorOrganisationId'>,
): Flag[] {
  const flags: Flag[] = n.nominees.some((x) => x.profileId === view.id) ? [{ code: 'nominee', evidence: view.fullName }] : [];
  const screened = screenConflicts(view, {
    consultation: {
      id: n.id,
      scheme: {
        title: n.work.title,
        ownerAgency: '',
        ownerOrganisationId: null,
        type: 'award',
        summary: '',
        draftingTeam: n.nominees.map((x) => x.name),
      },
      requesterOrganisationId: n.nominatorOrganisationId ?? '',
    },
    organisationNames: n.nominees.map((x) => x.organisation).filter((o) => o.trim() !== ''),
    history: [],
  });
  return [...flags, ...screened];
}

export const phaseOf = (award: AwardRow, n: number) => {
  const p = award.definition.phases.find((x) => x.n === n);
  if (!p) throw awardsErrors.phaseUnknown();
  return p;
};

/** Council seats, reviewer suggestions, phase start with automatic recusal, and the members' scores and votes. */
export function createCouncilService(core: AwardsCore, candidateSearch: CandidateSearch) {
  const { repo, deps } = core;
  const officerOnly = (ctx: RequestContext) => {
    if (!isOfficer(ctx)) throw awardsErrors.forbidden('Only the secretariat manages councils');
  };

  /**
   * The viewer's seat on the council of the nomination's current phase, refusing recused members. A
   * member whose seat the nomination has not reached (a draft, or a later phase's seat) is told it
   * does not exist, as when reading it; the secretariat, who see every nomination, that they have no seat.
   */
  async function seatFor(ctx: RequestContext, n: AwardNominationRow, tx: DbOrTx = deps.db) {
    const profileId = ctx.actor ? await repo.profileIdOfUser(ctx.actor.userId, tx) : undefined;
    const seats = profileId
      ? seatsReached(
          (await repo.council(n.roundId, tx)).filter((s) => s.member.profileId === profileId),
          n,
        )
      : [];
    if (!seats.length)
      throw isOfficer(ctx) ? awardsErrors.forbidden('You do not sit on the council of this phase') : awardsErrors.nominationNotFound();
    const seat = seats.find((s) => s.member.phase === n.phase);
    if (!seat) throw awardsErrors.forbidden('You do not sit on the council of this phase');
    const recusals = await repo.recusalsOf([n.id], tx);
    if (recusals.some((r) => r.memberId === seat.member.id)) throw awardsErrors.recused();
    return seat;
  }

  async function recuseConflicted(tx: DbOrTx, nominations: AwardNominationRow[], members: Awaited<ReturnType<typeof repo.council>>) {
    const profiles = await deps.profilesRepository.findByIds(
      members.map((m) => m.member.profileId),
      tx,
    );
    const views = new Map(profiles.map((p) => [p.id, projectProfile(p, 'agencies')]));
    let count = 0;
    for (const n of nominations)
      for (const m of members) {
        const view = views.get(m.member.profileId);
        const flags = view ? screenNomination(view, n) : [];
        if (!flags.length) continue;
        await repo.insertRecusal(tx, {
          nominationId: n.id,
          memberId: m.member.id,
          codes: [...new Set(flags.map((f) => f.code))],
          evidence: flags
            .map((f) => f.evidence)
            .join('; ')
            .slice(0, 2000),
        });
        count++;
      }
    return count;
  }

  return {
    seatFor,

    async council(ctx: RequestContext, awardId: string, roundId: string) {
      await core.loadRound(awardId, roundId);
      const rows = await repo.council(roundId);
      if (!isOfficer(ctx)) {
        const profileId = ctx.actor ? await repo.profileIdOfUser(ctx.actor.userId) : undefined;
        if (!profileId || !rows.some((r) => r.member.profileId === profileId))
          throw awardsErrors.forbidden('Only the secretariat and the council see its members');
      }
      return {
        items: rows.map((r) => ({
          id: r.member.id,
          phase: r.member.phase,
          profileId: r.member.profileId,
          name: r.name,
          role: r.member.role,
          independent: r.member.independent,
        })),
      };
    },

    async addMember(
      ctx: RequestContext,
      awardId: string,
      roundId: string,
      input: { phase: number; profileId: string; role: CouncilRole; independent: boolean },
    ) {
      officerOnly(ctx);
      const { award } = await core.loadRound(awardId, roundId);
      phaseOf(award, input.phase);
      const profile = await deps.profilesRepository.findById(input.profileId);
      if (!profile) throw awardsErrors.expertNotFound();
      return deps.db.transaction(async (tx) => {
        const row = await repo.insertMember(tx, { roundId, ...input });
        if (!row) throw awardsErrors.alreadySeated();
        // Seated after the phase started: screened against the nominations already in it, as at the start.
        const inPhase = (await repo.nominationsOfRound(roundId, tx)).filter((n) => n.status === 'in_phase' && n.phase === input.phase);
        const recusals = inPhase.length
          ? await recuseConflicted(
              tx,
              inPhase,
              (await repo.council(roundId, tx)).filter((m) => m.member.id === row.id),
            )
          : 0;
        await deps.auditService.record(tx, ctx, {
          action: 'award_council.member_added',
          targetType: 'award_round',
          targetId: roundId,
          details: { ...input, recusals },
        });
        if (profile.userId)
          await deps.notificationsService.notify(tx, [profile.userId], {
            kind: 'award.council_seat',
            title: { vi: 'Mời tham gia hội đồng xét giải thưởng', en: 'Seat on an award council' },
            body: { vi: `${award.titleVi}, vòng ${input.phase}`, en: `${award.titleEn}, phase ${input.phase}` },
            link: '/awards/council',
          });
        return {
          id: row.id,
          phase: row.phase,
          profileId: row.profileId,
          name: profile.fullName,
          role: row.role,
          independent: row.independent,
        };
      });
    },

    /**
     * Independent reviewers from the registry: the agency search (as consultation matching), each
     * with the matching reasons of the consultation scoring (as for a critical review, phản biện), screened
     * for conflicts; clean candidates first, then by score. `seatedPhases`: phases of this round they already sit on.
     */
    async reviewerSuggestions(ctx: RequestContext, nominationId: string) {
      officerOnly(ctx);
      const { nomination } = await core.loadNomination(nominationId);
      // The nominees' fields and keywords (as agencies see them) and the work's title, as a consultation case's.
      const nominees = (
        await deps.profilesRepository.findByIds(nomination.nominees.map((x) => x.profileId).filter((x): x is string => !!x))
      )
        .map((r) => projectProfile(r, 'agencies'))
        .filter((v): v is ExpertView => !!v);
      const fields = [...new Set(nominees.flatMap((v) => (v.fields ?? []).map((f) => f.code)))];
      const titleWords = nomination.work.title.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4);
      const keywords = [
        ...new Map([...nominees.flatMap((v) => v.keywords ?? []), ...titleWords].map((w) => [foldVietnamese(w), w])).values(),
      ];
      const [byTitle, byField] = await Promise.all([
        candidateSearch({ q: nomination.work.title, filter: [], limit: 30 }),
        fields.length ? candidateSearch({ q: '', filter: [`fields IN [${fields.map(quoteFilterValue).join(', ')}]`], limit: 30 }) : [],
      ]);
      const ids = [...new Set([...byTitle, ...byField])];
      const [rows, council] = await Promise.all([deps.profilesRepository.findByIds(ids), repo.council(nomination.roundId)]);
      const order = new Map(byTitle.map((id, i) => [id, i]));
      const items = rows
        .map((r) => ({ view: projectProfile(r, 'agencies'), registered: r.userId !== null }))
        .filter((x): x is { view: ExpertView; registered: boolean } => !!x.view)
        .map(({ view: v, registered }) => {
          const scored = scoreExpert({ kind: 'phan_bien', fields, sectors: [], keywords }, v, {
            textRank: order.get(v.id) ?? null,
            workload: { active: 0, last12Months: 0 },
            workloadCap: 3,
          });
          return {
            profileId: v.id,
            name: v.fullName,
            score: scored.score,
            reasons: scored.reasons,
            conflicts: screenNomination(v, nomination),
            registered,
            seatedPhases: council.filter((m) => m.member.profileId === v.id).map((m) => m.member.phase),
          };
        })
        .sort(
          (a, b) =>
            Number(a.conflicts.length > 0) - Number(b.conflicts.length > 0) || b.score - a.score || a.name.localeCompare(b.name, 'vi'),
        );
      return { nominationId, phase: nomination.phase, items };
    },

    /** Moves the eligible (phase 1) or the previous phase's passed nominations into the phase; conflicted members are recused. */
    async startPhase(ctx: RequestContext, awardId: string, roundId: string, phase: number) {
      officerOnly(ctx);
      return deps.db.transaction(async (tx) => {
        const { award, round } = await core.loadRound(awardId, roundId, tx, true);
        phaseOf(award, phase);
        if (round.status === 'decided') throw awardsErrors.decided();
        const all = await repo.nominationsOfRound(roundId, tx);
        const entering = all.filter((n) => (phase === 1 ? n.status === 'eligible' : n.status === 'passed' && n.phase === phase - 1));
        const moved: AwardNominationRow[] = [];
        for (const n of entering) moved.push(await core.transition(tx, ctx, n, 'enter_phase', { phase }, { phase }));
        const members = (await repo.council(roundId, tx)).filter((m) => m.member.phase === phase);
        const recusals = await recuseConflicted(tx, moved, members);
        await repo.updateRound(tx, roundId, { status: 'reviewing' });
        await deps.auditService.record(tx, ctx, {
          action: 'award_round.phase_started',
          targetType: 'award_round',
          targetId: roundId,
          details: { phase, nominations: moved.length, recusals },
        });
        await deps.notificationsService.notify(
          tx,
          members.map((m) => m.userId).filter((x): x is string => !!x),
          {
            kind: 'award.phase_started',
            title: { vi: 'Bắt đầu vòng xét', en: 'Council phase started' },
            body: {
              vi: `${award.titleVi} ${round.year}: ${moved.length} hồ sơ`,
              en: `${award.titleEn} ${round.year}: ${moved.length} nominations`,
            },
            link: '/awards/council',
          },
        );
        return { items: moved.map((n) => ({ nominationId: n.id, status: n.status })) };
      });
    },

    /** A member declares a conflict themself: recused from then on. */
    async declareConflict(ctx: RequestContext, nominationId: string, reason: string) {
      return deps.db.transaction(async (tx) => {
        const { nomination } = await core.loadNomination(nominationId, tx, true);
        const seat = await seatFor(ctx, nomination, tx);
        await repo.insertRecusal(tx, { nominationId, memberId: seat.member.id, codes: ['declared'], evidence: reason });
        await deps.auditService.record(tx, ctx, {
          action: 'award_nomination.recusal_declared',
          targetType: 'award_nomination',
          targetId: nominationId,
          details: { memberId: seat.member.id },
        });
        return { nominationId, phase: nomination.phase, recused: true as const };
      });
    },

    async assignments(ctx: RequestContext) {
      if (!ctx.actor) throw awardsErrors.forbidden();
      const seats = await repo.seatsOfUser(ctx.actor.userId);
      const items = [];
      for (const s of seats) {
        const p = phaseOf(s.award, s.member.phase);
        const ns = (await repo.nominationsOfRound(s.round.id)).filter((n) => n.phase === s.member.phase && n.status !== 'withdrawn');
        const ids = ns.map((n) => n.id);
        const [recusals, scores, votes] = await Promise.all([
          repo.recusalsOf(ids),
          repo.scoresOf(ids, s.member.phase),
          repo.votesCastOf(ids, s.member.phase),
        ]);
        items.push({
          memberId: s.member.id,
          roundId: s.round.id,
          endsAt: s.round.phases.find((x) => x.n === s.member.phase)?.endsAt ?? null,
          awardId: s.award.id,
          awardTitle: s.award.titleVi,
          year: s.round.year,
          phase: s.member.phase,
          role: s.member.role,
          method: p.method,
          ballot: p.ballot,
          nominations: ns.map((n) => ({
            id: n.id,
            workTitle: n.work.title,
            status: n.status,
            recused: recusals.some((r) => r.nominationId === n.id && r.memberId === s.member.id),
            recusal: (() => {
              const r = recusals.find((x) => x.nominationId === n.id && x.memberId === s.member.id);
              return r ? { codes: r.codes, evidence: r.evidence } : null;
            })(),
            scored: scores.some((x) => x.nominationId === n.id && x.memberId === s.member.id),
            voted: votes.some((x) => x.nominationId === n.id && x.memberId === s.member.id),
          })),
        });
      }
      return { items };
    },

    async myScore(ctx: RequestContext, nominationId: string) {
      const { nomination } = await core.loadNomination(nominationId);
      const seat = await seatFor(ctx, nomination);
      const mine = (await repo.scoresOf([nominationId], nomination.phase)).find((s) => s.memberId === seat.member.id);
      return {
        nominationId,
        phase: nomination.phase,
        scores: mine?.scores ?? {},
        review: mine?.review ?? { summary: '', strengths: '', weaknesses: '' },
      };
    },

    async saveScore(
      ctx: RequestContext,
      nominationId: string,
      input: { scores: Record<string, number>; review: { summary: string; strengths: string; weaknesses: string } },
    ) {
      return deps.db.transaction(async (tx) => {
        const { nomination, award } = await core.loadNomination(nominationId, tx, true);
        const seat = await seatFor(ctx, nomination, tx);
        if (nomination.status !== 'in_phase') throw awardsErrors.notInPhase();
        if (seat.member.role === 'secretary') throw awardsErrors.forbidden('The secretary does not score');
        const bad = award.definition.criteria
          .filter((c) => typeof input.scores[c.code] !== 'number' || input.scores[c.code]! < c.min || input.scores[c.code]! > c.max)
          .map((c) => ({ path: `scores.${c.code}`, code: 'out_of_scale', message: `${c.min}–${c.max}` }));
        const unknown = Object.keys(input.scores).filter((k) => !award.definition.criteria.some((c) => c.code === k));
        if (bad.length || unknown.length)
          throw awardsErrors.badScores([
            ...bad,
            ...unknown.map((k) => ({ path: `scores.${k}`, code: 'unknown', message: 'Unknown criterion' })),
          ]);
        await repo.upsertScore(tx, {
          nominationId,
          phase: nomination.phase,
          memberId: seat.member.id,
          scores: input.scores,
          review: input.review,
        });
        await deps.auditService.record(tx, ctx, {
          action: 'award_nomination.scored',
          targetType: 'award_nomination',
          targetId: nominationId,
          details: { phase: nomination.phase },
        });
        return { nominationId, phase: nomination.phase, scores: input.scores, review: input.review };
      });
    },

    /**
     * A ballot. Secret: the ballot row has no voter and no time, and the "voted" row says only that
     * the member voted; nothing in the API, audit log or minutes joins them. Signed: the ballot names the voter.
     */
    async vote(ctx: RequestContext, nominationId: string, choice: 'yes' | 'no' | 'abstain') {
      return deps.db.transaction(async (tx) => {
        const { nomination, award } = await core.loadNomination(nominationId, tx, true);
        const seat = await seatFor(ctx, nomination, tx);
        if (nomination.status !== 'in_phase') throw awardsErrors.notInPhase();
        const p = phaseOf(award, nomination.phase);
        if (p.method !== 'ballot') throw awardsErrors.wrongMethod(p.method);
        if (seat.member.role === 'secretary') throw awardsErrors.forbidden('The secretary does not vote');
        const cast = await repo.insertVoteCast(tx, { nominationId, phase: nomination.phase, memberId: seat.member.id });
        if (!cast) throw awardsErrors.alreadyVoted();
        await repo.insertBallot(tx, {
          nominationId,
          phase: nomination.phase,
          choice,
          voterMemberId: p.ballot === 'signed' ? seat.member.id : null,
        });
        await deps.auditService.record(tx, ctx, {
          action: 'award_nomination.voted',
          targetType: 'award_nomination',
          targetId: nominationId,
          details:
            p.ballot === 'signed' ? { phase: nomination.phase, ballot: 'signed', choice } : { phase: nomination.phase, ballot: 'secret' },
        });
        return { nominationId, phase: nomination.phase, voted: true as const };
      });
    },

    /** Score sheets of a nomination: the secretariat, and the chair, vice-chair and secretary who are not recused. */
    async scores(ctx: RequestContext, nominationId: string) {
      const { nomination, award } = await core.loadNomination(nominationId);
      if (!isOfficer(ctx)) {
        const seat = await seatFor(ctx, nomination);
        if (!['chair', 'vice_chair', 'secretary'].includes(seat.member.role))
          throw awardsErrors.forbidden('Only the chair and the secretary see all score sheets');
      }
      const [sheets, members] = await Promise.all([repo.scoresOf([nominationId], nomination.phase), repo.council(nomination.roundId)]);
      const byId = new Map(members.map((m) => [m.member.id, m]));
      return {
        items: sheets.map((s) => ({
          memberId: s.memberId,
          name: byId.get(s.memberId)?.name ?? '',
          role: byId.get(s.memberId)?.member.role ?? 'member',
          weighted: weightedScore(award.definition.criteria, s.scores),
          scores: s.scores,
          review: s.review,
        })),
      };
    },

    link: nominationLink,
  };
}
export type CouncilService = ReturnType<typeof createCouncilService>;
