import { type FastifyReply, type FastifyRequest, type FastifyServerOptions, LogController } from 'fastify';

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
 * string, which can carry one-time tokens), status, milliseconds, request id and user id, at
 * REQUEST_LOG_LEVEL (errors at error level). Replaces Fastify's two lines per request.
 */
export function requestLogController(level: RequestLogLevel): LogController {
  return new (class extends LogController {
    override incomingRequest() {}
    override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply) {
      if (level === 'silent' && !error) return;
      const route = request.routeOptions.url ?? request.url.split('?')[0];
      const ms = Math.round(reply.elapsedTime * 10) / 10;
      const userId = (request as { auth?: { userId?: string } | null }).auth?.userId;
      const line = { method: request.method, route, status: reply.statusCode, ms, ...(userId ? { userId } : {}) };
      const msg = `${request.method} ${route} ${reply.statusCode} ${ms}ms`;
      if (error) reply.log.error({ ...line, err: error }, msg);
      else if (level !== 'silent') reply.log[level](line, msg);
    }
  })();
}
