import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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
  // A file over a route's limit where the route did not read it through app/uploads.ts (which gives its own wording).
  FST_REQ_FILE_TOO_LARGE: 'upload.too_large',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request.invalid_content_length',
  FST_ERR_BAD_URL: 'bad_request.invalid_url',
  FST_ERR_MAX_PARAM_LENGTH: 'bad_request.url_too_long',
  FST_ERR_VALIDATION: 'validation_failed',
};

/**
 * Errors fastify's router raises before any route runs (a path that is not valid UTF-8 after
 * decoding, a path parameter over maxParamLength): the same shape as every other error.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const status = error.statusCode ?? 400;
  const known: Record<string, string> = {
    FST_ERR_BAD_URL: 'The address is not valid (a part of it does not decode to text)',
    FST_ERR_MAX_PARAM_LENGTH: 'A part of the address is too long',
  };
  // send() answers the reply (no promise to await); returning it keeps the handler's one path visible.
  return reply.code(status).send({
    error: {
      code: FASTIFY_CODES[error.code] ?? (status >= 500 ? 'internal_error' : 'bad_request'),
      message: known[error.code] ?? 'The request cannot be routed',
    },
    requestId: request.id,
  } satisfies ErrorBody);
}

/**
 * Errors Node's HTTP parser meets before fastify sees a request (headers or URL too large, a
 * malformed request line, a request that did not arrive within REQUEST_TIMEOUT_MS): answered in
 * the standard shape, then the socket is closed (Node's own default sends an empty body).
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, code, message] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'Request Timeout', 'request_timeout', 'The request did not arrive in time']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', 'bad_request.headers_too_large', 'The address or the headers are too large']
        : [400, 'Bad Request', 'bad_request.malformed', 'The request is not valid HTTP'];
  // A response already under way (a slow upload that timed out mid-answer) cannot get a second status line.
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (socket.writable && !inFlight?.headersSent) {
    const body = JSON.stringify({ error: { code, message }, requestId: randomUUID() } satisfies ErrorBody);
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

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
