import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../app/request-context.js';
import type { CommitmentsService } from './commitments.service.js';
import type { EligibleSearchService } from './eligible-search.service.js';
import {
  alertStateSchema,
  commitmentListQuerySchema,
  commitmentListSchema,
  commitmentSchema,
  commitmentUpdateSchema,
  confirmBodySchema,
  eligibleQuerySchema,
  eligibleResultSchema,
  exitBodySchema,
  interestBodySchema,
  interestedListSchema,
  interestListSchema,
  interestSchema,
  offerBodySchema,
  offerIdParamsSchema,
  offerListQuerySchema,
  offerListSchema,
  offerSchema,
  offerStatusBodySchema,
  offerUpdateSchema,
  suggestedExpertListSchema,
  suggestedOfferListSchema,
} from './offers.schemas.js';
import type { OffersService } from './offers.service.js';

const security = [{ bearerAuth: [] }];

interface Opts {
  offersService: OffersService;
  commitmentsService: CommitmentsService;
  eligibleSearchService: EligibleSearchService;
}

/** Positions offered, interest and matching; service commitments; "eligible for program X". */
export const offersRoutes: FastifyPluginAsyncZod<Opts> = async (
  app,
  { offersService: s, commitmentsService: c, eligibleSearchService: e },
) => {
  const auth = { preHandler: app.authenticate };
  const doc = (tags: string[], summary: string, secured = true) => ({ tags, summary, ...(secured ? { security } : {}) });
  const o = (summary: string, secured = true) => doc(['offers'], summary, secured);
  const cm = (summary: string) => doc(['commitments'], summary);

  app.get(
    '/offers',
    {
      preHandler: app.identify,
      schema: {
        ...o('Published positions and engagements (public): text search, facets with counts', false),
        querystring: offerListQuerySchema,
        response: { 200: offerListSchema },
      },
    },
    async (request) => s.list(contextOf(request), request.query),
  );
  app.get(
    '/offers/manage',
    {
      ...auth,
      schema: {
        ...o('My organisation’s offers, every status, with interest counts'),
        response: { 200: z.object({ items: z.array(offerSchema) }) },
      },
    },
    async (request) => s.manageList(contextOf(request)),
  );
  app.get(
    '/offers/:id',
    { preHandler: app.identify, schema: { ...o('One offer', false), params: offerIdParamsSchema, response: { 200: offerSchema } } },
    async (request) => s.get(contextOf(request), request.params.id),
  );
  app.post(
    '/offers',
    {
      ...auth,
      schema: {
        ...o('Post an offer (agency users, officers; a draft until published)'),
        body: offerBodySchema,
        response: { 201: offerSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await s.create(contextOf(request), request.body)),
  );
  app.patch(
    '/offers/:id',
    { ...auth, schema: { ...o('Edit an offer'), params: offerIdParamsSchema, body: offerUpdateSchema, response: { 200: offerSchema } } },
    async (request) => s.update(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/offers/:id/status',
    {
      ...auth,
      schema: {
        ...o('Publish or close an offer (publishing alerts opted-in experts who fit)'),
        params: offerIdParamsSchema,
        body: offerStatusBodySchema,
        response: { 200: offerSchema },
      },
    },
    async (request) => s.setStatus(contextOf(request), request.params.id, request.body.status),
  );
  app.post(
    '/offers/:id/interest',
    {
      ...auth,
      schema: {
        ...o('Express interest, with a note'),
        params: offerIdParamsSchema,
        body: interestBodySchema,
        response: { 201: interestSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await s.expressInterest(contextOf(request), request.params.id, request.body.note)),
  );
  app.delete(
    '/offers/:id/interest',
    { ...auth, schema: { ...o('Withdraw my interest'), params: offerIdParamsSchema, response: { 200: interestSchema } } },
    async (request) => s.withdrawInterest(contextOf(request), request.params.id),
  );
  app.get(
    '/offers/:id/interests',
    {
      ...auth,
      schema: {
        ...o('Interested experts, as each shares their profile with agencies (the poster)'),
        params: offerIdParamsSchema,
        response: { 200: interestedListSchema },
      },
    },
    async (request) => s.interested(contextOf(request), request.params.id),
  );
  app.get(
    '/offers/:id/suggestions',
    {
      ...auth,
      schema: { ...o('Experts who fit the offer (the poster)'), params: offerIdParamsSchema, response: { 200: suggestedExpertListSchema } },
    },
    async (request) => s.suggestions(contextOf(request), request.params.id),
  );
  app.get('/me/offer-interests', { ...auth, schema: { ...o('My interests'), response: { 200: interestListSchema } } }, async (request) =>
    s.myInterests(contextOf(request)),
  );
  app.get(
    '/me/offers/suggested',
    { ...auth, schema: { ...o('Open offers that fit my profile'), response: { 200: suggestedOfferListSchema } } },
    async (request) => s.suggestedForMe(contextOf(request)),
  );
  app.get(
    '/me/offer-alerts',
    { ...auth, schema: { ...o('Whether I get alerts for new fitting offers'), response: { 200: alertStateSchema } } },
    async (request) => s.alertState(contextOf(request)),
  );
  app.put(
    '/me/offer-alerts',
    {
      ...auth,
      schema: {
        ...o('Opt in or out of alerts for new fitting offers'),
        body: z.strictObject({ enabled: z.boolean() }),
        response: { 200: alertStateSchema },
      },
    },
    async (request) => s.setAlerts(contextOf(request), request.body.enabled),
  );

  // ---- service commitments ----
  const idParams = offerIdParamsSchema;
  app.get(
    '/commitments',
    {
      ...auth,
      schema: {
        ...cm('Service commitments: mine (experts) or those I confirm or oversee (staff)'),
        querystring: commitmentListQuerySchema,
        response: { 200: commitmentListSchema },
      },
    },
    async (request) => c.list(contextOf(request), request.query),
  );
  app.get(
    '/commitments/:id',
    { ...auth, schema: { ...cm('One service commitment'), params: idParams, response: { 200: commitmentSchema } } },
    async (request) => c.get(contextOf(request), request.params.id),
  );
  app.patch(
    '/commitments/:id',
    {
      ...auth,
      schema: {
        ...cm('Name the employer or correct the start (program officers)'),
        params: idParams,
        body: commitmentUpdateSchema,
        response: { 200: commitmentSchema },
      },
    },
    async (request) => c.update(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/commitments/:id/confirmations',
    {
      ...auth,
      schema: {
        ...cm('Confirm a year of service (the employer or program officers)'),
        params: idParams,
        body: confirmBodySchema,
        response: { 200: commitmentSchema },
      },
    },
    async (request) => c.confirm(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/commitments/:id/exit',
    {
      ...auth,
      schema: {
        ...cm('Record an early exit with its consequence'),
        params: idParams,
        body: exitBodySchema,
        response: { 200: commitmentSchema },
      },
    },
    async (request) => c.exit(contextOf(request), request.params.id, request.body),
  );

  // ---- staff search: eligible for program X ----
  app.get(
    '/experts/eligible',
    {
      ...auth,
      schema: {
        ...doc(
          ['search'],
          'Experts eligible (and, with nearly=true, nearly eligible) for a program, on what they share with agencies (staff)',
        ),
        querystring: eligibleQuerySchema,
        response: { 200: eligibleResultSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return e.search(contextOf(request), request.query);
    },
  );
};
