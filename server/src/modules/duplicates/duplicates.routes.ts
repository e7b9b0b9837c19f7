import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../app/request-context.js';
import { idParamsSchema } from '../curation/curation.schemas.js';
import * as s from './duplicates.schemas.js';
import type { DuplicatesService } from './duplicates.service.js';

const security = [{ bearerAuth: [] }];

export const duplicatesRoutes: FastifyPluginAsyncZod<{ duplicatesService: DuplicatesService }> = async (app, o) => {
  const tags = ['curation'];

  // Duplicates.
  app.post(
    '/curation/duplicates/scan',
    {
      preHandler: app.authenticate,
      schema: { tags, security, summary: 'Find candidate pairs over all profiles', response: { 200: s.scanResultSchema } },
    },
    async (request) => o.duplicatesService.scan(contextOf(request)),
  );
  app.get(
    '/curation/duplicates',
    {
      preHandler: app.authenticate,
      schema: {
        tags,
        security,
        summary: 'Candidate pairs with score and reasons',
        querystring: s.duplicatesQuerySchema,
        response: { 200: s.duplicateListSchema },
      },
    },
    async (request) => ({ items: await o.duplicatesService.list(contextOf(request), request.query.status) }),
  );
  app.post(
    '/curation/duplicates/:id/dismiss',
    {
      preHandler: app.authenticate,
      schema: { tags, security, summary: 'Not the same person', params: idParamsSchema, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await o.duplicatesService.dismiss(contextOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/curation/duplicates/:id/merge',
    {
      preHandler: app.authenticate,
      schema: {
        tags,
        security,
        summary: 'Merge the pair, section by section; the other id redirects to the kept one',
        params: idParamsSchema,
        body: s.mergeBodySchema,
        response: { 200: s.mergeResultSchema },
      },
    },
    async (request) => o.duplicatesService.merge(contextOf(request), request.params.id, request.body),
  );
};
