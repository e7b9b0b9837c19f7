import type { Database, DbOrTx, ProgramApplicationReviewerRow, ReviewerDeclaration } from '@hpen/db';
import type { RequestContext } from '../../app/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import type { CandidateSearch } from '../consultations/consultation-matching.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { projectProfile, workplaceOf } from '../profiles/profile-projection.js';
import type { ExpertView } from '../profiles/profiles.schemas.js';
import type { ProfilesRepository } from '../profiles/profiles.repository.js';
import { reviewerView, screenReviewer, seatViews, underReview } from './application-review-seats.js';
import { applicationLink } from './applications.service.js';
import { contentOf } from './program-presenter.js';
import { programsErrors } from './programs.errors.js';
import type { ProgramsRepository } from './programs.repository.js';
import { canManage } from './programs.service.js';
import { quoteFilterValue } from '../search/filter-quote.js';

interface Deps {
  db: Database;
  candidateSearch: CandidateSearch;
  programsRepository: ProgramsRepository;
  profilesRepository: ProfilesRepository;
  auditService: AuditService;
  notificationsService: NotificationsService;
  clock: () => Date;
}

/** What the officers are told of an answer, after the reviewer's name. */
const ANSWERED = {
  accepted: ['đã nhận thẩm định hồ sơ', 'accepted to review the application'],
  recused: ['khai báo xung đột lợi ích, không tham gia thẩm định', 'declared a conflict of interest and is recused'],
  declined: ['từ chối thẩm định hồ sơ', 'declined to review the application'],
} as const;

/**
 * The optional review council of an application (issue 14.5): the program's officers seat experts
 * from the registry, screened for conflicts with the applicant; each accepts with the consultation
 * panel's declaration of interest (a declared conflict recuses them) or declines; an accepted
 * reviewer reads the dossier and gives an opinion until the officer decides. Every step is audited.
 */
