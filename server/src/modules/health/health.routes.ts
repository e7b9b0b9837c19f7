import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** A check throws when its dependency is down; it may instead report a degraded state with details. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void | { degraded?: string; details?: Record<string, unknown> }>;
}

const readySchema = z.object({
  status: z.enum(['ready', 'degraded', 'unavailable']),
  checks: z.record(
    z.string(),
    z.object({
      ok: z.boolean(),
      error: z.string().optional(),
      degraded: z.string().optional(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
});

const CHECK_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS).unref(),
    ),
  ]);
}

/** /healthz: the process is up. /readyz: every dependency answers; 503 names what is down. */
export const healthRoutes: FastifyPluginAsyncZod<{ checks: ReadinessCheck[] }> = async (app, { checks }) => {
  app.get(
    '/healthz',
    {
      config: { rateLimit: false },
      schema: { tags: ['health'], summary: 'Liveness', response: { 200: z.object({ status: z.literal('ok') }) } },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: { rateLimit: false },
      schema: {
        tags: ['health'],
        summary: 'Readiness: database and search reachable; "degraded" when the search index lags behind or deliveries fail',
        response: { 200: readySchema, 503: readySchema },
      },
    },
    async (_request, reply) => {
      const results = await Promise.all(
        checks.map(async ({ name, check }) => {
          try {
            const result = await withTimeout(check());
            return [name, { ok: true, ...(result ?? {}) }] as const;
          } catch (error) {
            return [name, { ok: false, error: error instanceof Error ? error.message : String(error) }] as const;
          }
        }),
      );
      const ok = results.every(([, r]) => r.ok);
      const degraded = results.some(([, r]) => 'degraded' in r && r.degraded);
      return reply
        .code(ok ? 200 : 503)
        .send({ status: ok ? (degraded ? 'degraded' : 'ready') : 'unavailable', checks: Object.fromEntries(results) });
    },
  );
};
