import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, registerAndSignIn } from '../support/auth-flows.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
const lines: string[] = [];
beforeAll(async () => {
  const logStream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  t = await createTestApp({ env: { LOG_LEVEL: 'trace' }, logStream });
});
afterAll(async () => {
  await t?.close();
});

describe('logs', () => {
  it('never contain passwords, tokens or cookies, even at trace level', async () => {
    const { accessToken, refresh } = await registerAndSignIn(t, 'log.check@example.vn');
    await t.app.inject({ method: 'POST', url: '/api/auth/refresh', headers: { cookie: `hpen_refresh=${refresh}` } });
    await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${accessToken}` } });
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'log.check@example.vn', password: 'a wrong password' },
    });
    const all = lines.join('');
    expect(lines.length).toBeGreaterThan(5);
    expect(all).toContain('/api/auth/sign-in');
    for (const secret of [PASSWORD, 'a wrong password', accessToken, refresh, accessToken.split('.')[2]!]) {
      expect(all).not.toContain(secret);
    }
  });
});

describe('request log', () => {
  const capture = () => {
    const out: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        out.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    return { out, stream };
  };

  it('writes one line per request: method, route, status, ms, request id and the user id', async () => {
    const { out, stream } = capture();
    const app = await createTestApp({ env: { LOG_LEVEL: 'info' }, logStream: stream });
    try {
      const { accessToken, userId } = await registerAndSignIn(app, 'log.lines@example.vn');
      await app.app.inject({
        method: 'GET',
        url: '/api/me?x=secret-query',
        headers: { authorization: `Bearer ${accessToken}`, 'x-request-id': 'req-me-1' },
      });
      const mine = out.filter((l) => l.includes('req-me-1')).map((l) => JSON.parse(l));
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ reqId: 'req-me-1', method: 'GET', route: '/api/me', status: 200, ms: expect.any(Number), userId });
      expect(out.join('\n')).not.toContain('secret-query');
    } finally {
      await app.close();
    }
  }, 120_000);

  it('can be turned down below LOG_LEVEL with REQUEST_LOG_LEVEL', async () => {
    const { out, stream } = capture();
    const app = await createTestApp({ env: { LOG_LEVEL: 'info', REQUEST_LOG_LEVEL: 'debug' }, logStream: stream });
    try {
      await app.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'req-quiet-1' } });
      expect(out.filter((l) => l.includes('req-quiet-1'))).toEqual([]);
    } finally {
      await app.close();
    }
  }, 120_000);
});
