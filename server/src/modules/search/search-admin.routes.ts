import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { searchErrors } from './search.errors.js';
import type { ReindexJob } from './search-reindex-job.js';
import type { SearchSyncStatusFn } from './search-status.js';
import { reindexStateSchema, searchStatusSchema } from './search.schemas.js';

const security = [{ bearerAuth: [] }];

/** Operations from the browser or curl: the embedded database allows no second process. */
export const searchAdminRoutes: FastifyPluginAsyncZod<{ job: ReindexJob; status: SearchSyncStatusFn }> = async (app, { job, status }) => {
  app.get(
    '/admin/search/status',
    {
      preHandler: app.requireRole('admin'),
      schema: {
        tags: ['admin'],
        security,
        summary: 'Search sync: reindex progress, outbox backlog, documents per index',
        response: { 200: searchStatusSchema },
      },
    },
    async () => {
      const s = await status({ withCounts: true });
      return { ...s, indexes: s.indexes ?? { public: null, agencies: null } };
    },
  );

  app.post(
    '/admin/search/reindex',
    {
      preHandler: app.requireRole('admin'),
      schema: {
        tags: ['admin'],
        security,
        summary: 'Rebuild both indexes from the database and swap them in (no search downtime); follow it in /admin/search/status',
        response: {
          202: reindexStateSchema,
          409: z.object({ error: z.object({ code: z.string(), message: z.string() }), requestId: z.string() }),
        },
      },
    },
    async (request, reply) => {
      if (!job.start(`requested by ${request.auth?.userId ?? 'admin'}`)) {
        throw searchErrors.reindexRunning();
      }
      return reply.code(202).send(job.state());
    },
  );
};
