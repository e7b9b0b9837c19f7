import type { ConsultationRow, DbOrTx } from '@hpen/db';
import type { CompletedReview } from '../profiles/profiles.schemas.js';
import type { z } from 'zod';
import type { RequestContext } from '../../app/request-context.js';
import { type ConsultationCore, link } from './consultation-core.js';
import { mayKnowNames, type Viewer } from './consultations.access.js';
import { consultationsErrors } from './consultations.errors.js';
import type { replyBodySchema, reportBodySchema, ReviewBody } from './consultations.schemas.js';

const REQUIRED_ON_SUBMIT = ['summary', 'verdict'] as const;
const done = (c: ConsultationRow) => ({ id: c.id, status: c.status });

export type CompletedReviewRecorder = (tx: DbOrTx, ctx: RequestContext, profileId: string, entry: CompletedReview) => Promise<void>;

/** Reviews, the consolidated opinion, the requester's reply and rating, closing. */
export function createConsultationOpinionService({
  core,
  recordCompletedReview,
}: {
  core: ConsultationCore;
  recordCompletedReview?: CompletedReviewRecorder | undefined;
}) {
  const { repo, deps } = core;
  const now = () => deps.clock();

  function seat(v: Viewer) {
    if (v.member?.status !== 'accepted') throw consultationsErrors.forbidden('Only accepted panel members write reviews');
    return v.member;
  }
  const isDrafter = (v: Viewer) => v.organiser || (v.member?.status === 'accepted' && ['chair', 'secretary'].includes(v.member.role));

  async function writeReview(ctx: RequestContext, id: string, body: ReviewBody, submit: boolean) {
    return deps.db.transaction(async (tx) => {
      const { c, v } = await core.load(ctx, id, tx, true);
      const m = seat(v);
      if (!['panel_forming', 'in_review'].includes(c.status)) throw consultationsErrors.badTransition(c.status, 'write a review');
      const existing = await repo.review(m.id, tx);
      if (existing?.submittedAt) throw consultationsErrors.reviewSubmitted();
      const content = {
        ...(existing?.content ?? {}),
        ...(Object.fromEntries(Object.entries(body).filter(([, val]) => val !== undefined)) as Record<string, string>),
      };
      if (submit) {
        const missing = REQUIRED_ON_SUBMIT.filter((k) => !content[k]?.trim());
        if (missing.length) throw consultationsErrors.reviewIncomplete([...missing]);
      }
      const row = await repo.saveReview(tx, { consultationId: c.id, memberId: m.id, content, submittedAt: submit ? now() : null });
      if (submit) {
        await deps.auditService.record(tx, ctx, {
          action: 'consultation.review_submitted',
          targetType: 'consultation',
          targetId: c.id,
          details: { memberId: m.id },
        });
        await core.notifyStaff(tx, [c.organiserOrganisationId], {
          kind: 'consultation.review_submitted',
          title: { vi: `Đã nhận một ý kiến: ${c.title}`, en: `A review was submitted: ${c.title}` },
          body: { vi: '', en: '' },
          link: link(c.id),
        });
      }
      return {
        id: row.id,
        memberId: m.id,
        content: row.content,
        submittedAt: row.submittedAt?.toISOString() ?? null,
        updatedAt: row.updatedAt.toISOString(),
      };
    });
  }

  return {
    saveMyReview: (ctx: RequestContext, id: string, body: ReviewBody) => writeReview(ctx, id, body, false),
    submitMyReview: (ctx: RequestContext, id: string) => writeReview(ctx, id, {}, true),

    async myReview(ctx: RequestContext, id: string) {
      const { v } = await core.load(ctx, id);
      const m = seat(v);
      const row = await repo.review(m.id);
      return { id: row?.id ?? null, memberId: m.id, content: row?.content ?? {}, submittedAt: row?.submittedAt?.toISOString() ?? null };
    },

    /** Submitted reviews, for the organiser and the chair/secretary drafting the opinion. */
    async reviews(ctx: RequestContext, id: string) {
      const { c, v } = await core.load(ctx, id);
      if (!isDrafter(v)) throw consultationsErrors.forbidden();
      const rows = (await repo.reviews(c.id)).filter((r) => r.review.submittedAt);
      const names = mayKnowNames(v, c);
      return {
        items: rows.map((r, i) => ({
          id: r.review.id,
          memberId: r.member.id,
          reviewer: names ? r.fullName : `#${i + 1}`,
          role: r.member.role,
          content: r.review.content,
          submittedAt: r.review.submittedAt?.toISOString() ?? null,
          updatedAt: r.review.updatedAt.toISOString(),
        })),
      };
    },

    /** Drafts (or revises) the consolidated opinion; a revision withdraws an earlier approval. */
    async saveReport(ctx: RequestContext, id: string, body: z.infer<typeof reportBodySchema>) {
      return deps.db.transaction(async (tx) => {
        const { c, v } = await core.load(ctx, id, tx, true);
        if (!isDrafter(v)) throw consultationsErrors.forbidden('The chair, the secretary or the organiser drafts the opinion');
        const submitted = (await repo.reviews(c.id, tx)).filter((r) => r.review.submittedAt);
        if (!submitted.length) throw consultationsErrors.noSubmittedReview();
        const known = new Set(submitted.map((r) => r.review.id));
        const points = body.points.filter((p) => known.has(p.reviewId));
        const report = {
          summary: body.summary,
          body: body.body,
          points,
          draftedBy: ctx.actor!.userId,
          draftedAt: now().toISOString(),
          approvedBy: null,
          approvedAt: null,
        };
        return done(await core.transition(tx, ctx, c, 'draft_report', { report }));
      });
    },

    async approveReport(ctx: RequestContext, id: string) {
      return deps.db.transaction(async (tx) => {
        const { c, v } = await core.load(ctx, id, tx, true);
        core.staffOnly(v, 'organiser');
        if (c.status !== 'consolidating' || !c.report) throw consultationsErrors.badTransition(c.status, 'approve the report');
        const row = await repo.update(tx, c.id, {
          report: { ...c.report, approvedBy: ctx.actor!.userId, approvedAt: now().toISOString() },
        });
        await deps.auditService.record(tx, ctx, { action: 'consultation.report_approved', targetType: 'consultation', targetId: c.id });
        return done(row);
      });
    },

    /** The organiser sends the opinion; sending is also its approval when none was recorded. */
    async send(ctx: RequestContext, id: string) {
      return deps.db.transaction(async (tx) => {
        const { c, v } = await core.load(ctx, id, tx, true);
        core.staffOnly(v, 'organiser');
        if (!c.report) throw consultationsErrors.badTransition(c.status, 'send');
        const report = c.report.approvedAt ? c.report : { ...c.report, approvedBy: ctx.actor!.userId, approvedAt: now().toISOString() };
        const row = await core.transition(tx, ctx, c, 'send', { report, sentAt: now() });
        await core.notifyStaff(tx, [c.requesterOrganisationId], {
          kind: 'consultation.sent',
          title: { vi: `Đã có ý kiến tổng hợp: ${c.title}`, en: `The consolidated opinion is ready: ${c.title}` },
          body: { vi: c.report.summary, en: c.report.summary },
          link: link(c.id),
        });
        return done(row);
      });
    },

    async reply(ctx: RequestContext, id: string, body: z.infer<typeof replyBodySchema>) {
      return deps.db.transaction(async (tx) => {
        const { c, v } = await core.load(ctx, id, tx, true);
        core.staffOnly(v, 'requester');
        const row = await core.transition(tx, ctx, c, 'reply', { reply: { ...body, by: ctx.actor!.userId, at: now().toISOString() } });
        await core.notifyStaff(tx, [c.organiserOrganisationId], {
          kind: 'consultation.replied',
          title: { vi: `Cơ quan đã tiếp thu, giải trình: ${c.title}`, en: `The requester replied: ${c.title}` },
          body: { vi: body.explanation, en: body.explanation },
          link: link(c.id),
        });
        return done(row);
      });
    },

    async rate(ctx: RequestContext, id: string, body: { score: number; comment: string }) {
      return deps.db.transaction(async (tx) => {
        const { c, v } = await core.load(ctx, id, tx, true);
        core.staffOnly(v, 'requester');
        if (!['replied', 'closed'].includes(c.status)) throw consultationsErrors.badTransition(c.status, 'rate the opinion');
        const row = await repo.update(tx, c.id, { rating: { ...body, by: ctx.actor!.userId, at: now().toISOString() } });
        await deps.auditService.record(tx, ctx, {
          action: 'consultation.rated',
          targetType: 'consultation',
          targetId: c.id,
          details: { score: body.score },
        });
        return done(row);
      });
    },

    /** Publishing needs the requester's word: its staff closing with publish, or the case created as publishable. */
    async close(ctx: RequestContext, id: string, publish: boolean) {
      return deps.db.transaction(async (tx) => {
        const { c, v } = await core.load(ctx, id, tx, true);
        if (!v.organiser && !v.requester) throw consultationsErrors.forbidden();
        const published = publish && (v.requester || c.publishable);
        const row = await core.transition(
          tx,
          ctx,
          c,
          'close',
          { closedAt: now(), published, publishable: c.publishable || published },
          published ? 'published' : '',
        );
        const accepted = (await repo.members(c.id, tx)).filter((m) => m.member.status === 'accepted');
        if (published && recordCompletedReview) {
          // Only members who agreed to be named on the public record get it on their profile.
          const [requester] = await repo.organisations([c.requesterOrganisationId], tx);
          for (const m of accepted.filter((a) => a.member.declaration?.publishName === true))
            await recordCompletedReview(tx, ctx, m.profile.id, {
              consultationId: c.id,
              kind: c.kind,
              title: c.title,
              requester: requester?.nameVi ?? '',
              role: m.member.role,
              date: now().toISOString(),
            });
        }
        const members = accepted.filter((m) => m.profile.userId);
        await deps.notificationsService.notify(
          tx,
          members.map((m) => m.profile.userId!),
          {
            kind: 'consultation.closed',
            title: { vi: `Đã kết thúc: ${c.title}`, en: `Closed: ${c.title}` },
            body: { vi: '', en: '' },
            link: link(c.id),
          },
        );
        return done(row);
      });
    },
  };
}
export type ConsultationOpinionService = ReturnType<typeof createConsultationOpinionService>;
