import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

const webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));
let t: TestApp;
beforeAll(async () => {
  // npm test builds the web app before the tests run.
  t = await createTestApp({ env: { WEB_DIST_DIR: webDist, PUBLIC_URL: 'http://192.168.1.20:3000' } });
}, 90_000);
afterAll(async () => {
  await t?.close();
});

describe('security headers', () => {
  it('leave out upgrade-insecure-requests over plain http (a LAN address would load a blank page)', async () => {
    const csp = String((await t.app.inject({ method: 'GET', url: '/healthz' })).headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
  });

  it('send upgrade-insecure-requests when PUBLIC_URL is https', async () => {
    const https = await createTestApp({ env: { PUBLIC_URL: 'https://tri-thuc.haiphong.gov.vn' } });
    try {
      const csp = String((await https.app.inject({ method: 'GET', url: '/healthz' })).headers['content-security-policy']);
      expect(csp).toContain('upgrade-insecure-requests');
    } finally {
      await https.close();
    }
  }, 90_000);
});

describe('compression', () => {
  it('compresses API JSON with brotli or gzip, as the client accepts', async () => {
    const plain = await t.app.inject({ method: 'GET', url: '/api/reference/taxonomy' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(1024);

    const br = await t.app.inject({ method: 'GET', url: '/api/reference/taxonomy', headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);

    const gz = await t.app.inject({ method: 'GET', url: '/api/reference/taxonomy', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual(plain.json());
  });

  it('serves the web assets precompressed, long-cached and immutable; index.html revalidated', async () => {
    const home = await t.app.inject({ method: 'GET', url: '/', headers: { 'accept-encoding': 'br' } });
    expect(home.statusCode).toBe(200);
    expect(home.headers['cache-control']).toBe('no-cache');
    const html = home.headers['content-encoding'] === 'br' ? brotliDecompressSync(home.rawPayload).toString() : home.body;
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const original = readFileSync(`${webDist}${script}`);

    const js = await t.app.inject({ method: 'GET', url: script!, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-encoding']).toBe('br');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(js.rawPayload).equals(original)).toBe(true);
    expect(js.rawPayload.length).toBeLessThan(original.length / 2);

    const gz = await t.app.inject({ method: 'GET', url: script!, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).equals(original)).toBe(true);

    const index = await t.app.inject({ method: 'GET', url: '/index.html' });
    expect(index.headers['cache-control']).toBe('no-cache');
  });

  it('keeps source maps out of the public folder and never serves one', async () => {
    const files = readdirSync(`${webDist}/assets`);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    const js = files.find((f) => f.endsWith('.js'))!;
    expect(readFileSync(`${webDist}/assets/${js}`, 'utf8')).not.toContain('sourceMappingURL');
    expect((await t.app.inject({ method: 'GET', url: `/assets/${js}.map` })).statusCode).toBe(404);
    expect(existsSync(fileURLToPath(new URL(`../../web/sourcemaps/assets/${js}.map`, import.meta.url)))).toBe(true);
  });
});
