import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from './errors.js';

interface ErrorBody {
  error: { code: string; message: string; fields?: FieldError[] };
  requestId: string;
}

/** Maps fastify's own client errors (bad JSON, wrong content type, huge body) to stable codes. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad_request.invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_request.empty_json',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'bad_request.unsupported_media_type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'bad_request.body_too_large',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request.invalid_content_length',
};

/** One error handler: stable codes, field messages, nothing internal in the response. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const send = (status: number, body: Omit<ErrorBody, 'requestId'>) =>
      reply.code(status).send({ ...body, requestId: request.id } satisfies ErrorBody);

    if (error instanceof AppError) {
      if (error.extra.retryAfterSeconds) reply.header('retry-after', String(error.extra.retryAfterSeconds));
      return send(error.statusCode, {
        error: { code: error.code, message: error.message, ...(error.extra.fields ? { fields: error.extra.fields } : {}) },
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const fields = error.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, '').replace(/\//g, '.') || where,
        // Custom rules carry their own stable code (see `rule` in the schemas).
        code: (v.keyword === 'custom' && (v.params as { params?: { code?: string } } | undefined)?.params?.code) || v.keyword,
        message: v.message ?? 'Invalid value',
      }));
      return send(400, { error: { code: 'validation_failed', message: `The request ${where} is invalid`, fields } });
    }
    if (error.statusCode === 429) {
      return send(429, { error: { code: 'rate_limited', message: 'Too many requests; slow down and try again shortly' } });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = FASTIFY_CODES[error.code] ?? 'bad_request';
      return send(status, { error: { code, message: error.message } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(500, { error: { code: 'internal_error', message: 'Something went wrong on our side; please try again' } });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({
      error: { code: 'not_found', message: `No route for ${request.method} ${request.url.split('?')[0]}` },
      requestId: request.id,
    } satisfies ErrorBody);
  });
}
