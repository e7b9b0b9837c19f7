import type { FastifyServerOptions } from 'fastify';

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
