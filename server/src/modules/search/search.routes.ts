import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../app/request-context.js';
import { searchQuerySchema, searchResultSchema } from './search.schemas.js';
import type { SearchService } from './search.service.js';

export const searchRoutes: FastifyPluginAsyncZod<{ searchService: SearchService }> = async (app, { searchService }) => {
  app.get(
    '/experts/search',
    {
      preHandler: app.identify,
      schema: {
        tags: ['search'],
        summary: 'Find experts: text (with or without diacritics, typos allowed), filters, facets with counts, sort, pages',
        description:
          'Visitors and experts search the public index; signed-in staff (agency, curator, officer, admin) the agency index. ' +
          'Filters repeat or take comma-separated values: OR within a filter, AND across filters. `field` includes sub-fields. ' +
          '`language` with `minLevel` finds at least that CEFR level. 503 `search.unavailable` when the search server cannot answer.',
        querystring: searchQuerySchema,
        response: { 200: searchResultSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      reply.header('vary', 'authorization');
      return searchService.search(contextOf(request), request.query);
    },
  );
};
