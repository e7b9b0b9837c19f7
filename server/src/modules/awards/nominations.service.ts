import type { AwardNominationRow, AwardRoundRow, AwardRow, DbOrTx } from '@hpen/db';
import type { RequestContext } from '../../app/request-context.js';
import { type AwardsCore, isOfficer, nominationLink, nominationView, seatsReached } from './awards-core.js';
import { awardsErrors } from './awards.errors.js';
import { canHappen } from './awards.state.js';
import type { CreateNominationBody, NominationView, UpdateNominationBody } from './awards.schemas.js';
import { factsFromProfile } from '../eligibility/eligibility-facts.js';
import { evaluateRules } from '../eligibility/eligibility-rules.js';
import { ruleDocumentSchema } from '../eligibility/eligibility.schemas.js';

/** Who may nominate as what: self = an expert for themself; agency/organisation = agency or officer staff; association = curators. */
function ensureNominator(ctx: RequestContext, award: AwardRow, kind: CreateNominationBody['nominatorKind']) {
  const actor = ctx.actor!;
  const allowedByAward = award.definition.nominators.includes(kind);
  const allowedByRole =
    kind === 'self'
      ? actor.role === 'expert'
      : kind === 'association'
        ? actor.role === 'curator' && !!actor.organisationId
        : (actor.role === 'agency' || actor.role === 'officer') && !!actor.organisationId;
  if (!allowedByAward || !allowedByRole) throw awardsErrors.nominatorNotAllowed(kind);
}

async function evaluate(deps: AwardsCore['deps'], award: AwardRow, n: AwardNominationRow): Promise<NominationView['eligibilityCheck']> {
  const parsed = ruleDocumentSchema.nullable().safeParse(award.definition.eligibility ?? null);
  if (!parsed.success || !parsed.data) return null;
  const ids = n.nominees.map((x) => x.profileId).filter((x): x is string => !!x);
  const rows = await deps.profilesRepository.findByIds(ids);
  const out: NonNullable<NominationView['eligibilityCheck']> = [];
  for (const row of rows) {
    const facts = factsFromProfile(row, 'agencies', {}, deps.clock());
    if (!facts) continue;
    const result = evaluateRules(parsed.data, facts);
    out.push({ profileId: row.id, name: row.fullName, outcome: result.outcome, criteria: result.criteria });
  }
  return out;
}

/** Who the viewer is to a nomination (see `access`), and their own profile (null for officers). */
type NominationAccess = {
  officer: boolean;
  nominator: boolean;
  nominee: boolean;
  member: boolean;
  recused: boolean;
  profileId: string | null;
};

/**
 * What the viewer may do to the nomination now, so a page offers only those: its nominator submits
 * a draft; the nominator or the secretariat withdraws it until a result is final and adds documents
 * while it is a draft or submitted. Nominees and council members only read.
 */
function nominationActions(n: AwardNominationRow, a: NominationAccess): NominationView['can'] {
  const can: NominationView['can'] = [];
  if (a.nominator && n.status === 'draft') can.push('submit');
  if ((a.nominator || a.officer) && canHappen(n.status, 'withdraw')) can.push('withdraw');
  if ((a.nominator || a.officer) && (n.status === 'draft' || n.status === 'submitted')) can.push('add_documents');
  return can;
}

