import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { forbidden } from '../../app/errors.js';
import { contextOf } from '../../app/request-context.js';
import type { PrivacyModule } from './privacy.module.js';
import {
  breachListSchema,
  breachSchema,
  consentChangeBodySchema,
  consentPurposeParamsSchema,
  consentStateListSchema,
  dataRequestActionBodySchema,
  dataRequestIdParamsSchema,
  dataRequestListSchema,
  dataRequestQueueQuerySchema,
  dataRequestSchema,
  fileDataRequestBodySchema,
  myNoticeStatusSchema,
  newBreachBodySchema,
  newPrivacyNoticeBodySchema,
  newPrivacyPolicyBodySchema,
  privacyNoticeVersionSchema,
  privacyOfficerListSchema,
  privacyOfficersBodySchema,
  privacyPolicyListSchema,
  privacyPolicySchema,
  updateBreachBodySchema,
} from './privacy.schemas.js';
import { z } from 'zod';

const security = [{ bearerAuth: [] }];
const tags = ['privacy'];

/** Consents per purpose, data-subject requests, the breach register, the notice and the policy rows. */
export const privacyRoutes: FastifyPluginAsyncZod<{ privacy: PrivacyModule }> = async (app, { privacy }) => {
  const auth = { preHandler: app.authenticate };
  const admin = { preHandler: [app.authenticate, app.requireRole('admin')] };
  /** Admins, and officer-role staff an admin designated for data protection (the queue and the register only). */
  const dataProtection = {
    preHandler: [
      app.authenticate,
      async (request: FastifyRequest) => {
        const a = request.auth;
        if (a?.role === 'admin') return;
        if (a?.role === 'officer' && (await privacy.officersService.isDesignated(a.userId))) return;
        throw forbidden();
      },
    ],
  };

  app.get(
    '/me/consents',
    {
      ...auth,
      schema: { tags, security, summary: 'My consents, one entry per purpose with its history', response: { 200: consentStateListSchema } },
    },
    async (request) => ({ items: await privacy.consentsService.list(contextOf(request)) }),
  );
  for (const [verb, action] of [
    ['grant', 'granted'],
    ['withdraw', 'withdrawn'],
  ] as const) {
    app.post(
      `/me/consents/:purpose/${verb}`,
      {
        ...auth,
        schema: {
          tags,
          security,
          summary: verb === 'grant' ? 'Give consent for one purpose' : 'Withdraw consent for one purpose (takes effect at once)',
          params: consentPurposeParamsSchema,
          body: consentChangeBodySchema,
          response: { 200: consentStateListSchema },
        },
      },
      async (request) => ({
        items: await privacy.consentsService.change(contextOf(request), request.params.purpose, action, request.body?.noticeVersion),
      }),
    );
  }

  app.get(
    '/me/data-requests',
    { ...auth, schema: { tags, security, summary: 'My data-subject requests', response: { 200: dataRequestListSchema } } },
    async (request) => ({ items: await privacy.dataRequestsService.mine(contextOf(request)) }),
  );
  app.post(
    '/me/data-requests',
    {
      ...auth,
      schema: {
        tags,
        security,
        summary: 'File a data-subject request',
        body: fileDataRequestBodySchema,
        response: { 201: dataRequestSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await privacy.dataRequestsService.file(contextOf(request), request.body)),
  );

  app.get(
    '/me/privacy-notice',
    {
      ...auth,
      schema: { tags, security, summary: 'The current notice and whether I must review it', response: { 200: myNoticeStatusSchema } },
    },
    async (request) => privacy.noticesService.status(contextOf(request)),
  );
  app.post(
    '/me/privacy-notice/review',
    { ...auth, schema: { tags, security, summary: 'I have read the current notice', response: { 200: myNoticeStatusSchema } } },
    async (request) => privacy.noticesService.acknowledge(contextOf(request)),
  );
  app.post(
    '/me/profile/confirm',
    { ...auth, schema: { tags, security, summary: 'Confirm my profile is current (retention)', response: { 204: z.null() } } },
    async (request, reply) => {
      await privacy.retentionService.confirm(contextOf(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/privacy-notice',
    { schema: { tags, summary: 'The current privacy notice (vi and en)', response: { 200: privacyNoticeVersionSchema } } },
    async () => privacy.noticesService.current(),
  );

  app.get(
    '/admin/privacy/requests',
    {
      ...dataProtection,
      schema: {
        tags,
        security,
        summary: 'The data-request queue with its clocks',
        querystring: dataRequestQueueQuerySchema,
        response: { 200: dataRequestListSchema },
      },
    },
    async (request) => ({ items: await privacy.dataRequestsService.queue(request.query.status) }),
  );
  app.post(
    '/admin/privacy/requests/:id',
    {
      ...dataProtection,
      schema: {
        tags,
        security,
        summary: 'Acknowledge, extend once, fulfil or refuse a request',
        params: dataRequestIdParamsSchema,
        body: dataRequestActionBodySchema,
        response: { 200: dataRequestSchema },
      },
    },
    async (request) => privacy.dataRequestsService.act(contextOf(request), request.params.id, request.body),
  );

  app.get(
    '/admin/privacy/breaches',
    { ...dataProtection, schema: { tags, security, summary: 'The breach register', response: { 200: breachListSchema } } },
    async () => ({ items: await privacy.breachesService.list() }),
  );
  app.post(
    '/admin/privacy/breaches',
    {
      ...dataProtection,
      schema: {
        tags,
        security,
        summary: 'Record a breach (starts the notification clock)',
        body: newBreachBodySchema,
        response: { 201: breachSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await privacy.breachesService.create(contextOf(request), request.body)),
  );
  app.patch(
    '/admin/privacy/breaches/:id',
    {
      ...dataProtection,
      schema: {
        tags,
        security,
        summary: 'Update a breach record',
        params: dataRequestIdParamsSchema,
        body: updateBreachBodySchema,
        response: { 200: breachSchema },
      },
    },
    async (request) => privacy.breachesService.update(contextOf(request), request.params.id, request.body),
  );

  app.get(
    '/admin/privacy/officers',
    {
      ...admin,
      schema: { tags, security, summary: 'Officer-role staff designated for data protection', response: { 200: privacyOfficerListSchema } },
    },
    async () => privacy.officersService.list(),
  );
  app.put(
    '/admin/privacy/officers',
    {
      ...admin,
      schema: {
        tags,
        security,
        summary: 'Designate officer-role staff for data protection (the request queue and the breach register, nothing else)',
        body: privacyOfficersBodySchema,
        response: { 200: privacyOfficerListSchema },
      },
    },
    async (request) => privacy.officersService.set(contextOf(request), request.body.userIds),
  );

  app.get(
    '/admin/privacy/policies',
    {
      ...admin,
      schema: {
        tags,
        security,
        summary: 'Privacy rule versions (clocks, retention, holidays)',
        response: { 200: privacyPolicyListSchema },
      },
    },
    async () => ({ items: await privacy.policyService.list() }),
  );
  app.post(
    '/admin/privacy/policies',
    {
      ...admin,
      schema: {
        tags,
        security,
        summary: 'Add a privacy rule version',
        body: newPrivacyPolicyBodySchema,
        response: { 201: privacyPolicySchema },
      },
    },
    async (request, reply) => reply.code(201).send(await privacy.policyService.create(contextOf(request), request.body)),
  );
  app.post(
    '/admin/privacy/notices',
    {
      ...admin,
      schema: {
        tags,
        security,
        summary: 'Publish a new notice version (experts review it at next sign-in)',
        body: newPrivacyNoticeBodySchema,
        response: { 201: privacyNoticeVersionSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await privacy.noticesService.publish(contextOf(request), request.body)),
  );
};
