import type { ConsultationRow } from '@hpen/db';
import { badRequest } from '../../app/errors.js';
import type { RequestContext } from '../../app/request-context.js';
import type { ConsultationMatching } from './consultation-matching.js';
import type { ConsultationCore } from './consultation-core.js';
import { allowedActions, projectMembers, type Viewer } from './consultations.access.js';
import { consultationsErrors } from './consultations.errors.js';
import type { ConsultationView, CreateConsultationBody } from './consultations.schemas.js';
import { proposePanel } from './panel-proposal.js';
import { renderPdf } from '../shared/pdf.js';
import { consultationReportSpec, type ReportLanguage } from './consultation-report-pdf.js';

/** Opening and reading cases, suggestions and the panel proposal. */
export function createConsultationsService({ core, matching }: { core: ConsultationCore; matching: ConsultationMatching }) {
  const { repo, deps } = core;

  function creator(ctx: RequestContext) {
    const a = ctx.actor;
    if (!a || !a.organisationId || !['agency', 'curator'].includes(a.role))
      throw consultationsErrors.forbidden('Consultation requests are raised by agency staff or by the Union');
    return { ...a, organisationId: a.organisationId };
  }

  async function organisationNames(c: ConsultationRow) {
    const ids = [c.requesterOrganisationId, ...(c.scheme.ownerOrganisationId ? [c.scheme.ownerOrganisationId] : [])];
    const orgs = await repo.organisations(ids);
    return [...orgs.flatMap((o) => [o.nameVi, o.nameEn]), c.scheme.ownerAgency].filter(Boolean);
  }

  async function view(c: ConsultationRow, v: Viewer): Promise<ConsultationView> {
    const [orgs, members, events, policy] = await Promise.all([
      repo.organisations([c.requesterOrganisationId, c.organiserOrganisationId]),
      repo.members(c.id),
      repo.events(c.id),
      repo.policy(c.policyCode),
    ]);
    const name = (id: string) => ({ id, name: orgs.find((o) => o.id === id)?.nameVi ?? '' });
    const drafter = v.member?.status === 'accepted' && ['chair', 'secretary'].includes(v.member.role);
    const sent = ['sent', 'replied', 'closed'].includes(c.status);
    const { report, reply, rating } = c;
    return {
      id: c.id,
      kind: c.kind,
      status: c.status,
      title: c.title,
      summary: c.summary,
      scheme: c.scheme,
      requester: name(c.requesterOrganisationId),
      organiser: name(c.organiserOrganisationId),
      initiator: c.initiator,
      questions: c.questions,
      fields: c.fields,
      sectors: c.sectors,
      keywords: c.keywords,
      dueAt: c.dueAt.toISOString(),
      panelSize: c.panelSize,
      blind: c.blind,
      budget: v.organiser || v.requester ? c.budget : { estimateVnd: null, fundingSource: null, approvalReference: '' },
      publishable: c.publishable,
      published: c.published,
      policy: { code: c.policyCode, legalReference: policy?.legalReference ?? '', verified: policy?.verified ?? false },
      report:
        report && (v.organiser || drafter || sent)
          ? { summary: report.summary, body: report.body, points: report.points, approved: report.approvedAt !== null }
          : null,
      reply: reply ? { accepted: reply.accepted, notAccepted: reply.notAccepted, explanation: reply.explanation, at: reply.at } : null,
      rating: rating && (v.organiser || v.requester) ? { score: rating.score, comment: rating.comment } : null,
      members: projectMembers(v, c, members),
      timeline: events.map((e) => ({ from: e.fromStatus, to: e.toStatus, at: e.at.toISOString(), note: e.note })),
      can: allowedActions(v, c),
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
    };
  }

  return {
    view,
    organisationNames,

    async create(ctx: RequestContext, body: CreateConsultationBody) {
      const actor = creator(ctx);
      const dueAt = new Date(body.dueAt);
      if (dueAt.getTime() < deps.clock().getTime() - 24 * 3600 * 1000)
        throw badRequest('validation_failed', 'The deadline is in the past', [
          { path: 'dueAt', code: 'in_past', message: 'Must not be in the past' },
        ]);
      const unionInitiative = actor.role === 'curator' && body.requesterOrganisationId !== undefined;
      const requesterId = unionInitiative ? body.requesterOrganisationId! : actor.organisationId;
      const organiserId = body.organiserOrganisationId ?? actor.organisationId;
      const orgs = await repo.organisations([requesterId, organiserId]);
      if (orgs.length !== new Set([requesterId, organiserId]).size) throw consultationsErrors.badOrganisation();
      const requester = orgs.find((o) => o.id === requesterId)!;
      return deps.db.transaction(async (tx) => {
        const policy = await repo.currentPolicy(tx);
        const row = await repo.insert(tx, {
          kind: body.kind,
          title: body.title,
          summary: body.summary,
          scheme: {
            title: body.scheme?.title || body.title,
            ownerAgency: body.scheme?.ownerAgency || requester.nameVi,
            ownerOrganisationId: body.scheme?.ownerAgency ? null : requester.id,
            type: body.scheme?.type ?? '',
            summary: body.scheme?.summary || body.summary,
            draftingTeam: body.scheme?.draftingTeam ?? [],
          },
          requesterOrganisationId: requesterId,
          organiserOrganisationId: organiserId,
          initiator: unionInitiative ? 'union' : 'requester',
          createdBy: actor.userId,
          questions: body.questions,
          fields: body.fields,
          sectors: body.sectors,
          keywords: body.keywords,
          dueAt,
          panelSize: body.panelSize,
          blind: body.blind,
          budget: body.budget ?? { estimateVnd: null, fundingSource: null, approvalReference: '' },
          publishable: body.publishable,
          policyCode: policy?.code ?? 'none',
        });
        await repo.insertEvent(tx, { consultationId: row.id, fromStatus: null, toStatus: 'draft', actorUserId: actor.userId });
        await deps.auditService.record(tx, ctx, {
          action: 'consultation.created',
          targetType: 'consultation',
          targetId: row.id,
          details: { kind: row.kind, requester: requesterId, organiser: organiserId, blind: row.blind },
        });
        return { id: row.id, status: row.status };
      });
    },

    async get(ctx: RequestContext, id: string) {
      const { c, v } = await core.load(ctx, id);
      return view(c, v);
    },

    /**
     * The consolidated opinion as a PDF, for whoever sees it on the web page (the same view, so the
     * same names): the organiser and the drafting chair/secretary from the draft on, everyone on the
     * case once it is sent. Others on the case get 403; anyone else 404.
     */
    async reportPdf(ctx: RequestContext, id: string, lang: ReportLanguage) {
      const { c, v } = await core.load(ctx, id);
      const shown = await view(c, v);
      const report = shown.report;
      if (!report) throw consultationsErrors.forbidden('The consolidated opinion is not available to you yet');
      const reviews = await repo.reviews(c.id);
      const memberOfReview = new Map(reviews.map((r) => [r.review.id, r.member.id]));
      const reviewerOf = (reviewId: string) => shown.members.find((m) => m.id === memberOfReview.get(reviewId));
      const pdf = await renderPdf(consultationReportSpec({ ...shown, report }, reviewerOf, lang));
      return { pdf, filename: `y-kien-${c.kind.replace('_', '-')}-${c.id.slice(0, 8)}.pdf` };
    },

    async list(ctx: RequestContext) {
      const a = ctx.actor;
      if (!a) throw consultationsErrors.forbidden();
      const profileId = a.role === 'expert' ? ((await repo.profileIdOfUser(a.userId)) ?? null) : null;
      const rows = await repo.listFor(a.role === 'expert' ? null : a.organisationId, profileId);
      return {
        items: rows.map((c) => ({
          id: c.id,
          kind: c.kind,
          status: c.status,
          title: c.title,
          dueAt: c.dueAt.toISOString(),
          myRole:
            a.organisationId === c.organiserOrganisationId
              ? 'organiser'
              : a.organisationId === c.requesterOrganisationId
                ? 'requester'
                : 'member',
        })),
      };
    },

    async cancel(ctx: RequestContext, id: string, reason: string) {
      return deps.db.transaction(async (tx) => {
        const { c, v } = await core.load(ctx, id, tx, true);
        if (!v.organiser && !v.requester) throw consultationsErrors.forbidden();
        const row = await core.transition(tx, ctx, c, 'cancel', {}, reason);
        return { id: row.id, status: row.status };
      });
    },

    async suggestions(ctx: RequestContext, id: string) {
      const { c, v } = await core.load(ctx, id);
      core.staffOnly(v, 'organiser');
      return matching.split(await matching.score(c, await organisationNames(c)));
    },

    /** Experts found by name for the panel builder, scored and screened for conflicts like suggestions. */
    async candidatesByName(ctx: RequestContext, id: string, q: string) {
      const { c, v } = await core.load(ctx, id);
      core.staffOnly(v, 'organiser');
      const scored = await matching.score(c, await organisationNames(c), q);
      return { suggestions: matching.strip(scored) };
    },

    async panelProposal(ctx: RequestContext, id: string, size?: number) {
      const { c, v } = await core.load(ctx, id);
      core.staffOnly(v, 'organiser');
      const scored = await matching.score(c, await organisationNames(c));
      return proposePanel(scored, c.fields, size ?? c.panelSize, deps.clock().getUTCFullYear());
    },

    async ratingSummary(ctx: RequestContext) {
      const org = ctx.actor?.role !== 'expert' ? ctx.actor?.organisationId : null;
      if (!org) throw consultationsErrors.forbidden();
      return repo.ratingSummary(org);
    },
  };
}
export type ConsultationsService = ReturnType<typeof createConsultationsService>;
