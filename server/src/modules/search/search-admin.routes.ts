import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { searchErrors } from './search.errors.js';
import type { ReindexJob } from './search-reindex-job.js';
import type { SearchSyncStatusFn } from './search-status.js';

const security = [{ bearerAuth: [] }];

const reindexStateSchema = z.object({
  running: z.boolean(),
  reason: z.string().nullable(),
  phase: z.enum(['building', 'swapping', 'done']).nullable(),
  done: z.number().int(),
  total: z.number().int(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  ms: z.number().nullable(),
  documents: z.object({ public: z.number().int(), agencies: z.number().int() }).nullable(),
  error: z.string().nullable(),
  attempts: z.number().int(),
  retryAt: z.string().nullable(),
});

const searchStatusSchema = z.object({
  usable: z.boolean(),
  degraded: z.string().nullable(),
  relay: z.enum(['inline', 'off']),
  reindex: reindexStateSchema,
  outbox: z.object({
    pending: z.number().int(),
    failing: z.number().int(),
    oldestPendingAt: z.string().nullable(),
    lagSeconds: z.number().int(),
    lastError: z.string().nullable(),
  }),
  meilisearchRestarts: z.number().int().nullable(),
  indexes: z.object({ public: z.number().int().nullable(), agencies: z.number().int().nullable() }),
});

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
