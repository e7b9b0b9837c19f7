import { createSearchClient } from '@hpen/search';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('health', () => {
  it('reports liveness and readiness of the database and Meilisearch', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({
      status: 'ready',
      checks: {
        database: { ok: true },
        search: { ok: true },
        searchSync: {
          ok: true,
          details: { usable: true, pending: expect.any(Number), failing: 0, lagSeconds: expect.any(Number), relay: 'inline' },
        },
      },
    });
  });

  it('answers 503 naming the dependency that is down', async () => {
    const down = await createTestApp({ search: createSearchClient('http://127.0.0.1:9', 'key'), waitForSearch: false });
    try {
      const res = await down.app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({
        status: 'unavailable',
        checks: { database: { ok: true }, search: { ok: false, error: expect.any(String) } },
      });
    } finally {
      await down.close();
    }
  });
});

describe('API surface', () => {
  it('publishes OpenAPI generated from the zod schemas, and browsable docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const spec = res.json();
    expect(spec.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/auth/sign-up',
      '/api/auth/sign-in',
      '/api/auth/refresh',
      '/api/auth/sign-out',
      '/api/auth/verify-email',
      '/api/auth/forgot-password',
      '/api/auth/reset-password',
      '/api/me',
    ]) {
      expect(spec.paths).toHaveProperty([path]);
    }
    const signUp = spec.paths['/api/auth/sign-up'].post.requestBody.content['application/json'].schema;
    expect(signUp.required).toEqual(expect.arrayContaining(['email', 'password', 'fullName', 'acceptPrivacy']));
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/text\/html/);
  });

  it('answers unknown API routes with a JSON 404 in the standard shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'not_found' }, requestId: expect.any(String) });
  });

  it('sends security headers and no CORS headers by default', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz', headers: { origin: 'https://evil.example' } });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('echoes a safe X-Request-Id and uses it in error bodies', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/me', headers: { 'x-request-id': 'trace-123' } });
    expect(res.json().requestId).toBe('trace-123');
  });

  it('rate-limits a flood from one address with 429', async () => {
    const limited = await createTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await limited.app.inject({ method: 'POST', url: '/api/auth/forgot-password', payload: { email: 'x@example.vn' } });
        codes.push(res.statusCode);
        if (res.statusCode === 429) {
          expect(res.json().error.code).toBe('rate_limited');
          expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
        }
      }
      expect(codes).toEqual([202, 202, 202, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('web app serving', () => {
  it('serves the built app, falls back to it for client routes, and 404s missing files and API paths', async () => {
    const { fileURLToPath } = await import('node:url');
    const web = await createTestApp({ env: { WEB_DIST_DIR: fileURLToPath(new URL('../../web/dist', import.meta.url)) } });
    try {
      const home = await web.app.inject({ method: 'GET', url: '/' });
      expect(home.statusCode).toBe(200);
      expect(home.body).toContain('<div id="root">');
      const route = await web.app.inject({ method: 'GET', url: '/account?tab=sessions' });
      expect(route.statusCode).toBe(200);
      expect(route.headers['content-type']).toMatch(/text\/html/);
      const asset = /src="(\/assets\/[^"]+\.js)"/.exec(home.body)?.[1];
      expect(asset).toBeDefined();
      const js = await web.app.inject({ method: 'GET', url: asset! });
      expect(js.statusCode).toBe(200);
      expect(js.headers['cache-control']).toContain('immutable');
      expect((await web.app.inject({ method: 'GET', url: '/assets/missing-123.js' })).statusCode).toBe(404);
      const api = await web.app.inject({ method: 'GET', url: '/api/unknown' });
      expect(api.statusCode).toBe(404);
      expect(api.json().error.code).toBe('not_found');
    } finally {
      await web.close();
    }
  });
});
