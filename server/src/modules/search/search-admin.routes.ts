import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ReindexJob, SyncDeps } from './search-sync.js';
import { reindexStateSchema, searchStatusSchema } from './search.schemas.js';

const security = [{ bearerAuth: [] }];

/** Operations from the browser or curl: the embedded database allows no second process. */
export const searchAdminRoutes: FastifyPluginAsyncZod<{ job: ReindexJob; deps: SyncDeps }> = async (app, { job, deps }) => {
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
      const stats = await deps.outboxRepository.stats();
      const count = (audience: 'public' | 'agencies') => deps.indexes.count(audience).catch(() => null);
      return {
        reindex: job.state(),
        outbox: {
          pending: stats.pending,
          failing: stats.failing,
          oldestPendingAt: stats.oldestPendingAt?.toISOString() ?? null,
          lastError: stats.lastError,
        },
        indexes: { public: await count('public'), agencies: await count('agencies') },
      };
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
        return reply
          .code(409)
          .send({ error: { code: 'search.reindex_running', message: 'A reindex is already running' }, requestId: request.id });
      }
      return reply.code(202).send(job.state());
    },
  );
};
