import { constants } from 'node:zlib';
import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Security headers. `upgrade-insecure-requests` only for an https PUBLIC_URL: over plain http
 * (a LAN address, http://<host>:3000) it makes the browser fetch the scripts over https, which
 * nothing serves, and the page stays blank.
 */
export async function registerSecurityHeaders(app: FastifyInstance, publicUrl: string) {
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: publicUrl.startsWith('https://') ? [] : null,
      },
    },
  });
}

/**
 * brotli or gzip for API answers (JSON, CSV). The web app's files are compressed once at build
 * (web/build/precompress.ts) and served as they are (web-static.ts), so no CPU goes to them per request.
 */
export async function registerCompression(app: FastifyInstance) {
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    // Quality 4 of 11: most of the gain for a fraction of the CPU of brotli's default.
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
}
