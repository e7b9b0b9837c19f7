import type {} from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../app/request-context.js';
import { parseFormFields } from '../../app/uploads.js';
import { readDocumentUpload } from '../consultations/document-store.js';
import type { ApplicationReviewersService } from './application-reviewers.service.js';
import type { ApplicationsService } from './applications.service.js';
import { programsErrors } from './programs.errors.js';
import {
  applicationCreatedSchema,
  applicationDocumentSchema,
  applicationIdParamsSchema,
  applicationListQuerySchema,
  applicationListSchema,
  applicationReviewerSchema,
  applicationSchema,
  applicationStatusSchema,
  checklistBodySchema,
  createApplicationBodySchema,
  decisionBodySchema,
  documentFieldsSchema,
  myReviewsSchema,
  programIdParamsSchema,
  requestInformationBodySchema,
  reviewerAnswerBodySchema,
  reviewerCandidatesQuerySchema,
  reviewerCandidatesSchema,
  reviewerOpinionBodySchema,
  reviewerParamsSchema,
  reviewSeatParamsSchema,
  seatReviewerBodySchema,
  updateApplicationBodySchema,
  withdrawBodySchema,
} from './programs.schemas.js';

const security = [{ bearerAuth: [] }];
const tags = ['programs'];

/** Applications: the applicant's steps and the reviewing officers' steps; the service checks who may. */
export const applicationsRoutes: FastifyPluginAsyncZod<{
  applicationsService: ApplicationsService;
  applicationReviewersService: ApplicationReviewersService;
}> = async (app, { applicationsService: s, applicationReviewersService: reviewers }) => {
  const auth = { preHandler: app.authenticate };
  const doc = (summary: string) => ({ tags, security, summary });

  app.post(
    '/programs/:id/applications',
    {
      ...auth,
      schema: {
        ...doc('Start an application (a draft with a snapshot of my profile)'),
        params: programIdParamsSchema,
        body: createApplicationBodySchema,
        response: { 201: applicationCreatedSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await s.create(contextOf(request), request.params.id, request.body)),
  );
  app.get(
    '/applications',
    {
      ...auth,
      schema: {
        ...doc('My applications, or the review queue of my agency (officers)'),
        querystring: applicationListQuerySchema,
        response: { 200: applicationListSchema },
      },
    },
    async (request) => s.list(contextOf(request), request.query),
  );
  app.get(
    '/applications/:id',
    {
      ...auth,
      schema: {
        ...doc('An application with its assessment, checklist and timeline'),
        params: applicationIdParamsSchema,
        response: { 200: applicationSchema },
      },
    },
    async (request) => s.get(contextOf(request), request.params.id),
  );
  app.patch(
    '/applications/:id',
    {
      ...auth,
      schema: {
        ...doc('Change declared facts or the statement (draft, or when information is requested)'),
        params: applicationIdParamsSchema,
        body: updateApplicationBodySchema,
        response: { 200: applicationSchema },
      },
    },
    async (request) => s.update(contextOf(request), request.params.id, request.body),
  );
  app.put(
    '/applications/:id/checklist',
    {
      ...auth,
      schema: {
        ...doc("Save the reviewer's checklist"),
        params: applicationIdParamsSchema,
        body: checklistBodySchema,
        response: { 200: applicationSchema },
      },
    },
    async (request) => s.saveChecklist(contextOf(request), request.params.id, request.body.items),
  );

  const step = <B extends z.ZodType>(
    path: string,
    summary: string,
    body: B | undefined,
    run: (ctx: ReturnType<typeof contextOf>, id: string, body: z.infer<B>) => Promise<z.infer<typeof applicationStatusSchema>>,
  ) =>
    app.post(
      path,
      {
        ...auth,
        schema: {
          ...doc(summary),
          params: applicationIdParamsSchema,
          ...(body ? { body } : {}),
          response: { 200: applicationStatusSchema },
        },
      },
      async (request) => run(contextOf(request), (request.params as { id: string }).id, request.body as z.infer<B>),
    );
  step('/applications/:id/submit', 'Submit the application (applicant)', undefined, (ctx, id) => s.submit(ctx, id));
  step('/applications/:id/start-review', 'Take the application into review (officer)', undefined, (ctx, id) => s.startReview(ctx, id));
  step(
    '/applications/:id/request-information',
    'Ask the applicant for more information (officer)',
    requestInformationBodySchema,
    (ctx, id, b) => s.requestInformation(ctx, id, b.message),
  );
  step('/applications/:id/respond', 'Send the requested information back (applicant)', undefined, (ctx, id) => s.respond(ctx, id));
  step(
    '/applications/:id/decision',
    'Approve or reject with decision number and date (a rejection needs its reason)',
    decisionBodySchema,
    (ctx, id, b) => s.decide(ctx, id, b),
  );
  step('/applications/:id/withdraw', 'Withdraw the application (applicant)', withdrawBodySchema, (ctx, id, b) =>
    s.withdraw(ctx, id, b.reason),
  );

  app.get(
    '/applications/:id/documents',
    {
      ...auth,
      schema: {
        ...doc('Evidence files of the application'),
        params: applicationIdParamsSchema,
        response: { 200: z.object({ items: z.array(applicationDocumentSchema) }) },
      },
    },
    async (request) => ({ items: await s.listDocuments(contextOf(request), request.params.id) }),
  );
  app.post(
    '/applications/:id/documents',
    {
      ...auth,
      schema: {
        ...doc('Add evidence (multipart field `file`, optional field `purpose`; ≤ 20 MB; PDF, DOCX, XLSX, JPEG, PNG)'),
        consumes: ['multipart/form-data'],
        params: applicationIdParamsSchema,
        response: { 201: applicationDocumentSchema },
      },
    },
    async (request, reply) => {
      const { filename, bytes, fields } = await readDocumentUpload(request, reply, programsErrors.documentMissing);
      const { purpose } = parseFormFields(documentFieldsSchema, fields);
      return reply.code(201).send(await s.upload(contextOf(request), request.params.id, { filename, bytes, purpose }));
    },
  );
  app.get(
    '/applications/:id/documents/:documentId',
    { ...auth, schema: { ...doc('Download one evidence file'), params: applicationIdParamsSchema.extend({ documentId: z.uuid() }) } },
    async (request, reply) => {
      const { doc: d, stream } = await s.openDocument(contextOf(request), request.params.id, request.params.documentId);
      reply.header('content-type', d.mime);
      reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(d.name)}`);
      reply.header('cache-control', 'no-store');
      return reply.send(stream);
    },
  );
  // The review council (optional): the officers seat reviewers; each answers and gives an opinion.
  app.post(
    '/applications/:id/reviewers',
    {
      ...auth,
      schema: {
        ...doc('Seat an expert on the review council (officer); screened for conflicts with the applicant'),
        params: applicationIdParamsSchema,
        body: seatReviewerBodySchema,
        response: { 201: applicationReviewerSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await reviewers.seat(contextOf(request), request.params.id, request.body.profileId)),
  );
  app.get(
    '/applications/:id/reviewer-candidates',
    {
      ...auth,
      schema: {
        ...doc('Experts who could review the application (officer): by words, or by the applicant’s fields; screened for conflicts'),
        params: applicationIdParamsSchema,
        querystring: reviewerCandidatesQuerySchema,
        response: { 200: reviewerCandidatesSchema },
      },
    },
    async (request) => reviewers.candidates(contextOf(request), request.params.id, request.query.q),
  );
  app.delete(
    '/applications/:id/reviewers/:reviewerId',
    {
      ...auth,
      schema: {
        ...doc('Take a seat back (officer)'),
        params: reviewerParamsSchema,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => reviewers.unseat(contextOf(request), request.params.id, request.params.reviewerId),
  );
  app.get(
    '/me/application-reviews',
    { ...auth, schema: { ...doc('My seats on application review councils'), response: { 200: myReviewsSchema } } },
    async (request) => reviewers.mine(contextOf(request)),
  );
  app.post(
    '/application-reviews/:reviewerId/answer',
    {
      ...auth,
      schema: {
        ...doc('Accept with a declaration of interest (a declared conflict recuses me), or decline with a reason'),
        params: reviewSeatParamsSchema,
        body: reviewerAnswerBodySchema,
        response: { 200: applicationReviewerSchema },
      },
    },
    async (request) => reviewers.answer(contextOf(request), request.params.reviewerId, request.body),
  );
  app.put(
    '/application-reviews/:reviewerId/opinion',
    {
      ...auth,
      schema: {
        ...doc('My opinion for the deciding officer (until the decision)'),
        params: reviewSeatParamsSchema,
        body: reviewerOpinionBodySchema,
        response: { 200: applicationReviewerSchema },
      },
    },
    async (request) => reviewers.giveOpinion(contextOf(request), request.params.reviewerId, request.body),
  );
};
