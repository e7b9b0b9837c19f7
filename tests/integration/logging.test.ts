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
