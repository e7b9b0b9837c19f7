import type { FastifyInstance } from 'fastify';

/**
 * Node's requestTimeout only guards a request until its handler is called; a client that then
 * sends a body slowly, or stops halfway, would hold the request (and any partial file) open for
 * ever. This answers 408 when the whole request has not arrived within `ms`, and closes the
 * connection, since the rest of the body will never be read.
 */
export function registerRequestTimeout(app: FastifyInstance, ms: number) {
  app.addHook('onRequest', (request, reply, done) => {
    const raw = request.raw;
    if (raw.complete) return done();
    const timer = setTimeout(() => {
      if (raw.complete || reply.sent) return;
      request.log.info({ afterMs: ms }, 'request body did not arrive in time');
      void reply
        .code(408)
        .header('connection', 'close')
        .send({ error: { code: 'request_timeout', message: 'The request did not arrive in time' }, requestId: request.id });
    }, ms);
    timer.unref();
    const stop = () => clearTimeout(timer);
    raw.once('end', stop);
    raw.once('close', stop);
    reply.raw.once('finish', stop);
    done();
  });
}
