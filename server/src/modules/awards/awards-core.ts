import type { AwardNominationRow, AwardRoundRow, AwardRow, Database, DbOrTx } from '@hpen/db';
import type { ConsentGate } from '../privacy/privacy.module.js';
import type { RequestContext } from '../../app/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Notice, NotificationsService } from '../notifications/notifications.service.js';
import type { ProfilesRepository } from '../profiles/profiles.repository.js';
import { awardsErrors } from './awards.errors.js';
import type { AwardsRepository, NewNomination } from './awards.repository.js';
import type { NominationView, RoundView } from './awards.schemas.js';
import { type NominationEvent, nextNominationStatus } from './awards.state.js';

export interface AwardsDeps {
  db: Database;
  consentGate: ConsentGate;
  awardsRepository: AwardsRepository;
  profilesRepository: ProfilesRepository;
  auditService: AuditService;
  notificationsService: NotificationsService;
  clock: () => Date;
}

/** Officers and admins run award rounds (the secretariat: Department of S&T, Emulation Board). */
export const isOfficer = (ctx: RequestContext) => ctx.actor?.role === 'officer' || ctx.actor?.role === 'admin';

export function roundView(r: AwardRoundRow, now: Date): RoundView {
  return {
    id: r.id,
    awardId: r.awardId,
    year: r.year,
    planReference: r.planReference,
    status: r.status,
    nominationOpensAt: r.nominationOpensAt.toISOString(),
    nominationClosesAt: r.nominationClosesAt.toISOString(),
    phases: r.phases,
    decision: r.decision
      ? { number: r.decision.number, date: r.decision.date, signer: r.decision.signer, recordedAt: r.decision.recordedAt }
      : null,
    publishAt: r.publishAt?.toISOString() ?? null,
    published: isPublished(r, now),
  };
}
export const isPublished = (r: AwardRoundRow, now: Date) => !!r.decision && !!r.publishAt && r.publishAt.getTime() <= now.getTime();

/**
 * The council seats from which a nomination is visible: it has reached the seat's phase (drafts,
 * submitted, ineligible and not yet started ones are at phase 0 and before no council).
 */
export const seatsReached = <S extends { member: { phase: number } }>(seats: S[], n: Pick<AwardNominationRow, 'phase'>) =>
  seats.filter((s) => n.phase >= 1 && s.member.phase <= n.phase);

export function nominationView(
  n: AwardNominationRow,
  awardId: string,
  recused = false,
  eligibilityCheck: NominationView['eligibilityCheck'] = null,
  awaitingConsent: string[] = [],
  can: NominationView['can'] = [],
): NominationView {
  return {
    id: n.id,
    roundId: n.roundId,
    awardId,
    status: n.status,
    nominatorKind: n.nominatorKind,
    category: n.category,
    prizeLevel: n.prizeLevel,
    team: n.team,
    nominees: n.nominees,
    work: n.work,
    reason: n.reason,
    phase: n.phase,
    results: n.results,
    recused,
    eligibilityCheck,
    awaitingConsent,
    can,
    createdAt: n.createdAt.toISOString(),
  };
}

/** Loading and audited transitions shared by the award services. */
export function createAwardsCore(deps: AwardsDeps) {
  const { awardsRepository: repo, auditService } = deps;

  async function loadRound(
    awardId: string,
    roundId: string,
    tx: DbOrTx = deps.db,
    lock = false,
  ): Promise<{ award: AwardRow; round: AwardRoundRow }> {
    const award = await repo.findAward(awardId, tx);
    if (!award) throw awardsErrors.notFound();
    const round = await repo.findRound(roundId, tx, lock);
    if (!round || round.awardId !== award.id) throw awardsErrors.roundNotFound();
    return { award, round };
  }

  async function loadNomination(id: string, tx: DbOrTx = deps.db, lock = false) {
    const nomination = await repo.findNomination(id, tx, lock);
    if (!nomination) throw awardsErrors.nominationNotFound();
    const round = (await repo.findRound(nomination.roundId, tx))!;
    const award = (await repo.findAward(round.awardId, tx))!;
    return { nomination, round, award };
  }

  async function transition(
    tx: DbOrTx,
    ctx: RequestContext,
    n: AwardNominationRow,
    event: NominationEvent,
    values: Partial<NewNomination> = {},
    details: Record<string, unknown> = {},
  ) {
    const to = nextNominationStatus(n.status, event);
    const row = await repo.updateNomination(tx, n.id, { ...values, status: to });
    await auditService.record(tx, ctx, {
      action: `award_nomination.${event}`,
      targetType: 'award_nomination',
      targetId: n.id,
      details: { from: n.status, to, ...details },
    });
    return row!;
  }

  /** The nominator and the nominees with accounts hear about their nomination. */
  async function notifyParties(tx: DbOrTx, n: AwardNominationRow, notice: Notice) {
    const ids = await repo.userIdsOfProfiles(
      n.nominees.map((x) => x.profileId).filter((x): x is string => !!x),
      tx,
    );
    await deps.notificationsService.notify(tx, [...ids, ...(n.createdBy ? [n.createdBy] : [])], notice);
  }

  return { loadRound, loadNomination, transition, notifyParties, repo, deps };
}
export type AwardsCore = ReturnType<typeof createAwardsCore>;

export const nominationLink = (n: Pick<AwardNominationRow, 'id'>) => `/awards/nominations/${n.id}`;
