import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built web app and falls back to index.html for client-side routes.
 * API paths never fall back: an unknown /api route stays a JSON 404.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string) {
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) {
    app.log.warn({ distDir }, 'web app not built: run `npm run build:web`; serving the API only');
    return false;
  }
  // wildcard: false registers one route per built file; everything else is a client route.
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    index: false,
    maxAge: '1h',
    // The build wrote .br/.gz beside each text file: sent as they are to a browser that accepts them.
    preCompressed: true,
    // Source maps stay out of the public folder (web/sourcemaps); an old build's are never served.
    allowedPath: (path) => !path.endsWith('.map'),
  });
  // Vite names built assets by content hash: the same name never changes content.
  app.addHook('onSend', async (request, reply) => {
    if (reply.statusCode === 200 && request.url.startsWith('/assets/')) {
      reply.header('cache-control', 'public, max-age=31536000, immutable');
    } else if (/^\/(index\.html)?(\?|$)/.test(request.url)) {
      // The app shell names the current hashed assets: always revalidated.
      reply.header('cache-control', 'no-cache');
    }
  });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    // API paths and missing files (anything with an extension) are real 404s, not the app shell.
    if (path === '/api' || path.startsWith('/api/') || /\.[a-z0-9]+$/i.test(path)) {
      return reply.callNotFound();
    }
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });
  return true;
}
