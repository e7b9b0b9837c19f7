import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { textSchema } from '../shared/shared.schemas.js';
import type { ReferenceService } from './reference.service.js';
import { referenceDataSchema, taxonomySchema } from './reference.schemas.js';

export const referenceRoutes: FastifyPluginAsyncZod<{ referenceService: ReferenceService }> = async (app, { referenceService }) => {
  app.get(
    '/reference/taxonomy',
    {
      schema: {
        tags: ['reference'],
        summary: 'Vietnamese classification of S&T fields (vi/en labels), current version unless asked',
        querystring: z.strictObject({ version: textSchema().max(20).optional() }),
        response: { 200: taxonomySchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      return referenceService.taxonomy(request.query.version);
    },
  );

  app.get(
    '/reference/lists',
    {
      schema: {
        tags: ['reference'],
        summary: 'Priority sectors, degrees, districts and provinces',
        response: { 200: referenceDataSchema },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      return referenceService.lists();
    },
  );
};
