import type { FastifyInstance, FastifyServerOptions } from 'fastify';

/**
 * pino with secrets redacted: tokens, cookies and passwords never reach the log.
 * Request bodies are not logged at all.
 */
export function loggerOptions(level: string, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.password',
        '*.passwordHash',
        '*.token',
        '*.accessToken',
        '*.refreshToken',
        '*.masterKey',
      ],
      censor: '[redacted]',
    },
  };
}

export type RequestLogLevel = 'info' | 'debug' | 'trace' | 'silent';

/**
 * One line per request, written when it is answered: method, route pattern (never the query
 * string, which can carry one-time tokens), status, milliseconds, request id and user id.
 * Fastify's own two lines per request are turned off (`disableRequestLogging`).
 */
export function registerRequestLog(app: FastifyInstance, level: RequestLogLevel) {
  if (level === 'silent') return;
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? request.url.split('?')[0];
    const ms = Math.round(reply.elapsedTime * 10) / 10;
    const userId = (request as { auth?: { userId?: string } | null }).auth?.userId;
    request.log[level](
      { method: request.method, route, status: reply.statusCode, ms, ...(userId ? { userId } : {}) },
      `${request.method} ${route} ${reply.statusCode} ${ms}ms`,
    );
  });
}
