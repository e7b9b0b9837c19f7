import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../app/request-context.js';
import type { ConsultationOpinionService } from './consultation-opinion.service.js';
import type { ConsultationPanelService } from './consultation-panel.service.js';
import {
  cancelBodySchema,
  closeBodySchema,
  consultationListSchema,
  consultationSchema,
  createConsultationBodySchema,
  createdSchema,
  consultationIdParamsSchema,
  inviteBodySchema,
  inviteResultSchema,
  panelProposalSchema,
  candidatesSchema,
  ratingBodySchema,
  ratingSummarySchema,
  replyBodySchema,
  reportBodySchema,
  reviewBodySchema,
  reviewListSchema,
  statusSchema,
  suggestionsSchema,
} from './consultations.schemas.js';
import type { ConsultationsService } from './consultations.service.js';

const security = [{ bearerAuth: [] }];
const tags = ['consultations'];
const myReviewSchema = z.object({
  id: z.uuid().nullable(),
  memberId: z.uuid(),
  content: z.record(z.string(), z.string()),
  submittedAt: z.string().nullable(),
});

interface Options {
  consultationsService: ConsultationsService;
  panelService: ConsultationPanelService;
  opinionService: ConsultationOpinionService;
}

/** Case routes: staff of the requester and organiser, and invited experts; the services decide who may do what. */
export const consultationsRoutes: FastifyPluginAsyncZod<Options> = async (
  app,
  { consultationsService: s, panelService: panel, opinionService: op },
) => {
  const auth = { preHandler: app.authenticate };
  const doc = (summary: string) => ({ tags, security, summary });

  app.post(
    '/consultations',
    {
      ...auth,
      schema: {
        ...doc('Request a consultation, critical review or social assessment'),
        body: createConsultationBodySchema,
        response: { 201: createdSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await s.create(contextOf(request), request.body)),
  );
  app.get(
    '/consultations',
    { ...auth, schema: { ...doc('Cases I request, organise or am invited to'), response: { 200: consultationListSchema } } },
    async (request) => s.list(contextOf(request)),
  );
  app.get(
    '/consultations/ratings/summary',
    { ...auth, schema: { ...doc('Usefulness ratings of the cases my organisation organised'), response: { 200: ratingSummarySchema } } },
    async (request) => s.ratingSummary(contextOf(request)),
  );
  app.get(
    '/consultations/:id',
    {
      ...auth,
      schema: { ...doc('A case with its panel and timeline'), params: consultationIdParamsSchema, response: { 200: consultationSchema } },
    },
    async (request) => s.get(contextOf(request), request.params.id),
  );
  app.get(
    '/consultations/:id/report.pdf',
    {
      ...auth,
      schema: {
        ...doc('The consolidated opinion as a PDF (Vietnamese unless lang=en)'),
        params: consultationIdParamsSchema,
        querystring: z.object({ lang: z.enum(['vi', 'en']).default('vi') }),
      },
    },
    async (request, reply) => {
      const { pdf, filename } = await s.reportPdf(contextOf(request), request.params.id, request.query.lang);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${filename}"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
  app.get(
    '/consultations/:id/suggestions',
    {
      ...auth,
      schema: {
        ...doc('Ranked experts with reasons and conflict flags'),
        params: consultationIdParamsSchema,
        response: { 200: suggestionsSchema },
      },
    },
    async (request) => s.suggestions(contextOf(request), request.params.id),
  );
  app.get(
    '/consultations/:id/candidates',
    {
      ...auth,
      schema: {
        ...doc('Experts found by name for the panel builder, with reasons and conflict flags'),
        params: consultationIdParamsSchema,
        querystring: z.object({ q: z.string().trim().min(2).max(120) }),
        response: { 200: candidatesSchema },
      },
    },
    async (request) => s.candidatesByName(contextOf(request), request.params.id, request.query.q),
  );
  app.get(
    '/consultations/:id/panel-proposal',
    {
      ...auth,
      schema: {
        ...doc('A proposed panel covering the fields'),
        params: consultationIdParamsSchema,
        querystring: z.object({ size: z.coerce.number().int().min(1).max(25).optional() }),
        response: { 200: panelProposalSchema },
      },
    },
    async (request) => s.panelProposal(contextOf(request), request.params.id, request.query.size),
  );
  app.post(
    '/consultations/:id/invitations',
    {
      ...auth,
      schema: {
        ...doc('Invite experts (conflict flags need a written override)'),
        params: consultationIdParamsSchema,
        body: inviteBodySchema,
        response: { 201: inviteResultSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await panel.invite(contextOf(request), request.params.id, request.body)),
  );
  app.post(
    '/consultations/:id/cancel',
    {
      ...auth,
      schema: {
        ...doc('Cancel a case before its opinion is sent'),
        params: consultationIdParamsSchema,
        body: cancelBodySchema,
        response: { 200: statusSchema },
      },
    },
    async (request) => s.cancel(contextOf(request), request.params.id, request.body.reason),
  );
  app.get(
    '/consultations/:id/reviews/mine',
    {
      ...auth,
      schema: { ...doc('My review (draft or submitted)'), params: consultationIdParamsSchema, response: { 200: myReviewSchema } },
    },
    async (request) => op.myReview(contextOf(request), request.params.id),
  );
  app.put(
    '/consultations/:id/reviews/mine',
    {
      ...auth,
      schema: {
        ...doc('Save my review draft'),
        params: consultationIdParamsSchema,
        body: reviewBodySchema,
        response: { 200: myReviewSchema },
      },
    },
    async (request) => op.saveMyReview(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/consultations/:id/reviews/mine/submit',
    {
      ...auth,
      schema: { ...doc('Submit my review (read-only afterwards)'), params: consultationIdParamsSchema, response: { 200: myReviewSchema } },
    },
    async (request) => op.submitMyReview(contextOf(request), request.params.id),
  );
  app.get(
    '/consultations/:id/reviews',
    {
      ...auth,
      schema: {
        ...doc('Submitted reviews (organiser, chair, secretary)'),
        params: consultationIdParamsSchema,
        response: { 200: reviewListSchema },
      },
    },
    async (request) => op.reviews(contextOf(request), request.params.id),
  );
  const step = <B extends z.ZodType>(
    path: string,
    summary: string,
    body: B | undefined,
    run: (ctx: ReturnType<typeof contextOf>, id: string, body: z.infer<B>) => Promise<z.infer<typeof statusSchema>>,
  ) =>
    app.post(
      path,
      {
        ...auth,
        schema: { ...doc(summary), params: consultationIdParamsSchema, ...(body ? { body } : {}), response: { 200: statusSchema } },
      },
      async (request) => run(contextOf(request), (request.params as { id: string }).id, request.body as z.infer<B>),
    );
  step('/consultations/:id/report', 'Draft or revise the consolidated opinion', reportBodySchema, (ctx, id, body) =>
    op.saveReport(ctx, id, body),
  );
  step('/consultations/:id/report/approve', 'Approve the opinion (organiser)', undefined, (ctx, id) => op.approveReport(ctx, id));
  step('/consultations/:id/send', 'Send the opinion to the requester', undefined, (ctx, id) => op.send(ctx, id));
  step('/consultations/:id/reply', "Record the requester's reply (tiếp thu, giải trình)", replyBodySchema, (ctx, id, body) =>
    op.reply(ctx, id, body),
  );
  step('/consultations/:id/rating', 'Rate the usefulness of the opinion (1–5)', ratingBodySchema, (ctx, id, body) =>
    op.rate(ctx, id, body),
  );
  step('/consultations/:id/close', 'Close the case, publishing it if the requester allows', closeBodySchema, (ctx, id, body) =>
    op.close(ctx, id, body.publish),
  );
};
