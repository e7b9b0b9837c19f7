import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../app/request-context.js';
import type { ConsultationPanelService } from './consultation-panel.service.js';
import type { ConsultationPublicService } from './consultation-public.service.js';
import {
  acceptBodySchema,
  declineBodySchema,
  invitationListSchema,
  invitationResultSchema,
  consultationIdParamsSchema,
  laterConflictBodySchema,
  publicConsultationListSchema,
  publicConsultationSchema,
} from './consultations.schemas.js';

const security = [{ bearerAuth: [] }];

/** The expert's inbox, and the public record (no sign-in). */
export const invitationsRoutes: FastifyPluginAsyncZod<{
  panelService: ConsultationPanelService;
  publicService: ConsultationPublicService;
}> = async (app, { panelService: panel, publicService: pub }) => {
  const auth = { preHandler: app.authenticate };
  const tags = ['invitations'];
  app.get(
    '/me/invitations',
    { ...auth, schema: { tags, security, summary: 'My invitations', response: { 200: invitationListSchema } } },
    async (request) => panel.myInvitations(contextOf(request)),
  );
  app.post(
    '/me/invitations/:id/accept',
    {
      ...auth,
      schema: {
        tags,
        security,
        summary: 'Accept, with the declaration',
        params: consultationIdParamsSchema,
        body: acceptBodySchema,
        response: { 200: invitationResultSchema },
      },
    },
    async (request) => panel.accept(contextOf(request), request.params.id, request.body.declaration),
  );
  app.post(
    '/me/invitations/:id/decline',
    {
      ...auth,
      schema: {
        tags,
        security,
        summary: 'Decline, with a reason',
        params: consultationIdParamsSchema,
        body: declineBodySchema,
        response: { 200: invitationResultSchema },
      },
    },
    async (request) => panel.decline(contextOf(request), request.params.id, request.body.reason),
  );
  app.post(
    '/me/invitations/:id/conflict',
    {
      ...auth,
      schema: {
        tags,
        security,
        summary: 'Declare a conflict of interest later (leaves the panel)',
        params: consultationIdParamsSchema,
        body: laterConflictBodySchema,
        response: { 200: invitationResultSchema },
      },
    },
    async (request) => panel.declareConflict(contextOf(request), request.params.id, request.body.description),
  );

  const pubTags = ['public'];
  app.get(
    '/public/consultations',
    {
      schema: {
        tags: pubTags,
        summary: 'Completed, published consultations',
        querystring: z.object({}),
        response: { 200: publicConsultationListSchema },
      },
    },
    async () => pub.list(),
  );
  app.get(
    '/public/consultations/feed.atom',
    { schema: { tags: pubTags, summary: 'The public record as an Atom feed' } },
    async (_request, reply) => {
      reply.header('content-type', 'application/atom+xml; charset=utf-8');
      return pub.atom();
    },
  );
  app.get(
    '/public/consultations/:id',
    {
      schema: {
        tags: pubTags,
        summary: 'One published consultation',
        params: consultationIdParamsSchema,
        response: { 200: publicConsultationSchema },
      },
    },
    async (request) => pub.get(request.params.id),
  );
};