export function createApplicationReviewersService(deps: Deps) {
  const { db, programsRepository: repo } = deps;

  const seatView = async (row: ProgramApplicationReviewerRow, tx: DbOrTx) => (await seatViews(deps.profilesRepository, [row], tx))[0]!;

  /** The application and its program, for an officer who manages it; 404 for anyone else. */
  async function managed(ctx: RequestContext, applicationId: string, tx: DbOrTx = db) {
    const a = await repo.findApplication(applicationId, tx, tx !== db);
    const p = a ? await repo.findProgram(a.programId, tx) : null;
    if (!a || !p || !canManage(ctx, p) || a.status === 'draft') throw programsErrors.applicationNotFound();
    return { a, p };
  }

  /** The reviewer's own seat, locked; 404 for anyone else. */
  async function ownSeat(ctx: RequestContext, reviewerId: string, tx: DbOrTx) {
    const seat = await repo.reviewer(reviewerId, tx, true);
    if (!seat || !ctx.actor || seat.userId !== ctx.actor.userId) throw programsErrors.reviewerNotFound();
    const a = (await repo.findApplication(seat.applicationId, tx))!;
    const p = (await repo.findProgram(a.programId, tx))!;
    return { seat, a, p };
  }

  async function tellStaff(tx: DbOrTx, organisationId: string | null, applicationId: string, vi: string, en: string) {
    await deps.notificationsService.notify(tx, await repo.staffUserIds(organisationId, tx), {
      kind: 'program_application.reviewer',
      title: { vi, en },
      body: { vi, en },
      link: applicationLink(applicationId),
      data: { applicationId },
    });
  }

  return {
    async candidates(ctx: RequestContext, applicationId: string, q: string) {
      const { a } = await managed(ctx, applicationId);
      const fields = ((a.snapshot as Partial<ExpertView>).fields ?? []).map((f) => f.code);
      const ids = await deps.candidateSearch(
        q || !fields.length
          ? { q, filter: [], limit: 20 }
          : { q: '', filter: [`fields IN [${fields.map(quoteFilterValue).join(', ')}]`], limit: 20 },
      );
      const [rows, seats] = await Promise.all([deps.profilesRepository.findByIds(ids), repo.reviewers(applicationId)]);
      const order = new Map(ids.map((id, i) => [id, i]));
      const items = rows
        .map((r) => ({ view: projectProfile(r, 'agencies'), registered: r.userId !== null }))
        .filter((x): x is { view: ExpertView; registered: boolean } => !!x.view && x.view.id !== a.profileId)
        .map(({ view, registered }) => ({
          profileId: view.id,
          name: view.fullName,
          workplace: workplaceOf(view),
          registered,
          seated: seats.some((s) => s.profileId === view.id),
          conflicts: screenReviewer(view, a),
        }))
        .sort(
          (x, y) =>
            Number(x.conflicts.length > 0) - Number(y.conflicts.length > 0) ||
            Number(!x.registered) - Number(!y.registered) ||
            (order.get(x.profileId) ?? 0) - (order.get(y.profileId) ?? 0),
        );
      return { items };
    },

    async seat(ctx: RequestContext, applicationId: string, profileId: string) {
      return db.transaction(async (tx) => {
        const { a, p } = await managed(ctx, applicationId, tx);
        if (!underReview(a)) throw programsErrors.reviewClosed();
        const row = await deps.profilesRepository.findById(profileId, tx);
        const view = row ? projectProfile(row, 'agencies') : null;
        if (!row || !view) throw programsErrors.profileNotFound();
        const flags = screenReviewer(view, a);
        if (flags.length) throw programsErrors.reviewerConflict(flags);
        if (!row.userId) throw programsErrors.reviewerUnregistered();
        const seat = await repo.insertReviewer(tx, { applicationId, profileId, userId: row.userId, invitedBy: ctx.actor!.userId });
        if (!seat) throw programsErrors.reviewerSeated();
        await deps.auditService.record(tx, ctx, {
          action: 'program_application.reviewer_seated',
          targetType: 'program_application',
          targetId: applicationId,
          details: { reviewerId: seat.id, profileId },
        });
        const title = contentOf((await repo.versionById(a.programVersionId, tx))!).title;
        await deps.notificationsService.notify(tx, [row.userId], {
          kind: 'program_application.review_invitation',
          title: { vi: 'Mời thẩm định hồ sơ thu hút nhân tài', en: 'Invitation to review a talent-program application' },
          body: { vi: title.vi, en: title.en },
          link: applicationLink(applicationId),
          data: { applicationId, reviewerId: seat.id, programId: p.id },
        });
        return reviewerView(seat, view.fullName);
      });
    },

    /** Takes a seat back (a reviewer who does not answer); their opinion, if any, goes with it. */
    async unseat(ctx: RequestContext, applicationId: string, reviewerId: string) {
      await db.transaction(async (tx) => {
        const { a } = await managed(ctx, applicationId, tx);
        if (!underReview(a)) throw programsErrors.reviewClosed();
        const seat = await repo.reviewer(reviewerId, tx, true);
        if (!seat || seat.applicationId !== applicationId) throw programsErrors.reviewerNotFound();
        await repo.deleteReviewer(tx, reviewerId);
        await deps.auditService.record(tx, ctx, {
          action: 'program_application.reviewer_unseated',
          targetType: 'program_application',
          targetId: applicationId,
          details: { reviewerId, profileId: seat.profileId, status: seat.status },
        });
      });
      return { ok: true as const };
    },

    async mine(ctx: RequestContext) {
      const rows = await repo.reviewerSeatsOf(ctx.actor!.userId);
      const views = await seatViews(
        deps.profilesRepository,
        rows.map((r) => r.seat),
      );
      // Seats on applications to the same program version share its title: read each version once.
      const titles = new Map<string, Promise<ReturnType<typeof contentOf>['title']>>();
      const titleOf = (versionId: string) => {
        if (!titles.has(versionId))
          titles.set(
            versionId,
            repo.versionById(versionId).then((v) => contentOf(v!).title),
          );
        return titles.get(versionId)!;
      };
      return {
        items: await Promise.all(
          rows.map(async ({ application }, i) => ({
            ...views[i]!,
            applicationId: application.id,
            applicationStatus: application.status,
            programTitle: await titleOf(application.programVersionId),
            applicantName: (application.snapshot as { fullName?: string }).fullName ?? '',
          })),
        ),
      };
    },

    /**
     * Accepts with a declaration of interest (a declared conflict recuses the reviewer, and the
     * officers are told), or declines with a reason.
     */
    async answer(
      ctx: RequestContext,
      reviewerId: string,
      body: { accept: true; declaration: Omit<ReviewerDeclaration, 'signedAt'> } | { accept: false; reason: string },
    ) {
      return db.transaction(async (tx) => {
        const { seat, a, p } = await ownSeat(ctx, reviewerId, tx);
        if (seat.status !== 'invited') throw programsErrors.seatAnswered();
        if (!underReview(a)) throw programsErrors.reviewClosed();
        const now = deps.clock();
        let values: Partial<ProgramApplicationReviewerRow>;
        if (body.accept) {
          if (!body.declaration.conflict && !body.declaration.confidentiality) throw programsErrors.confidentialityRequired();
          const declaration = { ...body.declaration, signedAt: now.toISOString() };
          values = { status: declaration.conflict ? 'recused' : 'accepted', declaration, respondedAt: now };
        } else values = { status: 'declined', declineReason: body.reason, respondedAt: now };
        const row = await repo.updateReviewer(tx, reviewerId, values);
        await deps.auditService.record(tx, ctx, {
          action: `program_application.reviewer_${row.status}`,
          targetType: 'program_application',
          targetId: a.id,
          details: { reviewerId, ...(row.declaration ? { declaration: row.declaration } : { reason: row.declineReason }) },
        });
        const view = await seatView(row, tx);
        const [vi, en] = ANSWERED[row.status as keyof typeof ANSWERED];
        await tellStaff(tx, p.organisationId, a.id, `${view.name} ${vi}`, `${view.name} ${en}`);
        return view;
      });
    },

    /** An accepted reviewer's opinion; it can be changed until the officer decides. */
    async giveOpinion(
      ctx: RequestContext,
      reviewerId: string,
      body: { recommendation: 'approve' | 'reject' | 'abstain'; comment: string },
    ) {
      return db.transaction(async (tx) => {
        const { seat, a, p } = await ownSeat(ctx, reviewerId, tx);
        if (seat.status !== 'accepted') throw programsErrors.forbidden('Only a reviewer who accepted gives an opinion');
        if (!underReview(a)) throw programsErrors.reviewClosed();
        const opinion = { ...body, at: deps.clock().toISOString() };
        const row = await repo.updateReviewer(tx, reviewerId, { opinion });
        await deps.auditService.record(tx, ctx, {
          action: 'program_application.reviewer_opinion',
          targetType: 'program_application',
          targetId: a.id,
          details: { reviewerId, recommendation: body.recommendation, first: seat.opinion === null },
        });
        const view = await seatView(row, tx);
        if (!seat.opinion)
          await tellStaff(tx, p.organisationId, a.id, `${view.name} đã gửi ý kiến thẩm định`, `${view.name} gave a review opinion`);
        return view;
      });
    },
  };
}
export type ApplicationReviewersService = ReturnType<typeof createApplicationReviewersService>;