/** Nominations: the nominator's draft and submission, the secretariat's eligibility check, withdrawal. */
export function createNominationsService(core: AwardsCore) {
  const { repo, deps } = core;
  const eligibilityCheck = (award: AwardRow, n: AwardNominationRow) => evaluate(deps, award, n);

  /**
   * Law 91/2025: nomination is a purpose of its own. Nominees with an account who have not granted
   * it (never answered, or withdrew) hold the nomination as a draft. A nominee without an account
   * (an unclaimed profile, or a name only) is the nominator's to ask on paper, as before.
   */
  async function awaitingConsent(n: Pick<AwardNominationRow, 'nominees'>, tx?: DbOrTx) {
    const ids = n.nominees.map((x) => x.profileId).filter((x): x is string => !!x);
    const states = await deps.consentGate.statesOfProfiles(ids, 'award_nomination', tx);
    return [...states.entries()].filter(([, s]) => s.state === 'never' || s.state === 'withdrawn').map(([id]) => id);
  }

  /** Officers; the nominator (the user, or staff of the nominating organisation); nominees; the round's council. */
  async function access(ctx: RequestContext, n: AwardNominationRow): Promise<NominationAccess> {
    const actor = ctx.actor;
    if (!actor) throw awardsErrors.nominationNotFound();
    const nominator =
      n.createdBy === actor.userId ||
      (!!n.nominatorOrganisationId && actor.role !== 'expert' && actor.organisationId === n.nominatorOrganisationId);
    // The secretariat may also be the nominator (a nomination it entered from a paper dossier).
    if (isOfficer(ctx)) return { officer: true, nominator, nominee: false, member: false, recused: false, profileId: null };
    const profileId = (await repo.profileIdOfUser(actor.userId)) ?? null;
    const nominee = !!profileId && n.nominees.some((x) => x.profileId === profileId);
    // A council member sees a nomination once it is before their council: it has reached their seat's
    // phase (drafts, submitted, ineligible and not yet started ones are at phase 0 and stay hidden).
    const seats = profileId
      ? seatsReached(
          (await repo.council(n.roundId)).filter((s) => s.member.profileId === profileId),
          n,
        )
      : [];
    const recusals = seats.length ? await repo.recusalsOf([n.id]) : [];
    const recused = seats.some((s) => recusals.some((r) => r.memberId === s.member.id));
    if (!nominator && !nominee && !seats.length) throw awardsErrors.nominationNotFound();
    // A nominee reads the nomination but acts on it only as its nominator (a self-nomination): withdrawing a
    // team's nomination is the nominator's call; a nominee who no longer agrees withdraws their consent.
    return { officer: false, nominator, nominee, member: seats.length > 0, recused, profileId };
  }

  const ensureOpen = (round: AwardRoundRow) => {
    const now = deps.clock().getTime();
    if (round.status === 'decided' || now < round.nominationOpensAt.getTime() || now > round.nominationClosesAt.getTime())
      throw awardsErrors.windowClosed();
  };

  return {
    access,

    async create(ctx: RequestContext, awardId: string, roundId: string, input: CreateNominationBody) {
      const { award, round } = await core.loadRound(awardId, roundId);
      ensureNominator(ctx, award, input.nominatorKind);
      ensureOpen(round);
      if (!award.definition.categories.some((c) => c.code === input.category)) throw awardsErrors.badCategory();
      const nominees = input.nominees;
      if (input.nominatorKind === 'self') {
        const own = await repo.profileIdOfUser(ctx.actor!.userId);
        if (!own || !nominees.some((x) => x.profileId === own)) throw awardsErrors.nominatorNotAllowed('self');
      }
      const known = await deps.profilesRepository.findByIds(nominees.map((x) => x.profileId).filter((x): x is string => !!x));
      if (known.length !== new Set(nominees.map((x) => x.profileId).filter(Boolean)).size) throw awardsErrors.expertNotFound();
      return deps.db.transaction(async (tx) => {
        const row = (await repo.insertNomination(tx, {
          roundId,
          nominatorKind: input.nominatorKind,
          nominatorOrganisationId: input.nominatorKind === 'self' ? null : ctx.actor!.organisationId,
          createdBy: ctx.actor!.userId,
          category: input.category,
          team: input.team,
          nominees,
          work: input.work,
        }))!;
        await deps.auditService.record(tx, ctx, {
          action: 'award_nomination.created',
          targetType: 'award_nomination',
          targetId: row.id,
          details: { roundId, kind: input.nominatorKind },
        });
        // Nominating oneself is the consent, recorded with the form as evidence.
        if (input.nominatorKind === 'self')
          await deps.consentGate.grantInFlow(tx, ctx, ctx.actor!.userId, 'award_nomination', {
            form: `/awards/${awardId}/rounds/${roundId}/nominate`,
            nominationId: row.id,
            requestId: ctx.requestId,
          });
        // The others are asked: the nomination waits for them.
        const waiting = await awaitingConsent(row, tx);
        const states = await deps.consentGate.statesOfProfiles(waiting, 'award_nomination', tx);
        const userIds = [...states.values()].map((s) => s.userId).filter((x): x is string => !!x);
        if (userIds.length)
          await deps.notificationsService.notify(tx, userIds, {
            kind: 'award.consent_requested',
            title: { vi: 'Bạn được đề cử khen thưởng', en: 'You have been nominated for an award' },
            body: {
              vi: `Đề cử "${row.work.title}" chờ bạn đồng ý cho xử lý dữ liệu để đề cử khen thưởng (trang Quyền riêng tư).`,
              en: `The nomination "${row.work.title}" awaits your consent to award nomination (your privacy page).`,
            },
            link: '/account/privacy',
          });
        return { id: row.id, status: 'draft' as const };
      });
    },

    /** The nominator (the user who made it) edits a draft: team, nominees, work. */
    async update(ctx: RequestContext, id: string, input: UpdateNominationBody) {
      const { nomination: seen } = await core.loadNomination(id);
      await access(ctx, seen);
      if (seen.createdBy !== ctx.actor!.userId) throw awardsErrors.forbidden('Only the nominator may edit the nomination');
      if (input.nominees) {
        if (seen.nominatorKind === 'self') {
          const own = await repo.profileIdOfUser(ctx.actor!.userId);
          if (!own || !input.nominees.some((x) => x.profileId === own)) throw awardsErrors.nominatorNotAllowed('self');
        }
        const ids = new Set(input.nominees.map((x) => x.profileId).filter((x): x is string => !!x));
        if ((await deps.profilesRepository.findByIds([...ids])).length !== ids.size) throw awardsErrors.expertNotFound();
      }
      return deps.db.transaction(async (tx) => {
        const { nomination, award } = await core.loadNomination(id, tx, true);
        if (nomination.status !== 'draft') throw awardsErrors.notDraft();
        const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as UpdateNominationBody;
        const row = Object.keys(changes).length ? ((await repo.updateNomination(tx, id, changes)) ?? nomination) : nomination;
        await deps.auditService.record(tx, ctx, {
          action: 'award_nomination.updated',
          targetType: 'award_nomination',
          targetId: id,
          details: { fields: Object.keys(changes) },
        });
        return nominationView(row, award.id, false, await eligibilityCheck(award, row));
      });
    },

    /** My nominations: made by me or my organisation, or naming me; with their award and round. */
    async mine(ctx: RequestContext) {
      const actor = ctx.actor!;
      const profileId = (await repo.profileIdOfUser(actor.userId)) ?? null;
      const rows = await repo.nominationsFor(actor.userId, actor.role === 'expert' ? null : actor.organisationId, profileId);
      return {
        items: rows.map(({ nomination, round, award }) => ({
          ...nominationView(nomination, award.id),
          awardTitle: award.titleVi,
          awardTitleEn: award.titleEn,
          year: round.year,
        })),
      };
    },

    async listForRound(ctx: RequestContext, awardId: string, roundId: string) {
      const { award } = await core.loadRound(awardId, roundId);
      const rows = await repo.nominationsOfRound(roundId);
      const visible = [];
      for (const n of rows) {
        const a = await access(ctx, n).catch(() => null);
        if (a) visible.push(nominationView(n, award.id, a.recused));
      }
      return { items: visible };
    },

    /** The nominator and the secretariat see the award's eligibility rules evaluated per criterion, on what agencies may see of each nominee. */
    async get(ctx: RequestContext, id: string) {
      const { nomination, award } = await core.loadNomination(id);
      const a = await access(ctx, nomination);
      const check = a.officer || a.nominator || a.nominee ? await eligibilityCheck(award, nomination) : null;
      const own = a.officer || a.nominator ? null : a.profileId;
      return nominationView(
        nomination,
        award.id,
        a.recused,
        // A nominee sees their own line of the check: the others' are read on what agencies may see of them.
        check && own ? check.filter((c) => c.profileId === own) : check,
        nomination.status === 'draft' ? await awaitingConsent(nomination) : [],
        nominationActions(nomination, a),
      );
    },

    async submit(ctx: RequestContext, id: string) {
      const { nomination: seen } = await core.loadNomination(id);
      if (!(await access(ctx, seen)).nominator) throw awardsErrors.forbidden('Only the nominator may submit');
      return deps.db.transaction(async (tx) => {
        const { nomination, round } = await core.loadNomination(id, tx, true);
        ensureOpen(round);
        const waiting = await awaitingConsent(nomination, tx);
        if (waiting.length) throw awardsErrors.nomineeConsentRequired(waiting);
        const row = await core.transition(tx, ctx, nomination, 'submit');
        await deps.notificationsService.notify(tx, await repo.officerUserIds(tx), {
          kind: 'award.nomination_submitted',
          title: { vi: 'Hồ sơ đề cử mới', en: 'New award nomination' },
          body: { vi: `Đề cử: ${row.work.title}`, en: `Nomination: ${row.work.title}` },
          link: nominationLink(row),
        });
        return { id: row.id, status: row.status };
      });
    },

    async withdraw(ctx: RequestContext, id: string) {
      const a = await access(ctx, (await core.loadNomination(id)).nomination);
      if (!a.nominator && !a.officer) throw awardsErrors.forbidden('Only the nominator or the secretariat may withdraw');
      return deps.db.transaction(async (tx) => {
        const { nomination } = await core.loadNomination(id, tx, true);
        const row = await core.transition(tx, ctx, nomination, 'withdraw');
        // The secretariat hears once it had the nomination (a draft was never theirs).
        if (nomination.status !== 'draft')
          await deps.notificationsService.notify(tx, await repo.officerUserIds(tx), {
            kind: 'award.nomination_withdrawn',
            title: { vi: 'Hồ sơ đề cử đã rút', en: 'Nomination withdrawn' },
            body: { vi: `Đã rút: ${row.work.title}`, en: `Withdrawn: ${row.work.title}` },
            link: nominationLink(row),
          });
        return { id: row.id, status: row.status };
      });
    },

    /** The secretariat's eligibility check, with the reason shown to the nominator when ineligible. */
    async decideEligibility(ctx: RequestContext, id: string, input: { eligible: boolean; reason: string }) {
      if (!isOfficer(ctx)) {
        await access(ctx, (await core.loadNomination(id)).nomination);
        throw awardsErrors.forbidden('Only the secretariat decides eligibility');
      }
      if (!input.eligible && !input.reason.trim()) throw awardsErrors.reasonRequired();
      return deps.db.transaction(async (tx) => {
        const { nomination } = await core.loadNomination(id, tx, true);
        const row = await core.transition(
          tx,
          ctx,
          nomination,
          input.eligible ? 'accept_eligible' : 'reject_ineligible',
          { reason: input.reason },
          { reason: input.reason },
        );
        await core.notifyParties(tx, row, {
          kind: 'award.eligibility',
          title: input.eligible
            ? { vi: 'Hồ sơ hợp lệ', en: 'Nomination eligible' }
            : { vi: 'Hồ sơ không hợp lệ', en: 'Nomination not eligible' },
          body: {
            vi: `${row.work.title}${input.reason ? `: ${input.reason}` : ''}`,
            en: `${row.work.title}${input.reason ? `: ${input.reason}` : ''}`,
          },
          link: nominationLink(row),
        });
        return { id: row.id, status: row.status };
      });
    },
  };
}
export type NominationsService = ReturnType<typeof createNominationsService>;
