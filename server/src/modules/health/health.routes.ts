import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

const readySchema = z.object({
  status: z.enum(['ready', 'unavailable']),
  checks: z.record(z.string(), z.object({ ok: z.boolean(), error: z.string().optional() })),
});

const CHECK_TIMEOUT_MS = 2_000;

function withTimeout(promise: Promise<void>): Promise<void> {
  return Promise.race([
    promise,
    new Promise<void>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS).unref()),
  ]);
}

/** /healthz: the process is up. /readyz: every dependency answers; 503 names what is down. */
export const healthRoutes: FastifyPluginAsyncZod<{ checks: ReadinessCheck[] }> = async (app, { checks }) => {
  app.get(
    '/healthz',
    { config: { rateLimit: false }, schema: { tags: ['health'], summary: 'Liveness', response: { 200: z.object({ status: z.literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: { rateLimit: false },
      schema: { tags: ['health'], summary: 'Readiness: database and search reachable', response: { 200: readySchema, 503: readySchema } },
    },
    async (_request, reply) => {
      const results = await Promise.all(
        checks.map(async ({ name, check }) => {
          try {
            await withTimeout(check());
            return [name, { ok: true }] as const;
          } catch (error) {
            return [name, { ok: false, error: error instanceof Error ? error.message : String(error) }] as const;
          }
        }),
      );
      const ok = results.every(([, r]) => r.ok);
      return reply.code(ok ? 200 : 503).send({ status: ok ? 'ready' : 'unavailable', checks: Object.fromEntries(results) });
    },
  );
};
